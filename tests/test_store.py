"""The event store, by behaviour, on a small constructed corpus with known answers."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from test_store_helpers import article, dump, event, numbered_pairs, summary_from_events, summary_table

import tacitus
from tacitus.store import IncidentRule, QueryError, StoreError, open_store, schema

# GDELT 2.0 event table columns, as GDELT's codebook lists them (typed out here, not imported).
OFFICIAL_GDELT_COLUMNS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code
Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode
EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type
Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long
Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode
ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()


def expulsion_story():
    """Three articles (two outlets) on one expulsion, plus look-alikes that must stay apart."""
    a1 = article("a1", url="https://www.nhk.example/a1", day="2022-09-27")
    a2 = article("a2", url="https://nhk.example/a2", day="2022-09-27")
    a3 = article("a3", url="https://tass.example/a3", day="2022-09-28")
    far = article("far", url="https://tass.example/far", day="2022-10-20")
    return [
        (a1, [event(a1, "RUSSPY", "JPNGOV", "174", day="2022-09-26", place="Vladivostok"),
              event(a1, "RUSGOV", "JPNGOV", "174", day="2022-09-26", sentence_index=3, start=200)]),
        (a2, [event(a2, "RUSGOV", "JPNGOV", "174", place="Vladivostok"),          # day from the article: 09-27
              event(a2, "RUSGOV", "JPNGOV", "040", sentence_index=1, start=80)]),  # other root: apart
        (a3, [event(a3, "RUSGOV", "JPNGOV", "174"),                                # no place: joins
              event(a3, "RUSGOV", "JPNGOV", "174", place="Tokyo", sentence_index=2, start=90),  # other place
              event(a3, "RUSGOV", "JPNGOV", "173", negated=True, sentence_index=4, start=300)]),
        (far, [event(far, "RUSGOV", "JPNGOV", "174", place="Vladivostok")]),      # three weeks later: apart
    ]


# -- ingest ------------------------------------------------------------------------------------------

def test_ingest_twice_changes_nothing(store):
    pairs = list(numbered_pairs(30)) + expulsion_story()
    first = store.ingest_many(pairs, batch_size=7)
    assert first.inserted == 34 and not first.failed and first.batches == 5
    before = dump(store)
    second = store.ingest_many(pairs, batch_size=7)
    assert second.unchanged == 34 and second.inserted == 0 and second.events == 0
    assert dump(store) == before
    assert store.ingest(*pairs[0]).status == "unchanged"
    assert dump(store) == before


def test_identity_is_url_else_text_hash(store):
    a = article("x", text="Same words.", url=None)
    assert store.ingest(a, []).status == "inserted"
    assert store.ingest(article("y", text="Same words.", url=None), []).status == "unchanged"
    assert store.ingest(article("z", text="Other words.", url=None), []).status == "inserted"
    assert store.stats()["articles"] == 2
    key = store.conn.execute("SELECT key FROM articles WHERE article_id = 'x'").fetchone()[0]
    assert key.startswith("sha256:")


def test_updated_article_replaces_its_events(store):
    story = expulsion_story()
    store.ingest_many(story)
    a1, _ = story[0]
    assert store.incidents(min_articles=3)[0]["n_mentions"] == 4
    new = article("a1", text="Corrected text: the consul was released.", url=a1.url, day="2022-09-27")
    result = store.ingest(new, [event(new, "RUSGOV", "JPNGOV", "057", day="2022-09-29")])
    assert result.status == "replaced" and result.events == 1
    rows = store.events(article=result.article_pk)
    assert [r["cameo_code"] for r in rows] == ["057"]
    assert store.article(a1.url)["text"].startswith("Corrected")
    assert store.stats()["articles"] == 4
    # the summary follows: equal to a recomputation from the events table
    assert summary_table(store) == summary_from_events(store)
    # the incident lost article a1's two mentions
    big = [i for i in store.incidents() if i["root"] == "17" and i["first_day"] < "2022-10-01"]
    assert sorted(i["n_articles"] for i in big) == [1, 2]
    assert max(i["n_mentions"] for i in big) == 2


def test_bad_article_in_batch_keeps_the_others(store):
    pairs = list(numbered_pairs(10))
    bad_article, bad_events = pairs[5]
    broken = event(bad_article, "RUSGOV", "JPNGOV", "174")
    broken.source = None  # a coder bug: storing it raises
    pairs[5] = (bad_article, bad_events + [broken])
    summary = store.ingest_many(pairs, batch_size=4)
    assert summary.inserted == 9 and len(summary.failed) == 1
    assert summary.failed[0].name == bad_article.id and "AttributeError" in summary.failed[0].error
    stored = {r[0] for r in store.conn.execute("SELECT article_id FROM articles")}
    assert bad_article.id not in stored and len(stored) == 9
    # nothing half-written: no events, places or summary rows of the failed article
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 18
    assert summary_table(store) == summary_from_events(store)
    # the re-run with the article fixed completes, without duplicates
    again = store.ingest_many(numbered_pairs(10), batch_size=4)
    assert again.inserted == 1 and again.unchanged == 9
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 10
    assert store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 20


def test_failing_input_stores_what_came_before(store):
    def flaky():
        for i, pair in enumerate(numbered_pairs(10)):
            if i == 5:
                raise RuntimeError("coder crashed")
            yield pair

    with pytest.raises(RuntimeError, match="coder crashed"):
        store.ingest_many(flaky(), batch_size=3)
    assert store.stats()["articles"] == 5
    again = store.ingest_many(numbered_pairs(10), batch_size=3)
    assert (again.inserted, again.unchanged) == (5, 5)
    assert store.stats()["events"] == 20


def test_single_ingest_failure_stores_nothing(store):
    a = article("lone")
    bad = event(a, "RUSGOV", "JPNGOV", "174")
    bad.cameo = None
    with pytest.raises(AttributeError):
        store.ingest(a, [event(a, "RUSGOV", "JPNGOV", "040"), bad])
    assert store.stats()["articles"] == 0 and store.stats()["events"] == 0


def test_wal_mode_and_default_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TACITUS_DB", raising=False)
    with tacitus.open() as s:
        assert s.path == "tacitus.db"
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_path / "tacitus.db").exists()
    monkeypatch.setenv("TACITUS_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        assert s.path.endswith("env.db")
    with open_store(tmp_path / "explicit.db") as s:
        assert s.path.endswith("explicit.db")
    with pytest.raises(StoreError, match="no database at"):
        open_store(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "x.db")


# -- incidents -----------------------------------------------------------------------------------------

def test_incidents_link_articles_and_keep_others_apart(store):
    store.ingest_many(expulsion_story())
    incidents = store.incidents()
    main = [i for i in incidents if i["n_articles"] == 3]
    assert len(main) == 1
    inc = main[0]
    # a1 twice (same day, one place), a2 once (article day 09-27), a3's unplaced report (09-28)
    assert (inc["n_mentions"], inc["n_articles"], inc["n_sources"]) == (4, 3, 2)
    assert (inc["first_day"], inc["last_day"], inc["place_name"], inc["code"]) == (
        "2022-09-26", "2022-09-28", "Vladivostok", "174")
    assert {e["url"] for e in inc["events"]} == {"https://www.nhk.example/a1", "https://nhk.example/a2",
                                                 "https://tass.example/a3"}
    assert all(e["sentence"] and e["evidence_text"] for e in inc["events"])
    others = sorted((i["root"], i["place_name"], i["first_day"], i["n_mentions"]) for i in incidents if i is not inc)
    assert others == [("04", "", "2022-09-27", 1), ("17", "Tokyo", "2022-09-28", 1),
                      ("17", "Vladivostok", "2022-10-20", 1)]
    # the negated event is in no incident
    neg = store.events(negated=True)
    assert len(neg) == 1 and neg[0]["incident_id"] is None
    assert store.stats()["incidents"] == 4


def test_incident_order_does_not_matter_and_bridging_merges(store, tmp_path):
    # day 1 and day 4 are too far apart alone; a report on day 3 links them (single linkage)
    arts = [article(f"b{i}", url=f"https://o{i}.example/x") for i in range(3)]
    pairs = [(arts[0], [event(arts[0], "USAGOV", "CHNGOV", "163", day="2023-01-01")]),
             (arts[1], [event(arts[1], "USAGOV", "CHNGOV", "163", day="2023-01-04")]),
             (arts[2], [event(arts[2], "USAGOV", "CHNGOV", "163", day="2023-01-03")])]
    store.ingest_many(pairs)
    assert [(i["n_articles"], i["first_day"], i["last_day"]) for i in store.incidents()] == [
        (3, "2023-01-01", "2023-01-04")]
    with open_store(tmp_path / "other.db") as other:
        other.ingest_many(reversed(pairs))
        assert [(i["n_articles"], i["n_sources"]) for i in other.incidents()] == [(3, 3)]


def test_incident_rule_is_configurable(store):
    a = article("codes", day="2022-03-01")
    b = article("codes2", url="https://other.example/b", day="2022-03-05")
    store.ingest_many([(a, [event(a, "POLGOV", "BLRGOV", "173"), event(a, "POLGOV", "BLRGOV", "174", start=50)]),
                       (b, [event(b, "POLGOV", "BLRGOV", "174")])])
    assert [i["n_mentions"] for i in store.incidents()] == [2, 1]  # same root, 4 days apart: two incidents
    assert store.rebuild_incidents(IncidentRule(days=7)) == 1
    assert store.incident_rule == IncidentRule(days=7)
    assert store.rebuild_incidents(IncidentRule(days=7, match_code=True)) == 2  # 173 apart from the 174s
    assert sorted((i["code"], i["n_mentions"]) for i in store.incidents()) == [("173", 1), ("174", 2)]
    # later ingests use the stored rule
    c = article("codes3", url="https://third.example/c", day="2022-03-10")
    store.ingest(c, [event(c, "POLGOV", "BLRGOV", "174")])
    assert sorted((i["code"], i["n_mentions"]) for i in store.incidents()) == [("173", 1), ("174", 3)]


def test_one_a_day_filter(store):
    story = expulsion_story()
    store.ingest_many(story)
    all_174 = store.events(code="174")
    one = store.events(code="174", one_a_day=True)
    key = {(r["source_code"], r["target_code"], r["cameo_code"], r["day"]) for r in all_174}
    assert len(all_174) == 6 and len(one) == len(key) == 5
    # paging through the filtered set gives the same rows
    page1 = store.events(code="174", one_a_day=True, limit=2)
    page2 = store.events(code="174", one_a_day=True, limit=10, after_id=page1[-1]["id"])
    assert [r["id"] for r in page1 + page2] == [r["id"] for r in one]


# -- queries -------------------------------------------------------------------------------------------

def dyad_corpus():
    a = article("d1", url="https://d.example/1", day="2022-01-10")
    b = article("d2", url="https://d.example/2", day="2022-02-03")
    return [
        (a, [event(a, "RUSGOV", "UKRGOV", "190", day="2022-01-10"),                    # Mon, q4 -10
             event(a, "RUSMIL", "UKRMIL", "190", day="2022-01-11", start=10),           # q4 -10
             event(a, "UKRGOV", "RUSGOV", "111", day="2022-01-12", start=20),           # q3 -2
             event(a, "RUSGOV", "UKRGOV", "040", day="2022-01-31", start=30),           # q1 +1 (Mon)
             event(a, "RUSGOV", "UKRGOV", "040", day="2022-01-31", start=40, negated=True),  # not counted
             event(a, "USAGOV", "UKRGOV", "061", day="2022-01-11", start=50)]),         # other dyad
        (b, [event(b, "UKRGOV", "RUSGOV", "057", day="2022-02-03"),                    # q1 +8
             event(b, "RUSGOV", "UKRGOV", "061", day="2022-02-06", start=10),           # Sunday, q2 +6.4
             event(b, "RUSGOV", "UKRGOV", "163", start=20, modality="hypothetical")]),  # not counted
    ]


def test_dyad_series_known_answers(store):
    store.ingest_many(dyad_corpus())
    month = store.dyad("rus", "UKR", by="month")
    assert [(r["period_start"], r["source"], r["target"], r["events"], r["q1"], r["q2"], r["q3"], r["q4"],
             r["goldstein_sum"], r["goldstein_mean"]) for r in month] == [
        ("2022-01-01", "RUS", "UKR", 3, 1, 0, 0, 2, -19.0, -6.333),
        ("2022-01-01", "UKR", "RUS", 1, 0, 0, 1, 0, -2.0, -2.0),
        ("2022-02-01", "RUS", "UKR", 1, 0, 1, 0, 0, 6.4, 6.4),
        ("2022-02-01", "UKR", "RUS", 1, 1, 0, 0, 0, 8.0, 8.0),
    ]
    week = store.dyad("RUS", "UKR", by="week")
    assert [(r["period_start"], r["source"], r["events"]) for r in week] == [
        ("2022-01-10", "RUS", 2), ("2022-01-10", "UKR", 1), ("2022-01-31", "RUS", 2), ("2022-01-31", "UKR", 1)]
    day = store.dyad("UKR", "RUS", by="day", since="2022-01-11", until="2022-01-31")
    assert [(r["period_start"], r["source"], r["events"]) for r in day] == [
        ("2022-01-11", "RUS", 1), ("2022-01-12", "UKR", 1), ("2022-01-31", "RUS", 1)]
    with pytest.raises(QueryError):
        store.dyad("RUS", "UKR", by="year")


def test_background_events_stay_off_the_time_line(store):
    """An old event recalled in today's article keeps its own date but no day: it would otherwise be
    counted again on each day it is recalled. A coarse date that holds the article's day, or none at
    all, counts on the article's day."""
    a = article("bg", day="2019-03-06")
    told = {"2018": "year", "2019-02": "month", "during the war": "relative", "2019-03": "month", "2019": "year",
            "2019-W10": "week", None: None}
    events = []
    for k, (date, precision) in enumerate(told.items()):
        e = event(a, "RUSGOV", "GBRGOV", "166", sentence_index=k, start=k * 50)
        e.date, e.date_precision = date, precision
        events.append(e)
    store.ingest_many([(a, events)])
    days = [r[0] for r in store.conn.execute("SELECT day FROM events ORDER BY sentence_index")]
    assert days == [None, None, None, "2019-03-06", "2019-03-06", "2019-03-06", "2019-03-06"]
    assert [(r["period_start"], r["events"]) for r in store.dyad("RUS", "GBR", by="month")] == [("2019-03-01", 4)]


def test_events_filters(store):
    store.ingest_many(dyad_corpus() + expulsion_story())
    assert {r["source_code"] for r in store.events(source="RUS")} == {"RUSGOV", "RUSMIL", "RUSSPY"}
    assert {r["source_code"] for r in store.events(source="RUSMIL")} == {"RUSMIL"}
    assert len(store.events(actor="USA")) == 1
    assert len(store.events(target="UKR", root="19")) == 2
    assert len(store.events(target="UKR", root=19)) == 2
    assert {r["quad_class"] for r in store.events(quad=1, actor="UKR")} == {1}
    assert [r["day"] for r in store.events(actor="UKR", since="2022-02-01")] == ["2022-02-03", "2022-02-06",
                                                                                  "2022-02-03"]
    assert len(store.events(text="EXPEL OR DEPORT")) == 6
    page = store.events(limit=3)
    rest = store.events(after_id=page[-1]["id"], limit=None)
    assert len(page) + len(rest) == store.stats()["events"]
    with pytest.raises(QueryError):
        store.events(since="last week")


def test_hostile_filter_values_return_nothing_and_break_nothing(store):
    store.ingest_many(dyad_corpus() + expulsion_story())
    before = dump(store)
    hostile = ["RUS' OR 1=1 --", "RUS\" OR \"1\"=\"1", "'; DROP TABLE events; --", "%", "_", "RUS%",
               "RUS) OR (1=1", "\x00", "RUS' UNION SELECT * FROM articles --"]
    for value in hostile:
        assert store.events(actor=value) == []
        assert store.events(source=value, target=value) == []
        assert store.events(root=value) == []
        assert store.events(code=value) == []
        assert store.events(text=value) == []
        assert store.dyad(value, "JPN") == []
        assert store.incidents(source=value) == []
        assert store.reciprocity(actor=value) == []
        assert store.article(value) is None
    assert dump(store) == before


def test_reciprocity_known_answers(store):
    r1 = article("r1", url="https://r.example/1", day="2022-09-27")
    r2 = article("r2", url="https://s.example/2", day="2022-09-27")
    r3 = article("r3", url="https://r.example/3", day="2022-10-05")
    r4 = article("r4", url="https://r.example/4", day="2023-01-01")
    store.ingest_many([
        (r1, [event(r1, "RUSSPY", "JPNGOV", "174")]),                     # RUS expels a Japanese diplomat
        (r2, [event(r2, "RUSGOV", "JPNGOV", "174", place="Vladivostok")]),  # same incident, other outlet
        (r3, [event(r3, "JPNGOV", "RUSGOV", "166"),                       # Japan answers: expulsion family
              event(r3, "JPNGOV", "RUSGOV", "163", start=50),             # sanctions: not an answer to 174
              event(r3, "JPNGOV", "RUSGOV", "040", start=90)]),           # consult: summons family, no act
        (r4, [event(r4, "USAGOV", "CHNGOV", "163", day="2023-01-01"),
              event(r4, "CHNGOV", "USAGOV", "163", day="2023-03-15", start=40),   # 73 days later
              event(r4, "CHNGOV", "USAGOV", "114", day="2022-12-20", start=80),   # before, summons family
              event(r4, "USAGOV", "CHNGOV", "040", day="2022-12-25", start=99)]),  # answers the 114 in 5 days
    ])
    pairs = store.reciprocity(days=30)
    got = [(p["source"], p["target"], p["first_code"], p["response_code"], p["family"], p["lag_days"],
            p["event_pairs"]) for p in pairs]
    assert got == [("RUS", "JPN", "174", "166", "expulsion", 8, 2), ("CHN", "USA", "114", "040", "summons", 5, 1)]
    assert pairs[0]["first_incident"] is not None and "expel" in pairs[0]["response_text"].lower()
    wide = store.reciprocity(days=90)
    assert ("USA", "CHN", "163", "163", 73) in [
        (p["source"], p["target"], p["first_code"], p["response_code"], p["lag_days"]) for p in wide]
    # families are data: without the summons family, 114 and 040 do not answer each other
    only = store.reciprocity(days=30, families={"families": {"expulsion": {"codes": ["166", "174"]}}})
    assert [p["family"] for p in only] == ["expulsion"]
    with pytest.raises(QueryError, match="three-digit"):
        store.reciprocity(families={"families": {"x": {"codes": ["17"]}}})


def test_frames_and_article(store):
    store.ingest_many(dyad_corpus())
    pdf = store.events_frame(kind="pandas", actor="RUS")
    plf = store.events_frame(kind="polars", actor="RUS")
    assert len(pdf) == len(plf) == 8 and "cameo_code" in pdf.columns and "goldstein" in plf.columns
    assert list(store.dyad_frame("RUS", "UKR", kind="polars")["events"]) == [3, 1, 1, 1]
    assert len(store.incidents_frame()) == store.stats()["incidents"]
    art = store.article("d1")
    assert art["url"] == "https://d.example/1" and len(art["events"]) == 6
    rec = art["events"][0]
    assert rec["source"]["code"] == "RUSGOV" and rec["cameo"]["code"] == "190" and rec["evidence"]["text"]
    assert store.article(art["id"])["key"] == art["key"] == store.article("https://d.example/1")["key"]
    with pytest.raises(ValueError):
        store.events_frame(kind="excel")


# -- exports -------------------------------------------------------------------------------------------

def test_gdelt_export_reads_back_with_gdelt_columns(store, tmp_path):
    store.ingest_many(expulsion_story() + dyad_corpus())
    out = tmp_path / "events.tsv"
    n = store.export("gdelt", out)
    assert n == store.stats()["events"]
    with open(out, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == OFFICIAL_GDELT_COLUMNS and len(rows[0]) == 61
    assert all(len(r) == 61 for r in rows[1:]) and len(rows) == n + 1
    recs = [dict(zip(rows[0], r)) for r in rows[1:]]
    first = recs[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20220926", "202209", "2022")
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUSSPY", "RUS", "SPY")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == (
        "174", "174", "17", "4")
    assert (first["NumMentions"], first["NumArticles"], first["NumSources"]) == ("4", "3", "2")
    assert first["ActionGeo_FullName"] == "Vladivostok" and first["ActionGeo_Type"] == "4"
    assert first["SOURCEURL"] == "https://www.nhk.example/a1" and len(first["DATEADDED"]) == 14
    assert first["AvgTone"] == "" and first["Actor1KnownGroupCode"] == ""
    # pandas reads it the way GDELT users do
    import pandas as pd

    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == OFFICIAL_GDELT_COLUMNS and len(df) == n
    # without header, like GDELT's own files
    store.export("gdelt", tmp_path / "nohead.tsv", header=False)
    assert (tmp_path / "nohead.tsv").read_text().splitlines()[0].split("\t")[0] == first["GLOBALEVENTID"]


def test_other_exports(store, tmp_path):
    store.ingest_many(expulsion_story())
    n = store.stats()["events"]
    assert store.export("jsonl", tmp_path / "e.jsonl") == n
    recs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert recs[0]["cameo"]["code"] == "174" and recs[0]["evidence"]["text"] and recs[0]["incident"]["articles"] == 3
    assert store.export("plover", tmp_path / "p.jsonl") == n
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "source_text"} <= set(
        plover[0])
    assert plover[0]["event"] == "EXPEL" and plover[0]["event_loc"]["name"] == "Vladivostok"
    assert plover[0]["event_loc"]["lat"] == 43.1
    assert store.export("csv", tmp_path / "e.csv") == n
    with open(tmp_path / "e.csv", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == n
    assert store.export("parquet", tmp_path / "e.parquet") == n
    import polars as pl

    df = pl.read_parquet(tmp_path / "e.parquet")
    assert df.height == n and df["goldstein"].dtype == pl.Float64 and "article_url" in df.columns
    with pytest.raises(ValueError, match="unknown export format"):
        store.export("xml", tmp_path / "x")


def test_parquet_export_streams_in_row_groups(store, tmp_path):
    store.ingest_many(numbered_pairs(60))
    from tacitus.store import exports

    assert exports.export(store.conn, "parquet", tmp_path / "e.parquet", chunk=25) == 120
    import pyarrow.parquet as pq

    assert pq.ParquetFile(tmp_path / "e.parquet").num_row_groups == 5


# -- schema --------------------------------------------------------------------------------------------

def make_v1_file(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version VALUES (1)")
    schema.MIGRATIONS[1](conn)
    conn.execute(
        "INSERT INTO articles (id, key, url, content_hash, date, outlet, text, ingested_at, updated_at) VALUES "
        "(1, 'url:u1', 'u1', 'h1', '2022-09-27', 'a.example', 't1', 'x', 'x'), "
        "(2, 'url:u2', 'u2', 'h2', '2022-09-28', 'b.example', 't2', 'x', 'x')")
    for i, (art, day) in enumerate([(1, "2022-09-27"), (2, "2022-09-28")]):
        conn.execute(
            "INSERT INTO events (event_id, article_pk, day, source_code, source_country, target_code, target_country, "
            "cameo_code, cameo_root, quad_class, goldstein) VALUES (?, ?, ?, 'RUSGOV', 'RUS', 'JPNGOV', 'JPN', "
            "'174', '17', 4, -5.0)", (f"e{i}", art, day))
    conn.close()


def test_older_schema_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    make_v1_file(path)
    with open_store(path) as s:
        assert s.schema_version_before == 1 and s.schema_version == schema.SCHEMA_VERSION
        assert s.dyad("RUS", "JPN", by="month")[0]["events"] == 2  # summary backfilled
        [inc] = s.incidents()
        assert (inc["n_mentions"], inc["n_articles"], inc["n_sources"]) == (2, 2, 2)  # incidents backfilled
        a = article("new", day="2022-09-29")
        s.ingest(a, [event(a, "RUSGOV", "JPNGOV", "174")])
        assert s.incidents()[0]["n_articles"] == 3
    with open_store(path) as s:  # opening again migrates nothing
        assert s.schema_version_before == schema.SCHEMA_VERSION


def test_newer_or_foreign_database_errors_clearly(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="schema version 99, newer than"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 99
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE stuff (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Tacitus database"):
        open_store(foreign)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(junk)
