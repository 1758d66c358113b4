"""`shouting` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import RuleBuild, compile_regex
from postlint.kinds.shouting.check import ShoutingCheck

# Function words in English, French, German and Spanish: a run of capitals that holds
# some of them is a sentence, and one that holds none is likely a list of acronyms.
PLAIN_WORDS = (
    "A", "AN", "THE", "AND", "OR", "BUT", "OF", "TO", "IN", "ON", "AT", "BY", "FOR", "WITH", "FROM", "AS",
    "IS", "ARE", "BE", "BEEN", "WAS", "WERE", "WILL", "CAN", "MAY", "MUST", "SHALL", "SHOULD", "WOULD", "NOT",
    "NO", "ALL", "ANY", "YOU", "YOUR", "WE", "OUR", "US", "IT", "ITS", "THIS", "THAT", "THESE", "THOSE",
    "THEY", "THEIR", "IF", "HAVE", "HAS", "DO", "DOES", "WHO", "WHAT", "WHEN", "HOW", "ONLY", "PLEASE",
    "LE", "LA", "LES", "DE", "DES", "DU", "ET", "EN", "UN", "UNE", "POUR", "AVEC", "VOUS", "NOUS",
    "DER", "DIE", "DAS", "UND", "MIT", "SIE", "WIR", "EL", "LOS", "LAS", "CON", "PARA", "Y",
)  # fmt: skip


class ShoutingBuild(RuleBuild):
    """What a `shouting` rule compiles to (the fields are `ShoutingSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("paragraph", "list_item", "table_cell")
    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "min_words": 6,
        "min_plain": 2,
        "plain_words": PLAIN_WORDS,
        "heading_words": 8,
        "exceptions": (),
    }
    if TYPE_CHECKING:
        min_words: int
        min_plain: int
        plain_words: tuple[str, ...]
        heading_words: int
        exceptions: tuple[str, ...]

    def compile(self) -> ShoutingCheck:
        words = frozenset(w.upper() for w in self.plain_words)
        exceptions = tuple(compile_regex(e) for e in self.exceptions)
        return ShoutingCheck(self.scopes, self.min_words, self.min_plain, words, self.heading_words, exceptions)
