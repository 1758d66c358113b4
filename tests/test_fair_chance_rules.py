"""fair-chance/statement on the shapes of election-office summaries from Los Angeles County.

Written anew in the shape of real summaries: the county's own registrar posting its jobs, and
a nonprofit in the county posting one.
"""

from __future__ import annotations

import pytest
from conftest import lint


@pytest.mark.parametrize(
    "text",
    [
        "Division Manager, Los Angeles County Registrar — directs a division of the Department of"
        " Registrar-Recorder/County Clerk and advises executive management.",
        "Executive Assistant, Los Angeles County Registrar — supports the head of a large County department.",
        "Deputy Registrar of Voters, Los Angeles County — runs the vote-by-mail section.",
    ],
)
def test_the_countys_own_postings_are_left_alone(text: str) -> None:
    assert lint(text + "\n", "text", select="fair-chance/statement") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hotline Operator, Civic Engagement Fund, Los Angeles, California — answers voters' questions.",
        "Outreach Coordinator, Los Angeles County — a nonprofit that helps voters register.",
    ],
)
def test_other_employers_there_still_need_the_statement(text: str) -> None:
    found = lint(text + "\n", "text", select="fair-chance/statement")
    assert [(v.rule, v.severity.name) for v in found] == [("fair-chance/statement", "error")]
