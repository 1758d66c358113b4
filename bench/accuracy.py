"""Score postlint's core compliance rules against hand-labelled postings.

    python bench/accuracy.py [--corpus DIR] [--strict]

Two sets are scored: the postings written for this purpose (tests/accuracy/postings,
labelled in tests/accuracy/labels.yaml) and real postings from the shared evaluation
corpus (labelled in tests/accuracy/real.yaml, paths relative to the corpus root; skipped
with a note when the corpus is not there). Every posting is linted by ONE run of the real
command line, from an empty temporary folder so that no configuration file is picked up.

For each rule and set the report gives TP, FP, FN, TN, precision, recall and severity
agreement (of the postings where the rule rightly fires, how many at the labelled
severity), then every disagreement with the label's reason. It exits 0 whatever it finds;
`--strict` exits 1 if a disagreement is not listed under its label's `known_failure`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
ACCURACY = REPO / "tests" / "accuracy"
WRITTEN_LABELS = ACCURACY / "labels.yaml"
REAL_LABELS = ACCURACY / "real.yaml"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

RULES = ("pay/salary-range", "eeo/statement", "visa/policy", "links/apply")
SEVERITIES = ("error", "warning", "info")  # most severe first
OUTCOMES = (*SEVERITIES, "pass")
SETS = ("written", "real")
# 0 = nothing at or above --fail-on, 1 = something is: both are successful runs.
ACCEPTED_EXIT_CODES = (0, 1)
LABEL_KEYS = frozenset({"file", "jurisdictions", "expect", "why", "known_failure"})


class AccuracyError(Exception):
    """A labels file that does not validate, or a postlint run that did not complete."""


@dataclass(frozen=True)
class Label:
    """The expected outcome of each core rule on one posting."""

    file: str  # as written in the labels file
    path: Path  # the posting on disk
    set: str  # "written" or "real"
    expect: Mapping[str, str]
    jurisdictions: tuple[str, ...] = ()
    why: str = ""
    known_failure: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Disagreement:
    set: str
    file: str
    rule: str
    expected: str
    got: str
    why: str
    known: str | None  # the known_failure reason, if the label lists one


@dataclass
class Counts:
    """Confusion counts for one rule on one set; 'fires' means any severity."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    severity_agree: int = 0  # true positives at the labelled severity

    def add(self, expected: str, got: str) -> None:
        fires_expected, fires_got = expected != "pass", got != "pass"
        if fires_expected and fires_got:
            self.tp += 1
            self.severity_agree += expected == got
        elif fires_got:
            self.fp += 1
        elif fires_expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def severity_agreement(self) -> float | None:
        return self.severity_agree / self.tp if self.tp else None


@dataclass
class Report:
    counts: dict[tuple[str, str], Counts]  # (set, rule) -> counts
    disagreements: list[Disagreement]
    notes: list[str] = field(default_factory=list)

    @property
    def unexpected(self) -> list[Disagreement]:
        """Disagreements that no label lists as a known failure."""
        return [d for d in self.disagreements if d.known is None]


# ---------------------------------------------------------------------------- labels


def load_labels(path: Path, base: Path, set_name: str) -> list[Label]:
    """Read and validate a labels file; each `file:` is relative to `base`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise AccuracyError(f"{path}: {exc}") from exc
    if not isinstance(data, list):
        raise AccuracyError(f"{path}: expected a list of labels")
    labels: list[Label] = []
    seen: set[str] = set()
    for index, entry in enumerate(data, 1):
        where = f"{path.name} entry {index}"
        if not isinstance(entry, dict):
            raise AccuracyError(f"{where}: expected a mapping")
        unknown = set(entry) - LABEL_KEYS
        if unknown:
            raise AccuracyError(f"{where}: unknown keys {sorted(unknown)}")
        file = entry.get("file")
        if not isinstance(file, str) or not file:
            raise AccuracyError(f"{where}: `file` is required")
        where = f"{path.name}: {file}"
        if file in seen:
            raise AccuracyError(f"{where}: labelled twice")
        seen.add(file)
        expect = entry.get("expect")
        if not isinstance(expect, dict) or set(expect) != set(RULES):
            raise AccuracyError(f"{where}: `expect` must give exactly {', '.join(RULES)}")
        for rule, outcome in expect.items():
            if outcome not in OUTCOMES:
                raise AccuracyError(f"{where}: {rule}: {outcome!r} is not one of {', '.join(OUTCOMES)}")
        jurisdictions = entry.get("jurisdictions") or []
        if not isinstance(jurisdictions, list) or not all(isinstance(j, str) for j in jurisdictions):
            raise AccuracyError(f"{where}: `jurisdictions` must be a list of ids")
        known = entry.get("known_failure") or {}
        if not isinstance(known, dict) or not set(known) <= set(RULES):
            raise AccuracyError(f"{where}: `known_failure` must map rule ids ({', '.join(RULES)}) to reasons")
        why = entry.get("why") or ""
        labels.append(
            Label(
                file=file,
                path=base / file,
                set=set_name,
                expect=dict(expect),
                jurisdictions=tuple(jurisdictions),
                why=str(why),
                known_failure={rule: str(reason) for rule, reason in known.items()},
            )
        )
    return labels


def load_all(corpus: Path | None = DEFAULT_CORPUS) -> tuple[list[Label], list[str]]:
    """The written labels, plus the real ones when the corpus exists; and notes on what was skipped."""
    labels = load_labels(WRITTEN_LABELS, ACCURACY, "written")
    notes: list[str] = []
    if corpus is None:
        notes.append("real postings skipped: no corpus given")
    elif not (corpus / "real").is_dir():
        notes.append(f"real postings skipped: no corpus at {corpus}")
    else:
        labels += load_labels(REAL_LABELS, corpus, "real")
    return labels, notes


# ---------------------------------------------------------------------------- running postlint


def postlint_command(paths: Iterable[Path], rules: Sequence[str] = RULES) -> list[str]:
    """The one command that lints every labelled posting."""
    return [
        sys.executable,
        "-m",
        "postlint",
        "check",
        "--format",
        "json",
        "--no-cache",
        "--select",
        ",".join(rules),
        "--fail-on",
        "error",
        *(str(p) for p in paths),
    ]


def _environment() -> dict[str, str]:
    """Plain output, no CI annotations, and this checkout importable from any folder."""
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "FORCE_COLOR", "POSTLINT_DEBUG"}}
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


def run_postlint(paths: Sequence[Path], rules: Sequence[str] = RULES) -> dict[Path, dict[str, str]]:
    """Lint the files in one subprocess; return each file's outcome per rule ('pass' or the worst severity)."""
    resolved = [p.resolve() for p in paths]
    missing = [str(p) for p in resolved if not p.is_file()]
    if missing:
        raise AccuracyError(f"labelled postings not found: {', '.join(missing[:5])}")
    if not resolved:
        return {}
    with tempfile.TemporaryDirectory(prefix="postlint-accuracy-") as empty:
        proc = subprocess.run(
            postlint_command(resolved, rules),
            cwd=empty,
            capture_output=True,
            env=_environment(),
            timeout=600,
            check=False,
        )
        base = Path(empty)
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode not in ACCEPTED_EXIT_CODES:
        raise AccuracyError(f"postlint exited with {proc.returncode}: {stderr or '(no message)'}")
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AccuracyError(f"postlint did not print a JSON report: {exc}") from exc
    return outcomes_from_report(report, resolved, rules, base=base)


def outcomes_from_report(
    report: Mapping[str, Any], paths: Sequence[Path], rules: Sequence[str] = RULES, *, base: Path | None = None
) -> dict[Path, dict[str, str]]:
    """Map a JSON report's violations back to the files: the worst severity per rule, else 'pass'.

    `paths` are resolved; a relative path in the report is relative to `base` (the run's folder).
    """
    outcomes = {p: dict.fromkeys(rules, "pass") for p in paths}
    for violation in report.get("violations", []):
        rule, severity = violation.get("rule"), violation.get("severity")
        if rule not in rules or severity not in SEVERITIES:
            continue
        path = Path(violation["path"])
        if not path.is_absolute():
            path = (base or Path.cwd()) / path
        path = path.resolve()
        if path not in outcomes:
            raise AccuracyError(f"postlint reported a file it was not given: {violation['path']}")
        current = outcomes[path][rule]
        if current == "pass" or SEVERITIES.index(severity) < SEVERITIES.index(current):
            outcomes[path][rule] = severity
    return outcomes


# ---------------------------------------------------------------------------- scoring


def outcome_of(label: Label, outcomes: Mapping[Path, Mapping[str, str]], rule: str) -> str:
    return outcomes[label.path.resolve()][rule]


def score(labels: Iterable[Label], outcomes: Mapping[Path, Mapping[str, str]]) -> Report:
    """Compare every label with what postlint found."""
    counts = {(s, r): Counts() for s in SETS for r in RULES}
    disagreements: list[Disagreement] = []
    notes: list[str] = []
    for label in labels:
        for rule in RULES:
            expected, got = label.expect[rule], outcome_of(label, outcomes, rule)
            counts[label.set, rule].add(expected, got)
            if expected != got:
                disagreements.append(
                    Disagreement(label.set, label.file, rule, expected, got, label.why, label.known_failure.get(rule))
                )
            elif rule in label.known_failure:
                notes.append(f"{label.file} {rule} now agrees with its label; drop its known_failure entry")
    return Report(counts, disagreements, notes)


def _ratio(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.2f}"


def format_report(report: Report, labels: Sequence[Label]) -> str:
    lines: list[str] = []
    for s in SETS:
        n = sum(1 for label in labels if label.set == s)
        if not n:
            continue
        lines.append(f"{s} postings: {n}")
        lines.append(f"  {'rule':<18} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}  {'prec':>5} {'recall':>6}  severity")
        for rule in RULES:
            c = report.counts[s, rule]
            sev = f"{c.severity_agree}/{c.tp} ({_ratio(c.severity_agreement).strip()})" if c.tp else "-"
            lines.append(
                f"  {rule:<18} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.tn:>4}  "
                f"{_ratio(c.precision)} {_ratio(c.recall):>6}  {sev}"
            )
        lines.append("")
    lines.extend(f"note: {note}" for note in report.notes)
    if report.notes:
        lines.append("")
    if not report.disagreements:
        lines.append("No disagreements.")
        return "\n".join(lines)
    known = len(report.disagreements) - len(report.unexpected)
    lines.append(f"Disagreements: {len(report.disagreements)} ({known} known failures)")
    for d in sorted(report.disagreements, key=lambda d: (SETS.index(d.set), d.rule, d.file)):
        tag = f"  [known failure: {d.known}]" if d.known is not None else ""
        lines.append(f"  {d.file}  {d.rule}: expected {d.expected}, got {d.got}{tag}")
        if d.why:
            lines.append(f"      why: {d.why}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"the shared evaluation corpus, holding real/ (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 on a disagreement not listed as a known failure")
    args = parser.parse_args(argv)
    try:
        labels, notes = load_all(args.corpus.resolve())
        outcomes = run_postlint([label.path for label in labels])
    except AccuracyError as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    report = score(labels, outcomes)
    report.notes.extend(notes)
    print(format_report(report, labels))
    return 1 if args.strict and report.unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
