"""The `forbid` check: report matches of terms and patterns, with replacements as fixes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from postlint.checks.base import Check, Context, fix_case, has_keyword, iter_scope
from postlint.document import Document
from postlint.violation import Edit, Finding, Fix


def terms_pattern(terms: list[str], ignore_case: bool) -> re.Pattern[str] | None:
    """One regex for many literal terms: longest first, whole words, any run of spaces between words."""
    if not terms:
        return None
    unique = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    alternatives = [r"\s+".join(re.escape(word) for word in term.split()) for term in unique]
    body = "|".join(alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True, slots=True)
class ForbidCheck(Check):
    scopes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    exceptions: tuple[re.Pattern[str], ...]
    replacements: dict[str, tuple[str, tuple[str, ...]]]  # lookup key -> (term as written, options)
    ignore_case: bool
    applicability: Literal["safe", "unsafe", "display"]
    substitutions: tuple[tuple[re.Pattern[str], str], ...] = ()  # regex -> replacement template
    keywords: tuple[str, ...] = ()  # lower-case; a block containing none of them cannot match

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for offset, text in iter_scope(doc, self.scopes):
            if self.keywords and not has_keyword(text, self.keywords):
                continue
            excluded = _Spans(self.exceptions, text)
            seen: set[tuple[int, int]] = set()
            for pattern in self.patterns:
                for m in pattern.finditer(text):
                    a, b = m.span()
                    if a == b or (a, b) in seen or excluded.overlaps(a, b):
                        continue
                    seen.add((a, b))
                    yield self._finding(offset + a, offset + b, m.group())
            for pattern, template in self.substitutions:
                for m in pattern.finditer(text):
                    a, b = m.span()
                    if a == b or (a, b) in seen or excluded.overlaps(a, b):
                        continue
                    seen.add((a, b))
                    replacement = m.expand(template)
                    what = f"Replace with '{replacement}'" if replacement.strip() else "Remove it"
                    if replacement and not replacement.strip():
                        what = "Replace with a plain space" if replacement == " " else "Replace with plain spacing"
                    fix = Fix(self.applicability, what, (Edit(offset + a, offset + b, replacement),))
                    yield Finding(offset + a, offset + b, {"match": m.group(), "replacement": replacement}, fix=fix)

    def _finding(self, start: int, end: int, matched: str) -> Finding:
        key = " ".join(matched.split())
        term, options = self.replacements.get(key.lower() if self.ignore_case else key, (key, ()))
        options = tuple(fix_case(o, matched, term) for o in options)
        if len(options) == 1:
            fix = Fix(self.applicability, f"Replace with '{options[0]}'", (Edit(start, end, options[0]),))
            return Finding(start, end, {"match": matched, "replacement": options[0]}, fix=fix)
        if options:
            quoted = ", ".join(f"'{o}'" for o in options)
            return Finding(start, end, {"match": matched, "replacement": quoted}, suggestion=f"Consider {quoted}")
        return Finding(start, end, {"match": matched, "replacement": ""})


class _Spans:
    """The exceptions' matches in a block, found only if a match needs checking against them."""

    __slots__ = ("_patterns", "_spans", "_text")

    def __init__(self, patterns: tuple[re.Pattern[str], ...], text: str) -> None:
        self._patterns = patterns
        self._text = text
        self._spans: list[tuple[int, int]] | None = None

    def overlaps(self, a: int, b: int) -> bool:
        if not self._patterns:
            return False
        if self._spans is None:
            self._spans = [(m.start(), m.end()) for e in self._patterns for m in e.finditer(self._text)]
        return any(x < b and a < y for x, y in self._spans)
