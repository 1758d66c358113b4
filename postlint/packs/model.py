"""Loaded packs and rules: typed, immutable, compiled once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from postlint.violation import Severity

if TYPE_CHECKING:
    from postlint.checks.base import Check, Condition
    from postlint.kinds.base import RuleSpec


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule ready to run: what the engine needs, its compiled check, and its spec for docs."""

    id: str
    pack: str
    severity: Severity
    kind: str
    message: str
    description: str
    references: tuple[str, ...]
    aliases: tuple[str, ...]
    when: Condition
    check: Check
    source: str  # the pack file it came from
    line: int = 0  # where the rule starts in that file
    spec: RuleSpec | None = None  # the validated YAML; None when the pack came from the cache

    @property
    def name(self) -> str:
        return self.id.partition("/")[2]

    @property
    def summary(self) -> str:
        """The first sentence of the description, for `postlint rules`."""
        text = " ".join(self.description.split())
        for end in (". ", ".\n"):
            if end in text:
                return text.split(end, 1)[0] + "."
        return text

    def with_severity(self, severity: Severity) -> Rule:
        return replace(self, severity=severity)


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    version: str
    description: str
    path: str
    rules: tuple[Rule, ...]
