"""The command line: files in → event records or scores out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TACITUS = [sys.executable, "-m", "tacitus.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*TACITUS, *args], input=stdin, capture_output=True, text=True, timeout=300)


def test_code_prints_design_records_as_jsonl(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("Tokyo summoned the Russian ambassador on Tuesday.\n\nShare on Twitter\n")
    result = run("code", str(page), "--date", "2022-09-28")
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["source"]["code"], record["cameo"]["code"], record["target"]["code"]) == ("JPNGOV", "040", "RUSGOV")
    assert record["date"] == "2022-09-27" and record["date_precision"] == "day"
    assert record["cameo"]["quad_class"] == 1 and record["plover"]["type"] == "CONSULT"
    assert record["evidence"]["text"].startswith("Tokyo summoned") and record["rule"]


def test_code_reads_standard_input_and_formats_json(tmp_path: Path):
    result = run("code", "-", "--format", "json", stdin="Poland expelled two Russian diplomats.")
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["source"]["code"] == "POL" and record["target"]["country"] == "RUS"


def test_code_holds_back_bare_role_events_unless_asked_for():
    text = "Syrian rebels killed three villagers on Monday."
    result = run("code", "-", stdin=text)
    assert result.returncode == 0 and result.stdout == "", result.stderr
    result = run("code", "-", "--bare-roles", stdin=text)
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["source"]["code"], record["target"]["code"], record["target"]["country"]) == ("SYRREB", "CVL", "")


def test_code_gives_what_the_library_gives(tmp_path: Path):
    """The command line, the library (and so ingest and batch) parse an article the same way: an
    article whose home country depends on the entities of sentences without events codes alike."""
    from conftest import bbc_article
    from tacitus.pipeline import Coder

    record = bbc_article("bbc-politics-260")
    page = tmp_path / "page.txt"
    page.write_text(record["text"])
    result = run("code", str(page), "--date", "2005-03-01")
    assert result.returncode == 0, result.stderr
    cli = [(r["source"]["code"], r["cameo"]["code"], r["target"]["code"]) for r in map(json.loads, result.stdout.splitlines())]
    library = [(e.source.code, e.cameo.code, e.target.code) for e in Coder().code_text(record["text"], date="2005-03-01")]
    assert cli == library


def test_code_articles_format_lists_each_articles_places_with_its_events(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("Russian forces shelled Kharkiv on Monday. Officials met in Geneva on Tuesday to discuss trade.\n")
    result = run("code", str(page), "--date", "2024-03-06", "--format", "articles")
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    text = page.read_text()
    assert record["article"]["date"] == "2024-03-06"
    places = {p["mention"]: p for p in record["places"]}
    assert places["Kharkiv"]["country"] == "UKR" and places["Kharkiv"]["geonameid"]
    assert places["Geneva"]["country"] == "CHE"  # a place of the article, though no event happened there
    assert all(text[p["start"]:p["end"]] == p["mention"] for p in record["places"])
    assert [e["location"]["name"] for e in record["events"] if e["cameo"]["code"] == "194"] == ["Kharkiv"]


def test_bad_input_is_one_line_and_the_good_input_is_still_coded(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("Poland expelled two Russian diplomats.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("code", str(empty), str(good))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{empty}: empty input" in result.stderr
    assert len(result.stdout.splitlines()) == 1


def test_eval_scores_a_suite_and_writes_predictions(tmp_path: Path):
    suite = tmp_path / "suite.jsonl"
    records = [
        {"id": "a", "text": "Tokyo summoned the Russian ambassador.", "date": None,
         "expected": [{"source": "JPNGOV", "target": "RUSGOV", "code": "040"}]},
        {"id": "b", "text": "The weather was fine in Paris.", "date": None, "expected": []},
        {"id": "c", "text": "Russia condemned the United States.", "date": None,
         "expected": [{"source": "RUS", "target": "USA", "code": "111"}]},
    ]
    suite.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    out = tmp_path / "pred.jsonl"
    result = run("eval", str(suite), "--predictions", str(out))
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith("EVAL ") and "event_f1=1.000" in last and "n=3" in last
    predicted = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in predicted] == ["a", "b", "c"] and predicted[1]["events"] == []


def test_eval_scores_plover_records_also_by_countries_alone(tmp_path: Path):
    suite = tmp_path / "plover.jsonl"
    record = {"id": "p", "text": "Israeli soldiers arrested 20 Palestinians.", "date": None,
              "expected": [{"source": "ISR", "target": "PSECVL", "plover": "COERCE"}]}
    suite.write_text(json.dumps(record) + "\n")
    result = run("eval", str(suite))
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]
    # ISRMIL is not the gold's ISR, but its country is
    assert "plover_event_f1=0.000" in last and "plover_dyad_f1=1.000" in last and "plover_type_f1=1.000" in last


def test_eval_names_a_malformed_suite_line(tmp_path: Path):
    suite = tmp_path / "bad.jsonl"
    suite.write_text('{"id": "a", "text": "x"}\n{oops\n')
    result = run("eval", str(suite))
    assert result.returncode == 2 and f"{suite}:2" in result.stderr and "Traceback" not in result.stderr
