"""Plain inline content skips markdown-it's inline pass: the blocks, links and code spans must not change.

The reference is the same walker with every inline token put through markdown-it's inline parser,
as it was before the fast path existed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from conftest import check_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.parsers import markdown
from postlint.reader import parse

SETTINGS = settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def full_inline_pass() -> Iterator[None]:
    """Parse with markdown-it's inline pass run on every inline token."""
    md, _ = markdown._parser()
    original = markdown._parser
    markdown._parser = lambda: (md, None)  # type: ignore[assignment]
    try:
        yield
    finally:
        markdown._parser = original


def reading(text: str) -> tuple[Any, ...]:
    doc = parse(text, "markdown")
    check_document(doc)
    return doc.blocks, doc.links, doc.code_spans, doc.sections, (doc.title, doc.title_start, doc.title_end)


def assert_same_reading(text: str) -> None:
    fast = reading(text)
    with full_inline_pass():
        full = reading(text)
    assert fast == full


def test_fast_path_is_on() -> None:
    """Otherwise every comparison here would hold trivially."""
    _, needs_inline = markdown._parser()
    assert needs_inline is not None
    assert needs_inline.search("Salary: $120,000 - $150,000 + equity; 100% remote! #hiring ~ {x} = y @ z >") is None
    for ch in "*_[<&`\\":
        assert needs_inline.search(f"a {ch} b") is not None, ch


def test_an_unknown_inline_rule_turns_the_fast_path_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(markdown._INLINE_TRIGGERS, "entity")
    markdown._parser.cache_clear()
    try:
        assert markdown._parser()[1] is None
    finally:
        monkeypatch.undo()
        markdown._parser.cache_clear()
    assert markdown._parser()[1] is not None


# Each kind of markup a line of a posting can hold, and what is no markup at all.
ADVERSARIAL = [
    "Plain words only.\n",
    "Salary: $120k - $150k + bonus; 100% remote! #hiring ~ ^ {x} = y @ z > w\n",
    "Line one with trailing spaces   \nline two\n",
    "Hard break two spaces  \nnext line\n",
    "Hard break backslash\\\nnext line\n",
    "Soft  \t\nbreak with tab before newline\n",
    "Tab\tinside and\n\t  indented continuation\n",
    "Trailing tab\t\nnext\n",
    "Windows\r\nline endings\r\n\r\nSecond paragraph\r\n",
    "Old Mac\rline endings\r",
    "A NUL \x00 inside\nand \x00 again\n",
    "Unicode\u00a0no-break\u3000ideographic space\u2003em space \n next\n",
    "**Bold** and *em* and _under_ and __strong__\n",
    "Entities &amp; &#35; &#x41; &copy; &bogus; R&D & more\n",
    "Escapes \\* \\_ \\[ \\& \\\\ \\#\n",
    "Code `a * b` and ``x ` y``\n",
    '[Apply here](https://jobs.example/apply "Title") or [ref][r]\n\n[r]: https://ref.example\n',
    "<https://auto.example/link> and <jobs@example.com>\n",
    "Bare https://bare.example/path, www.example.com and jobs@example.com\n",
    "Inline <span>html</span> and <br/>\n",
    "![An image](https://img.example/a.png) text\n",
    "# Heading one\n\nSetext heading\n==============\n\n## Heading two ##\n",
    "#   Spaced   heading   #  \n",
    "| Role | Pay |\n|------|-----|\n| Dev  | $1  |\n| *Ops* | [x](y) |\n| same | same |\n",
    "- one\n- two\n  - nested three\n    - deeper: four\n- five\n",
    "1. first\n2. second\n\n   continued paragraph\n",
    "> quoted line\n> second quoted\n>\n> - quoted item\n",
    "<div>\nHTML block\n</div>\n\nAfter it\n",
    "    indented code\n\n```\nfenced\n```\n",
    "word word word\nword word\n\nword\n",
    "repeat repeat\n- repeat\n- repeat\n\n# repeat\n",
    "x\n",
    "   \n\n  leading spaces paragraph\n",
    "---\ntitle: Front matter\n---\n# Title\n\nBody text\n",
    "Lazy\ncontinuation\n> quote\nlazy line\n",
]


# Markup of one inline rule alone in a line of plain text: each must go through the inline pass.
ALONE = [
    "_em_",
    "*em*",
    "__strong__",
    "&amp;",
    "&#35;",
    "\\*",
    "\\\n",
    "`code`",
    "[a](b)",
    "[a][]",
    "<https://x.example>",
    "<b>",
    "![i](u)",
    "~~gone~~",
]
ADVERSARIAL += [f"Only {markup} here\n" for markup in ALONE] + [
    f"- {markup} item\n# {markup} heading\n" for markup in ALONE
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_markdown_reads_the_same(text: str) -> None:
    assert_same_reading(text)


PIECES = [
    "a",
    "word",
    "Job",
    "é",
    "中文",
    " ",
    "  ",
    "   ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\x00",
    "\u00a0",
    "\u3000",
    "\u2028",
    "*",
    "**",
    "_",
    "&amp;",
    "&",
    "&#35;",
    "&copy",
    "\\",
    "\\*",
    "`",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "!",
    ":",
    "-",
    "~",
    "|",
    "#",
    "$",
    "%",
    "+",
    "=",
    "@",
    "{",
    "}",
    "^",
    "https://a.example/x",
    "www.b.example",
    "jobs@c.example",
    "<https://d.example>",
    "[t](https://e.example)",
    " _x_ ",
    " *x* ",
    " `c` ",
]
LINE_STARTS = ["", "", "", "# ", "## ", "- ", "  - ", "* ", "1. ", "> ", "    ", "| ", "|-|-|", "===", "---", "```"]

line = st.tuples(st.sampled_from(LINE_STARTS), st.lists(st.sampled_from(PIECES), max_size=12)).map(
    lambda parts: parts[0] + "".join(parts[1])
)
posting = st.lists(line, min_size=1, max_size=12).map("\n".join)


@SETTINGS
@given(posting)
def test_random_markdown_reads_the_same(text: str) -> None:
    assert_same_reading(text)


plain = st.text(
    alphabet=st.sampled_from(list("ab é中 \t\n:-!#$%+=@{}^~>]|()\u00a0\u3000\x0b\x0c")), min_size=1, max_size=40
)


@SETTINGS
@given(plain)
def test_plain_lines_are_markdown_its_texts(content: str) -> None:
    """Content with no trigger character: markdown-it's inline pass gives exactly `_plain_lines`'s texts."""
    md, needs_inline = markdown._parser()
    assert needs_inline is not None and needs_inline.search(content) is None
    children: list[Any] = []
    md.inline.parse(content, md, {}, children)
    assert {child.type for child in children} <= {"text", "softbreak", "hardbreak"}
    assert [c.content for c in children if c.type == "text"] == [t for t in markdown._plain_lines(content) if t]
