"""`require`: at least one of several patterns must appear, optionally within a section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator, model_validator

from postlint.document import Document
from postlint.kinds.base import Check, Context, RuleSpec, compile_regex, iter_scope
from postlint.kinds.forbid import terms_pattern
from postlint.violation import Finding


class RequireSpec(RuleSpec):
    """Fire once when none of the patterns appears in the scope (or the named section)."""

    kind: Literal["require"]

    patterns: tuple[str, ...] = Field((), description="Regexes; any one match satisfies the rule.")
    terms: tuple[str, ...] = Field((), description="Words or phrases (whole words); any one satisfies the rule.")
    fields: tuple[str, ...] = Field(
        (),
        description="Front-matter fields (canonical names, mapped by the `front-matter` config) that satisfy the rule.",
    )
    section: str | None = Field(None, description="Regex on headings: search only under matching sections.")
    ignore_case: bool = True
    suggestion: str | None = Field(None, description="What to add, shown with the violation.")

    @field_validator("patterns")
    @classmethod
    def _valid_regexes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            compile_regex(pattern)
        return value

    @field_validator("section")
    @classmethod
    def _valid_section(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)
        return value

    @model_validator(mode="after")
    def _something_to_find(self) -> RequireSpec:
        if not (self.patterns or self.terms or self.fields):
            raise ValueError("a require rule needs at least one of 'patterns', 'terms' or 'fields'")
        return self

    def compile(self) -> RequireCheck:
        flags = re.IGNORECASE if self.ignore_case else 0
        patterns = [compile_regex(p, flags) for p in self.patterns]
        terms = terms_pattern(list(self.terms), self.ignore_case)
        if terms is not None:
            patterns.append(terms)
        section = compile_regex(self.section, re.IGNORECASE) if self.section else None
        return RequireCheck(self.scopes, tuple(patterns), self.fields, section, self.suggestion)


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
