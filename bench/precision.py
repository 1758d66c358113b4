"""Review postlint's findings on real postings by hand, and score each rule's precision.

    python bench/precision.py                 # the precision table from the recorded verdicts
    python bench/precision.py --show          # print each sampled finding not yet judged, with context
    python bench/precision.py --review        # judge them one by one at the prompt (c/f/d + a reason)
    python bench/precision.py --record FILE   # add verdicts from a file of `key<TAB>verdict<TAB>reason` lines
    python bench/precision.py --rule pay/period --show --all   # every sampled finding of one rule

Every posting in `../shared/corpus/real/` and `../shared/corpus/devset/postings/` is linted by
ONE run of the real command line, from an empty temporary folder (no configuration is picked
up). Up to `--per-rule` findings (30) of each rule are sampled (of each rule and severity, for a rule
that reports an error where a law applies and a warning elsewhere): the ones whose seeded hash of
their key is smallest, so a sample changes only by the findings that come or go when a rule
changes, and earlier verdicts keep applying.

A finding's key is `rule | file (relative to the corpus) | line | matched text` (the text
the violation spans, at most 60 characters; empty for a finding about something missing).
Verdicts live in `tests/accuracy/precision_review.yaml`, keyed so: `correct`, `false` or
`debatable`, each with a short reason. A verdict whose finding no longer appears is kept (the
rule may come back to it) and counted as stale.

Precision is correct / reviewed: a debatable finding counts against the rule. A rule at
`error` needs 0.95 and one at `warning` 0.90, on a reviewed sample of at least 30 findings or
all there are; the table marks rules under the bar and rules not yet fully reviewed. It exits
0 whatever it finds; `--strict` exits 1 when a rule at error or warning is under its bar or
not fully reviewed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
REVIEW_FILE = REPO / "tests" / "accuracy" / "precision_review.yaml"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
SETS = ("real", "devset/postings")
VERDICTS = ("correct", "false", "debatable")
BARS = {"error": 0.95, "warning": 0.90}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
MATCH_CHARS = 60
WINDOW = 160  # characters shown either side of a finding on a long line

# For findings about something missing, the lines of the posting that bear on it: the reviewer
# reads these to judge whether the thing is really missing.
HINTS: dict[str, str] = {
    "eeo/statement": r"equal|discriminat|\bEEO|\bEOE|diversity|inclusi|protected|race|gender",
    "eeo/accommodation": r"accommodat|disabilit|adjustment|accessib",
    "eeo/veterans-disability": r"veteran|disabilit|contractor|affirmative|VEVRAA|503|OFCCP",
    "visa/policy": r"visa|sponsor|authori[sz]|citizen|work permit|right to work|eligib|green card|H-?1B|E-Verify",
    "links/apply": r"apply|applica|http|www\.|@|e-?mail|send|submit|résumé|resume|\bCV\b",
    "pay/salary-range": r"[$€£¥₹]|salary|\bpay\b|compensation|wage|\bk\b|per hour|/hr|\bDOE\b|薪|月薪",
    "pay/benefits": r"benefit|insurance|401|retire|pension|\bPTO\b|paid time|leave|vacation",
    "pay/application-deadline": r"deadline|clos|until|apply by|ongoing|accepted",
    "quality/location": r"remote|location|located|based|office|city|onsite|on-site|hybrid|[A-Z][a-z]+, [A-Z]{2}\b",
    "quality/title": r".",
    "fair-chance/statement": r"criminal|conviction|arrest|fair chance|background",
    "ontario/ai-disclosure": r"\bAI\b|artificial|automat|screen",
    "ontario/vacancy": r"vacanc|existing|new position|pool",
    "quality/too-short": r".",
}
MAX_HINTS = 10


class PrecisionError(Exception):
    """A review file that does not validate, or a postlint run that did not complete."""


@dataclass(frozen=True)
class Finding:
    key: str
    rule: str
    severity: str
    file: str  # relative to the corpus root
    path: Path
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    match: str


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str


# --- running postlint -----------------------------------------------------------------------


def run_postlint(corpus: Path) -> list[dict[str, Any]]:
    """Lint every posting of the sets in one CLI run; the JSON report's violations."""
    roots = [corpus / s for s in SETS if (corpus / s).is_dir()]
    if not roots:
        raise PrecisionError(f"no corpus at {corpus} (expected {', '.join(SETS)} under it)")
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "FORCE_COLOR"}}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    with tempfile.TemporaryDirectory() as empty:
        proc = subprocess.run(
            [sys.executable, "-m", "postlint", "check", "--format", "json", "--no-cache", *map(str, roots)],
            cwd=empty,
            capture_output=True,
            env=env,
            check=False,
        )
    if proc.returncode not in (0, 1):
        raise PrecisionError(f"postlint exited {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-2000:]}")
    report = json.loads(proc.stdout)
    violations: list[dict[str, Any]] = report["violations"]
    return violations


_TEXTS: dict[Path, list[str]] = {}


def lines_of(path: Path) -> list[str]:
    """The posting's lines as postlint numbers them (decoded leniently; cached)."""
    if path not in _TEXTS:
        text = path.read_bytes().decode("utf-8", "replace")
        _TEXTS[path] = text.split("\n")
    return _TEXTS[path]


def matched_text(path: Path, v: Mapping[str, Any]) -> str:
    """The text a violation spans (its first line), at most MATCH_CHARS characters, spaces squeezed."""
    lines = lines_of(path)
    line, column, end_line, end_column = v["line"], v["column"], v["end_line"], v["end_column"]
    if not 1 <= line <= len(lines):
        return ""
    text = lines[line - 1]
    end = end_column - 1 if end_line == line else len(text)
    return " ".join(text[column - 1 : end].split())[:MATCH_CHARS]


def findings(corpus: Path, violations: Iterable[Mapping[str, Any]]) -> list[Finding]:
    found: list[Finding] = []
    for v in violations:
        path = Path(v["path"])
        try:
            rel = path.resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        match = matched_text(path, v)
        key = f"{v['rule']} | {rel} | {v['line']} | {match}"  # ends in '| ' when nothing is matched
        found.append(
            Finding(
                key,
                v["rule"],
                v["severity"],
                rel,
                path,
                v["line"],
                v["column"],
                v["end_line"],
                v["end_column"],
                v["message"],
                match,
            )
        )
    return found


def group(f: Finding) -> str:
    """What a sample and a table row are for: the rule, and its severity (a rule with laws reports an
    error where a law applies and a warning elsewhere; each must earn its own severity)."""
    return f"{f.rule} ({f.severity})"


def sample(found: Sequence[Finding], per_rule: int, seed: int) -> dict[str, list[Finding]]:
    """Up to `per_rule` findings of each rule and severity: those whose seeded hash of the key is smallest."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_rule[group(f)].append(f)

    def rank(f: Finding) -> str:
        return hashlib.sha256(f"{seed}:{f.key}".encode()).hexdigest()

    return {rule: sorted(fs, key=rank)[:per_rule] for rule, fs in by_rule.items()}


# --- verdicts -------------------------------------------------------------------------------


def load_reviews(path: Path) -> dict[str, Verdict]:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("findings", {}), dict):
        raise PrecisionError(f"{path}: expected a mapping with 'findings: {{key: {{verdict, reason}}}}'")
    reviews: dict[str, Verdict] = {}
    for key, entry in (data.get("findings") or {}).items():
        if not isinstance(entry, dict) or entry.get("verdict") not in VERDICTS:
            raise PrecisionError(f"{path}: {key!r}: verdict must be one of {', '.join(VERDICTS)}")
        reviews[str(key)] = Verdict(entry["verdict"], str(entry.get("reason", "")))
    return reviews


HEADER = """\
# Hand verdicts on postlint's findings in ../shared/corpus (real/ and devset/postings/), written by
# bench/precision.py. Key: rule | file | line | matched text. Verdict: correct, false or debatable,
# with the reason. A reviewer read each finding in its context (and, for a finding about something
# missing, the posting's lines that bear on it). Verdicts of findings that no longer appear are
# kept: the rule may come back to them.
"""


def save_reviews(path: Path, reviews: Mapping[str, Verdict]) -> None:
    body = {
        "findings": {k: {"verdict": v.verdict, "reason": v.reason} for k, v in sorted(reviews.items())},
    }
    text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(HEADER + text, encoding="utf-8")


def read_records(path: Path) -> dict[str, Verdict]:
    """`key<TAB>verdict<TAB>reason` lines (blank lines and # comments ignored)."""
    records: dict[str, Verdict] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) < 2 or parts[1].strip() not in VERDICTS:
            raise PrecisionError(f"{path}:{n}: expected 'key<TAB>verdict<TAB>reason', verdict one of {VERDICTS}")
        records[parts[0].lstrip()] = Verdict(  # the key as printed: its trailing space is part of it
            parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""
        )
    return records


# --- showing a finding ------------------------------------------------------------------------


def _clip(text: str, column: int) -> str:
    """A long line cut to a window around the column (Hacker News comments are one line)."""
    if len(text) <= 2 * WINDOW + 40:
        return text
    start = max(0, column - 1 - WINDOW)
    end = min(len(text), column - 1 + WINDOW)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def show(f: Finding, number: int, out: Any = sys.stdout) -> None:
    lines = lines_of(f.path)
    print(f"[{number}] {f.severity} {f.rule}  {f.file}:{f.line}:{f.column}", file=out)
    print(f"    key: {f.key}", file=out)
    print(f"    message: {f.message}", file=out)
    for n in range(max(1, f.line - 1), min(len(lines), f.line + 1) + 1):
        mark = ">" if n == f.line else " "
        print(f"  {mark}{n:5} | {_clip(lines[n - 1], f.column if n == f.line else 1)}", file=out)
    hint = HINTS.get(f.rule)
    if hint:
        pattern = re.compile(hint, re.IGNORECASE if f.rule != "quality/title" else 0)
        shown = 0
        for n, text in enumerate(lines, 1):
            if f.rule in ("quality/title", "quality/too-short") and n > 6:
                break
            m = pattern.search(text)
            if m and text.strip():
                print(f"    ~{n:5} | {_clip(text.strip(), m.start() + 1)[: 2 * WINDOW]}", file=out)
                shown += 1
                if shown >= MAX_HINTS:
                    break
        if not shown:
            print("    ~ (no line of the posting bears on it)", file=out)
    print(file=out)


# --- the table ------------------------------------------------------------------------------


@dataclass
class Row:
    rule: str
    severity: str
    findings: int
    sampled: int
    correct: int = 0
    false: int = 0
    debatable: int = 0

    @property
    def reviewed(self) -> int:
        return self.correct + self.false + self.debatable

    @property
    def precision(self) -> float | None:
        return self.correct / self.reviewed if self.reviewed else None

    @property
    def complete(self) -> bool:
        return self.reviewed >= self.sampled

    @property
    def under_bar(self) -> bool:
        bar = BARS.get(self.severity)
        return bar is not None and self.precision is not None and self.precision < bar


def table(found: Sequence[Finding], samples: Mapping[str, list[Finding]], reviews: Mapping[str, Verdict]) -> list[Row]:
    counts: dict[str, int] = defaultdict(int)
    for f in found:
        counts[group(f)] += 1
    rows = []
    for name, picked in samples.items():
        row = Row(picked[0].rule, picked[0].severity, counts[name], len(picked))
        for f in picked:
            verdict = reviews.get(f.key)
            if verdict is not None:
                setattr(row, verdict.verdict, getattr(row, verdict.verdict) + 1)
        rows.append(row)
    rows.sort(key=lambda r: (SEVERITY_ORDER[r.severity], r.rule))
    return rows


def print_table(rows: Sequence[Row], stale: int) -> None:
    print(f"  {'rule':32} {'severity':8} {'findings':>8} {'sampled':>7} {'reviewed':>8} {'correct':>7} "
          f"{'false':>5} {'debat.':>6} {'precision':>9}  note")  # fmt: skip
    for r in rows:
        precision = f"{r.precision:.2f}" if r.precision is not None else "-"
        notes = []
        if r.severity in BARS and not r.complete:
            notes.append(f"not fully reviewed ({r.sampled - r.reviewed} left)")
        if r.under_bar:
            notes.append(f"UNDER THE BAR ({BARS[r.severity]:.2f} at {r.severity})")
        print(
            f"  {r.rule:32} {r.severity:8} {r.findings:8} {r.sampled:7} {r.reviewed:8} {r.correct:7} "
            f"{r.false:5} {r.debatable:6} {precision:>9}  {'; '.join(notes)}"
        )
    print(f"\nstale verdicts (their finding no longer appears): {stale}")


# --- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--review-file", type=Path, default=REVIEW_FILE)
    parser.add_argument("--per-rule", type=int, default=30)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--rule", action="append", default=[], help="only these rules (repeatable)")
    parser.add_argument("--severity", default="error,warning,info", help="only rules at these severities")
    parser.add_argument("--show", action="store_true", help="print the sampled findings not yet judged")
    parser.add_argument("--all", action="store_true", help="with --show: judged findings too")
    parser.add_argument("--review", action="store_true", help="judge the sampled findings at the prompt")
    parser.add_argument("--record", type=Path, help="add verdicts from key<TAB>verdict<TAB>reason lines")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a rule is under its bar or unreviewed")
    args = parser.parse_args(argv)

    try:
        reviews = load_reviews(args.review_file)
        if args.record:
            reviews = {**reviews, **read_records(args.record)}
            save_reviews(args.review_file, reviews)
        found = findings(args.corpus, run_postlint(args.corpus))
    except PrecisionError as exc:
        print(f"precision: {exc}", file=sys.stderr)
        return 2
    severities = set(args.severity.split(","))
    samples = sample(found, args.per_rule, args.seed)
    rows = [r for r in table(found, samples, reviews) if r.severity in severities]
    if args.rule:
        rows = [r for r in rows if r.rule in args.rule]
    chosen = [f for r in rows for f in samples[f"{r.rule} ({r.severity})"]]

    if args.show:
        for n, f in enumerate(chosen, 1):
            if args.all or f.key not in reviews:
                show(f, n)
    if args.review:
        for n, f in enumerate(chosen, 1):
            if f.key in reviews:
                continue
            show(f, n)
            answer = input("verdict (c)orrect (f)alse (d)ebatable, then a reason; empty to stop: ").strip()
            if not answer:
                break
            verdict = {"c": "correct", "f": "false", "d": "debatable"}.get(answer[:1].lower())
            if verdict is None:
                print("  skipped: start with c, f or d")
                continue
            reviews = {**reviews, f.key: Verdict(verdict, answer[1:].strip())}
            save_reviews(args.review_file, reviews)

    keys = {f.key for f in found}
    stale = sum(1 for k in reviews if k not in keys)
    print(f"findings: {len(found)} in {len({f.file for f in found})} postings; sample: up to {args.per_rule} a rule, "
          f"seed {args.seed}\n")  # fmt: skip
    print_table(rows, stale)
    failing = [r for r in rows if r.severity in BARS and (r.under_bar or not r.complete)]
    return 1 if args.strict and failing else 0


if __name__ == "__main__":
    raise SystemExit(main())
