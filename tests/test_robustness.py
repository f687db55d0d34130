"""Hostile input through the real command line and the library: one-line errors, bounded work, no crash.

The CLI contract: bad input → a one-line error naming the file (and line for JSONL) and the
problem, a non-zero exit, never a traceback; the good inputs in the same run are still coded.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tacitus.language import detect
from tacitus.limits import (
    DEFAULT_LIMITS,
    LimitError,
    Limits,
    TimeBudgetExceeded,
    code_within_limits,
    count_sentences,
    deadline,
    flatten_html,
    html_depth,
    split_long_runs,
)
from tacitus.readers import InputError, ReadProblem, article_from_text, decode_bytes, read_inputs

TACITUS = Path(sys.executable).parent / "tacitus"
GOOD = "Poland expelled a Belarusian diplomat on Thursday, the foreign ministry in Warsaw said.\n"
FRENCH = ("Le gouvernement français a expulsé un diplomate russe jeudi, selon le ministère des Affaires "
          "étrangères. La Russie a protesté contre cette décision et a annoncé une réponse à cette mesure.\n")
WORDS = "the minister of a country with border and talks over several days in which people were".split()


def run(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(TACITUS), "code", "--format", "jsonl", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def unpunctuated(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    words = WORDS + ["Poland", "Belarus", "expelled", "diplomat"]
    out: list[str] = []
    size = 0
    while size < n:
        w = rnd.choice(words)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:n]


BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    # name: (content, words the one-line error must hold)
    "empty.txt": (b"", "empty input"),
    "blank.txt": (b"  \n\n\t \n", "empty input"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "noise.txt": (random.Random(1).randbytes(4000).replace(b"\x00", b"\x01"), "undecodable"),
    "scripts.html": (b"<html><head><style>p{color:red}</style><script>var x = 1;</script></head>"
                     b"<body><script>document.write('hi')</script><style>div{}</style></body></html>",
                     "no article text"),
    "french.txt": (FRENCH.encode(), "not English (detected French"),
}


@pytest.fixture(scope="module")
def one_run(tmp_path_factory):
    """Every bad input and two good ones in one `tacitus code` run (spaCy loads once)."""
    folder = tmp_path_factory.mktemp("inputs")
    for name, (content, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(content)
    (folder / "good.txt").write_text(GOOD)
    (folder / "mixed.txt").write_bytes(GOOD.encode() + "Caf\xe9 owners in Minsk protested on Friday.\n".encode("cp1252"))
    nested = "<html><body>" + "<div>" * 5000 + f"<p>{GOOD.strip()}</p>" + "</div>" * 5000 + "</body></html>"
    (folder / "nested.html").write_text(nested)
    (folder / "news.jsonl").write_text(
        json.dumps({"id": "ok1", "text": GOOD}) + "\n{not json\n" + '"a string"\n'
        + json.dumps({"id": "nodate", "text": GOOD, "date": "2024-13-45"}) + "\n"
        + json.dumps({"id": "fr", "text": FRENCH}) + "\n"
        + json.dumps({"id": "ok2", "text": "Russia attacked Ukraine on Monday, officials in Kyiv said."}) + "\n")
    paths = [str(folder / n) for n in (*BAD_INPUTS, "good.txt", "mixed.txt", "nested.html", "news.jsonl")]
    started = time.monotonic()
    proc = run(*paths)
    return folder, proc, time.monotonic() - started


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.decode().splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_each_bad_file_gets_one_line_naming_it_and_the_problem(one_run, name):
    folder, proc, _ = one_run
    lines = [line for line in error_lines(proc) if f"{folder / name}:" in line]
    assert len(lines) == 1, proc.stderr.decode()
    assert BAD_INPUTS[name][1] in lines[0]


def test_the_run_fails_without_a_traceback_and_codes_the_good_inputs(one_run):
    folder, proc, _ = one_run
    stderr = proc.stderr.decode()
    assert proc.returncode == 1
    assert "Traceback" not in stderr and "Error:" not in stderr.replace("error:", "")
    articles = {json.loads(line)["article_id"] for line in proc.stdout.decode().splitlines()}
    assert {"ok1", "ok2"} <= articles
    assert len(articles) >= 4  # good.txt (and nested.html, the same clean text: the same id), mixed.txt


def test_jsonl_bad_lines_are_listed_by_number(one_run):
    folder, proc, _ = one_run
    jsonl = str(folder / "news.jsonl")
    by_line = {int(m.group(1)): line for line in error_lines(proc) if (m := re.search(re.escape(jsonl) + r":(\d+):", line))}
    assert set(by_line) == {2, 3, 4, 5}
    assert "malformed JSON" in by_line[2]
    assert "not a JSON object" in by_line[3]
    assert "'2024-13-45' is not a date" in by_line[4]
    assert "detected French" in by_line[5]


def test_mixed_encoding_is_repaired_with_a_warning(one_run):
    folder, proc, _ = one_run
    warnings = [line for line in proc.stderr.decode().splitlines() if line.startswith("warning:")]
    assert any(f"{folder / 'mixed.txt'}:" in w and "repaired 1 line" in w and "cp1252" in w for w in warnings)


def test_deeply_nested_html_is_read_with_a_warning(one_run):
    folder, proc, _ = one_run
    warnings = [line for line in proc.stderr.decode().splitlines() if "nested.html" in line]
    assert len(warnings) == 1 and warnings[0].startswith("warning:") and "5,002 levels deep" in warnings[0]
    events = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    # the page's one sentence was found and coded (whatever code the lexicon gives "expelled")
    assert any(e["source"]["code"] == "POL" and e["evidence"]["text"].startswith("Poland expelled") for e in events)


def test_a_date_that_is_not_a_date_fails_before_any_work(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    proc = run(str(tmp_path / "good.txt"), "--date", "2024-13-45")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "error: --date '2024-13-45' is not a date (expected YYYY-MM-DD)"


def test_a_50_mb_text_is_refused_unread_and_stdin_is_bounded(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("w") as handle:
        for _ in range(50 * 1024):
            handle.write((GOOD * 12)[:1023] + "\n")
    assert big.stat().st_size >= 50 * 1024 * 1024
    (tmp_path / "good.txt").write_text(GOOD)
    proc = run(str(big), str(tmp_path / "good.txt"))
    assert proc.returncode == 1
    [line] = error_lines(proc)
    assert line.startswith(f"error: {big}: too large for one article (52,428,800 bytes; the limit is 200,000 characters")
    assert proc.stdout  # the good file is still coded
    proc = run("-", stdin=big.read_bytes()[:5_000_000])
    assert proc.returncode == 1 and "<stdin>: more than 800,000 bytes" in proc.stderr.decode()


def test_limits_are_flags(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(GOOD * 20)
    proc = run(str(path), "--max-chars", "500")
    assert proc.returncode == 1 and "article too long (1,760 characters; the limit is 500" in proc.stderr.decode()
    proc = run(str(path), "--max-sentences", "5")
    assert proc.returncode == 1 and "too many sentences (20; the limit is 5" in proc.stderr.decode()
    fr = tmp_path / "fr.txt"
    fr.write_text(FRENCH)
    proc = run(str(fr), "--any-language")
    assert proc.returncode == 0, proc.stderr.decode()


def test_a_20000_character_unpunctuated_sentence_is_coded_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "run-on.txt"
    path.write_text(unpunctuated(20_000))
    proc = subprocess.run(
        [sys.executable, "-c",
         "import resource, subprocess, sys, time; t = time.monotonic(); "
         f"p = subprocess.run([{str(TACITUS)!r}, 'code', '--format', 'jsonl', {str(path)!r}], capture_output=True); "
         "print(p.returncode, round(time.monotonic() - t, 1), "
         "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024); sys.stderr.write(p.stderr.decode())"],
        capture_output=True, text=True, timeout=300)
    code, seconds, rss_mb = proc.stdout.split()
    assert code == "0", proc.stderr
    assert "Traceback" not in proc.stderr
    assert float(seconds) < 120 and int(rss_mb) < 1500


# -------------------------------------------------------------------------------- in-process behaviour


def test_over_long_runs_are_cut_at_whitespace_into_sentences_of_at_most_the_limit():
    text = unpunctuated(20_000)
    article = article_from_text(text)
    kept = [b for b in article.blocks if b.kept]
    assert len(kept) >= 20 and all(len(b.text) <= DEFAULT_LIMITS.max_sentence_chars for b in kept)
    for block in kept:
        assert article.text[block.start:block.end] == block.text
    assert article.text.split() == text.split()  # only whitespace changed


def test_ordinary_paragraphs_are_never_cut():
    paragraph = " ".join(["Poland expelled a Belarusian diplomat on Thursday in a row over spying."] * 40)
    assert split_long_runs(paragraph) == [paragraph]
    assert split_long_runs("x" * 2500, 1000) == ["x" * 1000, "x" * 1000, "x" * 500]


def test_html_depth_and_flattening():
    nested = "<html><body>" + "<div><span>" * 300 + "<p>Text</p>" + "</span></div>" * 300 + "</body></html>"
    assert html_depth(nested) == 602
    flat = flatten_html(nested)
    assert html_depth(flat) == 2 and "<p>Text</p>" in flat
    assert html_depth("<p>a<p>b<p>c<li>d<br>e") == 0  # implicitly closed elements do not nest


def test_html_too_deep_even_when_flat_is_refused():
    deep = "<html><body>" + "<blockquote>" * 400 + "<p>Poland expelled a diplomat.</p>" + "</blockquote>" * 400
    with pytest.raises(InputError, match="HTML nested 402 levels deep"):
        article_from_text(deep)


def test_decode_bytes_rejects_control_character_soup_even_when_valid_utf8():
    with pytest.raises(InputError, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 100)


def test_lone_surrogates_and_odd_json_fields_do_not_escape(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join([
        '{"id": "s", "text": "Poland expelled a diplomat \\ud800 on Thursday."}',
        '{"id": 5, "text": "Russia attacked Ukraine.", "title": {"x": 1}, "url": 7, "date": 20240101}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": "big", "text": "' + "9" * 5000 + '", "n": ' + "9" * 5000 + "}",
    ]) + "\n")
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], type(items[0])) and items[0].text.count("?") == 1
    assert items[1].id == "5" and items[1].title is None and items[1].url is None
    assert items[1].date.isoformat() == "2024-01-01"  # ISO 8601 basic format
    assert isinstance(items[2], ReadProblem) and "malformed JSON" in items[2].message
    assert isinstance(items[3], ReadProblem) and "malformed JSON" in items[3].message


def test_an_over_long_jsonl_line_is_skipped_without_holding_it(tmp_path):
    path = tmp_path / "long.jsonl"
    limits = Limits(max_chars=1000)
    with path.open("w") as handle:
        handle.write(json.dumps({"id": "a", "text": GOOD}) + "\n")
        handle.write(json.dumps({"id": "b", "text": "word " * 50_000}) + "\n")
        handle.write(json.dumps({"id": "c", "text": GOOD}) + "\n")
    items = list(read_inputs([str(path)], limits=limits))
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert f"{path}:2" in str(items[1]) and "line too long" in items[1].message


def test_language_detection():
    assert detect(FRENCH).language == "French"
    assert detect("Правительство Польши в четверг выслало белорусского дипломата, сообщило министерство "
                  "иностранных дел. Минск назвал это решение провокацией.").language.startswith("a Cyrillic")
    assert detect("Russia attacked Ukraine.").is_english  # too short to judge: coded
    english_with_names = ("These airstrikes over southern Aleppo reportedly killed several jihadist rebels from "
                          "Jabhat Al-Nusra (Syrian Al-Qaeda group), Harakat Ahrar Al-Sham, and Faylaq Al-Sham")
    assert detect(english_with_names).is_english
    assert detect(GOOD * 3 + FRENCH).is_english  # a French quote in an English article


def test_sentence_count_and_limit_errors():
    assert count_sentences("One. Two! Three?\n\nFour") == 4
    with pytest.raises(LimitError, match="too many sentences"):
        Limits(max_sentences=2).check_sentences("One. Two. Three.")
    with pytest.raises(ValueError):
        Limits(max_chars=0)


def test_deadline_interrupts_and_restores_the_outer_timer():
    with pytest.raises(TimeBudgetExceeded, match="took longer than 0.2 s"):
        with deadline(0.2):
            while True:
                pass
    started = time.monotonic()
    with deadline(0):
        time.sleep(0.05)
    assert time.monotonic() - started >= 0.05


def test_an_article_over_its_time_budget_is_skipped_and_the_rest_coded(coder, monkeypatch):
    articles = [article_from_text(GOOD, article_id=f"a{i}", source=f"s{i}") for i in range(3)]
    real = coder.code_doc

    def slow_for_a1(article, doc):
        if article.id == "a1":
            time.sleep(5)
        return real(article, doc)

    monkeypatch.setattr(coder, "code_doc", slow_for_a1)
    problems: list[tuple[str, str]] = []
    out = list(code_within_limits(coder, articles, Limits(time_seconds=0.5), lambda a, m: problems.append((a.id, m))))
    assert [a.id for a, _ in out] == ["a0", "a2"]
    assert problems == [("a1", "coding the article took longer than 0.5 s (the time limit, see --time-limit)")]
