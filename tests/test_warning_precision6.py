"""eeo/veterans-disability accepts the taglines OFCCP accepts: 'veteran' and 'disability' in words.

OFCCP's FAQ asks the tagline to state at a minimum "disability" and "vet"; a contractor's
equal-opportunity sentence listing "veteran status, disability" among its grounds, and the slash
list "Minority/Female/Disability/Veteran", do that. Abbreviations (M/F/D/V), a missing word, and an
invitation to apply that promises no equal treatment are still errors.
"""

from __future__ import annotations

import pytest
from conftest import lint

RULE = "eeo/veterans-disability"
HEAD = "# Data Analyst\n\nLocation: Chicago, IL\n\n"


@pytest.mark.parametrize(
    "tagline",
    [
        # The grounds list of a defense contractor's boilerplate, veterans before disability.
        "We are proud to be an Equal Opportunity/Affirmative Action Employer, making decisions without regard"
        " to race, color, religion, creed, sex, sexual orientation, gender identity, marital status, national"
        " origin, age, veteran status, disability, or any other protected class.",
        # Disability first, 'Veteran status' at the end of the list.
        "Acme is an affirmative action employer and does not discriminate on the basis of race, color, ancestry,"
        " religion, sex, national origin, sexual orientation, age, citizenship, marital status, disability,"
        " gender identity or Veteran status.",
        "Acme is an Equal Opportunity / Affirmative Action Employer. Minority/Female/Disability/Veteran",
        "Acme is an equal employment and affirmative action employer F/M/Disability/Vet/Sexual Orientation.",
        "An Equal Employment Opportunity/Affirmative Action Employer Race/Color/Religion/Sex/National"
        " Origin/Disabled/Veteran Committed to Diversity in the Workplace.",
        "Acme is a M/F, Disabled, and Veteran Equal Employment Opportunity and Affirmative Action employer.",
    ],
)
def test_taglines_naming_veterans_and_disability_in_words(tagline: str) -> None:
    assert lint(f"{HEAD}{tagline}\n", select=RULE) == []


@pytest.mark.parametrize(
    "tagline",
    [
        "Acme is an affirmative action employer. EOE M/F/D/V.",
        # An invitation, not a promise of equal consideration.
        "Acme is an Equal Opportunity and Affirmative Action Employer. All qualified applicants, including"
        " minorities, women, veterans, and people with disabilities are encouraged to apply.",
        # VEVRAA's clause alone: veterans, no disability.
        "As a federal contractor Acme abides by 41 CFR 60-300.5(a), which prohibits discrimination against"
        " qualified protected veterans.",
        # 'Disabled veterans' is one group of veterans, not disability.
        "Acme is an affirmative action employer and does not discriminate against disabled veterans.",
        # Grounds without veterans.
        "Acme is an affirmative action employer and does not discriminate on the basis of race, sex or disability.",
        # Self-identification forms are no tagline.
        "Acme is an affirmative action employer. Please complete the Disability/Veteran self-identification form.",
    ],
)
def test_abbreviations_missing_words_and_invitations_are_still_errors(tagline: str) -> None:
    found = lint(f"{HEAD}{tagline}\n", select=RULE)
    assert [(v.rule, v.severity.name) for v in found] == [(RULE, "error")]


def test_a_period_ends_the_sentence_the_tagline_must_sit_in() -> None:
    text = f"{HEAD}Acme is an affirmative action employer. Our veterans network meets monthly. Disability insurance.\n"
    assert [v.rule for v in lint(text, select=RULE)] == [RULE]


# --- eeo/accommodation ----------------------------------------------------------------------

ACCOMMODATION = "eeo/accommodation"


@pytest.mark.parametrize(
    "sentence",
    [
        "If you are unable to submit your application because of incompatible assistive technology or a"
        " disability, please contact us at talent@example.com. Acme will reasonably accommodate qualified"
        " individuals with disabilities to the extent required by applicable law.",
        "If you are a person with disability, illness or injury and require adjustments to the recruitment and"
        " selection process, please contact our Recruitment team on talent@example.com.",
        "Persons of disability needing assistance in the application process, or those needing the announcement"
        " in alternative format, should call (360) 555-0100.",
        "All job qualifications are subject to possible modification to reasonably accommodate individuals with"
        " disabilities.",
    ],
)
def test_ways_to_ask_for_an_accommodation_in_other_words(sentence: str) -> None:
    assert lint(f"{HEAD}{sentence}\n", select=ACCOMMODATION) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Must demonstrate willingness to work flexible hours as needed to accommodate business needs.",
        "Experience developing flexible data ingest pipelines, to easily accommodate new and existing data sources.",
        "Analyzing data to identify staffing gaps and recommend adjustments to training schedules.",
        "Makes minor adjustments to voting machines to ensure functionality prior to use by the public.",
        "Help voters who need assistance with the registration process.",
    ],
)
def test_accommodating_work_is_no_accommodation_statement(sentence: str) -> None:
    assert [v.rule for v in lint(f"{HEAD}{sentence}\n", select=ACCOMMODATION)] == [ACCOMMODATION]
