"""What every rule kind shares: the common spec fields and the check interface."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from postlint.checks.base import Check, Condition

NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
RULE_ID = re.compile(rf"^(?:{NAME}/)?{NAME}$")

Scope = Literal["text", "heading", "paragraph", "list_item", "table_cell", "code", "title", "raw"]


class Example(BaseModel):
    """One example posting: text plus how to read it."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    text: str
    format: Literal["markdown", "text", "html"] = "markdown"
    jurisdictions: tuple[str, ...] = ()
    encoding: str = Field("utf-8", description="Encode the text with this codec before reading it (to test decoding).")
    fixed: str | None = Field(None, description="For a fail example: the text after `postlint fix` with unsafe fixes.")


ExampleInput = Annotated[str | Example, Field(union_mode="left_to_right")]


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    passing: tuple[ExampleInput, ...] = Field((), alias="pass")
    failing: tuple[ExampleInput, ...] = Field((), alias="fail")


def _valid_regex(pattern: str) -> str:
    compile_regex(pattern)
    return pattern


# A pack regex, validated where it is written, so an error points at the pattern's own line.
Regex = Annotated[str, AfterValidator(_valid_regex)]


class When(BaseModel):
    """Conditions under which a rule applies to a posting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    formats: tuple[Literal["markdown", "text", "html"], ...] = ()
    jurisdictions: tuple[str, ...] = Field(
        (), description="Applies when the posting is in one of these (US-CO also matches US)."
    )
    front_matter: dict[str, Regex] = Field({}, description="Front-matter key -> regex its value must match.")
    since: dt.date | None = Field(None, description="In force from this date.")
    until: dt.date | None = Field(None, description="In force until this date (exclusive).")

    def to_condition(self) -> Condition:
        return Condition(
            tuple(self.formats),
            tuple(self.jurisdictions),
            tuple((key, re.compile(pattern)) for key, pattern in self.front_matter.items()),
            self.since,
            self.until,
        )


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pack regex, turning re.error into a message a pack author can act on."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc.msg} at position {exc.pos}") from None


def combine_regexes(patterns: tuple[str, ...] | list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex for several, so a text is scanned once per rule, not once per pattern.

    Each pattern was validated on its own; a set that cannot share one regex (a
    global flag such as `(?i)` inside, or a group name used twice) is a pack error.
    """
    if len(patterns) == 1:
        return compile_regex(patterns[0], flags)
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    except re.error:
        raise ValueError(
            "these patterns cannot be combined into one regex (a global flag such as '(?i)' or a repeated "
            "group name?); use 'ignore_case' instead of global flags and distinct group names"
        ) from None


class RuleSpec(BaseModel):
    """The fields every rule has, whatever its kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Placeholders a kind's message may use besides {match}.
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    default_scope: ClassVar[tuple[str, ...]] = ("text",)

    id: str = Field(description="`pack/rule-name` or just `rule-name` (the pack's name is prefixed).")
    kind: str
    severity: Literal["error", "warning", "info"] = "warning"
    message: str = Field(description="One line; may use {placeholders} such as {match}.")
    description: str = Field(description="Why the rule matters: the rationale shown by `postlint explain`.")
    references: tuple[str, ...] = Field((), description="The law, regulator or research the rule rests on (URLs).")
    aliases: tuple[str, ...] = Field((), description="Former ids of this rule, still accepted in config and comments.")
    when: When = When()
    scope: tuple[Scope, ...] | None = None
    examples: Examples = Examples()

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError(f"rule id {value!r} must be lower-case kebab case, like 'pack/rule-name'")
        return value

    @field_validator("message")
    @classmethod
    def _message_placeholders(cls, message: str) -> str:
        allowed = cls.placeholders | {"match"}
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
        except ValueError as exc:
            raise ValueError(f"message is not a valid template: {exc}") from None
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise ValueError(
                f"message uses unknown placeholder(s) {', '.join('{' + n + '}' for n in unknown)}; "
                f"this kind offers {', '.join('{' + n + '}' for n in sorted(allowed))}"
            )
        return message

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(self.scope) if self.scope else self.default_scope

    def compile(self) -> Check:
        """Build the check that runs this rule (validated, compiled once)."""
        raise NotImplementedError
