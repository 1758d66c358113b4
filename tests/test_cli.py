"""The command line, in real subprocesses: exit codes, output formats, options, odd files, and every command.

Each scenario below is one `postlint` call in a folder of its own. Start-up dominates a call, so the
scenarios run side by side once per module (the `ran` fixture) and each test checks its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import COMPLIANT, ROOT, run_cli_many

import postlint

BODY = (
    "We build friendly accounting software for small shops and their owners. "
    "You will talk with customers, write clear guides, and help the team fix problems quickly. "
) * 5
CLEAN = "# Support Specialist\n\nLocation: Denver, CO (hybrid)\n\n" + BODY + "\n\n" + COMPLIANT  # passes every rule
WARNINGS_ONLY = "# Support Specialist\n\nLocation: Denver, CO\n\nShort.\n\n" + COMPLIANT  # quality/too-short only
ERROR = "# Support Specialist\n\nLocation: Denver, CO\n\nJoin [Company Name] today.\n" + BODY + "\n\n" + COMPLIANT
# placeholder 3:6-3:20, location
NO_LOCATION = "# Support Specialist\n\nJoin [Company Name] today.\n" + BODY + "\n\n" + COMPLIANT

FIX_PACK = """\
pack: fx
version: "1"
description: Replacements for the tests.
rules:
  - id: fx/gendered
    kind: forbid
    severity: error
    message: "'{match}' is gendered"
    description: Gendered job titles put people off applying.
    references: [https://example.com/gendered]
    replace:
      salesman: salesperson
      chairman: [chair, chairperson]
"""

BAD_PACK = """\
pack: bad
version: "1"
description: d
rules:
  - id: bad/one
    kind: prohibit
    message: m
    description: d
"""

BOM = b"\xef\xbb\xbf"
BEFORE = "# Sales\r\n\r\nOur salesman, Zoë, is a SALESMAN.\r\nAsk the chairman. Café 😀\r\n\r\n- salesmanship\r\n"
AFTER = "# Sales\r\n\r\nOur salesperson, Zoë, is a SALESPERSON.\r\nAsk the chairman. Café 😀\r\n\r\n- salesmanship\r\n"
FIX_FILES = {"fx.yaml": FIX_PACK, "job.md": BOM + BEFORE.encode("utf-8")}
FIX_ARGS = ["--pack", "fx.yaml", "--select", "fx"]
LEGACY = "Our salesman in Montréal.\r\n".encode("cp1252")
DENVER = ROOT / "examples" / "clean" / "backend-engineer-denver.md"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def write_huge(folder: Path) -> None:
    """A 20 MB posting, over the default 10 MB limit."""
    line = ("word " * 19 + "\n").encode()
    with (folder / "huge.md").open("wb") as handle:
        handle.write(b"# Huge\n\n")
        handle.write(line * (20 * 1024 * 1024 // len(line) + 1))


@dataclass(frozen=True)
class Scenario:
    args: list[str]
    files: dict[str, str | bytes] = field(default_factory=dict)
    env: dict[str, str | None] | None = None
    input: str | None = None
    setup: Callable[[Path], None] | None = None


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    folder: Path


SCENARIOS: dict[str, Scenario] = {
    # exit codes
    "clean": Scenario(["check", "job.md"], {"job.md": CLEAN}),
    "error": Scenario(["check", "job.md"], {"job.md": ERROR}),
    "warnings-only": Scenario(["check", "job.md"], {"job.md": WARNINGS_ONLY}),
    "warnings-fail-on-warning": Scenario(["check", "--fail-on", "warning", "job.md"], {"job.md": WARNINGS_ONLY}),
    "missing-path": Scenario(["check", "job.md", "missing.md"], {"job.md": CLEAN}),
    "bad-pack": Scenario(["check", "--pack", "bad.yaml", "job.md"], {"job.md": CLEAN, "bad.yaml": BAD_PACK}),
    "missing-pack": Scenario(["check", "--pack", "missing.yaml", "job.md"], {"job.md": CLEAN}),
    "bad-option": Scenario(["check", "--no-such-option", "job.md"], {"job.md": CLEAN}),
    "bad-option-value": Scenario(["check", "--fail-on", "sometimes", "job.md"], {"job.md": CLEAN}),
    "unknown-selected-rule": Scenario(["check", "--select", "quality/nope", "job.md"], {"job.md": CLEAN}),
    "version": Scenario(["--version"]),
    # report formats and options
    "json": Scenario(
        ["check", "--format", "json", "--pack", "fx.yaml", "--select", "fx,quality", "a.md", "b.md"],
        {"fx.yaml": FIX_PACK, "a.md": "# Sales\n\nOur salesman, the chairman and a Salesman.\n", "b.md": CLEAN},
    ),
    "github-option": Scenario(["check", "--format", "github", "job.md"], {"job.md": NO_LOCATION}),
    "github-env": Scenario(["check", "job.md"], {"job.md": NO_LOCATION}, env={"GITHUB_ACTIONS": "true"}),
    "json-despite-github-env": Scenario(
        ["check", "--format", "json", "job.md"], {"job.md": ERROR}, env={"GITHUB_ACTIONS": "true"}
    ),
    "statistics": Scenario(
        ["check", "--statistics", "a.md", "b.md"],
        {"a.md": "Lorem ipsum. TBD. XXX.\n\n" + COMPLIANT, "b.md": "Lorem ipsum.\n\n" + COMPLIANT},
    ),
    "loud": Scenario(["check", "job.md", "clean.md"], {"job.md": ERROR, "clean.md": CLEAN}),
    "quiet": Scenario(["check", "--quiet", "job.md", "clean.md"], {"job.md": ERROR, "clean.md": CLEAN}),
    "output-text": Scenario(["check", "--output", "report.out", "job.md"], {"job.md": ERROR}),
    "output-json": Scenario(["check", "--format", "json", "--output", "report.out", "job.md"], {"job.md": ERROR}),
    "stdin-txt": Scenario(
        ["check", "--format", "json", "-", "--stdin-filename", "x.txt"],
        input="Title: Support Specialist\nLocation: Remote (US)\n\nLorem ipsum.\n",
    ),
    "stdin": Scenario(["check", "--format", "json", "-"], input="# Job\n\nRemote. Lorem ipsum.\n"),
    "forced-colour": Scenario(["check", "job.md"], {"job.md": ERROR}, env={"NO_COLOR": None, "FORCE_COLOR": "1"}),
    "no-colour": Scenario(["check", "job.md"], {"job.md": ERROR}, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}),
    # files that are not ordinary postings
    "odd-folder": Scenario(
        ["check", "--format", "json", "."],
        {
            "binary.md": b"%PDF-1.4\x00\x01\x02 binary posting \x00\xff",
            "empty.md": b"",
            "cp1252.txt": "Title: Café manager\nLocation: Montréal, QC\n\nLorem ipsum.\n".encode("cp1252"),
            "nested/fine.md": CLEAN,
            "notes.pdf": b"%PDF\x00",  # not a posting extension: not collected
        },
        setup=write_huge,
    ),
    "max-file-size": Scenario(
        ["check", "--format", "json", "--select", "postlint", "."],
        {".postlint.yaml": "max-file-size: 0.001\n", "big.md": CLEAN * 2, "small.md": CLEAN[:900] + "\n"},
    ),
    # rules, explain, inspect
    "rules": Scenario(["rules"]),
    "rules-json": Scenario(["rules", "--format", "json"]),
    "explain": Scenario(["explain", "quality/placeholder"]),
    "explain-unknown": Scenario(["explain", "quality/nope"]),
    "explain-nested": Scenario(["explain", "pay/benefits"]),
    "inspect": Scenario(["inspect", str(DENVER)]),
    "inspect-json": Scenario(["inspect", "--format", "json", str(DENVER)]),
    "inspect-missing": Scenario(["inspect", "missing.md"]),
    # init
    "init": Scenario(["init"]),
    "init-existing": Scenario(["init"], {".postlint.yaml": "ignore: [quality/title]\n"}),
    "init-force": Scenario(["init", "--force"], {".postlint.yaml": "ignore: [quality/title]\n"}),
    # fix
    "fix": Scenario(["fix", *FIX_ARGS, "job.md"], FIX_FILES),
    "fix-folder": Scenario(
        ["fix", *FIX_ARGS, "."], {**FIX_FILES, "more/other.txt": "Title: Salesman\n\nOur salesman calls.\n"}
    ),
    "fix-diff": Scenario(["fix", "--diff", *FIX_ARGS, "job.md"], FIX_FILES),
    "fix-check-changes": Scenario(["fix", "--check", *FIX_ARGS, "job.md"], FIX_FILES),
    "fix-check-clean": Scenario(
        ["fix", "--check", *FIX_ARGS, "job.md"], {"fx.yaml": FIX_PACK, "job.md": BOM + AFTER.encode("utf-8")}
    ),
    "fix-not-utf8": Scenario(["fix", *FIX_ARGS, "legacy.txt"], {"fx.yaml": FIX_PACK, "legacy.txt": LEGACY}),
}


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    """Every scenario, each in its own folder, run side by side."""
    calls: list[tuple[list[str], dict[str, Any]]] = []
    folders: list[Path] = []
    for name, scenario in SCENARIOS.items():
        folder = tmp_path_factory.mktemp(name)
        for file, content in scenario.files.items():
            write(folder, file, content)
        if scenario.setup is not None:
            scenario.setup(folder)
        calls.append((scenario.args, {"cwd": folder, "env": scenario.env, "input": scenario.input}))
        folders.append(folder)
    results = run_cli_many(calls)
    return {
        name: Run(code, out, err, folder)
        for name, (code, out, err), folder in zip(SCENARIOS, results, folders, strict=True)
    }


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.err, run.err


# ---------------------------------------------------------------- exit codes

EXIT_CODES = {
    # scenario: (exit code, regex stderr must match, stderr is a single line)
    "clean": (0, None, False),
    "error": (1, None, False),
    "warnings-only": (0, None, False),
    "warnings-fail-on-warning": (1, None, False),
    "missing-path": (2, "missing.md", True),
    "bad-pack": (2, r"bad\.yaml:6:\d+: .*prohibit", True),
    "missing-pack": (2, "missing.yaml", True),
    "bad-option": (2, "--no-such-option", False),
    "bad-option-value": (2, "sometimes", False),
    "unknown-selected-rule": (2, "quality/nope", True),
}


@pytest.mark.parametrize("case", list(EXIT_CODES))
def test_exit_codes(ran: dict[str, Run], case: str) -> None:
    code, in_err, one_line = EXIT_CODES[case]
    run = ran[case]
    assert run.code == code, run.out + run.err
    no_traceback(run)
    if in_err is not None:  # a usage error: a clear message on stderr naming what is wrong
        assert re.search(in_err, run.err), run.err
    if one_line:
        assert len(run.err.strip().splitlines()) == 1, run.err


def test_version(ran: dict[str, Run]) -> None:
    run = ran["version"]
    assert run.code == 0, run.err
    assert run.out.strip() == f"postlint {postlint.__version__}"


# ---------------------------------------------------------------- JSON

VIOLATION_KEYS = {
    "path",
    "rule",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "fix",
    "suggestion",
    "references",
}
EDIT_KEYS = {"line", "column", "end_line", "end_column", "replacement"}


def test_json_matches_the_interface(ran: dict[str, Run]) -> None:
    run = ran["json"]
    assert run.code == 1, run.err
    report = json.loads(run.out)
    assert set(report) == {"version", "summary", "violations"}
    assert report["version"] == postlint.__version__
    summary = report["summary"]
    assert set(summary) == {"files", "violations", "error", "warning", "info", "fixable"}
    violations = report["violations"]
    assert summary["files"] == 2
    assert summary["violations"] == len(violations)
    for severity in ("error", "warning", "info"):
        assert summary[severity] == sum(v["severity"] == severity for v in violations)
    assert summary["fixable"] == sum(v["fix"] is not None and v["fix"]["applicability"] == "safe" for v in violations)

    for v in violations:
        assert set(v) == VIOLATION_KEYS
        assert v["severity"] in ("error", "warning", "info")
        assert all(isinstance(v[k], int) and v[k] >= 1 for k in ("line", "column", "end_line", "end_column"))
        assert (v["line"], v["column"]) <= (v["end_line"], v["end_column"])
        assert isinstance(v["message"], str) and v["message"]
        assert v["suggestion"] is None or isinstance(v["suggestion"], str)
        assert isinstance(v["references"], list) and all(isinstance(r, str) for r in v["references"])
        if v["fix"] is not None:
            assert set(v["fix"]) == {"applicability", "description", "edits"}
            assert v["fix"]["applicability"] in ("safe", "unsafe", "display")
            assert isinstance(v["fix"]["description"], str)
            assert v["fix"]["edits"]
            for edit in v["fix"]["edits"]:
                assert set(edit) == EDIT_KEYS

    gendered = [v for v in violations if v["rule"] == "fx/gendered"]
    assert [(v["path"], v["line"], v["column"], v["end_line"], v["end_column"]) for v in gendered] == [
        ("a.md", 3, 5, 3, 13),
        ("a.md", 3, 19, 3, 27),
        ("a.md", 3, 34, 3, 42),
    ]
    first, second, third = gendered
    assert first["severity"] == "error"
    assert first["fix"]["applicability"] == "safe"
    assert first["fix"]["edits"] == [
        {"line": 3, "column": 5, "end_line": 3, "end_column": 13, "replacement": "salesperson"}
    ]
    assert second["fix"] is None and "chairperson" in second["suggestion"]
    assert third["fix"]["edits"][0]["replacement"] == "Salesperson"
    assert first["references"] == ["https://example.com/gendered"]
    assert "b.md" not in {v["path"] for v in violations}


# ---------------------------------------------------------------- GitHub

GITHUB_LINE = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
    r"title=(?P<rule>[a-z0-9-]+/[a-z0-9-]+)::(?P<message>.+)$"
)


@pytest.mark.parametrize("case", ["github-option", "github-env"])
def test_github_format(ran: dict[str, Run], case: str) -> None:
    run = ran[case]
    assert run.code == 1, run.err
    lines = run.out.strip().splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert lines and all(matches), lines
    assert {m.group("rule") for m in matches} == {"quality/placeholder", "quality/location"}
    placeholder = next(m for m in matches if m.group("rule") == "quality/placeholder")
    assert placeholder.group("level") == "error"
    assert placeholder.group("file") == "job.md"
    assert placeholder.groups()[2:6] == ("3", "6", "3", "20")
    location = next(m for m in matches if m.group("rule") == "quality/location")
    assert location.group("level") == "warning"


def test_explicit_format_wins_over_github_actions(ran: dict[str, Run]) -> None:
    assert json.loads(ran["json-despite-github-env"].out)["summary"]["error"] == 1


# ---------------------------------------------------------------- text output options


def test_statistics(ran: dict[str, Run]) -> None:
    run = ran["statistics"]
    assert run.code == 1
    counts = {}
    for line in run.out.splitlines():
        m = re.match(r"^\s*(\d+)\s+([a-z0-9-]+/[a-z0-9-]+)\b", line)
        if m:
            counts[m.group(2)] = int(m.group(1))
    assert counts == {"quality/placeholder": 4, "quality/title": 2, "quality/location": 2, "quality/too-short": 2}


def test_quiet_prints_violations_only(ran: dict[str, Run]) -> None:
    loud, quiet = ran["loud"].out, ran["quiet"].out
    assert ran["quiet"].code == 1
    assert "quality/placeholder" in quiet
    assert len(quiet.strip().splitlines()) < len(loud.strip().splitlines())
    assert loud.startswith(quiet.rstrip("\n"))  # the same report without its summary
    assert loud.strip().splitlines()[-1] not in quiet


@pytest.mark.parametrize("case", ["output-text", "output-json"])
def test_output_file(ran: dict[str, Run], case: str) -> None:
    run = ran[case]
    assert run.code == 1
    assert "quality/placeholder" not in run.out
    report = (run.folder / "report.out").read_text(encoding="utf-8")
    assert "quality/placeholder" in report
    if case == "output-json":
        assert json.loads(report)["summary"]["error"] == 1


def test_stdin_with_a_filename(ran: dict[str, Run]) -> None:
    run = ran["stdin-txt"]
    assert run.code == 1, run.err
    violations = json.loads(run.out)["violations"]
    assert {v["path"] for v in violations} == {"x.txt"}
    # read as plain text: the `Title:` label is the title; the placeholder is on line 4
    assert ("quality/placeholder", 4, 1) in {(v["rule"], v["line"], v["column"]) for v in violations}
    assert "quality/title" not in {v["rule"] for v in violations}


def test_stdin_without_a_filename_is_markdown(ran: dict[str, Run]) -> None:
    run = ran["stdin"]
    assert run.code == 1, run.err
    violations = json.loads(run.out)["violations"]
    assert {v["path"] for v in violations} == {"-"}
    assert "quality/title" not in {v["rule"] for v in violations}
    assert ("quality/placeholder", 3, 9) in {(v["rule"], v["line"], v["column"]) for v in violations}


def test_no_color(ran: dict[str, Run]) -> None:
    assert "\x1b[" in ran["forced-colour"].out  # colour can be forced...
    plain = ran["no-colour"].out
    assert "\x1b" not in plain  # ...but NO_COLOR always wins
    assert "quality/placeholder" in plain


# ---------------------------------------------------------------- odd files in a folder


@pytest.fixture(scope="module")
def odd(ran: dict[str, Run]) -> tuple[Run, dict, dict[str, list[str]]]:
    run = ran["odd-folder"]
    report = json.loads(run.out) if run.out.strip() else {"summary": {}, "violations": []}
    by_path: dict[str, list[str]] = {}
    for v in report["violations"]:
        by_path.setdefault(Path(v["path"]).as_posix(), []).append(v["rule"])
    return run, report, by_path


def test_odd_files_do_not_stop_the_run(odd) -> None:
    run, report, by_path = odd
    no_traceback(run)
    assert run.code == 1, run.err
    assert report["summary"]["files"] == 5
    assert "postlint/binary-file" in by_path["binary.md"]
    assert "postlint/file-too-large" in by_path["huge.md"]
    assert "encoding/invalid-utf8" in by_path["cp1252.txt"]
    assert "quality/placeholder" in by_path["cp1252.txt"]  # the rest of a non-UTF-8 file is still linted
    assert "quality/title" in by_path["empty.md"]  # an empty file is linted like any other
    assert "nested/fine.md" not in by_path
    assert "notes.pdf" not in by_path


def test_not_utf8_points_at_the_bad_byte(odd) -> None:
    _, report, _ = odd
    (v,) = [v for v in report["violations"] if v["rule"] == "encoding/invalid-utf8"]
    assert (v["path"], v["line"], v["column"], v["severity"]) == ("cp1252.txt", 1, 11, "error")


@pytest.mark.parametrize(
    ("name", "rule"), [("binary.md", "postlint/binary-file"), ("huge.md", "postlint/file-too-large")]
)
def test_files_that_are_not_linted_report_only_why(odd, name: str, rule: str) -> None:
    _, _, by_path = odd
    assert by_path[name] == [rule]


def test_max_file_size_from_config(ran: dict[str, Run]) -> None:
    run = ran["max-file-size"]
    assert run.code == 0, run.err  # file-too-large is a warning
    found = [(v["path"], v["rule"]) for v in json.loads(run.out)["violations"]]
    assert found == [("big.md", "postlint/file-too-large")]


# ---------------------------------------------------------------- rules, explain, inspect

BUILTIN_IDS = {
    "encoding/invalid-utf8",
    "postlint/binary-file",
    "postlint/file-too-large",
    "postlint/front-matter",
    "postlint/directive",
    "quality/placeholder",
    "quality/title",
    "quality/location",
    "quality/too-short",
    "quality/too-long",
    "quality/all-caps",
}


def test_rules_text(ran: dict[str, Run]) -> None:
    run = ran["rules"]
    assert run.code == 0, run.err
    lines = [line for line in run.out.splitlines() if line.strip()]
    assert {line.split()[0] for line in lines} >= BUILTIN_IDS
    placeholder = next(line for line in lines if line.startswith("quality/placeholder "))
    assert placeholder.split()[1:3] == ["error", "forbid"]


def test_rules_json(ran: dict[str, Run]) -> None:
    run = ran["rules-json"]
    assert run.code == 0, run.err
    rows = json.loads(run.out)
    assert all(set(row) == {"id", "severity", "kind", "summary"} for row in rows)
    assert {row["id"] for row in rows} >= BUILTIN_IDS
    assert all(row["summary"] for row in rows)
    by_id = {row["id"]: row for row in rows}
    assert (by_id["quality/too-short"]["severity"], by_id["quality/too-short"]["kind"]) == ("warning", "metric")


def test_explain_a_rule(ran: dict[str, Run]) -> None:
    run = ran["explain"]
    assert run.code == 0, run.err
    assert "quality/placeholder" in run.out
    assert "https://en.wikipedia.org/wiki/Lorem_ipsum" in run.out  # its references
    assert "[Company Name]" in run.out  # its examples


def test_explain_shows_a_nested_option_key_by_key(ran: dict[str, Run]) -> None:
    run = ran["explain-nested"]
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "  partly:" in lines
    assert any(line.startswith("    message: The benefits are only behind a link") for line in lines)
    assert "{'" not in run.out  # no Python dict or tuple printed as it is


def test_explain_an_unknown_rule(ran: dict[str, Run]) -> None:
    run = ran["explain-unknown"]
    assert run.code == 2
    assert run.out == ""
    assert "quality/nope" in run.err
    assert len(run.err.strip().splitlines()) == 1
    no_traceback(run)


def test_inspect_markdown(ran: dict[str, Run]) -> None:
    run = ran["inspect"]
    assert run.code == 0, run.err
    assert "markdown" in run.out
    assert "Senior Backend Engineer, Payments Platform" in run.out
    assert "About the role" in run.out  # a section
    assert "https://boards.greenhouse.io/tallgrassledger/jobs/5127384" in run.out  # a link
    assert "Denver, CO" in run.out  # from the front matter


def test_inspect_json(ran: dict[str, Run]) -> None:
    run = ran["inspect-json"]
    assert run.code == 0, run.err
    facts = json.loads(run.out)
    assert facts["format"] == "markdown"
    assert facts["title"]["text"] == "Senior Backend Engineer, Payments Platform"
    assert "Pay and benefits" in [s["title"] for s in facts["sections"]]
    assert facts["front_matter"]["location"] == {"value": "Denver, CO", "line": 4}
    assert "https://boards.greenhouse.io/tallgrassledger/jobs/5127384" in [link["url"] for link in facts["links"]]


def test_inspect_shows_locations_jurisdictions_and_pay(ran: dict[str, Run]) -> None:
    out = ran["inspect"].out
    assert "US-CO" in out  # the jurisdiction the location maps to
    body = out.split("sections", 1)[-1]  # the pay range found in the text, not the front-matter fields
    assert re.search(r"135,?000\D+165,?000", body), out


def test_inspect_missing_path(ran: dict[str, Run]) -> None:
    run = ran["inspect-missing"]
    assert run.code == 2
    assert "missing.md" in run.err
    no_traceback(run)


# ---------------------------------------------------------------- init


def test_init_writes_a_config_that_loads(ran: dict[str, Run]) -> None:
    run = ran["init"]
    assert run.code == 0, run.err
    config = run.folder / ".postlint.yaml"
    assert config.read_text(encoding="utf-8").lstrip().startswith("#")  # a commented starter

    from postlint.config import load_config
    from postlint.runner import load_linter

    settings = load_config(config)
    assert settings.fail_on == "error"
    assert load_linter(settings).rules


def test_init_refuses_to_overwrite(ran: dict[str, Run]) -> None:
    run = ran["init-existing"]
    assert run.code == 2
    assert ".postlint.yaml" in run.err
    no_traceback(run)
    assert (run.folder / ".postlint.yaml").read_text(encoding="utf-8") == "ignore: [quality/title]\n"


def test_init_force_overwrites(ran: dict[str, Run]) -> None:
    run = ran["init-force"]
    assert run.code == 0, run.err
    assert (run.folder / ".postlint.yaml").read_text(encoding="utf-8") != "ignore: [quality/title]\n"


# ---------------------------------------------------------------- fix


def test_fix_in_place_keeps_bom_and_crlf(ran: dict[str, Run]) -> None:
    run = ran["fix"]
    assert run.code == 0, run.err
    no_traceback(run)
    assert (run.folder / "job.md").read_bytes() == BOM + AFTER.encode("utf-8")


def test_fix_in_place_on_a_folder(ran: dict[str, Run]) -> None:
    run = ran["fix-folder"]
    assert run.code == 0, run.err
    assert (run.folder / "more" / "other.txt").read_text(encoding="utf-8") == (
        "Title: Salesperson\n\nOur salesperson calls.\n"
    )
    assert (run.folder / "job.md").read_bytes() == BOM + AFTER.encode("utf-8")
    assert (run.folder / "fx.yaml").read_text(encoding="utf-8") == FIX_PACK  # not a posting


def test_fix_diff_writes_nothing(ran: dict[str, Run]) -> None:
    run = ran["fix-diff"]
    assert run.code == 0, run.err
    assert (run.folder / "job.md").read_bytes() == BOM + BEFORE.encode("utf-8")
    lines = run.out.replace("\r", "").splitlines()
    assert any(line.startswith("---") and "job.md" in line for line in lines)
    assert any(line.startswith("+++") and "job.md" in line for line in lines)
    assert "-Our salesman, Zoë, is a SALESMAN." in lines
    assert "+Our salesperson, Zoë, is a SALESPERSON." in lines
    assert not any(line.startswith(("-", "+")) and "chairman" in line for line in lines)


def test_fix_check(ran: dict[str, Run]) -> None:
    run = ran["fix-check-changes"]
    assert run.code == 1, run.err
    assert (run.folder / "job.md").read_bytes() == BOM + BEFORE.encode("utf-8")  # nothing written
    run = ran["fix-check-clean"]
    assert run.code == 0, run.err
    assert (run.folder / "job.md").read_bytes() == BOM + AFTER.encode("utf-8")


def test_fix_leaves_a_file_that_is_not_utf8_untouched(ran: dict[str, Run]) -> None:
    run = ran["fix-not-utf8"]
    assert run.code == 0
    no_traceback(run)
    assert "legacy.txt" in run.err
    assert (run.folder / "legacy.txt").read_bytes() == LEGACY


def test_output_to_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    from conftest import run_cli

    code, _, err = run_cli("check", str(ROOT / "examples" / "clean"), "--output", str(tmp_path / "no" / "x.json"))
    assert code == 2
    assert "--output" in err and "Traceback" not in err and "bug" not in err


def test_a_rule_summary_is_not_cut_at_an_abbreviation() -> None:
    from postlint.packs.model import Rule

    rule = Rule.__new__(Rule)
    described = 'Between two words ("10 km", "Mr. Smith"). Next to a space it is a leftover.'
    object.__setattr__(rule, "description", described)
    assert rule.summary == 'Between two words ("10 km", "Mr. Smith").'


def test_inspect_shows_a_mapped_title_whole(tmp_path: Path) -> None:
    """`front-matter: {title: position}`: inspect names the title that satisfies quality/title, not 'S'."""
    (tmp_path / ".postlint.yaml").write_text("front-matter: {title: position}\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("---\nposition: Senior Engineer\n---\nWe build.\n", encoding="utf-8")
    from conftest import run_cli

    code, out, _ = run_cli("inspect", "p.md", cwd=tmp_path)
    assert code == 0
    assert "quality/title: 'Senior Engineer'" in out, out


def test_the_command_exits_fast_with_all_its_output(tmp_path: Path) -> None:
    """`postlint` skips the interpreter's teardown: its output must still arrive whole, through a pipe
    (larger than the pipe's buffer) and into `--output`, with the exit code and the exit handlers' work."""
    from conftest import run_cli

    folder = tmp_path / "postings"
    folder.mkdir()
    for n in range(40):
        (folder / f"job-{n}.md").write_text(f"# Rockstar ninja {n}\n\nHe will lead. Apply now!\n", encoding="utf-8")
    options = ("--format", "json", "--fail-on", "warning")
    buffered = {"PYTHONUNBUFFERED": None}  # as most users run it: standard output is written in blocks
    code, out, err = run_cli("check", folder, *options, env={"POSTLINT_CACHE_DIR": str(tmp_path / "c"), **buffered})
    assert code == 1, err
    piped = json.loads(out)
    assert len(out) > 65536 and piped["summary"]["files"] == 40
    assert len(piped["violations"]) == piped["summary"]["violations"]
    report = tmp_path / "report.json"
    code, out, err = run_cli("check", folder, *options, "--output", report, env=buffered)
    assert code == 1 and out == "", err
    assert json.loads(report.read_text(encoding="utf-8")) == piped
    assert list((tmp_path / "c").glob("regexes-*.pickle"))  # written by an exit handler
