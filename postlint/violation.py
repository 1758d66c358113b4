"""What checks find and what the engine reports: findings, fixes, violations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

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
    """Replace source[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


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
