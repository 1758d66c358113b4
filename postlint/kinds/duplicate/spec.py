"""`duplicate`: the same heading or the same paragraph twice (a copy-paste slip)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.duplicate.build import DuplicateBuild
from postlint.kinds.spec_base import RuleSpec


class DuplicateSpec(DuplicateBuild, RuleSpec):
    """Report a heading or paragraph whose text (ignoring case, spacing and end punctuation) came before."""

    kind: Literal["duplicate"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "what", "line", "again", "copies"})

    of: tuple[Literal["headings", "paragraphs"], ...] = Field(
        ("headings", "paragraphs"), min_length=1, description="What to compare: headings, paragraphs or both."
    )
    min_words: int = Field(
        8, ge=1, description="Paragraphs shorter than this are not compared ('Apply now' may well appear twice)."
    )
