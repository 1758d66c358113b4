"""The `field` kind: a front-matter field that must be present and match a pattern."""

from __future__ import annotations

import pytest

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
