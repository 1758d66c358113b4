"""Pay as job boards, applicant-tracking exports and hiring threads lay it out, read from whole postings
(`PostingFacts`, as `postlint inspect` reads them) or from one block (`find_pay`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from postlint.engine import RuleEngine
from postlint.facts.pay import find_pay
from postlint.reader import parse
from postlint.runner import load_linter

Row = tuple[str, float | None, float | None, str | None, str | None]  # kind, min, max, currency, period


@pytest.fixture(scope="module")
def linter() -> RuleEngine:
    return dataclasses.replace(load_linter(), today=dt.date(2026, 12, 7))


def posting_pay(linter: RuleEngine, text: str, fmt: str = "text") -> list[Row]:
    """The amounts read from a whole posting, as comparable tuples."""
    facts = linter.facts(parse(text, fmt, "posting"))
    return [(p.kind, p.minimum, p.maximum, p.currency, p.period) for p in facts.pay if p.is_amount]


def vague(text: str, pay_context: bool = False) -> list[str]:
    return [m.text for m in find_pay(text, pay_context=pay_context) if m.kind == "vague"]


# ---------------------------------------------------------------- vague pay


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Compensation will be negotiated.", ["Compensation will be negotiated"]),
        ("Salary: Paid position. Compensation will be negotiated.", ["Compensation will be negotiated"]),
        ("Salary to be negotiated.", ["Salary to be negotiated"]),
        ("Pay: to be negotiated", ["Pay: to be negotiated"]),
        ("The salary is open to negotiation.", ["salary is open to negotiation"]),
    ],
)
def test_pay_left_to_negotiation_is_vague(text: str, expected: list[str]) -> None:
    assert vague(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("同时能提供行业内领先的薪酬待遇，欢迎垂询", ["领先的薪酬"]),
        ("- 领先行业的一流薪资、年终奖", ["领先行业的一流薪资"]),
        ("Flexport提供对标国内大厂的薪酬待遇，薪资结构包含Base", ["对标国内大厂的薪酬"]),
        ("- 媲美互联网大厂的薪资待遇，全员股权激励", ["媲美互联网大厂的薪资"]),
        ("除了不输于大公司的薪水外，还有期权", ["不输于大公司的薪水"]),
        ("薪资对标一线大厂，16薪", ["薪资对标"]),
        ("整体薪酬水平可以和大厂比肩，没有太多限制", ["薪酬水平可以和大厂比肩"]),
        ("- **薪资**：基本高于行业水平，具体薪资根据个人实力决定。", ["薪资**：基本高于"]),
    ],
)
def test_chinese_pay_said_to_lead_or_match_the_market_is_vague(text: str, expected: list[str]) -> None:
    assert vague(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "比特大陆是全球领先的数字货币矿机厂商",  # a leading firm, not leading pay
        "性能高于竞品，对标国际一流产品",
        "薪资 25-40k，对标大厂",  # the figure states the pay
    ],
)
def test_leading_or_matching_without_pay_is_not_vague(text: str) -> None:
    assert vague(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Salary is negotiated annually with the union.",  # the figure is set, elsewhere
        "Pay rates are negotiated by the bargaining unit.",
        "You negotiated contracts with vendors.",
    ],
)
def test_negotiation_that_sets_pay_is_not_vague(text: str) -> None:
    assert vague(text) == []


# ---------------------------------------------------------------- job-board layouts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ML Engineer\nGlobex - Austin, TX\n$95K - $120K (Employer est.)\n\nDesign and deploy models.\n",
            [("range", 95_000, 120_000, "USD", "year")],
        ),
        (
            "Business Analyst\nBrisbane QLD\n\n$90K - $110K (Employer est.)\n",
            [("range", 90_000, 110_000, "AUD", "year")],
        ),
        # The board's own guess is not the employer's statement.
        ("Machine Learning Engineer\nGlobex - Austin, TX\n$95K - $120K (Glassdoor est.)\n", []),
    ],
)
def test_an_employer_estimate_on_a_job_board_is_pay(linter: RuleEngine, text: str, expected: list[Row]) -> None:
    assert posting_pay(linter, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salary\n10+ LPA", [("from", 1_000_000, None, "INR", "year", "10+ LPA")]),
        ("CTC: 15+ lakhs", [("from", 1_500_000, None, "INR", "year", "15+ lakhs")]),
        ("Salary: ₹12-18 LPA", [("range", 1_200_000, 1_800_000, "INR", "year", "₹12-18 LPA")]),
        ("Salary: 10+ years of experience required", []),
    ],
)
def test_an_open_bound_written_before_its_multiplier(text: str, expected: list[tuple[object, ...]]) -> None:
    """Indian postings write an open bound as "10+ LPA" as often as "10 LPA+"."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


# ---------------------------------------------------------------- whose dollar


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("$120k - $140k + super", "AUD"),
        ("Salary Range $86,169 to $93,835 per annum + 10% Super + RDO", "AUD"),
        ("Salary: $110,000 - $130,000 incl. super", "AUD"),
        ("$100,000 plus superannuation", "AUD"),
        ("Salary: $90,000 - $110,000 + KiwiSaver", "NZD"),
        ("US$100k + super", "USD"),  # the dollar is named
        ("Salary: $100,000. We are super excited.", "USD"),
    ],
)
def test_a_bare_dollar_with_superannuation_is_australian(text: str, currency: str) -> None:
    assert [m.currency for m in find_pay(text) if m.kind != "vague"] == [currency]


def test_superannuation_settles_the_dollar_where_no_place_is_read(linter: RuleEngine) -> None:
    text = "IT Technical Analyst\nExample City Council\n\nSalary Range $86,169 to $93,835 per annum + 10% Super\n"
    assert posting_pay(linter, text) == [("range", 86_169, 93_835, "AUD", "year")]


# ---------------------------------------------------------------- which conventions


CHINESE_TITLED = (
    "# 【Remote】示例科技 - Developer Relations/全栈开发\n\n"
    "We are a distributed team building developer tools, and we hire engineers who enjoy working remotely.\n\n"
    "## Fullstack Engineer 25-45k\n\n"
    "You will design and build the tools that our developers use every day, with the rest of the team.\n"
)


def test_a_posting_titled_in_chinese_quotes_thousands_per_month(linter: RuleEngine) -> None:
    """Its prose is English, but a board for Chinese readers quotes k-figures per month."""
    assert posting_pay(linter, CHINESE_TITLED, "markdown") == [("range", 25_000, 45_000, None, "month")]


def test_the_same_posting_titled_in_english_keeps_the_english_reading(linter: RuleEngine) -> None:
    text = CHINESE_TITLED.replace("示例科技 - Developer Relations/全栈开发", "Example Tech - Developer Relations")
    text += "\n欢迎投递。\n"  # Han in the prose alone does not make the posting Chinese
    assert posting_pay(linter, text, "markdown") == [("range", 25_000, 45_000, None, "year")]


def test_a_japanese_posting_is_not_read_as_chinese(linter: RuleEngine) -> None:
    text = CHINESE_TITLED.replace("全栈开发", "全栈开发 エンジニア")
    assert posting_pay(linter, text, "markdown") == [("range", 25_000, 45_000, None, "year")]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ("salary_min: '142,701'\nsalary_max: '170,800'\n", [("range", 142_701, 170_800, None, "year")]),
        ("salary_min: 31\nsalary_max: 38\n", [("range", 31, 38, None, None)]),  # too small to be yearly
        (
            "salary_min: 5000\nsalary_max: 6000\nsalary_period: month\n",
            [("range", 5_000, 6_000, None, "month")],
        ),
    ],
)
def test_front_matter_pay_without_a_period(linter: RuleEngine, fields: str, expected: list[Row]) -> None:
    """A salary-sized figure in front matter reads as yearly, as the same figure does in the prose."""
    text = f"---\ntitle: IT Specialist\n{fields}---\nBuild our pipelines.\n"
    assert posting_pay(linter, text, "markdown") == expected


# ---------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salário: R$ 8.000 a R$ 10.000", [("range", 8_000, 10_000, "BRL", None, "R$ 8.000 a R$ 10.000")]),
        (
            "Salario: de 30.000 a 40.000 € brutos anuales",
            [("range", 30_000, 40_000, "EUR", "year", "30.000 a 40.000 € brutos anuales")],
        ),
        (
            "Sueldo: $15,000 a $20,000 MXN mensuales",
            [("range", 15_000, 20_000, "MXN", "month", "$15,000 a $20,000 MXN mensuales")],
        ),
        ("Salary: $50,000 a year", [("single", 50_000, 50_000, "USD", "year", "$50,000 a year")]),
    ],
)
def test_spanish_and_portuguese_ranges(text: str, expected: list[tuple[object, ...]]) -> None:
    """'a' joins a range in Spanish and Portuguese; plural periods ('anuales', 'mensuales') are periods."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$120k–$150k base + equity", [("range", 120_000, 150_000, "USD", None, "$120k–$150k")]),
        (
            "Senior Engineer | Remote | $140,000 base + bonus",
            [("single", 140_000, 140_000, "USD", None, "$140,000")],
        ),
        ("The genome has 3 billion base pairs", []),
    ],
)
def test_a_figure_followed_by_base_is_base_pay(text: str, expected: list[tuple[object, ...]]) -> None:
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stundenlohn: 15,50 €", [("single", 15.5, 15.5, "EUR", "hour", "15,50 €")]),
        ("Bruttojahresgehalt: 60.000 €", [("single", 60_000, 60_000, "EUR", "year", "60.000 €")]),
        (
            "dass das Bruttomonatsgehalt bei EUR 3.954,00 (14x jährlich) beginnt",
            [("single", 3954, 3954, "EUR", "month", "EUR 3.954,00")],
        ),
        (
            "Een bruto maandsalaris, in schaal 14, tussen € 3.712,- en € 5.303,- op basis van 36 uur",
            [("range", 3712, 5303, "EUR", "month", "€ 3.712,- en € 5.303,-")],
        ),
        (
            "Lön: mellan 40 000 och 50 000 kr per månad",
            [("range", 40_000, 50_000, None, "month", "40 000 och 50 000 kr per månad")],
        ),
    ],
)
def test_german_dutch_and_swedish_compounds_and_ranges(text: str, expected: list[tuple[object, ...]]) -> None:
    """Pay nouns compounded with a period or 'brutto' are pay words; 'tussen … en', 'mellan … och' join a range."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年収: 600万円〜800万円", [("range", 6_000_000, 8_000_000, "JPY", "year", "600万円〜800万円")]),
        ("月給 30万円以上", [("from", 300_000, None, "JPY", "month", "30万円")]),
        ("時給 1,500円", [("single", 1500, 1500, "JPY", "hour", "1,500円")]),
        ("Salary: 6-9 million yen", [("range", 6_000_000, 9_000_000, "JPY", None, "6-9 million yen")]),
    ],
)
def test_japanese_pay(text: str, expected: list[tuple[object, ...]]) -> None:
    """円 and 'yen' are the yen; 年収, 月給, 時給 and 日給 are pay words that give the period."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("CTC: 8,00,000 - 12,00,000", [("range", 800_000, 1_200_000, "INR", "year")]),
        ("Salary: ₹6,50,000", [("single", 650_000, 650_000, "INR", "year")]),
        ("Salary: ₹25,000 - ₹50,000", [("range", 25_000, 50_000, "INR", None)]),  # a monthly figure, unsaid
        ("Salary: 450,000 per annum", [("single", 450_000, 450_000, "INR", "year")]),  # the currency of India
    ],
)
def test_indian_pay_in_lakh_grouping(linter: RuleEngine, line: str, expected: list[Row]) -> None:
    """The lakh grouping is Indian rupees, and a figure of two lakh or more with no period is yearly CTC."""
    assert posting_pay(linter, f"Java Developer\nPune, India\n\n{line}\nNotice period: 30 days\n") == expected


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Policy Analyst\nToronto, Ontario, Canada\n\nSalary range: $75,000 - $95,000 per year\n", "CAD"),
        ("Customer Service Representative\nHalifax, Nova Scotia\n\nPay: $32/hour\n", "CAD"),
        ("Data Scientist\nMelbourne VIC\n\nSalary: $110,000 - $130,000\n", "AUD"),
        (
            "## Compensation\n$66,995 - $72,183\n\nJoin the Canadian Digital Service of the Government of Canada.\n",
            "CAD",
        ),
        ("Policy Analyst\nToronto, Ontario, Canada\n\nSalary: US$75,000 - US$95,000 per year\n", "USD"),
    ],
)
def test_a_bare_dollar_follows_the_posting_country(linter: RuleEngine, text: str, currency: str) -> None:
    """Read from the place, or from a national government employer where no place is named."""
    assert [row[3] for row in posting_pay(linter, text, "markdown")] == [currency]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "dass das Bruttomonatsgehalt bei EUR 3.954,00 (14x jährlich) gemäß Kollektivvertrag beginnt, "
            "mit klarer Bereitschaft zur Überzahlung je nach Qualifikation.",
            [("from", 3954, None, "EUR", "month", "EUR 3.954,00")],
        ),
        (
            "Das Jahresbruttogehalt beträgt mindestens EUR 50.000.",
            [("from", 50_000, None, "EUR", "year", "EUR 50.000")],
        ),
        ("Monatsbruttogehalt ab 3.500 €", [("from", 3500, None, "EUR", "month", "3.500 €")]),
    ],
)
def test_an_austrian_minimum_is_a_lower_bound(text: str, expected: list[tuple[object, ...]]) -> None:
    """Austria requires the collective-agreement minimum in the posting, with the offer to pay more."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£40,000 - £45,000 pro rata (FTE)", [("range", 40_000, 45_000, "GBP", None, "£40,000 - £45,000")]),
        ("We will pro rata your leave. Team of 40.", []),
    ],
)
def test_a_pro_rata_salary_is_pay(text: str, expected: list[tuple[object, ...]]) -> None:
    """British part-time posts give the full-time salary 'pro rata', with no other pay word."""
    got = [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text) if m.kind != "vague"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sr Software Developer\nDenver, CO\n\nYear 1 Total Compensation (base + commissions) Range: 110K-130K\n",
            [("range", 110_000, 130_000, "USD", "year")],
        ),
        (
            "Entwickler (m/w/d)\nBerlin\n\nGehalt: 60.000 - 75.000 brutto im Jahr\n",
            [("range", 60_000, 75_000, "EUR", "year")],
        ),
        (
            "Backend Engineer\nRemote (US or Canada)\n\nSalary: 110K-130K\n",
            [("range", 110_000, 130_000, None, "year")],
        ),
    ],
)
def test_pay_with_no_currency_is_in_the_posting_country(linter: RuleEngine, text: str, expected: list[Row]) -> None:
    """Where every place of the posting lies in one country, a figure that names no currency is in its currency;
    a posting open to two countries leaves it unread."""
    assert posting_pay(linter, text) == expected


def test_an_implied_currency_is_marked_and_asks_no_period(linter: RuleEngine) -> None:
    facts = linter.facts(parse("Clerk\nDenver, CO\n\nSalary: 3,500 - 4,000\n", "text", "posting"))
    amounts = [p for p in facts.pay if p.is_amount]
    assert [(p.currency, p.currency_implied, p.period) for p in amounts] == [("USD", True, None)]
    # A bare figure is still not recognisably money to the period rule.
    assert "pay/period" not in {v.rule for v in linter.lint_document(parse(facts.doc.text, "text", "posting"))}


@pytest.mark.parametrize(
    "text",
    [
        "Annual Leave Redemption - redeem up to 100 hours of Annual Leave per year (Management Resolution, § 1205).",
        "Salary: see §1205 of the county code",
    ],
)
def test_a_section_number_is_not_pay(text: str) -> None:
    assert [m for m in find_pay(text) if m.kind != "vague"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Boards mark their header fields with emoji and symbols: they are markup, as a bullet is.
        ("🌏 Worldwide · 💰 $90k – $130k · Full-time", [("range", 90_000, 130_000, "USD", "year")]),
        ("💵 $60,000 - $70,000", [("range", 60_000, 70_000, "USD", "year")]),
        ("★ $60,000 - $70,000", [("range", 60_000, 70_000, "USD", "year")]),
    ],
)
def test_a_range_marked_by_an_emoji_stands_alone(linter: RuleEngine, text: str, expected: list[Row]) -> None:
    assert (
        posting_pay(linter, f"Frontend Engineer\n\n{text}\n\nWe build tools for open-source communities.\n") == expected
    )


def test_an_emoji_does_not_make_a_funding_round_pay(linter: RuleEngine) -> None:
    text = "Frontend Engineer\n\n🚀 $500k - $2M raised\n\nWe build tools for open-source communities.\n"
    assert posting_pay(linter, text) == []
