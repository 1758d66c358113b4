"""Batch mode: lint a stream of JSON Lines records, one posting a line, writing one result line each.

Made for job boards with millions of postings. A record is read, linted and written
before later ones are kept, so memory stays flat however long the stream is: only
counters outlive a record. With several workers, records go out in bounded chunks
and their results are written in input order.
"""

from __future__ import annotations

import json
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postlint.api import Linter

# A worker task carries a chunk of records. Chunks start small, so that a short stream still
# reaches every worker, and double up to these bounds. Each task costs the main process about
# 1.5 KB that it never gives back (measured with CPython 3.11's process pool: resident memory
# grows by that much per task while the traced Python heap stays level), so chunks of 32 records
# grew a million-record stream by some 45 MB; chunks of hundreds keep it flat, and the byte bound
# keeps the records in flight to a few megabytes.
FIRST_CHUNK = 32
CHUNK_RECORDS = 512
CHUNK_BYTES = 512 * 1024
AHEAD = 4  # chunks in flight per worker: enough to keep every worker busy, few enough to stay flat
SERIAL_HEAD = 64  # `--jobs 0`: a stream shorter than this is linted in-process; workers cost more to start
LINE_SLACK = 1024 * 1024  # bytes a record line may hold beyond six times the size limit (JSON escapes, other keys)
SEVERITIES = ("error", "warning", "info")
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


@dataclass(frozen=True, slots=True)
class Tally:
    """What the summary and the exit code need from one record, and nothing else."""

    severities: tuple[int, int, int] = (0, 0, 0)  # error, warning, info
    rules: tuple[str, ...] = ()
    malformed: bool = False
    internal: bool = False


@dataclass
class Totals:
    """Counters over the whole stream: the only state that grows with it (and only in value)."""

    records: int = 0
    malformed: int = 0
    internal: int = 0
    severities: list[int] = field(default_factory=lambda: [0, 0, 0])
    rules: Counter[str] = field(default_factory=Counter)

    def add(self, tally: Tally) -> None:
        self.records += 1
        self.malformed += tally.malformed
        self.internal += tally.internal
        for index, count in enumerate(tally.severities):
            self.severities[index] += count
        self.rules.update(tally.rules)


class RecordError(ValueError):
    """A record that cannot be linted as given: reported on its own line, and the stream goes on."""


def read_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of every line that is not blank; None for a line over `limit` bytes (not kept)."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(limit + 1)
            yield number, None
            continue
        if raw.strip():
            yield number, raw


def parse_record(raw: bytes) -> dict[str, Any]:
    """A line's JSON object, with `text`, `format`, `location` and `jurisdictions` checked."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte 0x{raw[exc.start]:02X} at byte {exc.start + 1})") from None
    try:
        record = json.loads(line, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:  # the decoder recurses once per level of nesting
        raise RecordError("invalid JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, not {_json_type(record)}")
    return record


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's decoder accepts them, and its encoder would echo them)."""
    raise RecordError(f"invalid JSON: {name} is not a JSON value")


def _finite(text: str) -> float:
    """A JSON number as a float; one too large for a float (1e400) is refused rather than read as infinity."""
    import math

    value = float(text)
    if not math.isfinite(value):
        raise RecordError(f"invalid JSON: the number {text[:40]} is too large")
    return value


def _json_type(value: Any) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def _check_fields(record: dict[str, Any]) -> None:
    from postlint.api import FORMATS

    if "text" not in record:
        raise RecordError('no "text"')
    if not isinstance(record["text"], str):
        raise RecordError(f'"text" must be a string, not {_json_type(record["text"])}')
    fmt = record.get("format", "markdown")
    if fmt not in FORMATS:
        shown = json.dumps(fmt, ensure_ascii=False)
        raise RecordError(f'unknown "format" {shown}; expected one of {", ".join(FORMATS)}')
    location = record.get("location")
    if not (location is None or isinstance(location, str) or _strings(location)):
        raise RecordError(f'"location" must be a string or an array of strings, not {_json_type(location)}')
    wanted = record.get("jurisdictions")
    if not (wanted is None or _strings(wanted)):
        raise RecordError(f'"jurisdictions" must be an array of strings, not {_json_type(wanted)}')


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def record_path(record_id: Any) -> str:
    """The `path` of a record's violations: its id if a string, else the id's JSON text; "-" without one."""
    if record_id is None:
        return "-"
    return record_id if isinstance(record_id, str) else json.dumps(record_id, ensure_ascii=False)


def lint_record(linter: Linter, number: int, raw: bytes | None, limit: int) -> tuple[bytes, Tally]:
    """One input line to its output line (UTF-8, with newline) and its tally. Never raises for bad input."""
    record_id = None
    try:
        if raw is None:
            raise RecordError(f"the line is over {limit} bytes; not read")
        record = parse_record(raw)
        record_id = record.get("id")
        _check_fields(record)
        facts = {key: record[key] for key in ("location", "jurisdictions") if record.get(key) is not None}
        linter.check_facts(facts)
    except (RecordError, ValueError, TypeError) as exc:
        failed: dict[str, Any] = {"id": record_id, "line": number, "violations": [], "error": f"line {number}: {exc}"}
        return _encode(failed), Tally(malformed=True)
    try:
        fmt, path = record.get("format", "markdown"), record_path(record_id)
        violations = linter.lint_text(record["text"], format=fmt, path=path, facts=facts)
    except Exception as exc:  # a bug in a check: this record says so, the stream goes on, the exit code is 3
        message = f"line {number}: internal error: {type(exc).__name__}: {exc}"
        return _encode({"id": record_id, "line": number, "violations": [], "error": message}), Tally(internal=True)
    counts = [0, 0, 0]
    for v in violations:
        counts[SEVERITIES.index(v.severity.name)] += 1
    out = {"id": record_id, "line": number, "violations": [v.to_dict() for v in violations], "error": None}
    return _encode(out), Tally((counts[0], counts[1], counts[2]), tuple(v.rule for v in violations))


def _encode(obj: dict[str, Any]) -> bytes:
    """One output line; always valid JSON (allow_nan=False), whatever the record held."""
    try:
        return (json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from the input, echoed in a message: escape it
        return (json.dumps(obj, allow_nan=False, separators=(",", ":")) + "\n").encode("utf-8")
    except (ValueError, RecursionError) as exc:  # an id that cannot be echoed: say so without it
        error = f"the record's id: {exc}"
        failed: dict[str, Any] = {"id": None, "line": obj.get("line"), "violations": [], "error": error}
        return (json.dumps(failed, separators=(",", ":")) + "\n").encode("utf-8")


_WORKER: tuple[Linter, int] | None = None


def _init_worker(linter: Linter, limit: int) -> None:
    global _WORKER  # noqa: PLW0603 (one linter per worker process, set once by its initializer)
    _WORKER = (linter, limit)


def _lint_chunk(chunk: list[tuple[int, bytes | None]]) -> list[tuple[bytes, Tally]]:
    assert _WORKER is not None
    linter, limit = _WORKER
    return [lint_record(linter, number, raw, limit) for number, raw in chunk]


def _chunks(lines: Iterable[tuple[int, bytes | None]]) -> Iterator[list[tuple[int, bytes | None]]]:
    """Records in chunks of FIRST_CHUNK, then twice as many each time, up to CHUNK_RECORDS or CHUNK_BYTES."""
    target = FIRST_CHUNK
    chunk: list[tuple[int, bytes | None]] = []
    size = 0
    for number, raw in lines:
        chunk.append((number, raw))
        size += len(raw) if raw is not None else 0
        if len(chunk) >= target or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
            target = min(target * 2, CHUNK_RECORDS)
    if chunk:
        yield chunk


def run_batch(linter: Linter, source: IO[bytes], out: IO[bytes], *, jobs: int = 1) -> Totals:
    """Lint every record of `source`, writing each result line to `out` in input order.

    `jobs`: 1 lints in this process, a line in and a line out (for a request-response
    pipe); N > 1 uses N worker processes; 0 one per core, once the stream proves longer
    than a few dozen records.
    """
    limit = 6 * linter.max_bytes + LINE_SLACK
    lines: Iterator[tuple[int, bytes | None]] = read_lines(source, limit)
    totals = Totals()
    workers = jobs or (os.cpu_count() or 1)
    if jobs == 0 and workers > 1:
        head = list(islice(lines, SERIAL_HEAD))
        if len(head) < SERIAL_HEAD:
            workers = 1
        lines = chain(head, lines)
    if workers <= 1:
        for number, raw in lines:
            data, tally = lint_record(linter, number, raw, limit)
            out.write(data)
            out.flush()
            totals.add(tally)
        return totals
    from concurrent.futures import Future, ProcessPoolExecutor

    def write(results: list[tuple[bytes, Tally]]) -> None:
        out.write(b"".join(data for data, _ in results))
        out.flush()
        for _, tally in results:
            totals.add(tally)

    pending: deque[Future[list[tuple[bytes, Tally]]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(linter, limit)) as pool:
        try:
            for chunk in _chunks(lines):
                pending.append(pool.submit(_lint_chunk, chunk))
                if len(pending) >= workers * AHEAD:
                    write(pending.popleft().result())
            while pending:
                write(pending.popleft().result())
        except BaseException:  # a closed pipe (`| head`) or Ctrl-C: finish only the chunks already running
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return totals


def render_totals(totals: Totals, statistics: bool) -> str:
    """The summary for standard error: records, violations by severity, malformed records."""
    error, warning, info = totals.severities
    records = f"{totals.records} record{'s' if totals.records != 1 else ''}"
    lines = [f"{records}: {error + warning + info} violations ({error} error, {warning} warning, {info} info)"]
    if totals.malformed:
        lines[0] += f"; {totals.malformed} malformed"
    if totals.internal:
        lines[0] += f"; {totals.internal} failed with an internal error"
    if statistics:
        lines += [f"{count:>7}  {rule}" for rule, count in totals.rules.most_common()]
    return "\n".join(lines)


def check_jsonl(
    engine_linter: Any,
    *,
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    threshold: int,
    jobs: int,
    quiet: bool,
    statistics: bool,
    max_bytes: int,
    refused: dict[str, bool],
) -> int:
    """`postlint check --input jsonl FILE|-`: the exit code is 3 if a record hit a bug, 2 if one was
    malformed, 1 if a violation is at or above `--fail-on`, else 0."""
    import sys

    from postlint.api import Linter
    from postlint.errors import InputError, PostlintError
    from postlint.exit_codes import ExitCode

    if len(paths) != 1:
        raise PostlintError("--input jsonl reads one file of records, or '-' for standard input")
    if fmt not in (None, "jsonl"):
        raise PostlintError(
            f"--input jsonl writes --format jsonl (one result line per record), not {fmt}: "
            "a whole-run report would hold every result of an unbounded stream"
        )
    given = [name for name, used in refused.items() if used]
    if given:
        raise PostlintError(f"{given[0]} cannot be used with --input jsonl")
    linter = Linter(engine_linter, max_bytes)
    path = paths[0]
    try:
        source = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        target = open(output, "wb") if output else sys.stdout.buffer  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", path=output) from None
    try:
        totals = run_batch(linter, source, target, jobs=jobs)
    finally:
        if source is not sys.stdin.buffer:
            source.close()
        if output:
            target.close()
    if not quiet or statistics:
        sys.stderr.write(render_totals(totals, statistics) + "\n")
    if totals.internal:
        return ExitCode.INTERNAL
    if totals.malformed:
        return ExitCode.USAGE
    failing = sum(count for index, count in enumerate(totals.severities) if 3 - index >= threshold)
    return ExitCode.VIOLATIONS if failing else ExitCode.OK
