"""Loaded packs and rules: typed, immutable, compiled once."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from postlint.violation import Severity

if TYPE_CHECKING:
    from postlint.kinds.base import Check, RuleSpec


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule ready to run: its spec (for docs and examples) and its compiled check."""

    id: str
    pack: str
    severity: Severity
    spec: RuleSpec
    check: Check
    source: str  # the pack file it came from
    line: int = 0  # where the rule starts in that file

    @property
    def name(self) -> str:
        return self.id.partition("/")[2]

    @property
    def summary(self) -> str:
        """The first sentence of the description, for `postlint rules`."""
        text = " ".join(self.spec.description.split())
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
