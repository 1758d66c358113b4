"""`--report FORMAT:FILE`: more reports from the same run, each as its own `--format` would write it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, run_cli


def test_reports_from_one_run_match_separate_runs(tmp_path: Path) -> None:
    (tmp_path / "postings").mkdir()
    for name in ("flawed/template-leftovers.md", "clean/backend-engineer-denver.md"):
        (tmp_path / "postings" / Path(name).name).write_bytes((EXAMPLES / name).read_bytes())
    code, out, _ = run_cli(
        "check", "postings", "--format", "github", "--report", "json:r.json", "--report", "sarif:r.sarif", cwd=tmp_path
    )
    assert code == 1
    assert "::error file=postings/template-leftovers.md" in out
    _, alone, _ = run_cli("check", "postings", "--format", "json", cwd=tmp_path)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == json.loads(alone)
    sarif = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    assert len(sarif["runs"][0]["results"]) == json.loads(alone)["summary"]["violations"]


def test_a_bad_report_option_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Engineer\n", encoding="utf-8")
    for value in ("sarif", "pdf:x.pdf", "json:"):
        code, _, err = run_cli("check", "a.md", "--report", value, cwd=tmp_path)
        assert code == 2 and "--report" in err, err
    code, _, err = run_cli("check", "a.md", "--report", "json:missing/dir/r.json", cwd=tmp_path)
    assert code == 2 and "missing/dir/r.json" in err
