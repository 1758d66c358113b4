"""The `metric` check: thresholds on counts over the posting or over each block."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from postlint import textstats
from postlint.checks.base import Check, Context, scope_blocks
from postlint.document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from postlint.violation import Finding


def _measure(metric: str, blocks: list[Block], doc: Document) -> float:
    text = "\n\n".join(b.prose for b in blocks)
    measures: dict[str, Callable[[], float]] = {
        "words": lambda: len(textstats.words(text)),
        "characters": lambda: len("".join(text.split())),
        "sentences": lambda: textstats.sentence_count(text),
        "paragraphs": lambda: sum(1 for b in blocks if b.kind == PARAGRAPH),
        "list_items": lambda: sum(1 for b in blocks if b.kind == LIST_ITEM),
        "headings": lambda: sum(1 for b in blocks if b.kind == HEADING),
        "links": lambda: len(doc.links),
        "reading_grade": lambda: round(textstats.reading_grade(text), 1),
        "words_per_sentence": lambda: round(len(textstats.words(text)) / max(1, textstats.sentence_count(text)), 1),
    }
    return measures[metric]()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True, slots=True)
class MetricCheck(Check):
    scopes: tuple[str, ...]
    metric: str
    min: float | None
    max: float | None
    per: str

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        blocks = scope_blocks(doc, self.scopes)
        if self.per == "block":
            for block in blocks:
                yield from self._judge(_measure(self.metric, [block], doc), block.start, block.end)
            return
        if not blocks:
            where = len(doc.text.rstrip())
            yield from self._judge(_measure(self.metric, [], doc), where, where)
            return
        too_small_at = len(doc.text.rstrip())
        yield from self._judge(_measure(self.metric, blocks, doc), blocks[0].start, blocks[0].end, too_small_at)

    def _judge(self, value: float, start: int, end: int, too_small_at: int | None = None) -> Iterator[Finding]:
        values = {
            "metric": self.metric.replace("_", " "),
            "value": _number(value),
            "min": "" if self.min is None else _number(self.min),
            "max": "" if self.max is None else _number(self.max),
            "match": "",
        }
        if self.min is not None and value < self.min:
            at = start if too_small_at is None else too_small_at
            yield Finding(at, at if too_small_at is not None else end, {**values, "limit": values["min"]})
        elif self.max is not None and value > self.max:
            yield Finding(start, end, {**values, "limit": values["max"]})
