"""Places in the shapes job boards and applicant-tracking exports give them, read from parsed Documents."""

from __future__ import annotations

import pytest
from conftest import places_of
from conftest import places_read as read

from postlint.facts.gazetteer import load_gazetteer
from postlint.facts.locations import posting_jurisdictions

G = load_gazetteer()


# ---------------------------------------------------------------------- a job open across a country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Content Designer\n\nCDS is a fully distributed team. This role can be performed from anywhere in Canada. "
            "In the future, occasional travel to Ottawa may be required.\n",
            {(("CA",), True)},
        ),
        (
            "Service Designer\n\nWhile we have locations in Ottawa, Montreal, Toronto, and Kitchener; we largely work "
            "distributedly and equally value candidates in other parts of Canada.\n",
            {(("CA-ON",), False), (("CA-QC",), False), (("CA",), True)},
        ),
        (
            "Concepteur de services\n\nNos bureaux sont situés à Ottawa, mais notre travail se fait à distance la "
            "plupart du temps, et nous prenons les candidatures provenant d’autres régions du Canada.\n",
            {(("CA-ON",), False), (("CA",), True)},
        ),
        (
            "Analytics Engineer\n\nThanks to our flexible working models, you can be based anywhere in Germany.\n",
            {(("EU-DE",), True)},
        ),
        (
            "Analyste\n\nCe poste est permanent, à temps plein et en télétravail partout au Canada.\n",
            {(("CA",), True)},
        ),
        # A trip or a wish after the area is no place of work.
        (
            "Analyst\n\nThis job can be performed from anywhere in Canada with occasional travel to Ottawa.\n",
            {(("CA",), True)},
        ),
    ],
)
def test_a_job_open_across_a_country_is_remote_there(text: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(text) == expected


def test_anywhere_in_the_country_is_the_country_of_the_places_given() -> None:
    text = (
        "Developer\n\nWe are hiring in Ottawa and Toronto. This fully remote position is open to applicants located "
        "anywhere in the country.\n"
    )
    assert (("CA",), True) in read(text)


@pytest.mark.parametrize(
    "text",
    [
        "Analyst\n\nWe welcome candidates from other parts of Canada who are willing to relocate to Ottawa.\n",
        "Analyst\n\nOur products serve people and businesses anywhere.\n",
    ],
)
def test_no_country_wide_remote_work(text: str) -> None:
    assert not any(p.remote for p in places_of(text))


# ---------------------------------------------------------------------- lists of places with a remote option


def test_a_remote_item_in_a_list_of_offices_is_country_wide() -> None:
    text = "Location: Washington, DC; San Francisco, CA; Chicago, IL; New York, NY; Virtual (100% Remote)\n"
    places = places_of(text)
    assert [p.jurisdictions for p in places if p.remote] == [("US",)]
    assert "US-CO" in posting_jurisdictions(places, G)  # a remote US role follows Colorado's law


@pytest.mark.parametrize("text", ["Location: New York, USA, Remote\n", "Location: US - Remote WA\n"])
def test_a_remote_marker_beside_one_place_still_narrows(text: str) -> None:
    assert all("-" in j for p in places_of(text) if p.remote for j in p.jurisdictions)


# ---------------------------------------------------------------------- labels, leads, cues


def test_a_country_code_and_town_label() -> None:
    assert read("Analytics Engineer\n\nJob Location: PT-Lisbon\n") == {(("EU-PT",), False)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Executive Director, Peoria County, Illinois: The Executive Director is responsible for all aspects of "
            "the administration of the Election Commission.\n",
            "US-IL",
        ),
        (
            "Information Technology Director, Leon County, Florida: This is an executive level position on the "
            "management team at the Supervisor of Elections Office.\n",
            "US-FL",
        ),
    ],
)
def test_a_digest_lead_ending_with_a_colon(text: str, expected: str) -> None:
    assert {j for p in places_of(text) for j in p.jurisdictions} == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analytics Engineer (m/w/d)\n\nFür ein spannendes Kundenprojekt im Bereich Imaging in München suchen "
            "wir ab sofort einen Analytics Engineer (m/w/d).\n",
            {"EU-DE"},
        ),
        ("Entwickler (m/w/d)\n\nAm Standort Hamburg suchen wir ab sofort Verstärkung.\n", {"EU-DE"}),
        ("Entwickler (m/w/d)\n\nIn Zukunft suchen wir mehr Menschen wie dich.\n", set()),
    ],
)
def test_german_place_before_suchen_wir(text: str, expected: set[str]) -> None:
    assert {j for p in places_of(text) for j in p.jurisdictions} == expected


def test_join_our_team_in_our_offices() -> None:
    text = (
        "Lead Data Scientist\n\nOur department is seeking a Lead Data Scientist to join our growing team in our "
        "Worcester, MA or Windsor, CT offices. The role combines modelling with business judgment and much more.\n"
    )
    assert {j for p in places_of(text) for j in p.jurisdictions} == {"US-MA", "US-CT"}


# ---------------------------------------------------------------------- names that are no place, towns that are


def test_a_magazine_named_for_the_country_is_no_place() -> None:
    text = "# Elections Clerk\n\nLocation: Madison, WI\n\n## #11 Best Places to Live –U.S. News and World Report\n"
    assert "US" not in {j for p in places_of(text, "markdown") for j in p.jurisdictions}
    assert "US" in {j for p in places_of("# Analyst\n\n## Remote (U.S.)\n", "markdown") for j in p.jurisdictions}


@pytest.mark.parametrize("town", ["Campbelltown", "Darlinghurst", "North Sydney", "Macquarie Park"])
def test_australian_towns_on_a_scraped_header(town: str) -> None:
    text = f"Store Manager\nRetail Group Pty Ltd\n{town}\n\nWe are a national retailer with many stores.\n"
    assert {j for p in places_of(text) for j in p.jurisdictions} == {"AU"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analyste principal\n\nCe poste est offert à Ottawa, Toronto ou Montréal. Nous offrons un horaire "
            "flexible et des avantages sociaux complets à toutes nos équipes.\n",
            {"CA-ON", "CA-QC"},
        ),
        ("Analyste\n\nLes postes sont offerts à Montréal et à Québec, dans nos bureaux du centre-ville.\n", {"CA-QC"}),
        # "offert à" after no role: a service offered, not a job.
        (
            "Analyste\n\nNous avons offert à Ottawa un service de conseil à des centaines de ministères et "
            "d'organismes fédéraux depuis 2017.\n",
            set(),
        ),
    ],
)
def test_french_role_offered_in_places(text: str, expected: set[str]) -> None:
    assert {j for p in places_of(text) for j in p.jurisdictions} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tester\n\nThis is a Contract position.Duration: 12 Months ContractLocation: Chesterfield, VA (100% "
            "Remote)Role: Vulnerability/Penetration TesterPrimary Skills: Penetration Testing, Nessus\n",
            {(("US-VA",), False), (("US-VA",), True)},
        ),
        (
            "Developer\n\nJob DescriptionFull Stack Developer (MEAN)Locations: Hybrid - Massachusetts Get To Know "
            "The Team:We are seeking a full stack web developer.\n",
            {(("US-MA",), False)},
        ),
    ],
)
def test_a_location_label_glued_to_the_word_before(text: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(text) == expected


def test_a_word_ending_in_location_is_no_label() -> None:
    text = "Analyst\n\nWe value relocation: Denver offers a great lifestyle, and we cover the costs of moving there.\n"
    assert read(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label with a word after it, and remote work offered as another way than the offices.
        (
            "# 数据工程师\n\n1. 熟悉数据仓库。\n2. 工作地点支持：北京 / 深圳办公，或北美时区远程办公。\n",
            {(("CN",), False), ((), True)},
        ),
        ("# 前端工程师\n\n职责说明很长的一段文字，介绍团队和工作内容。\n\n办公地点为：上海\n", {(("CN",), False)}),
        ("# 前端工程师\n\n职责说明很长的一段文字，介绍团队和工作内容。\n\n【工作地点】：杭州\n", {(("CN",), False)}),
    ],
)
def test_chinese_location_label_variants(text: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(text, "markdown") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Analyst, Acme — Salary: $20 an hour. Must have own laptop. Location: Munich, Germany. Please submit "
            "resume, references and samples of your work to the address below.\n",
            {(("EU-DE",), False)},
        ),
        (
            "Analyst, Acme — Must have own laptop. Location: Anywhere. Munich, Germany preferred but not required. "
            "Position available as of January 1.\n",
            {((), True)},
        ),
        ("Engineer\n\nLocation: Worldwide\n", {((), True)}),
    ],
)
def test_a_label_opening_a_sentence_in_a_line_of_fields(text: str, expected: set[tuple[tuple[str, ...], bool]]) -> None:
    assert read(text) == expected
