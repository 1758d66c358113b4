"""Places in the shapes job boards and applicant-tracking exports give them, read from parsed Documents."""

from __future__ import annotations

import pytest

from postlint.facts.gazetteer import load_gazetteer
from postlint.facts.locations import Place, find_places, posting_jurisdictions
from postlint.reader import parse

G = load_gazetteer()


def places_of(text: str, fmt: str = "text") -> list[Place]:
    return find_places(parse(text, fmt, "posting"), G)


def read(text: str, fmt: str = "text") -> set[tuple[tuple[str, ...], bool]]:
    """(ids, remote) of each place read."""
    return {(p.jurisdictions, p.remote) for p in places_of(text, fmt)}


def test_a_remote_item_in_a_list_of_offices_is_country_wide() -> None:
    text = "Location: Washington, DC; San Francisco, CA; Chicago, IL; New York, NY; Virtual (100% Remote)\n"
    places = places_of(text)
    assert [p.jurisdictions for p in places if p.remote] == [("US",)]
    assert "US-CO" in posting_jurisdictions(places, G)  # a remote US role follows Colorado's law


@pytest.mark.parametrize("text", ["Location: New York, USA, Remote\n", "Location: US - Remote WA\n"])
def test_a_remote_marker_beside_one_place_still_narrows(text: str) -> None:
    assert all("-" in j for p in places_of(text) if p.remote for j in p.jurisdictions)
