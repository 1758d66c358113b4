"""Errors in `[tool.postlint]` name their line and column, as errors in `.postlint.yaml` do."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from postlint.toml_positions import toml_positions

PYPROJECT = """\
[project]
name = "postings"

[tool.postlint]
packs = ["builtin"]
{body}
"""


@pytest.mark.parametrize(
    ("body", "where", "word"),
    [
        ('colour = "red"', "6:1", "unknown key 'colour'"),
        ('fail-on = "sometimes"', "6:1", "fail-on"),
        ('select = [\n  "quality",\n  "quality/nope",\n]', "8:3", "quality/nope"),
        ('ignore = ["eeo", "nope/x"]', "6:18", "nope/x"),
        ("links = {timeout = -1}", "6:10", "links -> timeout"),
        ("\n[tool.postlint.links]\ncheck = true\nconcurrency = 0", "9:1", "links -> concurrency"),
        ('severity."quality/too-short" = "loud"', "6:1", "severity"),
        ('per-file-ignores = {"drafts/**" = ["nope/y"]}', "6:36", "nope/y"),
        ('jurisdictions = ["US-CO", "ZZ-QQ"]', "6:27", "unknown jurisdiction 'ZZ-QQ'"),
        ('select = ["quality" "eeo"]', "6:21", "invalid TOML"),
        ('select = ["quality"', "6:", "invalid TOML"),
    ],
    ids=["unknown-key", "bad-value", "multi-line-array", "array-item", "inline-table", "sub-table", "dotted-key",
         "per-file-ignores", "jurisdiction", "syntax", "unclosed"],
)  # fmt: skip
def test_pyproject_errors_name_their_line(tmp_path: Path, body: str, where: str, word: str) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.format(body=body), encoding="utf-8")
    (tmp_path / "job.md").write_text("# Engineer\n\nJoin us.\n", encoding="utf-8")
    code, _, err = run_cli("check", "job.md", "--no-cache", cwd=tmp_path)
    assert code == 2, err
    assert err.startswith("postlint: error: ") and f"pyproject.toml:{where}" in err, err
    assert word in err
    assert len(err.strip().splitlines()) == 1


def test_positions_of_keys_items_and_tables() -> None:
    text = '[a]\nx = [1,\n  {y = "]"}]\n"q.r".s = """\n]\n"""\n[[b]]\nz = 1\n[[b]]\nz = 2\n'
    marks = toml_positions(text)
    assert marks[("a", "x")] == (2, 1)
    assert marks[("a", "x", 1)] == (3, 3)
    assert marks[("a", "x", 1, "y")] == (3, 4)
    assert marks[("a", "q.r", "s")] == (4, 1)
    assert marks[("b", 1, "z")] == (10, 1)
