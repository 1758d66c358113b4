"""`title-form` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, Plain, RuleBuild, combine_regexes, compile_regex
from postlint.kinds.title_form.check import TitleFormCheck


class AcceptsInBuild(Plain):
    """Titles accepted in some languages (the fields are `AcceptsIn`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {"languages": REQUIRED, "patterns": REQUIRED}
    if TYPE_CHECKING:
        languages: tuple[str, ...]
        patterns: tuple[str, ...]


class TitleFormBuild(RuleBuild):
    """What a `title-form` rule compiles to (the fields are `TitleFormSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("title",)
    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "needs": None,
        "accepts": REQUIRED,
        "accepts_in": (),
        "suggestion": None,
        "append": None,
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "accepts_in": AcceptsInBuild}
    if TYPE_CHECKING:
        needs: str | None
        accepts: tuple[str, ...]
        accepts_in: tuple[AcceptsInBuild, ...]
        suggestion: str | None
        append: str | None

    def compile(self) -> TitleFormCheck:
        needs = compile_regex(self.needs, re.IGNORECASE) if self.needs else None
        accepts = combine_regexes(self.accepts, re.IGNORECASE)
        accepts_in = tuple(
            (frozenset(a.languages), combine_regexes(a.patterns, re.IGNORECASE)) for a in self.accepts_in
        )
        return TitleFormCheck(needs, accepts, self.suggestion, self.append, accepts_in)
