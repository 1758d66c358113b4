"""`field` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, RuleBuild, compile_regex
from postlint.kinds.field.check import FieldCheck


class FieldBuild(RuleBuild):
    """What a `field` rule compiles to (the fields are `FieldSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "field": REQUIRED,
        "required": True,
        "pattern": None,
        "labels": True,
    }
    if TYPE_CHECKING:
        field: str
        required: bool
        pattern: str | None
        labels: bool

    def compile(self) -> FieldCheck:
        pattern = compile_regex(self.pattern) if self.pattern else None
        return FieldCheck(self.field, self.required, pattern, self.labels)
