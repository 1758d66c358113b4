"""The employer's places are not the job's: places a posting says the worker need not be in, employers' names."""

from __future__ import annotations

import pytest
from conftest import places_of
from conftest import places_read as read

# ---------------------------------------------------------------------- a place the worker need not be in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The employer's own place stays (its laws bind the employer) but does not scope the remote work.
        (
            "Illustrator\n\nWe are UK based and looking for a freelancer (it is not a requirement to be UK based, "
            "but to be able to send invoices to UK based organisations).\n",
            {(("UK",), False), ((), True)},
        ),
        (
            "Engineer\n\nOur office is in Paris, but you are not required to be located in Paris.\n",
            {(("EU-FR",), False), ((), True)},
        ),
        (
            "Engineer\n\nLocation: Germany\n\nOur office is in Berlin, but you don't need to be based in Berlin.\n",
            {(("EU-DE",), False), ((), True)},
        ),
        # A place read inside the clause itself ("relocate to London") is no place of the job.
        ("Engineer\n\nThere is no need to relocate to London.\n", {((), True)}),
        # A remote scope stated elsewhere stays.
        (
            "Engineer\n\nLocation: Remote (US)\n\nWe are a Boston-based company; you don't need to be based in "
            "Boston.\n",
            {(("US",), True)},
        ),
    ],
)
def test_a_place_the_worker_need_not_be_in_makes_the_role_remote(
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


# ---------------------------------------------------------------------- an employer's name that carries its country


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("Math Teacher\nThink Academy U.S\n\nAbout the job\n\nLocation: Remote\n", "text", "US"),
        ("Data Analyst\nAcme Canada Inc.\n\nLocation: Remote\n", "text", "CA"),
        ("Designer\nSynpulse Australia Pty Ltd\n\nLocation: Remote\n", "text", "AU"),
        ("---\ntitle: Engineer\ncompany: Foo (UK) Ltd\n---\nLocation: Remote\n", "markdown", "UK"),
    ],
)
def test_a_remote_role_of_a_countrys_legal_entity_is_remote_there(text: str, fmt: str, expected: str) -> None:
    assert read(text, fmt) == {((expected,), True)}


@pytest.mark.parametrize(
    "text",
    [
        "Analyst\nBank of America\n\nLocation: Remote\n",
        "Analyst\nFoo GmbH\n\nLocation: Remote\n",
        "Analyst\nAcme Inc.\n\nLocation: Remote\n",
        "Analyst\nAcme Georgia LLC\n\nLocation: Remote\n",
    ],
)
def test_other_employer_names_give_no_country(text: str) -> None:
    assert read(text) == {((), True)}


def test_an_employer_country_does_not_override_a_stated_scope() -> None:
    assert read("Analyst\nAcme Canada Inc.\n\nLocation: Remote (US)\n") == {(("US",), True)}


# ---------------------------------------------------------------------- company facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Where the employer was founded is never the job's place.
        ("Data Scientist\nBridgerock Data\nGainesville, FL\n\nFounded in Silicon Valley, scaling here.\n", {"US-FL"}),
        ("Data Scientist\n\nFounded in 2012 in Stockholm, we build tools.\n", set()),
        # Its head office is not, when the posting gives another place ...
        (
            "Data Scientist\nAcme\nDenver, CO\n\nHeadquartered in Boston, Acme has offices in four countries.\n",
            {"US-CO"},
        ),
        # ... but is kept when it is the only place read: a small employer's onsite role is usually there.
        ("Data Scientist\n\nHeadquartered in Boston, we are a team of twenty.\n", {"US-MA"}),
    ],
)
def test_company_facts_do_not_add_places(text: str, expected: set[str]) -> None:
    assert {j for p in places_of(text) for j in p.jurisdictions} == expected


_ABOUT = "We build tools for teams that care about data quality, and we have grown fast over the last few years. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A wholly remote role: the employer's offices and head office are not where the work is done.
        ("We have offices in London and New York. This role is fully remote.", {((), True)}),
        ("Our headquarters is in Boston. This is a remote position.", {((), True)}),
        # A remote day or two of a hybrid role keeps the office as the place, and its area.
        ("Our headquarters is in Boston. You can work remotely on Fridays.", {(("US-MA",), False), (("US-MA",), True)}),
        ("Our headquarters is in Boston. This is an onsite position.", {(("US-MA",), False)}),
        # The role's own place is no employer's office.
        ("This role is based in Denver. This role is fully remote.", {(("US-CO",), False), (("US-CO",), True)}),
    ],
)
def test_the_offices_of_a_wholly_remote_role_are_the_employers(
    text: str, expected: set[tuple[tuple[str, ...], bool]]
) -> None:
    assert read("Engineer\n\n" + _ABOUT + text + "\n") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The job's own place, said in a sentence, leaves the employer's offices out ...
        ("This role is based in Denver. We have offices in London and New York.", {(("US-CO",), False)}),
        ("We have offices in London and New York. This role is based in Denver.", {(("US-CO",), False)}),
        # ... and with none, the offices stay, as the ones the job is most likely at.
        ("We have offices in London and New York.", {(("UK",), False), (("US-NY",), False)}),
    ],
)
def test_the_employers_offices_beside_the_jobs_own_place(
    text: str, expected: set[tuple[tuple[str, ...], bool]]
) -> None:
    assert read("Engineer\n\n" + _ABOUT + text + "\n") == expected


def test_one_office_the_work_is_done_at_stays_beside_the_jobs_place() -> None:
    text = (
        "Election Supplies Coordinator, Fairfax, Virginia – oversees the distribution of election supplies. Supply "
        "preparation is conducted at both our main office in Fairfax, VA, and our warehouse in Springfield, VA.\n"
    )
    assert {p.text for p in places_of(text)} >= {"Fairfax, Virginia", "Fairfax, VA"}
