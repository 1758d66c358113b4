"""`gender-coded`: the balance of masculine- and feminine-coded words, reported when it leans strongly."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.forbid.spec import Statements
from postlint.kinds.gender_coded.build import GenderCodedBuild
from postlint.kinds.spec_base import RuleSpec


class GenderCodedSpec(GenderCodedBuild, RuleSpec):
    """Count the coded words of Gaucher, Friesen and Kay (2011); fire once when one side clearly outweighs the other."""

    kind: Literal["gender-coded"]
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"match", "lean", "other_lean", "count", "other", "words", "masculine", "feminine"}
    )

    min_words: int = Field(6, ge=1, description="The leaning side needs at least this many coded words.")
    ratio: float = Field(3.0, ge=1, description="... and at least this many times as many as the other side.")
    statements: Statements | None = Field(
        None, description="How to recognise the posting's own statements (as for `forbid`): they are not counted."
    )
