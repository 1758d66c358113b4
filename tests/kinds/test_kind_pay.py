"""The pay kinds: `pay-range` (`laws` with `accepts`, `suggestion`, `currency_symbols`, `insert_at`),
`pay-width` (`max_width`, `max_ratio`, `currency`, `period`, and laws with the same caps and `exempt_above`)
and `pay-period`. How pay is read is tested in test_pay_parser.py."""

from __future__ import annotations

import pytest

DENVER = "# Analyst\n\nLocation: Denver, CO\n\n"
COLORADO = {"jurisdiction": "US-CO", "name": "Colorado Pay Act", "since": "2021-01-01"}


def _range(make_linter, text: str, **options):
    rule = {"kind": "pay-range", "message": "{problem}", **options}
    return make_linter([rule]).lint_text(text)


# ---------------------------------------------------------------- pay-range


def test_pay_range_without_laws_asks_for_any_pay(make_linter) -> None:
    (v,) = _range(make_linter, DENVER + "Join us.\n")
    assert v.message == "No pay in the posting"
    assert v.fix.applicability == "unsafe"
    assert _range(make_linter, DENVER + "Pay: $90,000 per year.\n") == []


@pytest.mark.parametrize(
    ("accepts", "text", "fires"),
    [
        (["range"], "Pay: $90,000 per year.\n", True),
        (["range"], "Pay: $80,000 – $95,000 per year.\n", False),
        (["range", "single"], "Pay: $90,000 per year.\n", False),
        (["from"], "Pay: from $80,000 per year.\n", False),
        (["up-to"], "Pay: up to $95,000 per year.\n", False),
        (["range"], "This role is paid entirely on commission.\n", True),
        (["commission-only"], "This role is paid entirely on commission.\n", False),
    ],
)
def test_pay_range_laws_accept_what_they_say(make_linter, accepts: list[str], text: str, fires: bool) -> None:
    violations = _range(make_linter, DENVER + text, laws=[dict(COLORADO, accepts=accepts)])
    assert bool(violations) is fires


def test_pay_range_suggestion_and_currency_symbols(make_linter) -> None:
    (v,) = _range(
        make_linter,
        DENVER + "Join us.\n",
        suggestion="Salary: {currency}[low] to {currency}[high] a {period}",
        currency_symbols={"US-CO": "US$"},
    )
    assert v.suggestion == "Salary: US$[low] to US$[high] a year"


@pytest.mark.parametrize(("insert_at", "line"), [("after-location", 3), ("end", 5)])
def test_pay_range_insert_at(make_linter, insert_at: str, line: int) -> None:
    text = DENVER + "Join us.\n"
    (v,) = _range(make_linter, text, insert_at=insert_at)
    (edit,) = v.fix.edits
    assert text.count("\n", 0, edit.start) + 1 == v.line == line
    assert edit.replacement.startswith("\n\nPay range: $[minimum]")


# ---------------------------------------------------------------- pay-width


def _width(make_linter, text: str, **options) -> list[str]:
    rule = {"kind": "pay-width", "message": "{width} over {limit}", **options}
    return [v.message for v in make_linter([rule]).lint_text(DENVER + text)]


def test_pay_width_needs_a_cap() -> None:
    from postlint.errors import PackError
    from postlint.packs.loader import parse_pack

    pack = "pack: t\nrules:\n  - {id: t/w, kind: pay-width, message: m, description: d}\n"
    with pytest.raises(PackError, match="max_width"):
        parse_pack(pack, "p.yaml")


@pytest.mark.parametrize(
    ("options", "text", "found"),
    [
        ({"max_width": 20000}, "Pay: $80,000 – $95,000 per year.\n", []),
        ({"max_width": 10000}, "Pay: $80,000 – $95,000 per year.\n", ["15,000 over 10,000"]),
        ({"max_ratio": 0.1}, "Pay: $80,000 – $95,000 per year.\n", ["15,000 over 10% of the minimum (8,000)"]),
        ({"max_width": 10000, "currency": "EUR"}, "Pay: $80,000 – $95,000 per year.\n", []),
        ({"max_width": 10000, "currency": "USD"}, "Pay: $80,000 – $95,000 per year.\n", ["15,000 over USD 10,000"]),
        ({"max_width": 1}, "Pay: $20 – $25 per hour.\n", []),
        ({"max_width": 1, "period": "hour"}, "Pay: $20 – $25 per hour.\n", ["5 over 1"]),
    ],
    ids=["within", "max_width", "max_ratio", "other-currency", "currency", "other-period", "period"],
)
def test_pay_width_policy_caps(make_linter, options: dict, text: str, found: list[str]) -> None:
    assert _width(make_linter, text, **options) == found


def test_pay_width_laws_replace_the_policy_where_they_apply(make_linter) -> None:
    law = dict(COLORADO, max_ratio=0.5, exempt_above=200000)
    text = "Pay: $80,000 – $150,000 per year.\n"
    assert _width(make_linter, text, laws=[law]) == ["70,000 over 50% of the minimum (40,000)"]
    assert _width(make_linter, text.replace("150,000", "250,000"), laws=[law]) == []  # exempt above
    capped = dict(COLORADO, max_width=10000, currency="USD", period="year")
    assert _width(make_linter, "Pay: $80,000 – $95,000 per year.\n", laws=[capped]) == ["15,000 over USD 10,000"]


# ---------------------------------------------------------------- pay-period


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Pay: $15 – $20.\n", True),
        ("Pay: $15 – $20 per hour.\n", False),
        ("Pay: $80,000 – $95,000.\n", False),  # five figures in dollars read as a year
    ],
    ids=["no-period", "period", "yearly-by-size"],
)
def test_pay_period(make_linter, text: str, fires: bool) -> None:
    violations = make_linter([{"kind": "pay-period"}]).lint_text(DENVER + text)
    assert bool(violations) is fires
    for v in violations:
        assert v.fix.applicability == "display"
