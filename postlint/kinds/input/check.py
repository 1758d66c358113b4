"""The `input` check: report the reader's problems of one kind as violations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from postlint.document import Document
from postlint.kinds.check_base import Check, Context
from postlint.violation import Edit, Finding, Fix


@dataclass(frozen=True, slots=True)
class InputCheck(Check):
    """Report the reader's and the run's problems of one kind (`problem`), on every file, read or not."""

    lints_unread_documents: ClassVar[bool] = True
    problem: str

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for problem in (*doc.problems, *ctx.run_problems):
            if problem.code != self.problem:
                continue
            fix = None
            if problem.replacement is not None:
                edit = Edit(0, len(doc.text), problem.replacement)
                fix = Fix("unsafe", "Re-encode the whole file as UTF-8 from its legacy encoding", (edit,))
            yield Finding(problem.start, problem.end, {"match": "", "detail": problem.message}, fix=fix)
