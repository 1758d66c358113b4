"""`title-match`: the front matter's title and the first heading must name the same job."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.spec_base import RuleSpec
from postlint.kinds.title_match.build import TitleMatchBuild


class TitleMatchSpec(TitleMatchBuild, RuleSpec):
    """Report a top-level heading that names a different job than the front matter's title.

    Titles agree when one contains the other (case, punctuation and gender markers aside)
    or when at least `overlap` of the shorter one's words are in the other.
    """

    kind: Literal["title-match"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "title", "line"})

    field: str = Field("title", description="The front-matter field holding the title.")
    overlap: float = Field(0.5, gt=0, le=1, description="Share of the shorter title's words that makes two agree.")
