"""The coder: article in, events out. Assembles the stages; each stage lives in its own module."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tacitus import nlp as nlp_loader
from tacitus import ontology
from tacitus.actors.coref import ArticleActors, Coreference, at_home, at_the_scene, in_the_theatre, own_institution, people_at_home
from tacitus.actors.dictionary import ARTICLE_DATE, ARTICLE_HOME, ARTICLE_PEOPLES, ActorDictionary
from tacitus.actors.resolve import Mention, PhraseResolver, looks_like_person
from tacitus.events.coder import EventCoder
from tacitus.events.grammar import proper_name
from tacitus.events.lexicon import load_lexicon
from tacitus.events.quotes import quoted_speakers
from tacitus.model import ActorRef, Article, Event
from tacitus.readers import article_from_text
from tacitus.places import name_key
from tacitus.situating import ARTICLE_PLACES, Situator

# Heads worth remembering as actor mentions for later coreference.
_MENTION_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos", "attr", "dative"}


class Coder:
    """Holds the loaded spaCy pipeline and dictionaries; reuse one per process."""

    def __init__(
        self,
        model: str | None = None,
        actors_extra: Iterable[Path] = (),
        lexicon_extra: Iterable[Path] = (),
        keep_partial: bool = False,
        all_modalities: bool = False,
        entities: str = "events",
        bare_roles: bool = False,
    ) -> None:
        """`entities`: "events" runs the entity recogniser only on sentences that can hold an event
        (about half the parse time saved); "all" runs it on every sentence. `keep_partial` keeps
        events with an unknown actor; `bare_roles` those whose actor is a role of no known country."""
        if entities not in ("events", "all"):
            raise ValueError(f"entities must be 'events' or 'all', not {entities!r}")
        self.nlp: Language = nlp_loader.load(model)
        self._ner = self.nlp.get_pipe("ner") if entities == "events" and "ner" in self.nlp.pipe_names else None
        self._disable = ["ner"] if self._ner is not None else []
        self.dictionary = ActorDictionary.load(tuple(actors_extra))
        self.situator = Situator.load()
        self.resolver = PhraseResolver(self.dictionary, place_country=self.situator.country_of_city)
        self.coref = Coreference(self.resolver)
        self.lexicon = load_lexicon(tuple(lexicon_extra))
        ontology.plover("010")  # load the code tables now, not inside the first article
        self.events = EventCoder(self.lexicon, self.coref, keep_partial=keep_partial, all_modalities=all_modalities,
                                 place_country=self.situator.country_of_place)
        self.bare_roles = bare_roles or keep_partial

    def parse(self, text: str) -> Doc:
        """The parse the coder works on (entities only where an event can be)."""
        return self._with_entities(self.nlp(text, disable=self._disable))

    def code_article(self, article: Article) -> list[Event]:
        return self.code_doc(article, self.parse(article.text))

    def code_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, list[Event]]]:
        """Streams (article, events); spaCy parses in batches."""
        for article, doc in self.parse_articles(articles, batch_size):
            yield article, self.code_doc(article, doc)

    def parse_articles(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[tuple[Article, Doc]]:
        """Streams (article, the parse the coder works on), parsed in batches: every way of coding
        articles goes through here, so that all see the same entities."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, disable=self._disable):
            yield article, self._with_entities(doc)

    def _with_entities(self, doc: Doc) -> Doc:
        if self._ner is not None:
            nlp_loader.recognise_entities(doc, [s for s in doc.sents if self.events.may_hold_event(s)], self._ner)
        return doc

    def code_text(self, text: str, date: Date | str | None = None, title: str | None = None,
                  url: str | None = None) -> list[Event]:
        return self.code_article(article_from_text(text, date=date, title=title, url=url))

    def code_doc(self, article: Article, doc: Doc) -> list[Event]:
        dated = ARTICLE_DATE.set(article.date)  # people's roles as of the publication date
        homed = ARTICLE_HOME.set("")  # set again before each sentence (see _code_doc)
        peopled = ARTICLE_PEOPLES.set({})  # set in _code_doc once its places are found
        placed = ARTICLE_PLACES.set({})  # set in _code_doc once its places are found
        try:
            return self._code_doc(article, doc)
        finally:
            ARTICLE_DATE.reset(dated)
            ARTICLE_HOME.reset(homed)
            ARTICLE_PEOPLES.reset(peopled)
            ARTICLE_PLACES.reset(placed)

    def _code_doc(self, article: Article, doc: Doc) -> list[Event]:
        memory = ArticleActors()
        history: list[Event] = []
        situation = self.situator.start(article, doc)
        article.places = situation.places
        ARTICLE_PLACES.set({name_key(doc.text[p.start:p.end]): p.country for p in situation.places if p.country and p.start >= 0})
        # (an unresolved name takes the country of its context: it is no evidence of one)
        named = [p for p in situation.places if p.country and p.feature != "unresolved"]
        memory.place_countries.update(p.country for p in named)
        # "Kurdish forces" in a story on Afrin: SYR, by the places named, towns and regions twice (a
        # country's own name is as often an actor's: "fighting against Turkey")
        local = Counter(p.country for p in named if p.feature != "country")
        memory.theatre = _theatre(local)
        ARTICLE_PEOPLES.set(self.dictionary.states_of_peoples(local + memory.place_countries))
        speakers = quoted_speakers(doc, self.lexicon.reporting_verbs)  # who says the sentences of a long quotation
        for index, sentence in enumerate(doc.sents):
            if not sentence.text.strip():
                continue
            ARTICLE_HOME.set(memory.home())  # which organisation a shared name ("BNP") means here
            # who people were on the day the sentence tells of ("Saddam retaliated in 1988": IRQGOV)
            ARTICLE_DATE.set(situation.day_told(sentence) or article.date)
            events = self.events.code_sentence(sentence, index, article.id, memory, history, speakers.get(sentence.start))
            for event in events:
                situation.place_and_date(event, sentence)
            history.extend(events)
            self._remember(sentence, index, memory, events)
        unplaced = self.dictionary.words["unplaced_qualifiers"]
        events = _at_the_scene(history, unplaced, self.dictionary)
        theatre = memory.theatre
        if memory.home() in ("", theatre):  # (a story on British politics that names Douma: "the opposition" is still Britain's)
            events = _in_the_theatre(events, theatre, unplaced)
        events = _own_institutions(_at_home(events, memory.home(), unplaced), unplaced, self.dictionary)
        return _ordered(events if self.bare_roles else [e for e in events if _whose_known(e)])

    def _sentence_pair(self, sentence: Span) -> list[ActorRef]:
        """The two-country conjunction the sentence is about, for a later "the two sides": its subject
        first, then its object ("the US and EU stepped back from a dispute over subsidies to Airbus and
        Boeing": the US and the EU, not the pair named in passing), the last one among equals."""
        pairs: list[tuple[int, list[ActorRef]]] = []
        for tok in sentence:
            if tok.pos_ in ("PROPN", "NOUN") and tok.conjuncts and not any(c.i < tok.i for c in tok.conjuncts):
                members = [self.resolver.resolve(t) for t in (tok, *tok.conjuncts)]
                actors = [m.actor for m in members if m is not None and m.actor.country]
                if len(actors) == 2 and len({a.country for a in actors}) == 2:
                    pairs.append((_PAIR_RANK.get(tok.dep_, 2), actors))
        return min(reversed(pairs), key=lambda p: p[0])[1] if pairs else []

    def _remember(self, sentence: Span, index: int, memory: ArticleActors, events: list[Event]) -> None:
        pair = self._sentence_pair(sentence)
        if pair:
            memory.remember_pair(pair)
        for tok in sentence:
            if tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ not in _MENTION_DEPS:
                continue
            mention = self.resolver.resolve(tok)
            role_only = mention is not None and bool(mention.actor.agents) and not mention.is_person
            if mention is not None and (mention.actor.country or role_only) and not _capital_as_place(tok, mention):
                memory.remember(index, mention)  # (a role-only group or body, "the unions", "the committee", is what "they" or "it" may be)
            elif mention is None and tok.pos_ == "PROPN" and tok.text in memory.people:
                # "Yakovenko says ..." after "Russia's ambassador, Alexander Yakovenko": "he" next is him
                memory.remember(index, Mention(memory.people[tok.text], tok, (), is_person=True, as_source=tok.dep_ == "nsubj"))
            elif looks_like_person(tok, self.dictionary.words["honorifics"]) and not self.situator.country_of_place(proper_name(tok)):
                memory.remember_unknown_person(index, tok)
            elif (mention is None and tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass") and tok.ent_type_ in ("ORG", "")
                  and not self.situator.country_of_place(proper_name(tok))):
                memory.remember_unknown_body(index, tok)
        # Actors an event resolved through context (a titled person, "the diplomat") are mentions too.
        by_start: dict[int, tuple[ActorRef, bool]] = {}
        for event in events:
            for actor, is_source in ((event.source, True), (event.target, False)):
                if actor.country and actor.resolved_by != "dictionary" and actor.start >= 0:
                    by_start[actor.start] = (actor, is_source)
        for start, (actor, is_source) in by_start.items():
            head = _head_at(sentence, actor.start, actor.end)
            if head is not None:
                # ("He arrived ...": a person by the pronoun, so the next "he" can be him too)
                person = head.ent_type_ == "PERSON" or head.lower_ in _PERSON_WORDS or actor.resolved_by in ("coref:person", "coref:name")
                memory.remember(index, Mention(actor, head, (), is_person=person, as_source=is_source))


_PERSON_WORDS = {"he", "she", "him", "her"}
_PAIR_RANK = {"nsubj": 0, "nsubjpass": 0, "dobj": 1}  # which pair of a sentence "both sides" refers back to
_LOCATIVE = {"in", "at", "on", "to", "near", "from", "into", "across", "throughout", "outside", "inside"}


def _capital_as_place(tok: Token, mention: Mention) -> bool:
    """ "missions in Baghdad and Pyongyang": a capital named as a place is no government for "the
    chancellor" or "the ministry" to refer back to."""
    if mention.actor.resolved_by != "metonym":
        return False
    head = tok
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE


def _head_at(sentence: Span, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens between two character offsets."""
    tokens = [t for t in sentence if start <= t.idx < end]
    return next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1] if tokens else None)


# Acts whose place says whose the unnamed actors there are: protest, posture, coercion, force.
_SCENE_ROOTS = {"14", "15", "17", "18", "19", "20"}
# Acts of coercion and force: their civilian targets are where the article's war is.
_FORCE_ROOTS = {"17", "18", "19", "20"}


def _at_the_scene(events: list[Event], unplaced: frozenset[str], dictionary: ActorDictionary) -> list[Event]:
    """Roles of no country in an act of force told where it happened take that place's country."""
    local = dictionary.words["local_forces"]
    for event in events:
        place = event.location
        if event.cameo.root not in _SCENE_ROOTS or place is None or not dictionary.is_country_code(place.country):
            continue
        event.source = at_the_scene(event.source, place.country, unplaced, local, doer=True)
        event.target = at_the_scene(event.target, place.country, unplaced, local)
    return events


# The towns and regions named in an article that make one country its theatre: at least this many,
# and this share of them.
_THEATRE_MIN_PLACES = 3
_THEATRE_MIN_SHARE = 0.6


def _theatre(local_places: Counter[str]) -> str:
    """The country most of the article's towns and regions are in, or ""."""
    if not local_places:
        return ""
    country, n = local_places.most_common(1)[0]
    return country if n >= _THEATRE_MIN_PLACES and n >= _THEATRE_MIN_SHARE * sum(local_places.values()) else ""


def _in_the_theatre(events: list[Event], theatre: str, unplaced: frozenset[str]) -> list[Event]:
    """The sides of a conflict of no country, and civilians hit by force, take the country the
    article's towns are in."""
    if not theatre:
        return events
    for event in events:
        victim = event.cameo.root in _FORCE_ROOTS
        event.source = in_the_theatre(event.source, theatre, unplaced)
        event.target = in_the_theatre(event.target, theatre, unplaced, victim=victim)
        if event.reported_by is not None:
            event.reported_by = in_the_theatre(event.reported_by, theatre, unplaced)
    return events


def _at_home(events: list[Event], home: str, unplaced: frozenset[str]) -> list[Event]:
    """Roles of no country get the article's country as the whole article shows it: a story on
    British politics may name Britain only after "The chancellor has demanded ..." (the sentences
    themselves used what was known so far). An event that becomes a copy of another is dropped."""
    if not home:
        return events
    kept: list[Event] = []
    seen: set[tuple[int, str, str, str]] = set()  # (as the coder's own: one event per trigger and dyad)
    for event in events:
        event.source, event.target = at_home(event.source, home, unplaced), at_home(event.target, home, unplaced)
        if event.cameo.root not in _FORCE_ROOTS:  # (whom a home actor deals with in words is at home too)
            if event.source.country == home:
                event.target = people_at_home(event.target, home, unplaced)
            if event.target.country == home:
                event.source = people_at_home(event.source, home, unplaced)
        if event.reported_by is not None:
            event.reported_by = at_home(event.reported_by, home, unplaced)
        key = (event.trigger_start, event.source.code, event.target.code, event.cameo.code)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


def _own_institutions(events: list[Event], unplaced: frozenset[str], dictionary: ActorDictionary) -> list[Event]:
    """A parliament, court, police or party of no stated country that a country's actor deals with
    in words is that country's own."""
    for event in events:
        if event.cameo.root in _FORCE_ROOTS:
            continue
        if dictionary.is_country_code(event.target.country):
            event.source = own_institution(event.source, event.target, True, unplaced)
        if dictionary.is_country_code(event.source.country):
            event.target = own_institution(event.target, event.source, False, unplaced)
    return events


def _whose_known(event: Event) -> bool:
    """Does the event say whose its actors are (a country, region, IGO or named group)? A role of no
    known country ("the government", "rebels"), left so when the whole article has been read, is in
    news nearly always a country we failed to find (hand checks: 10 of 163 such events right), and
    no dyad can count it; `bare_roles` keeps such events, as GDELT does."""
    return event.source.whose and (event.target.whose or not event.target.code)


def _ordered(events: list[Event]) -> list[Event]:
    """Within a sentence, substantive events (roots 03-20) before statements (DESIGN.md)."""
    return sorted(events, key=lambda e: (e.sentence_index, e.cameo.root in ("01", "02"), e.evidence_start))


@cache
def default_coder() -> Coder:
    return Coder()


def code_text(text: str, date: Date | str | None = None, title: str | None = None, url: str | None = None) -> list[Event]:
    """Code one article's text (plain or HTML) with the default coder."""
    return default_coder().code_text(text, date=date, title=title, url=url)


def code_article(article: Article) -> list[Event]:
    return default_coder().code_article(article)
