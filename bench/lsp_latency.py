"""How long the language server takes to lint a posting after a keystroke, without the debounce pause.

Usage: python bench/lsp_latency.py [--size BYTES] [--runs N]
Lints the same buffer as `textDocument/didChange` would (a one-character edit each run), through
the server's own code path (config lookup, lint, conversion to UTF-16 diagnostics).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from postlint.lsp.diagnostics import to_diagnostic
from postlint.lsp.positions import PositionMap
from postlint.lsp.postings import lint_buffer
from postlint.lsp.settings import LinterPool

PARAGRAPH = (
    "You will design and run the services behind our job board 😀, work with product and data teams, "
    "and mentor two engineers. We’re hiring in Denver, CO; weâ€™re remote-friendly. "
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    body = "# Backend Engineer\n\nLocation: Denver, CO\n\n"
    while len(body.encode()) < args.size:
        body += PARAGRAPH + "\n\n"
    uri = (Path.cwd() / "bench-posting.md").as_uri()
    pool = LinterPool()
    started = time.perf_counter()
    lint_buffer(pool, uri, body, "markdown", 0)
    first = time.perf_counter() - started
    times = []
    for run in range(args.runs):
        text = body + "x" * (run + 1)
        started = time.perf_counter()
        result = lint_buffer(pool, uri, text, "markdown", run + 1)
        positions = PositionMap(text)
        [to_diagnostic(v, positions, uri) for v in result.violations]
        times.append(time.perf_counter() - started)
    size = len(body.encode())
    print(f"{size} bytes, first lint (builds the linter) {first * 1000:.0f} ms")
    print(f"per keystroke: median {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
