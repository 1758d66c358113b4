"""The `metric` check: thresholds on counts over the posting or over each block."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from postlint import textstats
from postlint.document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document, Section
from postlint.kinds.check_base import Check, Context, scope_blocks
from postlint.violation import Finding


def _measure(metric: str, blocks: list[Block], doc: Document, memo: dict[Any, Any]) -> float:
    """A metric over blocks, kept in the lint's memo: `too-short` and `too-long` count the same words."""
    key = ("metric", metric, tuple(b.start for b in blocks))
    value: float | None = memo.get(key)
    if value is None:
        value = memo[key] = _compute(metric, blocks, doc, memo)
    return value


def _compute(metric: str, blocks: list[Block], doc: Document, memo: dict[Any, Any]) -> float:
    # Word and sentence counts are summed over the blocks' memoized counts (see `textstats.counts`).
    measures: dict[str, Callable[[], float]] = {
        "words": lambda: _words(blocks, memo),
        "reading_words": lambda: _reading_words(blocks, memo),
        "characters": lambda: len("".join("\n\n".join(b.prose for b in blocks).split())),
        "sentences": lambda: _sentences(blocks, memo),
        "paragraphs": lambda: sum(1 for b in blocks if b.kind == PARAGRAPH),
        "list_items": lambda: sum(1 for b in blocks if b.kind == LIST_ITEM),
        "longest_list": lambda: _longest_list(blocks, doc, memo),
        "headings": lambda: sum(1 for b in blocks if b.kind == HEADING),
        "links": lambda: len(doc.links),
        "reading_grade": lambda: round(textstats.grade(_tokens(blocks, memo), _sentences(blocks, memo)), 1),
        "words_per_sentence": lambda: round(_words(blocks, memo) / max(1, _sentences(blocks, memo)), 1),
    }
    return measures[metric]()


def _words(blocks: list[Block], memo: dict[Any, Any]) -> int:
    return sum(textstats.counts(b.prose, memo).words for b in blocks)


# Chinese and Japanese are written without spaces: `textstats` counts each character as a word, but a
# Chinese word averages about one and a half characters, so a measure of how much there is to read counts
# the characters at that rate.
_CJK_CHARACTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_CHARACTERS_PER_WORD = 1.5


def _reading_words(blocks: list[Block], memo: dict[Any, Any]) -> int:
    """Words as a reader meets them: `words`, with Chinese and Japanese characters counted at
    `CJK_CHARACTERS_PER_WORD` a word rather than one each."""
    words = 0.0
    for b in blocks:
        n = textstats.counts(b.prose, memo).words
        cjk = 0 if b.prose.isascii() else len(_CJK_CHARACTER.findall(b.prose))
        words += n - cjk + cjk / CJK_CHARACTERS_PER_WORD
    return round(words)


def _tokens(blocks: list[Block], memo: dict[Any, Any]) -> list[str]:
    return [t for b in blocks for t in textstats.counts(b.prose, memo).tokens]


def _sentences(blocks: list[Block], memo: dict[Any, Any]) -> int:
    return sum(len(textstats.sentences(b.prose, memo)) for b in blocks)


def _longest_list(blocks: list[Block], doc: Document, memo: dict[Any, Any]) -> int:
    """The top-level items of the longest list among the blocks.

    Items are one list while nothing else comes between them in the posting: a paragraph or
    a sub-heading ("Preferred:") starts a new list. Three lists of 5, 3 and 6 under one
    "Qualifications" heading are a list of 6, not of 14. Items indented under an item are its
    details, not more items; and where the marker changes at the same indentation (numbered to
    bulleted, or one bullet character to another) a new list starts, as CommonMark reads it
    (its "list items of the same type"): three numbered statements with their own bullets are
    lists of 3 and of each statement's bullets, not one list of 15.
    """
    index = _block_index(doc, memo)
    text = doc.text
    longest = run = 0
    previous = -2
    top: tuple[int, str] = (0, "")  # the list's indentation and its marker
    for block in blocks:
        if block.kind != LIST_ITEM:
            continue
        at = index.get(block.start, -2)
        indent, marker = _item_marker(text, block.start)
        follows = at == previous + 1
        previous = at
        if follows and indent > top[0]:
            continue  # a detail under the item before it
        if follows and indent == top[0] and (not marker or not top[1] or marker == top[1]):
            run += 1
        else:
            run, top = 1, (indent, marker)
        longest = max(longest, run)
    return longest


# What comes before a list item's text on its line: indentation (or a quote's `>`), then a bullet
# or a number. An item whose line does not start so (an HTML <li>) has indentation 0 and no marker.
_ITEM_MARKER = re.compile(r"([ \t>]*)(?:([-*+•·▪●◦‣–])|\(?(?:\d{1,3}|[a-z])([.)]))[ \t]")


def _item_marker(text: str, start: int) -> tuple[int, str]:
    """A list item's indentation and its kind of marker: the bullet, or '1.' / '1)' for any number
    or letter; '' when the marker is not in the text before the item."""
    line_start = text.rfind("\n", 0, start) + 1
    found = _ITEM_MARKER.match(text, line_start, start)
    if found is None:
        return 0, ""
    return len(found.group(1).expandtabs(4)), found.group(2) or "1" + found.group(3)


def _block_index(doc: Document, memo: dict[Any, Any]) -> dict[int, int]:
    """Each block's place in the posting, by its start offset; kept in the lint's memo, as a rule that
    measures each section asks once per section."""
    index: dict[int, int] | None = memo.get("block-index")
    if index is None:
        index = memo["block-index"] = {b.start: i for i, b in enumerate(doc.blocks)}
    return index


SENTENCE_METRICS = frozenset({"words", "characters", "reading_grade"})


def _measure_sentence(metric: str, text: str) -> float:
    if metric == "words":
        return len(textstats.words(text))
    if metric == "characters":
        return len("".join(text.split()))
    return round(textstats.reading_grade(text), 1)


_UNITS = {"reading_words": "word", "list_items": "list item", "longest_list": "item", "words_per_sentence": "word"}


def counted(metric: str, value: float) -> str:
    """A value with its unit, singular or plural as the number asks: '1 word', '5 words', 'grade 9'."""
    if metric == "reading_grade":
        return f"grade {_number(value)}"
    unit = _UNITS.get(metric, metric.removesuffix("s"))
    text = f"{_number(value)} {unit}{'' if value == 1 else 's'}"
    return f"{text} per sentence" if metric == "words_per_sentence" else text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def blocks_by_section(sections: Sequence[Section], blocks: Sequence[Block]) -> list[list[Block]]:
    """The blocks under each section, each block under the innermost section it lies in.

    A matching section inside another ("Must have" under "Requirements") is measured on
    its own, and a section's heading is under no section. Sections nest or follow one
    another, so one sweep with a stack of open sections finds each block's innermost
    section: linear, where comparing every section with every block and every other
    section was quadratic on a posting of thousands of headings.
    """
    order = sorted(range(len(sections)), key=lambda i: (sections[i].heading_start, -sections[i].end))
    under: list[list[Block]] = [[] for _ in sections]
    stack: list[int] = []
    pending = 0
    for block in sorted(blocks, key=lambda b: b.start):
        while pending < len(order) and sections[order[pending]].heading_start <= block.start:
            stack.append(order[pending])
            pending += 1
        while stack and sections[stack[-1]].end <= block.start:
            stack.pop()
        if stack and sections[stack[-1]].heading_end <= block.start:
            under[stack[-1]].append(block)
    return under


@dataclass(frozen=True, slots=True)
class MetricCheck(Check):
    scopes: tuple[str, ...]
    metric: str
    min: float | None
    max: float | None
    per: str
    section: re.Pattern[str] | None = None  # measure only under headings that match

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        blocks = scope_blocks(doc, self.scopes)
        if self.section is not None:
            sections = [s for s in doc.sections if self.section.search(s.title)]
            if self.per == "section":
                for s, under in zip(sections, blocks_by_section(sections, blocks), strict=True):
                    value = _measure(self.metric, under, doc, ctx.memo)
                    yield from self._judge(value, s.heading_start, s.heading_end, section=s.title)
                return
            blocks = [b for b in blocks if any(s.heading_end <= b.start < s.end for s in sections)]
            if not blocks:
                return
        if self.per == "sentence":
            for block in blocks:
                for a, b in textstats.sentences(block.prose, ctx.memo):
                    sentence = block.prose[a:b]
                    if self._too_short_to_exceed(sentence):
                        continue
                    yield from self._judge(_measure_sentence(self.metric, sentence), block.start + a, block.start + b)
            return
        if self.per == "block":
            for block in blocks:
                yield from self._judge(_measure(self.metric, [block], doc, ctx.memo), block.start, block.end)
            return
        if not blocks:
            where = len(doc.text.rstrip())
            yield from self._judge(_measure(self.metric, [], doc, ctx.memo), where, where)
            return
        too_small_at = len(doc.text.rstrip())
        yield from self._judge(
            _measure(self.metric, blocks, doc, ctx.memo), blocks[0].start, blocks[0].end, too_small_at
        )

    def _too_short_to_exceed(self, sentence: str) -> bool:
        """Whether a sentence cannot hold more words than the maximum (`textstats.max_words`): most sentences
        cannot, and the bound is cheaper than counting their words (only a maximum can be ruled on so)."""
        if self.metric != "words" or self.min is not None or self.max is None:
            return False
        return textstats.max_words(sentence) <= self.max

    def _judge(
        self, value: float, start: int, end: int, too_small_at: int | None = None, section: str = ""
    ) -> Iterator[Finding]:
        # Most values are within bounds (the per-sentence rule judges every sentence): decide before formatting.
        too_small = self.min is not None and value < self.min
        if not too_small and (self.max is None or value <= self.max):
            return
        values = {
            "section": section,
            "metric": self.metric.replace("_", " "),
            "value": _number(value),
            "count": counted(self.metric, value),
            "min": "" if self.min is None else _number(self.min),
            "max": "" if self.max is None else _number(self.max),
            "match": "",
        }
        if too_small:
            at = start if too_small_at is None else too_small_at
            yield Finding(at, at if too_small_at is not None else end, {**values, "limit": values["min"]})
        elif self.max is not None and value > self.max:
            yield Finding(start, end, {**values, "limit": values["max"]})
