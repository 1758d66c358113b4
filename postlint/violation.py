"""What checks find and what the engine reports: findings, fixes, violations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

from postlint.display import safe_path

Applicability = Literal["safe", "unsafe", "display"]
APPLICABILITY_ORDER: dict[str, int] = {"safe": 0, "unsafe": 1, "display": 2}


class Severity(IntEnum):
    """Ordered so that `severity >= fail_on` decides the exit code."""

    info = 1
    warning = 2
    error = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name]

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] with `replacement`.

    Checks give offsets only; the engine adds the 1-based line and column of both ends
    so that a violation describes itself without its text (0: not stamped yet). They are
    derived from the offsets, so they take no part in equality.
    """

    start: int
    end: int
    replacement: str
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)
    end_line: int = field(default=0, compare=False)
    end_column: int = field(default=0, compare=False)

    def placed(self, position: Callable[[int], tuple[int, int]]) -> Edit:
        """This edit with the line and column of its ends, from an offset-to-position map."""
        line, column = position(self.start)
        end_line, end_column = position(self.end)
        return Edit(self.start, self.end, self.replacement, line, column, end_line, end_column)

    def to_dict(self) -> dict[str, Any]:
        """The edit as the interface's JSON object."""
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """A proposed change; `fix` applies it only if its applicability allows."""

    applicability: Applicability
    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check yields: a span and the values for its message; no id, no severity."""

    start: int
    end: int
    values: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None
    suggestion: str | None = None
    message: str | None = None  # overrides the rule's message template (engine problems)
    template: str | None = None  # a message template of the check's own (a requirement partly met)
    severity: Severity | None = None  # at most this severity (a requirement partly met is a lesser finding)


@dataclass(frozen=True, slots=True)
class Violation:
    """A finding stamped by the engine with its rule, severity, message and position."""

    path: str
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: Fix | None = None
    suggestion: str | None = None
    references: tuple[str, ...] = ()
    match: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """The violation as the interface's JSON object: what `--format json` lists, built without the text."""
        fix = None
        if self.fix is not None:
            fix = {
                "applicability": self.fix.applicability,
                "description": self.fix.description,
                "edits": [edit.to_dict() for edit in self.fix.edits],
            }
        return {
            "path": safe_path(self.path),
            "rule": self.rule,
            "severity": self.severity.name,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": fix,
            "suggestion": self.suggestion,
            "references": list(self.references),
        }
