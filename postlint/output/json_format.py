"""The JSON report of the public interface, and the dict form of one violation."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from postlint.output import Seen
from postlint.violation import Violation

if TYPE_CHECKING:
    from postlint.document import LineIndex
    from postlint.output import ReportOptions
    from postlint.runner import FileResult


def violation_dict(v: Violation, index: LineIndex | None = None) -> dict[str, Any]:
    """A violation as the interface's JSON object: `Violation.to_dict`, the one definition of it.

    `index` places the fix edits of a violation that did not come from the engine (built
    by hand, so its edits have offsets only); the engine's own are placed already.
    """
    if index is not None and v.fix is not None and any(edit.line == 0 for edit in v.fix.edits):
        edits = tuple(edit.placed(index.position) for edit in v.fix.edits)
        v = replace(v, fix=replace(v.fix, edits=edits))
    return v.to_dict()


def summary(files: int, violations: Sequence[Violation] | Sequence[Seen]) -> dict[str, int]:
    counts = {"files": files, "violations": len(violations), "error": 0, "warning": 0, "info": 0, "fixable": 0}
    for v in violations:
        counts[v.severity.name] += 1
        if v.fix is not None and v.fix.applicability == "safe":
            counts["fixable"] += 1
    return counts


def compact_encoder() -> Callable[[Any], str]:
    """`json.dumps(value, ensure_ascii=False)`, with the C encoder made once rather than per call.

    `JSONEncoder.encode` builds a new C encoder for every value; for a report of tens of
    thousands of violations, one per line, that setup was most of the writing time.
    """
    from json import encoder

    make = encoder.c_make_encoder  # type: ignore[attr-defined]  # the C encoder json.dumps uses, without its checks
    if make is None:  # pragma: no cover - an interpreter without the C accelerator
        return json.JSONEncoder(ensure_ascii=False).encode
    encode = make(None, None, encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda value: "".join(encode(value, 0))


def render_json(version: str, files: int, items: Sequence[tuple[Violation, dict[str, Any]]]) -> str:
    """The report with one violation per line: readable and diffable, and written by the C encoder.

    `json.dumps(indent=2)` falls back to the pure-Python encoder, which took most of a
    cached run's time on a large corpus; one compact object per line costs a tenth of it.
    """
    dump = compact_encoder()
    body = ",\n".join(f"    {dump(d)}" for _, d in items)
    return _document(version, summary(files, [v for v, _ in items]), body)


def _document(version: str, counts: dict[str, int], body: str | None) -> str:
    """The report around its violation lines (None: written separately, between the two halves)."""
    dump = compact_encoder()
    head = f'{{\n  "version": {dump(version)},\n  "summary": {dump(counts)},\n'
    if body == "":
        return head + '  "violations": []\n}'
    return head + '  "violations": [\n' + ("" if body is None else body + "\n  ]\n}")


_SPOOL_BYTES = 16 * 1024 * 1024  # violation lines kept in memory before they go to a temporary file


class JsonReporter:
    """The interface's JSON report. It is one document with the summary first, so the violations
    wait until the end: as encoded lines, in memory up to 16 MB, then in a temporary file, so the
    memory of a run does not grow with the number of findings."""

    def __init__(self, options: ReportOptions, spool_bytes: int = _SPOOL_BYTES) -> None:
        import tempfile

        self.options = options
        self.seen: Counter[Seen] = Counter()
        # Closed by finish(): the file outlives this method, so no `with`.
        self.lines = tempfile.SpooledTemporaryFile(  # noqa: SIM115
            max_size=spool_bytes, mode="w+", encoding="utf-8", newline=""
        )
        self.dump = compact_encoder()

    def file(self, result: FileResult) -> None:
        if not result.violations:
            return
        dump, write = self.dump, self.lines.write
        for v in result.violations:
            write(f",\n    {dump(v.to_dict())}" if self.seen else f"    {dump(v.to_dict())}")
            self.seen[Seen.of(v)] += 1

    def finish(self, files: int) -> None:
        import shutil

        stream = self.options.stream
        if not self.seen:
            stream.write(_document(self.options.version, summary(files, []), "") + "\n")
        else:
            stream.write(_document(self.options.version, summary(files, list(self.seen.elements())), None))
            self.lines.seek(0)
            shutil.copyfileobj(self.lines, stream, 1024 * 1024)
            stream.write("\n  ]\n}\n")
        self.lines.close()
        if self.options.statistics and self.seen:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(list(self.seen.elements())) + "\n")
