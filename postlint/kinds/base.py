"""What every rule kind shares: the common spec fields and the check interface."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, PROSE_KINDS, TABLE_CELL, Block, Document
from postlint.violation import Finding

NAME = r"[a-z0-9]+(?:-[a-z0-9]+)*"
RULE_ID = re.compile(rf"^(?:{NAME}/)?{NAME}$")

# Scopes a rule can search. `text` is every prose block; `raw` is every character of
# the file (front matter, code and URLs included); `title` is the posting's title.
Scope = Literal["text", "heading", "paragraph", "list_item", "table_cell", "code", "title", "raw"]
_BLOCK_SCOPES: dict[str, frozenset[str]] = {
    "text": PROSE_KINDS,
    "heading": frozenset({HEADING}),
    "paragraph": frozenset({PARAGRAPH}),
    "list_item": frozenset({LIST_ITEM}),
    "table_cell": frozenset({TABLE_CELL}),
    "code": frozenset({CODE}),
}


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the document: facts decided outside it."""

    jurisdictions: frozenset[str] = frozenset()
    today: dt.date | None = None
    front_matter_names: tuple[tuple[str, str], ...] = ()  # canonical name -> the posting's key

    def field_name(self, canonical: str) -> str:
        for name, key in self.front_matter_names:
            if name == canonical:
                return key
        return canonical


def iter_scope(doc: Document, scopes: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) pieces a rule searches, each text's offsets mapping to offset + i."""
    if "raw" in scopes:
        yield 0, doc.text
        return
    kinds: set[str] = set()
    for scope in scopes:
        kinds |= _BLOCK_SCOPES.get(scope, frozenset())
    if kinds:
        for block in doc.blocks:
            if block.kind in kinds:
                yield block.start, block.prose
    if "title" in scopes and doc.title is not None and doc.title_start >= 0:
        verbatim = doc.text[doc.title_start : doc.title_end] == doc.title
        searched = any(b.start <= doc.title_start < b.end for b in doc.blocks if b.kind in kinds)
        if verbatim and not searched:
            yield doc.title_start, doc.title


def scope_blocks(doc: Document, scopes: tuple[str, ...]) -> list[Block]:
    kinds: set[str] = set()
    for scope in scopes:
        kinds |= _BLOCK_SCOPES.get(scope, frozenset())
    return [b for b in doc.blocks if b.kind in kinds]


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


class When(BaseModel):
    """Conditions under which a rule applies to a posting."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    formats: tuple[Literal["markdown", "text", "html"], ...] = ()
    jurisdictions: tuple[str, ...] = Field(
        (), description="Applies when the posting is in one of these (US-CO also matches US)."
    )
    front_matter: dict[str, str] = Field({}, description="Front-matter key -> regex its value must match.")
    since: dt.date | None = Field(None, description="In force from this date.")
    until: dt.date | None = Field(None, description="In force until this date (exclusive).")

    @field_validator("front_matter")
    @classmethod
    def _regexes(cls, value: dict[str, str]) -> dict[str, str]:
        for pattern in value.values():
            compile_regex(pattern)
        return value

    def applies(self, doc: Document, ctx: Context) -> bool:
        if self.formats and doc.format not in self.formats:
            return False
        if self.jurisdictions and not any(
            j == want or j.startswith(want + "-") for j in ctx.jurisdictions for want in self.jurisdictions
        ):
            return False
        today = ctx.today or dt.date.today()
        if self.since and today < self.since:
            return False
        if self.until and today >= self.until:
            return False
        for key, pattern in self.front_matter.items():
            value = doc.meta(key)
            if value is None or not re.search(pattern, str(value)):
                return False
        return True


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pack regex, turning re.error into a message a pack author can act on."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc.msg} at position {exc.pos}") from None


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

    @model_validator(mode="after")
    def _message_placeholders(self) -> RuleSpec:
        allowed = self.placeholders | {"match"}
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(self.message) if name is not None}
        except ValueError as exc:
            raise ValueError(f"message is not a valid template: {exc}") from None
        unknown = sorted(n for n in names if n not in allowed)
        if unknown:
            raise ValueError(
                f"message uses unknown placeholder(s) {', '.join('{' + n + '}' for n in unknown)}; "
                f"this kind offers {', '.join('{' + n + '}' for n in sorted(allowed))}"
            )
        return self

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(self.scope) if self.scope else self.default_scope

    def compile(self) -> Check:
        """Build the check that runs this rule (validated, compiled once)."""
        raise NotImplementedError


class Check:
    """A compiled rule body: finds problems, knows nothing of ids or severities."""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


def fix_case(template: str, like: str) -> str:
    """Give a replacement the case of the text it replaces ("Salesman" -> "Salesperson")."""
    if like.isupper() and len(like) > 1:
        return template.upper()
    if like[:1].isupper() and not template[:1].isupper():
        return template[:1].upper() + template[1:]
    return template
