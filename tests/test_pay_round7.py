"""Pay shapes read in the seventh round: on-target earnings broken down into their base and variable parts, where
a word of other money belongs to the later figure it follows."""

from __future__ import annotations

import pytest

from postlint.facts.pay import find_pay

Row = tuple[str, float | None, float | None, float | None]  # kind, min, max, on-target total


def rows(text: str) -> list[Row]:
    return [(m.kind, m.minimum, m.maximum, m.total) for m in find_pay(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The breakdown names the base and the variable part: the base is the salary, the OTE its total.
        ("OTE: $200,000 ($100k base / $100k variable)", [("single", 100_000, 100_000, 200_000)]),
        ("OTE $180,000 ($90,000 base + $90,000 commission)", [("single", 90_000, 90_000, 180_000)]),
        # As before: the base with no breakdown of the rest.
        ("OTE: $200k ($100k base)", [("single", 100_000, 100_000, 200_000)]),
        ("Compensation: $150k base, $50k variable", [("single", 150_000, 150_000, None)]),
    ],
)
def test_on_target_earnings_with_a_breakdown(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Money right before a word of other money is still not pay.
        "a $10,000 signing bonus",
        "$5,000 bonus and $2,000 stipend",
        "Up to $1,500 in equity grants.",
    ],
)
def test_other_money_right_before_its_word_stays_out(text: str) -> None:
    assert rows(text) == []
