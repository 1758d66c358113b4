"""Visa statements in the shapes of job boards and recruiters: fields that answer no, contractions, 'qualify for',
a welcome to candidates who need a visa, and an existing work permit. The rule must find each, and the reader must
give it the right polarity."""

from __future__ import annotations

import pytest
from conftest import lint

from postlint.facts.visa import visa_polarity, visa_statements
from postlint.reader import parse

_PROSE = "We build data pipelines for hospitals and need an engineer to own ingestion.\n"


@pytest.mark.parametrize(
    ("line", "polarity"),
    [
        ("Sponsorship: Not available", "not_offered"),
        ("H-1B sponsorship: No", "not_offered"),  # an answer of no, not an offer
        ("Visa sponsorship: N/A", "not_offered"),
        ("Unfortunately we can’t sponsor work permits.", "not_offered"),
        ("This position does not qualify for sponsorship.", "not_offered"),
        ("We welcome applications from candidates who require a Skilled Worker visa.", "offered"),
        ("Open to candidates with an existing EU work permit only.", "must_be_authorized"),
        # As before.
        ("Visa sponsorship is available for this position.", "offered"),
        ("Sponsorship: available", "offered"),
    ],
)
def test_visa_statement_and_its_polarity(line: str, polarity: str) -> None:
    text = f"# Data Engineer\n\n{_PROSE}\n{line}\n"
    found = visa_polarity(visa_statements(parse(text, "markdown", "p")))
    assert found is not None and found.polarity == polarity
    assert [v for v in lint(text) if v.rule == "visa/policy"] == []


def test_sponsorship_named_without_an_answer_is_no_statement() -> None:
    text = f"# Data Engineer\n\n{_PROSE}\nSponsorship: see our careers page for details on how we hire.\n"
    assert visa_polarity(visa_statements(parse(text, "markdown", "p"))) is None
