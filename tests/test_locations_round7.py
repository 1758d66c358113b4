"""Places read from shapes seen in scraped postings: towns named after a state, label lines with no colon."""

from __future__ import annotations

import pytest
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
