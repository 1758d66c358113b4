"""The employer's places are not the job's: places a posting says the worker need not be in, employers' names."""

from __future__ import annotations

import pytest

from postlint.facts.gazetteer import load_gazetteer
from postlint.facts.locations import Place, find_places
from postlint.reader import parse

G = load_gazetteer()


def places_of(text: str, fmt: str = "text") -> list[Place]:
    return find_places(parse(text, fmt, "posting"), G)


def read(text: str, fmt: str = "text") -> set[tuple[tuple[str, ...], bool]]:
    """(ids, remote) of each place read."""
    return {(p.jurisdictions, p.remote) for p in places_of(text, fmt)}


# ---------------------------------------------------------------------- a place the worker need not be in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Illustrator\n\nWe are UK based and looking for a freelancer (it is not a requirement to be UK based, "
            "but to be able to send invoices to UK based organisations).\n",
            {((), True)},
        ),
        ("Engineer\n\nOur team is based in London. There is no need to relocate to London.\n", {((), True)}),
        (
            "Engineer\n\nOur office is in Paris, but you are not required to be located in Paris.\n",
            {((), True)},
        ),
        # A field that names the country stays, and scopes the remote work.
        (
            "Engineer\n\nLocation: Germany\n\nOur office is in Berlin, but you don't need to be based in Berlin.\n",
            {(("EU-DE",), False), (("EU-DE",), True)},
        ),
    ],
)
def test_a_place_the_worker_need_not_be_in_is_not_the_jobs(
    text: str, expected: set[tuple[tuple[str, ...], bool]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Engineer\n\nThis role is based in London. You do not need to be a UK citizen.\n",
        "Engineer\n\nThis role is based in London. You don't need to be based in the office every day.\n",
    ],
)
def test_other_things_not_required_leave_the_place(text: str) -> None:
    assert read(text) == {(("UK",), False)}
