"""The engine: runs compiled rules over a document and stamps what they find.

Checks are pure and know nothing of ids, severities, suppression or positions;
the engine applies `when`, selection, per-file ignores and inline suppression,
then turns each Finding into a Violation with line and column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from postlint.checks.base import Context
from postlint.document import Document, Format
from postlint.packs.model import Rule
from postlint.suppression import parse_suppressions
from postlint.violation import Finding, Severity, Violation


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob with `**` (any folders), `*` and `?` as a regex on '/'-separated paths."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    # Like .gitignore: a glob without '/' matches a file name at any depth; one with '/' is anchored.
    return re.compile(rf"(?:.*/)?{out}$" if "/" not in pattern.rstrip("/") else f"{out.removeprefix('/')}$")


@dataclass(frozen=True)
class Linter:
    """Compiled rules plus the settings that decide which run where. Build once, lint many.

    It pickles (compiled patterns and all) so it can be shipped to worker processes.
    """

    rules: tuple[Rule, ...]
    jurisdictions: tuple[str, ...] = ()
    front_matter: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    today: dt.date | None = None
    base: str | None = None  # the config file's folder: per-file-ignores globs are relative to it

    def known(self, token: str) -> bool:
        """True if a token names a rule (id or alias) or a pack of this linter."""
        return any(rule_matches(rule, token) for rule in self.rules)

    def rules_for(self, path: str | None) -> list[Rule]:
        if not path or not self.per_file_ignores:
            return list(self.rules)
        if self.base is not None:
            absolute = os.path.abspath(path)
            if absolute.startswith(self.base.rstrip(os.sep) + os.sep):
                path = os.path.relpath(absolute, self.base)
        posix = path.replace("\\", "/").removeprefix("./")
        ignored = [t for glob, tokens in self.per_file_ignores if glob_regex(glob).match(posix) for t in tokens]
        return [r for r in self.rules if not any(rule_matches(r, t) for t in ignored)]

    def lint_document(
        self, doc: Document, *, jurisdictions: Iterable[str] | None = None, only: str | None = None
    ) -> list[Violation]:
        """Every violation in one parsed document, sorted by position (`only`: run just that rule)."""
        wanted = tuple(jurisdictions) if jurisdictions is not None else self.jurisdictions
        ctx = Context(frozenset(wanted), self.today, tuple(self.front_matter.items()))
        suppressions = parse_suppressions(doc, self.known)
        violations: list[Violation] = []
        for rule in self.rules_for(doc.path):
            if (only is not None and rule.id != only) or (not doc.linted and rule.kind != "input"):
                continue
            if not rule.when.applies(doc, ctx):
                continue
            for finding in rule.check.check(doc, ctx):
                if suppressions.suppressed(finding.start, lambda t, r=rule: rule_matches(r, t)):
                    continue
                violations.append(self._stamp(doc, rule, finding))
        violations.sort(key=Violation.sort_key)
        return violations

    def lint_text(
        self, text: str, *, format: Format = "markdown", path: str | None = None, facts: Mapping[str, Any] | None = None
    ) -> list[Violation]:
        """Lint a posting given as text (no I/O). `facts` may give `jurisdictions`."""
        from postlint.reader import parse

        doc = parse(text, format, path or "-")
        wanted = facts.get("jurisdictions") if facts else None
        return self.lint_document(doc, jurisdictions=wanted)

    @staticmethod
    def _stamp(doc: Document, rule: Rule, finding: Finding) -> Violation:
        index = doc.line_index
        line, column = index.position(finding.start)
        end_line, end_column = index.position(finding.end)
        values = _Blank(finding.values)
        try:
            message = rule.message.format_map(values)
        except (ValueError, IndexError, AttributeError):
            message = rule.message
        return Violation(
            path=doc.path,
            rule=rule.id,
            severity=rule.severity,
            message=message,
            start=finding.start,
            end=finding.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=finding.fix,
            suggestion=finding.suggestion,
            references=rule.references,
            match=doc.text[finding.start : finding.end],
        )


def rule_matches(rule: Rule, token: str) -> bool:
    """A selector names a rule by id, pack name or a former id (alias)."""
    if token in (rule.id, rule.pack):
        return True
    return any(token in (alias, f"{rule.pack}/{alias}") for alias in rule.aliases)


def select_rules(
    rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str], severity: Mapping[str, str]
) -> list[Rule]:
    """Apply select, ignore and severity overrides; unknown selectors are an error."""
    from postlint.errors import ConfigError

    for option, tokens in (("select", select), ("ignore", ignore), ("severity", list(severity))):
        for token in tokens:
            if not any(rule_matches(r, token) for r in rules):
                raise ConfigError(f"{option}: unknown rule or pack {token!r} (see `postlint rules`)")
    chosen = [r for r in rules if not select or any(rule_matches(r, t) for t in select)]
    chosen = [r for r in chosen if not any(rule_matches(r, t) for t in ignore)]
    out = []
    # Pack-wide overrides first, so that a rule's own override wins.
    overrides = sorted(severity.items(), key=lambda item: "/" in item[0])
    for rule in chosen:
        levels = [level for token, level in overrides if rule_matches(rule, token)]
        out.append(rule.with_severity(Severity[levels[-1]]) if levels else rule)
    return out
