"""GitHub Actions workflow commands: one annotation per violation."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from postlint.display import safe_path
from postlint.output import Seen
from postlint.violation import Severity, Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(v: Violation) -> str:
    props = (
        f"file={_escape_property(safe_path(v.path))},line={v.line},col={v.column},"
        f"endLine={v.end_line},endColumn={v.end_column},title={_escape_property(v.rule)}"
    )
    return f"::{_LEVEL[v.severity]} {props}::{_escape_data(v.message)}"


class GithubReporter:
    """Workflow commands on standard output; the statistics table, if asked for, on standard error."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.seen: Counter[Seen] = Counter()  # what the summary and statistics need, not the findings

    def file(self, result: FileResult) -> None:
        for v in result.violations:
            self.options.stream.write(render_github(v) + "\n")
        self.seen.update(map(Seen.of, result.violations))

    def finish(self, files: int) -> None:
        if self.options.statistics and self.seen:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(list(self.seen.elements())) + "\n")
