"""`title-form`: the job title must take one of the accepted forms (a gender marker, an inclusive spelling)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from postlint.kinds.spec_base import Regex, RuleSpec
from postlint.kinds.title_form.build import AcceptsInBuild, TitleFormBuild


class AcceptsIn(AcceptsInBuild, BaseModel):
    """Title forms accepted only in postings written in some languages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: tuple[str, ...] = Field(min_length=1, description="ISO 639-1 codes of the posting's language.")
    patterns: tuple[Regex, ...] = Field(min_length=1, description="Regexes (case-insensitive) of accepted titles.")


class TitleFormSpec(TitleFormBuild, RuleSpec):
    """Fire when the posting's title (front matter, first heading or `Title:` line) needs a form it lacks.

    A posting without a title is left to `quality/title`.
    """

    kind: Literal["title-form"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "title"})

    needs: Regex | None = Field(
        None, description="Regex (case-insensitive): only a title matching it needs an accepted form (unset: all)."
    )
    accepts: tuple[Regex, ...] = Field(
        min_length=1, description="Regexes (case-insensitive; `(?-i:...)` for case): a title matching one is fine."
    )
    accepts_in: tuple[AcceptsIn, ...] = Field(
        (),
        description="Forms accepted only in postings in some languages: an English job title is gender-neutral in "
        "an Italian posting, while German postings mark even English titles '(m/w/d)'.",
    )
    suggestion: str | None = Field(None, description="What to write instead; may use {title}.")
    append: str | None = Field(
        None, description="Text whose addition after the title fixes it, e.g. ' (m/w/d)': an unsafe fix."
    )
