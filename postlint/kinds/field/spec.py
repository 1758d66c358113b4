"""`field`: a front-matter field (or a `Label: value` line) is required or must match."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.field.build import FieldBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class FieldSpec(FieldBuild, RuleSpec):
    """Check one field of the posting's metadata."""

    kind: Literal["field"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "field", "value"})

    field: str = Field(description="Canonical field name (mapped by the `front-matter` config).")
    required: bool = Field(True, description="Fire when the field is missing or empty.")
    pattern: Regex | None = Field(None, description="Regex the value (as text) must match when present.")
    labels: bool = Field(True, description="Also accept a `Label: value` line of a plain-text posting.")
