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
        # An adjective of pay between the praise and the noun.
        ("Great base salary, plus a 401(k) match.", ["Great base salary"]),
        ("We offer industry-leading total compensation.", ["industry-leading total compensation"]),
        ("A market-leading annual salary and hybrid work.", ["market-leading annual salary"]),
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
        "Great team, great mission, and a leading total rewards program for engineers.",
        "Salary: Open until filled",
        "办公环境一流，交通便利",
        # A figure in the same sentence states the pay; the praise only qualifies it.
        "Excellent salary: $50,000 per year",
    ],
)
def test_praise_of_other_things_is_not_vague_pay(text: str) -> None:
    assert vague(text) == []


# ---------------------------------------------------------------- on-target earnings with the base inside


def statements(text: str) -> list[tuple[str, float | None, float | None, float | None, str]]:
    return [(m.kind, m.minimum, m.maximum, m.total, m.text) for m in find_pay(text) if m.kind != "vague"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OTE: $200k ($100k base)", [("single", 100_000.0, 100_000.0, 200_000.0, "$200k ($100k")]),
        ("$100k base, $200k OTE", [("single", 100_000.0, 100_000.0, 200_000.0, "$100k base, $200k")]),
        (
            "We're planning on a base of $50,000 – $60,000 for this role with OTE of $125,000. If you crush it,",
            [("range", 50_000.0, 60_000.0, 125_000.0, "$50,000 – $60,000 for this role with OTE of $125,000")],
        ),
        # The commission inside the OTE is not a second salary.
        (
            "OTE $200,000 ($100,000 base + $100,000 commission)",
            [("single", 100_000.0, 100_000.0, 200_000.0, "$200,000 ($100,000")],
        ),
    ],
)
def test_on_target_earnings_with_a_base_are_one_statement(
    text: str, expected: list[tuple[str, float | None, float | None, float | None, str]]
) -> None:
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # OTE alone is the pay stated; a base alone is the salary; neither has a total.
        ("OTE $150k", [("single", 150_000.0, 150_000.0, None, "$150k")]),
        (
            "Base salary $90,000 - $110,000 plus a $10,000 signing bonus",
            [("range", 90_000.0, 110_000.0, None, "$90,000 - $110,000")],
        ),
        # OTE and base in different sentences are not joined.
        (
            "Base $80k. OTE $160k.",
            [("single", 80_000.0, 80_000.0, None, "$80k"), ("single", 160_000.0, 160_000.0, None, "$160k")],
        ),
    ],
)
def test_near_misses_of_on_target_earnings(
    text: str, expected: list[tuple[str, float | None, float | None, float | None, str]]
) -> None:
    assert statements(text) == expected


# ---------------------------------------------------------------- pay tables of job titles or grades


def test_a_pay_table_of_grade_titles_is_read() -> None:
    """Government postings list the pay of each grade of a class under a label, one title a line; the lines
    say no period, so none is read."""
    text = (
        "Payroll Title: \n"
        "Staff/Services Manager I:  $3,164.44 - $4,430.65\n"
        "Staff/Services Manager II:  $3,392.80 - $4,750.38\n"
        "Staff/Services Manager III:  $3,639.51 - $5,095.82"
    )
    assert rows(text) == [
        ("range", 3164.44, 4430.65, "USD", None),
        ("range", 3392.80, 4750.38, "USD", None),
        ("range", 3639.51, 5095.82, "USD", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Program Manager: $500,000 - $900,000 budget",  # words after the figures: not a bare value
        "Account Executive: $50,000 - $100,000 deals closed each quarter",
        "The Engineer handles $5,000 - $10,000",  # a sentence, not a label
        "Staff/Services Manager I  $3,164.44 - $4,430.65",  # no colon or dash: a title and a figure side by side
    ],
)
def test_near_misses_of_a_pay_table(text: str) -> None:
    assert rows(text) == []


# ---------------------------------------------------------------- Chinese ranges in thousands, written tight


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("### Operation Manager (急,18k-35k·14薪)", [("range", 18_000.0, 35_000.0, None, "month")]),
        ("Base:30K-70K，3个月以上年终奖。", [("range", 30_000.0, 70_000.0, None, "month")]),
        ("7. 薪资月 base20K-40K，年终与个人绩效、公司绩效挂钩", [("range", 20_000.0, 40_000.0, None, "month")]),
        ("其他岗位薪资范围是10K到20K，根据能力给的薪资可以更高", [("range", 10_000.0, 20_000.0, None, "month")]),
        ("薪资：8千至1.2万", [("range", 8_000.0, 12_000.0, None, None)]),
    ],
)
def test_tight_chinese_ranges_are_one_range(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议时间 8:30-10:00",  # a time has a digit before its colon
        "2019年至2021年",  # years joined by 至
        "GS13 database20K rows",  # a word ending in "base" is not the label
        "Version:2k",  # a label glued to a figure, but no pay word
    ],
)
def test_near_misses_of_tight_chinese_ranges(text: str) -> None:
    assert rows(text) == []


# ---------------------------------------------------------------- a starting salary alone in a field


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| Starting $65,000 |", [("single", 65_000.0, 65_000.0, "USD", None)]),
        ("Starting $48,000", [("single", 48_000.0, 48_000.0, "USD", None)]),
        # Near misses: a price, a bare "from", funding, a date, a sentence.
        ("Starting at $500", []),
        ("From $65,000", []),
        ("Starting $65,000 in seed funding", []),
        ("Starting July 1, 2024", []),
        ("We are starting $65,000 projects", []),
    ],
)
def test_a_starting_figure_alone_in_a_field(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected
