"""`mojibake`: text decoded with the wrong codec (UTF-8 read as Windows-1252, Mac Roman...), with its repair."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.mojibake.build import MojibakeBuild
from postlint.kinds.spec_base import RuleSpec


class MojibakeSpec(MojibakeBuild, RuleSpec):
    """Find garbled runs; lossless ones get a safe fix, lossy guesses an unsafe one."""

    kind: Literal["mojibake"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "replacement", "encoding", "source"})

    lossy: bool = Field(True, description="Also report lossy Windows-1252 forms (bytes dropped), as unsafe fixes.")

    def fix_safety(self) -> str:
        """What `postlint explain` says about the fixes."""
        text = (
            "A lossless repair is a safe fix (applied by `postlint fix`): the intended characters, exactly. "
            "A run that two codecs read differently, with nothing else in the posting to tell which, gets an "
            "unsafe fix (`postlint fix --unsafe-fixes`)."
        )
        if self.lossy:
            text += " So do forms whose bytes were lost on the way ('officeâs', 'Â '), since their repair is a guess."
        return text
