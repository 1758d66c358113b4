"""Benchmark the streaming batch mode: records per second and whether memory stays flat.

    python bench/batch.py [--count N] [--jobs J] [--short] [--every K]

Streams N generated postings (default 10,000) through a pipe into
`postlint check --input jsonl - --format jsonl --jobs J` and reads its output as it
comes: no file of records is ever written. At 1k, 10k, 100k, 1M, each tenth of N
and every K records out (`--every`) it prints the rate so far and the resident memory of
postlint and its worker processes, now and at their peak (VmRSS and VmHWM from /proc),
so a curve that stays level shows that nothing accumulates. Postings come from
`bench/synth.py` (realistic: median about 5 KB); `--short` uses short generated
postings instead (about 400 bytes), to reach a million records in a sitting.
Linux only (/proc). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

PLACES = ("Denver, CO", "Austin, TX", "New York, NY", "Toronto, ON", "Berlin, Germany", "Remote (US)", "London, UK")
TITLES = ("Backend Engineer", "Data Analyst", "Nurse", "Warehouse Associate", "Product Designer", "Accountant")


def short_postings(count: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """Short postings, some with pay, some with an equal-opportunity line: cheap to make and to lint."""
    rng = random.Random(seed)
    for number in range(1, count + 1):
        title = rng.choice(TITLES)
        lines = [f"# {title}", "", f"We are hiring a {title.lower()} to join a team of {rng.randint(3, 90)}."]
        if rng.random() < 0.5:
            low = rng.randrange(40, 150) * 1000
            lines += ["", f"Pay: ${low:,} - ${low + 20000:,} per year."]
        if rng.random() < 0.5:
            lines += ["", "We are an equal opportunity employer."]
        lines += ["", f"Apply at https://jobs.example.com/{number}"]
        yield {"id": number, "text": "\n".join(lines) + "\n", "format": "markdown", "location": rng.choice(PLACES)}


def realistic_postings(count: int, seed: int = 0) -> Iterator[dict[str, object]]:
    from synth import postings  # bench/synth.py

    return postings(count, seed)


def tree(pid: int) -> list[int]:
    """A process and its descendants."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                children = Path(f"/proc/{current}/task/{task}/children").read_text().split()
                todo.extend(int(c) for c in children)
        except OSError:
            continue
    return found


def memory(pid: int) -> tuple[int, int, int]:
    """(processes, total VmRSS, largest VmHWM) in kB over the tree."""
    total = peak = count = 0
    for current in tree(pid):
        try:
            status = Path(f"/proc/{current}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if "VmRSS" not in fields:
            continue
        count += 1
        total += int(fields["VmRSS"].split()[0])
        peak = max(peak, int(fields.get("VmHWM", "0 kB").split()[0]))
    return count, total, peak


def checkpoints(count: int, every: int | None) -> list[int]:
    """1k, 10k, 100k, 1M, each tenth of the run, and every K records if asked."""
    marks = {n for n in (1_000, 10_000, 100_000, 1_000_000) if n <= count}
    marks |= {count * i // 10 for i in range(1, 11)}
    if every:
        marks |= set(range(every, count + 1, every))
    return sorted(m for m in marks if m > 0)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--short", action="store_true", help="short postings instead of bench/synth.py ones")
    parser.add_argument("--every", type=int, default=None, help="report every K records")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    command = [sys.executable, "-m", "postlint", "check", "--input", "jsonl", "-", "--format", "jsonl"]
    command += ["--jobs", str(args.jobs), "--no-cache"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO, bufsize=1 << 16
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    source = short_postings if args.short else realistic_postings
    bytes_in = [0]

    def feed() -> None:
        try:
            for record in source(args.count, args.seed):
                line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                bytes_in[0] += len(line)
                proc.stdin.write(line)
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    marks = checkpoints(args.count, args.every)
    print(f"{' '.join(command)}  ({args.count:,} {'short' if args.short else 'synth'} records)", flush=True)
    print(f"{'records':>10} {'seconds':>9} {'rec/s':>8} {'procs':>5} {'RSS MB':>8} {'peak MB':>8}", flush=True)
    out = errors = violations = 0
    peak_total = 0
    for line in proc.stdout:
        out += 1
        if b'"error":null' not in line[-16:]:
            errors += 1
        violations += line.count(b'"rule":')
        if marks and out == marks[0]:
            marks.pop(0)
            procs, total, peak = memory(proc.pid)
            peak_total = max(peak_total, total)
            elapsed = time.perf_counter() - started
            print(
                f"{out:>10,} {elapsed:>9.1f} {out / elapsed:>8.1f} {procs:>5} {total / 1024:>8.1f} {peak / 1024:>8.1f}",
                flush=True,
            )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace").strip()
    print(f"exit {code}; {out:,} records out ({errors} with an error), {violations:,} violations", flush=True)
    print(f"{out / elapsed:.1f} records/s over {elapsed:.1f} s; {bytes_in[0] / 1e6:.1f} MB in", flush=True)
    print(f"peak RSS of the postlint main process (wait4): {usage.ru_maxrss / 1024:.1f} MB", flush=True)
    print(f"postlint: {stderr.splitlines()[-1] if stderr else ''}", flush=True)
    return 0 if code in (0, 1) and out == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
