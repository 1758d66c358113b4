"""Where a page's JobPosting markup and its visible text disagree: pay, place, title, deadline, employment type.

Google asks that markup say what the page says; when a page is edited and its markup is
not, search results show one job and the page another. Each finding quotes both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from postlint.document import PROSE_KINDS, Document
from postlint.facts.markup import (
    SOURCE,
    UNIT_PERIODS,
    JsonObject,
    employment_types,
    markup_places,
    parse_date,
    salary_values,
    span,
    text_of,
)
from postlint.kinds.check_base import Context
from postlint.violation import Finding

_TOLERANCE = 0.005  # figures agree within half a percent (52.4 and 52.40, 100000 and 100,000.00)
_CLOSE_KEYS = ("valid_through", "validThrough", "closes", "closing_date", "deadline", "application_deadline")


def disagreements(
    doc: Document,
    ctx: Context,
    posting: JsonObject,
    compare: tuple[str, ...],
    labels: re.Pattern[str] | None,
    within: int,
) -> Iterator[Finding]:
    """A finding for each compared property on which the markup and the page disagree."""
    if "pay" in compare:
        yield from _pay(doc, ctx, posting)
    if "place" in compare:
        yield from _place(doc, ctx, posting)
    if "title" in compare:
        yield from _title(doc, posting)
    if "deadline" in compare:
        yield from _deadline(doc, posting, labels, within)
    if "employment-type" in compare:
        yield from _employment(doc, posting)


def _line(doc: Document, offset: int) -> int:
    return doc.line_index.position(offset)[0]


def _finding(doc: Document, posting: JsonObject, name: str, markup: str, page: str, at: int) -> Finding:
    start, end = span(posting, name)
    line = _line(doc, at)
    problem = f"The markup's {name} {markup!r} disagrees with the page's {page!r} (line {line})"
    return Finding(start, end, {"property": name, "markup": markup, "page": page, "line": line, "problem": problem})


def _money(value: float) -> str:
    return f"{value:,.2f}" if value != int(value) else f"{int(value):,}"


def _pay(doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
    if "baseSalary" not in posting or ctx.facts is None:
        return
    low, high, currency, unit = salary_values(posting["baseSalary"])
    if low is None and high is None:
        return
    if high is None or low == high:
        amount = _money(low if low is not None else high or 0)
    else:
        amount = f"{_money(low or 0)}–{_money(high)}"
    if low is None and high is not None:
        amount = f"up to {_money(high)}"
    period = UNIT_PERIODS.get(unit or "")
    shown = f"{currency + ' ' if currency else ''}{amount}{' per ' + period if period else ''}"
    page = [p for p in ctx.facts.pay if p.is_amount and p.source != SOURCE]
    if not page:
        start, end = span(posting, "baseSalary")
        problem = (
            f"The markup's baseSalary {shown!r} is not on the page: it counts as the stated pay, "
            "but candidates reading the page do not see it"
        )
        yield Finding(start, end, {"property": "baseSalary", "markup": shown, "page": "", "problem": problem})
        return
    for fact in page:
        if (
            _close(fact.minimum, low if low is not None else high)
            and _close(fact.maximum, high if high is not None else low)
            and (not period or not fact.period or fact.period == period)
            and (not currency or not fact.currency or fact.currency == currency)
        ):
            return
    yield _finding(doc, posting, "baseSalary", shown, " ".join(page[0].text.split()), page[0].start)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), 1)


def _place(doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
    facts = ctx.facts
    if facts is None or facts.gazetteer is None:
        return
    page = [p for p in facts.places if p.source != SOURCE]
    mine = [p for p in markup_places(doc, facts.gazetteer, facts.memo) if posting.start <= p.start < posting.end]
    if not page or not mine:
        return
    page_ids = {j for p in page for j in p.jurisdictions}
    for place in mine:
        if any(_related(a, b) for a in place.jurisdictions for b in page_ids):
            return
    name = "jobLocation" if any(not p.remote for p in mine) else "applicantLocationRequirements"
    yield _finding(doc, posting, name, mine[0].text, page[0].text, page[0].start)


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _title(doc: Document, posting: JsonObject) -> Iterator[Finding]:
    from postlint.kinds.title_match.check import agree
    from postlint.markup_writer import job_title

    markup = text_of(posting.get("title"))
    if not markup:
        return
    heading = job_title(doc)
    candidates = [t for t in (heading, doc.title) if t]
    if not candidates or any(agree(markup, t, 0.5) for t in candidates):
        return
    at = next((b.start for b in doc.blocks if b.kind == "heading" and b.level == 1), max(doc.title_start, 0))
    yield _finding(doc, posting, "title", markup, candidates[0], at)


def _deadline(doc: Document, posting: JsonObject, labels: re.Pattern[str] | None, within: int) -> Iterator[Finding]:
    from postlint.facts.dates import as_dates, find_dates

    day = parse_date(posting.get("validThrough"))
    if day is None:
        return
    page: list[tuple[tuple, int, str]] = []
    fm = doc.front_matter
    for key in _CLOSE_KEYS:
        days = as_dates(doc.meta(key))
        if days and fm is not None:
            page.append((days, fm.key_offsets.get(key, fm.start), f"{key}: {doc.meta(key)}"))
    if labels is not None:
        for block in doc.blocks:
            if block.kind not in PROSE_KINDS:
                continue
            for label in labels.finditer(block.prose):
                end = min(len(block.prose), label.end() + within)
                mentions = find_dates(block.prose, label.end(), end)
                if mentions:
                    m = mentions[0]
                    page.append((m.days, block.start + m.start, m.text))
    if not page or any(day in days for days, _, _ in page):
        return
    _, at, text = page[0]
    yield _finding(doc, posting, "validThrough", str(posting["validThrough"]), text, at)


def _employment(doc: Document, posting: JsonObject) -> Iterator[Finding]:
    from postlint.facts.employment import page_employment_types

    markup = employment_types(posting)
    page = page_employment_types(doc)
    if not markup or not page or set(markup) & {m.value for m in page}:
        return
    yield _finding(doc, posting, "employmentType", ", ".join(markup), page[0].text, page[0].start)
