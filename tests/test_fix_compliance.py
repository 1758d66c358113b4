"""Unsafe compliance fixes add each missing statement once, and a second `fix` has nothing to do.

A fix whose inserted text did not satisfy its own rule would be added again on
every pass of the fixpoint; these postings cover every rule that inserts text.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli_env

POSTINGS = {
    "seattle.md": "# Warehouse Lead\n\nLocation: Seattle, WA\n\n- Lead a team of 8\n- Forklift certification\n\n"
    "Competitive pay.\n",
    "denver.txt": "Data Engineer\n\nLocation: Denver, CO\nSalary: DOE\n\nBuild pipelines.\n",
    "toronto.md": "# Analyst\n\n- Location: Toronto, ON\n- Team: Finance\n",
    "sf.html": "<html><body><h1>Barista</h1><p>Location: San Francisco, CA</p><p>Make coffee.</p></body></html>\n",
    "london.md": "# Engineer\n\nLocation: London, UK\n\nJoin us.\n",
    "remote.md": "# Support Agent\n\nLocation: Remote (US)\n\nHelp customers.\n",
    "crlf.txt": "Clerk\r\n\r\nLocation: Baltimore, MD\r\nPay: $40,000 per year\r\n",
    "federal.md": "# Analyst\n\nLocation: Austin, TX\n\nWe are a federal contractor and an equal opportunity "
    "employer.\n",
}


def _postlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args], cwd=cwd, capture_output=True, env=cli_env(), check=False
    )


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("postings")
    for name, text in POSTINGS.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    proc = _postlint(folder, "fix", "--unsafe-fixes", ".")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return folder


def test_a_second_fix_changes_nothing(fixed: Path) -> None:
    proc = _postlint(fixed, "fix", "--unsafe-fixes", "--check", ".")
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()


@pytest.mark.parametrize("name", list(POSTINGS))
def test_each_statement_is_added_once(fixed: Path, name: str) -> None:
    text = (fixed / name).read_bytes().decode("utf-8")
    assert text != POSTINGS[name]
    for line in text.splitlines():
        if line.strip():
            assert text.count(line) == 1 or line.strip() in POSTINGS[name], f"{line!r} added twice"


def test_crlf_is_kept(fixed: Path) -> None:
    data = (fixed / "crlf.txt").read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_filled_in_placeholders_are_still_reported(fixed: Path) -> None:
    proc = _postlint(fixed, "check", "--no-cache", "--select", "quality/placeholder,pay/salary-range", "seattle.md")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "quality/placeholder" in out and "[minimum]" in out
    assert "pay/salary-range" in out and "placeholder" in out
