"""The report for a person: position, severity, rule, message, the line with the span underlined."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from postlint.display import printable
from postlint.output import Seen
from postlint.violation import Severity, Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult

_COLOURS = {Severity.error: "red", Severity.warning: "yellow", Severity.info: "blue"}
_TAB = 4


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two cells, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return width


def render_violation(v: Violation, source: str | None, colour: bool) -> str:
    """One violation: header line, source excerpt with carets, then fix or suggestion."""

    def style(text: str, **kw: object) -> str:
        return click.style(text, **kw) if colour else text  # type: ignore[arg-type]

    head = (
        f"{style(printable(v.path), bold=True)}:{v.line}:{v.column}: "
        f"{style(v.severity.name, fg=_COLOURS[v.severity], bold=True)} "
        f"{style(v.rule, dim=True)} {printable(v.message)}"
    )
    lines = [head]
    if source is not None:
        text_lines = source.split("\n")
        if 1 <= v.line <= len(text_lines):
            raw = text_lines[v.line - 1].rstrip("\r")
            first = v.column - 1
            last = v.end_column - 1 if v.end_line == v.line else len(raw)
            # Long lines are shown as a window around the span, marked with ellipses.
            window_start = max(0, first - 60) if first > 80 else 0
            window_end = min(len(raw), max(last, first + 1) + 60)
            shown = printable(
                ("…" if window_start else "") + raw[window_start:window_end] + ("…" if window_end < len(raw) else "")
            )
            before = printable(("…" if window_start else "") + raw[window_start:first])
            span = printable(raw[first:last])
            gutter = str(v.line)
            pad = " " * len(gutter)
            caret = "^" * max(1, min(_width(span), 120))
            lines.append(f"  {style(gutter, dim=True)} | {shown.expandtabs(_TAB)}")
            lines.append(f"  {pad} | {' ' * _width(before.expandtabs(_TAB))}{style(caret, fg=_COLOURS[v.severity])}")
    if v.fix is not None:
        lines.append(f"  = fix ({v.fix.applicability}): {printable(v.fix.description)}")
    if v.suggestion:
        lines.append(f"  = suggestion: {printable(v.suggestion)}")
    return "\n".join(lines)


def render_summary(files: int, violations: Sequence[Violation] | Sequence[Seen], colour: bool) -> str:
    if not violations:
        text = f"All clear: {files} file{'s' if files != 1 else ''} checked, no problems found."
        return click.style(text, fg="green") if colour else text
    counts = {s: sum(1 for v in violations if v.severity == s) for s in Severity}
    parts = [f"{counts[s]} {s.name}{'s' if counts[s] != 1 and s != Severity.info else ''}" for s in reversed(Severity)]
    safe = sum(1 for v in violations if v.fix is not None and v.fix.applicability == "safe")
    problems = f"{len(violations)} problem{'s' if len(violations) != 1 else ''}"
    text = f"Found {problems} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}."
    if safe:
        text += f"\n{safe} fixable with `postlint fix`."
    return click.style(text, bold=True) if colour else text


def render_statistics(violations: Sequence[Violation] | Sequence[Seen]) -> str:
    counts: dict[tuple[str, Severity], int] = {}
    for v in violations:
        counts[(v.rule, v.severity)] = counts.get((v.rule, v.severity), 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    return "\n".join(f"{n:>{width}}  {rule}  [{sev.name}]" for (rule, sev), n in rows)


class TextReporter:
    """Each violation with its excerpt as it is found, then the statistics and the summary."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.seen: Counter[Seen] = Counter()  # what the summary and statistics need, not the findings

    def file(self, result: FileResult) -> None:
        # A cached result's text is read from disk only when a violation shows an excerpt of it.
        source = result.decoded.text if result.decoded and result.violations else None
        for v in result.violations:
            self.options.stream.write(render_violation(v, source, self.options.colour) + "\n\n")
        self.seen.update(map(Seen.of, result.violations))

    def finish(self, files: int) -> None:
        stream, violations = self.options.stream, list(self.seen.elements())
        if self.options.statistics and violations:
            stream.write(render_statistics(violations) + "\n\n")
        if not self.options.quiet:
            stream.write(render_summary(files, violations, self.options.colour) + "\n")
