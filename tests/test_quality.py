"""The grown `quality` pack: readability, sentence length, requirement lists, missing sections, employment
type, duplicates and closing dates; with the text statistics and date reading they rest on."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from conftest import lint

from postlint.facts.dates import as_dates, find_dates
from postlint.textstats import reading_grade, sentence_spans, syllables

# Syllables as dictionaries give them; the estimate may be off by one on a few words.
SYLLABLES = {
    "cat": 1, "the": 1, "job": 1, "team": 1, "skills": 1, "looked": 1, "shipped": 1, "makes": 1, "code": 1,
    "data": 2, "people": 2, "python": 2, "water": 2, "little": 2, "often": 2, "coffee": 2, "working": 2,
    "engineer": 3, "customer": 3, "analyst": 3, "benefits": 3, "company": 3, "beautiful": 3, "dashboard": 2,
    "experience": 4, "responsible": 4, "technical": 3, "manager": 3, "development": 4, "opportunity": 5,
    "organization": 5, "university": 5, "communication": 5, "responsibilities": 6, "availability": 6,
    "qualifications": 5, "environment": 4, "collaborative": 5, "analytical": 4, "requirements": 4,
}  # fmt: skip


def test_syllable_estimate_is_close() -> None:
    exact = sum(1 for word, n in SYLLABLES.items() if syllables(word) == n)
    assert all(abs(syllables(word) - n) <= 1 for word, n in SYLLABLES.items())
    assert exact / len(SYLLABLES) >= 0.85


def test_reading_grade_of_known_texts() -> None:
    assert reading_grade("The cat sat on the mat. We like it.") < 3
    assert 8 < reading_grade("You will build the weekly pricing reports that our category managers rely on.") < 14


def test_sentences_end_at_stops_blank_lines_and_list_lines() -> None:
    text = "Hello there. This is a\nwrapped sentence.\nNEXT LINE HEADING\n- bullet one\n\nÉcole fermée. 2024 was good."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Hello there.",
        "This is a\nwrapped sentence.",
        "NEXT LINE HEADING",
        "- bullet one",
        "École fermée.",
        "2024 was good.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # Scraped text that lost its line breaks after full stops, headings and list items.
        ("Benefit options.Social Security applies.", ["Benefit options.", "Social Security applies."]),
        (
            "The rates are as follows:Vacation accrues monthly.",
            ["The rates are as follows:", "Vacation accrues monthly."],
        ),
        ("Status (see below).Alamance County pays.", ["Status (see below).", "Alamance County pays."]),
        ("Sign upYou'll hear from us", ["Sign up", "You'll hear from us"]),
        # Flattened tables: cells parted by pipes or runs of tabs.
        ("Coming Soon! |\n| HR Director | County |", ["Coming Soon!", "HR Director |", "County |"]),
        ("Holidays\t\t\tNew Year's Day\t\tLabor Day", ["Holidays", "New Year's Day", "Labor Day"]),
        # Not breaks: abbreviations, initials, decimals, file names, domains, brand names.
        ("Use e.g.Python or the U.S.Army or Mr.Smith here.", ["Use e.g.Python or the U.S.Army or Mr.Smith here."]),
        (
            "Version 2.5 of Node.js at StudentAid.Gov and NextGen.Net works.",
            ["Version 2.5 of Node.js at StudentAid.Gov and NextGen.Net works."],
        ),
        (
            "Know JavaScript, PowerPoint, LinkedIn, iPhone and macOS well.",
            ["Know JavaScript, PowerPoint, LinkedIn, iPhone and macOS well."],
        ),
        ("See a.Big deal", ["See a.Big deal"]),
    ],
)
def test_sentences_end_where_scraped_text_lost_its_breaks(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_spans(text)] == sentences


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("Closing Date/Time: 1/15/2024 11:59 PM", ["2024-01-15"]),
        ("Apply by March 1st, 2025.", ["2025-03-01"]),
        ("Date limite : 1er mars 2024", ["2024-03-01"]),
        ("Bewerbungsschluss: 1. März 2024", ["2024-03-01"]),
        ("截止日期：2024年3月1日", ["2024-03-01"]),
        ("Deadline 3/1/2024", ["2024-01-03", "2024-03-01"]),
        ("Apply by March 1.", []),
        ("Version 2.4.1 of the tool", []),
    ],
)
def test_dates_and_their_readings(text: str, readings: list[str]) -> None:
    found = [d.isoformat() for m in find_dates(text) for d in m.days]
    assert found == readings


def test_front_matter_dates() -> None:
    assert as_dates(dt.date(2024, 3, 1)) == (dt.date(2024, 3, 1),)
    assert as_dates("March 1, 2024") == (dt.date(2024, 3, 1),)
    assert as_dates(20240301) == ()


# ---------------------------------------------------------------- rules

COMPANY = (
    "Harbourline Grocers runs forty stores across Ontario and has sold fresh food to local families since 1962. "
    "Our head office sits above the flagship store in Toronto, a short walk from Union Station, and our analytics "
    "team of nine people shares a bright open floor with the buyers, the marketing team and the people who plan the "
    "weekly flyers. We care about fair prices, honest labels and food that does not go to waste, and we measure all "
    "three every week. Last year we cut food waste by a fifth, opened two new stores in Hamilton and Kingston, and "
    "started giving unsold bread to the food banks near every one of our stores.\n"
)
DUTIES = "## What you'll do\n\n- Build the weekly pricing reports\n- Look after the store dashboards\n"
NEEDS = "## What you'll need\n\n- Two years of experience with SQL\n"


def _rules(text: str) -> list[tuple[str, int, int]]:
    return [(v.rule, v.line, v.column) for v in lint(text, select="quality") if v.rule not in ("quality/location",)]


def test_a_complete_posting_passes_the_new_rules() -> None:
    text = f"# Data Analyst\n\nFull-time, Toronto.\n\n{COMPANY}\n{DUTIES}\n{NEEDS}"
    assert _rules(text) == []


@pytest.mark.parametrize(
    ("missing", "rule"),
    [(DUTIES, "quality/responsibilities"), (NEEDS, "quality/requirements"), ("Full-time, ", "quality/employment-type")],
)
def test_each_missing_piece_is_reported_once(missing: str, rule: str) -> None:
    text = f"# Data Analyst\n\nFull-time, Toronto.\n\n{COMPANY}\n{DUTIES}\n{NEEDS}".replace(missing, "")
    assert [r for r, _, _ in _rules(text)] == [rule]


@pytest.mark.parametrize(
    ("duties", "fmt"),
    [
        ("- Design the weekly pricing reports for buyers\n- Maintain the store dashboards and data\n", "markdown"),
        ("Formulates and leads pricing studies for buyers.\nInterprets and explains the weekly sales.\n", "text"),
        ("Preparing the weekly pricing reports for buyers;\nAnalyzing what the stores sell each season;\n", "text"),
    ],
)
def test_duties_listed_without_a_heading_say_what_the_job_involves(duties: str, fmt: str) -> None:
    text = f"# Data Analyst\n\n{COMPANY}\n{duties}\n{NEEDS}"
    assert lint(text, select="quality/responsibilities", fmt=fmt) == []


@pytest.mark.parametrize(
    "lines",
    [
        "- Design the weekly pricing reports for buyers\n",  # one line is not a list of duties
        "Support for relocation is available to the right person.\nPlans are reviewed every year by the board.\n",
        "Design Engineer Position Available Now\nBuild Your Career With Harbourline\n",  # title case: headings
        "Training and development opportunities for every analyst\nWorking hours are flexible for the whole team\n",
    ],
)
def test_lines_that_do_not_list_duties_do_not_count(lines: str) -> None:
    text = f"# Data Analyst\n\n{COMPANY}\n{lines}\n{NEEDS}"
    assert [v.rule for v in lint(text, select="quality/responsibilities")] == ["quality/responsibilities"]


def test_short_postings_are_left_to_too_short() -> None:
    assert {r for r, _, _ in _rules("# Data Analyst\n\nJoin us.\n")} == {"quality/too-short"}


def test_employment_type_from_front_matter() -> None:
    text = f"---\ntitle: Data Analyst\nemployment_type: FULL_TIME\n---\n{COMPANY}\n{DUTIES}\n{NEEDS}"
    assert _rules(text) == []


def test_a_long_sentence_is_reported_where_it_is() -> None:
    long = "You will " + ", ".join(f"build the {shop} report" for shop in "abcdefghijklmnop") + " every week.\n"
    text = f"# Data Analyst\n\n{COMPANY}\nShort sentence here. {long}"
    found = [(v.rule, v.line, v.column) for v in lint(text, select="quality/long-sentence")]
    assert found == [("quality/long-sentence", 5, 22)]


def test_requirements_list_counts_each_section_on_its_own() -> None:
    items = "".join(f"- skill {i}\n" for i in range(10))
    text = f"# Analyst\n\n## Requirements\n\n### Must have\n\n{items}\n### Nice to have\n\n{items}"
    assert lint(text, select="quality/requirements-list") == []  # 10 and 10, not 20
    text = f"# Analyst\n\n## Qualifications\n\n{items}{items}"
    (v,) = lint(text, select="quality/requirements-list")
    assert (v.line, v.column, v.message) == (
        3,
        4,
        "A list of 20 items under 'Qualifications'; a list over 12 reads as a wish list",
    )


def test_duplicates() -> None:
    para = "We are a small team that builds reporting tools for grocers across the province.\n"
    text = (
        f"# Analyst\n\n{para}\n## Requirements\n\n- SQL\n\n## Benefits\n\n- Dental\n\n## Requirements:\n\n- Excel\n\n"
    )
    text += para
    found = [(v.line, v.column, v.message) for v in lint(text, select="quality/duplicate")]
    assert found == [
        (13, 4, "This heading repeats the one on line 5"),
        (17, 1, "This paragraph repeats the one on line 3"),
    ]


def test_expired_uses_today_and_every_reading() -> None:
    from conftest import _linter

    linter = _linter(("quality/expired",))
    text = "# Analyst\n\nClosing Date: 3/1/2024 11:59 PM\n"
    in_between = replace(linter, today=dt.date(2024, 2, 1))  # past for 1 January, not for 1 March
    assert in_between.lint_text(text) == []
    (v,) = replace(linter, today=dt.date(2024, 3, 11)).lint_text(text)
    assert (v.rule, v.line, v.column, v.message) == (
        "quality/expired",
        3,
        15,
        "The closing date '3/1/2024' passed 10 days ago",
    )
    extended = text + "\nDeadline extended: applications accepted until April 30, 2024.\n"
    assert replace(linter, today=dt.date(2024, 3, 11)).lint_text(extended) == []


def test_metric_per_section_needs_a_section(make_linter) -> None:
    from postlint.errors import PackError

    with pytest.raises(PackError, match="per: section"):
        make_linter([{"kind": "metric", "metric": "list_items", "per": "section", "max": 3}])
    with pytest.raises(PackError, match="per: sentence"):
        make_linter([{"kind": "metric", "metric": "headings", "per": "sentence", "max": 3}])


# --- quality/too-long counts what a reader reads ---------------------------------------------


def test_chinese_characters_are_counted_at_one_and_a_half_a_word() -> None:
    """3,300 characters of Chinese are some 2,200 words; 4,950 and the title are 3,303 and too long."""
    duties = "负责数据分析和报表工作"  # 11 characters
    assert lint(f"# 数据分析师\n\n{duties * 300}\n", select="quality/too-long") == []
    (v,) = lint(f"# 数据分析师\n\n{duties * 450}\n", select="quality/too-long")
    assert (v.rule, v.line) == ("quality/too-long", 1)
    assert "3303 words" in v.message  # with the title's five characters


def test_english_words_are_counted_as_before() -> None:
    (v,) = lint("# Data Analyst\n\n" + "We need an analyst. " * 760 + "\n", select="quality/too-long")
    assert "3042 words" in v.message


# --- a notice that the posting is closed -----------------------------------------------------

_GROCER = (
    "Harbourline Grocers runs forty stores across Ontario and has sold fresh food to local families since 1962. "
    "Our head office sits above the flagship store in Toronto, a short walk from Union Station, and our analytics "
    "team of nine people shares a bright open floor with the buyers, the marketing team and the people who plan "
    "the weekly flyers. We care about fair prices, honest labels and food that does not go to waste, and we measure "
    "all three every week. Last year we cut food waste by a fifth, opened two new stores in Hamilton and Kingston, "
    "and started a small programme that gives unsold bread to the food banks near every store.\n"
)


def test_a_closed_notice_is_not_asked_for_duties_or_requirements() -> None:
    rules = ["quality/responsibilities", "quality/requirements"]
    closed = f"# Data Analyst\n\nThe application window for this position is closed.\n\n{_GROCER}\n{_GROCER}"
    assert lint(closed, select=rules) == []
    open_posting = f"# Data Analyst\n\n{_GROCER}\n{_GROCER}"  # 120 words or more
    assert sorted(v.rule for v in lint(open_posting, select=rules)) == sorted(rules)


@pytest.mark.parametrize(
    ("sentence", "describes_the_work"),
    [
        ("The Deputy Coordinator will execute the observation plan and develop partnerships.", True),
        ("The Elections Administrator will act as the county voter registrar.", True),
        ("The new Deputy Director will assist the Director with daily operations.", True),
        ("The hiring manager will contact the candidates chosen for an interview.", False),
        ("The new Data Analyst will start in May.", False),
        ("The Data Analyst will report to the Head of Data.", False),
    ],
)
def test_a_job_named_by_its_title_and_what_it_will_do(sentence: str, describes_the_work: bool) -> None:
    text = f"# Data Analyst\n\n{_GROCER}\n{_GROCER}\n{sentence}\n"  # 120 words or more
    found = lint(text, select="quality/responsibilities")
    assert (found == []) is describes_the_work


@pytest.mark.parametrize(
    ("sentence", "states_a_requirement"),
    [
        ("The ideal candidate will be a strong communicator who thrives in a fast-paced office.", True),
        ("Successful candidates will be dedicated and confident problem solvers.", True),
        ("This position requires attention to detail and organizational skills.", True),
        ("The successful candidate will be appointed to fill the unexpired term.", False),
        ("The successful candidate will be notified by e-mail.", False),
        ("This position requires travel across the state.", False),
    ],
)
def test_what_the_ideal_candidate_will_be_and_what_the_position_requires(
    sentence: str, states_a_requirement: bool
) -> None:
    # Inside a paragraph: a line that opens with "The successful candidate" reads as a heading.
    text = f"# Data Analyst\n\n{_GROCER}\n{_GROCER.rstrip()} {sentence}\n"  # 120 words or more
    found = lint(text, select="quality/requirements")
    assert (found == []) is states_a_requirement


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[POSITION SUMMARY] The Associate drives analytics projects from beginning to end.\n", []),
        ("Overview\n\n[Job Description] We build tools for election offices.\n", []),
        ("Summary: [Position summary]\n", ["[Position summary]"]),
        ("# Analyst\n\n[Position Summary]\n\nWe are hiring.\n", ["[Position Summary]"]),
    ],
)
def test_a_bracketed_section_label_is_not_a_placeholder(text: str, found: list[str]) -> None:
    """A label followed by its text heads a section; after a colon or alone on its line it is a slot to fill."""
    assert [v.match for v in lint(text, select="quality/placeholder")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Work with product managers.\nWHAT YOU’LL NEED TO BE SUCCESSFUL\n\nA degree in computer science.\n", []),
        ("We ship every week.\nWHY YOU SHOULD JOIN US\n", []),
        ("We ship every week.\nWHAT YOU NEED IS A DEGREE AND THE WILL TO LEARN.\n", [2]),
        ("We ship every week.\nTHE TEAM WILL NEED YOU ON SITE\n", [2]),
    ],
)
def test_a_question_word_heading_in_capitals_is_not_shouting(text: str, found: list[int]) -> None:
    """A short line in capitals that opens with a question word heads a section, verb and all."""
    assert [v.line for v in lint(text, select="quality/all-caps")] == found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Senior Election Subject Matter Expert", True),
        ("Electronic Voting System Examiner", True),
        ("Product Owner", True),
        ("Statistician", True),
        ("数据分析师", True),
        ("Softwareentwicklerin (m/w/d)", True),
        ("Analyste principal, données", True),
        ("Ingeniero de datos", True),
        ("About us", False),
        ("Our benefits", False),
        ("公司运营状态", False),
        ("Terms of Service", False),
        ("Software Customer Support and Training", True),
        ("Technology Scout/IT Visionary", True),
        ("Support", False),
        ("Boy Scouts of America", False),
    ],
)
def test_names_a_role(text: str, role: bool) -> None:
    from postlint.facts.view import names_a_role

    assert names_a_role(text) is role


def test_a_digest_lead_naming_an_expert_is_the_title() -> None:
    text = (
        "Senior Election Subject Matter Expert, U.S. Election Assistance Commission— The incumbent will provide "
        "expert advice on voting systems to the Commission and its staff. Application: click here.\n"
    )
    assert lint(text, "text", select="quality/title") == []


@pytest.mark.parametrize(
    ("paragraph", "states_a_requirement"),
    [
        ("The successful candidate will be offered a twelve-month contract.", False),
        ("The successful candidate will report to the Director of Elections.", False),
        ("The successful candidate:\n\n- Holds a driving licence", True),
        ("The successful candidate will have:\n\n- A driving licence", True),
        ("The Ideal Candidate\n\n- Holds a driving licence", True),
    ],
)
def test_a_sentence_opening_with_the_successful_candidate_is_not_a_heading(
    paragraph: str, states_a_requirement: bool
) -> None:
    """'The successful candidate will be offered ...' says what happens to the person hired; 'The successful
    candidate:' heads the list of what they need."""
    text = f"# Data Analyst\n\n{_GROCER}\n\n{paragraph}\n"
    assert (lint(text, select="quality/requirements") == []) is states_a_requirement


def test_duties_under_a_traditional_chinese_heading() -> None:
    """'主要職責' is '主要职责' in traditional characters, as postings from Hong Kong and Taiwan write it."""
    text = (
        "# 後端工程師（Python）\n\n"
        + "CTMC 正在招聘一名 Python 後端工程師，負責建設面向國際客戶的獲客系統，並與現有企業基礎設施深度整合。" * 4
        + "\n\n## 主要職責\n\n- 開發獲客平台的後端服務\n- 與內部系統進行整合\n"
        + "\n## 任職要求\n\n- 3 年以上 Python 專業開發經驗\n"
    )
    assert lint(text, select="quality/responsibilities") == []


def test_a_title_in_capitals_filling_a_table_cell_is_not_shouting() -> None:
    text = (
        "Open jobs\n\n| Assistant Director of IT | County of Solano |\n"
        "| ASSISTANT DIRECTOR OF HEALTH AND SOCIAL SERVICES | Solano County |\n"
        "| PLEASE READ THE BELOW AND TYPE YOUR INITIALS | Solano County |\n"
    )
    assert [v.line for v in lint(text, "text", select="quality/all-caps")] == [5]
