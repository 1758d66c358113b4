"""visa/citizenship-only on the shapes of defense-contractor and staffing postings.

Each case is written anew in the shape of real postings: a citizenship line after the
classified-access boilerplate, a clearance named by its level alone, a list that goes on to
everyone authorized to work.
"""

from __future__ import annotations

import pytest
from conftest import lint


@pytest.mark.parametrize(
    "text",
    [
        "Applicant selected will be subject to a government security investigation and must meet eligibility"
        " requirements for access to classified information. Applicant must be a U.S. citizen.",
        "Must be a US Citizen possessing a current/active TS/SCI and be willing to take a polygraph.",
        "Candidates who hold a DHS Suitability clearance are preferred. U.S. Citizenship is required.",
        "*Only U.S. Citizens and those authorized to work in the U.S. can be considered as W2 candidates.*",
    ],
)
def test_a_citizenship_line_with_its_basis_or_open_to_all_authorized_is_left_alone(text: str) -> None:
    assert lint(f"# Analyst\n\n{text}\n", select="visa/citizenship-only") == []


@pytest.mark.parametrize(
    "text",
    [
        "Must be a U.S. citizen.",
        "Only U.S. citizens can be considered for this analyst role.",
        "U.S. Citizenship is required for most positions.",
    ],
)
def test_a_bare_citizenship_requirement_is_still_an_error(text: str) -> None:
    found = lint(f"# Analyst\n\nWe build tools.\n\n{text}\n", select="visa/citizenship-only")
    assert [(v.rule, v.line, v.severity.name) for v in found] == [("visa/citizenship-only", 5, "error")]
