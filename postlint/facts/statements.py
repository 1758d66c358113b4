"""What wording rules must not search: the posting's own statements, and text it quotes.

A posting's equal-opportunity, inclusion and accommodation statements name the
groups they welcome ("women, minorities, people of all ages"); a word-list rule
that searched them would report the very sentences that do what it asks for.
Quotations are text the posting cites, not what it says.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from postlint.kinds.check_base import PieceGate, has_keyword, scope_view
from postlint.lazy_regex import lazy_regex
from postlint.prefilter import Prefilter
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.document import Document
    from postlint.kinds.check_base import Context

# Where a sentence ends inside a block: . ! ? before a space, or a blank line.
_SENTENCE_END = regex(r"[.!?。！？]+(?=\s|$)|\n\s*\n")
_MAX_SENTENCE = 400  # characters each side of a statement: a block with no full stops is not one sentence
# Text in quotation marks, on one line: "…", “…”, «…», „…“, ‘…’ and '…' (not an apostrophe: no letter before).
_QUOTED = regex(
    r"\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|«[^»\n]{1,200}»|„[^“”\n]{1,200}[“”]"
    r"|(?<![\w‘])‘[^‘’\n]{1,200}’(?!\w)|(?<![\w'])'[^'\n]{1,200}'(?!\w)"
)


@dataclass(frozen=True, slots=True)
class StatementFinder:
    """Recognises the posting's own statements: sentences matching `pattern`, and sections under a heading
    that matches it. `keywords` (lower-case) is a speed hint: a block with none of them holds no statement."""

    pattern: re.Pattern[str]
    keywords: tuple[str, ...] = ()
    prefilter: Prefilter | None = None  # rules out the blocks the pattern cannot match (its RE2 twin)

    @classmethod
    def of(cls, pattern: re.Pattern[str], keywords: tuple[str, ...] = ()) -> StatementFinder:
        return cls(pattern, keywords, _prefilter(pattern.pattern, pattern.flags))

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.pattern.pattern, self.keywords

    def find(self, doc: Document, memo: dict[Any, Any] | None = None) -> list[tuple[int, int]]:
        """The statements as source spans. `memo` is the lint's (`Context.memo`): its view of the prose
        blocks, lower-cased once, is shared with the rules that search them."""
        spans = [(s.heading_start, s.end) for s in doc.sections if self._search(s.title)]
        view = scope_view(doc, ("text",), {} if memo is None else memo)  # the prose blocks, in order
        keywords = tuple(k for k in self.keywords if k in view.lowered)
        if self.keywords and not keywords:
            return spans
        gate = PieceGate(view, [self.prefilter])
        for index, (start, prose, lowered) in enumerate(view.pieces):
            if keywords and not any(k in lowered for k in keywords):
                continue
            if gate.allows(0, index):
                spans += [(start + a, start + b) for a, b in statement_spans(self.pattern, prose)]
        return spans

    def spans(self, doc: Document, ctx: Context) -> list[tuple[int, int]]:
        """The statements, found once per posting for every rule that asks (through the posting's facts)."""
        return ctx.facts.statements(self) if ctx.facts is not None else self.find(doc)

    def _search(self, text: str) -> bool:
        return (not self.keywords or has_keyword(text, self.keywords)) and self.pattern.search(text) is not None


@lru_cache(maxsize=64)
def _prefilter(source: str, flags: int) -> Prefilter | None:
    """One prefilter for every rule that recognises statements alike (the packs share one pattern through a
    YAML anchor): built once, and pickled once with the rules for worker processes and the cache."""
    return Prefilter.deferred(lazy_regex(source, flags))  # compiled if it is ever analysed


def statement_spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The sentences of `text` that contain a match of `pattern`."""
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        floor = max(0, m.start() - _MAX_SENTENCE)
        start = floor
        for end in _SENTENCE_END.finditer(text, floor, m.start()):
            start = end.end()
        ceiling = min(len(text), m.end() + _MAX_SENTENCE)
        stop = _SENTENCE_END.search(text, m.end(), ceiling)
        spans.append((start, stop.end() if stop else ceiling))
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text in quotation marks (what the posting cites, not what it says)."""
    if not any(q in text for q in "\"“«„‘'"):
        return []
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


class Covered:
    """Source spans, merged and sorted, asked whether they overlap a span."""

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._spans = merged
        self._starts = [a for a, _ in merged]

    def __bool__(self) -> bool:
        return bool(self._spans)

    def contains(self, a: int, b: int) -> bool:
        """Whether one span holds all of [a, b)."""
        i = bisect.bisect_right(self._starts, a) - 1
        return i >= 0 and self._spans[i][1] >= b

    def covers(self, a: int, b: int) -> bool:
        """Whether a span overlaps [a, b), or contains `a` when the span is empty."""
        end = b if b > a else a + 1
        i = bisect.bisect_left(self._starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self._spans[i][1] > a
