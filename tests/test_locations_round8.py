"""Places read from shapes seen in scraped postings: US towns named like big foreign cities, a required place that
overrides the header's, where the worker must live, and names joined by "&"."""

from __future__ import annotations

import pytest
from conftest import places_read as read

from postlint.facts.gazetteer import load_gazetteer

G = load_gazetteer()

_PROSE = "We test air emissions for clients across many industrial sectors, and train our people in the field.\n"


# ---------------------------------------------------------------------- a foreign city's name in a US state's line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A scraped field: the office's name, then the town and its state.
        (
            f"Project Scientist\nAlliance Source Testing\nAlabaster, AL\n\nJob Location\nBirmingham Office - "
            f"Alabaster, AL\nPosition Type\nIntern\n\n{_PROSE}",
            {(("US-AL",), False)},
        ),
        # A site path of country, state and town among the header lines.
        (
            f"Data Scientist\nGSK\nSite Name: USA - Massachusetts - Cambridge\n\n{_PROSE}",
            {(("US",), False), (("US-MA",), False)},
        ),
    ],
)
def test_foreign_city_name_in_a_line_of_a_us_state_is_the_us_town(text: str, expected: set[object]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Lists of offices keep each city where it is.
        ("New York; London", {(("US-NY-NYC",), False), (("UK",), False)}),
        ("Austin, TX / London", {(("US-TX",), False), (("UK",), False)}),
        ("Boston, MA or Cambridge", {(("US-MA",), False), (("UK",), False)}),
        # The city's country is named: it is that country's city.
        ("London, UK - Austin, TX", {(("US-TX",), False), (("UK",), False)}),
        ("Denmark; Boston, Massachusetts, United States", {(("EU-DK",), False), (("US-MA",), False)}),
        # A US city of its own beside it: the line may name two offices.
        ("New York City - London", {(("US-NY-NYC",), False), (("UK",), False)}),
    ],
)
def test_foreign_city_in_a_list_or_with_its_country_stays_foreign(value: str, expected: set[object]) -> None:
    assert read(f"Data Analyst\n\nLocation: {value}\n\n{_PROSE}") == expected


# ---------------------------------------------------------------------- a required place over the header's


def test_required_place_overrides_the_header_place() -> None:
    text = (
        "Clinical Data Scientist\nPfizer\nGroton, CT\n\nTHIS ROLE MUST BE BASED IN SAN DIEGO\n\n"
        "As part of the Data Monitoring and Management group, the Clinical Data Scientist is responsible for timely "
        "and high quality data management deliverables supporting the portfolio.\n"
    )
    assert read(text) == {(("US-CA",), False)}


@pytest.mark.parametrize(
    "sentence",
    [
        # The header's town lies inside the required area.
        "This position must be located in Connecticut. Significant travel around the state is required.",
        # A wish, not a requirement.
        "The role could be based in San Diego for the right person.",
    ],
)
def test_header_place_stays_when_the_statement_agrees_or_only_wishes(sentence: str) -> None:
    text = f"Clinical Data Scientist\nPfizer\nGroton, CT\n\n{sentence}\n\n{_PROSE}"
    assert (("US-CT",), False) in read(text)


# ---------------------------------------------------------------------- where the worker must live


def test_residence_requirement_scopes_unscoped_remote_work() -> None:
    text = (
        "Elections Program Manager\n\nLocation: Renton, WA\n\n"
        "Work Location: The work associated with this position will be performed through a combination of "
        "mandatory on-site work with some telecommuting work as needed.\n\n" + _PROSE * 3 + "\n"
        "Employees must reside in Washington state and within a reasonable distance to their King County worksite "
        "to respond to workplace reporting requirements.\n"
    )
    assert (("US-WA",), True) in read(text)
    assert ((), True) not in read(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ideally you live in Washington state, close to the office.",
        "Many of our employees live in Washington state.",
    ],
)
def test_a_wish_or_a_fact_about_others_scopes_nothing(sentence: str) -> None:
    text = (
        "Elections Program Manager\n\nLocation: Renton, WA\n\nWork Location: The work will be performed on site with "
        f"some telecommuting work as needed.\n\n{sentence}\n"
    )
    assert ((), True) in read(text)


# ---------------------------------------------------------------------- the employer's base beside the job's place


def test_employer_base_is_not_read_beside_the_header_place() -> None:
    text = (
        "Data Scientist\nEcoMetric\nPune\n\n11/23/2020\nEcoMetric Consulting is a USA based full service energy "
        "consulting firm focusing on energy efficiency. We are setting up an office and are looking for two Energy "
        "Engineers to join our team.\n"
    )
    assert read(text) == {(("IN",), False)}


def test_employer_base_is_read_when_nothing_else_places_the_job() -> None:
    text = (
        "Data Scientist\n\nEcoMetric Consulting is a USA based full service energy consulting firm focusing on "
        "energy efficiency, and we are looking for two Energy Engineers to join our team.\n"
    )
    assert read(text) == {(("US",), False)}


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


# ---------------------------------------------------------------------- a term's abbreviation in brackets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The code spells the initials of the words before it: an abbreviation being defined, no place.
        ("Physician Assistant (PA)\n\nJoin our clinic.\n", set()),
        ("Scientist 2,Quality Control (QC) Viral Vector\n\nWe are hiring.\n", set()),
        ("Nurse\n\nThe Medical Doctor (MD) reviews the charts with you.\n", set()),
        (
            "Engineer\n\nJoin our Medical Assistant (MA) team in Denver, CO.\n",
            {(("US-CO",), False)},
        ),
        # A code after a place, or after a place named in full, is still read.
        ("Engineer\n\nBased in Denver (CO).\n", {(("US-CO",), False)}),
        ("Engineer\n\nOffices in Santa Fe, New Mexico (NM).\n", {(("US-NM",), False)}),
        ("Engineer\n\nLocation: Montreal (QC)\n", {(("CA-QC",), False)}),
        ("Engineer\n\nBased in Carlsbad, California (CA).\n", {(("US-CA",), False)}),
    ],
)
def test_a_terms_abbreviation_in_brackets_is_no_place(text: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(text) == expected


# ---------------------------------------------------------------------- a recruiter's client and where it is


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Voor onze klant in Antwerpen zijn we op zoek naar een Analytics Engineer die meewerkt aan dataprojecten.",
            {(("EU-BE",), False)},
        ),
        (
            "For our client in London we are looking for an Analytics Engineer who will build data models.",
            {(("UK",), False)},
        ),
        (
            "Pour notre client à Bruxelles, nous recherchons un Analytics Engineer pour des projets de données.",
            {(("EU-BE",), False)},
        ),
        (
            "Voor onze klanten in Gent en Brussel zoeken we een Analytics Engineer die graag met data werkt.",
            {(("EU-BE",), False)},
        ),
        # The clients' places, not the job's; and a client described by its trade.
        ("You will support our clients in Germany and France with their data platforms every day.", set()),
        ("For our client in the energy sector we are looking for an engineer who will build data models.", set()),
    ],
)
def test_a_recruiters_client_is_where_the_job_is(sentence: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(f"Analytics Engineer\n\n{sentence}\n") == expected
