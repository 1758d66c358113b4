"""The info rules that judge whether a posting is complete, read on real postings.

An excerpt (a job board's one-paragraph summary ending "For the complete job listing and to apply,
click here.") points to the listing that holds the duties and requirements, so the rules about a
missing section leave it alone; compliance rules still read it. The shapes come from public-sector
job boards' summaries and Chinese postings whose duties are numbered lines without a heading,
written anew; each has a near miss that must keep its finding.
"""

from __future__ import annotations

import pytest
from conftest import lint

COMPLETENESS = ("quality/requirements", "quality/responsibilities", "quality/employment-type")

# A summary of some 130 words that says nothing of duties, requirements or the kind of job.
SUMMARY = (
    "Elections Manager, Harbour County, Oregon– Harbour County is hiring an Elections Manager. "
    "The county serves some 90,000 voters across a coastal region of small towns and farms, and the "
    "elections office runs federal, state, county, city and school district contests each year. The "
    "office has grown over the last decade, moved into a new building beside the courthouse, and "
    "opened two vote centres in the northern towns. Its staff are known for calm, clear work in busy "
    "seasons, for answering every call from the public, and for welcoming observers from all parties. "
    "The county values steady people who keep their word and explain the process plainly to the "
    "public and the press. Salary: $78,000 – $96,000 a year. Deadline: March 24. "
)


def rules(text: str, fmt: str = "text") -> set[str]:
    return {v.rule for v in lint(text, fmt=fmt, select=[*COMPLETENESS, "pay/salary-range"])}


def test_the_summary_alone_is_judged() -> None:
    assert set(COMPLETENESS) <= rules(SUMMARY + "Application: Please email your resume to the clerk.\n")


@pytest.mark.parametrize(
    "ending",
    [
        "Application: For the complete job listing and to apply, click here.\n",
        "Application: For the complete listing and to apply,click here. Deadline: Open until filled.\n",
        "For more information and the complete job listing, click here.\n",
        "To read the full position description, and list of requirements click here.\n",
        "Read the full job description at https://jobs.example.gov/1234.\n",
        "See the full posting here: www.example.gov/jobs/1234\n",
    ],
)
def test_an_excerpt_pointing_to_its_complete_listing_is_not_judged_complete(ending: str) -> None:
    found = rules(SUMMARY + ending)
    assert not found & set(COMPLETENESS)


def test_a_markdown_link_to_the_full_description_marks_an_excerpt() -> None:
    text = "# Elections Manager\n\n" + SUMMARY + "\n\n[Read the full job description](https://jobs.example.gov/1234)\n"
    assert not rules(text, fmt="markdown") & set(COMPLETENESS)


def test_french_and_german_excerpts() -> None:
    assert not rules(SUMMARY + "Pour consulter l’offre complète, cliquez ici.\n") & set(COMPLETENESS)
    assert not rules(SUMMARY + "Die vollständige Stellenanzeige finden Sie unter https://example.de/1\n") & set(
        COMPLETENESS
    )


@pytest.mark.parametrize(
    "ending",
    [
        # Other jobs elsewhere, not this one's complete listing.
        "See our careers page at https://example.gov/careers for other jobs.\n",
        # The full listing, but no link or "click here" to it: the text says it is below or pulled from it.
        "Pulled from the full job description. (SEE FULL POSITION DESCRIPTION BELOW)\n",
        # A full list of benefits is not the job's listing.
        "For the full description of our benefits, click here.\n",
        # "More information" is not the complete listing.
        "Application: For more information and to apply, click here.\n",
    ],
)
def test_near_misses_stay_judged(ending: str) -> None:
    assert set(COMPLETENESS) <= rules(SUMMARY + ending)


def test_the_pointer_must_come_near_the_end() -> None:
    """A link to the full listing at the top of a long page, with the rest of the page after it, is no excerpt."""
    text = "Read the full job description at https://jobs.example.gov/1234.\n\n" + SUMMARY * 3 + "Apply by email.\n"
    assert set(COMPLETENESS) <= rules(text)


def test_compliance_rules_still_read_an_excerpt() -> None:
    text = SUMMARY.replace("Salary: $78,000 – $96,000 a year. ", "") + (
        "Application: For the complete job listing and to apply, click here.\n"
    )
    assert "pay/salary-range" in {v.rule for v in lint(text, fmt="text", select=["pay/salary-range"])}


# A company's pitch of some 130 words, long enough for the rule to run, that says nothing of the work.
PITCH = (
    "Harbourline Grocers runs forty stores across Ontario and has sold fresh food to local families since "
    "1962. Our head office sits above the flagship store in Toronto, a short walk from Union Station, and our "
    "analytics team of nine people shares a bright open floor with the buyers, the marketing team and the "
    "people who plan the weekly flyers. We care about fair prices, honest labels and food that does not go "
    "to waste, and we measure all three every week. Last year we cut food waste by a fifth, opened two new "
    "stores in Hamilton and Kingston, and started a small programme that gives unsold bread to the food banks "
    "near every store.\n\n"
)
ZH_REQUIREMENTS = "## 任职要求\n\n1. 熟悉Python语言，有一年以上工程经验；\n2. 具备良好的沟通能力；\n"


def responsibilities(text: str) -> list[int]:
    return [v.line for v in lint(text, select="quality/responsibilities")]


def test_chinese_duties_numbered_without_a_heading() -> None:
    text = (
        "# 对话机器人工程师\n\n" + PITCH + "1.  改进基础设施服务，引入和制作工具，提高生产效率；\n"
        "2.  设计、开发和维护便捷可靠的机器人训练计算平台；\n\n" + ZH_REQUIREMENTS
    )
    assert responsibilities(text) == []


@pytest.mark.parametrize(
    "lines",
    [
        # Job titles with their links are not duties ("测试开发" is part of the title).
        "- 测试开发实习生 - 商业变现：https://jobs.example.cn/1\n- 测试开发工程师 - 电商中台：https://jobs.example.cn/2\n",
        # Requirements and abilities are not duties, nor are a benefit and a pitch.
        "1. 分析问题能力强，逻辑清晰；\n2. 熟悉Linux环境，了解基本的指令；\n",
        "- 支持远程办公，弹性工作时间\n- 管理扁平，氛围轻松自由\n",
        # One line that opens with a verb of work is not a list.
        "1. 设计、开发和维护便捷可靠的机器人训练计算平台；\n",
    ],
)
def test_chinese_near_misses_keep_the_finding(lines: str) -> None:
    text = "# 工程师\n\n" + PITCH + lines + "\n" + ZH_REQUIREMENTS
    assert len(responsibilities(text)) == 1


def test_seeking_someone_to_do_the_work_describes_it() -> None:
    text = (
        "# Registrar of Voters Manager\n\n" + PITCH + "The Registrar of Voters Office is seeking an experienced "
        "elections professional to manage and supervise the day-to-day operations of the office.\n"
    )
    assert responsibilities(text) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The office is seeking an experienced elections professional to join our team in the spring.\n",
        "We are looking for applicants to apply before the end of March.\n",
    ],
)
def test_seeking_someone_to_join_or_apply_says_nothing_of_the_work(sentence: str) -> None:
    assert len(responsibilities("# Elections Manager\n\n" + PITCH + sentence)) == 1


def test_french_in_this_role_you_will() -> None:
    text = (
        "# Analyste des politiques\n\n" + PITCH + "Dans ce rôle, vous aurez l’occasion d’apporter une contribution "
        "de la manière suivante :\n\n* examiner les pratiques nationales;\n"
    )
    assert responsibilities(text) == []
    # "Dans ce rôle" without the candidate as subject says nothing of the work.
    other = "# Analyste\n\n" + PITCH + "Nous offrons, dans ce rôle, le télétravail deux jours par semaine.\n"
    assert len(responsibilities(other)) == 1
