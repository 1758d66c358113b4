"""`shouting`: runs of words in capitals, not lists of acronyms."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.shouting.build import PLAIN_WORDS, ShoutingBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class ShoutingSpec(ShoutingBuild, RuleSpec):
    """Report runs of words in capitals that read as a sentence ("APPLY TODAY AND JOIN US").

    Linear in the length of the text. A run is reported when it has at least
    `min_words` words in capitals on one line, at least `min_plain` of them ordinary
    words (a function word from `plain_words`, or seven letters or more), and is not a
    bare list whose every gap is a comma, semicolon or slash.
    """

    kind: Literal["shouting"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})

    min_words: int = Field(6, ge=2, description="Words in capitals in a row before a run is reported.")
    min_plain: int = Field(
        2, ge=0, description="Of those, how many must be ordinary words (not acronyms) for the run to be reported."
    )
    plain_words: tuple[str, ...] = Field(PLAIN_WORDS, description="Function words, in capitals, that mark a sentence.")
    heading_words: int = Field(
        8,
        ge=0,
        description="A whole line of capitals with at most this many words and no verb is a heading, not shouting.",
    )
    exceptions: tuple[Regex, ...] = Field(
        (), description="Regexes (case-sensitive): runs of capitals on a line where one matches are not reported."
    )
