"""Reporters: turn lint results into text for people and formats for machines.

`check` hands every file's result to a reporter as it comes, then calls `finish`.
Streaming formats (text, github) write as they go; whole-run formats (json, sarif,
junit, html) keep what they need and write once. Reporters are looked up by name
and imported only when chosen, so start-up pays for one of them at most.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol

from postlint.violation import Severity, Violation

if TYPE_CHECKING:
    from collections.abc import Sequence

    from postlint.packs.model import Rule
    from postlint.runner import FileResult

REPORTERS: dict[str, str] = {
    "text": "postlint.output.text:TextReporter",
    "json": "postlint.output.json_format:JsonReporter",
    "github": "postlint.output.github:GithubReporter",
    "sarif": "postlint.output.sarif:SarifReporter",
    "junit": "postlint.output.junit:JunitReporter",
    "html": "postlint.output.html_report:HtmlReporter",
    "jsonl": "postlint.output.jsonl:JsonlReporter",
}
FORMATS: tuple[str, ...] = tuple(REPORTERS)


@dataclass(frozen=True)
class ReportOptions:
    """What every reporter may use: where to write, and what the run was."""

    stream: IO[str]
    errors: IO[str]  # standard error: for notes that must not mix with machine output
    version: str
    rules: Sequence[Rule] = ()  # the rules that ran (SARIF and HTML describe them)
    colour: bool = False
    quiet: bool = False
    statistics: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class Reporter(Protocol):
    def file(self, result: FileResult) -> None:
        """Take one file's result (its violations, sorted, and its decoded text)."""

    def finish(self, files: int) -> None:
        """Write what is left once every file has been seen; `files` is how many were linted."""


def make_reporter(fmt: str, options: ReportOptions) -> Reporter:
    """The reporter for a format name (one of FORMATS)."""
    module_name, _, class_name = REPORTERS[fmt].partition(":")
    reporter_class = getattr(importlib.import_module(module_name), class_name)
    reporter: Reporter = reporter_class(options)
    return reporter


class _Fix(NamedTuple):
    applicability: str


class Seen(NamedTuple):
    """What a summary or a statistics table needs of a violation that has been reported.

    Streaming reporters keep this, not the violation (its message, match and fix text), so a
    run over a hundred thousand postings does not hold every finding until the end.
    """

    rule: str
    severity: Severity
    fix: _Fix | None

    @classmethod
    def of(cls, violation: Violation) -> Seen:
        fix = violation.fix
        return cls(violation.rule, violation.severity, None if fix is None else _FIXES[fix.applicability])


_FIXES = {name: _Fix(name) for name in ("safe", "unsafe", "display")}
