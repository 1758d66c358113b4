"""`gender-coded` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import Plain, RuleBuild
from postlint.kinds.forbid.build import StatementsBuild
from postlint.kinds.gender_coded.check import GenderCodedCheck


class GenderCodedBuild(RuleBuild):
    """What a `gender-coded` rule compiles to (the fields are `GenderCodedSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "min_words": 6, "ratio": 3.0, "statements": None}
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "statements": StatementsBuild}
    FLOATS: ClassVar[frozenset[str]] = frozenset({"ratio"})
    if TYPE_CHECKING:
        min_words: int
        ratio: float
        statements: StatementsBuild | None

    def compile(self) -> GenderCodedCheck:
        return GenderCodedCheck(self.min_words, self.ratio, self.statements.compile() if self.statements else None)
