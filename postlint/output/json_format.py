"""The JSON report of the public interface, and the dict form of one violation."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from postlint.document import LineIndex
from postlint.violation import Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult


def violation_dict(v: Violation, index: LineIndex) -> dict[str, Any]:
    """A violation as the interface's JSON object (fix edits converted to line and column)."""
    fix = None
    if v.fix is not None:
        edits = []
        for edit in v.fix.edits:
            line, column = index.position(edit.start)
            end_line, end_column = index.position(edit.end)
            edits.append(
                {
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "replacement": edit.replacement,
                }
            )
        fix = {"applicability": v.fix.applicability, "description": v.fix.description, "edits": edits}
    return {
        "path": v.path,
        "rule": v.rule,
        "severity": v.severity.name,
        "message": v.message,
        "line": v.line,
        "column": v.column,
        "end_line": v.end_line,
        "end_column": v.end_column,
        "fix": fix,
        "suggestion": v.suggestion,
        "references": list(v.references),
    }


def summary(files: int, violations: Sequence[Violation]) -> dict[str, int]:
    counts = {"files": files, "violations": len(violations), "error": 0, "warning": 0, "info": 0, "fixable": 0}
    for v in violations:
        counts[v.severity.name] += 1
        if v.fix is not None and v.fix.applicability == "safe":
            counts["fixable"] += 1
    return counts


def render_json(version: str, files: int, items: Sequence[tuple[Violation, dict[str, Any]]]) -> str:
    """The report with one violation per line: readable and diffable, and written by the C encoder.

    `json.dumps(indent=2)` falls back to the pure-Python encoder, which took most of a
    cached run's time on a large corpus; one compact object per line costs a tenth of it.
    """
    dump = json.JSONEncoder(ensure_ascii=False).encode
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
        index = LineIndex(result.decoded.text if result.decoded else "")
        self.items.extend((v, violation_dict(v, index)) for v in result.violations)

    def finish(self, files: int) -> None:
        self.options.stream.write(render_json(self.options.version, files, self.items) + "\n")
        if self.options.statistics and self.items:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics([v for v, _ in self.items]) + "\n")
