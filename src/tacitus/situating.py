"""Where and when: gives each event its location and date, from places.py and dates.py."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date as Date, timedelta

from spacy.tokens import Doc, Span, Token

from tacitus import dates, places
from tacitus.model import Article, Event, Place


@dataclass
class Situator:
    gazetteer: places.Gazetteer

    @classmethod
    def load(cls) -> "Situator":
        return cls(places.Gazetteer.load())

    def country_of_place(self, name: str) -> str | None:
        """The country of a place known by this very name ("Zurich" → CHE, "Alaska" → USA), if the
        gazetteer has it: as the article being coded placed it, where it did (its context decides
        that "Somerset" in a British story is England's), else the gazetteer's first. Only a place's
        own name counts, not one of its alternate names: person names are alternate names of some
        town ("Abe", "Cameron"), and the parser's entity labels cannot tell them apart ("Kharkiv"
        comes out as a PERSON)."""
        placed = ARTICLE_PLACES.get().get(places.name_key(name))
        if placed:
            return placed
        place = self.gazetteer.resolve(name)
        if place is None or not place.country or not _spelling_of(places.name_key(name), places.name_key(place.name)):
            return None
        return place.country

    def country_of_city(self, name: str) -> str | None:
        """As `country_of_place`, for cities big enough (100,000 people) that a bare mention means them:
        "police in Karachi" is Pakistan's, "pupils in Highland" is not California's."""
        country = self.country_of_place(name)
        if country is None or self.gazetteer.population(name) < _CITY_POPULATION:
            return None
        return country

    def start(self, article: Article, doc: Doc) -> "ArticleSituation":
        context = set()
        found = places.find_places(doc, self.gazetteer, context)
        return ArticleSituation(
            article=article,
            doc=doc,
            places=found,
            dateline=places.dateline(article.text, self.gazetteer),
        )


# The places of the article being coded, by the name it uses (key: places.name_key) → country. A
# context variable, as ARTICLE_DATE is, so threads coding different articles do not mix them.
ARTICLE_PLACES: ContextVar[dict[str, str]] = ContextVar("ARTICLE_PLACES", default={})


@dataclass
class ArticleSituation:
    article: Article
    doc: Doc
    places: list[Place]
    dateline: Place | None
    date_state: dates.DateState = field(default_factory=dates.DateState)

    def day_told(self, sentence: Span) -> Date | None:
        """The day a sentence's own date phrase puts it on ("in 1988", "in May 2005"), when that lies
        before publication: who its people were then (a year counts from its middle, a month from
        the 15th). Not a day of the last weeks ("on Friday"): offices rarely change within them, and
        the sentence's grammar needs the day of writing to tell "is meeting on Friday" as ahead."""
        if not any(t.ent_type_ == "DATE" for t in sentence):
            return None
        told, precision = dates.event_date(sentence.root, self.doc, self.article.date, dates.DateState())
        day = _day_of(told, precision)
        if day is None or (self.article.date is not None and day > self.article.date - _RECENT):
            return None
        return day

    def place_and_date(self, event: Event, sentence: Span) -> None:
        trigger = _trigger_token(event, sentence)
        if trigger is None:
            return
        # actor mentions are not locations ("Moscow said"), unless the actor was a place to begin with
        governments = [(a.start, a.end) for a in (event.source, event.target, event.reported_by)
                       if a and a.start >= 0 and a.resolved_by != "place"]
        event.location = places.event_location(trigger, self.places, self.doc, governments, self.dateline)
        event.date, event.date_precision = dates.event_date(trigger, self.doc, self.article.date, self.date_state)
        if event.date is None and self.article.date is not None:
            # No date of its own: like GDELT, the article's date, marked as such.
            event.date, event.date_precision = self.article.date.isoformat(), "article"


_RECENT = timedelta(days=31)


def _day_of(told: str | None, precision: str | None) -> Date | None:
    try:
        if precision == "day" and told:
            return Date.fromisoformat(told)
        if precision == "month" and told:
            return Date.fromisoformat(told + "-15")
        if precision == "year" and told:
            return Date(int(told), 7, 1)
    except ValueError:
        return None
    return None


def _trigger_token(event: Event, sentence: Span) -> Token | None:
    return next((tok for tok in sentence if tok.idx == event.trigger_start), None)


_CITY_POPULATION = 100_000


def _spelling_of(name: str, primary: str) -> bool:
    """The name is the place's own, or a transliteration one letter away ("Basra" for "Basrah")."""
    if name == primary:
        return True
    if len(name) < 5 or abs(len(name) - len(primary)) > 1:
        return False
    short, long_ = sorted((name, primary), key=len)
    if len(short) == len(long_):
        return sum(a != b for a, b in zip(short, long_)) == 1
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
