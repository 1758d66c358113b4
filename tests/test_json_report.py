"""The JSON report is the same document whether its violation lines stay in memory or spill to disk."""

from __future__ import annotations

import io
import json
from pathlib import Path

from postlint.output import ReportOptions
from postlint.output.json_format import JsonReporter, render_json
from postlint.runner import lint_files, load_linter

ROOT = Path(__file__).resolve().parents[1]


def _report(spool_bytes: int) -> tuple[str, str]:
    linter = load_linter()
    files = sorted(str(p) for p in (ROOT / "examples").rglob("*.md"))
    out, err = io.StringIO(), io.StringIO()
    reporter = JsonReporter(ReportOptions(stream=out, errors=err, version="x", statistics=True), spool_bytes)
    results = list(lint_files(linter, files, max_bytes=10**7, jobs=1))
    for result in results:
        reporter.file(result)
    reporter.finish(len(results))
    expected = render_json("x", len(results), [(v, v.to_dict()) for r in results for v in r.violations])
    assert out.getvalue() == expected + "\n"
    return out.getvalue(), err.getvalue()


def test_spilled_report_is_identical_to_the_one_kept_in_memory() -> None:
    in_memory, stats = _report(1 << 30)
    spilled, spilled_stats = _report(64)  # a few lines, then a temporary file
    assert spilled == in_memory and spilled_stats == stats
    document = json.loads(spilled)
    assert document["summary"]["violations"] == len(document["violations"]) > 10
    assert stats.strip()


def test_clean_run_reports_an_empty_list() -> None:
    out = io.StringIO()
    reporter = JsonReporter(ReportOptions(stream=out, errors=io.StringIO(), version="x"))
    reporter.finish(3)
    assert json.loads(out.getvalue())["violations"] == []
    assert out.getvalue() == render_json("x", 3, []) + "\n"
