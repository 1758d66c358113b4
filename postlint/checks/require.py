"""The `require` check: fire once when none of the patterns appears where it should."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.checks.base import Check, Context, iter_scope
from postlint.document import Document
from postlint.violation import Finding


@dataclass(frozen=True, slots=True)
class RequireCheck(Check):
    scopes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    fields: tuple[str, ...]
    section: re.Pattern[str] | None
    suggestion: str | None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for name in self.fields:
            value = doc.meta(ctx.field_name(name))
            if value not in (None, "", [], {}):
                return
        if "title" in self.scopes and doc.title and any(p.search(doc.title) for p in self.patterns):
            return
        where = _end_of_text(doc)
        ranges: list[tuple[int, int]] | None = None
        if self.section is not None:
            sections = [s for s in doc.sections if self.section.search(s.title)]
            ranges = [(s.heading_start, s.end) for s in sections]
            if sections:
                where = sections[0].heading_start
        for offset, text in iter_scope(doc, self.scopes):
            if ranges is not None and not any(a <= offset < b for a, b in ranges):
                continue
            if any(p.search(text) for p in self.patterns):
                return
        yield Finding(where, where, {"match": ""}, suggestion=self.suggestion)


def _end_of_text(doc: Document) -> int:
    """Where something missing would be added: just after the last non-blank character."""
    return len(doc.text.rstrip())
