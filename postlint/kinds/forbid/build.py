"""`forbid` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from postlint.facts.statements import StatementFinder
from postlint.kinds.build_base import REQUIRED, Plain, RuleBuild, combine_regexes, compile_regex
from postlint.kinds.forbid.check import ForbidCheck, TermsMatcher
from postlint.prefilter import prefilters


class StatementsBuild(Plain):
    """The posting's own statements, which wording rules do not search (the fields are `Statements`')."""

    FIELDS: ClassVar[dict[str, Any]] = {"patterns": REQUIRED, "keywords": ()}
    if TYPE_CHECKING:
        patterns: tuple[str, ...]
        keywords: tuple[str, ...]

    def compile(self) -> StatementFinder:
        pattern = combine_regexes(self.patterns, re.IGNORECASE)
        return StatementFinder.of(pattern, tuple(k.lower() for k in self.keywords))


class ForbidBuild(RuleBuild):
    """What a `forbid` rule compiles to (the fields are `ForbidSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "terms": (),
        "replace": {},
        "patterns": (),
        "substitute": {},
        "exceptions": (),
        "ignore_case": True,
        "keywords": (),
        "fix": "safe",
        "statements": None,
        "skip_quotes": False,
        "suggestion": None,
        "unescape": False,
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "statements": StatementsBuild}
    if TYPE_CHECKING:
        terms: tuple[str, ...]
        replace: dict[str, str | list[str]]
        patterns: tuple[str, ...]
        substitute: dict[str, str]
        exceptions: tuple[str, ...]
        ignore_case: bool
        keywords: tuple[str, ...]
        fix: Literal["safe", "unsafe", "display"]
        statements: StatementsBuild | None
        skip_quotes: bool
        suggestion: str | None
        unescape: bool

    def compile(self) -> ForbidCheck:
        flags = re.IGNORECASE if self.ignore_case else 0
        replacements = {
            (k.strip().lower() if self.ignore_case else k.strip()): (
                k.strip(),
                tuple(v) if isinstance(v, list) else (v,),
            )
            for k, v in self.replace.items()
        }
        patterns: list[re.Pattern[str] | TermsMatcher] = []
        if self.patterns:
            patterns.append(combine_regexes(self.patterns, flags))
        terms = TermsMatcher.of([*self.terms, *self.replace], self.ignore_case)
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
            self.statements.compile() if self.statements else None,
            self.skip_quotes,
            self.suggestion,
            unescape=self.unescape,
            prefilters=prefilters(
                [p for p in patterns if not isinstance(p, TermsMatcher)] + [p for p, _ in substitutions]
            ),
        )
