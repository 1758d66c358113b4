"""`mojibake`: UTF-8 text mis-decoded as Windows-1252, Latin-1 or Mac Roman, with its repair."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.checks.mojibake import MojibakeCheck
from postlint.kinds.base import RuleSpec


class MojibakeSpec(RuleSpec):
    """Find garbled runs; lossless ones get a safe fix, lossy guesses an unsafe one."""

    kind: Literal["mojibake"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "replacement", "encoding"})
    default_scope: ClassVar[tuple[str, ...]] = ("raw",)

    lossy: bool = Field(True, description="Also report lossy Windows-1252 forms (bytes dropped), as unsafe fixes.")

    def compile(self) -> MojibakeCheck:
        return MojibakeCheck(self.lossy)
