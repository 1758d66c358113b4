"""eeo/veterans-disability on the taglines of US contractors' postings.

Written anew in the shapes real postings use: a tagline of slashes, "Disabled and Protected
Veterans", a long list of grounds with protected veterans at its end.
"""

from __future__ import annotations

import pytest
from conftest import lint

AA = "Acme is an equal opportunity and affirmative action employer."


@pytest.mark.parametrize(
    "tagline",
    [
        "Acme is an Equal Opportunity/Affirmative Action Employer of Minorities, Females, Disabled and"
        " Protected Veterans.",
        "We consider applicants without regard to race, sex, age, physical or mental disability unrelated to ability,"
        " marital status, family responsibilities, pregnancy, genetic information, sexual orientation, gender"
        " expression, gender identity, sex stereotyping, order of protection status, protected veteran or military"
        " status.",
        "Minority/Female/Veteran/Individuals with Disabilities/Sexual Orientation/Gender Identity.",
        # OFCCP asks for "disability" and "vet" in words; "protected" is not required.
        "Minority/Female/Sexual Orientation/Gender Identity/Disability/Veteran.",
        "We consider applicants without regard to disability or veteran status.",
    ],
)
def test_taglines_that_name_protected_veterans_and_disability(tagline: str) -> None:
    assert lint(f"# Analyst\n\nLocation: Boston, MA\n\n{AA} {tagline}\n", select="eeo/veterans-disability") == []


@pytest.mark.parametrize(
    "tagline",
    [
        "EOE M/F/D/V.",
        "Minorities, women, veterans and people with disabilities are encouraged to apply.",
    ],
)
def test_taglines_without_protected_veterans_in_words_are_still_errors(tagline: str) -> None:
    found = lint(f"# Analyst\n\nLocation: Boston, MA\n\n{AA} {tagline}\n", select="eeo/veterans-disability")
    assert [(v.rule, v.severity.name) for v in found] == [("eeo/veterans-disability", "error")]
