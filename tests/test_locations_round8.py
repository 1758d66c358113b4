"""Places read from shapes seen in scraped postings: US towns named like big foreign cities, a required place that
overrides the header's, where the worker must live, and names joined by "&"."""

from __future__ import annotations

import pytest

from postlint.facts.gazetteer import load_gazetteer

G = load_gazetteer()

_PROSE = "We test air emissions for clients across many industrial sectors, and train our people in the field.\n"


# ---------------------------------------------------------------------- a code inside a name joined by "&"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Account Manager, Delaware, ES&S", [("US-DE",)]),
        ("AT&T, Dallas, TX", [("US-TX",)]),
        ("Remote - ES", [("EU-ES",)]),  # a code alone is still a code
    ],
)
def test_code_joined_by_an_ampersand_is_part_of_a_name(text: str, expected: list[tuple[str, ...]]) -> None:
    assert [ids for _, _, ids in G.find(text, location_value=True)] == expected
