"""The JSON report of the public interface, and the dict form of one violation."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

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


def summary(files: int, violations: Sequence[Violation]) -> dict[str, int]:
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

    make = encoder.c_make_encoder
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
    lines = [
        "{",
        f'  "version": {dump(version)},',
        f'  "summary": {dump(summary(files, [v for v, _ in items]))},',
    ]
    if not items:
        lines.append('  "violations": []')
    else:
        lines.append('  "violations": [')
        lines.append(",\n".join(f"    {dump(d)}" for _, d in items))
        lines.append("  ]")
    lines.append("}")
    return "\n".join(lines)


class JsonReporter:
    """The interface's JSON report, written once at the end (it is one document)."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.items: list[tuple[Violation, dict[str, Any]]] = []

    def file(self, result: FileResult) -> None:
        if not result.violations:
            return
        self.items.extend((v, v.to_dict()) for v in result.violations)

    def finish(self, files: int) -> None:
        self.options.stream.write(render_json(self.options.version, files, self.items) + "\n")
        if self.options.statistics and self.items:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics([v for v, _ in self.items]) + "\n")
