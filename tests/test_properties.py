"""Property tests: generated postings in every format; every violation's position is exact and in range."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import pytest
from conftest import check_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.document import LineIndex
from postlint.reader import parse

HAS_HTML = importlib.util.find_spec("postlint.parsers.html") is not None
SETTINGS = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def linter():
    from postlint.runner import load_linter

    return load_linter()  # every built-in rule


def check_violations(text: str, fmt: str) -> None:
    doc = parse(text, fmt)
    check_document(doc)
    index = LineIndex(text)
    for v in linter().lint_text(text, format=fmt):
        assert v.line >= 1 and v.column >= 1, v
        assert 0 <= v.start <= v.end <= len(text), v
        assert (v.line, v.column) == index.position(v.start), v
        assert (v.end_line, v.end_column) == index.position(v.end), v
        if v.start < v.end:
            assert text[v.start : v.end] == v.match, v
        if v.fix is not None:
            for edit in v.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text), v


# ---------------------------------------------------------------- building blocks

WORDS = st.sampled_from(
    [
        "we",
        "hire",
        "engineers",
        "Denver",
        "remote",
        "salary",
        "café",
        "Zoë",
        "naïve",
        "São",
        "😀",
        "🌍",
        "👩‍💻",
        "中文",
        "職位",
        "Lorem ipsum",
        "dolor sit amet",
        "[Company Name]",
        "[Insert location]",
        "{{ company }}",
        "TBD",
        "XXX",
        "salesman",
        "APPLY NOW AND JOIN THE BEST TEAM IN TOWN",
        "equal opportunity employer",
        "Location:",
        "$90,000–$110,000",
        "&amp;",
        "&nbsp;",
        "\\*",
        "it's",
        "—",
        "…",
        "‚Äô",
        "â€™",
    ]
)
URLS = st.sampled_from(
    ["https://example.com/jobs", "http://x.example/a?b=1&c=2", "https://bit.ly/3x", "www.example.org"]
)
EMAILS = st.sampled_from(["jobs@example.com", "hr.team@corp.example.co.uk"])


def sentence(inline: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(inline, min_size=1, max_size=8).map(" ".join)


MD_INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"_{w}_"),
    WORDS.map(lambda w: f"`{w}`"),
    st.tuples(WORDS, URLS).map(lambda p: f"[{p[0]}]({p[1]})"),
    st.tuples(WORDS, URLS).map(lambda p: f'[{p[0]}]({p[1]} "title")'),
    URLS.map(lambda u: f"<{u}>" if u.startswith("http") else u),
    URLS,
    EMAILS,
    EMAILS.map(lambda e: f"<{e}>"),
    WORDS.map(lambda w: f"![{w}](logo.png)"),
    st.just("<!-- postlint-disable-next-line quality/placeholder -->"),
    st.just("<b>bold</b>"),
)
MD_LINE = sentence(MD_INLINE)


def md_block() -> st.SearchStrategy[list[str]]:
    """A block as a list of lines."""
    return st.one_of(
        st.tuples(st.integers(1, 6), MD_LINE).map(lambda t: ["#" * t[0] + " " + t[1]]),
        st.tuples(MD_LINE, st.sampled_from(["===", "---"])).map(lambda t: [t[0], t[1]]),
        st.lists(MD_LINE, min_size=1, max_size=3),
        st.lists(MD_LINE.map(lambda s: "- " + s), min_size=1, max_size=4),
        st.lists(MD_LINE.map(lambda s: "1. " + s), min_size=1, max_size=3),
        st.lists(MD_LINE.map(lambda s: "  - " + s), min_size=1, max_size=2).map(lambda xs: ["- item", *xs]),
        st.lists(st.tuples(MD_LINE, MD_LINE), min_size=1, max_size=3).map(
            lambda rows: ["| A | B |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]
        ),
        st.lists(WORDS, min_size=1, max_size=3).map(lambda ws: ["```", *ws, "```"]),
        st.lists(WORDS, min_size=1, max_size=2).map(lambda ws: ["    " + w for w in ws]),
        st.lists(MD_LINE, min_size=1, max_size=2).map(lambda ls: ["> " + line for line in ls]),
        st.sampled_from(
            [
                ["<!-- postlint-disable quality/placeholder -->"],
                ["<!-- postlint-enable quality/placeholder -->"],
                ["<!-- postlint-disable-file quality/all-caps -->"],
                ["<!-- postlint-disable quality/nope -->"],
                ["<div>", "html block", "</div>"],
            ]
        ),
    )


FRONT_MATTER = st.one_of(
    st.just([]),
    st.lists(
        st.sampled_from(
            [
                "title: Senior Engineer",
                "title: 'Café Manager 😀'",
                "location: Denver, CO",
                "salary_min: 90000",
                "salary_max: 110000",
                "apply_url: https://example.com/apply",
                "postlint: {ignore: [quality/too-short]}",
                "postlint: {ignore: [quality/nope]}",
                "bad: : yaml",
                "tags: [a, b",
            ]
        ),
        min_size=0,
        max_size=4,
        unique=True,
    ).map(lambda lines: ["---", *lines, "---"]),
)


@st.composite
def markdown_postings(draw) -> str:
    lines = list(draw(FRONT_MATTER))
    for block in draw(st.lists(md_block(), min_size=0, max_size=8)):
        lines.extend(block)
        lines.extend([""] * draw(st.integers(0, 2)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines)
    if draw(st.booleans()):
        text += newline
    return text


@SETTINGS
@given(markdown_postings())
def test_markdown_positions(text: str) -> None:
    check_violations(text, "markdown")


# ---------------------------------------------------------------- plain text

TEXT_LINE = sentence(st.one_of(WORDS, URLS, EMAILS))


def text_block() -> st.SearchStrategy[list[str]]:
    return st.one_of(
        st.lists(TEXT_LINE, min_size=1, max_size=3),
        st.tuples(st.sampled_from(["Title", "Location", "Salary", "Job Title", "Apply", "Position"]), TEXT_LINE).map(
            lambda t: [f"{t[0]}: {t[1]}"]
        ),
        st.lists(st.tuples(st.sampled_from(["- ", "* ", "• ", "1. ", "a) "]), TEXT_LINE), min_size=1, max_size=3).map(
            lambda items: [a + b for a, b in items]
        ),
        st.sampled_from([["ABOUT THE ROLE"], ["Requirements:"], ["== Benefits =="], ["## Pay ##"]]),
        st.sampled_from(
            [
                ["# postlint-disable quality/placeholder"],
                ["# postlint-enable quality/placeholder"],
                ["# postlint-disable-next-line"],
                ["# postlint-disable-file quality/nope"],
            ]
        ),
    )


@st.composite
def text_postings(draw) -> str:
    lines: list[str] = []
    for block in draw(st.lists(text_block(), min_size=0, max_size=8)):
        lines.extend(block)
        lines.extend([""] * draw(st.integers(0, 2)))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@SETTINGS
@given(text_postings())
def test_text_positions(text: str) -> None:
    check_violations(text, "text")


# ---------------------------------------------------------------- HTML

HTML_INLINE = st.one_of(
    WORDS.map(lambda w: w.replace("&", "&amp;") if w != "&amp;" else w),
    WORDS.map(lambda w: f"<b>{w}</b>"),
    WORDS.map(lambda w: f"<em>{w}</em>"),
    WORDS.map(lambda w: f"<code>{w}</code>"),
    st.tuples(WORDS, URLS).map(lambda p: f'<a href="{p[1]}">{p[0]}</a>'),
    URLS,
    EMAILS,
    st.just("&nbsp;"),
    st.just("&#8217;"),
    st.just("<br>"),
    st.just("<!-- postlint-disable-next-line quality/placeholder -->"),
)
HTML_LINE = sentence(HTML_INLINE)


def html_block() -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(st.integers(1, 6), HTML_LINE).map(lambda t: f"<h{t[0]}>{t[1]}</h{t[0]}>"),
        HTML_LINE.map(lambda s: f"<p>{s}</p>"),
        HTML_LINE.map(lambda s: f"<p>{s}"),  # unclosed
        st.lists(HTML_LINE, min_size=1, max_size=3).map(
            lambda items: "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        ),
        st.lists(st.tuples(HTML_LINE, HTML_LINE), min_size=1, max_size=2).map(
            lambda rows: "<table>" + "".join(f"<tr><th>{a}</th><td>{b}</td></tr>" for a, b in rows) + "</table>"
        ),
        WORDS.map(lambda w: f"<pre>{w}</pre>"),
        HTML_LINE.map(lambda s: f"<blockquote>{s}</blockquote>"),
        HTML_LINE.map(lambda s: f"<div>{s}<div>{s}</div></div>"),
        st.just('<script>var x = "Lorem ipsum salesman";</script>'),
        st.just("<style>p { color: red }</style>"),
        HTML_LINE,
    )


@st.composite
def html_postings(draw) -> str:
    blocks = draw(st.lists(html_block(), min_size=0, max_size=8))
    newline = draw(st.sampled_from(["\n", "\r\n", ""]))
    body = newline.join(blocks)
    if draw(st.booleans()):
        title = draw(HTML_LINE)
        return f"<!DOCTYPE html>{newline}<html><head><title>{title}</title></head>{newline}<body>{body}</body></html>"
    return body


@pytest.mark.skipif(not HAS_HTML, reason="the HTML parser (postlint.parsers.html) is not there yet")
@SETTINGS
@given(html_postings())
def test_html_positions(text: str) -> None:
    check_violations(text, "html")


# ---------------------------------------------------------------- any text at all


@settings(max_examples=60, deadline=None, database=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
    st.sampled_from(["markdown", "text", *(["html"] if HAS_HTML else [])]),
)
def test_arbitrary_text_never_breaks_positions(text: str, fmt: str) -> None:
    check_violations(text, fmt)
