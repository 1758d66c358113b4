"""`when`: the formats, jurisdictions, front matter and dates a rule of any kind runs on."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import write_pack

from postlint.config import Settings
from postlint.engine import RuleEngine
from postlint.packs.loader import parse_pack
from postlint.runner import load_linter

FLAG = {"id": "t/flag", "kind": "forbid", "terms": ["rockstar"]}
TEXT = "---\nregion: Colorado\nstatus: draft\n---\n# Job\n\nA rockstar.\n"


def _fires(linter, text: str = TEXT, fmt: str = "markdown", **facts) -> bool:
    return bool(linter.lint_text(text, format=fmt, facts=facts or None))


@pytest.mark.parametrize(
    ("formats", "fmt", "fires"),
    [(["markdown"], "markdown", True), (["text"], "markdown", False), (["text", "html"], "text", True)],
    ids=["same", "other", "one-of"],
)
def test_when_formats(make_linter, formats: list[str], fmt: str, fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"formats": formats})])
    assert _fires(linter, "A rockstar.\n", fmt) == fires


@pytest.mark.parametrize(
    ("wanted", "posting", "fires"),
    [
        (["US"], ["US"], True),
        (["US"], ["US-CO"], True),
        (["US-CO"], ["US-CO"], True),
        (["US-CO"], ["US-NY"], False),
        (["US"], ["USA"], False),
        (["US"], ["CA-ON"], False),
        (["CA", "US-CO"], ["CA-ON"], True),
        (["US"], [], False),
    ],
    ids=["same", "state-in-country", "same-state", "other-state", "not-a-prefix", "other-country", "one-of", "none"],
)
def test_when_jurisdictions(make_linter, wanted: list[str], posting: list[str], fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"jurisdictions": wanted})])
    assert _fires(linter, jurisdictions=posting) == fires


def test_when_jurisdictions_from_settings(tmp_path: Path) -> None:
    path = write_pack(tmp_path, [dict(FLAG, when={"jurisdictions": ["US"]})])
    assert load_linter(Settings(packs=(str(path),), jurisdictions=("US-CO",))).lint_text(TEXT)
    assert not load_linter(Settings(packs=(str(path),), jurisdictions=("CA",))).lint_text(TEXT)
    assert load_linter(Settings(packs=(str(path),)), jurisdictions=["US-WA"]).lint_text(TEXT)


@pytest.mark.parametrize(
    ("condition", "fires"),
    [
        ({"region": "^Colo"}, True),
        ({"region": "Texas"}, False),
        ({"missing": "."}, False),
        ({"region": "Colorado", "status": "draft|review"}, True),
        ({"region": "Colorado", "status": "final"}, False),
    ],
    ids=["match", "no-match", "missing-key", "all-match", "one-fails"],
)
def test_when_front_matter(make_linter, condition: dict[str, str], fires: bool) -> None:
    linter = make_linter([dict(FLAG, when={"front_matter": condition})])
    assert _fires(linter) == fires


@pytest.mark.parametrize(
    ("when", "today", "fires"),
    [
        ({"since": "2025-01-01"}, dt.date(2024, 12, 31), False),
        ({"since": "2025-01-01"}, dt.date(2025, 1, 1), True),
        ({"until": "2025-01-01"}, dt.date(2024, 12, 31), True),
        ({"until": "2025-01-01"}, dt.date(2025, 1, 1), False),
        ({"since": "2024-01-01", "until": "2026-01-01"}, dt.date(2025, 6, 1), True),
    ],
    ids=["before-since", "on-since", "before-until", "on-until", "between"],
)
def test_when_dates(tmp_path: Path, when: dict[str, str], today: dt.date, fires: bool) -> None:
    import yaml

    rule = {**FLAG, "message": "m", "description": "d", "when": when}
    pack = parse_pack(yaml.safe_dump({"pack": "t", "rules": [rule]}), "t.yaml")
    linter = RuleEngine(rules=pack.rules, today=today)
    assert bool(linter.lint_text(TEXT)) == fires
    assert bool(dataclasses.replace(linter, today=today).lint_text(TEXT)) == fires


def test_when_dates_default_to_today(make_linter) -> None:
    assert _fires(make_linter([dict(FLAG, when={"since": "2000-01-01"})]))
    assert not _fires(make_linter([dict(FLAG, when={"since": "2999-01-01"})]))
