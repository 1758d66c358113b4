"""links/apply and visa/policy read more of the ways real postings say how to apply and what they say about visas.

Each case is shaped like a posting that was wrongly reported: an application address after a one-sentence
label longer than a short heading, after a clerk's initial ("Carye L. Blaney"), as inline code, as a Markdown
link target without "mailto:", under a bold label; a link to a site's jobs section ("/#jobs"); an application
form named in Chinese (申请表); a refusal to "commence immigration cases"; a requirement of residency with work
permits. Near misses that must still be reported stand beside them.
"""

from __future__ import annotations

import pytest
from conftest import lint

from postlint.facts.visa import visa_polarity, visa_statements
from postlint.reader import parse

APPLY = "links/apply"
VISA = "visa/policy"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A label of one sentence, over 80 characters, on the line before the address.
        (
            "Engineer\n\nDespite the situation, our clients are still hiring.\n\nIf you are interested in learning"
            " more, please contact us by sending your resume to:\n\nengineering.vacancy@example.com\n",
            "text",
        ),
        # The last sentence of a longer paragraph labels the address.
        (
            "Engineer\n\nWe are a consultancy with clients across the region and a long record of placing"
            " engineers in roles they love. Interested? Send your resume to:\n\nana.vacancy@example.com\n",
            "text",
        ),
        # An initial is not the end of the sentence that asks for a resume.
        (
            "Clerk\n\nDeadline: August 10. Application: Cover letter and resume to: Carye L. Blaney, County Clerk,"
            " clerk@example.gov\n",
            "text",
        ),
        ("# 前端工程师\n\n负责开发。\n\n有兴趣请联系：`routerhex@example.cn`\n", "markdown"),
        ("# 前端工程师\n\n负责开发。\n\n简历请发邮箱 `ye@example.cn`\n", "markdown"),
        (
            "# 工程师\n\n负责开发。\n\n| 联系项 | 信息 |\n| :--- | :--- |\n"
            "| **邮箱** | `lv@example.cn` (主题请注明“应聘”) |\n",
            "markdown",
        ),
        ("# 前端工程师\n\n负责开发。\n\n有意愿请发送简历到[此邮箱](li@example.cn)\n", "markdown"),
        ("# 前端工程师\n\n负责开发。\n\n**投递邮箱地址**\n- 824023448@example.cn\n", "markdown"),
        (
            "# 前端工程师\n\n负责开发。\n\n详情请移步 [https://join.example.com/](https://join.example.com/#jobs)\n",
            "markdown",
        ),
        ("# 实习生\n\n负责开发。\n\n实习申请表：https://x.example.cn/share/base/form/shrcnmmy\n", "markdown"),
    ],
)
def test_ways_to_apply_now_read(text: str, fmt: str) -> None:
    assert lint(text, fmt=fmt, select=APPLY) == []


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        # A long paragraph ending in ':' whose last sentence says nothing of applying.
        (
            "Engineer\n\nWe are a consultancy with clients across the region and a long record of placing"
            " engineers in roles they love. Our press office can be reached at:\n\npress@example.com\n",
            "text",
        ),
        # Inline code that is an address for questions, and a bold label that is not about applying.
        ("# Analyst\n\nWe build tools.\n\nQuestions? Write to `ana@example.com`.\n", "markdown"),
        ("# Analyst\n\nWe build tools.\n\n**Our blog**\n\n- ana@example.com\n", "markdown"),
        # A fragment on this site leads to instructions; a fragment with no jobs word is no jobs page.
        ("# Analyst\n\nWe build tools. Read [about us](https://example.com/#team).\n", "markdown"),
    ],
)
def test_near_misses_still_reported(text: str, fmt: str) -> None:
    assert [v.rule for v in lint(text, fmt=fmt, select=APPLY)] == [APPLY]


@pytest.mark.parametrize(
    ("sentence", "polarity"),
    [
        ('We do not currently commence "sponsor" immigration cases in order to employ candidates.', "not_offered"),
        ("We do not initiate sponsorship for new hires.", "not_offered"),
        ("Additional Requirements: Current Denmark residency with work permits.", "must_be_authorized"),
    ],
)
def test_visa_statements_now_read(sentence: str, polarity: str) -> None:
    text = f"# Consultant\n\nLocation: Dallas, TX\n\n{sentence}\n"
    assert lint(text, select=VISA) == []
    found = visa_polarity(visa_statements(parse(text, "markdown")))
    assert found is not None and found.polarity == polarity


@pytest.mark.parametrize(
    "sentence",
    [
        "We commence projects with a sponsor from the business.",
        "Our residency program comes with mentoring and a stipend.",
    ],
)
def test_visa_near_misses_still_reported(sentence: str) -> None:
    text = f"# Consultant\n\nLocation: Dallas, TX\n\n{sentence}\n"
    assert [v.rule for v in lint(text, select=VISA)] == [VISA]
