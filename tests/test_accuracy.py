"""The core compliance rules against hand-labelled postings (tests/accuracy/).

The command line runs once per session over every labelled posting, through the same
function as `bench/accuracy.py`; each (posting, rule) pair is then one test. Real postings
from the shared corpus join in when the corpus is present. A label's `known_failure`
entry turns that pair into a strict xfail.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
HARNESS_PATH = ROOT / "bench" / "accuracy.py"


def _load_harness() -> ModuleType:
    name = "postlint_bench_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HARNESS_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while the class is built
    spec.loader.exec_module(module)
    return module


harness = _load_harness()
WRITTEN = harness.load_labels(harness.WRITTEN_LABELS, harness.ACCURACY, "written")
CORPUS = harness.DEFAULT_CORPUS
HAVE_CORPUS = (CORPUS / "real").is_dir()
REAL = harness.load_labels(harness.REAL_LABELS, CORPUS, "real") if HAVE_CORPUS else []


def _cases(labels: list[Any]) -> list[Any]:
    cases = []
    for label in labels:
        for rule in harness.RULES:
            marks = []
            if rule in label.known_failure:
                marks.append(pytest.mark.xfail(strict=True, reason=label.known_failure[rule]))
            cases.append(pytest.param(label, rule, marks=marks, id=f"{label.file}::{rule}"))
    return cases


@pytest.fixture(scope="module")
def outcomes() -> dict[Path, dict[str, str]]:
    """Every labelled posting linted by one run of the command line."""
    try:
        return harness.run_postlint([label.path for label in WRITTEN + REAL])
    except harness.AccuracyError as exc:
        pytest.fail(f"could not run postlint over the labelled postings: {exc}", pytrace=False)


def _check(label: Any, rule: str, outcomes: dict[Path, dict[str, str]]) -> None:
    got = harness.outcome_of(label, outcomes, rule)
    expected = label.expect[rule]
    assert got == expected, f"{label.file}: {rule} expected {expected}, got {got}" + (
        f" ({label.why})" if label.why else ""
    )


@pytest.mark.parametrize(("label", "rule"), _cases(WRITTEN))
def test_written_posting(label: Any, rule: str, outcomes: dict[Path, dict[str, str]]) -> None:
    _check(label, rule, outcomes)


_REAL_CASES = _cases(REAL) or [
    pytest.param(None, None, marks=pytest.mark.skip(reason=f"no shared corpus at {CORPUS}"), id="no-corpus")
]


@pytest.mark.parametrize(("label", "rule"), _REAL_CASES)
def test_real_posting(label: Any, rule: str, outcomes: dict[Path, dict[str, str]]) -> None:
    _check(label, rule, outcomes)


def test_every_written_posting_is_labelled() -> None:
    postings = harness.ACCURACY / "postings"
    on_disk = {p.relative_to(harness.ACCURACY).as_posix() for p in postings.rglob("*") if p.is_file()}
    labelled = {label.file for label in WRITTEN}
    assert on_disk - labelled == set(), "postings without a label"
    assert labelled - on_disk == set(), "labels whose posting does not exist"


def test_written_set_covers_every_format() -> None:
    suffixes = [label.path.suffix for label in WRITTEN]
    for suffix in (".md", ".txt", ".html"):
        assert suffixes.count(suffix) >= 12, f"fewer than 12 {suffix} postings"


def test_jurisdiction_ids_are_well_formed() -> None:
    from postlint.kinds.spec_base import JURISDICTION_ID

    bad = [(label.file, j) for label in WRITTEN + REAL for j in label.jurisdictions if not JURISDICTION_ID.match(j)]
    assert bad == []


def test_real_labels_parse_without_the_corpus() -> None:
    labels = harness.load_labels(harness.REAL_LABELS, Path("/nonexistent"), "real")
    sources = {label.file.split("/")[1] for label in labels}
    assert all(label.file.startswith("real/") for label in labels)
    for source in sources:
        assert sum(label.file.split("/")[1] == source for label in labels) >= 6, source


@pytest.mark.skipif(not HAVE_CORPUS, reason=f"no shared corpus at {CORPUS}")
def test_real_labelled_postings_exist() -> None:
    missing = [label.file for label in REAL if not label.path.is_file()]
    assert missing == []


def test_scoring_counts_and_disagreements() -> None:
    """The harness's arithmetic, on a made-up report (no subprocess)."""
    a, b = Path("/x/a.md").resolve(), Path("/x/b.md").resolve()
    labels = [
        harness.Label(
            "a.md",
            a,
            "written",
            {"pay/salary-range": "error", "eeo/statement": "pass", "visa/policy": "pass", "links/apply": "pass"},
        ),
        harness.Label(
            "b.md",
            b,
            "written",
            {"pay/salary-range": "warning", "eeo/statement": "warning", "visa/policy": "pass", "links/apply": "pass"},
            known_failure={"visa/policy": "known"},
        ),
    ]
    report = {
        "violations": [
            {"path": str(a), "rule": "pay/salary-range", "severity": "warning"},
            {"path": str(a), "rule": "pay/salary-range", "severity": "error"},
            {"path": str(b), "rule": "eeo/statement", "severity": "warning"},
            {"path": str(b), "rule": "visa/policy", "severity": "warning"},
            {"path": str(b), "rule": "quality/title", "severity": "error"},
        ]
    }
    outcomes = harness.outcomes_from_report(report, [a, b])
    assert outcomes[a] == {
        "pay/salary-range": "error",
        "eeo/statement": "pass",
        "visa/policy": "pass",
        "links/apply": "pass",
    }
    scored = harness.score(labels, outcomes)
    pay = scored.counts["written", "pay/salary-range"]
    assert (pay.tp, pay.fp, pay.fn, pay.tn, pay.severity_agree) == (1, 0, 1, 0, 1)
    visa = scored.counts["written", "visa/policy"]
    assert (visa.tp, visa.fp, visa.fn, visa.tn) == (0, 1, 0, 1)
    assert visa.precision == 0.0 and visa.recall is None
    assert [(d.file, d.rule, d.known) for d in scored.disagreements] == [
        ("b.md", "pay/salary-range", None),
        ("b.md", "visa/policy", "known"),
    ]
    assert [d.rule for d in scored.unexpected] == ["pay/salary-range"]
    text = harness.format_report(scored, labels)
    assert "Disagreements: 2 (1 known failures)" in text
