"""Benchmark postlint: throughput and scaling, memory, single-file latency and import time.

One command, from anywhere:

    python bench/run.py [--corpus DIR] [--synthetic SIZES] [--repeat N] [--output FILE]

Every figure comes from running the real command line in a fresh process, the
way users and CI run it. Besides the real corpus, synthetic corpora of growing
size (bench/synth.py) show how throughput and memory scale, and ftfy and
proselint, timed on the same files, give reference points. Standard library
only, so it works before postlint is installed and against any build of it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
EXAMPLES = REPO / "examples"
TYPICAL_POSTING = EXAMPLES / "clean" / "backend-engineer-denver.md"
DEFAULT_OUTPUT = REPO / "bench" / "results" / "latest.json"
SYNTH = Path(__file__).resolve().with_name("synth.py")
SYNTH_CACHE = REPO / "bench" / "results" / "synth"
DEFAULT_SIZES = (1000, 10000)
REFERENCE_SAMPLE = 2000
FTFY_SAMPLE_FACTOR = 10

# What `postlint check` reads when given a folder (the interface contract).
LINTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
# 0 = clean, 1 = violations found; both are successful runs for a benchmark.
ACCEPTED_EXIT_CODES = (0, 1)
EXIT_CODE_MEANINGS = {2: "usage or config error", 3: "internal error"}
WARMUP_RUNS = 2
IMPORTED_MODULE = "postlint.cli"
RESULT_SCHEMA = 1
REFERENCE_TOOLS = ("ftfy", "proselint")

# `python -X importtime` writes: "import time: <self us> | <cumulative us> | <name>",
# with the name indented by one extra space per level of nesting.
IMPORTTIME_LINE = re.compile(r"^import time:\s*(\d+)\s*\|\s*(\d+)\s*\|( *)(\S.*?)\s*$")


# Starts one command, times it and reports its peak RSS, run as
# `python -I -S -c LAUNCHER FIGURES_FILE ARGV...`.
#
# Why not Popen + os.wait4 from here: on Linux a child's ru_maxrss starts from
# the address space it was forked from (exec records the old one's high-water
# mark), so every child of this process would report at least this process's
# own peak, which grows once a large JSON report has been parsed; `python -c
# pass` measured that way reported 219 MiB after the parent had touched 200 MiB.
# Spawned from this small, fresh interpreter instead, a child's ru_maxrss is
# its own, with the launcher's few MiB as a floor (`python -c pass` shows it).
# The launcher's start-up is also kept out of the timing. The CPU time (user +
# sys) that os.wait4 reports covers the child and the workers it waited for,
# and holds steadier than wall time when other work shares the machine.
LAUNCHER = """\
import os, sys, time
figures, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
try:
    pid = os.posix_spawnp(argv[0], argv, os.environ)
except OSError as exc:
    sys.exit(f"cannot start {argv[0]}: {exc}")
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
cpu = usage.ru_utime + usage.ru_stime
with open(figures, "w", encoding="ascii") as file:
    file.write(f"{os.waitstatus_to_exitcode(status)} {seconds!r} {usage.ru_maxrss} {cpu!r}")
"""


# Times a reference tool over files listed one per line, in one process, and
# prints JSON: `python REFERENCE_RUNNER TOOL LISTING`. Reading the files is not
# timed, nor is the tool's own set-up (reported apart); each file is read just
# before its turn, so memory stays that of one posting.
REFERENCE_RUNNER = """\
import importlib.metadata, json, sys, time
tool, listing = sys.argv[1], sys.argv[2]
with open(listing, encoding="utf-8") as file:
    paths = file.read().splitlines()
start = time.perf_counter()
try:
    if tool == "ftfy":
        import ftfy
        def run(path, text):
            return int(ftfy.fix_text(text) != text)
    else:
        import proselint
        try:
            from proselint.checks import __register__
            from proselint.config import DEFAULT
            from proselint.registry import CheckRegistry
            from proselint.tools import LintFile
        except ImportError:
            from proselint.tools import lint
            def run(path, text):
                return len(lint(text))
        else:
            CheckRegistry().register_many(__register__)
            def run(path, text):
                return len(LintFile(path, text).lint(DEFAULT))
except ImportError:
    print(json.dumps({"skipped": "not installed"}))
    sys.exit(0)
setup = time.perf_counter() - start
seconds = 0.0
found = 0
chars = 0
for path in paths:
    with open(path, encoding="utf-8", errors="replace") as file:
        text = file.read()
    chars += len(text)
    start = time.perf_counter()
    found += run(path, text)
    seconds += time.perf_counter() - start
print(json.dumps({"version": importlib.metadata.version(tool), "files": len(paths), "chars": chars,
                  "seconds": seconds, "setup_s": setup, "found": found}))
"""


class BenchError(Exception):
    """A step of the benchmark that cannot go on; the message says what to look at."""


@dataclass(frozen=True, slots=True)
class ChildRun:
    """One finished child process: what it printed, how it ended, what it cost."""

    argv: tuple[str, ...]
    returncode: int
    seconds: float
    max_rss_kib: int | None
    stdout: str
    stderr: str
    cpu_s: float | None = None


def run_child(argv: Sequence[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run a command to completion and return its output, wall time and peak RSS.

    Where the OS allows, the command is started and timed by ``LAUNCHER`` rather
    than by this process; see there for why. Output goes to temporary files, so
    a large JSON report can never fill a pipe and stall the child while nobody
    reads it.
    """
    measured = hasattr(os, "wait4") and hasattr(os, "posix_spawnp")
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory(prefix="postlint-bench-") as scratch,
    ):
        figures = Path(scratch) / "figures"
        command = list(argv)
        if measured:
            command = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(figures), *argv]
        start = time.perf_counter()
        try:
            returncode = subprocess.run(
                command, check=False, cwd=REPO, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env
            ).returncode
        except OSError as exc:
            raise BenchError(f"cannot start {shlex.join(command)}: {exc}") from exc
        seconds = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", errors="replace")
        stderr = err.read().decode("utf-8", errors="replace")
        max_rss_kib: int | None = None
        cpu_s: float | None = None
        if measured:
            if not figures.is_file():
                raise BenchError(f"could not run {shlex.join(argv)}:\n{stderr.strip()}")
            code, elapsed, rss, cpu = figures.read_text(encoding="ascii").split()
            returncode, seconds, cpu_s = int(code), float(elapsed), float(cpu)
            max_rss_kib = _rss_to_kib(int(rss))
    return ChildRun(
        argv=tuple(argv),
        returncode=returncode,
        seconds=seconds,
        max_rss_kib=max_rss_kib,
        stdout=stdout,
        stderr=stderr,
        cpu_s=cpu_s,
    )


def _rss_to_kib(ru_maxrss: int) -> int:
    """Return ``ru_maxrss`` in KiB: Linux reports KiB already, macOS bytes."""
    return ru_maxrss // 1024 if sys.platform == "darwin" else ru_maxrss


def require_success(run: ChildRun, what: str) -> None:
    """Raise with the child's stderr unless it exited 0 or 1 without a traceback.

    The traceback check matters because Python exits 1 on an uncaught
    exception (a missing module, say), the same code as "violations found".
    """
    crashed = "Traceback (most recent call last)" in run.stderr
    if run.returncode in ACCEPTED_EXIT_CODES and not crashed:
        return
    if crashed:
        meaning = "crashed with a traceback"
    elif run.returncode < 0:
        meaning = f"killed by signal {-run.returncode}"
    else:
        meaning = EXIT_CODE_MEANINGS.get(run.returncode, "unexpected exit code")
    stderr = run.stderr.strip() or "(nothing on stderr)"
    raise BenchError(
        f"{what} failed with exit code {run.returncode} ({meaning}):\n  $ {shlex.join(run.argv)}\n{stderr}"
    )


def find_postlint() -> list[str]:
    """Return the command that runs postlint from this interpreter's environment.

    ``sys.executable`` is deliberately not resolved: in a virtualenv it is a
    symlink, and the console script sits beside the link, not its target.
    """
    name = "postlint.exe" if os.name == "nt" else "postlint"
    script = Path(sys.executable).parent / name
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "postlint"]


def choose_corpus(requested: Path | None) -> tuple[Path, str]:
    """Return the corpus folder and a few words on where it came from."""
    if requested is not None:
        corpus = requested.resolve()
        if not corpus.is_dir():
            raise BenchError(f"corpus folder {requested} does not exist")
        return corpus, "given with --corpus"
    if SHARED_CORPUS.is_dir():
        return SHARED_CORPUS, "shared corpus beside the repository"
    if EXAMPLES.is_dir():
        return EXAMPLES, f"fallback: {SHARED_CORPUS} not found"
    raise BenchError(f"no corpus: neither {SHARED_CORPUS} nor {EXAMPLES} exists; pass --corpus DIR")


def count_extensions(corpus: Path) -> dict[str, int]:
    """Count the corpus's files by lower-cased extension, most common first."""
    counts: Counter[str] = Counter()
    for _, _, filenames in os.walk(corpus):
        for filename in filenames:
            counts[Path(filename).suffix.lower() or "(none)"] += 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def choose_latency_file(corpus: Path) -> Path | None:
    """Pick one ordinary Markdown posting for the single-file latency runs."""
    if TYPICAL_POSTING.is_file():
        return TYPICAL_POSTING
    # All-caps names (README.md, SOURCES.md) document a corpus; they are not postings.
    postings = (p for p in sorted(corpus.rglob("*.md")) if not p.stem.isupper())
    return next(postings, None)


def parse_report(run: ChildRun) -> dict[str, Any]:
    """Parse ``--format json`` output, checking the parts the benchmark reads."""
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as exc:
        raise BenchError(
            f"output of {shlex.join(run.argv)} is not JSON ({exc}); it starts with:\n"
            f"{run.stdout[:500]!r}\nstderr:\n{run.stderr.strip() or '(nothing)'}"
        ) from exc
    if (
        not isinstance(report, dict)
        or not isinstance(report.get("summary"), dict)
        or not isinstance(report.get("violations"), list)
    ):
        raise BenchError(f"JSON from {shlex.join(run.argv)} lacks a 'summary' object or a 'violations' list")
    return report


def per_second(count: int, seconds: float) -> float | None:
    """Return ``count / seconds``, or None when there is nothing to divide."""
    return round(count / seconds, 1) if count and seconds > 0 else None


def measure_throughput(
    postlint: list[str], corpus: Path, repeat: int, jobs: int = 0, ftfy_files: Sequence[Path] | None = None
) -> dict[str, Any]:
    """Lint the whole corpus ``repeat`` times with ``--jobs`` (0: one per core); keep times and the last report.

    With ``ftfy_files``, each postlint run is followed by one of ftfy's ``fix_text`` over
    those files, so both see the same load on a shared machine and their CPU per posting
    can be compared.
    """
    argv = [*postlint, "check", str(corpus), "--format", "json", "--no-cache", "--jobs", str(jobs)]
    runs: list[ChildRun] = []
    alternating = None if ftfy_files is None else FtfyAlternation(ftfy_files)
    for number in range(1, repeat + 1):
        run = run_child(argv)
        require_success(run, "throughput run")
        rss = "" if run.max_rss_kib is None else f", peak RSS {run.max_rss_kib / 1024:,.0f} MiB"
        cpu = "" if run.cpu_s is None else f", {run.cpu_s:.2f} CPU-s"
        progress(f"throughput run {number}/{repeat} (--jobs {jobs}): {run.seconds:.2f} s{cpu}{rss}")
        runs.append(run)
        if alternating is not None:
            alternating.run_once()
    report = parse_report(runs[-1])
    summary = report["summary"]
    files = int(summary.get("files", 0))
    times = [run.seconds for run in runs]
    best = min(times)
    median = statistics.median(times)
    rules = Counter(str(v.get("rule", "?")) for v in report["violations"])
    rss = [run.max_rss_kib for run in runs if run.max_rss_kib is not None]
    cpu = [run.cpu_s for run in runs if run.cpu_s is not None]
    cpu_median = statistics.median(cpu) if cpu else None
    cpu_ms = round(cpu_median * 1000 / files, 3) if cpu_median is not None and files else None
    figures: dict[str, Any] = {
        "command": shlex.join(argv),
        "jobs": jobs,
        "repeat": repeat,
        "exit_code": runs[-1].returncode,
        "times_s": [round(t, 4) for t in times],
        "best_s": round(best, 4),
        "median_s": round(median, 4),
        "files": files,
        "files_per_s_best": per_second(files, best),
        "files_per_s_median": per_second(files, median),
        # user + sys of the process and its workers, with start-up and reading the files.
        "cpu_s_runs": [round(c, 4) for c in cpu],
        "cpu_s_median": None if cpu_median is None else round(cpu_median, 4),
        "cpu_ms_per_posting": cpu_ms,
        "peak_rss_kib": max(rss) if rss else None,
        "peak_rss_kib_runs": rss,
        "report_version": report.get("version"),
        "summary": summary,
        "violations": int(summary.get("violations", len(report["violations"]))),
        "violations_by_rule": dict(sorted(rules.items(), key=lambda item: (-item[1], item[0]))),
    }
    if alternating is not None:
        figures["ftfy_alternating"] = alternating.figures(cpu_ms)
    return figures


class FtfyAlternation:
    """ftfy's ``fix_text`` over a list of files in a fresh process, run between postlint's runs.

    The whole process is measured, as postlint's is: start-up, import and reading count
    for both. If ftfy cannot be imported, the first run says so and the others are skipped.
    """

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = list(files)
        self.cpu_s: list[float] = []
        self.skipped: str | None = None
        self.version: str | None = None

    def run_once(self) -> None:
        """Run ftfy over every file once, unless it is known to be missing."""
        if self.skipped is not None:
            return
        with tempfile.TemporaryDirectory(prefix="postlint-bench-ftfy-") as scratch:
            listing = Path(scratch) / "files"
            listing.write_text("".join(f"{path}\n" for path in self.files), encoding="utf-8")
            run = run_child([sys.executable, "-c", REFERENCE_RUNNER, "ftfy", str(listing)])
        if run.returncode != 0:
            lines = run.stderr.strip().splitlines()
            raise BenchError(f"ftfy run failed: {lines[-1] if lines else f'exit code {run.returncode}'}")
        figures = json.loads(run.stdout)
        if "skipped" in figures:
            self.skipped = f"ftfy {figures['skipped']}: no ftfy column (pip install -e '.[bench]')"
            progress(self.skipped)
            return
        if run.cpu_s is None:
            self.skipped = "no CPU time on this OS (needs os.wait4)"
            return
        self.version = figures["version"]
        self.cpu_s.append(run.cpu_s)
        progress(f"ftfy fix_text run {len(self.cpu_s)}: {run.cpu_s:.2f} CPU-s")

    def figures(self, postlint_cpu_ms: float | None) -> dict[str, Any]:
        """ftfy's median CPU per posting, and postlint's CPU per posting divided by it."""
        if self.skipped is not None:
            return {"skipped": self.skipped}
        median = statistics.median(self.cpu_s)
        ftfy_ms = median * 1000 / len(self.files) if self.files else None
        ratio = round(postlint_cpu_ms / ftfy_ms, 2) if postlint_cpu_ms and ftfy_ms else None
        return {
            "version": self.version,
            "files": len(self.files),
            "cpu_s_runs": [round(c, 4) for c in self.cpu_s],
            "cpu_ms_per_posting": None if ftfy_ms is None else round(ftfy_ms, 3),
            "postlint_over_ftfy": ratio,
        }


def measure_cached(postlint: list[str], corpus: Path, repeat: int) -> dict[str, Any]:
    """Re-run over an unchanged corpus with the result cache warm: what a second CI or hook run costs."""
    argv = [*postlint, "check", str(corpus), "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="postlint-bench-cache-") as folder:
        previous = os.environ.get("POSTLINT_RESULT_CACHE")
        os.environ["POSTLINT_RESULT_CACHE"] = folder
        try:
            require_success(run_child(argv), "cache warm-up run")
            runs = []
            for number in range(1, repeat + 1):
                run = run_child(argv)
                require_success(run, "cached run")
                progress(f"cached run {number}/{repeat}: {run.seconds:.2f} s")
                runs.append(run)
        finally:
            if previous is None:
                os.environ.pop("POSTLINT_RESULT_CACHE", None)
            else:
                os.environ["POSTLINT_RESULT_CACHE"] = previous
    files = int(parse_report(runs[-1])["summary"].get("files", 0))
    best = min(run.seconds for run in runs)
    return {
        "command": shlex.join(argv) + "  (POSTLINT_RESULT_CACHE warm)",
        "times_s": [round(run.seconds, 4) for run in runs],
        "best_s": round(best, 4),
        "files": files,
        "files_per_s_best": per_second(files, best),
    }


def lintable_files(corpus: Path) -> list[Path]:
    """Return the files ``postlint check CORPUS`` reads, sorted, so the reference tools see the same ones."""
    found = []
    for root, _, filenames in os.walk(corpus):
        found += [Path(root) / name for name in filenames if Path(name).suffix.lower() in LINTED_SUFFIXES]
    return sorted(found)


def measure_reference(tool: str, files: Sequence[Path], sample: int, seed: int) -> dict[str, Any]:
    """Time ``tool`` over the files in one process; over a fixed random sample when ``sample`` is smaller.

    ftfy repairs text and proselint checks style: they do other jobs than postlint,
    so their files/s are reference points for what one pass over the text costs.
    """
    chosen = list(files)
    if 0 < sample < len(chosen):
        chosen = sorted(random.Random(seed).sample(chosen, sample))
    with tempfile.TemporaryDirectory(prefix="postlint-bench-ref-") as scratch:
        listing = Path(scratch) / "files"
        listing.write_text("".join(f"{path}\n" for path in chosen), encoding="utf-8")
        run = run_child([sys.executable, "-c", REFERENCE_RUNNER, tool, str(listing)])
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines()
        raise BenchError(f"{tool} reference run failed: {lines[-1] if lines else f'exit code {run.returncode}'}")
    try:
        figures = json.loads(run.stdout)
    except json.JSONDecodeError as exc:
        raise BenchError(f"{tool} reference run printed no figures ({exc}):\n{run.stderr.strip()}") from exc
    if "skipped" in figures:
        progress(f"{tool}: {figures['skipped']}")
        return {"tool": tool, **figures}
    seconds = float(figures["seconds"])
    progress(f"{tool}: {figures['files']:,} files in {seconds:.2f} s")
    return {
        "tool": tool,
        "version": figures["version"],
        "files": figures["files"],
        "sampled": len(chosen) < len(files),
        "seconds": round(seconds, 4),
        "setup_s": round(float(figures["setup_s"]), 4),
        "files_per_s": per_second(int(figures["files"]), seconds),
        "mb_per_s": round(figures["chars"] / 1e6 / seconds, 2) if seconds > 0 else None,
        # ftfy: files it changed; proselint: findings.
        "found": figures["found"],
        "peak_rss_kib": run.max_rss_kib,
    }


def measure_references(files: Sequence[Path], sample: int, seed: int) -> dict[str, Any]:
    """Time ftfy and proselint on the corpus; proselint, about 10 times slower, on a 10 times smaller sample."""
    return {
        "ftfy": measure_reference("ftfy", files, sample * FTFY_SAMPLE_FACTOR, seed),
        "proselint": measure_reference("proselint", files, sample, seed),
    }


def synthetic_label(size: int) -> str:
    """Name a synthetic corpus by its size: synth-1k, synth-100k, synth-1500."""
    return f"synth-{size // 1000}k" if size % 1000 == 0 else f"synth-{size}"


def synthetic_corpus(size: int, seed: int, cache: Path | None, stack: ExitStack) -> tuple[Path, dict[str, Any]]:
    """Generate a synthetic corpus, or reuse the cached one made by the same generator with the same seed.

    The cache key holds a hash of bench/synth.py, so editing the generator makes
    new postings; older corpora of that size and seed are removed, since the
    100k one takes about 650 MB.
    """
    digest = hashlib.sha256(SYNTH.read_bytes()).hexdigest()[:12]
    info: dict[str, Any] = {"size": size, "seed": seed, "generator_sha256": digest}
    if cache is None:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="postlint-bench-synth-")))
    else:
        key = f"{size}-seed{seed}-{digest}"
        folder, marker = cache / key, cache / f"{key}.done"
        if folder.is_dir() and marker.is_file():
            return folder, {**info, "reused": True, **json.loads(marker.read_text(encoding="utf-8"))}
        for stale in cache.glob(f"{size}-seed{seed}-*"):
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
        cache.mkdir(parents=True, exist_ok=True)
    progress(f"generating {size:,} synthetic postings in {folder}")
    run = run_child([sys.executable, str(SYNTH), str(size), "--out", str(folder), "--seed", str(seed)])
    if run.returncode != 0:
        raise BenchError(f"bench/synth.py failed with exit code {run.returncode}:\n{run.stderr.strip()}")
    made = {"generate_s": round(run.seconds, 2), "bytes": sum(path.stat().st_size for path in lintable_files(folder))}
    if cache is not None:
        marker.write_text(json.dumps(made) + "\n", encoding="utf-8")
    return folder, {**info, "reused": False, **made}


def best_rate(figures: dict[str, Any] | None) -> float | None:
    """Return a measurement's best files/s, or None when it was skipped."""
    return None if figures is None else figures.get("files_per_s_best")


def measure_corpus(
    postlint: list[str],
    label: str,
    corpus: Path,
    *,
    repeat: int,
    full: bool,
    reference_sample: int,
    seed: int,
) -> dict[str, Any]:
    """Measure one synthetic corpus: --jobs 1 and 2, the cached re-run, and the reference tools.

    With ``full`` false only --jobs 2 runs: for the largest corpora, whose other
    runs take longest and add least.
    """
    progress(f"{label}: measuring")
    files = lintable_files(corpus)
    skipped = {"skipped": "not measured at this size (--quick-above)"}
    jobs_2 = measure_throughput(postlint, corpus, repeat, jobs=2)
    if jobs_2["files"] != len(files):
        raise BenchError(f"postlint linted {jobs_2['files']:,} files of {label}, which has {len(files):,}")
    entry: dict[str, Any] = {
        "label": label,
        "path": str(corpus),
        "files": len(files),
        "jobs_1": measure_throughput(postlint, corpus, repeat, jobs=1, ftfy_files=files) if full else skipped,
        "jobs_2": jobs_2,
        "cached": measure_cached(postlint, corpus, repeat) if full else skipped,
    }
    entry["references"] = measure_references(files, reference_sample, seed)
    return entry


def add_scaling(corpora: Sequence[dict[str, Any]]) -> None:
    """Give each synthetic corpus its files/s relative to the smallest one: 1.0 everywhere is linear scaling."""
    synthetic = [entry for entry in corpora if entry.get("synthetic")]
    if not synthetic:
        return
    base = min(synthetic, key=lambda entry: entry["files"])
    for entry in synthetic:
        scaling: dict[str, Any] = {"relative_to": base["label"]}
        for key in ("jobs_1", "jobs_2"):
            mine, theirs = best_rate(entry[key]), best_rate(base[key])
            scaling[key] = round(mine / theirs, 3) if mine and theirs else None
        entry["scaling"] = scaling


def p90(values: Sequence[float]) -> float:
    """Return the 90th percentile, interpolated between the nearest samples."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[8]


def time_command(
    argv: Sequence[str],
    runs: int,
    what: str,
    before: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> list[ChildRun]:
    """Run a command ``WARMUP_RUNS`` times unmeasured, then ``runs`` times (calling ``before`` ahead of each)."""
    for _ in range(WARMUP_RUNS):
        if before is not None:
            before()
        require_success(run_child(argv, env), what)
    measured: list[ChildRun] = []
    for _ in range(runs):
        if before is not None:
            before()
        run = run_child(argv, env)
        require_success(run, what)
        measured.append(run)
    return measured


def latency_figures(
    argv: Sequence[str],
    runs: int,
    what: str,
    before: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Time a short command in fresh processes; report min / median / p90 in ms, and the median CPU.

    A run a warm server took (`POSTLINT_DEBUG=1` makes it say so, with its CPU) counts the
    CPU of the server's child with the caller's, so the figure is the whole run's.
    """
    progress(f"timing {what}: {WARMUP_RUNS} warm-up + {runs} runs")
    measured = time_command(argv, runs, what, before, env)
    ms = [run.seconds * 1000 for run in measured]
    rss = [run.max_rss_kib for run in measured if run.max_rss_kib is not None]
    cpu = [run.cpu_s * 1000 + served_cpu_ms(run, env) for run in measured if run.cpu_s is not None]
    return {
        "command": shlex.join(argv),
        "exit_code": measured[-1].returncode,
        "min_ms": round(min(ms), 2),
        "median_ms": round(statistics.median(ms), 2),
        "p90_ms": round(p90(ms), 2),
        "times_ms": [round(t, 2) for t in ms],
        "cpu_median_ms": round(statistics.median(cpu), 2) if cpu else None,
        "peak_rss_kib": max(rss) if rss else None,
    }


SERVED = re.compile(r"^postlint: run by the warm server: pid \d+, CPU ([\d.]+) ms$", re.MULTILINE)


def served_cpu_ms(run: ChildRun, env: dict[str, str] | None) -> float:
    """The CPU of the warm server's child that ran this, or 0 for a run not meant for one."""
    if env is None or env.get("POSTLINT_WARM") != "1":
        return 0.0
    found = SERVED.search(run.stderr)
    if found is None:
        raise BenchError(f"the warm server did not take the run {shlex.join(run.argv)}:\n{run.stderr.strip()}")
    return float(found.group(1))


def warm_environment(stack: ExitStack) -> dict[str, str]:
    """A private runtime folder for a warm server that exits a minute after the benchmark."""
    runtime = stack.enter_context(tempfile.TemporaryDirectory(prefix="pb", dir="/tmp" if os.name == "posix" else None))
    return {
        **os.environ,
        "XDG_RUNTIME_DIR": runtime,
        "POSTLINT_WARM": "1",
        "POSTLINT_DEBUG": "1",
        "POSTLINT_WARM_IDLE": "60",
    }


def start_warm_server(argv: Sequence[str], env: dict[str, str]) -> bool:
    """Run until a warm server takes the run (the first starts it); False where none can run."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run = run_child(argv, env)
        if SERVED.search(run.stderr):
            return True
        time.sleep(0.5)
    return False


def measure_latency(postlint: list[str], posting: Path, runs: int) -> dict[str, Any]:
    """Time `postlint check FILE` as a pre-commit hook runs it, and the bare interpreter.

    Three cases: the file unchanged since the last run (its result comes from the result
    cache), the file just edited (a line added before each run: the compiled packs and the
    per-user stores are warm, the result cache misses), and `--no-cache` (the very first run).
    The first two are timed again with a warm server (`POSTLINT_WARM=1`), where one can run.
    """
    check = [*postlint, "check", str(posting)]
    with tempfile.TemporaryDirectory(prefix="postlint-bench-edited-") as folder:
        edited = Path(folder) / posting.name
        edited.write_bytes(posting.read_bytes())
        edits = iter(range(1_000_000))

        def edit() -> None:
            with edited.open("a", encoding="utf-8") as handle:
                handle.write(f"\n<!-- edit {next(edits)} -->\n")

        edited_check = [*postlint, "check", str(edited)]
        just_edited = latency_figures(edited_check, runs, "postlint check FILE (just edited)", before=edit)
        warm: dict[str, Any] = {}
        with ExitStack() as stack:
            env = warm_environment(stack)
            if hasattr(os, "fork") and start_warm_server(check, env):
                warm["postlint_check_warm"] = latency_figures(check, runs, "warm: postlint check FILE", env=env)
                warm["postlint_check_edited_warm"] = latency_figures(
                    edited_check, runs, "warm: postlint check FILE (just edited)", before=edit, env=env
                )
    return {
        "file": str(posting),
        "warmup_runs": WARMUP_RUNS,
        "runs": runs,
        "postlint_check": latency_figures(check, runs, "postlint check FILE"),
        "postlint_check_edited": just_edited,
        **warm,
        "postlint_check_no_cache": latency_figures([*check, "--no-cache"], runs, "postlint check FILE --no-cache"),
        "python_floor": latency_figures([sys.executable, "-c", "pass"], runs, "python -c pass"),
    }


def importtime_us(stderr: str, module: str) -> int | None:
    """Return the cumulative microseconds of ``module``'s least nested line."""
    found: tuple[int, int] | None = None
    for line in stderr.splitlines():
        match = IMPORTTIME_LINE.match(line)
        if match is None or match.group(4) != module:
            continue
        depth, cumulative = len(match.group(3)), int(match.group(2))
        if found is None or depth < found[0]:
            found = (depth, cumulative)
    return None if found is None else found[1]


def measure_import_time(runs: int) -> dict[str, Any]:
    """Time ``import postlint.cli`` with ``-X importtime``; skip if it cannot import."""
    argv = [sys.executable, "-X", "importtime", "-c", f"import {IMPORTED_MODULE}"]
    result: dict[str, Any] = {"module": IMPORTED_MODULE, "command": shlex.join(argv)}
    probe = run_child(argv)
    if probe.returncode != 0:
        lines = probe.stderr.strip().splitlines()
        reason = lines[-1] if lines else f"exit code {probe.returncode}"
        progress(f"import time skipped: {reason}")
        return {**result, "skipped": reason}
    progress(f"timing import {IMPORTED_MODULE}: {WARMUP_RUNS} warm-up + {runs} runs")
    measured = time_command(argv, runs, f"import {IMPORTED_MODULE}")
    samples = [importtime_us(run.stderr, IMPORTED_MODULE) for run in measured]
    cli_us = [us for us in samples if us is not None]
    if not cli_us:
        return {**result, "skipped": f"no '{IMPORTED_MODULE}' line in -X importtime"}
    package_us = [us for us in (importtime_us(run.stderr, "postlint") for run in measured) if us is not None]
    return {
        **result,
        "runs": runs,
        "cumulative_us_min": min(cli_us),
        "cumulative_us_median": round(statistics.median(cli_us)),
        "cumulative_us_runs": cli_us,
        # The package's own __init__ is imported first, on a line of its own.
        "package_cumulative_us_median": (round(statistics.median(package_us)) if package_us else None),
    }


def postlint_version() -> str | None:
    """Return ``postlint.__version__`` as this interpreter sees it, or None."""
    run = run_child([sys.executable, "-c", "import postlint; print(postlint.__version__)"])
    if run.returncode != 0:
        return None
    return run.stdout.strip() or None


def git_state() -> dict[str, Any] | None:
    """Return the checkout's commit and whether it has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": head, "dirty": bool(status.strip())}


def machine_info() -> dict[str, Any]:
    """Describe the machine: the figures mean little without it."""
    affinity = getattr(os, "sched_getaffinity", None)
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(affinity(0)) if affinity else None,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "python_executable": sys.executable,
    }


def progress(message: str) -> None:
    """Report progress on stderr, keeping stdout for the results table."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def fmt(value: float | None, digits: int = 1, unit: str = "") -> str:
    """Format a figure for the table; a missing one shows as a dash."""
    if value is None:
        return "-"
    return f"{value:,.{digits}f}{unit}"


Row = list[str]


def render_table(sections: Sequence[Sequence[Row]]) -> str:
    """Align a table made of sections, with a blank line between sections.

    Labels share one left-aligned column across the table; the figures are
    right-aligned in columns sized within their own section, so a wide figure
    in one section does not push the next section's columns apart.
    """
    label_width = max(len(row[0]) for section in sections for row in section)
    blocks = []
    for section in sections:
        columns = max(len(row) for row in section)
        padded = [[*row, *([""] * (columns - len(row)))] for row in section]
        widths = [max(len(row[i]) for row in padded) for i in range(1, columns)]
        lines = []
        for row in padded:
            cells = [row[0].ljust(label_width)]
            cells += [cell.rjust(width) for cell, width in zip(row[1:], widths, strict=True)]
            lines.append("  ".join(cells).rstrip())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def table_sections(results: dict[str, Any]) -> list[list[Row]]:
    """Lay out the headline figures of a result as sections of table rows."""
    corpus = results["corpus"]
    corpus_rows: list[Row] = [["corpus files", f"{corpus['files']:,}"]]
    corpus_rows += [[f"  {ext}", f"{n:,}"] for ext, n in corpus["files_by_extension"].items()]
    corpus_rows.append(["lintable files", f"{corpus['lintable_files']:,}"])

    throughput = results["throughput"]
    rss = throughput["peak_rss_kib"]
    throughput_rows: list[Row] = [
        ["files linted", f"{throughput['files']:,}"],
        [
            f"throughput, best of {throughput['repeat']}",
            fmt(throughput["best_s"], 2, " s"),
            fmt(throughput["files_per_s_best"], 1, " files/s"),
        ],
        [
            "throughput, median",
            fmt(throughput["median_s"], 2, " s"),
            fmt(throughput["files_per_s_median"], 1, " files/s"),
        ],
        [
            "  one process (--jobs 1), best",
            fmt(results["throughput_one_process"]["best_s"], 2, " s"),
            fmt(results["throughput_one_process"]["files_per_s_best"], 1, " files/s"),
        ],
        [
            "  re-run, result cache warm, best",
            fmt(results["throughput_cached"]["best_s"], 2, " s"),
            fmt(results["throughput_cached"]["files_per_s_best"], 1, " files/s"),
        ],
        ["peak RSS", fmt(None if rss is None else rss / 1024, 1, " MiB")],
        *cpu_rows(throughput, results["throughput_one_process"]),
        ["violations", f"{throughput['violations']:,}"],
    ]
    throughput_rows += [[f"  {rule}", f"{n:,}"] for rule, n in throughput["violations_by_rule"].items()]

    latency = results["latency"]
    imports = results["import_time"]
    runs = latency["runs"] if latency is not None else imports.get("runs", 0)
    latency_rows: list[Row] = [[f"latency, ms ({runs} runs)", "min", "median", "p90", "CPU median"]]
    if latency is not None:
        for label, key in (
            ("  postlint check FILE (unchanged)", "postlint_check"),
            ("  ... just edited", "postlint_check_edited"),
            ("  ... warm server, unchanged", "postlint_check_warm"),
            ("  ... warm server, just edited", "postlint_check_edited_warm"),
            ("  ... --no-cache", "postlint_check_no_cache"),
            ("  python -c pass", "python_floor"),
        ):
            figures = latency.get(key)
            if figures is None:  # a results file written before this case was measured
                continue
            latency_rows.append(
                [
                    label,
                    fmt(figures["min_ms"]),
                    fmt(figures["median_ms"]),
                    fmt(figures["p90_ms"]),
                    fmt(figures.get("cpu_median_ms")),
                ]
            )
    label = f"  import {imports['module']}"
    if "skipped" in imports:
        latency_rows.append([label, "skipped"])
    else:
        latency_rows.append(
            [
                label,
                fmt(imports["cumulative_us_min"] / 1000),
                fmt(imports["cumulative_us_median"] / 1000),
            ]
        )
    sections = [corpus_rows, throughput_rows]
    if results.get("corpora"):
        sections += corpora_sections(results["corpora"])
    return [*sections, latency_rows]


def cpu_rows(throughput: dict[str, Any], one_process: dict[str, Any]) -> list[Row]:
    """CPU seconds per posting (user + sys, median run), and against ftfy's in alternating runs."""
    rows: list[Row] = [
        ["CPU per posting, median", fmt(throughput.get("cpu_ms_per_posting"), 2, " ms")],
        ["  one process (--jobs 1)", fmt(one_process.get("cpu_ms_per_posting"), 2, " ms")],
    ]
    ftfy = one_process.get("ftfy_alternating")
    if ftfy is None:
        return rows
    if "skipped" in ftfy:
        return [*rows, ["  ftfy fix_text, alternating", ftfy["skipped"]]]
    return [
        *rows,
        ["  ftfy fix_text, alternating runs", fmt(ftfy["cpu_ms_per_posting"], 2, " ms")],
        ["  postlint CPU / ftfy CPU", fmt(ftfy["postlint_over_ftfy"], 2, "×")],
    ]


def ftfy_ratio_cell(figures: dict[str, Any] | None) -> str:
    """postlint's CPU per posting over ftfy's, from alternating --jobs 1 runs."""
    ftfy = (figures or {}).get("ftfy_alternating")
    if not ftfy:
        return "-"
    if "skipped" in ftfy:
        return "no ftfy"
    return fmt(ftfy["postlint_over_ftfy"], 2, "×")


def corpora_notes(corpora: Sequence[dict[str, Any]]) -> list[str]:
    """Footnotes for the corpus table, printed under it."""
    notes = [
        "peak RSS: the largest single process of the --jobs 1 and 2 runs; -: not measured (--quick-above)",
        "ftfy and proselint do other jobs than postlint (repair text, check style): reference points only",
        "CPU ms: user + sys per posting of the median --jobs 1 run; ×ftfy: that over ftfy's fix_text, "
        "run in alternation on the same files",
    ]
    samples = sorted(
        {
            figures["files"]
            for entry in corpora
            for figures in entry.get("references", {}).values()
            if figures.get("sampled")
        }
    )
    if samples:
        notes.append(f"*: on a fixed random sample of {', '.join(f'{n:,}' for n in samples)} files")
    return notes


def reference_cell(figures: dict[str, Any] | None) -> str:
    """Show a reference tool's files/s, marking a sample with a star."""
    if figures is None:
        return "-"
    if "skipped" in figures:
        return figures["skipped"]
    return fmt(figures["files_per_s"]) + ("*" if figures.get("sampled") else "")


def corpora_sections(corpora: Sequence[dict[str, Any]]) -> list[list[Row]]:
    """One row per corpus: postlint at --jobs 1 and 2, memory, cached re-run, scaling and the reference tools."""
    header = [
        "files/s by corpus",
        "files",
        "jobs=1",
        "jobs=2",
        "peak RSS MiB",
        "cached",
        "CPU ms",
        "×ftfy",
        "ftfy",
        "proselint",
    ]
    rows: list[Row] = [header]
    scaling_rows: list[Row] = []
    for entry in corpora:
        rss = [
            figures["peak_rss_kib"]
            for figures in (entry["jobs_1"], entry["jobs_2"])
            if figures.get("peak_rss_kib") is not None
        ]
        references = entry.get("references", {})
        rows.append(
            [
                f"  {entry['label']}",
                f"{entry['files']:,}",
                fmt(best_rate(entry["jobs_1"])),
                fmt(best_rate(entry["jobs_2"])),
                fmt(max(rss) / 1024 if rss else None),
                fmt(best_rate(entry["cached"])),
                fmt(entry["jobs_1"].get("cpu_ms_per_posting"), 2),
                ftfy_ratio_cell(entry["jobs_1"]),
                *(reference_cell(references.get(tool)) for tool in REFERENCE_TOOLS),
            ]
        )
        scaling = entry.get("scaling")
        if scaling:
            scaling_rows.append([f"  {entry['label']}", fmt(scaling["jobs_1"], 2), fmt(scaling["jobs_2"], 2)])
    sections = [rows]
    if scaling_rows:
        base = corpora[-1]["scaling"]["relative_to"]
        sections.append([[f"scaling: files/s / {base}'s", "jobs=1", "jobs=2"], *scaling_rows])
    return sections


def write_results(results: dict[str, Any], output: Path) -> None:
    """Write the results as indented JSON, creating the folder if needed."""
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    output.write_text(text + "\n", encoding="utf-8")


def positive_int(text: str) -> int:
    """Parse a command-line count that must be at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="Benchmark postlint: corpus throughput, cold single-file "
        "latency and import time. Figures depend on the machine.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help=f"folder to lint (default: {SHARED_CORPUS} if it exists, else {EXAMPLES})",
    )
    parser.add_argument(
        "--repeat",
        type=positive_int,
        metavar="N",
        default=3,
        help="full-corpus runs; best and median are reported (default: 3)",
    )
    parser.add_argument(
        "--latency-runs",
        type=positive_int,
        metavar="N",
        default=20,
        help=f"measured single-file runs after {WARMUP_RUNS} warm-up runs (default: 20)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        default=DEFAULT_OUTPUT,
        help="where to write the JSON results (default: bench/results/latest.json)",
    )
    parser.add_argument(
        "--synthetic",
        type=sizes,
        metavar="SIZES",
        default=DEFAULT_SIZES,
        help="comma-separated sizes of synthetic corpora to measure, e.g. 1000,10000,100000 or 1k,100k; "
        "'none' for none (default: 1000,10000)",
    )
    parser.add_argument(
        "--synthetic-repeat",
        type=positive_int,
        metavar="N",
        default=1,
        help="runs of each measurement on synthetic corpora of 10,000 files or more (default: 1; "
        "smaller ones use --repeat)",
    )
    parser.add_argument(
        "--quick-above",
        type=positive_int,
        metavar="FILES",
        help="for synthetic corpora larger than this, measure only --jobs 2: no --jobs 1, no cached re-run",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic postings (default: 0)")
    parser.add_argument(
        "--no-synthetic-cache",
        action="store_true",
        help="generate synthetic corpora in a temporary folder instead of reusing bench/results/synth/",
    )
    parser.add_argument(
        "--reference-sample",
        type=int,
        metavar="N",
        default=REFERENCE_SAMPLE,
        help=f"time proselint on a fixed random sample of N files of larger corpora, and ftfy on one of "
        f"{FTFY_SAMPLE_FACTOR}×N; 0: every file (default: {REFERENCE_SAMPLE})",
    )
    return parser.parse_args(argv)


def sizes(text: str) -> tuple[int, ...]:
    """Parse ``--synthetic``: '1000,10000', '1k,100k' or 'none'."""
    if text.strip().lower() in ("", "none", "0"):
        return ()
    found = []
    for raw in text.split(","):
        part = raw.strip().lower()
        scale = 1000 if part.endswith("k") else 1
        try:
            value = int(part.removesuffix("k").replace("_", "")) * scale
        except ValueError:
            raise argparse.ArgumentTypeError(f"{part!r} is not a size (write 1000 or 1k)") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"size {value} is less than 1")
        found.append(value)
    return tuple(sorted(set(found)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement, print the table and write the JSON results."""
    args = parse_args(argv)
    with ExitStack() as stack:
        try:
            results = measure_everything(args, argv, stack)
        except BenchError as exc:
            print(f"bench: {exc}", file=sys.stderr)
            return 1
    machine = results["machine"]
    print(
        f"postlint {results['postlint']['version'] or '(version unknown)'} · Python {machine['python']} · "
        f"{machine['platform']} · {machine['cpu_count']} CPUs"
    )
    if results["latency"] is not None:
        print(f"latency file: {results['latency']['file']}")
    print()
    print(render_table(table_sections(results)))
    if results.get("corpora"):
        print()
        print("\n".join(corpora_notes(results["corpora"])))
    write_results(results, args.output)
    print(f"\nresults written to {args.output}")
    return 0


def measure_everything(args: argparse.Namespace, argv: Sequence[str] | None, stack: ExitStack) -> dict[str, Any]:
    """Run every measurement; the results so far are written to ``--output`` after each corpus.

    A run of 100,000 files takes a while: if a later step fails, what was measured is kept.
    """
    corpus, corpus_source = choose_corpus(args.corpus)
    print(f"corpus: {corpus} ({corpus_source})", flush=True)
    postlint = find_postlint()
    version = postlint_version()
    extensions = count_extensions(corpus)
    posting = choose_latency_file(corpus)
    results: dict[str, Any] = {
        "schema": RESULT_SCHEMA,
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "bench_command": shlex.join(["python", "bench/run.py", *(sys.argv[1:] if argv is None else argv)]),
        "machine": machine_info(),
        "postlint": {
            "version": version,
            "command": shlex.join(postlint),
            "git": git_state(),
        },
        "corpus": {
            "path": str(corpus),
            "source": corpus_source,
            "files": sum(extensions.values()),
            "files_by_extension": extensions,
            "lintable_files": sum(extensions.get(s, 0) for s in LINTED_SUFFIXES),
        },
        "throughput": measure_throughput(postlint, corpus, args.repeat),
        "throughput_one_process": measure_throughput(
            postlint, corpus, args.repeat, jobs=1, ftfy_files=lintable_files(corpus)
        ),
        "throughput_cached": measure_cached(postlint, corpus, args.repeat),
        "latency": (None if posting is None else measure_latency(postlint, posting, args.latency_runs)),
        "import_time": measure_import_time(args.latency_runs),
    }
    if posting is None:
        progress("latency skipped: no Markdown posting found")
    results["complete"] = False
    results["corpora"] = corpora = [real_entry(postlint, corpus, corpus_source, results, args)]
    write_results(results, args.output)
    cache = None if args.no_synthetic_cache else SYNTH_CACHE
    for size in args.synthetic:
        label = synthetic_label(size)
        folder, generated = synthetic_corpus(size, args.seed, cache, stack)
        entry = measure_corpus(
            postlint,
            label,
            folder,
            repeat=args.repeat if size < 10_000 else args.synthetic_repeat,
            full=args.quick_above is None or size <= args.quick_above,
            reference_sample=args.reference_sample,
            seed=args.seed,
        )
        corpora.append({**entry, "synthetic": generated})
        add_scaling(corpora)
        write_results(results, args.output)
    results["complete"] = True
    return results


def real_entry(
    postlint: list[str], corpus: Path, source: str, results: dict[str, Any], args: argparse.Namespace
) -> dict[str, Any]:
    """The corpus row for --corpus (the real postings by default), from the runs already made.

    `--jobs 0` is one worker per CPU, so on a two-CPU machine the --jobs 0 run is the --jobs 2 one.
    """
    label = "real" if source.startswith("shared corpus") else corpus.name
    files = lintable_files(corpus)
    if (os.cpu_count() or 1) == 2:
        jobs_2 = {**results["throughput"], "note": "the --jobs 0 run: one worker per CPU, 2 here"}
    else:
        jobs_2 = measure_throughput(postlint, corpus, args.repeat, jobs=2)
    return {
        "label": label,
        "path": str(corpus),
        "files": results["throughput"]["files"],
        "jobs_1": results["throughput_one_process"],
        "jobs_2": jobs_2,
        "cached": results["throughput_cached"],
        "references": measure_references(files, args.reference_sample, args.seed),
        "synthetic": None,
    }


if __name__ == "__main__":
    sys.exit(main())
