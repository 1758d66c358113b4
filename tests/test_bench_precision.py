"""bench/precision.py: stable samples, verdicts that survive re-runs, and the bar per severity."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module():
    spec = importlib.util.spec_from_file_location("precision_bench", ROOT / "bench" / "precision.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["precision_bench"] = module
    spec.loader.exec_module(module)
    return module


def _finding(m, rule: str, n: int, severity: str = "warning"):
    return m.Finding(
        f"{rule} | real/x/{n:04}.md | {n} | ", rule, severity, f"real/x/{n:04}.md", Path("x"), n, 1, n, 2, "", ""
    )


def test_a_sample_keeps_its_findings_when_others_come_and_go() -> None:
    m = _module()
    found = [_finding(m, "quality/all-caps", n) for n in range(100)]
    before = {f.key for f in m.sample(found, 30, 18)["quality/all-caps (warning)"]}
    dropped = [f for f in found if f.key not in before][:20]  # a rule change removes findings outside the sample
    after = {f.key for f in m.sample([f for f in found if f not in dropped], 30, 18)["quality/all-caps (warning)"]}
    assert after == before


def test_precision_counts_debatable_against_the_rule_and_each_severity_has_its_own_row() -> None:
    m = _module()
    found = [_finding(m, "pay/salary-range", n, "error") for n in range(3)]
    found += [_finding(m, "pay/salary-range", n, "warning") for n in range(3, 6)]
    samples = m.sample(found, 30, 18)
    reviews = {
        found[0].key: m.Verdict("correct", ""),
        found[1].key: m.Verdict("debatable", ""),
        found[2].key: m.Verdict("correct", ""),
        found[3].key: m.Verdict("correct", ""),
    }
    rows = {(r.rule, r.severity): r for r in m.table(found, samples, reviews)}
    error = rows[("pay/salary-range", "error")]
    assert (error.reviewed, round(error.precision, 2), error.under_bar, error.complete) == (3, 0.67, True, True)
    warning = rows[("pay/salary-range", "warning")]
    assert (warning.reviewed, warning.complete) == (1, False)


def test_verdicts_round_trip_with_the_trailing_space_of_a_key(tmp_path: Path) -> None:
    m = _module()
    records = tmp_path / "v.tsv"
    records.write_text("eeo/statement | real/a.md | 9 | \tcorrect\tno statement\n", encoding="utf-8")
    reviews = m.read_records(records)
    path = tmp_path / "review.yaml"
    m.save_reviews(path, reviews)
    assert m.load_reviews(path) == {"eeo/statement | real/a.md | 9 | ": m.Verdict("correct", "no statement")}
