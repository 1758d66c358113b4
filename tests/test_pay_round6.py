"""Pay shapes read in the sixth round: praise of the pay with no figure, on-target earnings with the base
inside, and pay tables of government grade lines. Real text, each with a near miss that must not change."""

from __future__ import annotations

import pytest

from postlint.facts.pay import find_pay

Row = tuple[str, float | None, float | None, str | None, str | None]  # kind, min, max, currency, period


def rows(text: str, pay_context: bool = False) -> list[Row]:
    return [(m.kind, m.minimum, m.maximum, m.currency, m.period) for m in find_pay(text, pay_context=pay_context)]


def vague(text: str) -> list[str]:
    return [m.text for m in find_pay(text) if m.kind == "vague"]


# ---------------------------------------------------------------- praise of the pay, no figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We offer a rewarding salary and a friendly team.", ["rewarding salary"]),
        ("Excellent salary and benefits. District of Columbia residency required.", ["Excellent salary"]),
        ("PWC Government offers excellent pay, a comprehensive benefits package, generous leave", ["excellent pay"]),
        ("Contra Costa County offers great salary and benefits in addition to a collaborative team", ["great salary"]),
        ("Generous remuneration package and a hybrid office.", ["Generous remuneration"]),
        ("industry-leading compensation and equity", ["industry-leading compensation"]),
        ("Salary: Open", ["Salary: Open"]),
        ("办公环境一流，公司工程师文化氛围浓厚，薪资优越，福利好", ["薪资优越"]),
        ("我们能给你：一份体面的薪酬，和敬业进取的同事一起共事", ["体面的薪酬"]),
        ("同时我们将提供行业内一流的薪酬和一流的福利。", ["一流的薪酬"]),
        ("拿深圳同等高薪，住长沙宜居房子", ["高薪"]),
    ],
)
def test_praise_of_the_pay_is_vague_pay(text: str, expected: list[str]) -> None:
    assert vague(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A consulting service, a benefits package, a career, a date: no promise about this job's pay.
        "Our team specializes in designing, implementing, and optimizing industry-leading compensation plans",
        "We offer an excellent benefits package and a rewarding career.",
        "Salary: Open until filled",
        "办公环境一流，交通便利",
        # A figure in the same sentence states the pay; the praise only qualifies it.
        "Excellent salary: $50,000 per year",
    ],
)
def test_praise_of_other_things_is_not_vague_pay(text: str) -> None:
    assert vague(text) == []
