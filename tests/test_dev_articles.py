"""End to end on the dev articles of ../shared/dev/articles: page in → events out, scored on their gold."""

from __future__ import annotations

import json

import pytest

from tacitus.evaluate import country_of
from tacitus.readers import read_inputs

from conftest import shared_path

ARTICLES = [("warsaw_minsk_expulsion.txt", "warsaw_minsk_expulsion.gold.json"), ("border_clash.html", "border_clash.gold.json")]


def _alternatives(code: str) -> set[str]:
    return {country_of(c) or c for c in code.split("|")}


def _matches(gold: dict, event, text: str) -> bool:
    sentence = event.sentence
    return (
        gold["cue"] in sentence
        and country_of(event.source.code) in _alternatives(gold["source"])
        and country_of(event.target.code) in _alternatives(gold["target"])
        and event.cameo.code in gold["codes"]
    )


def coded(coder, page: str, gold_file: str):
    gold = json.loads(shared_path("dev", "articles", gold_file).read_text())
    [article] = list(read_inputs([str(shared_path("dev", "articles", page))], None))
    if article.date is None:
        from datetime import date

        article.date = date.fromisoformat(gold["publication_date"])
    return article, coder.code_article(article), gold


@pytest.mark.parametrize("page, gold_file", ARTICLES)
def test_debris_yields_no_event(coder, page, gold_file):
    article, events, gold = coded(coder, page, gold_file)
    for line in gold["no_events_from"]:
        assert not any(line in e.sentence for e in events), line
        assert line not in article.text or line in ("Opinion:",), f"debris kept in clean text: {line}"


@pytest.mark.parametrize("page, gold_file", ARTICLES)
def test_required_events_found_with_right_countries(coder, page, gold_file):
    article, events, gold = coded(coder, page, gold_file)
    required = [g for g in gold["events"] if g["required"]]
    found = [g for g in required if any(_matches(g, e, article.text) for e in events)]
    missing = [g["cue"] for g in required if g not in found]
    print(f"{page}: {len(found)}/{len(required)} required events found; missing: {missing}")
    assert len(found) / len(required) >= 0.9, missing


@pytest.mark.parametrize("page, gold_file", ARTICLES)
def test_evidence_spans_point_into_the_clean_text(coder, page, gold_file):
    article, events, _ = coded(coder, page, gold_file)
    assert events
    for e in events:
        assert article.text[e.evidence_start:e.evidence_end] == e.evidence_text
        assert e.evidence_text and e.rule and e.cameo.quad_class in (1, 2, 3, 4)


@pytest.mark.parametrize("page, gold_file", ARTICLES)
def test_emitted_events_are_mostly_gold(coder, page, gold_file):
    article, events, gold = coded(coder, page, gold_file)
    matched = [e for e in events if any(_matches(g, e, article.text) for g in gold["events"])]
    print(f"{page}: {len(matched)}/{len(events)} emitted events match a gold event")
    assert len(matched) / len(events) >= 0.85


def _days(gold_date) -> set[str]:
    return set(gold_date) if isinstance(gold_date, list) else {gold_date}


@pytest.mark.parametrize("page, gold_file", ARTICLES)
def test_gold_location_and_date_are_reproduced(coder, page, gold_file):
    article, events, gold = coded(coder, page, gold_file)
    situated = [g for g in gold["events"] if g.get("location") or g.get("date")]
    assert situated
    for g in situated:
        event = next(e for e in events if _matches(g, e, article.text))
        if g.get("location"):
            assert event.location is not None and event.location.name == g["location"], (g["cue"], event.location)
        if g.get("date"):
            assert event.date in _days(g["date"]), (g["cue"], event.date)


def test_entities_only_where_events_can_be_changes_no_event(coder):
    """The speed-up (entity recognition on candidate sentences only) codes the articles the same."""
    from tacitus.pipeline import Coder

    everywhere = Coder(entities="all")
    for page, gold_file in ARTICLES:
        [article] = list(read_inputs([str(shared_path("dev", "articles", page))], None))
        fast = [e.to_dict() for e in coder.code_article(article)]
        full = [e.to_dict() for e in everywhere.code_article(article)]
        assert fast == full
