"""`require`: at least one of several patterns must appear, optionally within a section."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from postlint.kinds.require.build import PartlyBuild, RequireBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class PartlySpec(PartlyBuild, BaseModel):
    """Wording that meets a requirement only in part, reported at a lower severity with its own message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    severity: Literal["warning", "info"] = Field(
        "warning", description="The severity of a partly met requirement (never above the rule's own)."
    )
    message: str = Field(description="The message, with `{match}` (the partial wording) and `{laws}`.")
    patterns: tuple[Regex, ...] = Field(
        description="Wording that meets the requirement in part, e.g. the benefits only behind a link.",
        min_length=1,
    )


class RequireSpec(RequireBuild, RuleSpec):
    """Fire once when none of the patterns appears in the scope (or the named section)."""

    kind: Literal["require"]

    patterns: tuple[Regex, ...] = Field((), description="Regexes; any one match satisfies the rule.")
    heading_patterns: tuple[Regex, ...] = Field(
        (),
        description="Regexes for headings, matched (not searched for) where a heading's words can begin: the first "
        "letter of a block, and the first letter of each later line of it that is short (up to 60 characters) and "
        "not a sentence (no '.', ';', '!' or '?'). Numbering, bullets and punctuation before it are skipped, so a "
        "pattern starts with the heading's first word; any one match satisfies the rule.",
    )
    item_patterns: tuple[Regex, ...] = Field(
        (),
        description="Regexes for the lines of a list, matched (not searched for) where each line's words begin: "
        "the first letter of every line of a block, after any bullet, numbering or punctuation. The rule is "
        "met when `min_items` lines match (duties listed without a heading: '- Design the data models', "
        "'Formulates and leads analyses'). Tried only when nothing else satisfies the rule.",
    )
    min_items: int = Field(2, ge=1, description="How many lines `item_patterns` must match to satisfy the rule.")
    terms: tuple[str, ...] = Field((), description="Words or phrases (whole words); any one satisfies the rule.")
    fields: tuple[str, ...] = Field(
        (),
        description="Front-matter fields (canonical names, mapped by the `front-matter` config) that satisfy the rule.",
    )
    matching_fields: tuple[str, ...] = Field(
        (),
        description="Front-matter fields that satisfy the rule only when their value matches one of its `patterns` "
        "or `terms`: a field whose name means different things in different sites (`type: Full Time` on a job "
        "board, `type: section` in a site generator).",
    )
    facts: tuple[Literal["places", "pay", "deadline"], ...] = Field(
        (),
        description="Facts postlint reads that satisfy the rule: `places` (a location the gazetteer knows), "
        "`pay` (a pay amount), `deadline` (a `validThrough` in the page's JobPosting markup).",
    )
    section: Regex | None = Field(None, description="Regex on headings: search only under matching sections.")
    distinct: int = Field(
        1,
        ge=1,
        description="How many different forms must appear (the patterns' named groups, else the matched words): "
        "2 asks for a description ('medical insurance and paid time off'), not a word ('great benefits').",
    )
    partly: PartlySpec | None = Field(
        None,
        description="A requirement met in part (one of its `patterns`) is reported at its `severity` with its "
        "`message`, at the partial wording, instead of as missing.",
    )
    ignore_case: bool = True
    keywords: tuple[str, ...] = Field(
        (),
        description="A speed hint for costly patterns: words (any case) one of which every match contains; blocks "
        "with none of them are not searched. The rule's examples show whether the list is complete.",
    )
    suggestion: str | None = Field(None, description="What to add, shown with the violation.")
    suggestions: dict[str, str] = Field(
        {},
        description="Jurisdiction id -> the suggestion for postings there (the most specific match wins over "
        "`suggestion`), e.g. wording for the UK or Canada. The key `*` is for a posting in a country that has "
        "no entry of its own, with `{country}` in its text replaced by the country's name, and for a posting in "
        "several countries that no one entry serves (`{country}`: 'Canada or the United States').",
    )
    insert_at: Literal["end", "after-location", "after-pay"] | None = Field(
        None,
        description="Offer the suggestion as an unsafe fix, added after the posting's first location or pay line "
        "(or at the end when it has none).",
    )

    @model_validator(mode="after")
    def _something_to_find(self) -> RequireSpec:
        wordings = (self.patterns, self.heading_patterns, self.item_patterns, self.terms)
        if not (any(wordings) or self.fields or self.facts):
            raise ValueError(
                "a require rule needs at least one of 'patterns', 'heading_patterns', 'item_patterns', 'terms', "
                "'fields' or 'facts'"
            )
        if self.insert_at and not (self.suggestion or self.suggestions):
            raise ValueError("'insert_at' needs a 'suggestion' to insert")
        return self

    def fix_safety(self) -> str:
        """What `postlint explain` says about the fix: the suggestion added where `insert_at` says, or none."""
        if not self.insert_at:
            return super().fix_safety()
        where = "at the end" if self.insert_at == "end" else self.insert_at.replace("-", " the ") + " line"
        return (
            "An unsafe fix adds the suggestion (worded for the posting's country where the rule has one) "
            f"{where}; review it before publishing (`postlint fix --unsafe-fixes`)."
        )
