"""Gazetteer and location extraction: where a posting's role is, from real parsed Documents."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postlint.facts.gazetteer import Gazetteer, builtin_path, load_gazetteer, parse_gazetteer, validate_entry
from postlint.facts.locations import Place, find_places, posting_jurisdictions
from postlint.reader import parse

G = load_gazetteer()

REMOTE_US = ("US", "US-CA", "US-CO", "US-MD", "US-NY", "US-NY-NYC", "US-NY-WESTCHESTER", "US-VA", "US-WA")


def ids_in(text: str, *, location_value: bool = False, gazetteer: Gazetteer = G) -> list[str]:
    return [jid for _, _, ids in gazetteer.find(text, location_value=location_value) for jid in ids]


def places_of(text: str, fmt: str = "markdown", **kwargs: object) -> list[Place]:
    return find_places(parse(text, fmt, "posting"), G, **kwargs)  # type: ignore[arg-type]


def jurisdictions_of(text: str, fmt: str = "markdown") -> tuple[str, ...]:
    return posting_jurisdictions(places_of(text, fmt), G)


# ---------------------------------------------------------------------- the gazetteer on its own

US_STATES = sorted(
    (j.id, j.name, code)
    for j in G.jurisdictions.values()
    if j.id.startswith("US-") and j.id.count("-") == 1 and j.id != "US-PR"
    for code in [j.id[3:]]
)


def test_every_state_and_dc_is_present() -> None:
    assert len(US_STATES) == 51
    assert {s[0] for s in US_STATES} >= {"US-CO", "US-DC", "US-WY", "US-HI", "US-AK"}


@pytest.mark.parametrize(("jid", "name", "code"), US_STATES, ids=[s[0] for s in US_STATES])
def test_each_state_by_name_and_by_code(jid: str, name: str, code: str) -> None:
    # "Springfield" is not in the gazetteer: the code after "City, " decides.
    assert ids_in(f"Springfield, {code}") == [jid]
    assert ids_in(f"Located in: Somewhere ({code})") == [jid]
    assert ids_in(code, location_value=True) == [jid]
    if jid != "US-DC":
        assert ids_in(name) == [jid]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denver, CO", ["US-CO"]),
        ("Boulder, Colorado", ["US-CO"]),
        ("DENVER, CO 80202", ["US-CO"]),
        ("Minneapolis MN", ["US-MN"]),
        # New York City is not New York State
        ("New York, NY", ["US-NY-NYC"]),
        ("New York City", ["US-NY-NYC"]),
        ("NYC", ["US-NY-NYC"]),
        ("Brooklyn, NY", ["US-NY-NYC"]),
        ("New York", ["US-NY"]),
        ("Buffalo, NY", ["US-NY"]),
        ("Albany, NY", ["US-NY-ALBANYCO"]),
        ("White Plains, New York", ["US-NY-WESTCHESTER"]),
        ("Ithaca, NY", ["US-NY-ITHACA"]),
        # DC is not Washington State
        ("Washington, DC", ["US-DC"]),
        ("Washington D.C.", ["US-DC"]),
        ("District of Columbia", ["US-DC"]),
        ("Seattle, WA", ["US-WA"]),
        ("Washington State", ["US-WA"]),
        ("Washington", ["US-WA"]),
        # London is the UK unless Ontario says otherwise
        ("London", ["UK"]),
        ("London, UK", ["UK"]),
        ("London, ON", ["CA-ON"]),
        ("London, Ontario, Canada", ["CA-ON"]),
        ("Paris", ["EU-FR"]),
        ("Paris, TX", ["US-TX"]),
        ("Paris, Texas", ["US-TX"]),
        ("Austin, New York, Boston", ["US-TX", "US-NY", "US-MA"]),  # a list, not Austin in New York
        ("Cambridge", ["UK"]),
        ("Cambridge, MA", ["US-MA"]),
        ("Athens, GA, GA, 30601", ["US-GA"]),
        ("Athens, Greece", ["EU-GR"]),
        # California's cities and counties
        ("Los Angeles, CA", ["US-CA-LA"]),
        ("Los Angeles County", ["US-CA-LACOUNTY"]),
        # The county's ordinances reach its unincorporated areas, not its cities.
        ("Pasadena, CA", ["US-CA"]),
        ("Marina del Rey, CA", ["US-CA-LACOUNTY"]),
        ("San Francisco", ["US-CA-SF"]),
        ("South San Francisco, CA", ["US-CA"]),
        ("Oakland, CA", ["US-CA"]),
        # CA the code is California; Canada is CA the country
        ("Sacramento, CA", ["US-CA"]),
        ("Canada", ["CA"]),
        ("Toronto, ON, CA", ["CA-ON"]),
        ("Vancouver, BC", ["CA-BC"]),
        ("Vancouver, WA", ["US-WA"]),
        ("Perth, WA", ["AU"]),
        ("Bangalore, IN", ["IN"]),
        ("Indianapolis, IN", ["US-IN"]),
        ("Tel Aviv, IL", ["IL"]),
        ("Chicago, IL", ["US-IL"]),
        ("Cleveland, OH", ["US-OH-CLE"]),
        ("Columbus, OH", ["US-OH-CBUS"]),
        ("Columbus, GA", ["US-GA"]),
        ("Philadelphia, PA", ["US-PA-PHL"]),
        ("Jersey City, NJ", ["US-NJ-JERSEYCITY"]),
        ("Montgomery County, MD", ["US-MD"]),
        ("Portland, OR", ["US-OR"]),
        ("Portland, ME", ["US-ME"]),
        ("Georgia", ["US-GA"]),
        ("Atlanta, Georgia", ["US-GA"]),
        ("Berlin, Germany; Helsinki, Finland", ["EU-DE", "EU-FI"]),
        ("München", ["EU-DE"]),
        ("Zürich", ["CH"]),
        ("Wien, Österreich", ["EU-AT"]),
        ("Vilnius, Lithuania", ["EU-LT"]),
        ("Kraków, Polska", ["EU-PL"]),
        ("España", ["EU-ES"]),
        ("Cordoba, Spain", ["EU-ES"]),
        ("上海闵行区", ["CN"]),
        ("Base深圳", ["CN"]),
        ("东京", ["JP"]),
        # Names the gazetteer lacked: Kochi's older name, Chinese names of the UAE, Dubai and Chinese towns.
        ("Cochin", ["IN"]),
        ("位置：阿联酋迪拜市中心", ["AE", "AE"]),
        ("工作地点：哈尔滨 / 新加坡", ["CN", "SG"]),
        ("[义乌] 招 PHP 全栈", ["CN"]),
        # A state's name that ends the list re-reads a town known elsewhere; one that goes on is a list item.
        ("Lexington, Virginia", ["US-VA"]),
        ("Lexington, Virginia, USA", ["US-VA"]),
        ("Kansas City, Kansas", ["US-KS"]),
        ("Lexington, Virginia and Frankfort, Kentucky", ["US-VA", "US-KY"]),
        ("Lexington, Virginia, Richmond", ["US-KY", "US-VA", "US-VA"]),
        ("Austin, New York", ["US-TX", "US-NY"]),
        # States as newspapers abbreviate them (AP style), in code position, written so.
        ("Solano County, Calif.", ["US-CA"]),
        ("Medford, Mass.", ["US-MA"]),
        ("Charleston, W.Va.", ["US-WV"]),
        ("Columbia, S.C.", ["US-SC"]),
        ("The candidate was ill. Then", []),
    ],
)
def test_find(text: str, expected: list[str]) -> None:
    assert ids_in(text) == expected


@pytest.mark.parametrize(
    ("text", "country", "inside"),
    [
        ("hub countries (UK, USA (east coast), Kenya)", "US", "US-NY"),
        ("offices on the US West Coast and elsewhere", "US", "US-CA"),
        ("based in Canada (West Coast) or Ghana", "CA", "CA-BC"),
    ],
)
def test_a_coast_in_running_text_narrows_its_country(text: str, country: str, inside: str) -> None:
    # Outside a location value too: "USA (east coast)" is not all of the USA (so not Colorado).
    ids = ids_in(text)
    assert inside in ids and country not in ids and "US-CO" not in ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A state's code between a town and a postal code; the code's length picks the country of a shared code.
        ("Artarmon NSW 2064", ["AU"]),
        ("Joondalup WA 6027", ["AU"]),
        ("Burgaw NC 28425", ["US-NC"]),
        ("Renton WA 98057-2906", ["US-WA"]),
        # A code with no reading in the postal code's country, or with no town before it, is no code.
        ("Form DE 2501 is due", []),
        ("the NT 4000 series", []),
    ],
)
def test_a_code_before_a_postal_code(text: str, expected: list[str]) -> None:
    assert ids_in(text) == expected


def test_an_unlisted_suburb_with_its_state_and_postcode_on_a_header_line() -> None:
    text = "Sales Crew\nGuzman Y Gomez\nCampbelltown NSW 2560\n\n" + PROSE
    assert jurisdictions_of(text, "text") == ("AU",)


@pytest.mark.parametrize(
    "text",
    [
        "Portland",
        "Python, Java or Go",
        "Java OR Python",
        "Apply IN person",
        "Contact me, OK?",
        "Say hi, ok",
        "Washington University",
        "New England",
        "Unified Government of Athens-Clarke County",
        "CO-OP program",
        "Come work with us",
        "ABOUT US",
    ],
)
def test_find_nothing(text: str) -> None:
    assert ids_in(text) == []


@pytest.mark.parametrize(
    ("text", "in_value", "elsewhere"),
    [
        ("CO", ["US-CO"], []),
        ("CA", ["US-CA"], []),
        ("NY, NJ, CT", ["US-NY", "US-NJ", "US-CT"], ["US-NJ", "US-CT"]),  # after "NY, " a code is in code position
        ("ONSITE IN DENVER", ["US-CO"], ["US-CO"]),  # a shouted IN is the word
        ("Hybrid - OR", ["US-OR"], []),
    ],
)
def test_bare_codes_count_only_in_a_location_value(text: str, in_value: list[str], elsewhere: list[str]) -> None:
    assert ids_in(text, location_value=True) == in_value
    assert ids_in(text) == elsewhere


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Remote (US)", ("US",)),
        ("Remote – United States", ("US",)),
        ("Remote, USA", ("US",)),
        ("US Remote", ("US",)),
        ("US-Remote", ("US",)),
        ("Remote within the US", ("US",)),
        ("anywhere in the US", ("US",)),
        ("Anywhere in the United States", ("US",)),
        ("fully remote (US)", ("US",)),
        ("Remote (Canada)", ("CA",)),
        ("anywhere in Canada", ("CA",)),
        ("Remote – EU", ("EU",)),
        ("Remote (Europe)", ("EU",)),
        ("Remote - EMEA", ("EU",)),
        ("Remote (US & Canada)", ("US", "CA")),
        ("Remote (Colorado)", ("US-CO",)),
        ("Remote - CA", ("US-CA",)),
        ("Remote (UK)", ("UK",)),
    ],
)
def test_remote_forms(text: str, expected: tuple[str, ...]) -> None:
    found = G.find_remote(text)
    assert len(found) == 1
    assert found[0][2] == expected


@pytest.mark.parametrize("text", ["Remote", "Virtual (100% Remote)", "Hybrid – Denver, CO", "Remote, Denver, CO"])
def test_remote_without_a_region(text: str) -> None:
    assert G.find_remote(text) == []


def test_names_and_remote_coverage() -> None:
    assert G.name("US-CO") == "Colorado"
    assert G.name("US-NY-NYC") == "New York City"
    assert G.name("XX-NOWHERE") == "XX-NOWHERE"
    assert G.remote_covered("US") == REMOTE_US[1:]
    assert G.remote_covered("CA") == ("CA-BC",)
    # Austria's and Lithuania's ad laws reach jobs in their country, not every Europe-wide remote role.
    assert G.remote_covered("EU") == ()
    assert G.remote_covered("JP") == ()
    remote = sorted(j.id for j in G.jurisdictions.values() if j.remote)
    assert remote == sorted([*REMOTE_US[1:], "CA-BC"])


# ---------------------------------------------------------------------- postings, all three formats

MARKDOWN = """---
title: Senior Data Engineer
location: Denver, CO
---

# Senior Data Engineer

We serve customers in Texas and Georgia, and our partners in London love the product we build together.
"""


def test_markdown_front_matter_location() -> None:
    doc = parse(MARKDOWN, "markdown", "posting.md")
    places = find_places(doc, G)
    assert [(p.source, p.text, p.jurisdictions, p.remote) for p in places] == [
        ("front-matter", "Denver, CO", ("US-CO",), False)
    ]
    assert doc.text[places[0].start : places[0].end] == "Denver, CO"


def test_front_matter_list_and_custom_key() -> None:
    text = "---\ntitle: Eng\noffice_city: [Boston, MA, 'Chicago, IL']\n---\n\nBody.\n"
    places = places_of(text, location_keys=("office_city",))
    assert [p.jurisdictions for p in places] == [("US-MA",), ("US-MA",), ("US-IL",)]
    assert places_of(text) == []  # not a location key unless configured


def test_front_matter_remote_expands_to_covered_states() -> None:
    text = "---\ntitle: Engineer\nlocation: Remote (US)\n---\n\nBody.\n"
    places = places_of(text)
    assert [(p.jurisdictions, p.remote) for p in places] == [(("US",), True)]
    assert posting_jurisdictions(places, G) == tuple(sorted(REMOTE_US))


def test_markdown_bold_label_and_value_on_next_line() -> None:
    text = "# Designer\n\nSome intro.\n\n**Location:**\nWashington, DC; San Francisco, CA; Chicago, IL; New York, NY\n"
    places = places_of(text)
    assert [p.jurisdictions[0] for p in places] == ["US-DC", "US-CA-SF", "US-IL", "US-NY-NYC"]
    assert {p.source for p in places} == {"field"}
    doc = parse(text, "markdown")
    assert all(doc.text[p.start : p.end] == p.text for p in places)


def test_markdown_location_heading() -> None:
    text = (
        "# Engineer\n\n## Location\n\nAustin, TX\n\n## Duties\n\n"
        "Write code for customers in Ohio every day of the week, all year long.\n"
    )
    assert jurisdictions_of(text) == ("US-TX",)


def test_plain_text_location_field() -> None:
    text = "Title: Elections Director\nSalary: $99,902 - $119,007 YEAR\nLocation: Athens, GA, GA, 30601\n"
    places = places_of(text, "text")
    assert [(p.source, p.jurisdictions) for p in places] == [("field", ("US-GA",))]
    assert text[places[0].start : places[0].end] == "Athens, GA, GA"


def test_plain_text_short_lines_at_the_top() -> None:
    text = (
        "Data Scientist\nLeidos\nSpringfield, VA\n\nThe Defense group has an opening on the RECON project in support"
        " of the research directorate in Texas.\n"
    )
    places = places_of(text, "text")
    assert [(p.source, p.jurisdictions) for p in places] == [("text", ("US-VA",))]


def test_html_label_and_table() -> None:
    text = (
        "<h1>Engineer</h1><p><strong>Location:</strong> Austin, TX</p>"
        "<table><tr><th>Office</th><td>Denver, CO</td></tr></table>"
    )
    places = places_of(text, "html")
    assert [(p.source, p.text, p.jurisdictions) for p in places] == [
        ("field", "Austin, TX", ("US-TX",)),
        ("table", "Denver, CO", ("US-CO",)),
    ]
    assert all(text[p.start : p.end] == p.text for p in places)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("Location: New York, NY or San Francisco, CA\n", "text", ("US-CA-SF", "US-NY-NYC")),
        ("Location: Hybrid – Denver, CO\n", "text", ("US-CO",)),
        ("Location: Remote\n", "text", ()),
        ("Location: Remote – EU\n", "text", ("EU",)),
        ("Location: Remote, Austria\n", "text", ("EU-AT",)),
        ("Location: anywhere in Canada\n", "text", ("CA", "CA-BC")),
        ("Standort: München\n", "text", ("EU-DE",)),
        ("# Analytics Engineer\n\n**Location:** Berlin, Germany; Helsinki, Finland\n", "markdown", ("EU-DE", "EU-FI")),
        ("## 前端工程师\n\n工作地点：上海\n\n负责前端开发。\n", "markdown", ("CN",)),
        ("## 阿里巴巴 高级前端开发工程师\n\n**工作地点**：杭州/北京\n", "markdown", ("CN",)),
        ("# Senior Engineer (Remote, US)\n\nBody text.\n", "markdown", REMOTE_US),
        ("📍 Vilnius\n\nWe build payments.\n", "markdown", ("EU-LT",)),
        ("Portland\n\nA long paragraph about the work we do for our customers across the whole region.\n", "text", ()),
        # A country's code just before another country's state is part of a street address, not the country.
        ("Location: City Hall 300 Monroe NW GR MI, MI\n", "text", ("US-MI",)),
        ("Location: Toronto ON CA\n", "text", ("CA-ON",)),
        ("Location: Athens, GR\n", "text", ("EU-GR",)),
    ],
)
def test_postings(text: str, fmt: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, fmt) == tuple(sorted(expected))


@pytest.mark.parametrize(
    "sentence",
    [
        "Our customers in Texas rely on us every day to deliver the best analytics platform on the market.",
        "We have partners in Georgia, Florida and Ohio, and we are proud of the work we do with them all.",
        "You will work closely with our teams across the globe, including colleagues in London and Paris.",
        "Our customers are located in Texas, California and New York, and depend on the platform daily.",
    ],
)
def test_body_prose_is_not_a_location(sentence: str) -> None:
    text = f"# Software Engineer\n\n{sentence}\n\n## Duties\n\n- {sentence}\n"
    assert places_of(text) == []


def test_a_sentence_that_states_the_location() -> None:
    text = (
        "# Translator\n\nThe Canadian Digital Service is changing how government works and how services reach people."
        " While we have locations in Ottawa, Montreal, Toronto, and Kitchener; we largely work distributedly.\n"
    )
    assert jurisdictions_of(text) == ("CA-ON", "CA-QC")


_INTRO = "The team builds the services that people across the country use every day, one release at a time."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # French plural and singular office phrases (cds-canada/0242, 0188, 0193, 0198).
        (
            "Alors que nos bureaux sont situés à Ottawa, à Montréal, à Toronto et à Kitchener, notre travail se fait"
            " de manière décentralisée.",
            ("CA-ON", "CA-QC"),
        ),
        ("Bien que nos bureaux soient situés à Ottawa et à Montréal, nous travaillons à distance.", ("CA-ON", "CA-QC")),
        ("Bien que notre bureau principal soit situé à Ottawa, notre équipe est répartie.", ("CA-ON",)),
        ("Nous comptons des bureaux à Ottawa, Montréal, Toronto et Kitchener.", ("CA-ON", "CA-QC")),
        # English: the offices' own place ("Our offices are in London, UK, Sofia, Bulgaria and Hyderabad, India").
        ("Our offices are in London, UK and Sofia, Bulgaria, where our teams meet each week.", ("EU-BG", "UK")),
        ("That being said, our HQ is in Chicago and in-person work is welcome.", ("US-IL",)),
        ("Our headquarters is located in Santa Monica, and we offer competitive salaries.", ("US-CA",)),
        # Hiring in named places (cds-canada/0016, 0039, 0140, 0137).
        (
            "We’re hiring people at all levels of experience in Ottawa, Toronto, Waterloo, and Montreal.",
            ("CA-ON", "CA-QC"),
        ),
        ("We are currently hiring in Ottawa and Montreal.", ("CA-ON", "CA-QC")),
        (
            "Nous embauchons des personnes de tous les niveaux d’expérience, à Ottawa, Toronto et Montréal.",
            ("CA-ON", "CA-QC"),
        ),
        (
            "Nous embauchons un ou une chef du développement logiciel à Ottawa, à Montréal ou à Toronto.",
            ("CA-ON", "CA-QC"),
        ),
        # Joining a team in a place (eu-analytics 0273, 0274, 0393; election postings in Phoenix and Denver).
        ("We are looking for an Analytics Engineer to join our Analytics Foundation team in Stockholm.", ("EU-SE",)),
        ("We are seeking a Software Product Specialist II to join our team in Phoenix, AZ!", ("US-AZ",)),
        ("You'll join our Data & AI team in Bangkok.", ("TH",)),
        # Dutch and German offices (eu-analytics 0290, 0339, 0394; 0370, 0389).
        ("Je werkt voornamelijk vanuit ons moderne kantoor in Rotterdam, met klanten op locatie.", ("EU-NL",)),
        ("Hybrides Arbeiten an unserem Standort in Innsbruck oder Wien, oder remote innerhalb der EU.", ("EU-AT",)),
        ("Idealerweise 3 Tage pro Woche vor Ort in unserem Office in Berlin.", ("EU-DE",)),
    ],
)
def test_a_sentence_that_states_the_offices_or_hiring_place(sentence: str, expected: tuple[str, ...]) -> None:
    text = f"# Software Developer\n\n{_INTRO}\n\n{sentence}\n"
    assert {jid for p in places_of(text) for jid in p.jurisdictions} == set(expected)


@pytest.mark.parametrize(
    "sentence",
    [
        # A place that does not follow the "in" at once, or whose office is someone else's (sentences longer than a
        # top line, which is read on its own).
        "We're hiring a User Experience Design Lead in the Office of Acquisition to help partners in Texas.",
        "We’re hiring Full Stack Software Developers. Our partners in Texas and Ohio rely on the platform.",
        "We invite you to apply and join our team in making a meaningful impact for voters in Georgia.",
        "Join the Clallam County team in the Auditor’s Office to support voters in Washington.",
        "Dentsply Sirona's global headquarters is located in Charlotte, North Carolina, USA.",
        "The Secretary of State's office is in compliance with federal and state statutes.",
        "Les déplacements occasionnels à Ottawa pourraient être nécessaires, situés à l’avenir.",
        "Een mooi kantoor in Amsterdam, flexibele werktijden en een goede pensioenregeling.",
        "Unsere Kunden sitzen in Berlin, München und Hamburg und verlassen sich jeden Tag auf unsere Plattform.",
        "The position in our Finance office supports the treasurer and the county's auditors with monthly reports.",
    ],
)
def test_office_and_hiring_phrases_that_state_no_place(sentence: str) -> None:
    text = f"# Software Developer\n\n{_INTRO}\n\n{sentence}\n"
    assert places_of(text) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Must be willing to work from our SF or NY office at least 3x per week.", ("US-CA-SF", "US-NY-NYC")),
        # A state's code after a town the gazetteer does not list names the state, not New York City.
        # (Sentences longer than a top line, which is read on its own.)
        (
            "Position is based at our Niagara Falls, NY office, with visits to the county boards we serve.",
            ("US-NY",),
        ),
        (
            "You will work from our Plattsburgh, New York office three days a week and from home on two.",
            ("US-NY",),
        ),
        # A facility, and a position (not a person) at the office (election postings from Albany and Garner).
        (
            "The Election Services Representative is an onsite position at our Albany, NY facility. It acts as a"
            " liaison between the counties and the plant.",
            ("US-NY-ALBANYCO",),
        ),
        (
            "This position will be based at our Garner, North Carolina facility and will be expected to report there.",
            ("US-NC",),
        ),
        (
            "The role at our Austin headquarters is hybrid, with three days a week in the office for the whole team.",
            ("US-TX",),
        ),
    ],
)
def test_the_office_a_sentence_names(sentence: str, expected: tuple[str, ...]) -> None:
    text = f"# Software Developer\n\n{_INTRO}\n\n{sentence}\n"
    assert tuple(dict.fromkeys(jid for p in places_of(text) for jid in p.jurisdictions)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A list of places inside a cue's sentence, items split by semicolons, numbered or not.
        (
            "The Data Specialist can be based in any one of the following four locations: 1. Denver, CO; "
            "2. Cary (Raleigh), NC; 3. Dallas, TX; or 4. St. Louis, MO",
            ("US-CO", "US-NC", "US-TX", "US-MO"),
        ),
        ("This position is located in Washington, DC; San Francisco, CA; Chicago, IL; or New York, NY.",
         ("US-DC", "US-CA-SF", "US-IL", "US-NY-NYC")),
        ("The role is based in one of our hubs: Austin, TX; Boston, MA; Seattle, WA.", ("US-TX", "US-MA", "US-WA")),
        # A clause after the semicolon is no list item, even when it names a place.
        ("This role is located in Denver, CO; Texas is where most of our customers are, and we visit them often.",
         ("US-CO",)),
        ("The position is based in Boston, MA; the remainder of the team works from home all over the country.",
         ("US-MA",)),
    ],
)  # fmt: skip
def test_a_list_of_places_in_a_cue_sentence(sentence: str, expected: tuple[str, ...]) -> None:
    text = f"# Software Developer\n\n{_INTRO}\n\n{sentence}\n"
    assert list(dict.fromkeys(jid for p in places_of(text) for jid in p.jurisdictions)) == list(expected)


def test_explicit_location_wins_over_top_lines() -> None:
    text = "Data Scientist\nThe Hilton Group of Paris\n\nLocation: Denver, CO\n\nBody.\n"
    assert jurisdictions_of(text, "text") == ("US-CO",)


PROSE = "You will build the reports that our analysts and managers rely on to make decisions every single week.\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Towns that only GeoNames lists, one after another: a list, both read.
        ("Växjö, Malmö (Hybrid work)", ["Växjö", "Malmö"]),
        ("Herndon, Reston", ["Herndon", "Reston"]),
        # A town followed by a region, or by a town of another country that names a region too, is the region's.
        ("Paris, TX", ["Paris, TX"]),
        ("London, Ontario", ["London, Ontario"]),
    ],
)
def test_a_list_of_towns_in_a_location_value(value: str, expected: list[str]) -> None:
    assert [
        p.text for p in places_of(f"# Analytics Engineer\n\n**Location:** {value}\n\nWe build things.\n")
    ] == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Work Remotely:\nYes, always", [("Mumbai", ("IN",), False), ("Work Remotely", ("IN",), True)]),
        ("**Remote work:** Yes", [("Mumbai", ("IN",), False), ("Remote work", ("IN",), True)]),
        # Remote for a while, now and then, or not at all: no remote job.
        ("Work Remotely:\nYes, temporarily due to COVID-19", [("Mumbai", ("IN",), False)]),
        ("Work Remotely:\nYes, occasionally", [("Mumbai", ("IN",), False)]),
        ("Work Remotely:\nNo", [("Mumbai", ("IN",), False)]),
    ],
)
def test_a_job_boards_remote_answer(answer: str, expected: list[tuple[str, tuple[str, ...], bool]]) -> None:
    text = f"Data Scientist\nAcme Analytics\nMumbai\n\nWe build models.\n\n{answer}\n"
    assert [(p.text, p.jurisdictions, p.remote) for p in places_of(text, "text")] == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # "Remote" where a scraped posting's header gives the town, and a line of ways of working under the towns.
        ("Senior Data Analyst\nVega Info Tech\nRemote\n", [("Remote", (), True)]),
        (
            "Analytics Engineer\nMelbourne, VIC • Sydney, NSW\nFinance\nRemote • Hybrid\nFull-time\n",
            [("Melbourne, VIC", ("AU",), False), ("Sydney, NSW", ("AU",), False), ("Remote", ("AU",), True)],
        ),
        # A town and a remote marker on one top line: remote work there, whichever marker it is.
        (
            "Junior Data Analyst\nAshdown Consulting\n6-month contract\nSydney / Work from Home\n",
            [("Sydney", ("AU",), False), ("Work from Home", ("AU",), True)],
        ),
        # Ways of working with no remote one, and a line that says more than a way of working.
        ("Analytics Engineer\nMelbourne, VIC\nHybrid • On-site\n", [("Melbourne, VIC", ("AU",), False)]),
        (
            "Analytics Engineer\nMelbourne, VIC\nRemote work experience is a plus\n",
            [("Melbourne, VIC", ("AU",), False)],
        ),
    ],
)
def test_a_top_line_of_ways_of_working(header: str, expected: list[tuple[str, tuple[str, ...], bool]]) -> None:
    text = f"{header}\nWe build the data platform that the whole company relies on, one careful release at a time.\n"
    assert [(p.text, p.jurisdictions, p.remote) for p in places_of(text, "text")] == expected


def test_a_town_alone_on_a_header_line_is_the_place() -> None:
    """A scraped posting's header (glassdoor-scrapes-sample/0133.txt): title, employer, then the town."""
    text = (Path(__file__).parent / "data" / "glassdoor-0133-header.txt").read_text(encoding="utf-8")
    places = places_of(text, "text")
    assert [(p.source, p.text, p.jurisdictions) for p in places] == [("text", "Bathurst", ("AU",))]
    assert text[places[0].start : places[0].end] == "Bathurst"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Geospatial Analyst\nDepartment of Defence\nWollongong\n\n{PROSE}", ("AU",)),
        (f"# Data Engineer\n\nAcme Corp\nOwensboro\nFull-time\n\n{PROSE}", ("US-KY",)),
        (f"Analytics Engineer\n**Suresnes**\nEngineering / Full-time\n\n{PROSE}", ("EU-FR",)),
    ],
)
def test_header_towns(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, "markdown" if text.startswith("#") else "text") == expected


@pytest.mark.parametrize(
    "text",
    [
        # An employer named like a town is named again in the text.
        f"Senior Data Scientist\nGallup\n\nAt Gallup, you will help clients. {PROSE}",
        # A team or a word: the posting uses it as a word.
        f"iOS Engineer\nMobile\nFull-time\n\nYou will build our mobile apps. {PROSE}",
        # An acronym.
        f"Power BI Analyst\nAcme Corp\nDAX\n\n{PROSE}",
        # The title line, and a town below the prose, are no header place.
        f"Wollongong\nAcme Corp\n\n{PROSE}",
        f"Geospatial Analyst\nDepartment of Defence\n{PROSE}Wollongong\n",
        # More than the name on the line.
        f"Geospatial Analyst\nDepartment of Defence\nWollongong campus tours\n\n{PROSE}",
    ],
)
def test_header_lines_that_are_no_place(text: str) -> None:
    assert places_of(text, "text") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A place inside the employer's name does not beat the place line below it.
        (f"Data Scientist\nCambridge Technology Inc.\nBangalore\n\n{PROSE}", ("IN",)),
        (f"Data Scientist\nBreathX Technologies Inc, ( Canary Health Technologies)\nHyderabad\n\n{PROSE}", ("IN",)),
        (f"Analyst\nSynpulse Australia Pty Ltd\nSydney\n\n{PROSE}", ("AU",)),
        (f"Engineer\nBoston Consulting Group\nLondon\n\n{PROSE}", ("UK",)),
        # Where the name is the only sign, it stands.
        (f"Economist\nReserve Bank of Australia\n\n{PROSE}", ("AU",)),
        (f"Analyst\nSynpulse Australia Pty Ltd\n\n{PROSE}", ("AU",)),
        # A region's code after a city is no company suffix.
        (f"Data Analyst\nCambridge Technology Inc.\nLas Vegas NV\n\n{PROSE}", ("US-NV",)),
    ],
)
def test_a_place_in_the_employer_line(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, "text") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elections Specialist, Kalamazoo County, Michigan — performs a wide variety of duties. " + PROSE, ("US-MI",)),
        ("Policy Analyst, Virginia Department of Elections — the Department seeks an analyst. " + PROSE, ("US-VA",)),
        (
            "Director of Operations, Department of Elections, Virginia– This position provides leadership. " + PROSE,
            ("US-VA",),
        ),
        (
            "Senior Associate, Pew Center on the States, Washington, D.C. — Election Initiatives aim high. " + PROSE,
            ("US-DC",),
        ),
        ("Chief Electoral Officer, Government of Nunavut, Canada — leads the office. " + PROSE, ("CA-NU",)),
        # A role with a spaced dash of its own, before the comma: the dash that ends the head comes after it.
        (
            "Departmental Analyst 12 – Training and Election Assistance, Michigan Department of State— This position "
            "leads the section. " + PROSE,
            ("US-MI",),
        ),
        (
            "Elections Analyst – Communications Unit, Ohio Secretary of State–The incumbent trains clerks. " + PROSE,
            ("US-OH",),
        ),
        # The role before the first comma is no place, nor is the description after the dash.
        ("Texas Liaison, The Carter Center — works with partners in Georgia and Texas. " + PROSE, ()),
        # A long first line with no "role, employer" head before a dash.
        ("We are hiring an analyst in a team that works across Ohio — and more. " + PROSE, ()),
    ],
)
def test_a_digest_lead_line(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, "text") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "【社招】欢迎加入抖音生活服务团队，有前端、后端岗位，HC 充足，"
            "可以 Base 上海、杭州、成都，团队氛围融洽，多元兼容，欢迎投递。\n",
            ("CN",),
        ),
        ("## 职位描述\n\n● 参与前沿技术研究，承担重点、难点技术攻坚\n● Base 上海、深圳、南京\n", ("CN",)),
        (
            "我们是一家做跨境支付的公司，团队分布在多个城市。"
            "工程师可远程支持，或base在新加坡办公室，提供工作签证和搬迁补贴。\n",
            ("SG",),
        ),
        # Pay in "base" is no place.
        ("薪资月 base20K-40K，年终与个人绩效、公司绩效挂钩，近几年业绩很好，团队技术氛围浓厚，福利也很不错。\n", ()),
    ],
)
def test_base_before_a_chinese_place_name(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, "markdown") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# web前端/北京(远程工作) 3年 · 本科/15-30k\n\n负责开发。\n", [("北京", False), ("远程工作", True)]),
        ("零知识证明工程师（可远程），薪资OPEN\n", [("可远程", True)]),
        ("美企，965，很少加班，可在家远程办公（很香）。\n", [("远程办公", True)]),
        # A skill, the candidate's experience, the interview, a refusal: no remote role.
        ("了解远程通信，消息队列，海量数据\n", []),
        ("多年国际化团队远程工作经验，崇尚极客精神\n", []),
        ("支持远程面试和入职，但不支持远程工作\n", []),
        ("**岗位暂不支持远程**\n", []),
        ("是否远程：否\n", []),
        # A bare "远程" given as one of the places, between brackets, slashes or list marks.
        ("## [远程] Cryptape 招聘区块链底层研发工程师 / Rust Software Engineer\n\n负责开发。\n", [("远程", True)]),
        (
            "## PwC AC Shanghai 【 远程 / 上海 】\n\n英语要好。\n",
            [("Shanghai", False), ("上海", False), ("远程", True)],
        ),
        ("## 后端工程师\n\n工作地点：杭州/北京/远程\n", [("杭州", False), ("北京", False), ("远程", True)]),
        # A word that goes on, or a bare "远程" inside a sentence, is no place option.
        ("## 后端工程师\n\n负责远程控制模块/设备管理的开发。\n", []),
        ("● 远程工作环境下的团队协作能力。\n\n工作地点：上海（实习生暂时不支持远程）\n", [("上海", False)]),
    ],
)
def test_remote_said_in_chinese(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(p.text, p.remote) for p in places_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The company's address, labelled on its line or as a heading over it, names the job's town.
        ("## 招聘职位\n\n前端开发工程师 12~25K\n\n### 公司地址\n\n广州市天河区天河北路233号中信广场\n", ("CN",)),
        ("## 后端工程师\n\n负责核心业务。\n\n**公司地址**\n深圳市南山区科技园\n", ("CN",)),
        ("## 后端工程师\n\n负责核心业务。\n\n办公地址：新加坡 One-North\n", ("SG",)),
        # A Latin building name after Chinese is no GeoNames town ("建外 SOHO" is not London's Soho).
        ("## 后端工程师\n\n负责核心业务。\n\n公司位置：国贸附近的建外 SOHO\n", ()),
        ("## 后端工程师\n\n负责核心业务。\n\n公司地址：北京市朝阳区建外 SOHO\n", ("CN",)),
    ],
)
def test_a_chinese_company_address(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text) == expected


# Long lines, so that the lines after them are not the posting's top lines (which are read on their own).
_ZH_BODY = "我们是一支专注于前端技术的团队，负责公司核心产品的研发与维护，技术栈以 React 为主，欢迎加入。\n" * 12


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A country and a town joined by hyphens open a line: the job's place, whatever the link after it is for.
        (
            "中国-北京-内推直达：https://job.toutiao.com/s/J7K8Y2M\n中国-重庆-内推直达：https://job.toutiao.com/s/x\n",
            ("CN",),
        ),
        ("- 新加坡-新加坡-简历直达：https://example.com/jobs/1\n", ("SG",)),
        # A country before a word that is no town, or before another country's town, a team before a town: no
        # such path.
        ("中国-移动-合作伙伴：https://example.com\n", ()),
        ("日本-北京-内推：https://example.com\n", ()),
        ("前端-北京-急招：https://example.com\n", ()),
    ],
)
def test_a_country_town_path_opening_a_line(lines: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(f"# 前端开发工程师\n\n{_ZH_BODY}\n{lines}") == expected


@pytest.mark.parametrize(
    ("sentence", "remote"),
    [
        ("Ce poste entièrement en télétravail est ouvert aux candidats et candidates de tout le pays.", True),
        ("Il s’agit d’un poste en télétravail, et le profil linguistique est anglais essentiel.", True),
        ("Le poste est en télétravail et relève du responsable de l’équipe de soutien de la plateforme.", True),
        # A refusal, or telework as a benefit, is no remote role.
        ("Ce poste n’est pas en télétravail : vous travaillerez dans nos bureaux tous les jours de la semaine.", False),
        ("Nous offrons des horaires flexibles et la possibilité de télétravail deux jours par semaine.", False),
    ],
)
def test_remote_said_in_french(sentence: str, remote: bool) -> None:
    text = f"# Développeur\n\n{_INTRO}\n\n{sentence}\n"
    assert [p.remote for p in places_of(text)] == ([True] if remote else [])


def test_a_header_town_only_when_nothing_else_gives_a_place() -> None:
    """The employer line "Gallup" is Gallup, New Mexico only by name: the header's own place wins."""
    text = f"Senior Data Scientist\nGallup\nWashington, DC\n\n{PROSE}"
    assert jurisdictions_of(text, "text") == ("US-DC",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The opening lines name the job's town: the employer's list of offices adds no place.
        (
            "Lead Data Scientist\nCareers at Tide\nHyderabad\n\nAbout Tide\n"
            "Our offices are in London, UK, Sofia, Bulgaria and Hyderabad, India, where our teams work.\n",
            ("IN",),
        ),
        # A sentence about the job itself still counts beside them.
        (
            "Lead Data Scientist\nCareers at Tide\nHyderabad\n\nThe role can also be based in Dublin, Ireland.\n",
            ("EU-IE", "IN"),
        ),
        # With no place given before them, the offices are the best sign of where the job is.
        (
            "Lead Data Scientist\n\nOur offices are in Ottawa, Toronto and Montreal, where our teams work.\n",
            ("CA-ON", "CA-QC"),
        ),
    ],
)
def test_the_employers_offices_only_when_the_opening_lines_name_no_place(text: str, expected: tuple[str, ...]) -> None:
    assert jurisdictions_of(text, "text") == expected


# ---------------------------------------------------------------------- extending, loading, pickling

ZEDLAND = {
    "id": "US-ZZ",
    "name": "Zedland",
    "names": ["Zedland"],
    "codes": ["ZZ"],
    "places": ["Zed City"],
    "remote": True,
}


def test_extend_with_a_fictional_state() -> None:
    extended = G.extend([ZEDLAND])
    assert ids_in("Zed City, ZZ", gazetteer=extended) == ["US-ZZ"]
    assert ids_in("Zedland", gazetteer=extended) == ["US-ZZ"]
    assert "US-ZZ" in extended.remote_covered("US")
    assert extended.name("US-ZZ") == "Zedland"
    places = find_places(parse("Location: Remote (US)\n", "text"), extended)
    assert "US-ZZ" in posting_jurisdictions(places, extended)
    # the built-in gazetteer is unchanged
    assert ids_in("Zedland") == []
    assert "US-ZZ" not in G.remote_covered("US")


def test_extend_later_entries_win() -> None:
    extended = G.extend(
        [
            {"id": "US-CO", "name": "Colorado", "names": ["Colorado"], "codes": ["CO"]},
            {"id": "US-TX-PARIS", "name": "Paris, Texas", "places": ["Paris"]},
        ]
    )
    assert "US-CO" not in extended.remote_covered("US")
    assert ids_in("Paris", gazetteer=extended) == ["US-TX-PARIS"]
    assert ids_in("Denver", gazetteer=extended) == []  # the replaced entry lists no places


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ({"id": "US-CO", "name": "Colorado", "citys": ["Denver"]}, "unknown key(s) citys"),
        ({"id": "us-co", "name": "Colorado"}, "'id' must look like"),
        ({"id": "US-CO"}, "'name' must be a non-empty string"),
        ({"id": "US-CO", "name": "Colorado", "names": "Colorado"}, "'names' must be a list of strings"),
        ({"id": "US-CO", "name": "Colorado", "codes": ["co"]}, "code 'co' must be"),
        ({"id": "US-CO", "name": "Colorado", "codes": ["Colorad"]}, "code 'Colorad' must be"),  # no full stop
        ({"id": "US-CO", "name": "Colorado", "codes": [True]}, "'codes' has an item"),
        ({"id": "US-CO", "name": "Colorado", "remote": "yes"}, "'remote' must be true or false"),
        ("US-CO", "must be a mapping"),
    ],
)
def test_bad_entries_are_refused(entry: object, problem: str) -> None:
    with pytest.raises(ValueError, match="entry 1") as err:
        G.extend([ZEDLAND, entry])  # type: ignore[list-item]
    assert problem in str(err.value)


def test_in_one_extension_the_later_entry_wins() -> None:
    renamed = {**ZEDLAND, "name": "Zedland Republic", "places": ["Zedopolis"]}
    extended = G.extend([ZEDLAND, renamed])
    assert extended.name("US-ZZ") == "Zedland Republic"
    assert ids_in("Zedopolis", gazetteer=extended) == ["US-ZZ"]


def test_validate_entry_for_pack_places() -> None:
    validate_entry(ZEDLAND)
    with pytest.raises(ValueError, match="'remote' must be true or false"):
        validate_entry({**ZEDLAND, "remote": "yes"})
    with pytest.raises(ValueError, match="must be a mapping"):
        validate_entry(["US-ZZ"])


def test_builtin_path_is_the_shipped_yaml() -> None:
    path = builtin_path()
    assert path.name == "gazetteer.yaml"
    assert path.is_file()
    assert "jurisdictions:" in path.read_text(encoding="utf-8")


def test_bad_files_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate id"):
        parse_gazetteer({"jurisdictions": [ZEDLAND, ZEDLAND]})
    with pytest.raises(ValueError, match="'Zedland' also names entry 0"):
        parse_gazetteer({"jurisdictions": [ZEDLAND, {"id": "US-ZY", "name": "Other", "names": ["Zedland"]}]})
    with pytest.raises(ValueError, match="unknown top-level key"):
        parse_gazetteer({"jurisdictions": [], "places": []})
    with pytest.raises(ValueError, match="must be a list"):
        parse_gazetteer({"jurisdictions": {"id": "US-ZZ"}})
    with pytest.raises(ValueError, match="remote_regions entry 0"):
        parse_gazetteer({"jurisdictions": [], "remote_regions": [{"names": ["Europe"]}]})


def test_pickle_round_trip() -> None:
    extended = G.extend([ZEDLAND])
    for gazetteer in (G, extended):
        copy = pickle.loads(pickle.dumps(gazetteer))
        assert copy.find("Denver, CO; Zed City, ZZ") == gazetteer.find("Denver, CO; Zed City, ZZ")
        assert copy.find_remote("Remote (US)") == gazetteer.find_remote("Remote (US)")
        assert copy.remote_covered("US") == gazetteer.remote_covered("US")


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=12))
def test_an_ascii_name_gets_the_key_the_general_rule_gives(word: str) -> None:
    """`_key` answers ASCII names without looking at each letter; the answer is the general rule's."""
    from postlint.facts.gazetteer import _key, _norm

    normed = _norm(word)
    letters = [c for c in normed if c.isalpha()]
    expected = normed if letters and all(c.isupper() for c in letters) else "\x00" + normed.lower()
    assert _key(word) == expected
