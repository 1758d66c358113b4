"""The example postings: clean ones pass, flawed ones are caught, and the JSON report adds up."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, run_cli_many

POSTING_SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
FLAWED = sorted(p for p in (EXAMPLES / "flawed").iterdir() if p.suffix in POSTING_SUFFIXES)
CLEAN = sorted(p for p in (EXAMPLES / "clean").iterdir() if p.suffix in POSTING_SUFFIXES)


@pytest.fixture(scope="module")
def runs() -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """`check examples/clean` (text) and `check examples/ --format json`, side by side."""
    clean, full = run_cli_many(
        [(["check", "examples/clean"], {"cwd": ROOT}), (["check", "--format", "json", "examples/"], {"cwd": ROOT})]
    )
    return clean, full


@pytest.fixture(scope="module")
def report(runs) -> dict:
    code, out, err = runs[1]
    assert code in (0, 1), err
    assert "Traceback" not in err
    return json.loads(out)


def by_file(report: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for v in report["violations"]:
        found.setdefault(Path(v["path"]).as_posix(), []).append(v)
    return found


def test_clean_examples_pass(runs) -> None:
    code, out, err = runs[0]
    assert code == 0, out + err
    assert ": error " not in out


def test_clean_examples_have_no_errors_in_the_full_report(report: dict) -> None:
    found = by_file(report)
    for path in CLEAN:
        rel = path.relative_to(ROOT).as_posix()
        assert [v for v in found.get(rel, []) if v["severity"] == "error"] == [], rel


@pytest.mark.parametrize("path", FLAWED, ids=lambda p: p.name)
def test_every_flawed_example_is_caught(report: dict, path: Path) -> None:
    rel = path.relative_to(ROOT).as_posix()
    found = by_file(report)
    assert rel in found, f"no violation in {rel}"


def test_json_summary_matches_the_violations(report: dict) -> None:
    violations = report["violations"]
    summary = report["summary"]
    assert summary["files"] == len(CLEAN) + len(FLAWED)
    assert summary["violations"] == len(violations)
    severities = Counter(v["severity"] for v in violations)
    assert {k: summary[k] for k in ("error", "warning", "info")} == {
        k: severities.get(k, 0) for k in ("error", "warning", "info")
    }
    assert summary["fixable"] == sum(1 for v in violations if v["fix"] and v["fix"]["applicability"] == "safe")
    assert all(Path(v["path"]).suffix in POSTING_SUFFIXES for v in violations)  # the README is not linted


def test_known_defects_are_found_where_the_readme_says(report: dict) -> None:
    found = by_file(report)
    leftovers = {(v["rule"], v["line"], v["column"]) for v in found["examples/flawed/template-leftovers.md"]}
    assert {
        ("quality/placeholder", 1, 9),
        ("quality/placeholder", 3, 1),
        ("quality/placeholder", 7, 11),
        ("quality/placeholder", 9, 9),
        ("quality/title", 42, 138),
    } <= leftovers
    short = {v["rule"] for v in found["examples/flawed/too-short.txt"]}
    assert {"quality/too-short", "quality/title", "quality/location"} <= short
    shouting = [v for v in found["examples/flawed/sales-rockstar.md"] if v["rule"] == "quality/all-caps"]
    assert [(v["line"], v["column"]) for v in shouting] == [(40, 1)]


def test_link_defects_are_found_at_their_urls(report: dict) -> None:
    found = by_file(report)
    legacy = {(v["rule"], v["line"], v["column"]) for v in found["examples/flawed/legacy-careers-page.html"]}
    assert {
        ("links/insecure", 72, 19),
        ("links/tracking-params", 72, 19),
        ("links/shortener", 68, 79),
    } <= legacy
    rockstar = {(v["rule"], v["line"], v["column"]) for v in found["examples/flawed/sales-rockstar.md"]}
    assert {("links/malformed", 46, 13), ("links/apply", 46, 13)} <= rockstar
    # An application e-mail address is a way to apply, so the short posting has no links/apply finding.
    assert "links/apply" not in {v["rule"] for v in found["examples/flawed/too-short.txt"]}
