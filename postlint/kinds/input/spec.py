"""`input`: problems with the file itself (not UTF-8, binary, too large, bad front matter).

The reader records these as Problems while it decodes and parses; this kind
turns them into violations so they obey selection, severity and suppression
like any other rule.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.input.build import InputBuild
from postlint.kinds.spec_base import RuleSpec

Problem = Literal[
    "not-utf8",
    "replacement-char",
    "binary-file",
    "file-too-large",
    "front-matter",
    "unreadable",
    "directive",
    "symlink",
    "special-file",
    "timeout",
    "not-a-posting",
]


class InputSpec(InputBuild, RuleSpec):
    """Report the reader's problems of one kind."""

    kind: Literal["input"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "detail"})

    problem: Problem = Field(description="Which reader problem this rule reports.")
