"""Offline language identification, good enough to keep non-English articles out of an English coder.

No model and nothing fetched at run time: the script of the letters (Cyrillic, Arabic, CJK ...)
decides first; Latin-script text is scored by the share of its words that are the most frequent
function words of each of a dozen languages. English function words make up roughly 40-50% of
running English news text, and well under 5% of French, German or Spanish.

`detect(text)` returns a `Detection`; `is_english` is also true when the text is too short to
judge (fewer than `MIN_WORDS` words) or matches no language — only a confident other language
makes an article "not English".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

MIN_WORDS = 20  # below this a verdict is a guess: such texts count as English
SAMPLE_CHARS = 20_000  # the first 20,000 characters are enough to tell
MIN_SHARE = 0.12  # a language needs this share of function words to be named
ENGLISH_FLOOR = 0.10  # with this share of English-only function words a text is never turned away
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# The most frequent function words (articles, pronouns, prepositions, conjunctions, auxiliaries).
# Words shared between languages are kept: the ranking compares shares, so they cancel out.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "English": "the of and to a in is was that for on with as by at from it his he said were are be has "
                   "have had not an which this but their its they who been will would after over also or "
                   "than after into more new two her she about there could when what while our we",
        "French": "le la les de des du un une et est a à en dans que qui pour pas sur au aux par avec ce cette "
                  "il elle ont sont été se sa son ses plus mais ou leur nous vous lui été été d l qu",
        "German": "der die das und ist nicht zu den von mit sich des auf für im dem ein eine einer eines "
                  "auch es an werden aus er hat dass sie nach wird bei um noch wie über so zum zur war",
        "Spanish": "el la los las de del y a en que un una es por con para se no su sus al lo como más pero "
                   "fue ha han este esta sobre entre también sin desde muy ya le",
        "Portuguese": "o a os as de do da dos das e em que um uma é para com não por se no na nos nas ao "
                      "mais foi como mas ou seu sua pelo pela são também",
        "Italian": "il lo la i gli le di del della dei delle e a che un una è per con non si in nel nella al "
                   "alla da dal più ma come sono anche questo questa ha",
        "Dutch": "de het een en van in is dat op te met voor zijn niet die aan er door als ook bij om "
                 "maar uit worden wordt naar heeft was",
        "Polish": "i w na z się nie do że to jest o jak po ale od za przez dla jego jej są był była "
                  "oraz także który która które tym",
        "Swedish": "och att det som en på är av för med den till inte har de om ett var jag men sig "
                   "från vid så kan han hon också",
        "Turkish": "ve bir bu da de için ile olarak çok daha gibi olan en ama değil sonra kadar ancak "
                   "ise ya her şey",
        "Indonesian": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh "
                      "ada adalah bahwa mereka sudah telah",
    }.items()
}

# Scripts that name a language (or a family) by themselves.
_SCRIPTS = {
    "CYRILLIC": "a Cyrillic-script language (e.g. Russian, Ukrainian)",
    "ARABIC": "an Arabic-script language (e.g. Arabic, Persian, Urdu)",
    "HEBREW": "Hebrew",
    "GREEK": "Greek",
    "CJK": "Chinese or Japanese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
    "DEVANAGARI": "a Devanagari-script language (e.g. Hindi)",
    "THAI": "Thai",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}


@dataclass(frozen=True)
class Detection:
    language: str  # "English", "French", ..., or "undetermined"
    confidence: float  # the winning share (0-1); 0 when undetermined
    words: int  # words looked at

    @property
    def is_english(self) -> bool:
        return self.language in ("English", "undetermined")


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    first = name.split(" ", 1)[0]
    if first == "LATIN":
        return "LATIN"
    return first if first in _SCRIPTS else ""


def detect(text: str) -> Detection:
    """The language of `text` (its first `SAMPLE_CHARS` characters)."""
    sample = text[:SAMPLE_CHARS]
    scripts = Counter(s for s in map(_script, (ch for ch in sample if ch.isalpha())) if s)
    letters = sum(scripts.values())
    if letters:
        script, count = scripts.most_common(1)[0]
        if script != "LATIN" and count / letters > 0.5 and count >= 40:
            return Detection(_SCRIPTS[script], round(count / letters, 3), len(_WORD.findall(sample)))
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return Detection("undetermined", 0.0, len(words))
    # Function words are written in lower case: "Al-Nusra" or "La Paz" inside an English text are names.
    lower = Counter(w.replace("’", "'") for w in words if w.islower())
    shares = {
        name: sum(n for w, n in lower.items() if w in vocab) / len(words) for name, vocab in FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda k: shares[k])
    if shares[best] < MIN_SHARE:
        return Detection("undetermined", 0.0, len(words))
    if best != "English":
        # English wins near-ties, counted on the words only one of the two has ("a" is French too):
        # a quoted foreign paragraph must not turn an English article away.
        english, other = FUNCTION_WORDS["English"], FUNCTION_WORDS[best]
        only_en = sum(n for w, n in lower.items() if w in english and w not in other) / len(words)
        only_other = sum(n for w, n in lower.items() if w in other and w not in english) / len(words)
        if only_en >= ENGLISH_FLOOR or only_en >= 0.5 * only_other:
            best = "English"
    return Detection(best, round(shares[best], 3), len(words))


def not_english_message(detection: Detection) -> str:
    return (f"not English (detected {detection.language}, {detection.confidence:.0%} of "
            f"{detection.words} words are its function words); skipped — pass --any-language to code it anyway")
