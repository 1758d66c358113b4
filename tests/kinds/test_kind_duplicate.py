"""The `duplicate` kind: a heading or paragraph said twice (`of`, `min_words`)."""

from __future__ import annotations

import pytest

TEXT = (
    "# Job\n\n## Benefits\n\nWe offer health insurance, paid leave and a pension for every employee.\n\n"
    "## Benefits\n\nWe offer health insurance, paid leave and a pension for every employee.\n\n"
    "Apply now.\n\nApply now.\n"
)


@pytest.mark.parametrize(
    ("of", "lines"),
    [(["headings"], [7]), (["paragraphs"], [9]), (["headings", "paragraphs"], [7])],  # a run of copies is one,
    ids=["headings", "paragraphs", "both"],
)
def test_duplicate_of_chooses_what_is_compared(make_linter, of: list[str], lines: list[int]) -> None:
    violations = make_linter([{"kind": "duplicate", "of": of}]).lint_text(TEXT)
    assert [v.line for v in violations] == lines


def test_duplicate_min_words_leaves_short_paragraphs_alone(make_linter) -> None:
    rule = {"kind": "duplicate", "of": ["paragraphs"], "min_words": 2}
    assert [v.line for v in make_linter([rule]).lint_text(TEXT)] == [9, 13]
