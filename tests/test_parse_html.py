"""Tests for the HTML parser: block kinds, exact offsets, masking, links and the title."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, DocumentDraft
from postlint.parsers.html import parse_html


def _check(doc: Document) -> None:
    """The invariants every parser must keep: spans in range, prose aligned with the source."""
    n = len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n
        assert len(b.prose) == b.end - b.start
        for i, ch in enumerate(b.prose):
            if ch == "\n":
                assert doc.text[b.start + i] == "\n"
            elif ch != " ":
                assert ch == doc.text[b.start + i]
        if b.kind == CODE:
            assert not b.prose.strip()
            assert doc.text[b.start : b.end].strip()
        else:
            assert b.prose.strip()
    for link in doc.links:
        assert 0 <= link.start <= link.end <= n
        if link.url_start != -1:
            assert link.start <= link.url_start <= link.url_end <= link.end
            assert link.url in (doc.text[link.url_start : link.url_end], "mailto:" + link.text)


def _parse(src: str, start: int = 0, end: int | None = None) -> Document:
    doc = DocumentDraft(text=src, format="html")
    parse_html(doc, start, end)
    _check(doc)
    return doc


def _at(doc: Document, block: Block, word: str) -> int:
    """The source offset of `word` found in a block's prose, checked against the source."""
    offset = block.start + block.prose.index(word)
    assert doc.text[offset : offset + len(word)] == word
    return offset


@pytest.mark.parametrize(
    ("src", "kinds"),
    [
        ("<p>Hello</p>", [PARAGRAPH]),
        ("<h2>Role</h2><p>Text</p>", [HEADING, PARAGRAPH]),
        ("<ul><li>One</li><li>Two</li></ul>", [LIST_ITEM, LIST_ITEM]),
        ("<table><tr><th>Pay</th><td>Good</td></tr></table>", [TABLE_CELL, TABLE_CELL]),
        ("<pre>x = 1</pre>", [CODE]),
        ("<div>One<div>Two</div>Three</div>", [PARAGRAPH, PARAGRAPH, PARAGRAPH]),
        ("<p>Line one<br>line two</p>", [PARAGRAPH]),
        ("Bare text", [PARAGRAPH]),
        ("<li><p>Item in p</p></li>", [LIST_ITEM]),
        ("<p><code>npm install</code></p>", [CODE]),
        ("<p>   </p><div>&nbsp;</div><p><!-- note --></p>", []),
    ],
)
def test_block_kinds(src: str, kinds: list[str]) -> None:
    assert [b.kind for b in _parse(src).blocks] == kinds


@pytest.mark.parametrize("level", range(1, 7))
def test_heading_level(level: int) -> None:
    doc = _parse(f"<h{level}>About us</h{level}>")
    (block,) = doc.blocks
    assert (block.kind, block.level) == (HEADING, level)


def test_word_offsets_and_stripped_span() -> None:
    src = "<body>\n  <p class='x'>\n    We are <b>hiring</b> now.\n  </p>\n</body>"
    doc = _parse(src)
    (block,) = doc.blocks
    assert doc.text[block.start : block.end] == "We are <b>hiring</b> now."
    assert block.prose == "We are    hiring     now."
    assert _at(doc, block, "hiring") == src.index("hiring")
    assert _at(doc, block, "now") == src.index("now")


def test_script_style_and_head_are_not_prose() -> None:
    src = (
        "<html><head><meta charset=utf-8><style>p { secretcss: 1 }</style>"
        "<script>var secretjs = '<p>no</p>';</script></head>"
        "<body><p>Visible<script>secretinline()</script> text</p><noscript>secretns</noscript>"
        "<template><p>secrettpl</p></template><svg><title>secretsvg</title></svg></body></html>"
    )
    doc = _parse(src)
    prose = "".join(b.prose for b in doc.blocks)
    assert "secret" not in prose
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Visible<script>secretinline()</script> text"]
    assert doc.blocks[0].prose.split() == ["Visible", "text"]
    assert doc.title is None


def test_entities_are_masked() -> None:
    src = "<p>Tom &amp; Jerry&nbsp;say we&#8217;re &#x263A; &copy 2024 AT&T</p>"
    doc = _parse(src)
    (block,) = doc.blocks
    assert "&" not in block.prose.replace("&T", "")
    assert block.prose.split() == ["Tom", "Jerry", "say", "we", "re", "2024", "AT&T"]
    assert _at(doc, block, "re ") == src.index("re &#x")
    assert _at(doc, block, "AT&T") == src.index("AT&T")


def test_anchor_links() -> None:
    src = (
        '<p>Apply <a class="btn" href=" https://jobs.example.com/apply ">here <b>now</b></a>, '
        "mail <a href='mailto:hr@example.com'>HR</a>, <a name='x'>no href</a>, "
        '<a href="/q?a=1&amp;b=2">query</a>.</p>'
    )
    doc = _parse(src)
    apply, mail, query = doc.links
    assert (apply.url, apply.text) == ("https://jobs.example.com/apply", "here now")
    assert apply.start == src.index("<a class")
    assert src[apply.start : apply.end] == '<a class="btn" href=" https://jobs.example.com/apply ">here <b>now</b></a>'
    assert src[apply.url_start : apply.url_end] == "https://jobs.example.com/apply"
    assert (mail.url, mail.text) == ("mailto:hr@example.com", "HR")
    assert src[mail.url_start : mail.url_end] == "mailto:hr@example.com"
    assert (query.url, query.text) == ("/q?a=1&b=2", "query")
    assert (query.url_start, query.url_end) == (-1, -1)  # not in the source verbatim
    assert src[query.start : query.end] == '<a href="/q?a=1&amp;b=2">query</a>'
    (block,) = doc.blocks
    assert _at(doc, block, "here") == src.index("here")
    assert "https" not in block.prose


def test_unclosed_and_nested_anchors() -> None:
    src = '<p><a href="a">first <a href="b">second</p><p>tail'
    doc = _parse(src)
    first, second = doc.links
    assert (first.url, first.text, first.start, first.end) == ("a", "first", src.index("<a"), src.index(" <a href"))
    # Browsers keep an unclosed <a> open across paragraphs; the link ends at its last text.
    assert (second.url, second.text, second.end) == ("b", "second tail", len(src))
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ['first <a href="b">second', "tail"]


def test_self_closing_anchor_and_empty_href() -> None:
    src = '<p>See <a href="https://x.org"/> and <a href>empty</a></p>'
    doc = _parse(src)
    first, empty = doc.links
    assert (first.url, first.text, src[first.start : first.end]) == ("https://x.org", "", '<a href="https://x.org"/>')
    assert (empty.url, empty.text, empty.url_start) == ("", "empty", -1)
    assert doc.blocks[0].prose.split() == ["See", "and", "empty"]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Visit https://acme.com/jobs.", "https://acme.com/jobs"),
        ("Visit www.acme.com, today", "www.acme.com"),
        ("(see http://x.org/a_(b))", "http://x.org/a_(b)"),
        ("(see http://x.org/a)!", "http://x.org/a"),
        ("Go https://x.org/?a=1&amp;b=2 now", "https://x.org/?a=1&b=2"),
        ("Go https://x.org/?a=1&b=2 now", "https://x.org/?a=1&b=2"),
    ],
)
def test_bare_urls(text: str, url: str) -> None:
    src = f"<div>\n<p>{text}</p></div>"
    doc = _parse(src)
    (link,) = doc.links
    assert link.url == url
    assert link.start == src.index(url[:10])
    assert link.url_start == (link.start if url in src else -1)
    (block,) = doc.blocks
    assert "//" not in block.prose and "www" not in block.prose
    assert block.prose[link.start - block.start : link.end - block.start].strip() == ""


def test_url_as_anchor_text_is_masked_but_not_duplicated() -> None:
    src = '<p>Apply: <a href="https://a.io/j">https://a.io/j</a> or mail jobs@a.io</p>'
    doc = _parse(src)
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://a.io/j", "https://a.io/j"),
        ("mailto:jobs@a.io", "jobs@a.io"),
    ]
    assert doc.blocks[0].prose.split() == ["Apply:", "or", "mail"]


def test_no_bare_urls_in_code() -> None:
    doc = _parse("<pre>curl https://api.x.io</pre><p>Run <code>open https://y.io</code> now</p>")
    assert doc.links == []
    assert [b.kind for b in doc.blocks] == [CODE, PARAGRAPH]


def test_title_from_title_element() -> None:
    src = "<html><head><title>\n  Senior Engineer &amp; Lead </title></head><body><h1>Acme</h1></body></html>"
    doc = _parse(src)
    assert doc.title == "Senior Engineer & Lead"
    assert src[doc.title_start : doc.title_end] == "Senior Engineer &amp; Lead"
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [(HEADING, "Acme")]


def test_title_falls_back_to_first_h1() -> None:
    src = "<h2>Intro</h2><h1> Data <em>Scientist</em> </h1><h1>Other</h1>"
    doc = _parse(src)
    assert doc.title == "Data Scientist"
    assert src[doc.title_start : doc.title_end] == "Data <em>Scientist"
    assert [b.level for b in doc.blocks] == [2, 1, 1]


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        # A job board's title dresses up the heading: the heading is the role.
        ("Job Application for Senior Data Engineer at Acme", "Senior Data Engineer", "Senior Data Engineer"),
        ("Staff  Analyst - Acme | Careers", "Staff Analyst", "Staff Analyst"),
        # A heading that names no role, or that the title does not hold, leaves the title alone.
        ("Senior Data Engineer - Acme", "Acme", "Senior Data Engineer - Acme"),
        ("Senior Data Engineer", "Careers at Acme", "Senior Data Engineer"),
        ("Data Engineer", "Data Engineer", "Data Engineer"),
    ],
)
def test_a_heading_the_title_dresses_up_is_the_title(title: str, h1: str, expected: str) -> None:
    src = f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>We build tools.</p></body></html>"
    doc = _parse(src)
    assert doc.title == expected
    assert src[doc.title_start : doc.title_end] == expected


def test_existing_title_is_kept() -> None:
    doc = DocumentDraft(text="<title>HTML title</title><h1>Head</h1>", format="html", title="Front matter")
    parse_html(doc)
    assert (doc.title, doc.title_start) == ("Front matter", -1)


def test_nested_inline_tags() -> None:
    src = "<p>A <span><b><i>deeply</i> <u>nested</u></b> <small>set</small></span> of tags</p>"
    doc = _parse(src)
    (block,) = doc.blocks
    assert block.prose.split() == ["A", "deeply", "nested", "set", "of", "tags"]
    for word in ("deeply", "nested", "set", "tags"):
        assert _at(doc, block, word) == src.index(word)


def test_nested_list() -> None:
    src = "<ul>\n<li>Skills\n<ul><li>Python</li><li>Go<ol><li>generics</li></ol></li></ul></li>\n<li>Perks</li></ul>"
    doc = _parse(src)
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (LIST_ITEM, "Skills"),
        (LIST_ITEM, "Python"),
        (LIST_ITEM, "Go"),
        (LIST_ITEM, "generics"),
        (LIST_ITEM, "Perks"),
    ]


def test_table_cells_with_implied_closes() -> None:
    src = "<table><thead><tr><th>Role<th>Pay</thead><tr><td>Dev<td>$1 &ndash; $2<tr><td>QA</table><p>After</p>"
    doc = _parse(src)
    assert [(b.kind, b.prose.strip()) for b in doc.blocks] == [
        (TABLE_CELL, "Role"),
        (TABLE_CELL, "Pay"),
        (TABLE_CELL, "Dev"),
        (TABLE_CELL, "$1         $2"),
        (TABLE_CELL, "QA"),
        (PARAGRAPH, "After"),
    ]


def test_paragraphs_in_a_layout_table_are_paragraphs() -> None:
    src = "<table><tr><td><font>Menu</font><h1>Job</h1><p>Some text.</p><ul><li>Item</ul><div>More</div>"
    doc = _parse(src)
    assert [(b.kind, b.prose) for b in doc.blocks] == [
        (TABLE_CELL, "Menu"),
        (HEADING, "Job"),
        (PARAGRAPH, "Some text."),
        (LIST_ITEM, "Item"),
        (PARAGRAPH, "More"),
    ]


def test_pre_and_blockquote() -> None:
    src = "<blockquote><p>Said <i>this</i></p></blockquote><pre>\n  a &lt; b\n</pre>"
    doc = _parse(src)
    quote, code = doc.blocks
    assert (quote.kind, quote.quoted, quote.prose) == (PARAGRAPH, True, "Said    this")
    assert code.kind == CODE and doc.text[code.start : code.end] == "a &lt; b"
    assert code.prose == " " * len("a &lt; b")


def test_unclosed_tags() -> None:
    src = "<div><p>First para<p>Second <b>bold<li>item one<li>item two<h3>Head"
    doc = _parse(src)
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        (PARAGRAPH, "First para"),
        (PARAGRAPH, "Second <b>bold"),
        (LIST_ITEM, "item one"),
        (LIST_ITEM, "item two"),
        (HEADING, "Head"),
    ]


def test_text_in_head_starts_the_body() -> None:
    doc = _parse("<head><title>T</title>\n Stray text</head><p>More</p>")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["Stray text", "More"]
    assert doc.title == "T"


def test_region_after_markdown() -> None:
    md = "# Title\n\nSome *markdown* with <b>tags</b>.\n\n"
    html_part = '<div class="x">\n<p>Embedded — <a href="https://e.io">link</a> www.w3.org</p>\n</div>\n'
    src = md + html_part + "\nMore markdown <p>not parsed</p>"
    start = len(md)
    doc = _parse(src, start, start + len(html_part))
    (block,) = doc.blocks
    assert doc.text[block.start : block.end] == 'Embedded — <a href="https://e.io">link</a> www.w3.org'
    assert _at(doc, block, "Embedded") == src.index("Embedded")
    assert _at(doc, block, "link") == src.index("link</a>")
    anchor, bare = doc.links
    assert anchor.start == src.index("<a href")
    assert src[anchor.url_start : anchor.url_end] == "https://e.io"
    assert src[bare.start : bare.end] == "www.w3.org"


def test_region_starting_mid_line() -> None:
    src = "prefix text <p>one\ntwo <em>three</em></p> suffix"
    start = src.index("<p>")
    doc = _parse(src, start, src.index(" suffix"))
    (block,) = doc.blocks
    assert _at(doc, block, "two") == src.index("two")
    assert _at(doc, block, "three") == src.index("three")


def test_non_ascii_offsets() -> None:
    src = "<h1>Café 😀</h1>\n<p>中文 <b>招聘</b> résumé 🚀🚀 &amp; naïve https://例え.jp/パス</p>"
    doc = _parse(src)
    heading, para = doc.blocks
    assert _at(doc, heading, "😀") == src.index("😀")
    for word in ("中文", "招聘", "résumé", "🚀🚀", "naïve"):
        assert _at(doc, para, word) == src.index(word)
    assert doc.title == "Café 😀"
    assert src[doc.title_start : doc.title_end] == "Café 😀"
    (link,) = doc.links
    assert src[link.start : link.end] == link.url == "https://例え.jp/パス"


@pytest.mark.parametrize(
    "src",
    [
        "",
        "<",
        "</p></div></li>stray end tags",
        "a < b and c > d <<>> <3",
        '<p>truncated <a href="http://x',
        "<p>unclosed comment <!-- never ends <p>x</p>",
        "<![CDATA[x]]><![if !IE]><![foo bar]> <!DOCTYPE html><?php echo 1 ?><p>after</p>",
        "<p>bad refs &# &#; &#x; &#xZZ; &#12345678901234567890; &unknown; &</p>&#",
        "<p>&#x</p><p>no semicolon after this &#zz <b>bold</b>",
        "<script>unclosed script <p>hidden</p>",
        '<a href="x" href="y"><a href=\'q\'><a href=>e</a>',
        "<p a='1' b=\"2\" c=3 / d><//p></ p><p/ >text",
        "<title>unclosed title <p>x",
        "\r\n<p>\r\nwindows\r\nlines</p>\r\n",
        "<" * 50 + "&" * 50 + "<a" * 50,
    ],
)
def test_malformed_input_does_not_raise(src: str) -> None:
    _parse(src)


def test_bad_char_ref_does_not_swallow_markup() -> None:
    src = "<p>Q&#A</p><p>Next <b>part</b></p>"
    doc = _parse(src)
    assert [b.prose for b in doc.blocks] == ["Q&#A", "Next    part"]


@pytest.mark.parametrize(
    ("src", "prose"),
    [
        ("<p>Tom &amp", ["Tom     "]),  # an entity cut off by the end of the input is still masked
        ("<p>x &#12", ["x"]),
        ("<p>x <a href='y", ["x"]),  # a tag that never ends is masked, as browsers drop it
        ("<p>x <!-- never closed <p>y</p>", ["x"]),
        ("<p>x</p><![bogus <p>y</p>", ["x", "y"]),
    ],
)
def test_unfinished_constructs_are_masked(src: str, prose: list[str]) -> None:
    assert [b.prose for b in _parse(src).blocks] == prose


def test_many_unterminated_tags_are_fast() -> None:
    doc = _parse("<p>start " + "<a " * 50_000)  # HTMLParser alone recovers from this in quadratic time
    assert [b.prose for b in doc.blocks] == ["start"]


def test_overlapping_email_and_url_do_not_corrupt_prose() -> None:
    doc = _parse("<p>@x.io@x.iohttp://&amp;</p>")
    assert len(doc.links) == 1


def test_large_input() -> None:
    unit = (
        '<div><h2>Role</h2><p>We &amp; you <a href="https://x.io">go</a> at www.x.io.</p><ul><li>Go</li></ul></div>\n'
    )
    src = unit * 5000
    doc = _parse(src)
    assert len(doc.blocks) == 15000
    assert len(doc.links) == 10000


_PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<li>",
    "<ul>",
    "</ul>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<td>",
    "<tr>",
    "<table>",
    "</table>",
    "<pre>",
    "</pre>",
    "<code>",
    "</code>",
    "<b>",
    "</b>",
    "<br>",
    "<br/>",
    '<a href="https://a.io">',
    "<a href='mailto:x@y.z'>",
    "<a>",
    "</a>",
    "<script>",
    "</script>",
    "<style>",
    "<title>",
    "</title>",
    "<head>",
    "<blockquote>",
    "<!--",
    "-->",
    "<![",
    "<!x>",
    "<?",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#",
    "&#x;",
    "&",
    "&foo",
    ";",
    "<",
    ">",
    "/",
    '"',
    "=",
    " ",
    "\n",
    "\r\n",
    "word",
    "Job",
    "é",
    "😀",
    "中文",
    "https://x.io/a",
    "www.b.io",
    "(",
    ")",
    ".",
    "a@b.io",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.text(max_size=6), st.integers(0, 30))
def test_random_markup_keeps_invariants(pieces: list[str], noise: str, cut: int) -> None:
    body = "".join(pieces) + noise
    src = "md *text*\n" + body + "\ntrailer"
    start = len("md *text*\n")
    end = min(len(src), start + len(body) + cut % 3)
    doc = DocumentDraft(text=src, format="html")
    parse_html(doc, start, end)
    _check(doc)
    for b in doc.blocks:
        assert start <= b.start <= b.end <= end
    for link in doc.links:
        assert start <= link.start <= link.end <= end
    whole = DocumentDraft(text=body, format="html")
    parse_html(whole)
    _check(whole)
