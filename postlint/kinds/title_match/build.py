"""`title-match` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import RuleBuild
from postlint.kinds.title_match.check import TitleMatchCheck


class TitleMatchBuild(RuleBuild):
    """What a `title-match` rule compiles to (the fields are `TitleMatchSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "field": "title", "overlap": 0.5}
    FLOATS: ClassVar[frozenset[str]] = frozenset({"overlap"})
    if TYPE_CHECKING:
        field: str
        overlap: float

    def compile(self) -> TitleMatchCheck:
        return TitleMatchCheck(self.field, self.overlap)
