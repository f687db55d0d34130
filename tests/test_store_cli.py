"""The store's commands through Typer's CliRunner, on an app of our own (the real readers, a stand-in coder)."""

from __future__ import annotations

import csv
import io
import json
import sys
import types

import pytest
import typer
from test_store_helpers import event
from typer.testing import CliRunner

from tacitus.model import Article, Event
from tacitus.store import open_store
from tacitus.store.commands import register
from tacitus.store.exports import GDELT_COLUMNS


class KeywordCoder:
    """Stands in for tacitus.pipeline.Coder: 'expelled' → RUS expels JPN (174), 'talks' → JPN consults RUS."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def code_article(self, article: Article) -> list[Event]:
        if "crash" in article.text:
            raise RuntimeError("parser blew up")
        out = []
        if "expelled" in article.text:
            out.append(event(article, "RUSGOV", "JPNGOV", "174", sentence=article.text.split(".")[0] + "."))
        if "talks" in article.text:
            out.append(event(article, "JPNGOV", "RUSGOV", "040", start=5, sentence_index=1))
        return out

    def code_articles(self, articles, batch_size: int = 32):
        for a in articles:
            yield a, self.code_article(a)


@pytest.fixture
def app(monkeypatch):
    # The real coder is another module's work; the commands only need its Coder interface.
    fake = types.ModuleType("tacitus.pipeline")
    fake.Coder = KeywordCoder
    monkeypatch.setitem(sys.modules, "tacitus.pipeline", fake)
    monkeypatch.delenv("TACITUS_DB", raising=False)
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def runner():
    return CliRunner()


def write_inputs(tmp_path):
    lines = [
        {"id": "k1", "url": "https://a.example/1", "date": "2022-09-27",
         "text": "Russia expelled a Japanese consul in Vladivostok. Tokyo called for talks."},
        {"id": "k2", "url": "https://b.example/2", "date": "2022-09-28",
         "text": "Moscow expelled the Japanese consul, the ministry said."},
        {"id": "k3", "url": "https://c.example/3", "date": "2022-10-03", "text": "Japan and Russia held talks."},
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    return path


def test_ingest_then_query_commands(app, runner, tmp_path):
    db = tmp_path / "cli.db"
    news = write_inputs(tmp_path)
    r = runner.invoke(app, ["ingest", str(news), "--db", str(db), "--batch-size", "2"])
    assert r.exit_code == 0, r.output
    assert "3 new" in r.output and "4 events stored" in r.output
    r = runner.invoke(app, ["ingest", str(news), "--db", str(db)])
    assert r.exit_code == 0 and "3 unchanged" in r.output and "0 events stored" in r.output

    r = runner.invoke(app, ["events", "--db", str(db), "--actor", "RUS", "--root", "17"])
    assert r.exit_code == 0, r.output
    assert "2 events" in r.output and "RUSGOV" in r.output and "174" in r.output
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--text", "VLADIVOSTOK"])
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["cameo"]["code"] for x in recs] == ["174"]
    r = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--quad", "1"])
    assert [row["cameo_code"] for row in csv.DictReader(io.StringIO(r.stdout))] == ["040", "040"]

    r = runner.invoke(app, ["dyad", "RUS", "JPN", "--db", str(db), "--by", "month"])
    assert r.exit_code == 0, r.output
    assert "RUS ⇄ JPN by month" in r.output and "RUS → JPN" in r.output and "JPN → RUS" in r.output
    assert "2022-09-01" in r.output and "2022-10-01" in r.output and "total" in r.output

    r = runner.invoke(app, ["incidents", "--db", str(db), "--min-articles", "2"])
    assert r.exit_code == 0 and "1 incidents" in r.output
    r = runner.invoke(app, ["incidents", "--db", str(db), "--format", "jsonl", "--min-articles", "2"])
    [inc] = [json.loads(line) for line in r.stdout.splitlines()]
    assert (inc["n_articles"], inc["n_sources"]) == (2, 2) and len(inc["events"]) == 2

    r = runner.invoke(app, ["reciprocity", "--db", str(db), "--days", "30", "--format", "jsonl"])
    assert r.exit_code == 0, r.output  # 174 answered by 040? no: different families
    assert r.stdout.strip() == ""
    r = runner.invoke(app, ["reciprocity", "--db", str(db)])
    assert r.exit_code == 0 and "No reciprocal pairs within 30 days" in r.output

    out = tmp_path / "g.tsv"
    r = runner.invoke(app, ["export", "--format", "gdelt", str(out), "--db", str(db)])
    assert r.exit_code == 0, r.output
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS and len(lines) == 5
    for fmt in ("plover", "csv", "parquet", "jsonl"):
        r = runner.invoke(app, ["export", "--format", fmt, str(tmp_path / f"out.{fmt}"), "--db", str(db)])
        assert r.exit_code == 0 and (tmp_path / f"out.{fmt}").stat().st_size > 0


def test_ingest_reports_bad_inputs_and_keeps_good_ones(app, runner, tmp_path):
    db = tmp_path / "cli.db"
    news = write_inputs(tmp_path)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "ok", "url": "https://d.example/4", "date": "2022-09-29", '
                      '"text": "Russia expelled another diplomat."}\n{not json\n')
    r = runner.invoke(app, ["ingest", str(news), str(tmp_path / "missing.txt"), str(broken), "--db", str(db)])
    assert r.exit_code == 1
    assert "missing.txt" in r.output and "broken.jsonl:2" in r.output
    assert "Traceback" not in r.output
    with open_store(db) as store:
        assert store.stats()["articles"] == 4


def test_coder_failure_is_one_line_and_earlier_articles_stay(app, runner, tmp_path):
    db = tmp_path / "cli.db"
    news = tmp_path / "n.jsonl"
    news.write_text("\n".join(json.dumps({"id": f"c{i}", "url": f"https://x.example/{i}", "date": "2022-01-01",
                                          "text": "crash now." if i == 3 else f"Russia expelled {i}."})
                              for i in range(5)) + "\n")
    r = runner.invoke(app, ["ingest", str(news), "--db", str(db), "--batch-size", "2"])
    assert r.exit_code == 1
    assert "coding stopped: RuntimeError: parser blew up (3 articles stored" in r.output
    assert "Traceback" not in r.output


def test_errors_are_one_clear_line(app, runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cases = [
        (["events"], "no database at tacitus.db"),
        (["dyad", "RUS", "JPN", "--db", str(tmp_path / "none.db")], "no database at"),
        (["export", "--format", "gdelt", "x.tsv"], "no database at"),
    ]
    open_store(tmp_path / "real.db").close()
    real = str(tmp_path / "real.db")
    cases += [
        (["dyad", "RUS", "JPN", "--db", real, "--by", "year"], "--by must be one of day, week, month"),
        (["events", "--db", real, "--since", "yesterday"], "--since: not a date"),
        (["events", "--db", real, "--format", "xml"], "--format must be table, jsonl or csv"),
        (["export", "--format", "xml", "x", "--db", real], "--format must be one of gdelt"),
        (["export", "--format", "parquet", "-", "--db", real], "parquet needs a file name"),
        (["export", "--format", "csv", str(tmp_path / "no" / "dir.csv"), "--db", real], "No such file"),
        (["ingest", "x.txt", "--db", str(tmp_path / "no" / "dir.db")], "does not exist"),
        (["ingest", "x.txt", "--db", real, "--date", "soon"], "--date: not a date"),
    ]
    for args, message in cases:
        r = runner.invoke(app, args)
        assert r.exit_code != 0, args
        assert message in r.output, (args, r.output)
        assert "Traceback" not in r.output
        assert len(r.output.strip().splitlines()) == 1, r.output


def test_hostile_values_on_the_command_line(app, runner, tmp_path):
    db = tmp_path / "cli.db"
    runner.invoke(app, ["ingest", str(write_inputs(tmp_path)), "--db", str(db)])
    for args in (["events", "--actor", "RUS' OR 1=1 --"], ["events", "--text", "%' OR '1'='1"],
                 ["dyad", "RUS' --", "JPN"], ["incidents", "--source", "x' OR 1=1"]):
        r = runner.invoke(app, args + ["--db", str(db), "--format", "jsonl"] if args[0] != "dyad" else args + [
            "--db", str(db)])
        assert r.exit_code == 0, r.output
        assert "RUSGOV" not in r.stdout
    with open_store(db) as store:
        assert store.stats()["events"] == 4
