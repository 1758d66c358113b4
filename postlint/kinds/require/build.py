"""`require` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, Plain, RuleBuild, combine_regexes, compile_regex
from postlint.kinds.forbid.check import terms_pattern
from postlint.kinds.require.check import Partly, RequireCheck
from postlint.prefilter import prefilters
from postlint.violation import Severity


class PartlyBuild(Plain):
    """Wording that meets a requirement only in part (the fields are `PartlySpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {"severity": "warning", "message": REQUIRED, "patterns": REQUIRED}
    if TYPE_CHECKING:
        severity: str
        message: str
        patterns: tuple[str, ...]


class RequireBuild(RuleBuild):
    """What a `require` rule compiles to (the fields are `RequireSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "patterns": (),
        "heading_patterns": (),
        "item_patterns": (),
        "min_items": 2,
        "terms": (),
        "fields": (),
        "matching_fields": (),
        "facts": (),
        "section": None,
        "distinct": 1,
        "partly": None,
        "ignore_case": True,
        "keywords": (),
        "suggestion": None,
        "suggestions": {},
        "insert_at": None,
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "partly": PartlyBuild}
    if TYPE_CHECKING:
        patterns: tuple[str, ...]
        heading_patterns: tuple[str, ...]
        item_patterns: tuple[str, ...]
        min_items: int
        terms: tuple[str, ...]
        fields: tuple[str, ...]
        matching_fields: tuple[str, ...]
        facts: tuple[str, ...]
        section: str | None
        distinct: int
        partly: PartlyBuild | None
        ignore_case: bool
        keywords: tuple[str, ...]
        suggestion: str | None
        suggestions: dict[str, str]
        insert_at: str | None

    def compile(self) -> RequireCheck:
        flags = re.IGNORECASE if self.ignore_case else 0
        patterns = [combine_regexes(self.patterns, flags)] if self.patterns else []
        terms = terms_pattern(list(self.terms), self.ignore_case)
        if terms is not None:
            patterns.append(terms)
        section = compile_regex(self.section, re.IGNORECASE) if self.section else None
        headings = combine_regexes(self.heading_patterns, flags) if self.heading_patterns else None
        items = combine_regexes(self.item_patterns, flags) if self.item_patterns else None
        return RequireCheck(
            self.scopes,
            tuple(patterns),
            self.fields,
            section,
            self.suggestion,
            tuple(self.suggestions.items()),
            self.insert_at,
            tuple(k.lower() for k in self.keywords),
            self.facts,
            prefilters(patterns),
            self.distinct,
            self._partly(flags),
            self.matching_fields,
            headings,
            items,
            self.min_items,
        )

    def _partly(self, flags: int) -> Partly | None:
        if self.partly is None:
            return None
        patterns = tuple(compile_regex(p, flags) for p in self.partly.patterns)
        return Partly(Severity.parse(self.partly.severity), self.partly.message, patterns)
