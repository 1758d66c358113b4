"""The pay parser: real formats from postings, the money that is not pay, vague wording, and exact offsets."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.facts.pay import PayMention, find_pay

Row = tuple[str, float | None, float | None, str | None, str | None, str]  # kind, min, max, currency, period, text


def figures(text: str, pay_context: bool = False) -> list[Row]:
    """The non-vague mentions as comparable tuples, after checking that each one's offsets are exact."""
    out = []
    for m in find_pay(text, pay_context=pay_context):
        assert text[m.start : m.end] == m.text, m
        if m.kind != "vague":
            out.append((m.kind, m.minimum, m.maximum, m.currency, m.period, m.text))
    return out


def vague(text: str, pay_context: bool = False) -> list[str]:
    return [m.text for m in find_pay(text, pay_context=pay_context) if m.kind == "vague"]


# ---------------------------------------------------------------- formats seen in real postings

REAL_FORMATS: list[tuple[str, bool, list[Row]]] = [
    ("€5,000-€6,000 per month", False, [("range", 5000, 6000, "EUR", "month", "€5,000-€6,000 per month")]),
    (
        "EUR 60,000 - EUR 85,000 yearly",
        False,
        [("range", 60000, 85000, "EUR", "year", "EUR 60,000 - EUR 85,000 yearly")],
    ),
    (
        "€61,200–€100,100 EUR annually",
        False,
        [("range", 61200, 100100, "EUR", "year", "€61,200–€100,100 EUR annually")],
    ),
    ("EUR 6.5 – 7.5k", True, [("range", 6500, 7500, "EUR", None, "EUR 6.5 – 7.5k")]),
    ("Salary: EUR 6.5 – 7.5k depending on experience", False, [("range", 6500, 7500, "EUR", None, "EUR 6.5 – 7.5k")]),
    ("€70K – €140K • Offers Equity", True, [("range", 70000, 140000, "EUR", None, "€70K – €140K")]),
    (
        "Compensation: €70K – €140K • Offers Equity • Offers Bonus",
        False,
        [("range", 70000, 140000, "EUR", None, "€70K – €140K")],
    ),
    (
        "Salary Range: €90,100—€121,900 EUR (annual gross)",
        False,
        [("range", 90100, 121900, "EUR", "year", "€90,100—€121,900 EUR")],
    ),
    (
        "£65,000 – £100,000 annually + 0.1% – 0.3% equity",
        False,
        [("range", 65000, 100000, "GBP", "year", "£65,000 – £100,000 annually")],
    ),
    (
        "UK: £110,000 to £140,000 | Spain: €100,000 - €125,000",
        True,
        [
            ("range", 110000, 140000, "GBP", None, "£110,000 to £140,000"),
            ("range", 100000, 125000, "EUR", None, "€100,000 - €125,000"),
        ],
    ),
    ("$5,500 - $7,200 USD monthly", False, [("range", 5500, 7200, "USD", "month", "$5,500 - $7,200 USD monthly")]),
    (
        "Salary: $48,722.00 - $66,276.00 YEAR",
        False,
        [("range", 48722, 66276, "USD", "year", "$48,722.00 - $66,276.00 YEAR")],
    ),
    ("$21.30 – $35.59 Hourly", False, [("range", 21.30, 35.59, "USD", "hour", "$21.30 – $35.59 Hourly")]),
    ("$43.32 - $59.19 HOUR", False, [("range", 43.32, 59.19, "USD", "hour", "$43.32 - $59.19 HOUR")]),
    (
        "Base salary GS-15 - $134,789 to $164,200",
        False,
        [("range", 134789, 164200, "USD", None, "$134,789 to $164,200")],
    ),
    (
        "The salary range for this position is: GS-15 Step 1 $131,178 to GS-15 Step 10 $176,300",
        False,
        [("range", 131178, 176300, "USD", None, "$131,178 to GS-15 Step 10 $176,300")],
    ),
    (
        "The salary range for this position is GS-15, Step 1 - $128,078 to GS-15, Step 10 - $172,500.",
        False,
        [("range", 128078, 172500, "USD", None, "$128,078 to GS-15, Step 10 - $172,500")],
    ),
    (
        "Pay: ₹2,000,000.00 - ₹3,000,000.00 per year",
        False,
        [("range", 2_000_000, 3_000_000, "INR", "year", "₹2,000,000.00 - ₹3,000,000.00 per year")],
    ),
    (
        "₹30,000.00 - ₹50,000.00 per month",
        False,
        [("range", 30000, 50000, "INR", "month", "₹30,000.00 - ₹50,000.00 per month")],
    ),
    (
        "APS 6 - $84,150 - $95,543 per annum plus superannuation",
        False,
        [("range", 84150, 95543, "AUD", "year", "$84,150 - $95,543 per annum")],
    ),
    ("$59-$66 / per hour + Super", False, [("range", 59, 66, "AUD", "hour", "$59-$66 / per hour")]),
    ("15k-25k", True, [("range", 15000, 25000, None, None, "15k-25k")]),
    ("20K ~ 45K", True, [("range", 20000, 45000, None, None, "20K ~ 45K")]),
    ("25-50K·15薪", False, [("range", 25000, 50000, None, "month", "25-50K")]),
    ("年薪15W-35W", False, [("range", 150000, 350000, None, "year", "15W-35W")]),
    (
        "The current salary range isÂ $74,375 â $95,390 annually",
        False,
        [("range", 74375, 95390, "USD", "year", "$74,375 â $95,390 annually")],
    ),
    ("CA$120,000–CA$140,000", True, [("range", 120000, 140000, "CAD", None, "CA$120,000–CA$140,000")]),
    (
        "between $80,000 and $95,000 per year",
        False,
        [("range", 80000, 95000, "USD", "year", "$80,000 and $95,000 per year")],
    ),
    ("120.000,00 €", True, [("single", 120000, 120000, "EUR", None, "120.000,00 €")]),
    ("CHF 120 000", True, [("single", 120000, 120000, "CHF", None, "CHF 120 000")]),
    ("SEK 45 000 per month", False, [("single", 45000, 45000, "SEK", "month", "SEK 45 000 per month")]),
    (
        "Salary: $110,092 p.a. – $118,412 p.a.",
        False,
        [("range", 110092, 118412, "USD", "year", "$110,092 p.a. – $118,412 p.a.")],
    ),
    (
        "Level 6 - $81,222 to $87,853 pa (plus 17% superannuation)",
        False,
        [("range", 81222, 87853, "AUD", "year", "$81,222 to $87,853 pa")],
    ),
    ("$89, 670 - $106,449 + 17% super", False, [("range", 89670, 106449, "AUD", None, "$89, 670 - $106,449")]),
    ("AU$700 - AU$800 per day", False, [("range", 700, 800, "AUD", "day", "AU$700 - AU$800 per day")]),
    ("Salary Range: $120423.0-$134872.0", False, [("range", 120423, 134872, "USD", None, "$120423.0-$134872.0")]),
    (
        "Salary: Up to ₹2,500,000.00 per year",
        False,
        [("up-to", None, 2_500_000, "INR", "year", "₹2,500,000.00 per year")],
    ),
    ("Salary: £85-125,000", False, [("range", 85000, 125000, "GBP", None, "£85-125,000")]),
    (
        "Base salary: £85-125k gross / year base",
        False,
        [("range", 85000, 125000, "GBP", "year", "£85-125k gross / year")],
    ),
    (
        "Salary: €4,653–€6,647 gross monthly (scale 16, 36 hours/week)",
        False,
        [("range", 4653, 6647, "EUR", "month", "€4,653–€6,647 gross monthly")],
    ),
    ("Salary: €3,500–€6,500/month (40 hours)", False, [("range", 3500, 6500, "EUR", "month", "€3,500–€6,500/month")]),
    (
        "Salary: €55,000-60,000 gross annually (includes base, variable, meal allowance)",
        False,
        [("range", 55000, 60000, "EUR", "year", "€55,000-60,000 gross annually")],
    ),
    (
        "Salaris indicatie: € 4.000 - € 6.000 per maand (full-time)",
        False,
        [("range", 4000, 6000, "EUR", "month", "€ 4.000 - € 6.000 per maand")],
    ),
    (
        "7.5 to 9 million JPY or more per annum",
        False,
        [("range", 7_500_000, 9_000_000, "JPY", "year", "7.5 to 9 million JPY or more per annum")],
    ),
    ("Rémunération selon profil entre 45k€ et 55k€", False, [("range", 45000, 55000, "EUR", None, "45k€ et 55k€")]),
    ("Rémunération : 51k€ /61k€", False, [("range", 51000, 61000, "EUR", None, "51k€ /61k€")]),
    (
        "Gross salary range is 2,400 - 3,500 EUR/month.",
        False,
        [("range", 2400, 3500, "EUR", "month", "2,400 - 3,500 EUR/month")],
    ),
    ("Salary : 15000-25000", False, [("range", 15000, 25000, None, None, "15000-25000")]),
    (
        "AFP BAND & SALARY - Band 05, 88,661.00 - 96,049.00",
        False,
        [("range", 88661, 96049, None, None, "88,661.00 - 96,049.00")],
    ),
    (
        "The compensation for this position ranges from $25.37 [Starting Wage] to $30.91 [Top Wage] per hour.",
        False,
        [("range", 25.37, 30.91, "USD", None, "$25.37 [Starting Wage] to $30.91")],
    ),
    ("Recruitment Range: $75,650 - $102,000", False, [("range", 75650, 102000, "USD", None, "$75,650 - $102,000")]),
    (
        "I understand that the recruitment range for this position is $59,752 - $82,159.",
        False,
        [("range", 59752, 82159, "USD", None, "$59,752 - $82,159")],
    ),
    ("Fourchette salariale : 40-50K€", False, [("range", 40000, 50000, "EUR", None, "40-50K€")]),
    (
        "Fourchette salariale : 60K/65K brut annuel",
        False,
        [("range", 60000, 65000, None, "year", "60K/65K brut annuel")],
    ),
    ("Banda salarial: 30.000 € - 36.000 €", False, [("range", 30000, 36000, "EUR", None, "30.000 € - 36.000 €")]),
    (
        "The hiring range is between $1,991.20 and $2,984.90 biweekly depending on qualifications.",
        False,
        [("range", 1991.20, 2984.90, "USD", "biweekly", "$1,991.20 and $2,984.90 biweekly")],
    ),
]


@pytest.mark.parametrize(("text", "pay_context", "expected"), REAL_FORMATS)
def test_real_formats(text: str, pay_context: bool, expected: list[Row]) -> None:
    assert figures(text, pay_context) == expected


# ---------------------------------------------------------------- Chinese postings

CHINESE: list[tuple[str, list[Row]]] = [
    ("薪资：15k-25k", [("range", 15000, 25000, None, "month", "15k-25k")]),
    ("专家前端开发工程师 35~60K", [("range", 35000, 60000, None, "month", "35~60K")]),  # no label needed
    ("测试工程师 7-15k*13薪【接口/自动化】", [("range", 7000, 15000, None, "month", "7-15k")]),
    ("薪资范围： 30K--60K *18月", [("range", 30000, 60000, None, "month", "30K--60K")]),
    ("💰 薪资范围：20K - 45K / 月", [("range", 20000, 45000, None, "month", "20K - 45K / 月")]),
    ("月薪1.5万", [("single", 15000, 15000, None, "month", "1.5万")]),
    ("年薪30万人民币", [("single", 300000, 300000, "CNY", "year", "30万人民币")]),  # 人民币 is no counted 人
    ("月薪 2-3万，日均 20 万单", [("range", 20000, 30000, None, "month", "2-3万")]),
    ("薪酬范围：总包 20w ~ 80W", [("range", 200000, 800000, None, "year", "20w ~ 80W")]),
    ("薪资待遇，本科8-15w/年", [("range", 80000, 150000, None, "year", "8-15w/年")]),
    ("薪资待遇：4000 —— 5000美元", [("range", 4000, 5000, "USD", None, "4000 —— 5000美元")]),
    ("💰薪资待遇：6000 —— 9000 （美元）视能力定", [("range", 6000, 9000, "USD", None, "6000 —— 9000")]),
    ("薪资日结500-800/天，特别优秀者可远程上班", [("range", 500, 800, None, "day", "500-800/天")]),
    ("时薪 200 元", [("single", 200, 200, "CNY", "hour", "200 元")]),
    ("月薪 ¥20,000", [("single", 20000, 20000, "CNY", "month", "¥20,000")]),  # ¥ in Chinese text is the yuan
    ("武汉/武昌区·1.6-2.5万元·3-5年", [("range", 16000, 25000, "CNY", None, "1.6-2.5万元")]),
    ("实习待遇税后到手5100+/月，双休", [("from", 5100, None, None, "month", "5100+/月")]),
    # A range in a currency straight after the job title is pay too, with no label.
    ("1.【产品经理x2】$3500-5000", [("range", 3500, 5000, "USD", None, "$3500-5000")]),
    ("前端工程师 ¥15000-25000", [("range", 15000, 25000, "CNY", None, "¥15000-25000")]),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_chinese_postings(text: str, expected: list[Row]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("40~90 万", [("range", 400000, 900000, None, None, "40~90 万")]),  # a space between figure and 万
        ("参考范围: 40 万-200 万", [("range", 400000, 2000000, None, None, "40 万-200 万")]),
        ("年薪 30 万", [("single", 300000, 300000, None, "year", "30 万")]),
    ],
)
def test_chinese_figures_spaced_from_their_unit(text: str, expected: list[Row]) -> None:
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25-50K", [("range", 25000, 50000, None, "month", "25-50K")]),
        ("13-18k * 15", [("range", 13000, 18000, None, "month", "13-18k")]),
        ("20-50K * 14M", [("range", 20000, 50000, None, "month", "20-50K")]),
        ("15w~35w", [("range", 150000, 350000, None, None, "15w~35w")]),
    ],
)
def test_a_line_of_a_chinese_posting_is_read_as_chinese(text: str, expected: list[Row]) -> None:
    """A salary on a line of its own has no Han character; the posting's language says how to read it."""
    assert [(m.kind, m.minimum, m.maximum, m.currency, m.period, m.text) for m in find_pay(text, chinese=True)] == (
        expected
    )
    assert figures(text) == []


def _posting_pay(text: str) -> list[tuple[float | None, float | None, str | None, str | None]]:
    from postlint.engine import builtin_gazetteer
    from postlint.facts.posting import PostingFacts
    from postlint.reader import parse

    facts = PostingFacts(parse(text, "markdown", "posting"), builtin_gazetteer(), {})
    return [(p.minimum, p.maximum, p.currency, p.period) for p in facts.pay if p.is_amount]


CHINESE_POSTING = (
    "# 前端开发工程师\n\n我们是一家做开发者工具的公司，团队在上海和杭州，欢迎有经验的同学加入我们一起做产品。\n\n"
    "## 岗位职责\n\n负责公司产品的前端开发，和设计师、后端同学一起把产品做好。\n\n"
)


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("## 薪酬范围\n\n9K-15K\n", [(9000, 15000, None, "month")]),  # the heading's pay word sits inside a longer one
        ("## AI应用工程师\n\n25-50K\n", [(25000, 50000, None, "month")]),  # after a job title, with no label
        ("## 福利待遇\n\n1500 房补，3 天年假\n", []),  # benefits: 待遇 after 福利 is no pay heading
        ("## 福利与待遇\n\n- 日餐标80-100元/人\n", []),
        # A label that states its own figure introduces no list of pay after it.
        (
            "薪资待遇：5000 — 8000美元\n\n1. 5年以上开发经验\n2. 管理过 2000-3000 台服务器\n",
            [(5000, 8000, "USD", None)],
        ),
    ],
)
def test_chinese_posting_pay_on_a_line_of_its_own(tail: str, expected: list[tuple[float, float, None, str]]) -> None:
    assert _posting_pay(CHINESE_POSTING + tail) == expected


@pytest.mark.parametrize(
    "text",
    [
        "简介：少儿编程赛道的独角兽，15薪，公司免费提供午餐和晚餐",  # 15 months of pay, not an amount
        "年龄不超过35周岁",
        "每月1.5k的租房补贴，加班打车免费",  # housing allowance
        "入职标配：2K 显示器 * 2",  # a 2K monitor
        "免费四餐：日餐标80-100元/人",  # a meal allowance: a range in currency below a thousand is no salary
        "我们完成了 $500-800 万美元融资",  # funding
        "公司已获得3000万元人民币的pre A轮投资",  # investment round
        "15 薪起 + 1500 房补 + 三餐包吃",
        "> 字节跳动校招内推码: 9WNTSDD",
        "- 异地房补 1200/月",  # housing allowance
        "非深圳本地实习生有¥2400/月房补",
        "- 阶段性激励机制（20K / 30K / 40K，按营收与客户数解锁）",  # incentive tiers, explained in brackets
        "有高并发系统开发经验（QPS 10W+）。",  # requests per second
        # Ten thousands of something counted: the noun follows 万 or w, or a metric word comes before.
        "日均 20-50 万单，峰值过万",
        "月活 100 万用户",
        "已服务 10-20 万家企业",
        "支持 1-2 万台设备",
        "比如给一个 10w+ 规模的公司发工资",
        "平台日均 20-50 万，峰值更高",
        "出站继续在粤工作者可获得40万安家费",  # a settling-in grant
    ],
)
def test_chinese_figures_that_are_not_pay(text: str) -> None:
    assert figures(text) == []
    assert figures(text, pay_context=True) == []


# ---------------------------------------------------------------- other positive forms

OTHER: list[tuple[str, bool, list[Row]]] = [
    ("$25/hour", False, [("single", 25, 25, "USD", "hour", "$25/hour")]),
    ("$80k a year", False, [("single", 80000, 80000, "USD", "year", "$80k a year")]),
    ("Pay: $25 per hour, 40 hours per week", False, [("single", 25, 25, "USD", "hour", "$25 per hour")]),
    ("Salary: up to $90k", False, [("up-to", None, 90000, "USD", None, "$90k")]),
    ("Salary from $50k", False, [("from", 50000, None, "USD", None, "$50k")]),
    ("starting at $50,000 per year", False, [("from", 50000, None, "USD", "year", "$50,000 per year")]),
    ("$20/hr and up", False, [("from", 20, None, "USD", "hour", "$20/hr")]),
    ("Salary: $50,000+", False, [("from", 50000, None, "USD", None, "$50,000+")]),
    ("We pay at least $22 an hour", False, [("from", 22, None, "USD", "hour", "$22 an hour")]),
    ("Salary: Starting from £50,000 plus benefits", False, [("from", 50000, None, "GBP", None, "£50,000")]),
    (
        "we offer you a gross monthly salary starting at EUR 4.000 on a full-time basis",
        False,
        [("from", 4000, None, "EUR", "month", "EUR 4.000")],
    ),
    (
        "Gehalt: 60.000 bis 70.000 € brutto/Jahr",
        False,
        [("range", 60000, 70000, "EUR", "year", "60.000 bis 70.000 € brutto/Jahr")],
    ),
    ("Gehalt ab 60.000 € brutto/Jahr", False, [("from", 60000, None, "EUR", "year", "60.000 € brutto/Jahr")]),
    (
        "Salaire : 45 000 € à 55 000 € par an",
        False,
        [("range", 45000, 55000, "EUR", "year", "45 000 € à 55 000 € par an")],
    ),
    ("Salario: 30.000 € al año", False, [("single", 30000, 30000, "EUR", "year", "30.000 € al año")]),
    ("Lön: 45 000 kr/mån", False, [("single", 45000, 45000, None, "month", "45 000 kr/mån")]),  # kr alone: no code
    ("Lön: 45 000 kr per month (SEK)", False, [("single", 45000, 45000, "SEK", "month", "45 000 kr per month")]),
    ("Salary: CHF 120'000 per year", False, [("single", 120000, 120000, "CHF", "year", "CHF 120'000 per year")]),
    ("Salary: 120\u202f000 € per year", False, [("single", 120000, 120000, "EUR", "year", "120\u202f000 € per year")]),
    ("Salary: 120\u00a0000 € per year", False, [("single", 120000, 120000, "EUR", "year", "120\u00a0000 € per year")]),
    ("Salary: US$90,000", False, [("single", 90000, 90000, "USD", None, "US$90,000")]),
    ("Salary: A$90,000 – A$100,000", False, [("range", 90000, 100000, "AUD", None, "A$90,000 – A$100,000")]),
    ("Salary: $100,000 (CAD)", False, [("single", 100000, 100000, "CAD", None, "$100,000")]),
    ("Salary: ¥6,000,000", False, [("single", 6_000_000, 6_000_000, "JPY", None, "¥6,000,000")]),
    ("Salary: Rs. 5,00,000 per annum", False, [("single", 500_000, 500_000, "INR", "year", "Rs. 5,00,000 per annum")]),
    ("Salary: 12-15 LPA", False, [("range", 1_200_000, 1_500_000, "INR", "year", "12-15 LPA")]),
    ("Compensation: Upto 12lpa", False, [("up-to", None, 1_200_000, "INR", "year", "12lpa")]),
    ("Pay Scale : 4.8 Lac – 13.0 Lac", False, [("range", 480_000, 1_300_000, "INR", "year", "4.8 Lac – 13.0 Lac")]),
    (
        "Package: INR 8 to 12 Lakhs p.a.",
        False,
        [("range", 800_000, 1_200_000, "INR", "year", "INR 8 to 12 Lakhs p.a.")],
    ),
    ("Salary: 7 Lac To 15 Lac P.A.", False, [("range", 700_000, 1_500_000, "INR", "year", "7 Lac To 15 Lac P.A.")]),
    ("CTC: 10 LPA", False, [("single", 1_000_000, 1_000_000, "INR", "year", "10 LPA")]),
    ("Salary: $50,000 To $60,000", False, [("range", 50000, 60000, "USD", None, "$50,000 To $60,000")]),
    ("Paying up to £65k + bonus", False, [("up-to", None, 65000, "GBP", None, "£65k")]),
    ("Salary: Up to 48K€ + 5K€ variable", False, [("up-to", None, 48000, "EUR", None, "48K€")]),
    ("Max Salary: $85,101", False, [("up-to", None, 85101, "USD", None, "$85,101")]),
    (
        "Salary: $131,178 to $176,300. The maximum salary available for the GS pay system is $183,500.",
        False,
        [("range", 131178, 176300, "USD", None, "$131,178 to $176,300")],
    ),
    (
        "the budgeted salary for this position is limited to $83,232.",
        False,
        [("up-to", None, 83232, "USD", None, "$83,232")],
    ),
    ("Hiring Range - Min.: $114,933.00", False, [("from", 114933, None, "USD", None, "$114,933.00")]),
    ("Salary $120k including bonus", False, [("single", 120000, 120000, "USD", None, "$120k")]),
    ("Salary: $100,000 + $10,000 signing bonus", False, [("single", 100000, 100000, "USD", None, "$100,000")]),
    ("Annual Salary Range: €45,000 – €70,000", False, [("range", 45000, 70000, "EUR", "year", "€45,000 – €70,000")]),
    (
        "Salary: $99,999.99 - $99,999.99 YEAR",
        False,
        [("range", 99999.99, 99999.99, "USD", "year", "$99,999.99 - $99,999.99 YEAR")],
    ),
    (
        "Salary: $2,000 - $3,000 semi-monthly",
        False,
        [("range", 2000, 3000, "USD", "semimonth", "$2,000 - $3,000 semi-monthly")],
    ),
    ("Salary: $1,200 every two weeks", False, [("single", 1200, 1200, "USD", "biweekly", "$1,200 every two weeks")]),
    ("Day rate: £500 per day", False, [("single", 500, 500, "GBP", "day", "£500 per day")]),
    ("Salary: $900 weekly", False, [("single", 900, 900, "USD", "week", "$900 weekly")]),
    (
        "ANTICIPATED HIRING RATE: $90,105.60 - $123,115.20 Annually",
        False,
        [("range", 90105.60, 123115.20, "USD", "year", "$90,105.60 - $123,115.20 Annually")],
    ),
    ("Per diem: $150 per diem", False, [("single", 150, 150, "USD", "day", "$150 per diem")]),
    ("Salary: kr 45 000 per month", False, [("single", 45000, 45000, None, "month", "kr 45 000 per month")]),
    (
        "Salary: INR 12,00,000 per year",
        False,
        [("single", 1_200_000, 1_200_000, "INR", "year", "INR 12,00,000 per year")],
    ),
    ("Salary: 900,- € per month", False, [("single", 900, 900, "EUR", "month", "900,- € per month")]),
    ("Salary: EUR6.5k per month", False, [("single", 6500, 6500, "EUR", "month", "EUR6.5k per month")]),
    ("Salary: 60.000 € - 70.000 €", False, [("range", 60000, 70000, "EUR", None, "60.000 € - 70.000 €")]),
    # A range written high to low is still one range when both ends are money and close ...
    ("Salary: $90,000 - $80,000", False, [("range", 80000, 90000, "USD", None, "$90,000 - $80,000")]),
    (
        "Salary: €60.000 - €45.000 per year",
        False,
        [("range", 45000, 60000, "EUR", "year", "€60.000 - €45.000 per year")],
    ),
    # ... but not when they are far apart.
    (
        "Salary: $90,000 - $10,000",
        False,
        [("single", 90000, 90000, "USD", None, "$90,000"), ("single", 10000, 10000, "USD", None, "$10,000")],
    ),
]


@pytest.mark.parametrize(("text", "pay_context", "expected"), OTHER)
def test_other_forms(text: str, pay_context: bool, expected: list[Row]) -> None:
    assert figures(text, pay_context) == expected


def test_a_bare_amount_needs_pay_context() -> None:
    assert figures("Our last projects were $120,000 - $140,000 each") == []
    assert figures("$120,000 - $140,000") == [("range", 120000, 140000, "USD", None, "$120,000 - $140,000")]  # alone
    assert figures("$120,000 - $140,000", pay_context=True) == [
        ("range", 120000, 140000, "USD", None, "$120,000 - $140,000")
    ]
    assert figures("120,000 - 140,000", pay_context=True) == [
        ("range", 120000, 140000, None, None, "120,000 - 140,000")
    ]
    assert figures("15k-25k") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$66,995 - $72,183", [("range", 66995, 72183, "USD", None, "$66,995 - $72,183")]),
        ("$100,000- $75,000", [("range", 75000, 100000, "USD", None, "$100,000- $75,000")]),
        ("**€80K – €100K**", [("range", 80000, 100000, "EUR", None, "€80K – €100K")]),
        ("€53.900 — €72.900 EUR", [("range", 53900, 72900, "EUR", None, "€53.900 — €72.900 EUR")]),
        (
            "Analytics Engineer | London/Hybrid | £85,000 - £90,000",
            [("range", 85000, 90000, "GBP", None, "£85,000 - £90,000")],
        ),
        ("$25 - $35", []),  # too small to be a salary on its own
        ("120,000 - 140,000", []),  # no currency: could count anything
        ("- $500k - $1M", []),  # a deal size or budget band sooner than a salary
        ("Budget: $2,000 - $4,000", []),
        ("Deals of $20,000 - $50,000", []),
    ],
)
def test_a_range_in_a_currency_standing_alone_is_pay(text: str, expected: list[Row]) -> None:
    """Job boards set the salary apart on its own line or field, with no label."""
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("## Fullstack Engineer 25-45k", [("range", 25000, 45000, None, None, "25-45k")]),
        (
            "## Developer Relations-Remote （intern/full-time）15-30k",
            [("range", 15000, 30000, None, None, "15-30k")],
        ),
        ("Data Analyst (Remote) | 60-75k", [("range", 60000, 75000, None, None, "60-75k")]),
        ("1. Senior Backend Engineer - 120-150k", [("range", 120000, 150000, None, None, "120-150k")]),
        ("Engineers handle 10-20k", []),  # a verb after the role: a sentence, not a title
        ("Senior Engineer 10-20k lines of code", []),  # the range counts the words after it
        ("Lead 25-45k users", []),
        ("We scaled from 10-20k", []),  # no job named
    ],
)
def test_a_range_in_thousands_after_a_job_title_is_pay(text: str, expected: list[Row]) -> None:
    """Hiring threads put the pay straight after the job title, as in "## Fullstack Engineer 25-45k"."""
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Compensation\n$35,500 to $38,500 (potentially higher based on work experience)",
            [("range", 35500, 38500, "USD", None, "$35,500 to $38,500")],
        ),
        (
            "**Base Salary**\n$90,000 – $110,000 depending on level",
            [("range", 90000, 110000, "USD", None, "$90,000 – $110,000")],
        ),
        ("Our offices\n$35,500 to $38,500 (potentially higher)", []),  # not a pay label
        ("Compensation and Benefits\nA team of 30 people in 2,000 offices", []),  # no money under it
    ],
)
def test_a_pay_label_on_the_line_before(text: str, expected: list[Row]) -> None:
    """Scraped text keeps a label and its value as two lines of one paragraph."""
    assert figures(text) == expected


def test_a_period_attached_to_money_is_pay_context() -> None:
    assert figures("$25/hr") == [("single", 25, 25, "USD", "hour", "$25/hr")]
    assert figures("£3,000 p.m.") == [("single", 3000, 3000, "GBP", "month", "£3,000 p.m.")]


# ---------------------------------------------------------------- money and numbers that are not pay

NOT_PAY = [
    "We raised $50M in our Series B.",
    "We raised $20M and pay competitive salaries",
    "Backed by $20 million in funding from top investors, we pay well.",
    "Our $75M Series B closed in late 2025; salaries are reviewed yearly.",
    "We are a high-growth scale-up backed by €43M in total funding",
    "The company has $2B in annual revenue and pays a salary above market.",
    "We grew ARR to $30M last year.",
    "The platform processes $1.5 billion in GMV per year.",
    "Our valuation reached $1.2B this year; competitive pay.",
    "The team generated $5M in sales last quarter.",
    "Macquarie, managing in excess of A$40bn in assets under management",
    "Amaris Consulting, an €800M global organization",
    "$1,000 learning budget",
    "$500 home office stipend",
    "€750 annual training budget for personal development",
    "Wellness allowance of $100 per month",
    "Food allowance up to €115 net monthly",
    "- €45 monthly internet stipend",
    "$5,000 signing bonus",
    "Referral bonus of $2,000 per hire",
    "Relocation bonus: $10,000",
    "4% 401(k) match",
    "401k with 4% match, paid out with your salary",
    "Equity: 0.1% - 0.3% of the company",
    "We have 500 employees and pay well.",
    "A team of 30 engineers, paid fairly.",
    "Founded in 2024, we pay salaries monthly.",
    "Since 1998 we have paid our staff well.",
    "FY2025 salary review is complete.",
    "Call (555) 123-4567 about the salary.",
    "Call 555-123-4567 to discuss pay.",
    "Salary questions: +44 20 7946 0958",
    "Requires Python 3.10 and pays well",
    "Version 1.2.3 of the pay tool",
    "Plans from $9.99/month for every team.",
    "Our subscription costs $49 per month.",
    "Base salary GS-13",
    "Pay grade GS-13 step 4",
    "Pay Grade: 8629",
    "Salary increases after 1,040 hours of work.",
    "More than 250,000 companies use Mollie to get paid.",
    "Cybercrime is costing the world >$10 trillion annually and growing by 15% p.a.",
    "Bilingual Pay Premium: eligible for a bilingual pay premium of $2.00 per hour.",
    "A first-time hire is eligible for $10,000 in financial incentive payments!",
    "There is a base in-network deductible of $1,500/person, $4,500/family.",
    "The County contributes $1,000 of the monthly premiums for the insurance plan.",
    "THE TOTAL LIABILITY OF NEOGOV, EXCEPT FOR GROSS NEGLIGENCE, SHALL NOT EXCEED ONE HUNDRED ($100.00) U.S. DOLLARS.",
    "£1,200/€1,200 annual home office budget.",
    "Een netto internetvergoeding van € 45,- per maand (€ 540,- per jaar).",
    "Ayuda alimentaria de 11 euros al día que podrás recibir en ticket restaurante.",
    "Must be able to lift up to 50 pounds; salary is competitive.",
    "Office hours 8:00am-4:30pm, pay is biweekly.",
    "Closing date 01/21/2026; salary per the pay plan.",
    "Salary increases 3% per year.",
    "A 15% bonus on top of the salary.",
    "Mrs. 5 of our staff are paid well",
    "$50 per diem for meals while travelling, on top of salary",
    "Employees age 50 or older may contribute to their plan, up to $24,000.",
    "Life insurance of one times the annual salary (no greater than $70,000).",
    "The salary range for this position is: GS-{{ page.gs_level }} Step 10 ${{ page.salary_max }}",
    # The cap of a whole pay system bounds every job under it; it is not this job's pay.
    "Please note the maximum salary available for the GS pay system is $183,500",
    "Please note the maximum salary available for the GS pay system is   $183,500  ",  # bold markup as spaces
    "Please note the maximum salary available\nfor the GS pay system is $183,500. For specific details on locality pay",
    "Pay is capped by the statutory limit of $191,900 for the General Schedule.",
    "The maximum pay under the Executive Schedule is $246,400.",
]


@pytest.mark.parametrize("text", NOT_PAY)
def test_money_that_is_not_pay(text: str) -> None:
    assert figures(text) == []
    assert figures(text.upper() if text.isascii() else text) == []


@pytest.mark.parametrize(
    "text",
    [
        "$1,000 learning budget",
        "$500 home office stipend",
        "$5,000 signing bonus",
        "$200/month Quality of Life perk",  # a perk paid by the month is no wage
        "4% 401(k) match",
        "GS-13",
        "2024",
        # Numbers that name, under a heading that may stand over a whole scraped posting.
        "Job Number: 23-03400",  # a leading zero
        "Division of Human Resource Management, First Floor Carson City, Nevada 89701-4204",  # ZIP+4
        "Southern Nevada 7251 Amigo St, Suite 120 Las Vegas, NV 89119",  # a street number and a ZIP code
    ],
)
def test_not_pay_even_under_a_pay_heading(text: str) -> None:
    assert figures(text, pay_context=True) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("65000", [("single", 65000, 65000, None, None, "65000")]),
        ("85,000 depending on experience", [("single", 85000, 85000, None, None, "85,000")]),
        ("120,000 - 140,000", [("range", 120000, 140000, None, None, "120,000 - 140,000")]),
    ],
)
def test_a_bare_figure_under_a_pay_heading_with_only_a_qualifier_after_it(text: str, expected: list[Row]) -> None:
    assert figures(text, pay_context=True) == expected


def test_funding_next_to_pay_words_leaves_only_the_vague_phrase() -> None:
    found = find_pay("We raised $20M and pay competitive salaries")
    assert [(m.kind, m.text) for m in found] == [("vague", "competitive salaries")]


def test_equity_percentages_are_not_pay() -> None:
    assert figures("£65,000 – £100,000 annually + 0.1% – 0.3% equity") == [
        ("range", 65000, 100000, "GBP", "year", "£65,000 – £100,000 annually")
    ]


# ---------------------------------------------------------------- vague pay

VAGUE = [
    ("Competitive salary", False, ["Competitive salary"]),
    ("We offer a competitive compensation package and equity", False, ["competitive compensation package"]),
    ("Salary: Competitive", False, ["Salary: Competitive"]),
    ("Salary DOE", False, ["Salary DOE"]),
    ("Salary: Negotiable", False, ["Salary: Negotiable"]),
    ("Salary: TBD", False, ["Salary: TBD"]),
    ("Salary: Depends on Qualifications", False, ["Salary: Depends on Qualifications"]),
    ("Salary is commensurate with experience.", False, ["Salary is commensurate with experience"]),
    ("Pay is DOQ", False, ["Pay is DOQ"]),
    ("An attractive Base Salary", False, ["attractive Base Salary"]),
    ("Highly competitive package as well as benefits.", False, ["Highly competitive package"]),
    ("Market-rate salary and stock", False, ["Market-rate salary"]),
    ("Competitive", True, ["Competitive"]),
    ("Depending on experience", True, ["Depending on experience"]),
    ("Un salaire attractif, évolutif selon ton expérience.", False, ["salaire attractif"]),
    ("Wir bieten ein attraktives Gehalt.", False, ["attraktives Gehalt"]),
    ("薪资面议", False, ["薪资面议"]),
    ("有竞争力的薪酬和福利待遇。", False, ["有竞争力的薪酬"]),
    ("薪资可谈", True, ["可谈"]),
    ("3.丰厚薪资：有年终奖", False, ["丰厚薪资"]),  # generous pay, no figure
    ("我们给员工配备丰厚的薪水、年终奖", False, ["丰厚的薪水"]),
    ("SP待遇丰厚", False, ["待遇丰厚"]),
    ('Salary: "Negotiable"', False, ["Negotiable"]),
    ("Rate is DOE", False, ["DOE"]),
]


@pytest.mark.parametrize(("text", "pay_context", "expected"), VAGUE)
def test_vague_pay(text: str, pay_context: bool, expected: list[str]) -> None:
    assert vague(text, pay_context) == expected
    assert figures(text, pay_context) == []


@pytest.mark.parametrize(
    "text",
    [
        "a competitive market",
        "Join our competitive team",
        "We are competitive.",
        "Competitive Family Leave Package: paid time off for dependents",
        "We offer an attractive relocation package",
        "A comprehensive and competitive benefits package",
        "Salary: In some cases, the starting salary may be non-negotiable.",
        "Hours are negotiable.",
        "The U.S. DOE funds this program.",
        "Start date: TBD",
        "还有丰厚的期权",  # generous options, not pay
        "工资高、福利丰厚",  # generous benefits
        # An acronym spelled out in the same block is the agency, wherever else it appears in the sentence.
        "The Department of Energy (DOE) prohibits DOE employees from participation in these programs.",
        'Please note that "negotiable" is neither salary nor requirements.',  # the word is talked about
    ],
)
def test_not_vague_pay(text: str) -> None:
    assert vague(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "- Full Time telework is negotiable after the selection",  # the subject is telework
        "Start date is negotiable",
        "- 薪资结构：16薪，部分核心员工可谈期权",  # negotiable options
        "The Department of Energy (DOE) prohibits DOE employees from participation.",
    ],
)
def test_not_vague_pay_even_under_a_pay_heading(text: str) -> None:
    assert vague(text, pay_context=True) == []


def test_negotiable_equity_is_not_vague_pay_even_under_a_pay_heading() -> None:
    assert vague("达到一定级别股权可谈", pay_context=True) == []


def test_a_vague_qualifier_next_to_a_figure_is_not_reported_separately() -> None:
    found = find_pay("Salary: €90,000 - €110,000 depending on experience")
    assert [m.kind for m in found] == ["range"]


# ---------------------------------------------------------------- offsets and robustness


def test_offsets_survive_markup_replaced_by_spaces() -> None:
    text = "  Salary:    $85,000 – $95,000  per year  "
    (m,) = find_pay(text)
    assert (m.start, m.end) == (13, text.index("year") + 4)
    assert text[m.start : m.end] == m.text == "$85,000 – $95,000  per year"


def test_mentions_are_in_order_and_do_not_overlap() -> None:
    text = "Salary: competitive. UK: £110,000 to £140,000 per year | Spain: €100,000 - €125,000 per year. Salary DOE."
    found = find_pay(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_no_digits_and_no_vague_words_is_empty() -> None:
    assert find_pay("We build tools for teams who care about craft.") == []
    assert find_pay("") == []


def test_returns_frozen_mentions() -> None:
    (m,) = find_pay("$25/hour")
    assert isinstance(m, PayMention)
    with pytest.raises(AttributeError):
        m.start = 3  # type: ignore[misc]


PIECES = st.sampled_from(
    [
        "$",
        "€",
        "£",
        "¥",
        "₹",
        "kr",
        "USD",
        "EUR",
        "k",
        "K",
        "M",
        "W",
        "万",
        "元",
        "薪",
        "月",
        "年",
        "-",
        "–",
        "—",
        "~",
        " to ",
        " and ",
        "between ",
        "up to ",
        "from ",
        "+",
        "%",
        "/",
        "/hr",
        " per year",
        " an hour",
        " YEAR",
        " p.a.",
        "(",
        ")",
        "[",
        "]",
        ",",
        ".",
        ":",
        " ",
        "\u00a0",
        "\u202f",
        "Â",
        "â",
        "salary",
        "Salary: ",
        "pay",
        "competitive",
        "DOE",
        "raised",
        "budget",
        "GS-",
        "Step ",
        "401(k)",
        "\n",
    ]
)
NUMBERS = st.integers(min_value=0, max_value=10_000_000).map(str) | st.sampled_from(
    ["1,000", "120,000.00", "120.000,00", "120 000", "6.5", "20,00,000", "2024", "0"]
)
TEXTS = st.lists(PIECES | NUMBERS, max_size=30).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.booleans())
def test_offsets_are_exact_for_any_text(text: str, pay_context: bool) -> None:
    for m in find_pay(text, pay_context=pay_context):
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.kind in {"range", "single", "up-to", "from", "vague"}
        if m.kind == "range":
            assert m.minimum is not None and m.maximum is not None and m.minimum <= m.maximum
        if m.kind == "single":
            assert m.minimum == m.maximum is not None
        if m.kind == "up-to":
            assert m.minimum is None and m.maximum is not None
        if m.kind == "from":
            assert m.maximum is None and m.minimum is not None
        if m.kind == "vague":
            assert m.minimum is None and m.maximum is None and m.currency is None and m.period is None
