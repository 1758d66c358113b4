"""The `gender-coded` check: one finding per posting whose coded wording leans strongly one way."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from postlint.document import Document
from postlint.facts.gender_coded import FEMININE, MASCULINE, Coding, count_coded_words
from postlint.facts.page import commentary_spans, questionnaire_span
from postlint.facts.statements import StatementFinder
from postlint.kinds.check_base import Check, Context
from postlint.violation import Finding


@dataclass(frozen=True, slots=True)
class GenderCodedCheck(Check):
    counts_coded_words: ClassVar[bool] = True
    min_words: int
    ratio: float
    statements: StatementFinder | None = None

    def coding(self, doc: Document, ctx: Context | None = None) -> Coding:
        """The coded words this rule counts (also shown by `postlint inspect`): not those of the posting's own
        statements, nor of notes on the posting appended to it (`commentary_spans`), nor of an application
        questionnaire at its end (`questionnaire_span`)."""
        skipped: list[tuple[int, int]] = []
        if self.statements is not None:
            skipped = list(self.statements.spans(doc, ctx) if ctx is not None else self.statements.find(doc))
        skipped += commentary_spans(doc)
        questionnaire = questionnaire_span(doc)
        if questionnaire is not None:
            skipped.append(questionnaire)
        return count_coded_words(doc, skipped)

    def lean(self, coding: Coding) -> str | None:
        """The side the wording leans to strongly enough to report, or None."""
        masculine, feminine = len(coding.side(MASCULINE)), len(coding.side(FEMININE))
        for side, count, other in ((MASCULINE, masculine, feminine), (FEMININE, feminine, masculine)):
            if count >= self.min_words and count >= self.ratio * other:
                return side
        return None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        coding = self.coding(doc, ctx)
        side = self.lean(coding)
        if side is None:
            return
        other_side = FEMININE if side == MASCULINE else MASCULINE
        first = coding.side(side)[0]
        words = ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in coding.counts(side).items())
        values = {
            "match": first.word,
            "lean": side,
            "other_lean": other_side,
            "count": len(coding.side(side)),
            "other": len(coding.side(other_side)),
            "words": words,
            MASCULINE: len(coding.side(MASCULINE)),
            FEMININE: len(coding.side(FEMININE)),
        }
        yield Finding(first.start, first.end, values)
