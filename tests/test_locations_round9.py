"""Places read from job-board shapes: a board's screening questions over the job's place, and a list of locations
whose remote item names its own country."""

from __future__ import annotations

import pytest
from conftest import places_of
from conftest import places_read as read

_PROSE = (
    "We are looking for a warehouse associate to pick, pack and ship customer orders in a busy distribution centre.\n"
)
_SCREENER = "Reliably commute or planning to relocate before starting work (Required)"

# ---------------------------------------------------------------------- screening questions over the job's place


@pytest.mark.parametrize(
    ("tail", "fmt"),
    [
        # The board's plain-text export: the label, then the question's list item.
        (f"Ability to commute/relocate:\n- Denver, CO 80202: {_SCREENER}\nWork Location: In person\n", "text"),
        (f"Ability to commute/relocate:\n\n- Denver, CO 80202: {_SCREENER}\n\nWork Location: In person\n", "text"),
        (
            "Ability to commute/relocate:\n- Denver, CO: Reliably commute or willing to relocate with an "
            "employer-provided relocation package (Preferred)\n",
            "text",
        ),
        ("Ability to Commute:\n- Denver, CO 80202 (Required)\n", "text"),
        ("Ability to Relocate:\n- Denver, CO 80202: Relocate before starting work (Required)\n", "text"),
        # Pasted into Markdown: a paragraph over a list, or one line.
        (f"Ability to commute/relocate:\n\n* Denver, CO 80202: {_SCREENER}\n", "markdown"),
        (f"Ability to commute/relocate:\n- Denver, CO 80202: {_SCREENER}\n", "markdown"),
        (f"Ability to commute/relocate: Denver, CO 80202: {_SCREENER}\n", "markdown"),
    ],
)
def test_a_screening_question_names_the_jobs_place(tail: str, fmt: str) -> None:
    # Below a long description, where no other reader looks: only the label places it.
    body = _PROSE * 3 + "\nBenefits:\n- 401(k)\n- Dental insurance\n\n"
    assert read(f"Warehouse Associate\n\n{body}{tail}", fmt) == {(("US-CO",), False)}


def test_a_screening_label_with_no_place_reads_nothing() -> None:
    text = f"Warehouse Associate\n\n{_PROSE}\nAbility to commute/relocate:\n- {_SCREENER}\n"
    assert read(text) == set()


def test_commuting_in_a_sentence_is_no_label() -> None:
    # "ability to commute" inside a sentence labels no field (the town is still read as running text).
    text = f"Warehouse Associate\n\n{_PROSE}\nCandidates need the ability to commute: Denver traffic is heavy.\n"
    assert [p.source for p in places_of(text, "text")] == ["text"]


# ---------------------------------------------------------------------- a remote item with its own country


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Alternatives: an office in Austin, or remote work anywhere in the US.
        ("Austin, TX; Remote - US", {(("US-TX",), False), (("US",), True)}),
        ("Austin, TX; Remote (US)", {(("US-TX",), False), (("US",), True)}),
        # The remote item names its state: remote work there.
        ("Austin, TX; Remote (US), Denver, CO", {(("US-TX",), False), (("US-CO",), False), (("US-CO",), True)}),
        # One item: remote work from the places it names, as before.
        ("New York, USA, Remote", {(("US-NY",), False), (("US-NY",), True)}),
        ("US - Remote WA", {(("US",), False), (("US-WA",), True)}),
    ],
)
def test_a_remote_item_is_narrowed_only_by_its_own_places(value: str, expected: set[object]) -> None:
    assert read(f"Data Analyst\n\nLocations: {value}\n\n{_PROSE}") == expected


# ---------------------------------------------------------------------- "Remote OK": okay, not Oklahoma


@pytest.mark.parametrize("line", ["Remote OK (US time zones)", "REMOTE OK", "We are remote OK and async."])
def test_remote_ok_in_prose_is_okay(line: str) -> None:
    assert all("US-OK" not in ids for ids, _ in read(f"Data Analyst\n\n{_PROSE}\n{line}\n"))


@pytest.mark.parametrize("value", ["Remote, OK", "Remote - OK", "Tulsa, OK (Remote)"])
def test_oklahoma_set_off_from_remote_is_still_oklahoma(value: str) -> None:
    assert (("US-OK",), True) in read(f"Data Analyst\n\nLocation: {value}\n\n{_PROSE}")


# ---------------------------------------------------------------------- Australia's states re-read a town


@pytest.mark.parametrize(
    "value", ["Albany, Western Australia", "Richmond, Queensland", "Perth, Western Australia", "Western Australia"]
)
def test_an_australian_state_places_the_town_before_it_in_australia(value: str) -> None:
    # Albany and Richmond are also US towns with laws of their own; the state's name says which is meant.
    assert read(f"Data Analyst\n\nLocation: {value}\n\n{_PROSE}") == {(("AU",), False)}


# ---------------------------------------------------------------------- a country code before its town


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("DE-Berlin", {(("EU-DE",), False)}),  # not Delaware
        ("IN-Bangalore", {(("IN",), False)}),  # not Indiana
        ("NL-Amsterdam", {(("EU-NL",), False)}),  # not Newfoundland
        ("CA-Toronto", {(("CA-ON",), False)}),  # not California
        ("CO-Bogota", {(("CO",), False)}),  # Colombia, whose code Colorado's comes before
        ("GR-Athens", {(("EU-GR",), False)}),
        ("DE-Berlin; PL-Warsaw", {(("EU-DE",), False), (("EU-PL",), False)}),
        # A state's code before its own town stays the state.
        ("CO-Denver", {(("US-CO",), False)}),
        ("IN-Indianapolis", {(("US-IN",), False)}),
    ],
)
def test_a_country_code_before_a_town_of_that_country_is_the_country(value: str, expected: set[object]) -> None:
    assert read(f"Data Analyst\n\nLocation: {value}\n\n{_PROSE}") == expected
    # A label alone on its line, the value on the next (a tracking system's field dump).
    assert read(f"Data Analyst\n\n{_PROSE}\nJob Locations\n{value}\n\nCategory\nInformation Technology\n") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("US-Denver-CO-DENVER", {(("US-CO",), False)}),
        ("US-Fort Lauderdale-FL-FORT LAUDERDALE", {(("US-FL",), False)}),
        ("US-Denver-CO", {(("US-CO",), False)}),
        ("US-Portland-OR", {(("US-OR",), False)}),  # a town the gazetteer leaves out: its state still counts
    ],
)
def test_a_tracking_systems_town_path_is_the_town(value: str, expected: set[object]) -> None:
    # Below a label line, as scraped tracking-system pages give it; the header's "Aurora, CO" is not read then.
    body = f"Data Analyst\n\n{_PROSE}\nJob Location\n\n{value}\n\nCategory\n\nIT\n"
    assert read(body) == expected
    assert read(f"Data Analyst\n\nLocation: {value}\n\n{_PROSE}") == expected


# ---------------------------------------------------------------------- more languages' labels, scraped bullets


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("» Localização: Funchal, Madeira (preferencial)", {(("EU-PT",), False)}),
        ("Lokalizacja: Warszawa", {(("EU-PL",), False)}),
        ("Sijainti: Helsinki", {(("EU-FI",), False)}),
        ("Sede di lavoro: Milano", {(("EU-IT",), False)}),
        ("Lugar de trabajo: Barcelona", {(("EU-ES",), False)}),
        ("Arbetsort: Stockholm", {(("EU-SE",), False)}),
        ("● Location: Berlin", {(("EU-DE",), False)}),
    ],
)
def test_labels_of_more_languages_and_scraped_bullets(line: str, expected: set[object]) -> None:
    # Below the description, where only a label places it.
    text = f"Data Engineer\n\n{_PROSE * 2}\nRequisitos:\n\n{line}\n\nMais informações no site.\n"
    assert [p.source for p in places_of(text, "markdown")] == ["field"]
    assert read(text, "markdown") == expected


# ---------------------------------------------------------------------- countries listed before a remote marker


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("This job is US/Canada remote.", {(("US", "CA"), True)}),
        ("This job is US, UK or Canada Remote.", {(("US", "UK", "CA"), True)}),
        ("This job is Germany, Spain, Portugal - Remote.", {(("EU-DE", "EU-ES", "EU-PT"), True)}),
        # A state before the marker is a place of its own, as before.
        ("This job is Colorado Remote.", {(("US-CO",), False), (("US-CO",), True)}),
    ],
)
def test_countries_listed_before_a_remote_marker_all_scope_it(line: str, expected: set[object]) -> None:
    assert read(f"Data Analyst\n\n{_PROSE}\n{line}\n") == expected


# ---------------------------------------------------------------------- where the employer takes candidates from


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "This role is open to candidates in Germany, Spain or Portugal.",
            {(("EU-DE",), False), (("EU-ES",), False), (("EU-PT",), False)},
        ),
        ("We are open to candidates located in Canada or the United States.", {(("CA",), False), (("US",), False)}),
        ("The position is open to candidates in any time zone.", set()),
        # No "open to": no cue (a sentence too long to be read as a short line at the top).
        ("Candidates in Germany often ask about our visa policy, so our careers page answers it in detail.", set()),
    ],
)
def test_open_to_candidates_in_names_where_the_job_can_be(line: str, expected: set[object]) -> None:
    assert read(f"Data Analyst\n\n{_PROSE}\n{_PROSE}\n{line}\n") == expected


# ---------------------------------------------------------------------- metro areas as a networking site names them


@pytest.mark.parametrize(
    ("area", "expected"),
    [
        ("Dallas-Fort Worth Metroplex", "US-TX"),
        ("Dallas/Fort Worth", "US-TX"),
        ("DFW", "US-TX"),
        ("Raleigh-Durham-Chapel Hill Area", "US-NC"),
        ("Minneapolis-St. Paul", "US-MN"),
        ("Tampa Bay Area", "US-FL"),
    ],
)
def test_a_metro_area_under_the_employer_is_its_state(area: str, expected: str) -> None:
    text = f"Senior Data Engineer\nAcme\n{area}\n\nAbout the job\n\n{_PROSE}"
    assert read(text) == {((expected,), False)}
