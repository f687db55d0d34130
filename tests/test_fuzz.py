"""Property tests: arbitrary text, HTML and bytes through the readers and the real coder.

Nothing escapes as an exception (a reader answers with an Article or a ReadProblem; the article
builder with an Article or an InputError), and every event's evidence span lies inside the clean
text: `article.text[start:end] == evidence text`. The long run is `make fuzz` (fuzz/run_fuzz.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))
from strategies import article_text, html_pages, raw_bytes  # noqa: E402

from tacitus.limits import code_within_limits  # noqa: E402
from tacitus.model import Article  # noqa: E402
from tacitus.readers import InputError, ReadProblem, article_from_text, read_bytes  # noqa: E402

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CODER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])


def check_article(article: Article) -> None:
    assert article.text.strip()
    for block in article.blocks:
        if block.kept:
            assert article.text[block.start:block.end] == block.text


def build(text: str, html: bool | None = None) -> Article | None:
    try:
        article = article_from_text(text, html=html)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    check_article(article)
    return article


@FAST
@given(article_text)
def test_any_text_gives_an_article_or_an_input_error(text):
    build(text, html=False)


@FAST
@given(html_pages())
def test_any_html_gives_an_article_or_an_input_error(page):
    build(page, html=True)


@FAST
@given(raw_bytes, st.sampled_from([None, "text", "html", "jsonl"]))
def test_readers_never_raise_on_any_bytes(data, kind):
    for item in read_bytes(data, "fuzz.bin", kind=kind, any_language=True):
        if isinstance(item, ReadProblem):
            assert item.message and "\n" not in item.message
        else:
            check_article(item)


def assert_spans_inside(coder, articles: list[Article]) -> None:
    problems: list[str] = []
    coded = list(code_within_limits(coder, articles, on_problem=lambda a, m: problems.append(m)))
    assert not problems, problems  # no coder error, no time-out on fuzz-sized input
    for article, events in coded:
        for event in events:
            assert 0 <= event.evidence_start <= event.evidence_end <= len(article.text)
            assert article.text[event.evidence_start:event.evidence_end] == event.evidence_text
            for actor in (event.source, event.target):
                if actor.start >= 0:
                    assert actor.end <= len(article.text)


@CODER
@given(st.lists(article_text, min_size=1, max_size=4))
def test_the_coder_on_any_text_raises_nothing_and_keeps_spans_inside(coder, texts):
    assert_spans_inside(coder, [a for a in (build(t, html=False) for t in texts) if a is not None])


@CODER
@given(html_pages())
def test_the_coder_on_any_html_raises_nothing_and_keeps_spans_inside(coder, page):
    article = build(page, html=True)
    if article is not None:
        assert_spans_inside(coder, [article])
