"""The Markdown document model: block kinds, exact offsets, masking, links, front matter, sections, title."""

from __future__ import annotations

import pytest
from conftest import check_document, lint, offset_in, prose_of

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, LineIndex
from postlint.reader import parse


def md(text: str):
    doc = parse(text, "markdown")
    check_document(doc)
    return doc


def kinds(doc) -> list[tuple[str, int]]:
    return [(b.kind, b.level) for b in doc.blocks]


# ---------------------------------------------------------------- block kinds


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("# Title\n", [(HEADING, 1)]),
        ("### Third level\n", [(HEADING, 3)]),
        ("###### Sixth\n", [(HEADING, 6)]),
        ("Setext one\n==========\n", [(HEADING, 1)]),
        ("Setext two\n----------\n", [(HEADING, 2)]),
        ("Just a paragraph.\n", [(PARAGRAPH, 0)]),
        ("One.\n\nTwo.\n", [(PARAGRAPH, 0), (PARAGRAPH, 0)]),
        ("- one\n- two\n", [(LIST_ITEM, 0), (LIST_ITEM, 0)]),
        ("* star\n+ plus\n", [(LIST_ITEM, 0), (LIST_ITEM, 0)]),
        ("1. first\n2. second\n", [(LIST_ITEM, 0), (LIST_ITEM, 0)]),
        ("- outer\n  - inner\n", [(LIST_ITEM, 0), (LIST_ITEM, 0)]),
        ("| A | B |\n|---|---|\n| c | d |\n", [(TABLE_CELL, 0)] * 4),
        ("```\nx = 1\n```\n", [(CODE, 0)]),
        ("~~~python\nx = 1\n~~~\n", [(CODE, 0)]),
        ("Para.\n\n    indented = code\n", [(PARAGRAPH, 0), (CODE, 0)]),
        ("# H\n\nText.\n\n- item\n", [(HEADING, 1), (PARAGRAPH, 0), (LIST_ITEM, 0)]),
    ],
    ids=[
        "atx-h1",
        "atx-h3",
        "atx-h6",
        "setext-h1",
        "setext-h2",
        "paragraph",
        "two-paragraphs",
        "bullets",
        "star-plus-bullets",
        "ordered",
        "nested-list",
        "table",
        "fenced-code",
        "tilde-fence",
        "indented-code",
        "mixed",
    ],
)
def test_block_kinds(src: str, expected: list[tuple[str, int]]) -> None:
    assert kinds(md(src)) == expected


@pytest.mark.parametrize(
    ("src", "code_text"),
    [
        ("```\nsalesman = 1\nprint(salesman)\n```\n", "salesman = 1\nprint(salesman)"),
        ("Intro.\n\n    salesman line one\n    code line two\n", "salesman line one\n    code line two"),
    ],
    ids=["fenced", "indented"],
)
def test_code_blocks_cover_the_code_and_mask_it(src: str, code_text: str) -> None:
    doc = md(src)
    code = [b for b in doc.blocks if b.kind == CODE]
    assert len(code) == 1
    block = code[0]
    assert code_text in src[block.start : block.end]
    assert not block.prose.strip()  # code is not prose
    assert "salesman" not in prose_of(doc)


def test_heading_and_cell_offsets() -> None:
    src = "## Pay and benefits\n\n| Location | Denver, CO |\n|---|---|\n| Pay | $1 |\n"
    doc = md(src)
    heading = doc.blocks[0]
    assert heading.kind == HEADING
    assert src[heading.start : heading.end] == "Pay and benefits"
    cells = [src[b.start : b.end] for b in doc.blocks if b.kind == TABLE_CELL]
    assert cells == ["Location", "Denver, CO", "Pay", "$1"]


def test_list_item_excludes_its_marker() -> None:
    src = "- first item\n10. tenth item\n"
    doc = md(src)
    texts = [src[b.start : b.end] for b in doc.blocks]
    assert "first item" in texts[0]
    assert not texts[0].startswith("-")


# ---------------------------------------------------------------- invariants

INVARIANT_CASES = {
    "emphasis": "Some *emph*, **strong**, _under_ and ***both*** words.\n",
    "link": 'See [the careers page](https://example.com/jobs?a=1&b=2 "Jobs") today.\n',
    "autolink": "Write to <https://example.com/apply> or <jobs@example.com>.\n",
    "bare": "Apply at https://example.com/apply, or mail jobs@example.com.\n",
    "code": "Use `git` and ``a ` tick`` daily.\n",
    "entities": "Tom &amp; Jerry &copy; 2024 &#169; \\*not emphasis\\* end\n",
    "quote": "> Quoted *text*\n> continues here\n",
    "table": "| **Bold** | [x](https://x.com) |\n|---|---|\n| `c` | é 😀 |\n",
    "nested": "- **Bold** item with [link](https://a.b)\n  - nested `code`\n",
    "crlf": "# Title\r\n\r\nPara *one*\r\nline two\r\n\r\n- a\r\n- b\r\n",
    "image": "An ![logo](logo.png) inline and [ref][r] link.\n\n[r]: https://ref.example\n",
    "html-inline": "Text with <b>bold</b> tags.\n",
    "unicode": "# Café 😀 中文\n\nÉcole 😀😀 naïve 中文 word\n",
    "hard-break": "Line one  \nline two\\\nline three\n",
}


@pytest.mark.parametrize("src", list(INVARIANT_CASES.values()), ids=list(INVARIANT_CASES))
def test_prose_is_aligned_with_the_source(src: str) -> None:
    doc = md(src)
    assert doc.blocks
    for block in doc.blocks:
        assert len(block.prose) == block.end - block.start


# ---------------------------------------------------------------- inline content at exact offsets


@pytest.mark.parametrize(
    ("src", "words"),
    [
        ("Some *emph* and **strong** text.\n", ["Some", "emph", "strong", "text"]),
        ("Some _under_ and __double__ text.\n", ["under", "double", "text"]),
        ("A ***very*** loud ~~struck~~ word.\n", ["very", "loud", "word"]),
        ("# A *styled* heading\n", ["styled", "heading"]),
        ("- item with **bold** tail\n", ["item", "bold", "tail"]),
        ("| *c1* | **c2** |\n|---|---|\n| x | y |\n", ["c1", "c2", "x", "y"]),
    ],
    ids=["emphasis", "underscores", "strong-emphasis", "heading", "list-item", "table"],
)
def test_words_in_emphasis_at_exact_offsets(src: str, words: list[str]) -> None:
    doc = md(src)
    for word in words:
        assert offset_in(doc, word) == src.index(word)
    assert "*" not in prose_of(doc).replace("~~", "")


def test_inline_link_masks_url_and_records_link() -> None:
    src = "Read [the careers page](https://example.com/jobs) now.\n"
    doc = md(src)
    prose = prose_of(doc)
    assert "https" not in prose and "example.com" not in prose
    assert offset_in(doc, "careers") == src.index("careers")
    assert offset_in(doc, "now") == src.index("now")
    assert len(doc.links) == 1
    link = doc.links[0]
    assert link.url == "https://example.com/jobs"
    assert link.text == "the careers page"
    assert link.start == src.index("[")
    assert link.end == src.index(")") + 1
    assert src[link.url_start : link.url_end] == link.url


def test_link_with_title_and_parentheses() -> None:
    src = 'Go [here](https://example.com/a_(b) "Title") please.\n'
    doc = md(src)
    link = doc.links[0]
    assert link.url == "https://example.com/a_(b)"
    assert link.end == src.index(") please") + 1
    assert offset_in(doc, "please") == src.index("please")
    assert "Title" not in prose_of(doc)


def test_two_links_in_one_paragraph() -> None:
    src = "[One](https://one.example) and [Two](https://two.example).\n"
    doc = md(src)
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://one.example", "One"),
        ("https://two.example", "Two"),
    ]
    assert [link.start for link in doc.links] == [0, src.index("[Two")]


def test_autolinks_are_masked_and_recorded() -> None:
    src = "Apply: <https://example.com/apply> or <jobs@example.com> today.\n"
    doc = md(src)
    prose = prose_of(doc)
    assert "example" not in prose
    assert offset_in(doc, "today") == src.index("today")
    urls = {link.url: link for link in doc.links}
    assert set(urls) == {"https://example.com/apply", "mailto:jobs@example.com"}
    web = urls["https://example.com/apply"]
    assert (web.start, web.end) == (src.index("<https"), src.index(">") + 1)
    assert src[web.url_start : web.url_end] == "https://example.com/apply"
    mail = urls["mailto:jobs@example.com"]
    assert mail.text == "jobs@example.com"
    assert src[mail.start : mail.end] == "<jobs@example.com>"


def test_bare_url_masked_recorded_and_trailing_punctuation_kept_out() -> None:
    src = "Apply at https://example.com/apply. Thanks.\n"
    doc = md(src)
    assert [link.url for link in doc.links] == ["https://example.com/apply"]
    link = doc.links[0]
    assert link.start == src.index("https")
    assert src[link.start : link.end] == "https://example.com/apply"
    prose = prose_of(doc)
    assert "example" not in prose
    assert prose[src.index("/apply.") + len("/apply")] == "."  # the full stop is still prose
    assert offset_in(doc, "Thanks") == src.index("Thanks")


def test_www_url_is_a_link() -> None:
    src = "See www.example.com for more.\n"
    doc = md(src)
    assert [link.url for link in doc.links] == ["www.example.com"]
    assert "example" not in prose_of(doc)


def test_bare_email_masked_and_recorded_as_mailto() -> None:
    src = "Send your CV to hr@corp.example.com by Friday.\n"
    doc = md(src)
    assert len(doc.links) == 1
    link = doc.links[0]
    assert link.url == "mailto:hr@corp.example.com"
    assert link.text == "hr@corp.example.com"
    assert (link.start, link.end) == (src.index("hr@"), src.index(" by"))
    assert "corp" not in prose_of(doc)
    assert offset_in(doc, "Friday") == src.index("Friday")


@pytest.mark.parametrize(
    "src",
    ["Use `salesman` daily.\n", "Use ``sales`man`` daily.\n", "- a `salesman` item\n"],
    ids=["single-backtick", "double-backtick", "in-list"],
)
def test_inline_code_is_masked(src: str) -> None:
    doc = md(src)
    assert "sales" not in prose_of(doc)
    assert "`" not in prose_of(doc)
    assert offset_in(doc, "daily" if "daily" in src else "item") == src.index("daily" if "daily" in src else "item")


def test_entities_and_escapes_keep_offsets() -> None:
    src = "Tom &amp; Jerry &copy; Co \\*not emphasis\\* end\n"
    doc = md(src)
    for word in ("Tom", "Jerry", "Co", "not", "emphasis", "end"):
        assert offset_in(doc, word) == src.index(word)
    prose = prose_of(doc)
    assert "amp" not in prose and "copy" not in prose


def test_text_after_an_image_keeps_offsets() -> None:
    src = "Logo ![company logo](https://x.example/logo.png) after.\n"
    doc = md(src)
    assert offset_in(doc, "after") == src.index("after")
    assert "png" not in prose_of(doc)


# ---------------------------------------------------------------- blockquotes


def test_blockquote_blocks_are_quoted() -> None:
    src = "Normal paragraph.\n\n> Quoted one\n> continues.\n\n> - quoted item\n\nAfter.\n"
    doc = md(src)
    quoted = {src[b.start : b.end].split(maxsplit=1)[0]: b.quoted for b in doc.blocks}
    assert quoted == {"Normal": False, "Quoted": True, "quoted": True, "After.": False}
    assert offset_in(doc, "continues") == src.index("continues")
    assert ">" not in prose_of(doc)


# ---------------------------------------------------------------- front matter

FRONT = "---\ntitle: Data Analyst\nlocation: Denver, CO\nsalary_min: 50000\n---\n# Heading\n\nBody text.\n"


def test_front_matter_data_and_key_offsets() -> None:
    doc = md(FRONT)
    fm = doc.front_matter
    assert fm is not None
    assert fm.data == {"title": "Data Analyst", "location": "Denver, CO", "salary_min": 50000}
    for key in ("title", "location", "salary_min"):
        offset = fm.key_offsets[key]
        assert FRONT[offset : offset + len(key)] == key
    assert fm.end == FRONT.index("# Heading")
    assert doc.meta("location") == "Denver, CO"
    assert doc.meta("missing") is None


def test_front_matter_is_not_prose_and_body_lines_are_right() -> None:
    doc = md(FRONT)
    assert "Denver" not in prose_of(doc)
    index = LineIndex(FRONT)
    heading = doc.blocks[0]
    assert heading.kind == HEADING
    assert index.position(heading.start) == (6, 3)
    assert index.position(offset_in(doc, "Body")) == (8, 1)


def test_front_matter_with_crlf() -> None:
    src = "---\r\ntitle: X\r\nlocation: Y\r\n---\r\n# Head\r\n\r\nBody\r\n"
    doc = md(src)
    assert doc.front_matter is not None
    assert doc.front_matter.data == {"title": "X", "location": "Y"}
    assert LineIndex(src).position(offset_in(doc, "Head")) == (5, 3)
    assert LineIndex(src).position(offset_in(doc, "Body")) == (7, 1)


@pytest.mark.parametrize(
    ("src", "line"),
    [
        ("---\ntitle: ok\nbad: : value\n---\n# H\n\nText.\n", 3),
        ("---\ntitle: ok\nlocation: Denver\n  nested: wrong\n---\n# H\n", 4),
        ("---\ntitle: ok\n- item\n---\n# H\n", 3),
        ('---\na: 1\nb: 2\nc: "x" y\n---\n# H\n', 4),
    ],
    ids=["mapping-in-value", "bad-indent", "sequence-in-mapping", "text-after-quoted"],
)
def test_front_matter_syntax_error_is_a_problem(src: str, line: int) -> None:
    doc = md(src)  # does not raise
    problems = [p for p in doc.problems if p.code == "front-matter"]
    assert len(problems) == 1
    assert LineIndex(src).position(problems[0].start)[0] == line
    assert [b.kind for b in doc.blocks][:1] == [HEADING]  # the body is still parsed
    violations = [v for v in lint(src, select=["postlint/front-matter"])]
    assert [(v.rule, v.line) for v in violations] == [("postlint/front-matter", line)]


def test_front_matter_that_is_not_a_mapping_is_a_problem() -> None:
    doc = md("---\n- a\n- b\n---\n# H\n")
    assert [p.code for p in doc.problems] == ["front-matter"]


def test_no_front_matter_unless_at_the_very_top() -> None:
    src = "# H\n\n---\ntitle: x\n---\n"
    doc = md(src)
    assert doc.front_matter is None


# ---------------------------------------------------------------- sections and title


def test_sections_from_headings() -> None:
    src = "# Job\n\nIntro.\n\n## Duties\n\n- a\n\n## Pay\n\nMoney.\n\n### Detail\n\nMore.\n\n# Apply\n\nHow.\n"
    doc = md(src)
    titles = [(s.title, s.level) for s in doc.sections]
    assert titles == [("Job", 1), ("Duties", 2), ("Pay", 2), ("Detail", 3), ("Apply", 1)]
    by_title = {s.title: s for s in doc.sections}
    # A section runs up to the next heading of the same or a higher level (or the end of the text).
    apply_at, pay_at = by_title["Apply"].heading_start, by_title["Pay"].heading_start
    assert src.index("# Apply") <= apply_at and src.index("## Pay") <= pay_at
    assert by_title["Job"].end == apply_at
    assert by_title["Duties"].end == pay_at
    assert by_title["Pay"].end == apply_at
    assert by_title["Detail"].end == apply_at
    assert by_title["Apply"].end == len(src)
    for section in doc.sections:
        assert src[section.heading_start : section.heading_end] == section.title
    section_of = {src[b.start : b.end]: b.section for b in doc.blocks}
    assert section_of["Intro."] == 0
    assert section_of["a"] == 1
    assert section_of["Money."] == 2
    assert section_of["More."] == 3
    assert section_of["How."] == 4


def test_blocks_before_the_first_heading_have_no_section() -> None:
    doc = md("Preamble.\n\n## First\n\nText.\n")
    assert [b.section for b in doc.blocks] == [-1, 0, 0]


@pytest.mark.parametrize(
    ("src", "title"),
    [
        ("---\ntitle: From Front Matter\n---\n# From Heading\n", "From Front Matter"),
        ("# From Heading\n\nText.\n", "From Heading"),
        ("Intro.\n\n## Not a title\n\n# Real Title\n", "Real Title"),
        ("# First\n\n# Second\n", "First"),
        ("Title\n=====\n\nText.\n", "Title"),
        ("# *Styled* Title\n", "Styled  Title"),
    ],
    ids=["front-matter", "h1", "first-h1-not-h2", "first-of-two", "setext", "emphasis"],
)
def test_title(src: str, title: str) -> None:
    doc = md(src)
    assert doc.title is not None
    assert " ".join(doc.title.split()) == " ".join(title.split())


def test_title_offsets_for_heading() -> None:
    src = "Intro.\n\n# Senior Engineer\n"
    doc = md(src)
    assert doc.title == "Senior Engineer"
    assert src[doc.title_start : doc.title_end] == "Senior Engineer"


@pytest.mark.parametrize(
    "src",
    ["Just text.\n", "## About us\n\nText.\n", "## Only an h2\n", ""],
    ids=["text", "section", "h2-alone", "empty"],
)
def test_no_title(src: str) -> None:
    assert md(src).title is None


def test_a_heading_that_opens_the_posting_is_its_title() -> None:
    # Boards that drop the top-level heading open with '##' or '###' and the title (Chinese weekly lists do).
    assert md("## Senior Engineer\n\nText.\n").title == "Senior Engineer"


# ---------------------------------------------------------------- CRLF and non-ASCII


def test_crlf_offsets() -> None:
    src = "# Title\r\n\r\nFirst *para* here\r\nsecond line\r\n\r\n- item one\r\n- item two\r\n"
    doc = md(src)
    assert kinds(doc) == [(HEADING, 1), (PARAGRAPH, 0), (LIST_ITEM, 0), (LIST_ITEM, 0)]
    index = LineIndex(src)
    for word, position in [("Title", (1, 3)), ("para", (3, 8)), ("second", (4, 1)), ("two", (7, 8))]:
        assert index.position(offset_in(doc, word)) == position
    assert "\r" not in "".join(src[b.start : b.end] for b in doc.blocks if b.kind != PARAGRAPH)


@pytest.mark.parametrize(
    ("src", "word", "position"),
    [
        ("Café crème word\n", "word", (1, 12)),
        ("😀 emoji word\n", "word", (1, 9)),
        ("中文职位 word\n", "word", (1, 6)),
        ("# Zoë\n\nJosé 🌍 and 中文 then word\n", "word", (3, 20)),
        ("Ünïcödé *stärk* word\n", "stärk", (1, 10)),
        ("👩‍💻 engineer\n", "engineer", (1, 5)),
    ],
    ids=["latin", "emoji", "cjk", "mixed", "emphasis", "zwj-sequence"],
)
def test_non_ascii_offsets_count_code_points(src: str, word: str, position: tuple[int, int]) -> None:
    doc = md(src)
    offset = offset_in(doc, word)
    assert offset == src.index(word)
    assert LineIndex(src).position(offset) == position


# ---------------------------------------------------------------- LineIndex


def test_line_index_positions() -> None:
    text = "ab\ncd\n\nefg"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(2) == (1, 3)  # the newline itself
    assert index.position(3) == (2, 1)
    assert index.position(6) == (3, 1)
    assert index.position(7) == (4, 1)
    assert index.position(len(text)) == (4, 4)
    assert index.line_count == 4
    assert index.line_span(2) == (3, 5)
    assert index.line_span(4) == (7, 10)


@pytest.mark.parametrize(
    "text",
    ["", "one line", "a\nb\n", "x\r\ny\r\n\r\nz", "é😀中\n🌍 Zoë\n", "\n\n\n", "trailing\n"],
    ids=["empty", "one-line", "lf", "crlf", "non-ascii", "blank-lines", "trailing-newline"],
)
def test_line_index_round_trip(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert line >= 1 and column >= 1
        assert index.offset(line, column) == offset
        assert line == text.count("\n", 0, offset) + 1
        assert column == offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_block_fields_are_those_finish_document_copies() -> None:
    """finish_document builds a block's sectioned copy field by field, not with dataclasses.replace:
    a field added to Block must be added there too."""
    from dataclasses import fields

    from postlint.document import Block

    assert [f.name for f in fields(Block)] == ["kind", "start", "end", "prose", "level", "section", "quoted", "chrome"]


@pytest.mark.parametrize("spans", [[(0, 9)], [(2, 5)], [(0, 3), (4, 9)], [(3, 4)], [(2, 4)], []])
def test_compose_prose_shortcut_matches_the_general_path(spans: list[tuple[int, int]]) -> None:
    """One span covering the block is returned as source text; a second, empty span forces the general path."""
    from postlint.parsers.common import compose_prose

    source = "ab cd\nef gh"
    assert compose_prose(source, 2, 5, spans) == compose_prose(source, 2, 5, [*spans, (99, 99)])
