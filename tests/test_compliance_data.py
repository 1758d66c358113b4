"""The compliance data as of 2026-12-06: each law behaves as it says, on the day it says, for whom it says.

Every date is pinned (`today=` or `--as-of`), so the tests do not change meaning as the calendar moves.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import run_cli, run_cli_many

from postlint.employer_profile import EmployerProfile
from postlint.engine import RuleEngine
from postlint.packs.loader import resolve_packs
from postlint.runner import load_linter

DAY = dt.date(2026, 12, 6)


@pytest.fixture(scope="module")
def linter() -> RuleEngine:
    built = load_linter(use_cache=False)
    return dataclasses.replace(built, today=DAY)


def found(linter: RuleEngine, text: str, rule: str, **changes: object) -> list[tuple[str, str]]:
    """(severity, message) of one rule's violations."""
    used = dataclasses.replace(linter, **changes) if changes else linter
    return [(v.severity.name, v.message) for v in used.lint_text(text) if v.rule == rule]


@pytest.mark.parametrize(
    ("text", "rule", "severity", "law"),
    [
        ("# Data Analyst\n\nLocation: Milan, Italy\n\nCompetitive salary.\n", "pay/salary-range", "error", "D.Lgs."),
        ("# Analyst\n\nLocation: Bratislava, Slovakia\n\nJoin us.\n", "pay/salary-range", "error", "Slovak"),
        ("# Analyst\n\nLocation: Warsaw, Poland\n\nJoin us.\n", "pay/salary-range", "warning", "Polish"),
        ("# Analyst\n\nLocation: Valletta, Malta\n\nJoin us.\n", "pay/salary-range", "warning", "Maltese"),
        ("# Analyst\n\nLocation: Columbus, OH\n\nCompetitive pay.\n", "pay/salary-range", "warning", "enforced from"),
        ("# Rep\n\nLocation: Portland, ME\n\nBase salary plus commission.\n", "pay/salary-range", "error", "Maine"),
        (
            "# Analyst\n\nLocation: Milan, Italy\n\nPlease state your current salary.\n",
            "eu/salary-history",
            "error",
            "96",
        ),
        (
            "# Analyst\n\nLocation: Berlin, Germany\n\nPlease state your current salary.\n",
            "eu/salary-history",
            "warning",
            "Directive",
        ),
        (
            "# Analyst\n\nLocation: Columbus, OH\n\nSend your salary history.\n",
            "pay/salary-history",
            "error",
            "Columbus",
        ),
        (
            "# Analyst\n\nLocation: Kansas City, MO\n\nSend your salary history.\n",
            "pay/salary-history",
            "error",
            "Kansas City",
        ),
        (
            "# Analyst\n\nLocation: Minneapolis, MN\n\nSend your salary history.\n",
            "pay/salary-history",
            "error",
            "363A.08",
        ),
        (
            "# Analyst\n\nLocation: Newark, NJ\n\nSalary: $90,000 – $100,000 per year. Great benefits offered!\n",
            "pay/benefits",
            "error",
            "New Jersey",
        ),
        (
            "# Analyst\n\nLocation: Denver, CO\n\nSalary: $90,000 – $100,000 per year.\n",
            "pay/other-compensation",
            "info",  # the law asks only when some is offered: a note, not a warning
            "Colorado",
        ),
        (
            "# Analyst\n\nLocation: New York, NY\n\nApplications are screened using AI first.\n",
            "ai/hiring-notice",
            "warning",
            "Local Law 144",
        ),
        (
            "# Analyst\n\nLocation: Chicago, IL\n\nOur AI-powered assessment platform scores every candidate.\n",
            "ai/hiring-notice",
            "info",
            "HB 3773",
        ),
        ("# Engineer\n\nLocation: Remote (US)\n\nCompetitive pay.\n", "pay/salary-range", "error", "194-b"),
    ],
)
def test_each_law_behaves_as_it_says_on_2026_12_06(
    linter: RuleEngine, text: str, rule: str, severity: str, law: str
) -> None:
    results = found(linter, text, rule)
    assert results, f"no {rule} finding"
    assert results[0][0] == severity
    assert law in results[0][1]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "# Sales Associate\n\nLocation: Burlington, VT\n\nThis role is paid entirely on commission.\n",
            "pay/salary-range",
        ),
        ("# Rep\n\nLocation: Portland, ME\n\nThis is a commission-only role.\n", "pay/salary-range"),
        (
            "# Analyst\n\nLocation: Denver, CO\n\nSalary: $90,000 – $100,000 a year. No bonus is offered.\n",
            "pay/other-compensation",
        ),
        (
            "# Analyst\n\nLocation: Newark, NJ\n\nSalary: $90,000 – $100,000 per year.\n\n## Benefits\n\n- Medical and "
            "dental insurance\n- 401(k) match\n",
            "pay/benefits",
        ),
        ("# Analyst\n\nLocation: New York, NY\n\nWe do not use AI tools to screen applicants.\n", "ai/hiring-notice"),
        ("# Analyst\n\nLocation: Los Angeles, CA\n\nPlease share your salary expectations.\n", "pay/salary-history"),
        ("# Analyst\n\nLocation: Birmingham, AL\n\nSend your salary history.\n", "pay/salary-history"),
    ],
)
def test_nothing_where_the_law_exempts_or_is_met(linter: RuleEngine, text: str, rule: str) -> None:
    assert found(linter, text, rule) == []


def test_a_wilmington_posting_is_an_error_only_once_delawares_law_is_in_force(linter: RuleEngine) -> None:
    text = "# Analyst\n\nLocation: Wilmington, DE\n\nCompetitive salary.\n"
    (today,) = found(linter, text, "pay/salary-range")
    assert today[0] == "warning" and "Delaware" not in today[1]
    (later,) = found(linter, text, "pay/salary-range", today=dt.date(2027, 10, 1))
    assert later[0] == "error" and "Delaware" in later[1]


def test_columbus_is_an_error_once_enforced(linter: RuleEngine) -> None:
    text = "# Analyst\n\nLocation: Columbus, OH\n\nCompetitive pay.\n"
    (later,) = found(linter, text, "pay/salary-range", today=dt.date(2027, 1, 2))
    assert later[0] == "error" and "enforced from" not in later[1]


@pytest.mark.parametrize(
    ("profile", "severity"),
    [
        (EmployerProfile(employees=3), "warning"),
        (EmployerProfile(employees=4), "error"),
        (EmployerProfile(), "error"),
        (EmployerProfile(government="federal"), "warning"),
    ],
)
def test_the_employers_size_and_kind_decide_which_laws_bind(
    linter: RuleEngine, profile: EmployerProfile, severity: str
) -> None:
    text = "# Analyst\n\nLocation: New York, NY\n\nCompetitive salary.\n"
    ((level, _),) = found(linter, text, "pay/salary-range", employer=profile)
    assert level == severity


def test_employees_counted_in_the_jurisdiction(linter: RuleEngine) -> None:
    text = "# Analyst\n\nLocation: Minneapolis, MN\n\nCompetitive salary.\n"
    few_there = EmployerProfile(employees=500, employees_in={"US-MN": 20})
    ((level, _),) = found(linter, text, "pay/salary-range", employer=few_there)
    assert level == "warning"  # Minnesota counts employees in Minnesota
    ((level, _),) = found(linter, text, "pay/salary-range", employer=EmployerProfile(employees=500))
    assert level == "error"


def test_an_assumed_threshold_is_named_in_the_message(linter: RuleEngine) -> None:
    ((_, message),) = found(linter, "# Analyst\n\nLocation: New York, NY\n\nCompetitive.\n", "pay/salary-range")
    assert "assumes an employer of 4+ employees" in message
    ((_, message),) = found(linter, "# Analyst\n\nLocation: Denver, CO\n\nCompetitive.\n", "pay/salary-range")
    assert "assumes" not in message  # Colorado binds every employer


@pytest.mark.parametrize(("contractor", "expected"), [(None, []), (True, ["error"]), (False, [])])
def test_the_federal_contractor_fact(linter: RuleEngine, contractor: bool | None, expected: list[str]) -> None:
    text = "# Analyst\n\nLocation: Austin, TX\n\nWe are an equal opportunity employer.\n"
    results = found(linter, text, "eeo/veterans-disability", employer=EmployerProfile(federal_contractor=contractor))
    assert [level for level, _ in results] == expected
    signed = "# Analyst\n\nLocation: Austin, TX\n\nWe are a federal contractor.\n"
    assert found(linter, signed, "eeo/veterans-disability", employer=EmployerProfile(federal_contractor=False)) == []


def test_every_builtin_law_has_a_pass_and_a_fail_example() -> None:
    missing = []
    for pack in resolve_packs(["builtin"], Path.cwd()):
        for rule in pack.rules:
            for law in rule.spec.laws:
                examples = law.examples or rule.spec.law_examples
                if examples is None or not examples.passing or not examples.failing:
                    missing.append(f"{rule.id} {law.jurisdiction} {law.name}")
    assert missing == []


def test_every_law_is_dated_sourced_and_graded() -> None:
    for pack in resolve_packs(["builtin"], Path.cwd()):
        for rule in pack.rules:
            for law in rule.laws:
                assert law.confidence in ("high", "medium", "low")
                if law.verified is not None:
                    assert law.verified <= DAY, (rule.id, law.name)
                    assert law.urls, f"{rule.id} {law.name}: verified without a source"


def _posting(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_as_of_on_the_command_line_and_in_the_config(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "de.md", "# Analyst\n\nLocation: Wilmington, DE\n\nCompetitive salary.\n")
    other = tmp_path / "cfg"
    other.mkdir()
    (other / ".postlint.yaml").write_text("as-of: 2027-10-01\n", encoding="utf-8")
    base = ("check", "--no-cache", "--select", "pay/salary-range", "--format", "json", posting)
    (early, _, _), (late, out, _), (config, _, _), (fix, _, fix_err), (inspect, _, _) = run_cli_many(
        [
            ((*base, "--as-of", "2026-12-06"), {"cwd": tmp_path}),
            ((*base, "--as-of", "2027-10-01"), {"cwd": tmp_path}),
            (base, {"cwd": other}),
            (("fix", "--check", "--as-of", "2027-10-01", posting), {"cwd": tmp_path}),
            (("inspect", "--as-of", "2027-10-01", posting), {"cwd": tmp_path}),
        ]
    )
    assert early == 0
    assert late == 1 and "Delaware" in json.loads(out)["violations"][0]["message"]
    assert config == 1
    assert fix in (0, 1), fix_err
    assert inspect == 0


def test_employer_config(tmp_path: Path) -> None:
    posting = _posting(tmp_path, "nyc.md", "# Analyst\n\nLocation: New York, NY\n\nCompetitive salary.\n")
    (tmp_path / ".postlint.yaml").write_text(
        "employer: {employees: 3, employees_in: {US-NY: 3}, federal_contractor: false, government: none}\n",
        encoding="utf-8",
    )
    code, out, err = run_cli(
        "check",
        "--no-cache",
        "--select",
        "pay/salary-range",
        "--as-of",
        "2026-12-06",
        "--format",
        "json",
        posting,
        cwd=tmp_path,
    )
    assert code == 0, err
    assert [v["severity"] for v in json.loads(out)["violations"]] == ["warning"]


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ("employer: {staff: 3}\n", "staff"),
        ("employer: {employees: -1}\n", "employees"),
        ("employer: {employees_in: {minnesota: 3}}\n", "minnesota"),
        ("as-of: tomorrow\n", "as-of"),
    ],
)
def test_bad_employer_or_as_of_config_is_a_usage_error(tmp_path: Path, config: str, problem: str) -> None:
    (tmp_path / ".postlint.yaml").write_text(config, encoding="utf-8")
    posting = _posting(tmp_path, "p.md", "# Analyst\n\nJoin us.\n")
    code, _, err = run_cli("check", "--no-cache", posting, cwd=tmp_path)
    assert code == 2 and problem in err and "Traceback" not in err


def test_laws_command_lists_the_city_and_state_laws_with_dates(tmp_path: Path) -> None:
    (text_code, text, _), (json_code, data, _), (bad, _, err) = run_cli_many(
        [
            (("laws", "--jurisdiction", "US-NY-NYC", "--as-of", "2026-12-06"), {"cwd": tmp_path}),
            (("laws", "--jurisdiction", "US-NY-NYC", "--as-of", "2026-12-06", "--format", "json"), {"cwd": tmp_path}),
            (("laws", "--jurisdiction", "NYC"), {"cwd": tmp_path}),
        ]
    )
    assert text_code == json_code == 0
    for expected in (
        "US-NY-NYC",
        "US-NY",
        "N.Y. Labor Law § 194-b",
        "since 2023-09-17",
        "Local Law 144",
        "since 2022-11-01",
        "not legal advice",
        "2026-12-06",
    ):
        assert expected in text
    rows = json.loads(data)["laws"]
    places = {row["jurisdiction"] for row in rows}
    assert {"US-NY", "US-NY-NYC"} <= places and not places - {"US-NY", "US-NY-NYC"}
    assert {"since", "enforced", "status", "threshold", "sources", "confidence", "verified"} <= set(rows[0])
    assert bad == 2 and "unknown jurisdiction" in err


def test_explain_shows_the_data_and_says_it_is_not_legal_advice() -> None:
    code, out, err = run_cli("explain", "pay/salary-range")
    assert code == 0, err
    for expected in (
        "not legal advice",
        "newest check",
        "enforced from 2027-01-01",
        "binds employers of 15+",
        "confidence: high",
        "verified 2026-12-06",
    ):
        assert expected in out


def test_packs_test_runs_each_laws_examples_on_its_date() -> None:
    code, out, err = run_cli("packs", "test", "--verbose")
    assert code == 0, out + err
    assert "fail@US-DE" in out and "fail@EU-NL" in out and "pass@US-OH-CBUS" in out
