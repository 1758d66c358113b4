"""Laws are data: a rule's `laws` decide where it runs and at what severity, with dates in force.

A fictional jurisdiction and its law are added through YAML alone (a pack with
`places` and a rule with `laws`) and enforced end to end through the CLI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from postlint.engine import RuleEngine
from postlint.laws import Law, active_laws, describe_laws, within
from postlint.runner import load_linter

ZEDLAND_PACK = {
    "pack": "zed",
    "version": "1",
    "description": "A fictional jurisdiction with a posting law of its own.",
    "places": [
        {
            "id": "US-ZZ",
            "name": "Zedland",
            "names": ["Zedland"],
            "places": ["Zed City", "Port Zed"],
            "remote": True,
        }
    ],
    "rules": [
        {
            "id": "zed/benefit-notice",
            "kind": "require",
            "severity": "error",
            "message": "No Zedland benefit notice; {laws} requires one",
            "description": "Zedland requires every posting to name its benefits officer.",
            "references": ["https://example.org/zedland/code/42"],
            "patterns": ["benefits officer"],
            "suggestion": "Benefits officer: [name]",
            "insert_at": "end",
            "laws": [
                {
                    "jurisdiction": "US-ZZ",
                    "name": "Zedland Posting Act",
                    "citation": "Zed. Code § 42",
                    "since": "2020-01-01",
                }
            ],
            "examples": {
                "pass": ["Location: Zed City\n\nBenefits officer: Ann Lee.\n", "Location: Austin, TX\n\nJoin us.\n"],
                "fail": ["Location: Zed City\n\nJoin us.\n", "Location: Remote (US)\n\nJoin us.\n"],
            },
        },
        {
            "id": "zed/pay",
            "kind": "pay-range",
            "severity": "error",
            "message": "{problem}; {laws} requires a range",
            "description": "Zedland's pay law, effective in the future.",
            "laws": [
                {"jurisdiction": "US-ZZ", "name": "Zedland Pay Act", "since": "2999-01-01", "accepts": ["range"]},
            ],
        },
    ],
}


@pytest.fixture
def zed_pack(tmp_path: Path) -> Path:
    path = tmp_path / "zed.yaml"
    path.write_text(yaml.safe_dump(ZEDLAND_PACK, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _check(tmp_path: Path, pack: Path, text: str, *extra: str) -> tuple[int, list[dict]]:
    posting = tmp_path / "posting.md"
    posting.write_text(text, encoding="utf-8")
    code, out, err = run_cli(
        "check", "--no-cache", "--pack", pack, "--select", "zed", "--format", "json", posting, *extra, cwd=tmp_path
    )
    assert code in (0, 1), err
    return code, json.loads(out)["violations"]


def test_a_fictional_jurisdiction_is_enforced_through_yaml_alone(tmp_path: Path, zed_pack: Path) -> None:
    code, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Port Zed\n\nJoin us.\n")
    assert code == 1
    assert [(v["rule"], v["severity"]) for v in found] == [("zed/benefit-notice", "error")]
    assert "Zedland Posting Act (Zed. Code § 42)" in found[0]["message"]
    assert found[0]["suggestion"] == "Benefits officer: [name]"
    assert found[0]["fix"]["applicability"] == "unsafe"


def test_the_fictional_law_does_not_apply_elsewhere(tmp_path: Path, zed_pack: Path) -> None:
    code, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Austin, TX\n\nJoin us.\n")
    assert (code, found) == (0, [])


def test_remote_postings_bring_in_laws_that_cover_remote_roles(tmp_path: Path, zed_pack: Path) -> None:
    _, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Remote (US)\n\nJoin us.\n")
    assert [v["rule"] for v in found] == ["zed/benefit-notice"]


def test_jurisdiction_option_overrides_the_posting(tmp_path: Path, zed_pack: Path) -> None:
    _, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Austin, TX\n\nJoin us.\n", "--jurisdiction", "US-ZZ")
    assert [v["rule"] for v in found] == ["zed/benefit-notice"]
    _, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Port Zed\n\nJoin us.\n", "--jurisdiction", "US-TX")
    assert found == []


def test_config_jurisdictions_apply_only_where_the_posting_names_none(tmp_path: Path, zed_pack: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("jurisdictions: [US-ZZ]\n", encoding="utf-8")
    _, found = _check(tmp_path, zed_pack, "# Clerk\n\nJoin us.\n")
    assert [v["rule"] for v in found] == ["zed/benefit-notice"]
    _, found = _check(tmp_path, zed_pack, "# Clerk\n\nLocation: Austin, TX\n\nJoin us.\n")
    assert found == []


def test_a_law_not_yet_in_force_is_not_enforced(tmp_path: Path, zed_pack: Path) -> None:
    posting = "# Clerk\n\nLocation: Zed City\n\nBenefits officer: Ann Lee. Pay: competitive.\n"
    _, found = _check(tmp_path, zed_pack, posting)
    assert found == []  # zed/pay's law starts in 2999


def test_the_fictional_packs_examples_pass(zed_pack: Path) -> None:
    code, out, err = run_cli("packs", "test", zed_pack)
    assert code == 0, out + err


def test_bad_places_entry_names_the_file_and_line(tmp_path: Path) -> None:
    broken = dict(ZEDLAND_PACK, places=[{"id": "zedland", "name": "Zedland"}])
    path = tmp_path / "zed.yaml"
    path.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "--pack", path, tmp_path)
    assert code == 2
    assert "zed.yaml:" in err and "places[0]" in err
    assert "Traceback" not in err


def test_bad_law_jurisdiction_is_a_pack_error(tmp_path: Path) -> None:
    rule = dict(ZEDLAND_PACK["rules"][0], laws=[{"jurisdiction": "zedland", "name": "X"}])
    path = tmp_path / "zed.yaml"
    path.write_text(yaml.safe_dump(dict(ZEDLAND_PACK, rules=[rule]), sort_keys=False), encoding="utf-8")
    code, _, err = run_cli("packs", "test", path)
    assert code == 2
    assert "laws[0]" in err and "jurisdiction" in err


def test_elsewhere_needs_laws(tmp_path: Path) -> None:
    rule = {k: v for k, v in ZEDLAND_PACK["rules"][0].items() if k != "laws"}
    path = tmp_path / "zed.yaml"
    path.write_text(yaml.safe_dump(dict(ZEDLAND_PACK, rules=[dict(rule, elsewhere="warning")])), encoding="utf-8")
    code, _, err = run_cli("packs", "test", path)
    assert code == 2
    assert "elsewhere" in err


# ---------------------------------------------------------------- the law model


@pytest.mark.parametrize(
    ("jurisdiction", "area", "inside"),
    [("US-NY-NYC", "US-NY", True), ("US-NY", "US-NY-NYC", False), ("US-NY", "US", True), ("US-NYX", "US-NY", False)],
)
def test_within(jurisdiction: str, area: str, inside: bool) -> None:
    assert within(jurisdiction, area) is inside


def test_active_laws_respect_dates_and_places() -> None:
    laws = (
        Law("US-CO", "A", since=dt.date(2021, 1, 1)),
        Law("US-DE", "B", since=dt.date(2027, 9, 26)),
        Law("US-NY", "C", until=dt.date(2020, 1, 1)),
    )
    today = dt.date(2026, 11, 23)
    assert [law.name for law in active_laws(laws, ["US-CO"], today)] == ["A"]
    assert active_laws(laws, ["US-DE"], today) == ()
    assert [law.name for law in active_laws(laws, ["US-DE"], dt.date(2027, 10, 1))] == ["B"]
    assert active_laws(laws, ["US-NY-NYC"], today) == ()
    assert describe_laws([Law("US-CO", "A", "x § 1"), Law("US-CO", "A", "x § 1")]) == "A (x § 1)"


# ---------------------------------------------------------------- the built-in pay rule


@pytest.fixture(scope="module")
def pay_linter() -> RuleEngine:
    linter = load_linter(select=["pay/salary-range"])
    return dataclasses.replace(linter, today=dt.date(2026, 11, 23))


@pytest.mark.parametrize(
    ("posting", "severity"),
    [
        ("# Engineer\n\nLocation: Denver, CO\n\nSalary: $120,000 – $150,000 per year.\n", None),
        ("# Engineer\n\nLocation: Denver, CO\n\nCompetitive salary.\n", "error"),
        ("# Engineer\n\nLocation: Denver, CO\n\nUp to $150,000 per year.\n", "error"),
        ("# Engineer\n\nLocation: Denver, CO\n\nWe pay $150,000 per year.\n", None),  # a fixed figure is allowed
        ("# Engineer\n\nLocation: Baltimore, MD\n\nWe pay $150,000 per year.\n", "error"),  # min and max required
        ("# Engineer\n\nLocation: Austin, TX\n\nUp to $150,000 per year.\n", None),
        ("# Engineer\n\nLocation: Austin, TX\n\nCompetitive salary.\n", "warning"),
        ("# Engineer\n\nLocation: Austin, TX\n\nJoin us.\n", "warning"),
        ("# Engineer\n\nLocation: Remote (US)\n\nJoin us.\n", "error"),
        ("# Engineer\n\nLocation: Dover, DE\n\nJoin us.\n", "warning"),  # Delaware's law starts in 2027
        ("# Engineer\n\nLocation: Columbus, OH\n\nJoin us.\n", "warning"),  # enforced from 2027
        ("# Controller\n\nStandort: Wien, Österreich\n\nGehalt: ab € 3.200 brutto pro Monat.\n", None),
        ("# Controller\n\nStandort: Wien, Österreich\n\nGehalt: nach Vereinbarung.\n", "error"),
    ],
)
def test_salary_range_severity_follows_the_law(pay_linter: RuleEngine, posting: str, severity: str | None) -> None:
    found = pay_linter.lint_text(posting)
    assert [v.severity.name for v in found] == ([severity] if severity else [])


def test_salary_range_names_the_unmet_laws(pay_linter: RuleEngine) -> None:
    posting = "# Engineer\n\nLocations: Denver, CO or Baltimore, MD\n\nWe pay $150,000 per year.\n"
    (violation,) = pay_linter.lint_text(posting)
    assert "Maryland" in violation.message and "Colorado" not in violation.message


def test_salary_range_suggests_the_local_currency(pay_linter: RuleEngine) -> None:
    (violation,) = pay_linter.lint_text("# Analyst\n\nLocation: Vancouver, BC\n\nJoin us.\n")
    assert violation.suggestion is not None and "CA$[minimum]" in violation.suggestion
    assert violation.fix is not None and violation.fix.applicability == "unsafe"
    assert violation.line == 3  # reported where the line would go: after the location line


def test_explain_lists_the_laws_with_dates() -> None:
    code, out, err = run_cli("explain", "pay/salary-range")
    assert code == 0, err
    assert "Laws it encodes" in out
    for expected in ("US-CO", "since 2021-01-01", "CA-ON", "since 2026-01-01", "US-DE", "not yet in force"):
        assert expected in out


@pytest.mark.parametrize(
    ("option", "hint"),
    [("colorado", "US-CO"), ("Ontario", "CA-ON"), ("US-XQ", "did you mean")],
)
def test_an_unknown_jurisdiction_option_is_a_usage_error(tmp_path: Path, option: str, hint: str) -> None:
    posting = tmp_path / "posting.md"
    posting.write_text("# Clerk\n\nJoin us.\n", encoding="utf-8")
    code, _, err = run_cli("check", "--jurisdiction", option, posting, cwd=tmp_path)
    assert code == 2
    assert f"unknown jurisdiction {option!r}" in err and hint in err
    assert "Traceback" not in err


def test_an_unknown_config_jurisdiction_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("jurisdictions:\n  - US-CO\n  - Ontario\n", encoding="utf-8")
    (tmp_path / "posting.md").write_text("# Clerk\n\nJoin us.\n", encoding="utf-8")
    code, _, err = run_cli("check", "posting.md", cwd=tmp_path)
    assert code == 2
    assert ".postlint.yaml:3:" in err and "CA-ON" in err


@pytest.mark.parametrize("area", ["EU", "US", "US-NY-NYC", "CA", "UK"])
def test_areas_and_ids_from_the_gazetteer_are_accepted(tmp_path: Path, area: str) -> None:
    (tmp_path / "posting.md").write_text("# Clerk\n\nJoin us.\n", encoding="utf-8")
    code, _, err = run_cli("check", "--jurisdiction", area, "posting.md", cwd=tmp_path)
    assert code in (0, 1), err


def test_enclosing_and_any_within_agree_with_within() -> None:
    """The set form of `within` used on every posting gives the same answers as the pairwise test."""
    from postlint.laws import any_within, enclosing, within

    held = frozenset({"US-CA-SF", "CA-ON", "EU-DE"})
    assert enclosing(held) == {"US", "US-CA", "US-CA-SF", "CA", "CA-ON", "EU", "EU-DE"}
    for area in ("US", "US-CA", "US-C", "US-CA-S", "CA", "CA-O", "EU-DE", "DE", "", "US-CA-SF-X"):
        assert any_within((area,), held) == any(within(j, area) for j in held), area
