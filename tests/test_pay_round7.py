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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Central and eastern European currencies written after the figure, and their pay words.
        ("Wynagrodzenie: 15 000 - 20 000 zł netto (B2)", ("range", 15_000, 20_000, "PLN")),
        ("Pensja: 12 000 zł", ("single", 12_000, 12_000, "PLN")),
        ("Mzda: 60 000 - 80 000 Kč měsíčně", ("range", 60_000, 80_000, "CZK")),
        ("Salariu: 8000 - 10000 lei brut", ("range", 8_000, 10_000, "RON")),
        ("Stipendio: 35.000 - 45.000 €", ("range", 35_000, 45_000, "EUR")),
    ],
)
def test_currencies_written_after_the_figure(text: str, expected: tuple[object, ...]) -> None:
    assert [(m.kind, m.minimum, m.maximum, m.currency) for m in find_pay(text)] == [expected]


def test_a_thousands_k_is_not_the_k_of_korun() -> None:
    # "80 000 Kč" is 80,000 crowns, not 80,000 thousand.
    assert [(m.minimum, m.maximum) for m in find_pay("Salary: 60k-80k")] == [(60_000, 80_000)]
    assert [(m.minimum, m.maximum) for m in find_pay("Salary: 60 000 - 80 000 Kč")] == [(60_000, 80_000)]


def test_lei_in_a_sentence_without_pay_is_nothing() -> None:
    assert find_pay("Our client lost 5 lei on the deal.") == []


@pytest.mark.parametrize(
    "text",
    [
        "$1,000 annual learning and development budget.",
        "$1,500 yearly L&D budget",
        "$2,000 learning & development allowance",
    ],
)
def test_a_learning_budget_is_no_pay(text: str) -> None:
    assert find_pay(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$25/hour while learning the role", [("single", 25, 25, None)]),
        ("Salary: $90,000 - $110,000, plus learning budget", [("range", 90_000, 110_000, None)]),
    ],
)
def test_pay_beside_learning_stays_pay(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
