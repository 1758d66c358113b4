"""Fixes of the encoding pack beyond mojibake: entities left in plain text, and C1 controls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint, run_cli

from postlint.fixes import apply_edits


def _fix(text: str, fmt: str, select: str, unsafe: bool = False) -> tuple[str, list]:
    violations = lint(text, fmt, select)
    return apply_edits(text, violations, unsafe=unsafe)[0], violations


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Research &amp; Development", "Research & Development"),
        ("We&rsquo;re hiring &ndash; apply", "We’re hiring – apply"),
        ("Clerk&#39;s Office", "Clerk's Office"),
        ("We&#8217;re &#x1F680;", "We’re 🚀"),
        ("Mon&nbsp;Fri &lt;remote&gt;", "Mon\u00a0Fri <remote>"),
    ],
)
def test_text_entities_in_plain_text_are_replaced_by_their_character(text: str, fixed: str) -> None:
    result, violations = _fix(text + "\n", "text", "encoding/text-entity")
    assert result == fixed + "\n"
    assert {v.rule for v in violations} == {"encoding/text-entity"}
    assert {v.fix.applicability for v in violations if v.fix} == {"safe"}


def test_an_entity_for_a_control_character_is_reported_without_a_fix() -> None:
    violations = lint("Bell &#07; and NUL &#00;\n", "text", "encoding/text-entity")
    assert [(v.column, v.end_column, v.fix) for v in violations] == [(6, 11, None), (20, 25, None)]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_entities_are_left_alone_where_a_renderer_reads_them(fmt: str) -> None:
    """Markdown and HTML turn '&amp;' into '&' when rendered: nothing shows literally there."""
    text = "Research &amp; Development, we&rsquo;re hiring\n"
    if fmt == "html":
        text = f"<p>{text}</p>\n"
    assert lint(text, fmt, "encoding/text-entity") == []


def test_fix_on_the_command_line_writes_the_characters(tmp_path: Path) -> None:
    posting = tmp_path / "clerk.txt"
    posting.write_text("Title: Elections &amp; Voter Registration\nClerk&#39;s Office\n", encoding="utf-8")
    env = {"POSTLINT_CACHE_DIR": str(tmp_path / "cache")}
    code, _, err = run_cli("fix", posting, "--select", "encoding/text-entity", env=env)
    assert code == 0, err
    assert posting.read_text(encoding="utf-8") == "Title: Elections & Voter Registration\nClerk's Office\n"


def test_unescape_is_a_forbid_option_any_pack_can_use(make_linter) -> None:
    linter = make_linter(
        [{"kind": "forbid", "patterns": ["&[a-z]+;"], "unescape": True, "examples": {"pass": ["a & b"]}}]
    )
    text = "caf&eacute; &bogus; &hellip;\n"
    violations = linter.lint_text(text, format="text")
    assert [(v.column, v.fix.edits[0].replacement if v.fix else None) for v in violations] == [
        (4, "é"),
        (13, None),
        (21, "…"),
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("We\x92re hiring \x96 apply by Friday\x85", "We’re hiring – apply by Friday…"),
        ("\x84Handwerk\x93 \x80100", "„Handwerk“ €100"),
    ],
)
def test_c1_controls_standing_for_windows_1252_characters_are_repaired(text: str, fixed: str) -> None:
    result, violations = _fix(text + "\n", "text", "encoding")
    assert result == fixed + "\n"
    assert {v.rule for v in violations} == {"encoding/mojibake"}
    assert {v.fix.applicability for v in violations} == {"safe"}


def test_c1_controls_without_a_windows_1252_meaning_are_removed_only_when_asked() -> None:
    text = "A stray\x81 byte and a DEL\x7f.\n"
    violations = lint(text, "text", "encoding")
    assert [(v.rule, v.column) for v in violations] == [("encoding/control-char", 8), ("encoding/control-char", 24)]
    assert apply_edits(text, violations)[0] == text
    assert apply_edits(text, violations, unsafe=True)[0] == "A stray byte and a DEL.\n"


def test_a_c1_control_inside_another_codec_s_mojibake_is_not_read_as_windows_1252() -> None:
    """'Ń\\x83' is 'у' read as Windows-1250, whose byte 83 is undefined: not a Windows-1252 'ƒ'."""
    assert [v for v in lint("зарплата Ń\x83 Москве\n", "text", "encoding/mojibake") if v.fix] == []


def test_check_reports_c1_repairs_in_json(tmp_path: Path) -> None:
    posting = tmp_path / "role.txt"
    posting.write_text("We\x92re hiring.\n", encoding="utf-8")
    code, out, _ = run_cli("check", posting, "--select", "encoding", "--format", "json", "--no-cache")
    assert code == 1
    (violation,) = json.loads(out)["violations"]
    assert (violation["rule"], violation["line"], violation["column"], violation["end_column"]) == (
        "encoding/mojibake",
        1,
        3,
        4,
    )
    assert violation["fix"]["applicability"] == "safe"
    assert violation["fix"]["edits"][0]["replacement"] == "’"
