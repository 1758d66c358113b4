"""The `title-form` check: a job title that lacks an accepted (inclusive) form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.document import Document
from postlint.kinds.check_base import Check, Context
from postlint.violation import Edit, Finding, Fix


@dataclass(frozen=True, slots=True)
class TitleFormCheck(Check):
    needs: re.Pattern[str] | None
    accepts: re.Pattern[str]
    suggestion: str | None = None
    append: str | None = None  # added after a title written in the text: the unsafe fix
    accepts_in: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = ()  # (languages, forms accepted there)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        title = doc.title
        if not title or doc.title_start < 0:
            return
        if self.needs is not None and not self.needs.search(title):
            return
        if self.accepts.search(title):
            return
        if self.accepts_in and ctx.facts is not None:
            language = ctx.facts.language
            if any(language in languages and pattern.search(title) for languages, pattern in self.accepts_in):
                return
        start, end = doc.title_start, doc.title_end
        fix = None
        if doc.text[start:end] != title:  # a front-matter title: point at its line
            line_end = doc.text.find("\n", start)
            end = line_end if line_end != -1 else len(doc.text)
        elif self.append:
            fix = Fix("unsafe", f"Add '{self.append.strip()}' after the title", (Edit(end, end, self.append),))
        suggestion = self.suggestion.replace("{title}", title) if self.suggestion else None
        yield Finding(start, end, {"match": title, "title": title}, fix=fix, suggestion=suggestion)
