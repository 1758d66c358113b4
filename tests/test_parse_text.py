"""The plain-text document model: paragraphs, list items, headings, `Label: value` fields, title, CRLF."""

from __future__ import annotations

import pytest
from conftest import check_document, offset_in, prose_of

from postlint.document import HEADING, LIST_ITEM, PARAGRAPH, LineIndex
from postlint.reader import parse


def txt(text: str):
    doc = parse(text, "text")
    check_document(doc)
    return doc


def block_texts(doc) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


# ---------------------------------------------------------------- blocks


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("One paragraph\nover two lines.\n", [(PARAGRAPH, "One paragraph\nover two lines.")]),
        ("First.\n\nSecond.\n", [(PARAGRAPH, "First."), (PARAGRAPH, "Second.")]),
        (
            "Intro line here.\n\n- one\n- two\n",
            [(PARAGRAPH, "Intro line here."), (LIST_ITEM, "one"), (LIST_ITEM, "two")],
        ),
        (
            "Intro line here.\n\n* star\n• bullet\n",
            [(PARAGRAPH, "Intro line here."), (LIST_ITEM, "star"), (LIST_ITEM, "bullet")],
        ),
        (
            "Intro line here.\n\n1. first\n2) second\n",
            [(PARAGRAPH, "Intro line here."), (LIST_ITEM, "first"), (LIST_ITEM, "second")],
        ),
        (
            "Intro.\n\nABOUT THE ROLE\n\nWe build.\n",
            [(PARAGRAPH, "Intro."), (HEADING, "ABOUT THE ROLE"), (PARAGRAPH, "We build.")],
        ),
        (
            "Intro.\n\nRequirements:\n- Python\n",
            [(PARAGRAPH, "Intro."), (HEADING, "Requirements:"), (LIST_ITEM, "Python")],
        ),
        (
            "Intro.\n\n== Benefits ==\n\nHealth.\n",
            [(PARAGRAPH, "Intro."), (HEADING, "Benefits"), (PARAGRAPH, "Health.")],
        ),
    ],
    ids=[
        "paragraph",
        "two-paragraphs",
        "dash-bullets",
        "star-and-dot-bullets",
        "numbered",
        "caps-heading",
        "colon-heading",
        "banner-heading",
    ],
)
def test_blocks(src: str, expected: list[tuple[str, str]]) -> None:
    assert block_texts(txt(src)) == expected


def test_headings_have_a_level_and_make_sections() -> None:
    src = "Title: Support Specialist\n\nABOUT US\n\nWe are small.\n\nWHAT YOU WILL DO\n\n- Answer tickets\n"
    doc = txt(src)
    headings = [b for b in doc.blocks if b.kind == HEADING]
    assert [doc.text[b.start : b.end] for b in headings] == ["ABOUT US", "WHAT YOU WILL DO"]
    assert all(b.level >= 1 for b in headings)
    assert [s.title for s in doc.sections] == ["ABOUT US", "WHAT YOU WILL DO"]
    assert doc.sections[0].end <= doc.sections[1].heading_start
    section_of = {doc.text[b.start : b.end]: b.section for b in doc.blocks}
    assert section_of["We are small."] == 0
    assert section_of["Answer tickets"] == 1


def test_words_at_exact_offsets() -> None:
    src = "We hire people.\n\n- Build things with Python\n- Ship often\n\nSalary: $50,000 per year\n"
    doc = txt(src)
    for word in ("hire", "Python", "Ship", "$50,000", "year"):
        assert offset_in(doc, word) == src.index(word)


# ---------------------------------------------------------------- fields


def test_label_fields() -> None:
    src = "Title: Support Specialist\nLocation: Remote (US)\nEmployment type: Full-time\n\nWe help.\n"
    doc = txt(src)
    fields = {f.name: f for f in doc.fields}
    assert set(fields) == {"title", "location", "employment type"}
    for field in doc.fields:
        assert src[field.start : field.end] == field.value
    assert fields["location"].value == "Remote (US)"
    assert fields["employment type"].value == "Full-time"


def test_label_lines_are_still_prose() -> None:
    src = "Location: Denver, CO\n"
    doc = txt(src)
    assert "Denver" in prose_of(doc)
    assert offset_in(doc, "Denver") == src.index("Denver")


def test_bullet_with_colon_is_a_list_item_not_a_field() -> None:
    doc = txt("Intro.\n\n- Note: bring a laptop\n")
    assert doc.fields == []
    assert [b.kind for b in doc.blocks] == [PARAGRAPH, LIST_ITEM]


def test_field_values_trimmed_with_crlf() -> None:
    src = "Title: Support Specialist\r\nSalary: $54,000 - $66,000 per year  \r\n\r\nText.\r\n"
    doc = txt(src)
    values = {f.name: f.value for f in doc.fields}
    assert values == {"title": "Support Specialist", "salary": "$54,000 - $66,000 per year"}
    for field in doc.fields:
        assert src[field.start : field.end] == field.value


# ---------------------------------------------------------------- title


@pytest.mark.parametrize(
    ("src", "title"),
    [
        ("Title: Election Coordinator\n\nJoin us.\n", "Election Coordinator"),
        ("Company: Acme\nJob Title: Welder\n\nJoin us.\n", "Welder"),
        ("Position: Nurse Educator\n\nJoin us.\n", "Nurse Educator"),
        ("Warehouse Associate\n\nWe need help in the warehouse.\n", "Warehouse Associate"),
        ("\n\n  Night Shift Cook  \n\nText.\n", "Night Shift Cook"),
        ("# postlint-disable quality/too-short\nBarista\n\nText.\n", "Barista"),
        ("---\ntitle: From Front Matter\n---\nFirst line.\n", "From Front Matter"),
    ],
    ids=[
        "title-label",
        "job-title-label",
        "position-label",
        "first-short-line",
        "leading-blanks",
        "after-directive",
        "front-matter",
    ],
)
def test_title(src: str, title: str) -> None:
    doc = txt(src)
    assert doc.title == title
    if "---" not in src:
        assert src[doc.title_start : doc.title_end] == title


def test_no_title_when_the_first_line_is_long() -> None:
    src = " ".join(["word"] * 40) + "\n"
    assert txt(src).title is None


def test_no_title_in_empty_text() -> None:
    assert txt("").title is None
    assert txt("\n\n").blocks == []


# ---------------------------------------------------------------- links


def test_bare_urls_and_emails_are_masked_and_recorded() -> None:
    src = "Apply at https://example.com/apply?job=1 or mail jobs@example.com.\n"
    doc = txt(src)
    assert [(link.url, link.start, link.end) for link in doc.links] == [
        ("https://example.com/apply?job=1", src.index("https"), src.index(" or")),
        ("mailto:jobs@example.com", src.index("jobs@"), src.index(".\n")),
    ]
    prose = prose_of(doc)
    assert "example" not in prose
    assert offset_in(doc, "mail") == src.index("mail ")


# ---------------------------------------------------------------- CRLF, non-ASCII, front matter


def test_crlf() -> None:
    src = "Title: Support\r\n\r\nFirst para line\r\nsecond line\r\n\r\n- item one\r\n- item two\r\n"
    doc = txt(src)
    assert [b.kind for b in doc.blocks] == [PARAGRAPH, PARAGRAPH, LIST_ITEM, LIST_ITEM]
    for block in doc.blocks:
        if block.kind == LIST_ITEM:
            assert "\r" not in src[block.start : block.end]
    index = LineIndex(src)
    for word, position in [("Support", (1, 8)), ("second", (4, 1)), ("two", (7, 8))]:
        assert index.position(offset_in(doc, word)) == position


@pytest.mark.parametrize(
    ("src", "word", "position"),
    [
        ("Café crème word\n", "word", (1, 12)),
        ("Intro.\n\n- 😀 emoji word\n", "word", (3, 11)),
        ("職位 中文 word\n", "word", (1, 7)),
        ("Lieu: Montréal\n", "Montréal", (1, 7)),
    ],
    ids=["latin", "emoji-list", "cjk", "label"],
)
def test_non_ascii_offsets(src: str, word: str, position: tuple[int, int]) -> None:
    doc = txt(src)
    offset = offset_in(doc, word)
    assert offset == src.index(word)
    assert LineIndex(src).position(offset) == position


def test_front_matter_in_text_keeps_line_numbers() -> None:
    src = "---\nlocation: Denver, CO\n---\nTitle: Welder\n\nWe weld.\n"
    doc = txt(src)
    assert doc.front_matter is not None and doc.meta("location") == "Denver, CO"
    assert "Denver" not in prose_of(doc)
    assert LineIndex(src).position(offset_in(doc, "weld")) == (6, 4)
    assert {f.name for f in doc.fields} == {"title"}


def test_directive_lines_are_not_prose() -> None:
    doc = txt("# postlint-disable quality/all-caps\nSome text.\n")
    assert "postlint" not in prose_of(doc)


def test_overlapping_url_and_email_keep_prose_aligned() -> None:
    from postlint.reader import parse

    text = "Write to http://x.org/a@b.co or jobs@www.example.com today.\n"
    doc = parse(text, "text")
    for block in doc.blocks:
        assert len(block.prose) == block.end - block.start
        for i, ch in enumerate(block.prose):
            assert ch in {" ", "\n"} or ch == text[block.start + i]
    assert [link.url for link in doc.links] == ["http://x.org/a@b.co", "mailto:jobs@www.example.com"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("简历发至zhang.wei@example.com请注明职位\n", "zhang.wei@example.com"),
        ("简历请发送到：hr@example.cn，我们尽快回复\n", "hr@example.cn"),
        ("Write to jobs@example.com today.\n", "jobs@example.com"),
    ],
    ids=["cjk-both-sides", "cjk-punctuation", "ascii"],
)
def test_an_email_address_is_found_where_chinese_text_runs_into_it(text: str, address: str) -> None:
    from postlint.reader import parse

    assert [link.url for link in parse(text, "text").links] == ["mailto:" + address]


def test_a_banner_line_is_not_the_title() -> None:
    from postlint.reader import parse

    assert parse("=== JOB DETAILS ===\n\nSalary: $65,960.00 - $105,365.00 Annually\n", "text", "p").title is None
