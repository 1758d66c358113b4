"""`mojibake` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import RuleBuild
from postlint.kinds.mojibake.check import MojibakeCheck


class MojibakeBuild(RuleBuild):
    """What a `mojibake` rule compiles to (the fields are `MojibakeSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "lossy": True}
    if TYPE_CHECKING:
        lossy: bool

    def compile(self) -> MojibakeCheck:
        return MojibakeCheck(self.lossy)
