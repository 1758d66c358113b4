"""The `deadline` check: all the closing dates a posting gives have passed, or they disagree.

With `report: conflict` it reports closing dates that cannot be the same day: a
posting that says "apply by March 31, 2028" in its front matter and "applications
are accepted until March 15, 2027" at the end leaves candidates to guess, and one
of them is wrong. Dates that can be read two ways (3/1/2024) conflict only when no
reading agrees.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from postlint.document import PROSE_KINDS, Block, Document
from postlint.facts.dates import DateMention, as_dates, find_dates
from postlint.kinds.check_base import Check, Context, PieceGate, scope_view
from postlint.prefilter import Prefilter
from postlint.violation import Finding


@dataclass(frozen=True, slots=True)
class _Deadline:
    days: tuple[dt.date, ...]  # every reading of the date (3/1/2024: 1 March or 3 January)
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class DeadlineCheck(Check):
    fields: tuple[str, ...]
    labels: re.Pattern[str] | None
    within: int
    grace_days: int
    keywords: tuple[str, ...] = ()  # lower-case; a block with none of them holds no label
    report: str = "expired"  # "expired": every date has passed; "conflict": two dates disagree
    skip: re.Pattern[str] | None = None  # text just before a date that makes it another kind of date
    labels_filter: Prefilter | None = None  # rules out the blocks `labels` cannot match (its RE2 twin)

    def deadlines(self, doc: Document, ctx: Context) -> list[_Deadline]:
        """Every closing date the posting gives, front matter first (read once for rules that read them alike:
        `quality/expired` and `quality/conflicting-deadline`)."""
        key = (
            "deadlines",
            self.fields,
            self.labels.pattern if self.labels is not None else None,
            self.within,
            self.keywords,
            self.skip.pattern if self.skip is not None else None,
            ctx.front_matter_names,
        )
        cached = ctx.memo.get(key)
        if cached is None:
            cached = ctx.memo[key] = self._read_deadlines(doc, ctx)
        return cached

    def _read_deadlines(self, doc: Document, ctx: Context) -> list[_Deadline]:
        found: list[_Deadline] = []
        fm = doc.front_matter
        for name in self.fields:
            key = ctx.field_name(name)
            days = as_dates(doc.meta(key))
            if days and fm is not None:
                at = fm.key_offsets.get(key, fm.start)
                line_end = doc.text.find("\n", at)
                end = line_end if line_end != -1 else len(doc.text)
                found.append(_Deadline(days, at, end, doc.text[at:end].strip()))
        for block, label_start, m in self._labelled_dates(doc, ctx.memo):
            prose = block.prose
            if self.skip is not None and (
                self.skip.search(prose, max(0, label_start - 40), m.start)
                or self.skip.search(prose, m.end, min(len(prose), m.end + 60))
            ):
                continue  # "priority deadline", "4/25/18 – Tentative date for oral board"
            found.append(_Deadline(m.days, block.start + m.start, block.start + m.end, m.text))
        return found

    def _labelled_dates(self, doc: Document, memo: dict[Any, Any]) -> list[tuple[Block, int, DateMention]]:
        """(block, label start, first date after the label) for every label: found once per posting for the
        rules that share the labels, which differ only in the dates they `skip`."""
        if self.labels is None:
            return []
        key = ("deadline-labels", self.labels.pattern, self.within, self.keywords)
        cached: list[tuple[Block, int, DateMention]] | None = memo.get(key)
        if cached is not None:
            return cached
        cached = memo[key] = []
        view = scope_view(doc, ("text",), memo)  # the prose blocks, in order, lower-cased once
        keywords = tuple(k for k in self.keywords if k in view.lowered)
        if self.keywords and not keywords:
            return cached
        blocks = [block for block in doc.blocks if block.kind in PROSE_KINDS]
        gate = PieceGate(view, [self.labels_filter])
        for index, (block, (_, prose, lowered)) in enumerate(zip(blocks, view.pieces, strict=True)):
            if (keywords and not any(k in lowered for k in keywords)) or not gate.allows(0, index):
                continue
            for label in self.labels.finditer(prose):
                mentions = find_dates(prose, label.end(), min(len(prose), label.end() + self.within))
                if mentions:
                    cached.append((block, label.start(), mentions[0]))
        return cached

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        deadlines = self.deadlines(doc, ctx)
        if not deadlines:
            return
        if self.report == "conflict":
            yield from self._conflicts(doc, deadlines)
            return
        today = ctx.today or dt.date.today()
        # Open while any reading of any closing date is still to come (it may have been extended).
        latest = max(deadlines, key=lambda d: max(d.days))
        closed = max(latest.days)
        if closed + dt.timedelta(days=self.grace_days) >= today:
            return
        values = {"match": latest.text, "date": closed.isoformat(), "days": (today - closed).days}
        yield Finding(latest.start, latest.end, values)

    def _conflicts(self, doc: Document, deadlines: list[_Deadline]) -> Iterator[Finding]:
        """Each closing date no reading of which agrees with the first one given (once per date)."""
        first = deadlines[0]
        distinct = {d.days for d in deadlines}
        if len(distinct) != 2:
            # One date is no conflict; three or more is a page that lists several jobs, each with
            # its own closing date (a job board's "Close Date" column), or a schedule.
            return
        reported: set[tuple[dt.date, ...]] = set()
        line = doc.line_index.position(first.start)[0]
        for other in deadlines[1:]:
            if set(other.days) & set(first.days) or other.days in reported:
                continue
            reported.add(other.days)
            values = {
                "match": other.text,
                "date": max(other.days).isoformat(),
                "days": 0,
                "other": first.text,
                "line": line,
            }
            yield Finding(
                other.start, other.end, values, suggestion=f"Give one closing date (line {line} says '{first.text}')"
            )
