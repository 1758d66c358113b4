"""Configuration: discovery, selection, severities, per-file ignores, fail-on, and errors that name file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import COMPLIANT, run_cli, run_main

from postlint.config import find_config, load_config
from postlint.errors import ConfigError

# One error (quality/placeholder) and one warning (quality/too-short); it has a title and a location.
POSTING = "# Job\n\nLorem ipsum. Remote.\n\n" + COMPLIANT


def check(cwd: Path, *args: str) -> tuple[int, list[tuple[str, str, str]], str]:
    """Run `postlint check --format json ARGS` in cwd; return (exit code, [(path, rule, severity)], stderr)."""
    code, out, err = run_main("check", "--format", "json", *args, cwd=cwd)
    if code in (0, 1):
        report = json.loads(out)
        found = [(Path(v["path"]).as_posix(), v["rule"], v["severity"]) for v in report["violations"]]
        return code, found, err
    return code, [], err


def rules_of(found: list[tuple[str, str, str]]) -> set[str]:
    return {rule for _, rule, _ in found}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp/project with a posting in project/sub/deeper/job.md."""
    root = tmp_path / "project"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "sub" / "deeper" / "job.md").write_text(POSTING, encoding="utf-8")
    return root


def test_no_config_runs_every_builtin(project: Path) -> None:
    code, found, _ = check(project / "sub" / "deeper", "job.md")
    assert code == 1
    assert rules_of(found) == {"quality/placeholder", "quality/too-short"}


def test_discovery_in_a_real_process(project: Path) -> None:
    (project / ".postlint.yaml").write_text("ignore: [quality/placeholder]\n", encoding="utf-8")
    code, out, err = run_cli("check", "--format", "json", "job.md", cwd=project / "sub" / "deeper")
    assert code == 0, err
    assert {v["rule"] for v in json.loads(out)["violations"]} == {"quality/too-short"}


def test_config_error_in_a_real_process(project: Path) -> None:
    (project / ".postlint.yaml").write_text("packs: [builtin]\ncolour: red\n", encoding="utf-8")
    code, out, err = run_cli("check", "job.md", cwd=project / "sub" / "deeper")
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert re.search(r"\.postlint\.yaml:2(:\d+)?: .*colour", err), err


# ---------------------------------------------------------------- discovery


@pytest.mark.parametrize("name", [".postlint.yaml", "postlint.yaml"])
def test_config_in_a_parent_folder_is_found_from_a_child(project: Path, name: str) -> None:
    (project / name).write_text("ignore: [quality/placeholder]\n", encoding="utf-8")
    code, found, _ = check(project / "sub" / "deeper", "job.md")
    assert (code, rules_of(found)) == (0, {"quality/too-short"})
    assert find_config(project / "sub" / "deeper") == (project / name).resolve()


def test_pyproject_tool_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.postlint]\nignore = ["quality/placeholder"]\n', encoding="utf-8")
    code, found, _ = check(project / "sub" / "deeper", "job.md")
    assert (code, rules_of(found)) == (0, {"quality/too-short"})


def test_pyproject_without_the_table_is_skipped(project: Path) -> None:
    (project / ".postlint.yaml").write_text("ignore: [quality/placeholder]\n", encoding="utf-8")
    (project / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(project / "sub" / "deeper") == (project / ".postlint.yaml").resolve()
    _, found, _ = check(project / "sub" / "deeper", "job.md")
    assert rules_of(found) == {"quality/too-short"}


@pytest.mark.parametrize(
    ("near_name", "near_text"),
    [
        (".postlint.yaml", "ignore: [quality/too-short]\n"),
        ("pyproject.toml", '[tool.postlint]\nignore = ["quality/too-short"]\n'),
    ],
    ids=["yaml", "pyproject"],
)
def test_nearest_config_wins(project: Path, near_name: str, near_text: str) -> None:
    (project / ".postlint.yaml").write_text("ignore: [quality/placeholder]\n", encoding="utf-8")
    (project / "sub" / near_name).write_text(near_text, encoding="utf-8")
    code, found, _ = check(project / "sub" / "deeper", "job.md")
    assert (code, rules_of(found)) == (1, {"quality/placeholder"})  # no cascade: the parent's ignore is not used


def test_explicit_config(project: Path, tmp_path: Path) -> None:
    (project / ".postlint.yaml").write_text("ignore: [quality/placeholder]\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text("ignore: [quality/too-short]\n", encoding="utf-8")
    code, found, _ = check(project / "sub" / "deeper", "--config", str(other), "job.md")
    assert (code, rules_of(found)) == (1, {"quality/placeholder"})


def test_config_packs_are_relative_to_the_config_file(project: Path) -> None:
    (project / "packs").mkdir()
    (project / "packs" / "mine.yaml").write_text(
        "pack: mine\nrules:\n  - id: mine/job\n    kind: forbid\n    severity: info\n"
        "    message: m\n    description: d\n    terms: [job]\n",
        encoding="utf-8",
    )
    (project / ".postlint.yaml").write_text("packs: [builtin, packs/mine.yaml]\n", encoding="utf-8")
    _, found, _ = check(project / "sub" / "deeper", "job.md")
    assert ("job.md", "mine/job", "info") in found


# ---------------------------------------------------------------- selection and severity


@pytest.mark.parametrize(
    ("config", "args", "expected"),
    [
        ("select: [quality/placeholder]\n", [], {"quality/placeholder"}),
        ("select: [quality]\n", [], {"quality/placeholder", "quality/too-short"}),
        ("select: [postlint]\n", [], set()),
        ("ignore: [quality]\n", [], set()),
        ("ignore: [quality/too-short]\n", [], {"quality/placeholder"}),
        ('select: ["quality/placeholder, quality/too-short"]\n', [], {"quality/placeholder", "quality/too-short"}),
        ("select: [quality]\nignore: [quality/placeholder]\n", [], {"quality/too-short"}),
        ("", ["--select", "quality/too-short"], {"quality/too-short"}),
        ("", ["--select", "quality/too-short,quality/placeholder"], {"quality/placeholder", "quality/too-short"}),
        (
            "",
            ["--select", "quality/too-short", "--select", "quality/placeholder"],
            {"quality/placeholder", "quality/too-short"},
        ),
        ("", ["--ignore", "quality"], set()),
        ("", ["--ignore", "quality/placeholder, quality/too-short"], set()),
        ("ignore: [quality/placeholder]\n", ["--ignore", "quality/too-short"], set()),
    ],
    ids=[
        "select-rule",
        "select-pack",
        "select-other-pack",
        "ignore-pack",
        "ignore-rule",
        "comma-separated-in-config",
        "select-and-ignore",
        "cli-select",
        "cli-comma-separated",
        "cli-repeated",
        "cli-ignore-pack",
        "cli-ignore-comma-space",
        "config-and-cli-ignores-add-up",
    ],
)
def test_select_and_ignore(project: Path, config: str, args: list[str], expected: set[str]) -> None:
    (project / ".postlint.yaml").write_text(config or "{}\n", encoding="utf-8")
    _, found, err = check(project / "sub" / "deeper", *args, "job.md")
    assert rules_of(found) == expected, err


@pytest.mark.parametrize(
    ("severity", "expected"),
    [
        ("  quality: info\n", {"quality/placeholder": "info", "quality/too-short": "info"}),
        ("  quality/too-short: error\n", {"quality/placeholder": "error", "quality/too-short": "error"}),
        (
            "  quality/placeholder: warning\n  quality: info\n",
            {"quality/placeholder": "warning", "quality/too-short": "info"},
        ),
        (
            "  quality: info\n  quality/placeholder: warning\n",
            {"quality/placeholder": "warning", "quality/too-short": "info"},
        ),
    ],
    ids=["pack-wide", "rule", "rule-wins-written-first", "rule-wins-written-last"],
)
def test_severity_overrides(project: Path, severity: str, expected: dict[str, str]) -> None:
    (project / ".postlint.yaml").write_text("severity:\n" + severity, encoding="utf-8")
    code, found, _ = check(project / "sub" / "deeper", "job.md")
    assert {rule: sev for _, rule, sev in found} == expected
    assert code == (1 if "error" in expected.values() else 0)


# ---------------------------------------------------------------- per-file ignores


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for rel in ("drafts/a.md", "drafts/deep/er/b.md", "posted/c.md", "posted/drafts.md"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(POSTING, encoding="utf-8")
    return root


def _files_with(found: list[tuple[str, str, str]], rule: str) -> set[str]:
    return {path for path, r, _ in found if r == rule}


@pytest.mark.parametrize(
    ("glob", "ignored"),
    [
        ("drafts/**", {"drafts/a.md", "drafts/deep/er/b.md"}),
        ("**/b.md", {"drafts/deep/er/b.md"}),
        ("drafts/*.md", {"drafts/a.md"}),
        ("**/*.md", {"drafts/a.md", "drafts/deep/er/b.md", "posted/c.md", "posted/drafts.md"}),
        ("posted/**", {"posted/c.md", "posted/drafts.md"}),
    ],
    ids=["folder-double-star", "leading-double-star", "single-star", "everything", "other-folder"],
)
def test_per_file_ignores_globs(tree: Path, glob: str, ignored: set[str]) -> None:
    (tree / ".postlint.yaml").write_text(f'per-file-ignores:\n  "{glob}": [quality/placeholder]\n', encoding="utf-8")
    _, found, err = check(tree, ".")
    everything = {"drafts/a.md", "drafts/deep/er/b.md", "posted/c.md", "posted/drafts.md"}
    assert _files_with(found, "quality/placeholder") == everything - ignored, err
    assert _files_with(found, "quality/too-short") == everything


def test_per_file_ignores_by_pack_and_comma_separated(tree: Path) -> None:
    (tree / ".postlint.yaml").write_text(
        'per-file-ignores:\n  "drafts/**": [quality]\n  "posted/**": ["quality/placeholder, quality/too-short"]\n',
        encoding="utf-8",
    )
    code, found, _ = check(tree, ".")
    assert (code, found) == (0, [])


def test_per_file_ignores_are_relative_to_the_config_file(tree: Path) -> None:
    (tree / ".postlint.yaml").write_text('per-file-ignores:\n  "drafts/**": [quality/placeholder]\n', encoding="utf-8")
    _, found, _ = check(tree / "drafts", ".")
    assert _files_with(found, "quality/placeholder") == set()
    _, found, _ = check(tree / "drafts" / "deep", "er/b.md")
    assert _files_with(found, "quality/placeholder") == set()


# ---------------------------------------------------------------- fail-on


@pytest.mark.parametrize(
    ("config", "args", "code"),
    [
        ("ignore: [quality/placeholder]\n", [], 0),
        ("ignore: [quality/placeholder]\nfail-on: warning\n", [], 1),
        ("ignore: [quality/placeholder]\nfail-on: warning\n", ["--fail-on", "error"], 0),
        ("ignore: [quality/placeholder]\n", ["--fail-on", "warning"], 1),
        ("severity: {quality: info}\n", ["--fail-on", "warning"], 0),
        ("severity: {quality: info}\nfail-on: info\n", [], 1),
    ],
    ids=["default-error", "config-warning", "cli-overrides-config", "cli-warning", "info-below-warning", "config-info"],
)
def test_fail_on(project: Path, config: str, args: list[str], code: int) -> None:
    (project / ".postlint.yaml").write_text(config, encoding="utf-8")
    got, _, err = check(project / "sub" / "deeper", *args, "job.md")
    assert got == code, err


def test_settings_from_load_config(tmp_path: Path) -> None:
    config = tmp_path / ".postlint.yaml"
    config.write_text(
        "select: ['quality/placeholder,quality/title']\nignore: [quality/title]\nfail-on: warning\n"
        "max-file-size: 2\njurisdictions: [US-CO]\nper-file-ignores: {'a/**': ['quality/title, quality']}\n"
        "links: {timeout: 3, exclude: ['^https://internal']}\nfront-matter: {location: where}\n",
        encoding="utf-8",
    )
    settings = load_config(config)
    assert settings.select == ("quality/placeholder", "quality/title")
    assert settings.ignore == ("quality/title",)
    assert settings.fail_on == "warning"
    assert settings.max_file_size == 2
    assert settings.jurisdictions == ("US-CO",)
    assert settings.per_file_ignores == {"a/**": ("quality/title", "quality")}
    assert settings.links.timeout == 3
    assert settings.links.exclude == ("^https://internal",)
    assert settings.front_matter["location"] == "where"
    assert settings.front_matter["title"] == "title"
    assert settings.base == tmp_path.resolve()


# ---------------------------------------------------------------- errors

CONFIG_ERRORS = {
    "unknown-key": ("packs: [builtin]\ncolour: red\n", 2, "colour"),
    "unknown-nested-key": ("links:\n  check: false\n  retries: 3\n", 3, "retries"),
    "unknown-front-matter-key": ("front-matter:\n  salary: pay\n", 2, "salary"),
    "bad-fail-on": ("packs: [builtin]\nfail-on: sometimes\n", 2, "fail-on"),
    "bad-severity-level": ("severity:\n  quality/placeholder: fatal\n", 2, "quality/placeholder"),
    "bad-timeout": ("links:\n  timeout: -1\n", 2, "timeout"),
    "select-not-a-list": ("select: {a: b}\n", 1, "select"),
    "yaml-syntax": ("packs: [builtin]\nignore: [quality/placeholder\nfail-on: error\n", None, "YAML"),
    "yaml-duplicate-key": ("ignore: []\nignore: [quality/placeholder]\n", 2, "ignore"),
    "unknown-rule-in-select": ("packs: [builtin]\nselect: [quality/nope]\n", 2, "quality/nope"),
    "unknown-rule-in-ignore": ("packs: [builtin]\nignore:\n  - quality/placeholder\n  - nopack\n", 4, "nopack"),
    "unknown-rule-in-severity": ("severity:\n  quality/nope: info\n", 2, "quality/nope"),
    "unknown-rule-in-per-file-ignores": ("per-file-ignores:\n  'a/**': [quality/nope]\n", 2, "quality/nope"),
    "unknown-pack": ("packs: [builtin, no-such-pack]\n", 1, "no-such-pack"),
    "not-a-mapping": ("- a\n- b\n", 1, "mapping"),
    # YAML 1.1 reads a bare NO (Norway) as false: the message says why a country id is "not a string".
    "yaml-boolean-country": ("jurisdictions: [NO]\n", 1, 'quote it ("NO")'),
}


@pytest.mark.parametrize(("text", "line", "word"), list(CONFIG_ERRORS.values()), ids=list(CONFIG_ERRORS))
def test_config_errors_exit_2_with_file_and_line(project: Path, text: str, line: int | None, word: str) -> None:
    config = project / ".postlint.yaml"
    config.write_text(text, encoding="utf-8")
    code, out, err = run_main("check", "job.md", cwd=project / "sub" / "deeper")
    assert code == 2, out + err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert ".postlint.yaml" in lines[0]
    assert word in lines[0]
    if line is not None:
        assert re.search(rf"\.postlint\.yaml:{line}(:\d+)?: ", lines[0]), lines[0]
    else:
        assert re.search(r"\.postlint\.yaml:\d+(:\d+)?: ", lines[0]), lines[0]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ('[tool.postlint]\ncolour = "red"\n', "colour"),
        ('[tool.postlint]\nfail-on = "sometimes"\n', "fail-on"),
        ("[tool.postlint\n", "TOML"),
        ('[tool.postlint]\nselect = ["quality/nope"]\n', "quality/nope"),
    ],
    ids=["unknown-key", "bad-value", "toml-syntax", "unknown-rule"],
)
def test_pyproject_errors_name_the_file(project: Path, text: str, word: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    code, out, err = run_main("check", "job.md", cwd=project / "sub" / "deeper")
    assert code == 2, out + err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert "pyproject.toml" in err
    assert word in err


def test_missing_explicit_config(project: Path) -> None:
    code, _, err = run_main("check", "--config", "nope.yaml", "job.md", cwd=project / "sub" / "deeper")
    assert code == 2
    assert "nope.yaml" in err
    assert "Traceback" not in err


def test_load_config_raises_config_error_with_position(tmp_path: Path) -> None:
    config = tmp_path / ".postlint.yaml"
    config.write_text("packs: [builtin]\n\nfailon: warning\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{config}:3:")
