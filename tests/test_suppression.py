"""Inline suppression: comments in Markdown/HTML, `# ` directives in text, front-matter ignores."""

from __future__ import annotations

import pytest
from conftest import lint

SELECT = ["quality/placeholder", "quality/all-caps", "postlint"]


def found(text: str, fmt: str = "markdown") -> list[tuple[str, int]]:
    """(rule, line) of every violation of the selected rules."""
    return [(v.rule, v.line) for v in lint(text, fmt, SELECT)]


def placeholder_lines(text: str, fmt: str = "markdown") -> list[int]:
    return [line for rule, line in found(text, fmt) if rule == "quality/placeholder"]


def test_without_directives_every_line_is_reported() -> None:
    assert placeholder_lines("Lorem ipsum A\n\nLorem ipsum B\n\nLorem ipsum C\n") == [1, 3, 5]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "Lorem ipsum A\n\n<!-- postlint-disable quality/placeholder -->\n\nLorem ipsum B\n\n"
            "<!-- postlint-enable quality/placeholder -->\n\nLorem ipsum C\n",
            [1, 9],
        ),
        (
            "Lorem ipsum A\n\n<!-- postlint-disable -->\n\nLorem ipsum B\n\n"
            "<!-- postlint-enable -->\n\nLorem ipsum C\n",
            [1, 9],
        ),
        (
            "Lorem ipsum A\n\n<!-- postlint-disable quality -->\n\nLorem ipsum B\n\n"
            "<!-- postlint-enable quality -->\n\nLorem ipsum C\n",
            [1, 9],
        ),
        ("Lorem ipsum A\n\n<!-- postlint-disable quality/placeholder -->\n\nLorem ipsum B\n\nLorem ipsum C\n", [1]),
        ("Lorem ipsum A\n\n<!-- postlint-disable quality/all-caps -->\n\nLorem ipsum B\n", [1, 5]),
        ("<!-- postlint-disable quality/title quality/placeholder -->\n\nLorem ipsum B\n", []),
        ("<!-- postlint-disable quality/title, quality/placeholder -->\n\nLorem ipsum B\n", []),
        ("<!--postlint-disable quality/placeholder-->\n\nLorem ipsum B\n", []),
    ],
    ids=[
        "rule",
        "all",
        "pack",
        "until-the-end",
        "other-rule-only",
        "two-rules",
        "comma-separated",
        "no-spaces",
    ],
)
def test_disable_enable(text: str, lines: list[int]) -> None:
    assert placeholder_lines(text) == lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("<!-- postlint-disable-next-line quality/placeholder -->\nLorem ipsum B\nLorem ipsum C\n", [3]),
        ("<!-- postlint-disable-next-line -->\nLorem ipsum B\n\nLorem ipsum C\n", [4]),
        ("<!-- postlint-disable-next-line quality -->\nLorem ipsum B\n\nLorem ipsum C\n", [4]),
        ("<!-- postlint-disable-next-line quality/placeholder -->\n\nLorem ipsum B\n\nLorem ipsum C\n", [5]),
        ("<!-- postlint-disable-next-line quality/all-caps -->\nLorem ipsum B\n", [2]),
        ("Lorem ipsum A\n<!-- postlint-disable-next-line quality/placeholder -->\n", [1]),
    ],
    ids=["rule", "all", "pack", "skips-blank-lines", "other-rule", "at-the-end"],
)
def test_disable_next_line(text: str, lines: list[int]) -> None:
    assert placeholder_lines(text) == lines


@pytest.mark.parametrize(
    ("directive", "lines"),
    [
        ("<!-- postlint-disable-file quality/placeholder -->", []),
        ("<!-- postlint-disable-file -->", []),
        ("<!-- postlint-disable-file quality -->", []),
        ("<!-- postlint-disable-file quality/all-caps -->", [1, 5]),
    ],
    ids=["rule", "all", "pack", "other-rule"],
)
def test_disable_file_anywhere_in_the_file(directive: str, lines: list[int]) -> None:
    text = f"Lorem ipsum A\n\n{directive}\n\nLorem ipsum B\n"
    assert placeholder_lines(text) == lines


def test_disable_file_all_also_silences_missing_things() -> None:
    text = "<!-- postlint-disable-file -->\nLorem ipsum.\n"
    assert lint(text) == []


def test_suppression_of_a_missing_thing_at_the_end() -> None:
    text = "Some text without a title.\n\n<!-- postlint-disable-file quality/title -->\n"
    assert "quality/title" not in [v.rule for v in lint(text)]
    assert "quality/title" in [v.rule for v in lint("Some text without a title.\n")]


@pytest.mark.parametrize(
    "front_matter",
    [
        "postlint: {ignore: [quality/placeholder]}",
        "postlint:\n  ignore:\n    - quality/placeholder",
        "postlint: {ignore: quality/placeholder}",
        "postlint: {ignore: [quality]}",
    ],
    ids=["flow-list", "block-list", "single-string", "pack"],
)
def test_front_matter_ignore(front_matter: str) -> None:
    text = f"---\ntitle: Job\n{front_matter}\n---\nLorem ipsum A\n"
    assert placeholder_lines(text) == []


def test_front_matter_ignore_other_rule_keeps_this_one() -> None:
    text = "---\npostlint: {ignore: [quality/all-caps]}\n---\nLorem ipsum A\n"
    assert placeholder_lines(text) == [4]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "Lorem ipsum A\n\n# postlint-disable quality/placeholder\nLorem ipsum B\n"
            "# postlint-enable quality/placeholder\n\nLorem ipsum C\n",
            [1, 7],
        ),
        ("# postlint-disable-next-line quality/placeholder\nLorem ipsum B\n\nLorem ipsum C\n", [4]),
        ("Lorem ipsum A\n\n# postlint-disable-file quality/placeholder\n", []),
        ("Lorem ipsum A\n\n# postlint-disable-file\n", []),
        ("Lorem ipsum A\n\n  #  postlint-disable-file quality\n", []),
        ("Lorem ipsum A\n\n<!-- postlint-disable-file quality/placeholder -->\n", [1]),
        ("Lorem ipsum A # postlint-disable-file quality/placeholder\n", [1]),
    ],
    ids=["disable-enable", "next-line", "file-rule", "file-all", "indented-pack", "html-comment-ignored", "not-alone"],
)
def test_text_directives(text: str, lines: list[int]) -> None:
    assert placeholder_lines(text, "text") == lines


def test_html_comment_directives() -> None:
    text = "<p>Lorem ipsum A</p>\n<!-- postlint-disable-next-line quality/placeholder -->\n<p>Lorem ipsum B</p>\n"
    assert placeholder_lines(text, "html") == [1]
    text = "<p>Lorem ipsum A</p>\n<!-- postlint-disable-file quality -->\n"
    assert placeholder_lines(text, "html") == []


@pytest.mark.parametrize(
    ("text", "fmt", "line", "column"),
    [
        ("<!-- postlint-disable quality/no-such-rule -->\nText.\n", "markdown", 1, 23),
        ("Text.\n\n<!-- postlint-disable-next-line nopack -->\nMore.\n", "markdown", 3, 33),
        ("Text.\n# postlint-disable-file quality/no-such-rule\n", "text", 2, 25),
        ("---\ntitle: Job\npostlint: {ignore: [quality/no-such-rule]}\n---\nText.\n", "markdown", 3, None),
    ],
    ids=["comment", "next-line-pack", "text", "front-matter"],
)
def test_unknown_rule_in_a_directive_is_reported(text: str, fmt: str, line: int, column: int | None) -> None:
    directive = [v for v in lint(text, fmt, SELECT) if v.rule == "postlint/directive"]
    assert len(directive) == 1
    assert directive[0].line == line
    if column is not None:
        assert directive[0].column == column  # the unknown name itself
        assert directive[0].match in ("quality/no-such-rule", "nopack")


def test_unknown_rule_does_not_disable_everything() -> None:
    text = "<!-- postlint-disable quality/no-such-rule -->\n\nLorem ipsum B\n"
    assert found(text) == [("postlint/directive", 1), ("quality/placeholder", 3)]


def test_known_and_unknown_rules_in_one_directive() -> None:
    text = "<!-- postlint-disable-file quality/nope, quality/placeholder -->\n\nLorem ipsum B\n"
    assert found(text) == [("postlint/directive", 1)]


def test_directive_inside_code_is_not_a_directive() -> None:
    text = "How to silence postlint:\n\n```\n<!-- postlint-disable-file -->\n```\n\nLorem ipsum B\n"
    assert placeholder_lines(text) == [7]


def test_linting_a_document_twice_gives_equal_results() -> None:
    """Problems a run finds (a suppression naming an unknown rule) belong to the run, not to the document."""
    from postlint.api import Linter
    from postlint.reader import parse

    engine = Linter.from_config().engine
    text = (
        "---\npostlint: {ignore: [no/such-one]}\n---\n# Engineer\n\n"
        "<!-- postlint-disable no/such-rule -->\nRockstars.\n"
    )
    doc = parse(text, "markdown", "x.md")
    first, second = engine.lint_document(doc), engine.lint_document(doc)
    assert first == second
    assert [v.rule for v in first].count("postlint/directive") == 2
    assert not doc.problems


def test_both_lint_text_entry_points_read_text_alike() -> None:
    """The engine's and the API's `lint_text` go through the file reader: U+FFFD is reported by both."""
    from postlint.api import Linter

    api = Linter.from_config()
    text = "# Engineer\n\nWe build caf\ufffd software.\n"
    assert [v.rule for v in api.engine.lint_text(text)] == [v.rule for v in api.lint_text(text)]
    assert "encoding/replacement-char" in [v.rule for v in api.engine.lint_text(text)]
