"""The rule kinds, each through a small inline pack: forbid, require, field, metric, and `when`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import write_pack

from postlint.config import Settings
from postlint.document import LineIndex
from postlint.engine import RuleEngine
from postlint.packs.loader import parse_pack
from postlint.runner import load_linter
from postlint.textstats import reading_grade

GENDERED = {
    "id": "t/gendered",
    "kind": "forbid",
    "message": "'{match}' is gendered; use {replacement}",
    "replace": {"salesman": "salesperson", "chairman": ["chair", "chairperson"], "sales manager": "sales lead"},
}


def spans(violations, rule: str | None = None) -> list[tuple[int, int, str]]:
    return [(v.start, v.end, v.match) for v in violations if rule is None or v.rule == rule]


# ---------------------------------------------------------------- forbid


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Our salesman calls.", ["salesman"]),
        ("Salesmanship matters.", []),
        ("A super-salesman.", []),
        ("The salesmen call.", []),
        ("salesman, SALESMAN and Salesman.", ["salesman", "SALESMAN", "Salesman"]),
        ("Ask the chairman.", ["chairman"]),
        ("(salesman)", ["salesman"]),
        ("The sales manager decides.", ["sales manager"]),
        ("The sales\nmanager decides.", ["sales\nmanager"]),
    ],
    ids=[
        "word",
        "not-inside-a-longer-word",
        "not-after-hyphen",
        "not-plural",
        "any-case",
        "other-term",
        "punctuation",
        "phrase",
        "phrase-over-newline",
    ],
)
def test_forbid_terms_whole_words(make_linter, text: str, found: list[str]) -> None:
    linter = make_linter([GENDERED])
    violations = linter.lint_text(text)
    assert [v.match for v in violations] == found
    for v in violations:
        assert text[v.start : v.end] == v.match


def test_forbid_longest_term_first(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["sales", "sales manager", "manager"]}
    text = "The sales manager and the manager in sales."
    violations = make_linter([rule]).lint_text(text)
    assert [v.match for v in violations] == ["sales manager", "manager", "sales"]
    assert [v.start for v in violations] == [
        text.index("sales manager"),
        text.index("the manager") + 4,
        text.rindex("sales"),
    ]


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("our salesman", "salesperson"),
        ("Our Salesman", "Salesperson"),
        ("OUR SALESMAN", "SALESPERSON"),
    ],
    ids=["lower", "capitalised", "upper"],
)
def test_forbid_replacement_keeps_case(make_linter, text: str, replacement: str) -> None:
    (v,) = make_linter([GENDERED]).lint_text(text)
    assert v.fix is not None
    assert v.fix.applicability == "safe"
    assert [(e.start, e.end, e.replacement) for e in v.fix.edits] == [(4, 12, replacement)]
    assert v.suggestion is None
    assert replacement in v.message


def test_forbid_several_replacements_give_a_suggestion_and_no_fix(make_linter) -> None:
    (v,) = make_linter([GENDERED]).lint_text("Ask the chairman.")
    assert v.fix is None
    assert v.suggestion is not None
    assert "chair" in v.suggestion and "chairperson" in v.suggestion


def test_forbid_term_without_replacement_has_no_fix(make_linter) -> None:
    (v,) = make_linter([{"kind": "forbid", "terms": ["rockstar"]}]).lint_text("A rockstar.")
    assert (v.fix, v.suggestion) == (None, None)


@pytest.mark.parametrize("applicability", ["unsafe", "display"])
def test_forbid_fix_applicability_is_configurable(make_linter, applicability: str) -> None:
    rule = {"kind": "forbid", "replace": {"salesman": "salesperson"}, "fix": applicability}
    (v,) = make_linter([rule]).lint_text("A salesman.")
    assert v.fix is not None and v.fix.applicability == applicability


def test_forbid_patterns_and_exceptions(make_linter) -> None:
    rule = {
        "kind": "forbid",
        "patterns": [r"\bninja\w*", r"\bguru\b"],
        "exceptions": [r"ninja\s+turtles?", r"(?i)guru\s+nanak"],
    }
    text = "Be a ninja, a coding guru, not Ninja Turtles or Guru Nanak fans. Ninjas welcome."
    violations = make_linter([rule]).lint_text(text)
    assert [v.match for v in violations] == ["ninja", "guru", "Ninjas"]
    assert [v.start for v in violations] == [text.index("ninja"), text.index("guru"), text.index("Ninjas")]


def test_forbid_exceptions_apply_to_terms(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["guys"], "exceptions": ["guys and gals"]}
    text = "Hey guys! Guys and gals welcome."
    assert [v.start for v in make_linter([rule]).lint_text(text)] == [4]


def test_forbid_ignore_case_false(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["IT"], "ignore_case": False}
    assert [v.match for v in make_linter([rule]).lint_text("It is IT work, it is.")] == ["IT"]


SCOPE_TEXT = (
    "# Hiring\n"
    "\n"
    "A `salesman` in code, [a link](https://example.com/salesman) and https://example.com/salesman too.\n"
    "\n"
    "```\n"
    "salesman = 1\n"
    "```\n"
)


def test_forbid_scope_text_skips_code_and_urls(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"]}
    assert make_linter([rule]).lint_text(SCOPE_TEXT) == []


def test_forbid_scope_raw_finds_everything(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"], "scope": ["raw"]}
    violations = make_linter([rule]).lint_text(SCOPE_TEXT)
    index = LineIndex(SCOPE_TEXT)
    assert [(v.line, v.column) for v in violations] == [
        index.position(SCOPE_TEXT.index("salesman")),
        index.position(SCOPE_TEXT.index("/salesman)") + 1),
        index.position(SCOPE_TEXT.index("/salesman too") + 1),
        (6, 1),
    ]


def test_forbid_scope_heading_only(make_linter) -> None:
    rule = {"kind": "forbid", "patterns": ["print"], "scope": ["heading"]}
    text = "# Print shop\n\nprint it.\n"
    assert [(v.line, v.column) for v in make_linter([rule]).lint_text(text)] == [(1, 3)]


def test_forbid_scope_code_searches_code_blocks(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"], "scope": ["code"]}
    text = "Our salesman.\n\n```\nsalesman = 1\n```\n\n    the salesman\n"
    violations = make_linter([rule]).lint_text(text)
    assert [(v.line, v.column) for v in violations] == [(4, 1), (7, 9)]


def test_forbid_in_link_text_is_prose(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"]}
    text = "Read about [our salesman](https://example.com/jobs).\n"
    (v,) = make_linter([rule]).lint_text(text)
    assert v.start == text.index("salesman")


# ---------------------------------------------------------------- require

EEO = {
    "id": "t/eeo",
    "kind": "require",
    "message": "No EEO statement",
    "terms": ["equal opportunity employer"],
    "patterns": [r"without regard to (?:race|sex)"],
    "suggestion": "Add: 'We are an equal opportunity employer.'",
}


@pytest.mark.parametrize(
    "text",
    [
        "# Job\n\nWe are an equal opportunity employer.\n",
        "# Job\n\nWe hire without regard to race.\n",
        "# Job\n\n- An Equal   Opportunity Employer\n",
    ],
    ids=["term", "pattern", "list-item-any-case"],
)
def test_require_satisfied(make_linter, text: str) -> None:
    assert make_linter([EEO]).lint_text(text) == []


def test_require_fires_once_at_the_end_of_the_text(make_linter) -> None:
    text = "# Job\n\nWe build things.\n\nMore text here.\n\n\n"
    violations = make_linter([EEO]).lint_text(text)
    assert len(violations) == 1
    v = violations[0]
    assert v.rule == "t/eeo"
    end = len(text.rstrip())
    assert (v.start, v.end) == (end, end)
    assert (v.line, v.column) == (5, 16)
    assert v.suggestion == EEO["suggestion"]


def test_require_ignores_code_and_urls(make_linter) -> None:
    text = "# Job\n\n`equal opportunity employer`\n\n```\nequal opportunity employer\n```\n"
    assert len(make_linter([EEO]).lint_text(text)) == 1


BENEFITS = {
    "id": "t/benefits",
    "kind": "require",
    "message": "No health benefits",
    "section": r"^benefits",
    "terms": ["health"],
}


def test_require_section_limits_the_search(make_linter) -> None:
    text = "# Job\n\nWe offer health insurance.\n\n## Benefits\n\nA bonus.\n\n## Other\n\nMore health.\n"
    (v,) = make_linter([BENEFITS]).lint_text(text)
    assert v.start == text.index("Benefits")
    assert (v.line, v.column) == (5, 4)


def test_require_section_satisfied_inside_the_section(make_linter) -> None:
    text = "# Job\n\nIntro.\n\n## Benefits and perks\n\n- Health, dental and vision\n\n## Apply\n\nNow.\n"
    assert make_linter([BENEFITS]).lint_text(text) == []


def test_require_section_includes_subsections(make_linter) -> None:
    text = "# Job\n\n## Benefits\n\n### Insurance\n\nHealth cover.\n\n## Apply\n\nNow.\n"
    assert make_linter([BENEFITS]).lint_text(text) == []


def test_require_section_missing_points_at_the_end(make_linter) -> None:
    text = "# Job\n\nHealth cover.\n"
    (v,) = make_linter([BENEFITS]).lint_text(text)
    assert v.start == len(text.rstrip())


LOCATION = {
    "id": "t/location",
    "kind": "require",
    "message": "No location",
    "fields": ["location"],
    "patterns": [r"Location:"],
}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("---\nlocation: Denver, CO\n---\n# Job\n", 0),
        ("---\nlocation: ''\n---\n# Job\n", 1),
        ("---\ntitle: Job\n---\n# Job\n", 1),
        ("# Job\n\nLocation: Denver\n", 0),
    ],
    ids=["front-matter", "empty-field", "other-field", "pattern"],
)
def test_require_fields_satisfied_by_front_matter(make_linter, text: str, count: int) -> None:
    assert len(make_linter([LOCATION]).lint_text(text)) == count


def test_require_fields_follow_the_front_matter_mapping(tmp_path: Path) -> None:
    path = write_pack(tmp_path, [LOCATION])
    linter = load_linter(Settings(packs=(str(path),), front_matter={"location": "where"}))
    assert linter.lint_text("---\nwhere: Denver\n---\n# Job\n") == []
    assert len(linter.lint_text("---\nlocation: Denver\n---\n# Job\n")) == 1


# ---------------------------------------------------------------- field

SALARY = {
    "id": "t/salary",
    "kind": "field",
    "message": "{field} must be a number, not '{value}'",
    "field": "salary_min",
    "pattern": r"^\d+$",
}


def test_field_required_and_missing(make_linter) -> None:
    (v,) = make_linter([SALARY]).lint_text("# Job\n\nText.\n")
    assert (v.line, v.column) == (1, 1)


def test_field_present_and_valid(make_linter) -> None:
    assert make_linter([SALARY]).lint_text("---\nsalary_min: 50000\n---\n# Job\n") == []


def test_field_pattern_mismatch_points_at_the_key(make_linter) -> None:
    text = "---\ntitle: Job\nsalary_min: fifty\n---\n# Job\n"
    (v,) = make_linter([SALARY]).lint_text(text)
    assert (v.line, v.column) == (3, 1)
    assert text[v.start : v.end] == "salary_min"
    assert "fifty" in v.message


def test_field_not_required(make_linter) -> None:
    rule = dict(SALARY, required=False)
    assert make_linter([rule]).lint_text("# Job\n") == []
    assert len(make_linter([rule]).lint_text("---\nsalary_min: x\n---\n")) == 1


@pytest.mark.parametrize(
    ("text", "valid"),
    [("Salary min: 50000\n\nText.\n", True), ("Salary_min: lots\n\nText.\n", False), ("Salary-Min: 1\n", True)],
    ids=["valid", "invalid", "dashes"],
)
def test_field_text_label_fallback(make_linter, text: str, valid: bool) -> None:
    violations = make_linter([SALARY]).lint_text(text, format="text")
    assert len(violations) == (0 if valid else 1)
    for v in violations:
        assert v.match == "lots"
        assert (v.line, v.column) == (1, 13)


def test_field_labels_off(make_linter) -> None:
    rule = dict(SALARY, labels=False)
    assert len(make_linter([rule]).lint_text("Salary min: 50000\n", format="text")) == 1


# ---------------------------------------------------------------- metric


def _words(n: int) -> str:
    return " ".join(f"word{chr(97 + i % 26)}" for i in range(n))


WORDS = {
    "id": "t/words",
    "kind": "metric",
    "message": "{value} words ({min}-{max})",
    "metric": "words",
    "min": 5,
    "max": 10,
}


@pytest.mark.parametrize(
    ("n", "fires"), [(4, True), (5, False), (10, False), (11, True)], ids=["below", "min", "max", "above"]
)
def test_metric_words_min_max(make_linter, n: int, fires: bool) -> None:
    violations = make_linter([WORDS]).lint_text(_words(n) + "\n")
    assert len(violations) == int(fires)
    for v in violations:
        assert f"{n} words" in v.message


def test_metric_too_few_points_at_the_end(make_linter) -> None:
    text = "# Job\n\nToo short.\n"
    (v,) = make_linter([WORDS]).lint_text(text)
    assert v.start == v.end == len(text.rstrip())


def test_metric_empty_text(make_linter) -> None:
    (v,) = make_linter([WORDS]).lint_text("")
    assert (v.line, v.column) == (1, 1)


def test_metric_does_not_count_code_or_urls(make_linter) -> None:
    text = "One two three four.\n\n```\nfive six seven eight nine ten eleven\n```\n\nhttps://example.com/a/b/c/d/e/f\n"
    (v,) = make_linter([WORDS]).lint_text(text)
    assert "4 words" in v.message


def test_metric_per_block(make_linter) -> None:
    rule = {"kind": "metric", "metric": "words", "max": 3, "per": "block", "scope": ["paragraph"]}
    text = "# A long heading that is not counted\n\nOne two three.\n\nOne two three four.\n\n- five six seven eight\n"
    violations = make_linter([rule]).lint_text(text)
    assert [(v.line, v.column) for v in violations] == [(5, 1)]
    assert violations[0].match == "One two three four."


def test_reading_grade_orders_simple_and_complex_text() -> None:
    simple = "The cat sat on the mat. We like it."
    complex_ = (
        "Comprehensive organizational responsibilities necessitate extraordinary interdisciplinary "
        "communication capabilities and considerable analytical sophistication."
    )
    assert reading_grade(simple) < 5
    assert reading_grade(complex_) > 14
    assert reading_grade("") == 0.0


def test_metric_reading_grade(make_linter) -> None:
    rule = {"kind": "metric", "metric": "reading_grade", "max": 12, "message": "grade {value} over {max}"}
    linter = make_linter([rule])
    assert linter.lint_text("The cat sat on the mat. We like it.\n") == []
    (v,) = linter.lint_text(
        "Comprehensive organizational responsibilities necessitate extraordinary interdisciplinary "
        "communication capabilities and considerable analytical sophistication.\n"
    )
    assert "over 12" in v.message


# ---------------------------------------------------------------- when

FLAG = {"id": "t/flag", "kind": "forbid", "terms": ["rockstar"]}
TEXT = "---\nregion: Colorado\nstatus: draft\n---\n# Job\n\nA rockstar.\n"


def _fires(linter, text: str = TEXT, fmt: str = "markdown", **facts) -> bool:
    return bool(linter.lint_text(text, format=fmt, facts=facts or None))


@pytest.mark.parametrize(
    ("formats", "fmt", "fires"),
    [(["markdown"], "markdown", True), (["text"], "markdown", False), (["text", "html"], "text", True)],
    ids=["same", "other", "one-of"],
)
def test_when_formats(make_linter, formats: list[str], fmt: str, fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"formats": formats})])
    assert _fires(linter, "A rockstar.\n", fmt) == fires


@pytest.mark.parametrize(
    ("wanted", "posting", "fires"),
    [
        (["US"], ["US"], True),
        (["US"], ["US-CO"], True),
        (["US-CO"], ["US-CO"], True),
        (["US-CO"], ["US-NY"], False),
        (["US"], ["USA"], False),
        (["US"], ["CA-ON"], False),
        (["CA", "US-CO"], ["CA-ON"], True),
        (["US"], [], False),
    ],
    ids=["same", "state-in-country", "same-state", "other-state", "not-a-prefix", "other-country", "one-of", "none"],
)
def test_when_jurisdictions(make_linter, wanted: list[str], posting: list[str], fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"jurisdictions": wanted})])
    assert _fires(linter, jurisdictions=posting) == fires


def test_when_jurisdictions_from_settings(tmp_path: Path) -> None:
    path = write_pack(tmp_path, [dict(FLAG, when={"jurisdictions": ["US"]})])
    assert load_linter(Settings(packs=(str(path),), jurisdictions=("US-CO",))).lint_text(TEXT)
    assert not load_linter(Settings(packs=(str(path),), jurisdictions=("CA",))).lint_text(TEXT)
    assert load_linter(Settings(packs=(str(path),)), jurisdictions=["US-WA"]).lint_text(TEXT)


@pytest.mark.parametrize(
    ("condition", "fires"),
    [
        ({"region": "^Colo"}, True),
        ({"region": "Texas"}, False),
        ({"missing": "."}, False),
        ({"region": "Colorado", "status": "draft|review"}, True),
        ({"region": "Colorado", "status": "final"}, False),
    ],
    ids=["match", "no-match", "missing-key", "all-match", "one-fails"],
)
def test_when_front_matter(make_linter, condition: dict[str, str], fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"front_matter": condition})])
    assert _fires(linter) == fires


@pytest.mark.parametrize(
    ("when", "today", "fires"),
    [
        ({"since": "2025-01-01"}, dt.date(2024, 12, 31), False),
        ({"since": "2025-01-01"}, dt.date(2025, 1, 1), True),
        ({"until": "2025-01-01"}, dt.date(2024, 12, 31), True),
        ({"until": "2025-01-01"}, dt.date(2025, 1, 1), False),
        ({"since": "2024-01-01", "until": "2026-01-01"}, dt.date(2025, 6, 1), True),
    ],
    ids=["before-since", "on-since", "before-until", "on-until", "between"],
)
def test_when_dates(tmp_path: Path, when: dict[str, str], today: dt.date, fires: bool) -> None:
    import yaml

    rule = {**FLAG, "message": "m", "description": "d", "when": when}
    pack = parse_pack(yaml.safe_dump({"pack": "t", "rules": [rule]}), "t.yaml")
    linter = RuleEngine(rules=pack.rules, today=today)
    assert bool(linter.lint_text(TEXT)) == fires
    assert bool(dataclasses.replace(linter, today=today).lint_text(TEXT)) == fires


def test_when_dates_default_to_today(make_linter) -> None:
    assert _fires(make_linter([dict(FLAG, when={"since": "2000-01-01"})]))
    assert not _fires(make_linter([dict(FLAG, when={"since": "2999-01-01"})]))


def test_forbid_substitute_expands_groups_and_reports_bad_templates() -> None:
    from postlint.engine import RuleEngine
    from postlint.errors import PackError
    from postlint.fixes import apply_edits
    from postlint.packs.loader import parse_pack
    from postlint.reader import parse

    pack = """\
pack: sub
rules:
  - id: sub/double
    kind: forbid
    message: "double-escaped '{match}' -> '{replacement}'"
    description: d
    substitute:
      '&amp;([a-z]+);': '&\\1;'
"""
    linter = RuleEngine(rules=parse_pack(pack, "p.yaml").rules)
    text = "A &amp;amp; B &amp;nbsp; C\n"
    violations = linter.lint_document(parse(text, "text"))
    assert [(v.column, v.message) for v in violations] == [
        (3, "double-escaped '&amp;amp;' -> '&amp;'"),
        (15, "double-escaped '&amp;nbsp;' -> '&nbsp;'"),
    ]
    assert apply_edits(text, violations)[0] == "A &amp; B &nbsp; C\n"
    bad = pack.replace("'&\\1;'", "'&\\2;'")
    with pytest.raises(PackError, match=r"^p\.yaml:\d+:\d+: .*invalid group reference 2"):
        parse_pack(bad, "p.yaml")
