"""Quotations that run across sentences: who says the sentences inside them.

"The spokesman said: “We have offered help. Britain will send a company of Gurkhas.”" — the second
sentence has no verb of saying of its own; it is the spokesman's, as the sentence that opens the
quotation or the one that closes it ("…,” he said.") tells. Quotation marks are read in order
(curly ones open or close; a straight one opens before a word and closes after one); a paragraph
break ends any quotation left open. A quotation never closed (text whose paragraphs were run
together) is attributed to no one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tacitus.events import grammar as g

_OPENING = {"“", "«"}
_CLOSING = {"”", "»"}
_TOGGLING = {'"'}
# A quotation a paragraph break ends without its closing mark covers at most this many sentences
# after the one that opens it (news style reopens the marks in each paragraph of a long quote).
_MAX_UNCLOSED = 3


def quoted_speakers(doc: Doc, reporting_verbs: frozenset[str]) -> dict[int, Token]:
    """For each sentence (by its first token's index) that lies inside a quotation attributed in
    another sentence, the subject of the verb of saying that introduces or closes the quotation."""
    speakers: dict[int, Token] = {}
    inside = False
    run: list[Span] = []  # the sentences of the open quotation, after the one that opened it
    opener: Span | None = None
    previous_end = 0
    for sentence in doc.sents:
        words = [t for t in sentence if not t.is_space]
        if not words:
            continue
        if inside and "\n" in doc.text[previous_end:words[0].idx]:
            if len(run) <= _MAX_UNCLOSED:
                _assign(run, opener, None, reporting_verbs, speakers)
            inside, run, opener = False, [], None
        began_inside = inside
        quoted = _quoted_tokens(sentence, inside)
        inside = _still_open(sentence, inside)
        if began_inside:
            run.append(sentence)
        elif inside:
            # ('“Russia attacked the convoy. It was a crime,” he said.': a sentence opening with the
            # quotation, with no one saying it outside, is the closer's too)
            opener, run = sentence, [] if _speaker_outside(sentence, quoted, reporting_verbs) else [sentence]
        if began_inside and not inside:  # closed here: '…,” he said.'
            _assign(run, opener, sentence, reporting_verbs, speakers, quoted)
            run, opener = [], None
        previous_end = words[-1].idx + len(words[-1].text)
    return speakers  # (a quotation never closed in text without paragraphs says nothing of where it ends)


def _assign(run: list[Span], opener: Span | None, closer: Span | None, reporting_verbs: frozenset[str],
            speakers: dict[int, Token], closer_quoted: set[int] | None = None) -> None:
    speaker = None
    if closer is not None:
        speaker = _speaker_outside(closer, closer_quoted or set(), reporting_verbs)
    if speaker is None and opener is not None:
        speaker = _speaker_outside(opener, _quoted_tokens(opener, False), reporting_verbs)
    if speaker is None:
        return
    for sentence in run:
        speakers[sentence.start] = speaker


def within_quotation(tok: Token) -> bool:
    """Does the token lie between quotation marks opened in its own sentence?"""
    return tok.i in _quoted_tokens(tok.sent, False)


def _still_open(sentence: Span, inside: bool) -> bool:
    for tok in sentence:
        inside = _after_mark(tok, inside)
    return inside


def _quoted_tokens(sentence: Span, inside: bool) -> set[int]:
    """The tokens of the sentence that lie between quotation marks."""
    out: set[int] = set()
    for tok in sentence:
        marked = _after_mark(tok, inside)
        if marked == inside and inside and not _is_mark(tok):
            out.add(tok.i)
        inside = marked
    return out


def _is_mark(tok: Token) -> bool:
    return tok.text in _OPENING or tok.text in _CLOSING or tok.text in _TOGGLING


def _after_mark(tok: Token, inside: bool) -> bool:
    """Whether a quotation is open after this token. A straight mark opens where a word follows it
    and space or the start precedes it, and closes otherwise (the parser may hang a closing mark on
    the next sentence: '… the Budget. " He said' )."""
    if tok.text in _OPENING:
        return True
    if tok.text in _CLOSING:
        return False
    if tok.text not in _TOGGLING:
        return inside
    text = tok.doc.text
    before = text[tok.idx - 1] if tok.idx > 0 else " "
    after = text[tok.idx + 1] if tok.idx + 1 < len(text) else " "
    if before.isspace() and not after.isspace():
        return True
    if after.isspace() or not after.isalnum():
        return False
    return not inside


def _speaker_outside(sentence: Span, quoted: set[int], reporting_verbs: frozenset[str]) -> Token | None:
    """The subject of the sentence's verb of saying outside the quotation ('X said: “…' or '…,” X said')."""
    for tok in sentence:
        if tok.i in quoted or tok.lemma_.lower() not in reporting_verbs or not g.is_verb(tok):
            continue
        subject = g.subject_of(tok)
        if subject is not None and subject.i not in quoted:
            return subject
    return None
