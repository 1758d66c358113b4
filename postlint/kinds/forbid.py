"""`forbid`: terms or patterns that must not appear; per-term replacements become fixes."""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from postlint.checks.forbid import ForbidCheck, terms_pattern
from postlint.kinds.base import Regex, RuleSpec, combine_regexes, compile_regex


class ForbidSpec(RuleSpec):
    """Flag words, phrases or patterns; a term with one replacement gets a fix."""

    kind: Literal["forbid"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "replacement"})

    terms: tuple[str, ...] = Field((), description="Words or phrases matched as whole words.")
    replace: dict[str, str | list[str]] = Field(
        {}, description="Term -> replacement (a fix) or list of replacements (suggestions)."
    )
    patterns: tuple[Regex, ...] = Field((), description="Regular expressions (Python syntax).")
    substitute: dict[Regex, str] = Field(
        {}, description="Regex -> replacement template (\\1 or \\g<name> for groups; '' removes the match): a fix."
    )
    exceptions: tuple[Regex, ...] = Field((), description="Regexes: a match overlapping one of these is not reported.")
    ignore_case: bool = True
    keywords: tuple[str, ...] = Field(
        (),
        description="A speed hint for costly patterns: words (any case) one of which every match contains; blocks "
        "with none of them are not searched. The rule's examples show whether the list is complete.",
    )
    fix: Literal["safe", "unsafe", "display"] = Field("safe", description="Applicability of single-replacement fixes.")

    @model_validator(mode="after")
    def _something_to_find(self) -> ForbidSpec:
        if not (self.terms or self.replace or self.patterns or self.substitute):
            raise ValueError("a forbid rule needs at least one of 'terms', 'replace', 'patterns' or 'substitute'")
        for pattern, template in self.substitute.items():
            try:
                compile_regex(pattern).sub(template, "")  # parses the template: a bad group reference fails at load
            except (re.error, IndexError) as exc:
                raise ValueError(f"substitute {pattern!r}: bad replacement {template!r}: {exc}") from None
        return self

    def compile(self) -> ForbidCheck:
        flags = re.IGNORECASE if self.ignore_case else 0
        replacements = {
            (k.strip().lower() if self.ignore_case else k.strip()): (
                k.strip(),
                tuple(v) if isinstance(v, list) else (v,),
            )
            for k, v in self.replace.items()
        }
        patterns = [combine_regexes(self.patterns, flags)] if self.patterns else []
        terms = terms_pattern([*self.terms, *self.replace], self.ignore_case)
        if terms is not None:
            patterns.insert(0, terms)
        exceptions = [compile_regex(p, flags) for p in self.exceptions]
        substitutions = tuple((compile_regex(p, flags), t) for p, t in self.substitute.items())
        return ForbidCheck(
            self.scopes,
            tuple(patterns),
            tuple(exceptions),
            replacements,
            self.ignore_case,
            self.fix,
            substitutions,
            tuple(k.lower() for k in self.keywords),
        )
