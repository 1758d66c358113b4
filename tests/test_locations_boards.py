"""Places in the header shapes of job boards and applicant-tracking systems, as their postings are copied out.

Each case is a header as the board lays it out (title, company, place, contract) over a line of prose; the
near misses beside them are the same words where they name no place of the job, or a place read right already.
"""

from __future__ import annotations

import pytest
from conftest import places_read as read

US, EU_DE, IN, UK = ("US",), ("EU-DE",), ("IN",), ("UK",)
Read = set[tuple[tuple[str, ...], bool]]


def _posting(header: str) -> str:
    return f"Software Developer\n{header}\n\nYou will build and run our services.\n"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Taleo: country, region and town joined by hyphens.
        ("Primary Location: United States-California-San Diego", {(US, False), (("US-CA",), False)}),
        ("Location: United States-Texas-Austin", {(US, False), (("US-TX",), False)}),
        ("Location: Canada-Ontario-Toronto", {(("CA",), False), (("CA-ON",), False)}),
        # A town with a hyphen in its name stays one town.
        ("Location: United States-North Carolina-Winston-Salem", {(US, False), (("US-NC",), False)}),
        ("Location: Winston-Salem, NC", {(("US-NC",), False)}),
        # SuccessFactors and Workday: town, region code, the country's two-letter code, postcode.
        ("Location: Munich, BY, DE, 80331", {(EU_DE, False)}),
        ("Location: Frankfurt am Main, HE, DE", {(EU_DE, False)}),
        ("Location: Chennai, TN, IN, 600001", {(IN, False)}),
        ("Location: Bangalore, KA, IN", {(IN, False)}),
        # The US's and Canada's own codes were read right before, and still are.
        ("Location: Indianapolis, IN, US", {(("US-IN",), False)}),
        ("Location: Austin, TX, US, 78701", {(("US-TX",), False)}),
        ("Location: Toronto, ON, CA", {(("CA-ON",), False)}),
        # A state code said twice is no country's code ("WA" is also one of Australia's states).
        ("Location: Clallam County Courthouse, WA, WA, 98362", {(("US-WA",), False)}),
        ("Location: Sangamon County, IL, IL, 62706", {(("US-IL",), False)}),
        # Both codes are US states' too: the country's reading needs a town of that country.
        ("Location: Springfield, PA, IN", {(("US-PA",), False), (("US-IN",), False)}),
    ],
)
def test_tracking_system_location_values(header: str, expected: Read) -> None:
    assert read(_posting(header)) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Remote • US only", {(US, True)}),
        ("US · Remote", {(US, True)}),
        ("Full-time • Remote • Canada", {(("CA",), True)}),
        ("Remote • Europe", {(("EU",), True)}),
    ],
)
def test_remote_scope_after_a_bullet(header: str, expected: Read) -> None:
    assert read(_posting(header)) == expected


@pytest.mark.parametrize(
    "header",
    [
        "Anywhere in the World",
        "🌏 Worldwide",
        "Remote (Anywhere)",
        "Remote, Worldwide",
        "Remote - Global",
        "Worldwide (Remote)",
        # A field of a header line, between the separators boards use.
        "🌏 Worldwide · 💰 $90k – $130k · Full-time",
        "Full-time | Anywhere in the World | $120k",
    ],
)
def test_a_header_line_open_to_the_world_is_remote_with_no_area(header: str) -> None:
    assert read(_posting(header)) == {((), True)}


@pytest.mark.parametrize(
    "header", ["Global", "Global Operations", "We hire worldwide", "Global · Operations", "We work worldwide · we ship"]
)
def test_world_words_that_open_no_job_to_the_world(header: str) -> None:
    assert read(_posting(header)) == set()


def test_a_worldwide_line_does_not_replace_a_remote_scope_read_before() -> None:
    assert read(_posting("Remote (US)\nWorldwide")) == {(US, True)}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Location: Home-based, UK", {(UK, False), (UK, True)}),
        ("Location: UK (Home Based)", {(UK, False), (UK, True)}),
        ("Location: Home based", {((), True)}),
    ],
)
def test_home_based_in_a_location_value_is_remote_work(header: str, expected: Read) -> None:
    assert read(_posting(header)) == expected


def test_home_based_in_prose_is_no_remote_work() -> None:
    assert read("Care Assistant\n\nWe provide home-based care in Leeds, UK.\n") == {(UK, False)}
