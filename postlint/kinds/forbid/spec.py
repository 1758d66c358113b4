"""`forbid`: terms or patterns that must not appear; per-term replacements become fixes."""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from postlint.kinds.forbid.build import ForbidBuild, StatementsBuild
from postlint.kinds.spec_base import Regex, RuleSpec, compile_regex


class Statements(StatementsBuild, BaseModel):
    """The posting's own statements, which wording rules do not search."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    patterns: tuple[Regex, ...] = Field(min_length=1, description="Regexes (case-insensitive) a statement matches.")
    keywords: tuple[str, ...] = Field(
        (), description="A speed hint: words one of which every statement contains (as for `keywords`)."
    )


class ForbidSpec(ForbidBuild, RuleSpec):
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
    statements: Statements | None = Field(
        None,
        description="How to recognise the posting's own statements (equal opportunity, inclusion, "
        "accommodation): a sentence matching one of the patterns is not searched, nor a section whose heading "
        "matches one.",
    )
    skip_quotes: bool = Field(
        False,
        description="Do not report matches inside quotation marks or block quotes (text the posting cites), nor in "
        "a section of notes on the posting appended to it (one that calls it 'the JD' and analyses its wording).",
    )
    suggestion: str | None = Field(None, description="Shown for a match that has no replacement of its own.")
    unescape: bool = Field(
        False,
        description="Fix a match that has no replacement of its own with the character it escapes, as HTML "
        "reads it ('&rsquo;' -> '’'); for patterns that match HTML entities.",
    )

    @model_validator(mode="after")
    def _something_to_find(self) -> ForbidSpec:
        if not (self.terms or self.replace or self.patterns or self.substitute):
            raise ValueError("a forbid rule needs at least one of 'terms', 'replace', 'patterns' or 'substitute'")
        from postlint.packs.regex_safety import shipped_pack

        if shipped_pack.get():  # the test suite checks the shipped templates, as it does their regexes
            return self
        for pattern, template in self.substitute.items():
            try:
                compile_regex(pattern).sub(template, "")  # parses the template: a bad group reference fails at load
            except (re.error, IndexError) as exc:
                raise ValueError(f"substitute {pattern!r}: bad replacement {template!r}: {exc}") from None
        return self

    def fix_safety(self) -> str:
        """What `postlint explain` says about the fixes: replacements, substitutions or entities."""
        if self.replace:
            return (
                f"Terms with one replacement get a {self.fix} fix (applied by `postlint fix`"
                f"{'' if self.fix == 'safe' else ' --unsafe-fixes'}); terms with several get suggestions."
            )
        if self.substitute or self.unescape:
            article, command = (
                ("A", "`postlint fix`") if self.fix == "safe" else ("An", "`postlint fix --unsafe-fixes`")
            )
            how = "rewrites each match as the rule's substitution" if self.substitute else "replaces each entity"
            return f"{article} {self.fix} fix {how} ({command})."
        return super().fix_safety()
