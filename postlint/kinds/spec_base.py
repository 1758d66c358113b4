"""What every rule kind shares: the common spec fields and the check interface."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from postlint.kinds.build_base import (
    LawBuild,
    RuleBuild,
    ThresholdBuild,
    WhenBuild,
    _LazyPattern,
    combine_regexes,
    compile_regex,
)

__all__ = ["_LazyPattern", "combine_regexes", "compile_regex"]  # re-exported: kinds and plugins import them here

NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
JURISDICTION_ID = re.compile(r"^[A-Z]{2,3}(?:-[A-Z0-9]+)*$")
RULE_ID = re.compile(rf"^(?:{NAME}/)?{NAME}$")

Scope = Literal["text", "heading", "paragraph", "list_item", "table_cell", "code", "title", "raw"]


class ExampleLinkStatus(BaseModel):
    """What the online link checker would have found for one URL, for the examples of link-status rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: Literal["ok", "broken", "unverified", "blocked", "excluded"]
    status_code: int = 0
    detail: str = ""
    final_url: str = ""


class Example(BaseModel):
    """One example posting: text plus how to read it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    text: str
    format: Literal["markdown", "text", "html"] = "markdown"
    jurisdictions: tuple[str, ...] = ()
    encoding: str = Field("utf-8", description="Encode the text with this codec before reading it (to test decoding).")
    fixed: str | None = Field(None, description="For a fail example: the text after `postlint fix` with unsafe fixes.")
    link_status: dict[str, ExampleLinkStatus] | None = Field(
        None, description="URL -> what `--check-links` found: the example is linted as if the links had been checked."
    )
    as_of: dt.date | None = Field(
        None, description="Lint the example as on this day (`--as-of`): examples that depend on a law's dates pin them."
    )


ExampleInput = Annotated[str | Example, Field(union_mode="left_to_right")]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    passing: tuple[ExampleInput, ...] = Field((), alias="pass")
    failing: tuple[ExampleInput, ...] = Field((), alias="fail")


def _valid_regex(pattern: str) -> str:
    """A pack regex, compiled on its own so that an error names its line.

    Not for a pack postlint ships: its patterns are compiled, combined or with their flags,
    when a lint first uses them (`_LazyPattern`), so the lone compile would be wasted on every
    start without a cache. The test suite validates them as a user's (tests/test_packs.py).
    """
    from postlint.packs.regex_safety import shipped_pack

    if not shipped_pack.get():
        compile_regex(pattern)
    return pattern


# A pack regex, validated where it is written, so an error points at the pattern's own line.
Regex = Annotated[str, AfterValidator(_valid_regex)]


class When(WhenBuild, BaseModel):
    """Conditions under which a rule applies to a posting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    formats: tuple[Literal["markdown", "text", "html"], ...] = ()
    jurisdictions: tuple[str, ...] = Field(
        (), description="Applies when the posting is in one of these (US-CO also matches US)."
    )
    front_matter: dict[str, Regex] = Field({}, description="Front-matter key -> regex its value must match.")
    since: dt.date | None = Field(None, description="In force from this date.")
    until: dt.date | None = Field(None, description="In force until this date (exclusive).")
    text: Regex | None = Field(None, description="Applies only when the posting's text matches (case-insensitive).")
    unless: Regex | None = Field(None, description="Does not apply when the posting's text matches (case-insensitive).")
    languages: tuple[Annotated[str, Field(pattern=r"^[a-z]{2}$")], ...] = Field(
        (), description="Applies only to postings written in one of these languages (ISO 639-1: en, fr, de, es...)."
    )
    outside: tuple[str, ...] = Field(
        (),
        description="Does not apply in these jurisdictions (US also excludes US-CO): where another rule covers them.",
    )
    min_words: int | None = Field(
        None, ge=1, description="Applies only to postings with at least this many words of prose (not to snippets)."
    )
    employer: Literal["federal_contractor"] | None = Field(
        None,
        description="A fact of the config's `employer:` that decides whether the rule applies: true, it does "
        "(`text` is not needed); false, it does not; unset, `text` decides as usual.",
    )


class Threshold(ThresholdBuild, BaseModel):
    """The smallest employer a law binds, and where its employees are counted."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    employees: int = Field(ge=1, description="The law binds employers with at least this many employees.")
    counted: Literal["total", "in-jurisdiction"] = Field(
        "total", description="'total': employees anywhere; 'in-jurisdiction': only those in the law's jurisdiction."
    )


class LawSpec(LawBuild, BaseModel):
    """A law a rule encodes: where it applies, since when, and the citation a user can look up."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: str = Field(description="Jurisdiction id, e.g. US-CO, US-NY-NYC, CA-ON, EU-AT (prefix = parent).")
    name: str = Field(description="The law's short name, e.g. 'Colorado Equal Pay for Equal Work Act'.")
    citation: str = Field("", description="Statute or regulation, e.g. 'C.R.S. § 8-5-201'.")
    since: dt.date | None = Field(None, description="In force from this date.")
    until: dt.date | None = Field(None, description="In force until this date (exclusive).")
    url: str | None = Field(None, description="The statute or the regulator's guidance.")
    note: str = Field("", description="What a reader should know: scope, thresholds, uncertainty.")
    status: Literal["in-force", "enacted", "enforcement-delayed", "proposed", "watch"] = Field(
        "in-force",
        description="'proposed' and 'watch' never make a finding; the others apply from `since` (enacted: "
        "passed, in force from `since`; enforcement-delayed: in effect, penalties from `enforced`).",
    )
    enforced: dt.date | None = Field(None, description="When penalties start, if later than `since`.")
    threshold: Threshold | None = Field(None, description="The smallest employer the law binds.")
    sources: tuple[str, ...] = Field((), description="More URLs the data rests on, besides `url`.")
    confidence: Literal["high", "medium", "low"] = Field(
        "medium", description="How sure the data is: high (checked in the law or the regulator), low (unconfirmed)."
    )
    verified: dt.date | None = Field(None, description="The day the data was last checked against its sources.")
    severity: Literal["error", "warning", "info"] | None = Field(
        None, description="A lower severity where this law asks less than the rule (pay owed before interview)."
    )
    examples: Examples | None = Field(
        None, description="This law's own examples, run in its jurisdiction on the day it is enforced."
    )

    @field_validator("jurisdiction")
    @classmethod
    def _jurisdiction_shape(cls, value: str) -> str:
        if not JURISDICTION_ID.match(value):
            raise ValueError(f"jurisdiction {value!r} must be an id like 'US-CO', 'CA-ON' or 'EU-AT'")
        return value

    def params(self) -> dict[str, Any]:
        """The fields a kind adds to its laws (everything beyond the common ones)."""
        common = set(LawSpec.model_fields)
        return {k: v for k, v in self.model_dump().items() if k not in common}

    @model_validator(mode="after")
    def _dates_in_order(self) -> LawSpec:
        if self.enforced and self.since and self.enforced < self.since:
            raise ValueError("'enforced' is before 'since': penalties cannot start before the law is in effect")
        return self


class RuleSpec(RuleBuild, BaseModel):
    """The fields every rule has, whatever its kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Placeholders a kind's message may use besides {match}.
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})

    id: str = Field(description="`pack/rule-name` or just `rule-name` (the pack's name is prefixed).")
    kind: str
    severity: Literal["error", "warning", "info"] = "warning"
    message: str = Field(description="One line; may use {placeholders} such as {match}.")
    description: str = Field(description="Why the rule matters: the rationale shown by `postlint explain`.")
    references: tuple[str, ...] = Field((), description="The law, regulator or research the rule rests on (URLs).")
    aliases: tuple[str, ...] = Field((), description="Former ids of this rule, still accepted in config and comments.")
    when: When = When()
    laws: tuple[LawSpec, ...] = Field(
        (),
        description="Laws the rule encodes: it runs at `severity` where one is in force for the posting's "
        "jurisdictions, and at `elsewhere` (or not at all) where none is. Messages may use {laws}.",
    )
    elsewhere: Literal["error", "warning", "info"] | None = Field(
        None, description="Severity where none of `laws` applies (best practice); unset: the rule does not run there."
    )
    message_elsewhere: str | None = Field(None, description="The message where none of `laws` applies.")
    requires: str = Field(
        "", description="What the rule's laws ask of a posting, in a few words ('a pay range'), for `postlint laws`."
    )
    law_examples: Examples | None = Field(
        None,
        description="Examples run once per law, in the law's jurisdiction on the day it is enforced: each law "
        "gets a pass and a fail example without repeating them (a law's own `examples` replace these).",
    )
    scope: tuple[Scope, ...] | None = None
    examples: Examples = Examples()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(f"rule id {value!r} must be lower-case kebab case, like 'pack/rule-name'")
        return value

    @field_validator("message", "message_elsewhere")
    @classmethod
    def _message_placeholders(cls, message: str | None) -> str | None:
        if message is None:
            return None
        allowed = cls.placeholders | {"match", "laws"}
        try:
            fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(message) if name is not None]
        except ValueError as exc:
            raise ValueError(f"message is not a valid template: {exc}") from None
        names = {name for name, _ in fields}
        for name, spec in fields:
            # '{match:>99999999999}' would ask for a string of a hundred billion characters per finding.
            if spec and ("{" in spec or any(len(run) > 3 for run in re.findall(r"\d+", spec))):
                raise ValueError(
                    f"message placeholder {{{name}:{spec}}} has a width or precision over 999 or a nested field"
                )
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise ValueError(
                f"message uses unknown placeholder(s) {', '.join('{' + n + '}' for n in unknown)}; "
                f"this kind offers {', '.join('{' + n + '}' for n in sorted(allowed))}"
            )
        return message

    @model_validator(mode="after")
    def _laws_consistent(self) -> RuleSpec:
        if (self.elsewhere or self.message_elsewhere) and not self.laws:
            raise ValueError("'elsewhere' and 'message_elsewhere' need 'laws' (where the rule applies in full)")
        return self

    def fix_safety(self) -> str:
        """What `postlint explain` says about this rule's fixes; a kind whose rules fix something says how."""
        return "No automatic fix: the rule shows what to change."
