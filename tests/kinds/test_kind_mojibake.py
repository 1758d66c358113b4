"""The `mojibake` kind: the check around `facts/mojibake.py` (`lossy`); the detector is tested in test_mojibake.py."""

from __future__ import annotations

import pytest


def test_mojibake_certain_repairs_are_safe_fixes(make_linter) -> None:
    (v,) = make_linter([{"kind": "mojibake"}]).lint_text("We\u00e2\u20ac\u2122re hiring.\n")
    assert (v.column, v.match, v.fix.applicability, v.fix.edits[0].replacement) == (
        3,
        "\u00e2\u20ac\u2122",
        "safe",
        "’",
    )


@pytest.mark.parametrize(("lossy", "found"), [(True, ["â"]), (False, [])])
def test_mojibake_lossy_forms_are_reported_only_when_asked(make_linter, lossy: bool, found: list[str]) -> None:
    violations = make_linter([{"kind": "mojibake", "lossy": lossy}]).lint_text("The office\u00e2s team.\n")
    assert [v.match for v in violations] == found
    assert all(v.fix.applicability == "unsafe" for v in violations)
