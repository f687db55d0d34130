"""Readers and cleaning: raw pages in → clean articles (or a clear problem) out."""

from __future__ import annotations

import json

import pytest

from tacitus.readers import InputError, ReadProblem, article_from_text, read_inputs

PLAIN_PAGE = """Spy row deepens

Jan Nowak

Correspondent for Central Europe based in Warsaw.

  • Follow I follow

Poland expelled a Belarusian diplomat on Thursday.

Picture: The embassy building. (Photo: dpa)

Share on Twitter

Read more

  • Opinion: The long shadow of Minsk
  • Border crisis: What the fence changed
"""


def test_plain_text_debris_is_removed_and_offsets_point_into_clean_text():
    article = article_from_text(PLAIN_PAGE, date="2024-03-08")
    assert "Poland expelled a Belarusian diplomat" in article.text
    for debris in ("Jan Nowak", "Correspondent", "Follow", "Picture:", "Share on", "Read more", "Opinion:", "Border crisis"):
        assert debris not in article.text, debris
    removed = {b.reason for b in article.blocks if not b.kept}
    assert {"byline", "author_blurb", "social", "caption", "related-links"} <= removed
    for block in article.blocks:
        if block.kept:
            assert article.text[block.start:block.end] == block.text


def test_html_page_gives_title_date_and_body_without_furniture():
    html = """<html><head><title>Talks stall</title>
    <meta property="article:published_time" content="2023-05-16T08:30:00Z"></head><body>
    <div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
    <nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Talks stall</h1>
    <p>Armenia accused Azerbaijan of shelling border villages near the town of Sotk on Monday night.</p>
    <figure><figcaption>Soldiers near Sotk. Photograph: Reuters</figcaption></figure>
    <p>Baku denied the claim and accused Yerevan of opening fire first with small arms.</p>
    </article><footer>© 2023 World News. All rights reserved.</footer></body></html>"""
    article = article_from_text(html)
    assert article.date.isoformat() == "2023-05-16"
    assert article.title == "Talks stall"
    assert "Baku denied the claim" in article.text
    assert "cookies" not in article.text and "All rights reserved" not in article.text
    assert "Photograph" not in article.text


def test_hard_wrapped_plain_text_is_joined_into_paragraphs():
    article = article_from_text("Poland expelled a Belarusian\ndiplomat on Thursday.\n\nMinsk protested.")
    assert "Poland expelled a Belarusian diplomat on Thursday." in article.text


def test_items_run_together_with_bullets_are_separate_paragraphs():
    letters = ("We must not betray the Kurds. Margaret Owen London • Turkey has said it will invade Rojava. "
               "Brendan O'Brien London • Join the debate – email us")
    article = article_from_text(letters, date="2019-10-08")
    kept = [b.text for b in article.blocks if b.kept]
    assert kept[1] == "Turkey has said it will invade Rojava. Brendan O'Brien London"
    assert "•" not in article.text


@pytest.mark.parametrize(
    "content, problem",
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"   \n\n ", "empty")],
)
def test_bad_files_are_reported_by_name(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, ReadProblem)
    assert str(path) in str(item) and problem in item.message


def test_mixed_encoding_is_repaired_and_said(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Poland’s agency said it detained a man.\n".encode() + "Caf\xe9 owners protested.\n".encode("cp1252"))
    [article] = list(read_inputs([str(path)]))
    assert "Café owners" in article.text
    assert any("repaired" in w for w in article.warnings)


def test_malformed_jsonl_lines_are_listed_and_the_rest_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": "Poland expelled a diplomat.", "date": "2024-03-08"}), "{not json", json.dumps({"id": "c"}),
             json.dumps({"id": "d", "text": "Russia condemned the move."})]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(path)]))
    assert [i.id for i in items if not isinstance(i, ReadProblem)] == ["a", "d"]
    problems = [str(i) for i in items if isinstance(i, ReadProblem)]
    assert problems[0].startswith(f"{path}:2") and "malformed JSON" in problems[0]
    assert problems[1].startswith(f"{path}:3")


def test_folder_reads_every_supported_file(tmp_path):
    (tmp_path / "a.txt").write_text("Poland expelled a Belarusian diplomat.")
    (tmp_path / "b.html").write_text("<html><body><article><p>Russia condemned the sanctions imposed on Belarus by the EU.</p></article></body></html>")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    items = list(read_inputs([str(tmp_path)]))
    assert len(items) == 2 and not any(isinstance(i, ReadProblem) for i in items)


def test_missing_path_and_bad_date():
    [item] = list(read_inputs(["/nonexistent/x.txt"]))
    assert "no such file" in item.message
    with pytest.raises(InputError, match="not a date"):
        article_from_text("Poland expelled a diplomat.", date="yesterday-ish")
