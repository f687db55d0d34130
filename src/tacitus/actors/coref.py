"""Actors across an article: conjunctions, pronouns, definite descriptions, "both sides".

Rule-based and explainable: every resolution records how it was made in `ActorRef.resolved_by`.
When a rule is unsure it returns nothing, so the actor stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from tacitus.actors.dictionary import TRANSNATIONAL
from tacitus.actors.resolve import Mention, PhraseResolver, looks_like_person, match_entries, phrase_tokens
from tacitus.events import grammar as g
from tacitus.events.grammar import TIME_NOUNS, is_passive, prep_objects, subject_of
from tacitus.events.quotes import within_quotation
from tacitus.model import ActorRef, actor_code

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
_THING_PRONOUNS = {"it", "its"}
_GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
_DEFINITE = {"the", "this", "that", "these", "those"}
# "both sides", "the two countries": the last pair of actors named together.
_PAIR_HEADS = {"side", "country", "nation", "neighbour", "neighbor", "party", "state", "government", "leader", "capital", "rival", "foe", "adversary"}
_PAIR_DETS = {"both", "two"}
_RELATIVES = {"who", "which", "that", "whom"}
# Roles one person can hold: "the president", "the ambassador", "the judge" (not forces or firms).
_OFFICE_HOLDERS = {"GOV", "LEG", "JUD", "ELI", "OPP", "SPY"}
_MAX_SENTENCES_BACK = 4
# A state's armed organs: "government forces", "regime troops", "security police".
_ARMED = {"MIL", "COP", "SPY"}
_STATE_BODIES = {"GOV", "MIL", "COP", "JUD", "SPY", "LEG"}  # whose leader is the state's, not the body itself
# An article is about one country when at least this many of its place and actor mentions, and this
# share of them, are of that country.
_HOME_MIN_MENTIONS = 5
_HOME_MIN_SHARE = 0.7


@dataclass
class ArticleActors:
    """What the article has said so far: actor mentions in order, and the last named pair."""

    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (sentence index, mention)
    pair: tuple[ActorRef, ActorRef] | None = None
    people: dict[str, ActorRef] = field(default_factory=dict)  # surname → actor ("Hayashi" later)
    place_countries: Counter[str] = field(default_factory=Counter)  # countries of the article's place mentions
    theatre: str = ""  # the country most of the article's towns and regions are in, if one is
    _home: tuple[int, str] = (-1, "")  # (mentions counted, home country), so long articles count once per mention

    def home(self) -> str:
        """The country the article is about, when its places and the actors named so far are mostly
        of one ("MPs urged the government" in a story on British politics: GBRLEG, GBRGOV); else ""."""
        if self._home[0] != len(self.mentions):
            counts = Counter(self.place_countries)
            counts.update(m.actor.country for _, m in self.mentions if len(m.actor.country) == 3)
            country, n = counts.most_common(1)[0] if counts else ("", 0)
            home = country if n >= _HOME_MIN_MENTIONS and n >= _HOME_MIN_SHARE * sum(counts.values()) else ""
            self._home = (len(self.mentions), home)
        return self._home[1]

    def remember(self, sentence_index: int, mention: Mention) -> None:
        self.mentions.append((sentence_index, mention))
        if mention.is_person and mention.actor.country and mention.head.pos_ == "PROPN":
            self._name(mention.head, mention.actor)
        elif mention.actor.country and set(mention.actor.agents) & _OFFICE_HOLDERS and mention.head.tag_ == "NN":
            # "Russia's ambassador to the UK, Alexander Yakovenko": "Ambassador Yakovenko" later is he
            for name in (c for c in mention.head.children if c.dep_ == "appos" and c.tag_ == "NNP"):
                self.people.setdefault(name.text, mention.actor)

    def remember_unknown_person(self, sentence_index: int, head: Token) -> None:
        """A person the dictionaries cannot code: "he" after them means them, so stays unknown; named
        in full ("Nasr al-Hariri"), their surname alone later is them too, not a namesake the
        dictionaries know (Rafik Hariri)."""
        self.mentions.append((sentence_index, Mention(ActorRef(text=head.text), head, (), is_person=True)))
        self._name(head, ActorRef(text=head.text))

    def _name(self, head: Token, actor: ActorRef) -> None:
        """Whom the surname alone means from now on: the last person named with a given name ("Sir Ian
        Blair", then "Tony Blair": "Mr Blair" is Tony Blair), else the first named at all; one the
        dictionaries cannot code does not displace one they can."""
        earlier = self.people.get(head.text)
        if _given_name_before(head) and (actor.code or earlier is None or not earlier.code):  # (an unknown does not displace a known one)
            self.people[head.text] = actor
        else:
            self.people.setdefault(head.text, actor)

    def remember_unknown_body(self, sentence_index: int, head: Token) -> None:
        """A firm or body the dictionaries cannot code, named as a subject ("MCI said ..."): "it"
        after it means it, so stays unknown."""
        self.mentions.append((sentence_index, Mention(ActorRef(text=head.text), head, (), as_source=True)))

    def remember_pair(self, actors: list[ActorRef]) -> None:
        countries = {a.country for a in actors if a.country}
        if len(actors) == 2 and len(countries) == 2:
            self.pair = (actors[0], actors[1])

    def recent(self, sentence_index: int) -> list[Mention]:
        """Mentions from the last few sentences, most recent first."""
        return [m for s, m in reversed(self.mentions) if sentence_index - s <= _MAX_SENTENCES_BACK]

    def salient(self, sentence_index: int) -> list[Mention]:
        """As `recent`, but within each sentence its speakers and subjects first, the main clause's
        before others: "The protesters appealed ... The police objected. They ..."; "As a result, says
        the committee, the government may need to act. It is also calling on ...": the committee."""
        recent = [(s, m) for s, m in reversed(self.mentions) if sentence_index - s <= _MAX_SENTENCES_BACK]
        return [m for _, m in sorted(recent, key=lambda sm: (-sm[0], _subject_rank(sm[1])))]


def _subject_rank(mention: Mention) -> int:
    """0 for a speaker ("says the committee"), 1 for the subject of the sentence's main verb, 2 for
    another subject, 3 for the rest."""
    if not mention.as_source:
        return 3
    head = mention.head
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in g.SAY_VERBS:
        return 0
    return 1 if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT" else 2


def _person_before(pronoun: Token, honorifics: frozenset[str], resolver: PhraseResolver) -> Token | None:
    """The nearest person named earlier in the pronoun's own sentence, if any: by the entity
    recogniser's or the dictionaries' word ("De Mistura", which the recogniser calls an ORG)."""
    for tok in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"):
            continue
        if looks_like_person(tok, honorifics):
            return tok
        if tok.pos_ == "PROPN" and (found := resolver.resolve(tok)) is not None and found.is_person:
            return tok
    return None


def _as(actor: ActorRef, token: Token, how: str) -> ActorRef:
    end = token.idx + len(token.text)
    return replace(actor, text=token.text, start=token.idx, end=end, resolved_by=how, agents=list(actor.agents))


def _nominal(head: Token) -> Token:
    """A subject mis-tagged as a preposition or adjective ("Barack/IN Obama/pobj"): its noun."""
    if head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return head
    nouns = [t for t in head.subtree if t != head and t.pos_ in ("PROPN", "NOUN")]
    return min(nouns, key=lambda t: len(list(t.ancestors))) if nouns else head


def _new_referent(head: Token) -> bool:
    """ "13 journalists", "a diplomat": people counted or introduced, not ones named before."""
    return any(c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in head.children)


def _one_described_twice(head: Token, conjunct: Token) -> bool:
    """ "a US banker and former IMF director": two singular nouns under one "a" are one person."""
    return (head.tag_ in ("NN", "NNP") and conjunct.tag_ in ("NN", "NNP") and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in head.children)
            and not any(d.dep_ == "det" for d in conjunct.children))


def _qualified(head: Token, plain: frozenset[str]) -> bool:
    """Does a definite description carry words that pick out one office ("the Brexit secretary")?"""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in plain for c in head.lefts)


class Coreference:
    def __init__(self, resolver: PhraseResolver) -> None:
        self.resolver = resolver

    def actors(self, head: Token, memory: ArticleActors, sentence_index: int, exclude: str = "",
               own: str = "") -> list[ActorRef]:
        """Every actor the phrase at `head` stands for (one per member of a conjunction). `exclude`: the
        country of the event's other party, whom a description does not refer back to; `own`: the
        country of a domestic party (an opposition, a parliament) facing it, whose "the government" is
        its own."""
        head = _nominal(head)
        heads = [head] + [c for c in head.conjuncts if c.i > head.i and not _one_described_twice(head, c)]
        members: list[Token] = []
        for appos in (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts):
            members += [appos] + [c for c in appos.conjuncts if c.i > appos.i]  # "The US, Russia, and Switzerland"
        group = None
        if members and head.pos_ == "NOUN" and head.tag_ == "NNS":
            # "Nigerian banks United Bank of Africa and Standard Trust Bank": the group is its members,
            # who are of the group's country unless their own names say otherwise
            heads.remove(head)
            group = next(iter(self._one(head, memory, sentence_index, exclude, own)), None)
        out: list[ActorRef] = []
        for h in heads:
            out.extend(self._one(h, memory, sentence_index, exclude, own))
        for m in members:
            found = self._one(m, memory, sentence_index, exclude, own)
            if group is not None and group.country and not self._named_in_full(m):
                found = [ActorRef(a.text, group.code, group.country, list(group.agents), a.start, a.end, "apposition")
                         for a in found or [ActorRef(m.text, start=m.idx, end=m.idx + len(m.text))]]
            out.extend(found)
        return out

    def _named_in_full(self, name: Token) -> bool:
        """Does the dictionary know this name itself ("Sony"), not only a place inside it ("United
        Bank of Africa")?"""
        return any(name in toks and e.kind != "role" for e, toks in match_entries(self.resolver.dictionary, phrase_tokens(name)))

    def _one(self, head: Token, memory: ArticleActors, sentence_index: int, exclude: str, own: str) -> list[ActorRef]:
        lower = head.lower_
        if head.pos_ == "PRON" or lower in _PERSON_PRONOUNS | _THING_PRONOUNS | _GROUP_PRONOUNS:
            return self._pronoun(head, memory, sentence_index)
        if self.is_pair_phrase(head) and memory.pair:
            return [_as(a, head, "coref:pair") for a in memory.pair]
        mention = self.resolver.resolve(head)
        if mention is None:
            for appos in (c for c in head.children if c.dep_ == "appos"):
                named = self.resolver.resolve(appos)  # "Assad's main backer, the Russian president, Vladimir Putin"
                if named is not None and named.actor.country:
                    return [named.actor]
        known = memory.people.get(head.text) if head.pos_ == "PROPN" else None
        if (known is not None and mention is not None and mention.is_person and known.code != mention.actor.code
                and not _given_name_before(head, self.resolver.dictionary.words["honorifics"])):
            # "Hariri" after "Nasr al-Hariri, the opposition's negotiator": the article's own Hariri, not
            # the namesake the dictionaries know (unknown, if the article did not say who he is)
            return [_as(known, head, "coref:name")] if known.code else []
        if known is not None and known.code and (mention is None or not mention.actor.country):
            # "Hayashi" after "Foreign Minister Yoshimasa Hayashi"; "Ambassador Yakovenko" after "Russia's
            # ambassador, Alexander Yakovenko"
            return [_as(known, head, "coref:name")]
        members = self._modifier_members(head, mention)
        if members:
            return members
        if mention and mention.actor.country:
            return [mention.actor]
        if mention is None and self._names_a_group_again(head):
            named = self._group_before(head, memory, sentence_index)
            return [named] if named is not None else []  # ("the group" after a body of no code: unknown)
        owner = next((c for c in head.children if c.dep_ == "poss" and (c.pos_ == "PRON" or self._names_a_group_again(c))), None)
        if mention is not None and mention.actor.agents and owner is not None and owner.pos_ != "PRON":
            # "the group's leader": the leader, spokesman or members of an organisation named before are it
            found = self._group_before(owner, memory, sentence_index)
            if found is None:
                return []
            if found.code and not set(found.agents) & _STATE_BODIES and head.lemma_.lower() in self.resolver.dictionary.words["vague_titles"]:
                here = mention.actor
                return [replace(found, text=here.text, start=here.start, end=here.end, resolved_by="coref:owner", agents=list(found.agents))]
            return [ActorRef(mention.actor.text, actor_code(found.country, mention.actor.agents), found.country,
                             list(mention.actor.agents), mention.actor.start, mention.actor.end, "coref:owner")]
        if mention is not None and mention.actor.agents and owner is not None:
            # "its nationals", "their troops": the people of whoever "its" is ("Isis fighters and their
            # families": the fighters beside them)
            beside = head.head if head.dep_ == "conj" and head.head.i < head.i and owner.lower_ == "their" else None
            if beside is not None:
                owners = [a for a in self._one(beside, memory, sentence_index, "", "") if len(a.country) == 3 and a.country not in TRANSNATIONAL]
                if not owners:
                    return [mention.actor]  # (a group of no country: so are theirs)
            else:
                owners = [a for a in self._pronoun(owner, memory, sentence_index) if a.country] or self._owner_in_clause(owner)
            if owners:
                a, agents = owners[0], mention.actor.agents
                return [ActorRef(mention.actor.text, actor_code(a.country, agents), a.country, list(agents),
                                 mention.actor.start, mention.actor.end, "coref:owner")]
        if (mention is not None and not mention.actor.country and memory.theatre and memory.home() in ("", memory.theatre)
                and set(mention.actor.agents) & _ARMED and _the_places_own(mention.actor.text, self.resolver.dictionary.words["local_forces"])):
            # "regime forces" in a story on Ghouta are Syria's, not the last forces named (Iran's)
            return [mention.actor.placed(memory.theatre, "theatre")]
        # (a bare plural or number names a group anew: "Russian jets bombed rebel-held positions" are
        # not the last rebels named, nor "offered shares to investors" the last investors)
        named_again = self._is_definite(head) or (mention is not None and head.tag_ not in ("NNS", "NNPS", "CD"))
        if named_again and not _new_referent(head):
            found = self._own_state(head, mention, memory, sentence_index, exclude, own) or self._antecedent_for(
                head, mention, memory, sentence_index, exclude)
            if found:
                return [found]
        if mention and (mention.is_person or head.ent_type_ == "PERSON") and not mention.actor.agents:
            return []  # a named person of unknown country and role stays unknown
        return [mention.actor] if mention else []

    def _owner_in_clause(self, pronoun: Token) -> list[ActorRef]:
        """ "Moscow acknowledged that dozens of its nationals were killed": a possessive pronoun with no
        earlier antecedent is the nearest subject before it in the clauses above, if that is a country's actor."""
        for anc in pronoun.ancestors:
            subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i < pronoun.i and pronoun not in c.subtree), None)
            if anc.pos_ in ("VERB", "AUX") and subj is not None:
                found = self.resolver.resolve(subj)
                return [found.actor] if found is not None and found.actor.country else []
        return []

    def _modifier_members(self, head: Token, mention: Mention | None) -> list[ActorRef]:
        """ "Hungarian and Romanian officials" → one actor per country modifier."""
        if mention is None:
            return []
        lefts = list(head.lefts)
        for n, child in enumerate(lefts):
            members: list[Token] = []
            if child.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in child.children):
                members = [child] + list(child.conjuncts)
            elif child.dep_ in ("amod", "compound") and any(c.dep_ == "cc" for c in child.children) and n + 1 < len(lefts):
                members = [child, lefts[n + 1]]  # "Vietnamese and Cambodian armed forces": both adjectives on the noun
            if members:
                actors: list[ActorRef] = []
                for m in members:
                    found = self.resolver.resolve(m)
                    if found and found.actor.country:
                        agents = mention.actor.agents
                        code = actor_code(found.actor.country, agents)
                        actors.append(ActorRef(mention.actor.text, code, found.actor.country, list(agents),
                                               mention.actor.start, mention.actor.end, "conjunction"))
                if len({a.country for a in actors}) > 1:
                    return actors
        return []

    @staticmethod
    def is_pair_phrase(head: Token) -> bool:
        """ "both sides", "the two countries": the last pair of actors named together."""
        if head.lemma_.lower() not in _PAIR_HEADS or head.tag_ not in ("NNS", "NNPS"):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return False  # "two leaders of the SDF" are the SDF's, not the last pair named
        return any(c.lower_ in _PAIR_DETS for c in head.lefts) or any(
            c.lower_ in _PAIR_DETS for c in head.subtree if c.dep_ in ("det", "nummod", "predet")
        )

    def _names_a_group_again(self, head: Token) -> bool:
        """ "the group", "the movement": bare and definite, naming an organisation named before."""
        return (head.lemma_.lower() in self.resolver.dictionary.words["group_nouns"] and head.tag_ == "NN"
                and self._is_definite(head) and not any(c.dep_ in ("amod", "compound", "prep", "acl", "relcl") for c in head.children))

    def _group_before(self, head: Token, memory: ArticleActors, sentence_index: int) -> ActorRef | None:
        """The organisation (or group, "a group of Syrian refugees") last named before "the group"
        (None when the last body named is one the dictionaries do not know, or none was named)."""
        lemma = head.lemma_.lower()
        earlier = [m for m in memory.recent(sentence_index) if not (m.head.doc is head.doc and m.head.i >= head.i)]
        for mention in earlier:  # ("a group of Syrian refugees ... the group": the same word first)
            if mention.head.lemma_.lower() == lemma and mention.actor.code:
                return _as(mention.actor, head, "coref:group")
        # ("the organisation" may be an intergovernmental one, the OPCW; "the group" is not)
        kinds = ("organisation", "igo") if lemma in ("organisation", "organization") else ("organisation",)
        # (speakers and subjects first: "..., said the Syrian Democratic Forces, an alliance that
        # spearheaded campaigns against Isis. The group demanded ...": the SDF)
        salient = [m for m in memory.salient(sentence_index) if not (m.head.doc is head.doc and m.head.i >= head.i)]
        for mention in salient:
            if any(e.kind in kinds for e in mention.entries) and mention.actor.code:
                return _as(mention.actor, head, "coref:group")
            if not mention.actor.code and not mention.is_person and mention.as_source:
                return None  # ("MCI said ... the group": a body the dictionaries do not know)
        return None

    @staticmethod
    def _is_definite(head: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)

    def _pronoun(self, head: Token, memory: ArticleActors, sentence_index: int) -> list[ActorRef]:
        lower = head.lower_
        if lower in _RELATIVES:
            clause = head.head
            if (clause.dep_ in ("relcl", "acl") and clause.head.pos_ in ("NOUN", "PROPN") and clause.head != clause
                    and head.dep_ in ("nsubjpass", "dobj")):
                # "a press officer who was killed by Isis": the noun it adds to, as the one the act befell
                # (not as a doer: "the group that has seized parts of Iraq" tells what it is, in the past)
                return [_as(a, head, "coref:relative") for a in self.actors(clause.head, memory, sentence_index)]
            return []
        speaker = self._speaker(head)
        if speaker is not None and lower in _PERSON_PRONOUNS and not self._may_be_a_person(speaker):
            speaker = None  # "... said the terrorist group had been defeated and announced he ...": not it
        if speaker is not None and lower in _THING_PRONOUNS and (speaker.tag_ == "NNS" or (speaker.tag_ == "NNPS" and speaker.ent_type_ != "ORG")):
            speaker = None  # "the rival carriers say it has violated the rules": it is not they (but "Aggregate Industries said it")
        if speaker is not None:
            found = self.actors(speaker, memory, sentence_index)
            for appos in (c for c in speaker.children if c.dep_ == "appos"):
                found = found or self.actors(appos, memory, sentence_index)  # "one of the co-sponsors, Turkey,"
            if found:
                return [_as(a, head, "coref:speaker") for a in found]
            if lower in _PERSON_PRONOUNS and (speaker.pos_ == "PROPN" or looks_like_person(speaker, self.resolver.dictionary.words["honorifics"])):
                return []  # the speaker is someone the dictionaries do not know: so is "she"
        if lower in _PERSON_PRONOUNS and head.dep_ in ("dobj", "pobj", "dative", "poss"):
            introduced = self._someone_introduced_before(head)
            if introduced is not None:  # "a man who laid in wait for a burglar, before beating him up": the burglar
                return [_as(introduced, head, "coref:person")]
        if lower in _PERSON_PRONOUNS:
            named = _person_before(head, self.resolver.dictionary.words["honorifics"], self.resolver)
            if named is not None:  # "Robert Jackson, MP for Wantage, said ... and he ...": the nearest person
                found = self.resolver.resolve(named)
                return [_as(found.actor, head, "coref:person")] if found and found.is_person and found.actor.country else []
        for acted_on in _acted_on_before(head) if lower == "it" and head.dep_ in ("dobj", "pobj") else []:
            # "sued the company, accusing it of ...", "BT's rivals accused it"
            found = [a for a in self.actors(acted_on, memory, sentence_index) if a.country]
            if found or acted_on.pos_ == "PROPN":  # (a name the dictionaries do not know: unknown)
                return [_as(a, head, "coref:clause") for a in found[:1]]
        if lower in _THING_PRONOUNS | _GROUP_PRONOUNS:
            earlier = self._subject_before(head, plural=lower in _GROUP_PRONOUNS)
            if earlier is not None:  # "Russia did not attack Ukraine but it shelled Poland"
                return [_as(earlier, head, "coref:clause")] if earlier.code else []
        recent = memory.salient(sentence_index)
        if lower in _GROUP_PRONOUNS and self._things_before(head):
            return []  # "to disable the drones, and cannons to shoot them down": they are things
        if lower in _GROUP_PRONOUNS:
            # a plural first ("the unions ... they want": LAB), then a country or organisation
            for mention in [m for m in recent if m.is_plural] + [m for m in recent if not m.is_plural and not m.is_person]:
                if mention.actor.country or mention.is_plural:
                    return [_as(mention.actor, head, "coref:they")]
            return []
        narrated = not within_quotation(head)
        for mention in recent:
            if lower in _PERSON_PRONOUNS and narrated and within_quotation(mention.head):
                continue  # ("he wrote: '... Tony Blair rather than Michael Howard ...' ... he criticised": the writer)
            if lower in _PERSON_PRONOUNS and (mention.is_person or self._titled_one(mention)):
                # the last person named; one the dictionaries do not know leaves "he" unknown
                return [_as(mention.actor, head, "coref:person")] if mention.actor.country else []
            if lower in _THING_PRONOUNS and not mention.is_person and not mention.is_plural:
                if not mention.actor.code and mention.as_source:
                    return []  # "MCI said profits fell. It ...": a body the dictionaries do not know
                if mention.actor.country or mention.actor.agents:
                    return [_as(mention.actor, head, "coref:it")]  # "the committee ... It urged": LEG
        return []

    def _someone_introduced_before(self, pronoun: Token) -> ActorRef | None:
        """The nearest one-person role introduced with "a" earlier in the pronoun's sentence ("a
        burglar"), unless a person is named nearer."""
        honorifics = self.resolver.dictionary.words["honorifics"]
        for tok in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if looks_like_person(tok, honorifics):
                return None
            if tok.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                found = self.resolver.resolve(tok)
                if found is not None and found.actor.agents and not found.actor.country:
                    return found.actor
        return None

    def _things_before(self, pronoun: Token) -> bool:
        """Is the nearest plural noun before "they"/"them" in its sentence a thing, not an actor?"""
        for tok in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
                return tok.lemma_.lower() not in TIME_NOUNS and self.resolver.resolve(tok) is None and not looks_like_person(tok)
            if tok.pos_ == "PRON" and tok.lower_ in _GROUP_PRONOUNS:
                return False  # ("they said they ...": the chain goes on)
        return False

    def _subject_before(self, pronoun: Token, plural: bool) -> ActorRef | None:
        """The subject of an earlier clause of the pronoun's own sentence, if it is a country or
        organisation ("it") or a group ("they"); a name the dictionaries do not know comes back as an
        actor with no code, so that "it" stays unknown rather than taking an earlier sentence's actor."""
        own_clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for tok in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON" or (not plural and tok.tag_ in ("NNS", "NNPS")):
                continue  # ("the rival carriers say it has ...": "it" is not they)
            if tok.head == own_clause or (own_clause is not None and pronoun.dep_ in ("dobj", "dative", "pobj")
                                          and subject_of(own_clause) == tok):
                # "a bomb was fired at it", "imposed a boycott on Qatar, accusing it of ...": a pronoun
                # is not the subject of its own clause, stated or shared ("itself" would be)
                continue
            found = self.resolver.resolve(tok)
            if found is None and not plural and tok.tag_ in ("NNP", "NN"):
                # "While Alitalia needs to restructure, ... it has": a name unknown, so it stays unknown;
                # "The disposal operation was a sham, but it allowed ...": a thing, not an actor
                return ActorRef(tok.text)
            if found is None or found.is_person:
                return None  # the nearest subject decides; a person or an unknown blocks
            if plural:  # "the rebels attacked the town and they killed ten people": a group, role-only too
                return found.actor if found.is_plural and (found.actor.country or found.actor.agents) else None
            return found.actor if found.actor.country else None
        return None

    def _titled_one(self, mention: Mention) -> bool:
        """ "the Pakistani president met Tony Blair ... He is due to visit": one holder of an office,
        named by the office, is someone "he" or "she" can be (not "the army", "the ministry")."""
        head = mention.head
        return (head.tag_ == "NN" and self._may_be_a_person(head) and bool(mention.actor.country)
                and bool(set(mention.actor.agents) & _OFFICE_HOLDERS))

    def _may_be_a_person(self, tok: Token) -> bool:
        """Could "he" or "she" stand for this word: not a plural, not a body ("the group", "the ministry")."""
        return tok.tag_ not in ("NNS", "NNPS") and tok.lemma_.lower() not in self.resolver.dictionary.words["collective_nouns"]

    @staticmethod
    def _speaker(pronoun: Token) -> Token | None:
        """ "X said (that) it had ...": the pronoun subject of a reported clause is the speaker."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = pronoun.head
        while clause.dep_ in ("conj",) and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        verb = clause.head
        if verb.lemma_.lower() not in g.SAY_VERBS:
            return None
        if is_passive(verb):
            told = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            return told if told is not None and told.pos_ != "PRON" else None  # "Begum has been told ... that she will": Begum
        speaker = subject_of(verb)  # tolerates the reduced-relative misparse of "X announced"
        return speaker if speaker is not None and speaker.pos_ != "PRON" else None

    def _own_state(self, head: Token, mention: Mention | None, memory: ArticleActors, sentence_index: int,
                   exclude: str, own: str) -> ActorRef | None:
        """ "the government", "the president" as their own people name them: in what a country's actor
        is said to say ("a statement from Macron's office said the president ..."), or faced by a
        domestic party (`own`: "Corbyn accused the government")."""
        if mention is None or not self._is_definite(head) or not self._names_own_state(head):
            return None
        if not own:
            speaker = _reporting_speaker(head)
            found = self.actors(speaker, memory, sentence_index) if speaker is not None and speaker != head else []
            country = found[0].country if found else ""
            if len(country) == 3 and country not in TRANSNATIONAL and country != exclude:
                own = country
        if len(own) != 3 or own in TRANSNATIONAL:
            return None  # (an NGO's "the government" is whichever the story is about)
        agents = mention.actor.agents
        return ActorRef(mention.actor.text, actor_code(own, agents), own, list(agents), mention.actor.start,
                        mention.actor.end, "coref:own-state")

    def _names_own_state(self, head: Token) -> bool:
        """ "the government", "the prime minister", "the president of the republic" (not "the Syrian
        government", "the government of Iraq", "the government in Damascus")."""
        if any(p.pos_ == "PROPN" or self.resolver.resolve(p) is not None
               for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in") for p in c.children if p.dep_ == "pobj"):
            return False
        plain = self.resolver.dictionary.words["plain_qualifiers"]
        words = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in plain]
        return " ".join(words + [head.lemma_.lower()]) in self.resolver.dictionary.words["own_state_offices"]

    def _antecedent_for(
        self, head: Token, mention: Mention | None, memory: ArticleActors, sentence_index: int, exclude: str
    ) -> ActorRef | None:
        """ "the agency", "the diplomat", "the minister": the last actor with the same role or head word,
        of another country than the event's other party (`exclude`)."""
        lemma = head.lemma_.lower()
        words = self.resolver.dictionary.words
        # "the foreign minister", "the Brexit secretary": one office, named by the same words anywhere
        # before ("Turkey's foreign minister, Mevlüt Çavuşoğlu" many paragraphs up)
        office = self._is_definite(head) and head.tag_ == "NN" and mention is not None and bool(mention.actor.agents)
        if any(c.lower_ in words["unplaced_qualifiers"] for c in head.lefts):
            # "world leaders", "foreign ministers": no one country's, so no earlier one's
            return self._holder_of(head, mention, memory, exclude) if office else None
        roles = set(mention.actor.agents) if mention else set()
        candidates = memory.recent(sentence_index)
        if not self._is_definite(head):
            # A titled person with no country ("Foreign Minister X") belongs with the side the
            # article has been narrating: earlier subjects come first.
            candidates = [m for m in candidates if m.as_source] + [m for m in candidates if not m.as_source]
        for earlier in candidates:
            actor = earlier.actor
            if not actor.country or actor.country == exclude or earlier.head.i == head.i:
                continue
            same_head = earlier.head.lemma_.lower() == lemma
            # "the minister" may be any earlier minister; "the shadow home secretary" or "the Brexit
            # secretary" names a particular office: only the same words refer back to it
            same_role = bool(roles) and roles <= set(actor.agents) and not (self._is_definite(head) and _qualified(head, self.resolver.dictionary.words["plain_qualifiers"]))
            if same_head or (mention is not None and same_role):
                how = "coref:definite" if self._is_definite(head) else "coref:context"
                agents = mention.actor.agents if mention and mention.actor.agents else actor.agents
                if actor.country[:3] in TRANSNATIONAL:
                    agents = actor.agents  # "the bank" after the World Bank is it, not a business of it
                text, start, end = head.text, head.idx, head.idx + len(head.text)
                if mention is not None:
                    text, start, end = mention.actor.text, mention.actor.start, mention.actor.end
                return ActorRef(text, actor_code(actor.country, agents), actor.country, list(agents), start, end, how)
        return self._holder_of(head, mention, memory, exclude) if office else None

    @staticmethod
    def _holder_of(head: Token, mention: Mention | None, memory: ArticleActors, exclude: str) -> ActorRef | None:
        """The last actor earlier in the article named with the office's words ("foreign minister")."""
        office = [c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")] + [head.lower_]
        for _, earlier in reversed(memory.mentions):
            actor = earlier.actor
            named = actor.text.lower().split()
            if not actor.country or actor.country == exclude or earlier.head.i == head.i:
                continue
            if all(word in named for word in office):
                here = mention.actor if mention is not None else ActorRef(head.text, start=head.idx, end=head.idx + len(head.text))
                return ActorRef(here.text, actor.code, actor.country, list(actor.agents), here.start, here.end, "coref:office")
        return None


# Roles that travel: fighters, troops, civilians, refugees and gunmen in a story about one country are
# as often another's ("British jihadists surrendered to fighters allied to the SDF").
ROLES_ABROAD = {"REB", "MIL", "CVL", "REF", "UAF", "INS", "SEP", "RAD"}


def at_the_scene(actor: ActorRef, country: str, unplaced: frozenset[str] = frozenset(), local_forces: frozenset[str] = frozenset(),
                 doer: bool = False) -> ActorRef:
    """A role of no stated country in an act of force, protest or coercion told where it happened
    ("46 civilians were killed in Idlib", "government forces swept through Deraa") is of that
    country; `resolved_by` says `scene`. Not roles said to be of no one place ("foreign fighters"),
    and of the doers not those that travel ("suicide bombers attacked Paris", "missiles were fired
    at Latakia", "rebels shelled Douma": as CAMEO coders leave them), only the place's own forces (the
    words in `local_forces`: "government forces", "the army")."""
    if actor.country or not actor.agents or len(country) != 3 or _of_no_one_place(actor, unplaced):
        return actor
    if doer and set(actor.agents) & ROLES_ABROAD and not _the_places_own(actor.text, local_forces):
        return actor
    return actor.placed(country, "scene")


def _the_places_own(text: str, local_forces: frozenset[str]) -> bool:
    """ "government forces", "pro-regime militias": on the side of the place's state (not
    "anti-government forces")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(word in local_forces and (i == 0 or words[i - 1] != "anti") for i, word in enumerate(words))


# The sides of a country's own conflict: rebels, insurgents, separatists, the opposition.
DOMESTIC_SIDES = {"REB", "INS", "SEP", "OPP"}


def in_the_theatre(actor: ActorRef, theatre: str, unplaced: frozenset[str] = frozenset(), victim: bool = False) -> ActorRef:
    """A side of a conflict of no stated country in an article whose towns and regions are mostly of
    one country is that country's ("the rebels", "armed opposition groups" in a story on Idlib:
    SYRREB, SYROPP), and so are civilians a force hit (`victim`: "strikes on residential areas");
    `resolved_by` says `theatre`. Not ones said to be of no one place ("foreign fighters")."""
    sides = DOMESTIC_SIDES | ({"CVL"} if victim else set())
    if actor.country or not set(actor.agents) & sides or _of_no_one_place(actor, unplaced):
        return actor
    return actor.placed(theatre, "theatre")


def at_home(actor: ActorRef, home: str, unplaced: frozenset[str] = frozenset()) -> ActorRef:
    """A role of no stated country in an article about one country is that country's ("the
    chancellor", "MPs", "the Court of Appeal" in a story on British politics); `resolved_by` says
    `home`. Not roles that travel (ROLES_ABROAD), nor ones said to be of no one place ("world
    leaders", "foreign ministers": the words in `unplaced`)."""
    if actor.country or not actor.agents or set(actor.agents) & ROLES_ABROAD or _of_no_one_place(actor, unplaced):
        return actor
    return actor.placed(home, "home")


def people_at_home(actor: ActorRef, home: str, unplaced: frozenset[str] = frozenset()) -> ActorRef:
    """Civilians of no stated country dealt with by an actor of the article's home country, in
    anything but force, are of that country ("Blair apologised to two families", "urged people to
    …" in a story on British politics: GBRCVL); `resolved_by` says `home`."""
    if actor.country or set(actor.agents) != {"CVL"} or _of_no_one_place(actor, unplaced):
        return actor
    return actor.placed(home, "home")


# A state's own institutions, named with no country ("Parliament", "the judges", "the police",
# "the parties"); (not the opposition: "armed opposition groups receive support from the US").
STATE_INSTITUTIONS = {"LEG", "JUD", "COP", "PTY"}
# Those that answer to their own government ("a federal judge struck down the administration's policy").
OVERSEERS = {"LEG", "JUD"}


def own_institution(actor: ActorRef, other: ActorRef, as_source: bool, unplaced: frozenset[str] = frozenset()) -> ActorRef:
    """A legislature, court, police or party of no stated country is that of the country whose
    actor deals with it ("Blair assured Parliament", "the Home Secretary criticised the judges":
    GBRLEG, GBRJUD), or, as the doer, of the government it oversees ("MPs called on the Department
    of Trade": GBRLEG; not "Parliament condemned China"); `resolved_by` says `counterpart`."""
    roles = set(actor.agents)
    if actor.country or not roles or not roles <= (OVERSEERS if as_source else STATE_INSTITUTIONS):
        return actor
    if (as_source and "GOV" not in other.agents) or _of_no_one_place(actor, unplaced):
        return actor
    return actor.placed(other.country, "counterpart")


def _of_no_one_place(actor: ActorRef, unplaced: frozenset[str]) -> bool:
    """ "world leaders", "foreign fighters": said to be of no one place."""
    return any(word in unplaced for word in actor.text.lower().split())


def _given_name_before(head: Token, honorifics: frozenset[str] = frozenset()) -> bool:
    """ "Saad Hariri" (a given name says which Hariri), not "Hariri" or "Mr Hariri"."""
    return any(c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i == head.i - 1
               and c.lower_.rstrip(".") not in honorifics for c in head.lefts)


def _reporting_speaker(tok: Token) -> Token | None:
    """Who says the clause `tok` is in ("X said (that) ...", "..., X said"), if anyone."""
    for anc in [tok, *tok.ancestors]:
        if anc.dep_ == "ccomp" and anc.head.lemma_.lower() in g.SAY_VERBS:
            return subject_of(anc.head)
    return None


def _acted_on_before(pronoun: Token) -> list[Token]:
    """Whom an object "it" is in its own sentence: what the act its clause goes on from was done to
    ("sued the company, accusing it of ...", "imposed a boycott on Qatar, accusing it"), or the
    owner of its clause's subject ("BT's competitors accused it")."""
    clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return []
    candidates: list[Token | None] = []
    if clause.dep_ in ("advcl", "conj"):
        obj = g.child(clause.head, "dobj")
        candidates += [obj] + [p for a in (obj, clause.head) if a is not None for p in prep_objects(a, ("on", "against"))]
    subject = g.child(clause, "nsubj")
    if subject is not None:
        candidates.append(g.child(subject, "poss"))
    return [t for t in candidates if t is not None and t.pos_ in ("NOUN", "PROPN") and t.tag_ not in ("NNS", "NNPS") and t.i < pronoun.i]
