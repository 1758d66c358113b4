"""Files that are not postings (README, docs/...) are skipped by default; the config changes the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

from postlint.config import DEFAULT_EXCLUDE
from postlint.discovery import excluded_by

FLAWED = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
NOT_A_POSTING = "# Our postings\n\nOne file per opening.\n"


@pytest.mark.parametrize(
    ("path", "below", "glob"),
    [
        ("README.md", 0, "README.*"),
        ("postings/Readme.txt", 0, "README.*"),
        ("CHANGELOG.md", 0, "CHANGELOG.*"),
        ("CODE_OF_CONDUCT.md", 0, "CODE_OF_CONDUCT.*"),
        ("LICENSE", 0, "LICENSE"),
        ("docs/guide.md", 0, "docs/"),
        ("team/docs/guide.md", 0, "docs/"),
        (".github/PULL_REQUEST_TEMPLATE.md", 0, ".github/"),
        ("docs/guide.md", 1, None),  # inside a folder named on the command line
        ("postings/backend.md", 0, None),
        ("postings/license-manager.md", 0, None),
        ("postings/docs.md", 0, None),
        ("readme-writer/technical-writer.md", 0, None),
    ],
)
def test_default_exclusions(path: str, below: int, glob: str | None) -> None:
    assert excluded_by(path, DEFAULT_EXCLUDE, below) == glob


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for name in ("README.md", "CONTRIBUTING.md", "docs/guide.md", ".github/ISSUE_TEMPLATE.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(NOT_A_POSTING, encoding="utf-8")
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "leftovers.md").write_text(FLAWED, encoding="utf-8")
    (tmp_path / ".postlint.yaml").write_text("packs: [quality, eeo]\n", encoding="utf-8")
    return tmp_path


def linted(out: str) -> set[str]:
    return {line.split(":", 1)[0] for line in out.splitlines() if line.count(":") >= 3 and not line.startswith(" ")}


def test_a_folder_run_skips_what_is_not_a_posting(repo: Path) -> None:
    code, out, err = run_cli("check", ".", cwd=repo)
    assert code == 1
    assert linted(out) == {"postings/leftovers.md"}
    assert "in 1 file." in out
    assert err == ""


def test_named_files_that_are_not_postings_are_skipped_with_a_note(repo: Path) -> None:
    code, out, err = run_cli("check", "README.md", "docs/guide.md", "postings/leftovers.md", cwd=repo)
    assert code == 1
    assert linted(out) == {"postings/leftovers.md"}
    assert err.strip() == (
        "postlint: skipped 2 files that are not postings (README.md, docs/guide.md); "
        "see `exclude:` in the configuration"
    )


def test_a_folder_named_on_the_command_line_is_linted(repo: Path) -> None:
    _, out, _ = run_cli("check", "docs", cwd=repo)
    assert linted(out) == {"docs/guide.md"}


def test_the_config_replaces_or_extends_the_list(repo: Path) -> None:
    (repo / ".postlint.yaml").write_text("packs: [quality, eeo]\nexclude: []\n", encoding="utf-8")
    _, out, _ = run_cli("check", ".", cwd=repo)
    assert linted(out) == {"README.md", "CONTRIBUTING.md", "docs/guide.md", "postings/leftovers.md"}
    (repo / ".postlint.yaml").write_text("packs: [quality, eeo]\nextend-exclude: [postings/]\n", encoding="utf-8")
    code, out, _ = run_cli("check", ".", cwd=repo)
    assert (code, linted(out)) == (0, set())
    (repo / "pyproject.toml").write_text('[tool.postlint]\nexclude = ["docs/"]\n', encoding="utf-8")
    (repo / ".postlint.yaml").unlink()
    _, out, _ = run_cli("check", "--select", "quality,eeo", ".", cwd=repo)
    assert linted(out) == {"README.md", "CONTRIBUTING.md", "postings/leftovers.md"}


def test_fix_and_baseline_skip_them_too(repo: Path) -> None:
    (repo / "README.md").write_text("# Our postings\n\nWe‚Äôre hiring.\n", encoding="utf-8")
    run_cli("fix", ".", cwd=repo)
    assert "‚Äô" in (repo / "README.md").read_text(encoding="utf-8")
    code, _, err = run_cli("baseline", ".", cwd=repo)
    assert code == 0 and "of 1 file." in err


def test_standard_input_is_never_skipped(repo: Path) -> None:
    code, out, _ = run_cli("check", "-", "--stdin-filename", "README.md", input=FLAWED, cwd=repo)
    assert code == 1 and "README.md:7:11" in out


def test_inspect_says_why_check_skips_a_file(repo: Path) -> None:
    code, out, err = run_cli("inspect", "README.md", cwd=repo)
    assert code == 0 and out
    assert err.strip() == "postlint: note: `postlint check` skips this file: it matches 'README.*' of `exclude:`"
    assert run_cli("inspect", "postings/leftovers.md", cwd=repo)[2] == ""
