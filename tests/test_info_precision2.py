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
