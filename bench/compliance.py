"""How often the core compliance rules fire on each source of the real corpus, and samples to read.

    python bench/compliance.py [--corpus DIR] [--sample N] [--seed S]

Runs `postlint check --format json` once over `corpus/real` (from an empty folder, so
no config applies), then prints, per source and rule, how many postings the rule
fires on and at which severity, and N random violations per rule to check by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
RULES = ("pay/salary-range", "eeo/statement", "visa/policy")
POSTING_SUFFIXES = {".md", ".txt", ".html"}
POSTLINT = (sys.executable, "-m", "postlint")


def run(corpus: Path) -> tuple[dict[str, list[Path]], list[dict]]:
    real = corpus / "real"
    sources = {
        d.name: sorted(p for p in d.iterdir() if p.suffix in POSTING_SUFFIXES)
        for d in sorted(real.iterdir())
        if d.is_dir()
    }
    with tempfile.TemporaryDirectory() as empty:
        proc = subprocess.run(
            [*POSTLINT, "check", "--format", "json", "--no-cache", "--select", ",".join(RULES), str(real)],
            cwd=empty,
            capture_output=True,
            text=True,
            check=False,
        )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"postlint failed ({proc.returncode}): {proc.stderr}")
    return sources, json.loads(proc.stdout)["violations"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=10, help="violations per rule to print for a hand check")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.corpus / "real").is_dir():
        print(f"no corpus at {args.corpus}/real", file=sys.stderr)
        return 2
    sources, violations = run(args.corpus)
    by_source: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for v in violations:
        source = Path(v["path"]).parent.name
        by_source[(source, v["rule"])][v["severity"]] += 1
    width = max(len(s) for s in sources)
    print(f"{'source':<{width}}  {'files':>5}  " + "  ".join(f"{r:<24}" for r in RULES))
    for source, files in sources.items():
        cells = []
        for rule in RULES:
            counts = by_source[(source, rule)]
            fired = sum(counts.values())
            detail = f"{fired} ({fired / len(files):.0%}) e{counts['error']}/w{counts['warning']}"
            cells.append(f"{detail:<24}")
        print(f"{source:<{width}}  {len(files):>5}  " + "  ".join(cells))
    rng = random.Random(args.seed)
    for rule in RULES:
        found = [v for v in violations if v["rule"] == rule]
        print(f"\n{rule}: {len(found)} violations; a sample of {min(args.sample, len(found))}")
        for v in rng.sample(found, min(args.sample, len(found))):
            path = Path(v["path"])
            print(f"  {path.parent.name}/{path.name}:{v['line']} {v['severity']}: {v['message'][:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
