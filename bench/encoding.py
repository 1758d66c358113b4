"""Benchmark the encoding rules against ftfy on the same texts, in the same run.

    python bench/encoding.py [--corpus DIR] [--repeat N]

Reads every posting of the corpus once, then times postlint's mojibake check
(detection plus repair, as `postlint check --select encoding/mojibake` runs it
on each file's text) and ftfy's `fix_and_explain` over the same texts. ftfy is a
reference point only (`python -m pip install ftfy`); postlint does not use it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from postlint.checks.base import Context
from postlint.checks.mojibake import MojibakeCheck
from postlint.document import Document

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load_texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            texts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return texts


def time_best(func: Any, texts: list[str], repeat: int) -> tuple[float, int]:
    best, changed = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        changed = sum(1 for text in texts if func(text))
        best = min(best, time.perf_counter() - start)
    return best, changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "results" / "encoding.json")
    args = parser.parse_args()
    texts = load_texts(args.corpus)
    check, ctx = MojibakeCheck(), Context()

    def postlint_mojibake(text: str) -> bool:
        return any(True for _ in check.check(Document(text, "text"), ctx))

    results: dict[str, Any] = {"corpus": str(args.corpus), "files": len(texts)}
    seconds, flagged = time_best(postlint_mojibake, texts, args.repeat)
    results["postlint"] = {
        "seconds": round(seconds, 3),
        "files_per_s": round(len(texts) / seconds),
        "files_flagged": flagged,
    }
    try:
        import ftfy
    except ImportError:
        results["ftfy"] = None
        print("ftfy is not installed: python -m pip install ftfy")
    else:

        def ftfy_fix(text: str) -> bool:
            return ftfy.fix_and_explain(text)[0] != text

        seconds, changed = time_best(ftfy_fix, texts, args.repeat)
        results["ftfy"] = {
            "version": ftfy.__version__,
            "seconds": round(seconds, 3),
            "files_per_s": round(len(texts) / seconds),
            "files_changed": changed,
        }
    for name in ("postlint", "ftfy"):
        row = results.get(name)
        if row:
            print(f"{name:<9} {row['seconds']:>8.3f} s  {row['files_per_s']:>7,} files/s  ({len(texts):,} files)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
