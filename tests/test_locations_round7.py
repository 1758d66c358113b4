"""Places read from shapes seen in scraped postings: towns named after a state, label lines with no colon."""

from __future__ import annotations

import pytest
from conftest import places_of
from conftest import places_read as read

from postlint.facts.gazetteer import load_gazetteer

G = load_gazetteer()


# ---------------------------------------------------------------------- a town named after a state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Port Washington, NY", [("US-NY",)]),
        ("Maryland Heights, MO", [("US-MO",)]),
        ("Michigan City, IN", [("US-IN",)]),
        ("Washington Crossing, PA", [("US-PA",)]),
        ("Port Washington, New York, USA", [("US-NY",)]),
        # A state's name alone before a code may be a list, and a direction names a part of the state.
        ("Washington, NC", [("US-WA",), ("US-NC",)]),
        ("Utah, Texas, NY", [("US-UT",), ("US-TX",), ("US-NY",)]),
        ("Remote Washington, OR", [("US-WA",), ("US-OR",)]),
        ("Northern Virginia, DC", [("US-DC",)]),
    ],
)
def test_town_named_after_a_state_is_in_the_state_that_follows(text: str, expected: list[tuple[str, ...]]) -> None:
    assert [ids for _, _, ids in G.find(text, location_value=True)] == expected


def test_town_named_after_a_state_in_a_scraped_header() -> None:
    text = "Data Scientist\nCharter Spectrum\nMaryland Heights, MO\n\nJOB SUMMARY\n\nResponsible for scoping models.\n"
    assert read(text) == {(("US-MO",), False)}


def test_town_named_after_a_state_in_a_location_sentence() -> None:
    text = (
        "Data Scientist\n\nLocation: We would prefer to find a candidate who can work from either our corporate "
        "headquarters in Port Washington, NY, or one of our other largest offices, in Rosemont, IL.\n"
    )
    assert (("US-WA",), False) not in read(text)
    assert (("US-NY",), False) in read(text)


# ---------------------------------------------------------------------- a label line with no colon


def test_label_line_inside_a_block_reads_the_place_on_the_next_line() -> None:
    text = (
        "All jobs\n\nCareers\n\nMain\nTeams\nLocations\nLife at Bolt\nOpen positions\nSenior Analytics Engineer\n"
        "DEPARTMENT\nData & Analytics\nLOCATIONS\nTallinn, Estonia\nWORKPLACE\nHybrid\nTYPE\nFull time\n"
        "View all roles\n\nAbout the company\n\nWe build things.\n"
    )
    assert read(text, "markdown") == {(("EU-EE",), False)}


def test_label_line_reads_a_town_of_the_city_index() -> None:
    text = (
        "ELECTION DIRECTOR III\n| Department | SBE General Administration |\n|---|---|\n"
        "| Salary | $95,991.00 - $176,552.00/year |\n| Work Location |\nBaltimore City\n|\nGRADE\n"
        "Main Purpose of Job\nAn Election Director III directs elections in local jurisdictions.\n"
    )
    assert read(text) == {(("US-MD",), False)}


@pytest.mark.parametrize(
    "text",
    [
        # A site menu: the item after "Locations" is no place.
        "Careers\nMain\nTeams\nLocations\nLife at Bolt\nDiversity and Inclusion\nOpen positions\n",
        # A label with a sentence after it that does not open with a place.
        "Job Facts\nLocation\nPosition will be based at the office nearest you\nType\nFull time\n",
    ],
)
def test_label_line_needs_a_place_on_the_next_line(text: str) -> None:
    assert read(text) == set()


def test_label_line_must_be_capitalised() -> None:
    """A lower-case "location" in a list of words is no label: the line after it is not read as its value."""
    label = "Job Facts\nDepartment\nLocation\nBerlin, Germany\nType\nFull time\n"
    word = "Job Facts\nDepartment\nlocation\nBerlin, Germany\nType\nFull time\n"
    assert [p.source for p in places_of(label)] == ["field"]
    assert [p.source for p in places_of(word)] == ["text"]  # a short top line, read as such


# ---------------------------------------------------------------------- an employer named for a state


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Election Training Coordinator, D.C. Board of Elections and Ethics — coordinates recruitment of polling "
            "officials and conducts orientation meetings for them across the District.\n",
            {(("US-DC",), False)},
        ),
        (
            "Senior Information Technology Specialist, Montgomery County, Md. Board of Elections — lead permanent "
            "technology staff, directly responsible to the Election Director.\n",
            {(("US-MD",), False)},
        ),
    ],
)
def test_employer_named_for_a_state_by_its_abbreviation(text: str, expected: set[object]) -> None:
    assert read(text) == expected


def test_town_before_a_capitalised_word_stays_a_system_name() -> None:
    """A town's bare name before another capitalised word still names a system or company, not the place."""
    assert read("Phoenix Application Developer\n\nWe maintain the payroll system that state agencies use.\n") == set()


# ---------------------------------------------------------------------- remote roles in the plural


def test_several_openings_said_to_be_remote() -> None:
    text = (
        "# Government of Canada IT Senior Strategist\n\nWe are hiring two strategists.\n\n"
        "These positions are remote, there is no need to be located in the National Capital Region. We welcome "
        "applicants from across Canada.\n"
    )
    assert read(text, "markdown") == {(("CA",), False), (("CA",), True)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Your locality will be determined by where you live since most of our positions are remote.",
        "Some of the positions are remote, others are in the office.",
    ],
)
def test_the_employers_other_jobs_being_remote_is_no_remote_role(sentence: str) -> None:
    text = f"# Product Manager, Technology Transformation Services\n\nDenver, CO\n\n{sentence}\n"
    assert read(text, "markdown") == {(("US-CO",), False)}


# ---------------------------------------------------------------------- a bracketed Chinese label with no colon


def test_bracketed_chinese_label_with_no_colon() -> None:
    text = (
        "### **驭势科技**\n\n### **算法类岗位**\n\n"
        + "负责感知算法的研发与落地，参与车端系统的设计。\n\n" * 12
        + "**【地点】** 上海市长宁区\n"
    )
    assert [(p.text, p.source) for p in places_of(text, "markdown")] == [("上海", "field")]


def test_bracketed_word_inside_a_line_is_no_label() -> None:
    """A mail subject to write ("应聘【城市】前端研发工程师【姓名】") names the label but gives no value."""
    text = "# 招聘前端\n\n" + "负责前端页面的开发与维护。\n\n" * 12 + "标题：「应聘【城市】上海研发工程师【姓名】」\n"
    assert places_of(text, "markdown") == []


# ---------------------------------------------------------------------- a cue naming a town alone


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("- Permanent opportunity, based at our head office in Docklands", {(("AU",), False)}),
        ("Witteveen+Bos heeft een mooie functie voor jou op ons kantoor in Deventer!", {(("EU-NL",), False)}),
        # More than a town's name after the cue: the sentence goes on, and no town is looked up in it.
        ("- Permanent opportunity, based at our head office in the Docklands precinct", set()),
    ],
)
def test_cue_value_naming_one_town_reads_the_city_index(sentence: str, expected: set[object]) -> None:
    text = "# Senior Analyst, Data & Analytics\n\n" + "We fly to many places and run a large fleet.\n\n" * 12 + sentence
    assert read(text + "\n", "markdown") == expected
