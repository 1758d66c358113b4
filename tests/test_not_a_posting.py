"""Pages that are not job postings: a scrape's privacy policy, error page or site home page.

The shapes come from scraped postings folders (a job board's privacy policy saved in
place of a posting, a "page cannot be found" page, a state HR office's home page),
written anew; the postings that must stay postings have the shapes that come closest.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import lint, run_cli

POLICY_PAGE = (
    "Sign Up to access Job Alerts.\n"
    "Employer Login\n"
    "We've updated our Privacy Policy and Terms of Use. Please read and accept the changes.\n"
    "Effective date: August 19, 2025\n"
    "EXAMPLEJOBS PRIVACY POLICY\n"
    "The purpose of this Privacy Policy is to describe how we collect and use personal data.\n"
    "By using the Services you agree to this Policy. This Policy is part of our Terms of Use.\n"
    "If you are a California resident, the CCPA gives you further rights.\n"
)
NOT_FOUND_PAGE = (
    "Oops! The page you requested cannot be found.\n"
    "Go back to our home page to start a new search of thousands of public sector jobs.\n"
)
HOME_PAGE = (
    "Home\n"
    "The Division of Human Resources supports state government in Colorado.\n"
    "It maintains the statewide pay system and the benefits system for all eligible employees.\n"
    "Mission\n"
    "We serve our community.\n"
)
SEARCH_PAGE = (
    "Skip to Main Content\n"
    "Search Jobs\n"
    "Search keywords\n"
    "No results to display\n"
    "Location\n"
    "Bismarck, ND (45)\n"
    "Remote in North Dakota (11)\n"
)
CAREERS_PAGE = (
    "Current Job Openings\n"
    "There are no open positions at this time. Please check back later for future opportunities.\n"
    "About Careers\n"
    "The Registrar of Voters' staff includes 54 permanent employees in elections.\n"
)
_ABOUT_TEXT = (
    "Founded in 2006, the Civic Network works with nonprofits across the country to help people take part in "
    "their local elections. By drawing on the reach and the trusted ties of community groups, the network aims "
    "to make sure that all people are heard in our democratic process, and in particular the people who are "
    "heard the least today. The network provides nonpartisan tools and resources to help community groups bring "
    "voter engagement into the work they already do. In addition to training and support for community groups in "
    "every state, we run programs on the ground in six states and serve as the managing partner of a national day "
    "of voter registration. We believe that an open democracy goes beyond party lines and political campaigns, "
    "and we support the full engagement of community groups and voters across the country.\n"
)
ABOUT_PAGE = "Our Mission\n" + _ABOUT_TEXT
# A terse scraped posting that speaks to no candidate either, but whose title names the job.
TERSE_POSTING = "Data Analyst\nCivic Network\nSydney\n\n" + _ABOUT_TEXT
# A title in another script may name the job in words the role list lacks.
CHINESE_TITLED_POSTING = "数据分析师\n" + _ABOUT_TEXT
# A gig that asks for someone without naming a job title.
GIG_POSTING = "Please read this first\n" + _ABOUT_TEXT + "We would like to hire someone to help us with our website.\n"
POSTING_WITH_NO_POSITIONS_SENTENCE = (
    "# Payroll Specialist\n\n"
    "Location: Denver, CO. Salary: $52,000 - $61,000 a year.\n\n"
    "There are no open positions like this one anywhere else in the county: apply by May 1.\n"
)
POSTING_WITH_NOTICE = (
    "# Payroll Specialist\n\n"
    "Location: Denver, CO\n\n"
    "You will run payroll for 400 employees. Apply at https://example.com/jobs/7.\n\n"
    "## Applicant Privacy Notice\n\n"
    "This notice describes the data we collect. This notice applies to all applicants. "
    "Questions about this notice go to privacy@example.com.\n"
)
POSTING_UNDER_BREADCRUMB = (
    "Home\n"
    "Careers > Payroll Specialist\n"
    "Payroll Specialist, Denver, CO. You will run payroll for 400 employees.\n"
    "Apply by May 1 at https://example.com/jobs/7.\n"
)
POSTING_UNDER_FOOTER_LINKS = (
    "Privacy Policy\n"
    "Payroll Specialist\n"
    "Location: Denver, CO\n"
    "You will run payroll. Qualifications: two years of payroll work.\n"
)


def _ids(text: str, fmt: str = "text") -> set[str]:
    return {v.rule for v in lint(text, fmt)}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (POLICY_PAGE, "a policy page ('EXAMPLEJOBS PRIVACY POLICY')"),
        (NOT_FOUND_PAGE, "an error page"),
        (HOME_PAGE, "a site page (titled 'Home')"),
        (SEARCH_PAGE, "a job search or careers page that lists no opening"),
        (CAREERS_PAGE, "a job search or careers page that lists no opening"),
        (ABOUT_PAGE, "a page (opening 'Our Mission') that names no job and speaks to no candidate"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_page_that_is_no_posting_gets_one_warning_and_no_posting_rules(text: str, reason: str, fmt: str) -> None:
    found = lint(text, fmt)
    assert [v.rule for v in found] == ["postlint/not-a-posting"]
    assert reason in found[0].message
    assert found[0].severity.name == "warning"


@pytest.mark.parametrize(
    "text",
    [
        POSTING_WITH_NOTICE,
        POSTING_UNDER_BREADCRUMB,
        POSTING_UNDER_FOOTER_LINKS,
        POSTING_WITH_NO_POSITIONS_SENTENCE,
        TERSE_POSTING,
        GIG_POSTING,
        CHINESE_TITLED_POSTING,
    ],
)
def test_postings_that_come_closest_stay_postings(text: str) -> None:
    assert "postlint/not-a-posting" not in _ids(text)


def test_a_policy_page_with_pay_on_it_stays_a_posting() -> None:
    """Pay is the surest sign of a posting: a page giving a salary is linted in full."""
    text = POLICY_PAGE + "The salary for this role is $52,000 - $61,000 a year.\n"
    assert "postlint/not-a-posting" not in _ids(text)


def test_encoding_rules_still_run_on_a_page_that_is_no_posting() -> None:
    broken = NOT_FOUND_PAGE + "We\u00e2\u20ac\u2122re sorry.\n"
    assert _ids(broken) == {"postlint/not-a-posting", "encoding/mojibake"}


def test_no_law_is_cited_against_a_policy_page_in_a_pay_transparency_state(tmp_path: Path) -> None:
    page = tmp_path / "privacy.txt"
    page.write_text(POLICY_PAGE, encoding="utf-8")
    code, out, _ = run_cli("check", str(page), "--jurisdiction", "US-CA", "--format", "json", "--no-cache")
    assert code == 0, out  # a warning only
    assert '"postlint/not-a-posting"' in out
    assert "pay/salary-range" not in out


def test_selecting_away_the_warning_keeps_the_page_unlinted() -> None:
    """Leaving the warning unselected does not turn the pay and EEO rules back on for the page."""
    found = [v.rule for v in lint(POLICY_PAGE, "text", select=["pay", "eeo"])]
    assert found == []
