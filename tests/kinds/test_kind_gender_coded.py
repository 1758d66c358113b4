"""The `gender-coded` kind: masculine- and feminine-coded words (`min_words`, `ratio`, `statements`)."""

from __future__ import annotations

import pytest

MASCULINE = "We want an ambitious, assertive, competitive, decisive, independent and confident lead.\n"
STATEMENT = "We are an equal opportunity employer and want ambitious, competitive, decisive people of any sex.\n"


@pytest.mark.parametrize(("min_words", "fires"), [(7, True), (8, False)])
def test_gender_coded_min_words(make_linter, min_words: int, fires: bool) -> None:
    violations = make_linter([{"kind": "gender-coded", "min_words": min_words}]).lint_text(MASCULINE)
    assert [(v.match, v.line) for v in violations] == ([("ambitious", 1)] if fires else [])


@pytest.mark.parametrize(("ratio", "fires"), [(3.0, True), (8.0, False)])
def test_gender_coded_ratio_to_the_other_side(make_linter, ratio: float, fires: bool) -> None:
    text = MASCULINE + "\nWe are a supportive team.\n"  # one feminine-coded word
    violations = make_linter([{"kind": "gender-coded", "min_words": 3, "ratio": ratio}]).lint_text(text)
    assert bool(violations) is fires


def test_gender_coded_statements_are_not_counted(make_linter) -> None:
    rule = {"kind": "gender-coded", "min_words": 3}
    assert make_linter([rule]).lint_text(STATEMENT)
    skipping = dict(rule, statements={"patterns": [r"equal opportunity employer"]})
    assert make_linter([skipping]).lint_text(STATEMENT) == []
