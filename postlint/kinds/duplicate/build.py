"""`duplicate` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import RuleBuild
from postlint.kinds.duplicate.check import DuplicateCheck


class DuplicateBuild(RuleBuild):
    """What a `duplicate` rule compiles to (the fields are `DuplicateSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "of": ("headings", "paragraphs"), "min_words": 8}
    if TYPE_CHECKING:
        of: tuple[str, ...]
        min_words: int

    def compile(self) -> DuplicateCheck:
        return DuplicateCheck(tuple(self.of), self.min_words)
