"""Finding predicate triggers in a sentence: a verb sense of the lexicon, or an event noun under
a light verb ("expressed solidarity"), plus the demands and appeals that reporting and wishing
verbs make ("said Libya must", "wants Putin to")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from tacitus.events import grammar as g
from tacitus.events.lexicon import NO_EVENT, Lexicon, Sense


@dataclass
class Trigger:
    verb: Token  # the predicate word (a verb, or the light verb of an event noun)
    sense: Sense
    noun: Token | None = None  # the event noun of a light-verb construction
    otherwise: tuple[Sense, ...] = ()  # the next fitting senses, in order, while each needs a kind of subject


class TriggerFinder:
    def __init__(self, lexicon: Lexicon, place_country: Callable[[str], str | None] | None = None) -> None:
        self.lexicon = lexicon
        self.place_country = place_country  # a gazetteer's place name → country, for object_place senses
        self._known = frozenset(lexicon.verbs) | lexicon.light_verbs | lexicon.reporting_verbs

    def may_hold_event(self, sentence: Span) -> bool:
        """Before entity recognition: does the sentence hold a trigger at all? (Triggers need only
        the parse; plain "X said" sentences and light verbs without an event noun do not count.)"""
        return bool(self.triggers(sentence))

    def triggers(self, sentence: Span) -> list[Trigger]:
        found: list[Trigger] = []
        for tok in sentence:
            if not g.is_verb(tok) or tok.dep_ in ("amod", "compound", "dobj", "pobj", "nsubj", "nsubjpass") or _after_a_bare_preposition(tok):
                # "its long-threatened invasion": a participle describing a noun is no act; "evacuated
                # the wounded": nor is a participle used as a noun
                continue
            lemma = self._lemma(tok)
            sense = self._verb_sense(tok, lemma)
            if sense is not None and sense.code == NO_EVENT:
                if lemma not in self.lexicon.reporting_verbs:
                    continue  # an idiom: "killed off a challenge", "signed a death warrant for"
                sense = None  # "insisted that ...", "warned that ...": it reports (a "must" in it is a demand)
            if sense is None and lemma in self.lexicon.light_verbs:
                nouns = self._noun_triggers(tok)
                found.extend(nouns)
                if nouns or lemma not in self.lexicon.reporting_verbs:
                    continue  # "reiterated its demand" is the demand; "reiterated that ..." reports
            if sense is not None:
                found.append(Trigger(tok, sense, otherwise=self._fallbacks(tok, lemma, sense)))
            elif lemma in self.lexicon.reporting_verbs:
                comp = g.child(tok, "ccomp")
                # "Britain said Libya must hand over the suspects": a demand on Libya (CAMEO 10); not
                # "the UK and US must realise they cannot prevent all attacks": advice about a state of mind
                # ("we must enforce spending restraint": the speaker's own course, put to no one)
                own = g.child(comp, "nsubj", "nsubjpass") if comp is not None else None
                if (comp is not None and g.is_demand_clause(comp) and comp.lemma_.lower() not in self.lexicon.states_of_mind
                        and not (own is not None and own.lower_ in ("we", "i"))):
                    found.append(Trigger(tok, Sense(lemma, "100", f"{lemma}.must.100", target="clause")))
            if lemma in self.lexicon.appeal_verbs:
                comp = g.child(tok, "ccomp")
                addressee = g.child(comp, "nsubj") if comp is not None else None
                # "Obama wants Putin to attack": a wish put to another actor is an appeal (CAMEO 02);
                # not "wanted it to end", "want the embargo lifted": a wish about a thing
                infinitive = comp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children)
                # (nor "wants more migrants to come": a wish about how many, put to no one)
                more = addressee is not None and any(c.dep_ == "amod" and c.lower_ in ("more", "fewer", "less") for c in addressee.children)
                if (addressee is not None and infinitive and addressee.lower_ not in ("it", "this", "that") and not more
                        and g.is_verb(comp) and comp.lemma_.lower() not in self.lexicon.wished_states):
                    found.append(Trigger(tok, Sense(lemma, "020", f"{lemma}.appeal.020", target="clause")))
        return found

    def _lemma(self, tok: Token) -> str:
        """The first lemma candidate the lexicon knows, else the lemmatizer's."""
        return next((c for c in g.lemma_candidates(tok) if c in self._known), tok.lemma_.lower())

    def _fallbacks(self, verb: Token, lemma: str, sense: Sense) -> tuple[Sense, ...]:
        """The senses to try when the subject is not of the kind `sense` needs: the next fitting one,
        and after it the next, while they need a kind of subject too ("protesters attacked the embassy",
        "the opposition attacked the government", else force)."""
        out: list[Sense] = []
        while sense.subject or sense.target_roles:
            nxt = self._verb_sense(verb, lemma, after=sense)
            if nxt is None:
                break
            out.append(nxt)
            sense = nxt
        return tuple(out)

    def _verb_sense(self, verb: Token, lemma: str, after: Sense | None = None) -> Sense | None:
        """The first sense of the lemma that fits the clause (after `after`, if given)."""
        senses = self.lexicon.verbs.get(lemma, ())
        if after is not None:
            senses = senses[senses.index(after) + 1:]
        for sense in senses:
            if self._fits(verb, sense):
                return sense
        return None

    def _fits(self, verb: Token, sense: Sense) -> bool:
        if sense.particle and not g.has_particle(verb, sense.particle):
            return False
        if sense.object:
            obj = g.object_of(verb)
            # "providing aerial photographs and other military intelligence": any conjoined object (and
            # a second object the parser split off: "recognised Turkey's | legitimate right")
            others = [c for c in verb.children if c.dep_ == "dobj" and c is not obj] if obj is not None else []
            if obj is None or not any(self._lemma_in(o, sense.object) for o in [obj, *obj.conjuncts, *others]):
                return False
        if sense.phrase:
            after = g.text_after(verb)
            # at the start of a word: "force" is not in "to be enforced" ("invad" still finds "invasion")
            if not any(_phrase_pattern(p).search(after) for p in sense.phrase):
                return False
        if sense.xcomp:
            # the to-infinitive, as a complement or as a purpose clause ("summoned the ambassador to protest")
            # (not a finite clause: "warned the US that there would be consequences" is no "to be")
            comps = [c for c in verb.children if c.dep_ == "xcomp" or (
                c.dep_ in ("ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]
            if not any(c.lemma_.lower() in sense.xcomp for c in comps):
                return False
        if sense.clause and not any(_is_content_clause(c, sense.clause) for c in verb.children):
            return False
        if sense.object_place and not self._names_place(g.object_of(verb)):
            return False
        if sense.object_actor and not _names_someone(g.object_of(verb)):
            return False
        return True

    def _names_place(self, obj: Token | None) -> bool:
        """A named place: a GPE/LOC/FAC entity or a proper name the gazetteer knows (the small model
        calls "Aleppo" NORP)."""
        if obj is None:
            return False
        if obj.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if obj.pos_ != "PROPN" or self.place_country is None:
            return False
        name = g.proper_name(obj)
        return self.place_country(name) is not None

    @staticmethod
    def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
        lemma = token.lemma_.lower()
        if lemma in lemmas or token.lower_ in lemmas:
            return True
        for dep in ("compound", "amod"):
            mods = [t.lower_ for t in token.lefts if t.dep_ == dep]
            # "martial law", "hunger strike", "vital military support" (the modifiers next to the noun)
            if any(f"{' '.join(mods[i:])} {lemma}" in lemmas for i in range(len(mods))):
                return True
        return False

    def _noun_triggers(self, verb: Token) -> list[Trigger]:
        obj = g.object_of(verb)
        if obj is None:
            return []
        out = []
        for noun in [obj] + list(obj.conjuncts):
            key = noun.lemma_.lower()
            # the longest run of modifiers next to the noun that names an event noun: "joint military
            # exercises", "a 24-hour hunger strike" (→ "hunger strike", not the air "strike")
            mods = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")]
            keys = [" ".join(mods[i:] + [key]) for i in range(len(mods))] + [key]
            sense = next((self.lexicon.nouns[k] for k in keys if k in self.lexicon.nouns), None)
            if sense is not None and self._lemma(verb) in self.lexicon.recipient_light_verbs:
                # "faced a call by X": X calls; "faces an investigation in Germany": Germany's (or no one named)
                sense = replace(sense, target="prep:by,from,in", swap=True)
            if sense is not None:
                out.append(Trigger(verb, sense, noun))
        return out


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A sense's phrase, found at the start of a word ("force" is not in "enforced"; "invad" is in
    "invasion"); one written with a leading space is found as written."""
    return re.compile(re.escape(phrase) if phrase.startswith(" ") else r"(?<![a-z-])" + re.escape(phrase))


def _is_content_clause(clause: Token, kind: str = "any") -> bool:
    """ "denied that ...", "denied attacking": a clause saying what; a to-infinitive of purpose
    ("demonstrated to demand reforms") is not one. Kind "that": a finite that-clause only
    ("demonstrated that they can win", not "demonstrated, calling for independence")."""
    if kind == "that":
        # ("warned the BBC that attacking Mr Campbell had brought it trouble": a clause as subject too)
        return clause.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in clause.children)
    if clause.dep_ in ("ccomp", "pcomp"):
        return True
    return clause.dep_ == "xcomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _names_someone(obj: Token | None) -> bool:
    """An object that is an actor by its form: a name, a pronoun, a named entity, or a title with a
    name or an owner ("Russia's president, Vladimir Putin")."""
    if obj is None or obj.ent_type_ in ("DATE", "TIME"):
        return False  # "the cabinet met Sunday"
    if obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return True
    return any(c.dep_ in ("appos", "poss", "compound", "amod") and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "PERSON"))
               for c in obj.children)


def _after_a_bare_preposition(verb: Token) -> bool:
    """ "founded by assassinated former prime minister Rafik Hariri": a participle right after a
    preposition the parser left without an object describes that object; it is no act."""
    before = verb.nbor(-1) if verb.i > verb.sent.start else None
    return (before is not None and verb.tag_ in ("VBD", "VBN") and before.tag_ == "IN" and before.dep_ in ("prep", "agent")
            and before.lower_ not in ("that", "whether", "if") and not any(c.dep_ == "pobj" for c in before.children))
