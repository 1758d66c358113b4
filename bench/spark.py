"""Benchmark postlint in local Spark against `postlint check --jobs N` on the same synthetic postings.

    python bench/spark.py [--count 10000] [--cores 2] [--partitions 16] [--output bench/results/spark.json]

Needs the `spark` extra and Java 17 or newer. Both sides read the same postings from disk
(`bench/synth.py`: one JSON-lines file for Spark, one file per posting for the command line)
and write every violation (Parquet for Spark, `--format json` for the command line), on the
same cores, in the same run. Besides the headline rates it measures where Spark's overhead
goes: the JVM and session start, the first job (Python workers start and unpickle the
Linter), the cost of a task (the same postings cut into more and more partitions), and
moving the postings through Arrow to Python and back without linting them. Peak RSS is the
sum over the process tree (driver, JVM and Python workers; the CLI and its workers), sampled;
CPU seconds per posting are reported beside wall time because they do not depend on what
else the machine runs.
Results are written as they come, so an interrupted run keeps what it measured.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO / "bench" / "results" / "spark.json"
SWEEP_COUNT = 500
SWEEP_PARTITIONS = (2, 8, 32, 100)
SCHEMA = "id string, text string, format string, location string"
Recorder = Callable[[str, Any], None]

sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO))


class TreeUsage:
    """Peak resident memory (summed) and CPU time of a process and all its descendants, sampled twice a second.

    CPU seconds do not depend on what else the machine is running, as wall time does; each
    process's own user and system time is taken at its last sample, so a process that ends
    between two samples loses at most half a second.
    """

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def cpu_s(self) -> float:
        return sum(self._cpu.values())

    def settled(self) -> float:
        """The CPU seconds so far, after one more sample has been taken."""
        time.sleep(0.6)
        return self.cpu_s

    def __enter__(self) -> TreeUsage:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
        while not self._stop.is_set():
            pids = _tree(self.root)
            self.peak = max(self.peak, sum(_rss_pages(pid) for pid in pids) * page)
            for pid in pids:
                ticks = _cpu_ticks(pid)
                if ticks is not None:
                    self._cpu[pid] = ticks / tick
            self._stop.wait(0.5)


def _cpu_ticks(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as file:
                ppid = int(file.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _rss_pages(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as file:
            return int(file.read().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = action()
    return time.perf_counter() - start, value


def write_postings(count: int, seed: int, folder: Path) -> tuple[Path, Path, int]:
    """The same postings as one JSON-lines file and as one file per posting; returns both and the bytes."""
    import synth

    files, jsonl = folder / "files", folder / "postings.jsonl"
    total = 0
    with jsonl.open("w", encoding="utf-8") as stream:
        for posting in synth.postings(count, seed):
            stream.write(json.dumps(posting, ensure_ascii=False) + "\n")
            path = files / synth.filename(posting)
            path.parent.mkdir(parents=True, exist_ok=True)
            data = posting["text"].encode("utf-8")
            path.write_bytes(data)
            total += len(data)
    return jsonl, files, total


def start_spark(cores: int, local_dir: Path) -> Any:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("postlint-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .config("spark.local.dir", str(local_dir))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def read_postings(spark: Any, jsonl: Path, partitions: int) -> Any:
    """The postings as a DataFrame split by bytes into about `partitions` partitions (no shuffle)."""
    size = jsonl.stat().st_size
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(max(1 << 12, size // partitions + 1)))
    spark.conf.set("spark.sql.files.openCostInBytes", "0")
    return spark.read.schema(SCHEMA).json(str(jsonl))


def identity(batches: Iterator[Any]) -> Iterator[Any]:
    """Every posting through Arrow into pandas and one small row back: the cost of the trip alone."""
    import pandas as pd

    for batch in batches:
        yield pd.DataFrame({"id": batch["id"].iloc[:1], "n": [len(batch)]})


def measure_overheads(
    spark: Any, args: argparse.Namespace, jsonl: Path, work: Path, record: Recorder, usage: TreeUsage
) -> None:
    """Where Spark's time goes besides linting: the first job, each task, the trip through Arrow."""
    from postlint.spark import lint_dataframe

    tiny = spark.createDataFrame([("a", "# Tiny\n\nHello.\n", "markdown", None)] * args.cores, SCHEMA)
    tiny = tiny.repartition(args.cores)
    cpu = usage.settled()
    first, _ = timed(lambda: lint_dataframe(tiny, id_col="id", format_col="format").collect())
    cpu_first = usage.settled() - cpu
    again, _ = timed(lambda: lint_dataframe(tiny, id_col="id", format_col="format").collect())
    cpu_again = usage.settled() - cpu - cpu_first
    record(
        "first_job",
        {
            "postings": args.cores,
            "first_s": round(first, 2),
            "first_cpu_s": round(cpu_first, 1),
            "again_s": round(again, 2),
            "again_cpu_s": round(cpu_again, 1),
        },
    )

    sample = work / "sample.jsonl"
    with jsonl.open(encoding="utf-8") as source, sample.open("w", encoding="utf-8") as target:
        for line in itertools.islice(source, SWEEP_COUNT):
            target.write(line)
    sweep: list[dict[str, Any]] = []
    sample_count = min(SWEEP_COUNT, args.count)
    for partitions in SWEEP_PARTITIONS:
        df = read_postings(spark, sample, partitions)
        cpu = usage.settled()
        seconds, count = timed(lambda df=df: lint_dataframe(df, id_col="id", format_col="format").count())
        cpu = usage.settled() - cpu
        sweep.append(
            {
                "partitions": df.rdd.getNumPartitions(),
                "postings": sample_count,
                "seconds": round(seconds, 2),
                "postings_per_s": round(sample_count / seconds, 1),
                "cpu_s": round(cpu, 1),
                "postings_per_cpu_s": round(sample_count / cpu, 1),
                "violations": count,
            }
        )
        record("partition_sweep", sweep)

    df = read_postings(spark, jsonl, args.partitions)
    cpu = usage.settled()
    seconds, _ = timed(lambda: df.mapInPandas(identity, "id string, n long").count())
    cpu = usage.settled() - cpu
    record(
        "arrow_round_trip",
        {"seconds": round(seconds, 2), "cpu_s": round(cpu, 1), "postings_per_cpu_s": round(args.count / cpu, 1)},
    )


def bench_spark(args: argparse.Namespace, jsonl: Path, work: Path, record: Recorder) -> None:
    from postlint.spark import lint_dataframe

    with TreeUsage(os.getpid()) as usage:
        seconds, spark = timed(lambda: start_spark(args.cores, work / "spark-local"))
        record("spark_startup_s", round(seconds, 2))
        try:
            if not args.skip_overheads:
                measure_overheads(spark, args, jsonl, work, record, usage)
            df = read_postings(spark, jsonl, args.partitions)
            out = work / "violations.parquet"
            result = lint_dataframe(df, id_col="id", format_col="format")
            cpu = usage.settled()
            seconds, _ = timed(lambda: result.write.parquet(str(out)))
            cpu = usage.settled() - cpu
            violations = spark.read.parquet(str(out)).count()
            record(
                "spark",
                {
                    "seconds": round(seconds, 2),
                    "postings_per_s": round(args.count / seconds, 1),
                    "postings_per_core_s": round(args.count / seconds / args.cores, 1),
                    "partitions": df.rdd.getNumPartitions(),
                    "violations": violations,
                    "peak_rss_mib": round(usage.peak / 2**20),
                    "cpu_s": round(cpu, 1),
                    "postings_per_cpu_s": round(args.count / cpu, 1),
                },
            )
        finally:
            spark.stop()


def bench_cli(args: argparse.Namespace, files: Path, work: Path, record: Recorder) -> None:
    report = work / "report.json"
    argv = [sys.executable, "-m", "postlint", "check", str(files), "--jobs", str(args.cores)]
    argv += ["--format", "json", "--no-cache", "--output", str(report)]
    env = {**os.environ, "POSTLINT_CACHE_DIR": str(work / "cache")}
    errors = work / "stderr.txt"
    start = time.perf_counter()
    with errors.open("wb") as stream:
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=stream)
        with TreeUsage(proc.pid) as usage:
            _, status, rusage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"postlint check exited {code}:\n{errors.read_text(errors='replace')}")
    cpu = rusage.ru_utime + rusage.ru_stime  # the CLI and its workers, which it waited for
    summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
    record(
        "cli",
        {
            "command": " ".join(argv[1:4]) + " FOLDER " + " ".join(argv[5:-2]),
            "seconds": round(seconds, 2),
            "postings_per_s": round(summary["files"] / seconds, 1),
            "postings_per_core_s": round(summary["files"] / seconds / args.cores, 1),
            "violations": summary["violations"],
            "peak_rss_mib": round(usage.peak / 2**20),
            "cpu_s": round(cpu, 1),
            "postings_per_cpu_s": round(summary["files"] / cpu, 1),
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/spark.py", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic postings (default: 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cores", type=int, default=2, help="local[N] for Spark, --jobs N for the CLI (default: 2)")
    parser.add_argument("--partitions", type=int, default=16, help="Spark partitions for the main run (default: 16)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--skip-overheads", action="store_true", help="only the two headline runs (no first-job, sweep or Arrow runs)"
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {
        "command": " ".join(["python bench/spark.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()},
        "postings": args.count,
        "cores": args.cores,
    }

    def record(key: str, value: Any) -> None:
        results[key] = value
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"{key}: {json.dumps(value)}", file=sys.stderr, flush=True)

    import pyspark

    results["pyspark"] = pyspark.__version__
    with tempfile.TemporaryDirectory(prefix="postlint-spark-bench-") as tmp:
        work = Path(tmp)
        seconds, (jsonl, files, size) = timed(lambda: write_postings(args.count, args.seed, work))
        record("input", {"bytes": size, "generated_s": round(seconds, 1)})
        bench_spark(args, jsonl, work, record)
        bench_cli(args, files, work, record)
    spark, cli = results["spark"], results["cli"]
    record("spark_vs_cli_wall", round(spark["postings_per_s"] / cli["postings_per_s"], 3))
    record("spark_vs_cli_cpu", round(spark["postings_per_cpu_s"] / cli["postings_per_cpu_s"], 3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
