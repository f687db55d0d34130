"""Hypothesis strategies for hostile article input, shared by tests/test_fuzz.py and fuzz/run_fuzz.py."""

from __future__ import annotations

from hypothesis import strategies as st

# Words that make the coder work: actors, predicates, role words, dates, debris cues.
WORDS = [
    "Poland", "Russia", "Ukraine", "Japan", "Belarus", "Minsk", "Moscow", "Tokyo", "Kyiv", "the", "a", "of",
    "expelled", "arrested", "detained", "attacked", "shelled", "met", "signed", "condemned", "accused",
    "threatened", "said", "was", "by", "declared", "persona", "non", "grata", "diplomat", "government",
    "police", "army", "rebels", "ministry", "embassy", "on", "Monday", "March", "2024", "in", "and", "not",
    "Share", "on", "Twitter", "Picture:", "Read", "more", "©", "Follow", "—", "“", "”", "'s", ",", ".", "!",
    "?", "\n", "\n\n", "  ", "\t",
]
TAGS = ["div", "p", "span", "script", "style", "article", "h1", "li", "ul", "table", "td", "a", "br", "meta",
        "noscript", "template", "title", "head", "body", "html", "figure", "figcaption", "blockquote", "nav"]

wordy = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.text(max_size=400)
article_text = st.one_of(wordy, any_text, st.tuples(wordy, any_text, wordy).map("".join))


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    parts: list[str] = ["<html>" if draw(st.booleans()) else ""]
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(f"<p>{draw(wordy)}</p>")
        elif kind == 3:
            parts.append(draw(st.text(max_size=40)))
        else:
            depth = draw(st.integers(0, 400))
            parts.append(f"<{tag}>" * depth + draw(wordy) + f"</{tag}>" * draw(st.integers(0, depth)))
    return "".join(parts)


raw_bytes = st.one_of(
    st.binary(max_size=600),
    article_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(wordy, st.binary(max_size=40), wordy).map(lambda t: t[0].encode() + t[1] + t[2].encode()),
)
