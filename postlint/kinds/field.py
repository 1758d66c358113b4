"""`field`: a front-matter field (or a `Label: value` line) is required or must match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator

from postlint.document import Document
from postlint.kinds.base import Check, Context, RuleSpec, compile_regex
from postlint.violation import Finding


class FieldSpec(RuleSpec):
    """Check one field of the posting's metadata."""

    kind: Literal["field"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "field", "value"})
    default_scope: ClassVar[tuple[str, ...]] = ("raw",)

    field: str = Field(description="Canonical field name (mapped by the `front-matter` config).")
    required: bool = Field(True, description="Fire when the field is missing or empty.")
    pattern: str | None = Field(None, description="Regex the value (as text) must match when present.")
    labels: bool = Field(True, description="Also accept a `Label: value` line of a plain-text posting.")

    @field_validator("pattern")
    @classmethod
    def _valid_regex(cls, value: str | None) -> str | None:
        if value is not None:
            compile_regex(value)
        return value

    def compile(self) -> FieldCheck:
        pattern = compile_regex(self.pattern) if self.pattern else None
        return FieldCheck(self.field, self.required, pattern, self.labels)


def _label_key(name: str) -> str:
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


@dataclass(frozen=True, slots=True)
class FieldCheck(Check):
    field: str
    required: bool
    pattern: re.Pattern[str] | None
    labels: bool

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        key = ctx.field_name(self.field)
        value: Any = doc.meta(key)
        start = end = 0
        if doc.front_matter is not None and key in doc.front_matter.key_offsets:
            start = doc.front_matter.key_offsets[key]
            end = start + len(key)
        if value is None and self.labels:
            wanted = _label_key(key)
            for item in doc.fields:
                if _label_key(item.name) == wanted:
                    value, start, end = item.value, item.start, item.end
                    break
        values = {"field": key, "value": "" if value is None else str(value), "match": ""}
        if value in (None, "", [], {}):
            if self.required:
                yield Finding(start, end, values)
            return
        if self.pattern is not None and not self.pattern.search(str(value)):
            yield Finding(start, end, values)
