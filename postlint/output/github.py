"""GitHub Actions workflow commands: one annotation per violation, up to GitHub's limit.

GitHub shows at most 10 annotations of each severity per step and drops the rest, so in a
GitHub Actions step (GITHUB_ACTIONS=true) a violation past ANNOTATIONS_PER_LEVEL is printed as
a plain log line instead, and (GITHUB_STEP_SUMMARY set) every violation goes in the job
summary. Elsewhere every violation is a workflow command, for tools that read them.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING

from postlint.display import safe_path
from postlint.output import Seen
from postlint.violation import Severity, Violation
from postlint.wording import plural

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult

ANNOTATIONS_PER_LEVEL = 10
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
        from postlint.output.job_summary import JobSummary

        self.options = options
        self.seen: Counter[Seen] = Counter()  # what the summary and statistics need, not the findings
        self.annotated: Counter[Severity] = Counter()
        self.limit = ANNOTATIONS_PER_LEVEL if os.environ.get("GITHUB_ACTIONS") == "true" else None
        self.summary_path = os.environ.get("GITHUB_STEP_SUMMARY") or None
        self.summary = JobSummary() if self.summary_path else None

    def file(self, result: FileResult) -> None:
        from postlint.output.text import render_violation

        for v in result.violations:
            if self.limit is None or self.annotated[v.severity] < self.limit:
                self.annotated[v.severity] += 1
                self.options.stream.write(render_github(v) + "\n")
            else:  # GitHub would drop the annotation: a log line keeps it readable
                self.options.stream.write(render_violation(v, None, False) + "\n")
            if self.summary is not None:
                self.summary.add(v)
        self.seen.update(map(Seen.of, result.violations))

    def finish(self, files: int) -> None:
        annotated = sum(self.annotated.values())
        beyond = sum(self.seen.values()) - annotated
        if beyond:
            where = "listed above and in the job summary" if self.summary else "listed above as plain lines"
            limit = f"GitHub's {ANNOTATIONS_PER_LEVEL} annotations per severity"
            self.options.stream.write(f"postlint: {plural(beyond, 'problem')} beyond {limit}, {where}\n")
        if self.summary is not None and self.summary_path:
            self.summary.write(self.summary_path, files, annotated)
        if self.options.statistics and self.seen:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(list(self.seen.elements())) + "\n")
