"""Worker processes give exactly the report one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from postlint.runner import PARALLEL_THRESHOLD
from postlint.work_plan import MIN_BYTES_PER_WORKER

PACK = """\
pack: wording
version: "1"
description: test pack
rules:
  - id: wording/salesman
    kind: forbid
    severity: error
    message: "Use '{replacement}' for '{match}'"
    description: Gendered job titles put people off applying.
    references: [https://example.org/research]
    replace: {salesman: salesperson}
"""


def _run(args: list[str], cwd: Path) -> dict:
    code, out, err = run_cli(*args, cwd=cwd)
    assert code == 1, err
    return json.loads(out)


@pytest.mark.parametrize("fmt", ["json"])
def test_parallel_run_matches_serial_run(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "wording.yaml").write_text(PACK, encoding="utf-8")
    postings = tmp_path / "postings"
    postings.mkdir()
    # Enough text that the run is worth two workers (work_plan.MIN_BYTES_PER_WORKER each).
    filler = ["Our team sells software to clinics across the region. " * 4] * ((2 * MIN_BYTES_PER_WORKER) // 15_000)
    for n in range(PARALLEL_THRESHOLD + 6):
        numbered = (f"Line {i} of posting {n}." for i in range(n % 7))
        lines = ["# Sales role", "", *numbered, *filler, "We need a Salesman."]
        (postings / f"p{n:03}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["check", "postings", "--format", fmt, "--pack", "wording.yaml", "--select", "wording", "--no-cache"]
    serial = _run([*args, "--jobs", "1"], tmp_path)
    parallel = _run([*args, "--jobs", "2"], tmp_path)
    assert parallel == serial
    assert serial["summary"]["violations"] == PARALLEL_THRESHOLD + 6
    edits = [v["fix"]["edits"][0] for v in serial["violations"]]
    assert all(edit["line"] == v["line"] > 2 for edit, v in zip(edits, serial["violations"], strict=True))
    assert sum(p.stat().st_size for p in postings.iterdir()) > 2 * MIN_BYTES_PER_WORKER
