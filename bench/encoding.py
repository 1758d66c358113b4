"""Benchmark the encoding rules against ftfy on the same texts, in the same run.

    python bench/encoding.py [--corpus DIR] [--repeat N] [--cases N] [--seeds 7,1,2,3]

Three measures, each printed and written to bench/results/encoding.json:

- speed: every posting of the corpus read once, then postlint's mojibake check
  (detection plus repair, as `postlint check --select encoding/mojibake` runs it on
  each file's text) and ftfy's `fix_and_explain` timed over the same texts;
- ftfy's own test cases (corpus/ftfy-cases): how many positive cases postlint's safe
  fixes turn into ftfy's expected output (`fixed`, or `fixed-encoding` where ftfy's
  `fix_text` also straightens quotes, which postlint refuses to do), how many ftfy's
  `fix_encoding` gets, and how many negative cases postlint changes beyond what ftfy's
  expected output changes (must be 0);
- random text: dense random strings from 11 script ranges (as in tests/test_mojibake.py),
  garbled losslessly through Windows-1252, Latin-1, Mac Roman, or Windows-1252 twice,
  and the share restored exactly by the safe repairs, over --cases per seed.

ftfy is a reference point only (`python -m pip install ftfy`); postlint does not use it.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import unicodedata
from pathlib import Path
from typing import Any

from postlint.document import Document
from postlint.facts.mojibake import find_mojibake
from postlint.kinds.check_base import Context
from postlint.kinds.mojibake.check import MojibakeCheck

SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm"}
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
RANGES = [
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x100, 0x17F),
    (0x391, 0x3C9),
    (0x410, 0x44F),
    (0x2010, 0x2027),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x4E00, 0x9FFF),
    (0x1F300, 0x1F64F),
    (0xAC00, 0xD7A3),
]


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


def safe_repair(text: str) -> str:
    """`text` with the safe mojibake repairs applied, as `postlint fix` applies them."""
    out, pos = [], 0
    for repair in find_mojibake(text):
        if repair.certain:
            out += (text[pos : repair.start], repair.text)
            pos = repair.end
    return "".join(out) + text[pos:]


def garble(text: str, codec: str) -> str:
    """UTF-8 bytes read through a single-byte codec; an undefined byte comes through as its C1 control."""
    data = text.encode("utf-8")
    if codec == "latin-1":
        return data.decode("latin-1")
    if codec == "double":
        return garble(garble(text, "windows-1252"), "windows-1252")
    if codec == "mac_roman":
        return data.decode("mac_roman")
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in data)


def random_text(rng: random.Random) -> str:
    chars: list[str] = []
    length = rng.randint(1, 30)
    while len(chars) < length:
        char = chr(rng.randint(*rng.choice(RANGES)))
        if not unicodedata.category(char).startswith("C"):
            chars.append(char)
    return "".join(chars)


def random_restore(cases: int, seeds: list[int]) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for codec in ("windows-1252", "latin-1", "mac_roman", "double"):
        restored, failures = 0, []
        for seed in seeds:
            rng = random.Random(seed)
            for _ in range(cases):
                text = random_text(rng)
                if safe_repair(garble(text, codec)) == text:
                    restored += 1
                else:
                    failures.append(text)
        total = cases * len(seeds)
        results[codec] = {"cases": total, "restored": restored, "share": round(restored / total, 5)}
        results[codec]["failures"] = failures[:10]
    return results


def ftfy_cases(folder: Path, ftfy: Any) -> dict[str, Any] | None:
    if not folder.is_dir():
        return None
    cases = []
    for name in ("in-the-wild", "language-names", "synthetic", "negative"):
        cases += [dict(c, file=name) for c in json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))]
    positive = [c for c in cases if c["file"] != "negative" and c["original"] != c["fixed"]]
    negative = [
        c for c in cases if c["file"] == "negative" or (c["file"] == "synthetic" and c["original"] == c["fixed"])
    ]

    def expected(case: dict[str, Any]) -> str:
        return case.get("fixed-encoding", case["fixed"])

    result: dict[str, Any] = {
        "positive": len(positive),
        "postlint_exact_fixed": sum(safe_repair(c["original"]) == c["fixed"] for c in positive),
        "postlint_exact_either": sum(safe_repair(c["original"]) in (c["fixed"], expected(c)) for c in positive),
        "negative": len(negative),
        "postlint_negative_changed": [c["original"] for c in negative if safe_repair(c["original"]) != expected(c)],
        "postlint_negative_flagged": sum(bool(find_mojibake(c["original"])) for c in negative),
    }
    if ftfy is not None:
        result["ftfy_fix_encoding_exact"] = sum(ftfy.fix_encoding(c["original"]) == expected(c) for c in positive)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", type=int, default=3000, help="random texts per codec and seed")
    parser.add_argument("--seeds", default="7,1,2,3", help="comma-separated seeds for the random texts")
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "results" / "encoding.json")
    args = parser.parse_args()
    try:
        import ftfy
    except ImportError:
        ftfy = None
        print("ftfy is not installed: python -m pip install ftfy")
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
    if ftfy is not None:

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

    cases = ftfy_cases(args.corpus / "ftfy-cases", ftfy)
    results["ftfy_cases"] = cases
    if cases:
        print(
            f"ftfy's positive cases: postlint {cases['postlint_exact_either']}/{cases['positive']} "
            f"(exactly `fixed`: {cases['postlint_exact_fixed']}), ftfy fix_encoding "
            f"{cases.get('ftfy_fix_encoding_exact', '-')}/{cases['positive']}; negative cases changed: "
            f"{len(cases['postlint_negative_changed'])}/{cases['negative']} "
            f"(flagged: {cases['postlint_negative_flagged']})"
        )
    seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
    results["random"] = random_restore(args.cases, seeds)
    for codec, row in results["random"].items():
        print(f"random text, {codec:<12} {row['restored']:>6}/{row['cases']} restored ({row['share']:.2%})")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
