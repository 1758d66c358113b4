"""`postlint baseline` and `check --baseline FILE`: legacy violations recorded once, only new ones reported.

A repository is built here: postings are committed with their baseline, then edited the way
postings are (lines inserted above old findings, new findings, a duplicated line, a new file).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import COMPLIANT, run_cli, run_cli_many

import postlint
from postlint.baseline import Baseline, line_text, read_baseline, render_baseline
from postlint.errors import PostlintError
from postlint.violation import Severity, Violation

BODY = (
    "We build friendly accounting software for small shops and their owners. "
    "You will talk with customers, write clear guides, and help the team fix problems quickly. "
) * 4
NO_EEO = COMPLIANT.replace(" We are an equal opportunity employer; ask us for any accommodation.", "")
# The rules these tests are about, so that rules added to the packs later do not change them.
CONFIG = (
    "packs: [quality, encoding, eeo]\n"
    "select: [quality/placeholder, encoding/mojibake, eeo/statement, eeo/accommodation]\n"
)
LEGACY = ["Join [Company Name] today.", "We‚Äôve got a great team.", "Ask [Company Name] anything."]


def posting(*middle: str, eeo: bool = True) -> str:
    """A posting that passes every rule of CONFIG's packs, with `middle` from line 5 on."""
    end = (COMPLIANT if eeo else NO_EEO).rstrip("\n")
    return "\n".join(["# Support Specialist", "", "Location: Denver, CO (hybrid)", "", *middle, "", BODY, "", end, ""])


def git(repo: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo.parent),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)


def write(repo: Path, name: str, text: str) -> None:
    (repo / "postings" / name).write_text(text, encoding="utf-8")


def found(result: tuple[int, str, str]) -> set[tuple[str, str, int]]:
    code, out, err = result
    assert code in (0, 1), err
    return {(Path(v["path"]).as_posix(), v["rule"], v["line"]) for v in json.loads(out)["violations"]}


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("baseline") / "repo"
    (repo / "postings").mkdir(parents=True)
    git(repo, "init", "--quiet")
    (repo / ".postlint.yaml").write_text(CONFIG, encoding="utf-8")
    write(repo, "a.md", posting(*LEGACY))  # placeholders on lines 5 and 7, mojibake on line 6
    write(repo, "b.md", posting("Join us.", eeo=False))  # no EEO statement: found at the end of the posting
    write(repo, "clean.md", posting("Join us."))
    return repo


@pytest.fixture(scope="module")
def ran(repo: Path) -> dict[str, Any]:
    """The baseline written and checked on the committed postings, then checks after edits."""
    results: dict[str, Any] = {"baseline": run_cli("baseline", "postings", cwd=repo)}
    results["file"] = (repo / ".postlint-baseline.json").read_text(encoding="utf-8")
    results["unchanged"] = run_cli("check", "postings", "--baseline", ".postlint-baseline.json", cwd=repo)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "postings and their baseline")

    # Three lines above the old findings; a new placeholder of a baselined kind on another line;
    # a second copy of a baselined line (one more of a fingerprint: one new); lines added to b.md.
    write(repo, "a.md", posting("Team: support.", "", "", *LEGACY, "Meet [Company Name] soon.", LEGACY[0]))
    write(repo, "b.md", posting("Join us.", "Work from our Denver office.", eeo=False))
    write(repo, "c.md", posting("Welcome to [Company Name]."))
    (repo / "not-json.json").write_text("{not json", encoding="utf-8")
    (repo / "wrong.json").write_text('{"entries": []}', encoding="utf-8")
    bad_entry = {"postlint_baseline": 1, "entries": [{"path": "a.md", "rule": "x/y", "line_hash": "0", "count": 0}]}
    (repo / "bad-entry.json").write_text(json.dumps(bad_entry), encoding="utf-8")
    calls = {
        "edited": (["check", "postings", "--baseline", ".postlint-baseline.json", "--format", "json"], repo),
        "subfolder": (["check", "--baseline", "../.postlint-baseline.json", "--format", "json"], repo / "postings"),
        "old-only": (["check", "postings/b.md", "--baseline", ".postlint-baseline.json", "--fail-on", "info"], repo),
        "without": (["check", "postings/b.md", "--fail-on", "info"], repo),
        "missing": (["check", "postings", "--baseline", "nothing-here.json"], repo),
        "not-json": (["check", "postings", "--baseline", "not-json.json"], repo),
        "wrong": (["check", "postings", "--baseline", "wrong.json"], repo),
        "bad-entry": (["check", "postings", "--baseline", "bad-entry.json"], repo),
    }
    done = run_cli_many([(args, {"cwd": cwd}) for args, cwd in calls.values()])
    return results | dict(zip(calls, done, strict=True))


def test_baseline_writes_every_violation_once(ran) -> None:
    code, _, err = ran["baseline"]
    assert code == 0, err
    data = json.loads(ran["file"])
    assert data["postlint_baseline"] == 1
    assert data["version"] == postlint.__version__
    assert sorted((e["path"], e["rule"], e["count"]) for e in data["entries"]) == [
        ("postings/a.md", "encoding/mojibake", 1),
        ("postings/a.md", "quality/placeholder", 1),  # line 5
        ("postings/a.md", "quality/placeholder", 1),  # line 7: another text, another fingerprint
        ("postings/b.md", "eeo/accommodation", 1),
        ("postings/b.md", "eeo/statement", 1),
    ]
    assert data["violations"] == sum(e["count"] for e in data["entries"]) == 5
    assert {e["excerpt"] for e in data["entries"]} >= {"[Company Name]", "‚Äô"}
    assert ran["file"].count("\n") == len(data["entries"]) + 7  # one entry a line, for readable diffs


def test_nothing_is_reported_against_a_fresh_baseline(ran) -> None:
    code, out, err = ran["unchanged"]
    assert code == 0, out + err
    assert " error " not in out


def test_only_new_violations_are_reported_after_edits(ran) -> None:
    assert found(ran["edited"]) == {
        ("postings/a.md", "quality/placeholder", 11),  # a new finding of a baselined kind, on another line
        ("postings/a.md", "quality/placeholder", 12),  # a copy of a baselined line: one more than recorded
        ("postings/c.md", "quality/placeholder", 5),  # a new file
    }
    assert ran["edited"][0] == 1


def test_paths_are_relative_to_the_baseline_file(ran) -> None:
    assert found(ran["subfolder"]) == {(p.removeprefix("postings/"), r, n) for p, r, n in found(ran["edited"])}


def test_whole_posting_findings_survive_additions(ran) -> None:
    assert ran["without"][0] == 1
    code, out, err = ran["old-only"]
    assert code == 0, out + err


@pytest.mark.parametrize("scenario", ["missing", "not-json", "wrong", "bad-entry"])
def test_missing_or_corrupt_baseline_is_a_usage_error(ran, scenario: str) -> None:
    code, out, err = ran[scenario]
    name = {"missing": "nothing-here.json"}.get(scenario, f"{scenario}.json")
    assert code == 2
    assert out == ""
    assert err.startswith(f"postlint: error: {name}") and err.count("\n") == 1, err


def violation(line: int, start: int, end: int, rule: str = "t/r", path: str = "a.md") -> Violation:
    return Violation(path, rule, Severity.error, "m", start, end, line, 1, line, 1 + end - start)


SOURCE = "one\n  Join [X]   today.\nJoin [X] today.\n"


def test_line_text_collapses_white_space_and_is_empty_for_whole_posting_findings() -> None:
    lines = SOURCE.split("\n")
    assert line_text(violation(2, 11, 14), lines) == line_text(violation(3, 30, 33), lines) == "Join [X] today."
    assert line_text(violation(3, 40, 40), lines) == ""


def test_baseline_is_a_multiset(tmp_path: Path) -> None:
    a_md = str(tmp_path / "a.md")
    old = [violation(2, 11, 14, path=a_md), violation(3, 30, 33, path=a_md)]  # the same fingerprint twice
    path = tmp_path / "b.json"
    path.write_text(render_baseline([(old, SOURCE)], tmp_path, "0"), encoding="utf-8")
    known = read_baseline(path)
    assert isinstance(known, Baseline)
    now = SOURCE + "Join [X] today.\n"
    third = violation(4, 46, 49, path=a_md)
    assert known.new_violations(a_md, [*old, third], now) == [third]
    assert known.new_violations(a_md, old, now) == []
    other_rule = violation(2, 11, 14, rule="t/other", path=a_md)
    assert known.new_violations(a_md, [other_rule], now) == [other_rule]
    assert known.new_violations(str(tmp_path / "other.md"), old, now) == old


def test_a_baseline_file_names_itself_in_errors(tmp_path: Path) -> None:
    with pytest.raises(PostlintError) as caught:
        read_baseline(tmp_path / "absent.json")
    assert caught.value.path == str(tmp_path / "absent.json")


@pytest.mark.xfail(strict=True, reason="a fingerprint is its line's text: editing that line makes old findings new")
def test_editing_the_line_of_a_baselined_finding_keeps_it_known(tmp_path: Path) -> None:
    old = violation(2, 11, 14, path=str(tmp_path / "a.md"))
    path = tmp_path / "b.json"
    path.write_text(render_baseline([([old], SOURCE)], tmp_path, "0"), encoding="utf-8")
    edited = SOURCE.replace("  Join [X]   today.", "  Join [X] today!")
    assert read_baseline(path).new_violations(old.path, [old], edited) == []
