"""`input` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, RuleBuild
from postlint.kinds.input.check import InputCheck


class InputBuild(RuleBuild):
    """What an `input` rule compiles to (the fields are `InputSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "problem": REQUIRED}
    if TYPE_CHECKING:
        problem: Any

    def compile(self) -> InputCheck:
        return InputCheck(self.problem)
