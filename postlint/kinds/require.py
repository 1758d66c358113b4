"""`require`: at least one of several patterns must appear, optionally within a section."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from postlint.checks.forbid import terms_pattern
from postlint.checks.require import RequireCheck
from postlint.kinds.base import Regex, RuleSpec, combine_regexes, compile_regex


class RequireSpec(RuleSpec):
    """Fire once when none of the patterns appears in the scope (or the named section)."""

    kind: Literal["require"]

    patterns: tuple[Regex, ...] = Field((), description="Regexes; any one match satisfies the rule.")
    terms: tuple[str, ...] = Field((), description="Words or phrases (whole words); any one satisfies the rule.")
    fields: tuple[str, ...] = Field(
        (),
        description="Front-matter fields (canonical names, mapped by the `front-matter` config) that satisfy the rule.",
    )
    section: Regex | None = Field(None, description="Regex on headings: search only under matching sections.")
    ignore_case: bool = True
    suggestion: str | None = Field(None, description="What to add, shown with the violation.")

    @model_validator(mode="after")
    def _something_to_find(self) -> RequireSpec:
        if not (self.patterns or self.terms or self.fields):
            raise ValueError("a require rule needs at least one of 'patterns', 'terms' or 'fields'")
        return self

    def compile(self) -> RequireCheck:
        flags = re.IGNORECASE if self.ignore_case else 0
        patterns = [combine_regexes(self.patterns, flags)] if self.patterns else []
        terms = terms_pattern(list(self.terms), self.ignore_case)
        if terms is not None:
            patterns.append(terms)
        section = compile_regex(self.section, re.IGNORECASE) if self.section else None
        return RequireCheck(self.scopes, tuple(patterns), self.fields, section, self.suggestion)
