"""The `require` check: fire once when none of the patterns appears where it should."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from postlint.document import Document
from postlint.insertion import anchor, end_of_posting, insertion_fix
from postlint.kinds.check_base import Check, Context, PieceGate, ScopeView, has_keyword, scope_view
from postlint.laws import for_area
from postlint.prefilter import Prefilter, holds_any
from postlint.violation import Finding, Severity


@dataclass(frozen=True, slots=True)
class Found:
    """Where a required statement was found, and which of its named forms it is (for `inspect`)."""

    start: int
    end: int
    text: str
    label: str | None


@dataclass(frozen=True, slots=True)
class Partly:
    """A requirement met only in part (the benefits only behind a link, where most laws ask for them in
    the posting): reported at `severity` with its own message, at the partial wording."""

    severity: Severity
    message: str
    patterns: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class RequireCheck(Check):
    reports_absence: ClassVar[bool] = True
    finds_statement: ClassVar[bool] = True
    scopes: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    fields: tuple[str, ...]
    section: re.Pattern[str] | None
    suggestion: str | None
    suggestions: tuple[tuple[str, str], ...] = ()  # (jurisdiction, suggestion): the most specific one wins
    insert_at: str | None = None  # end | after-location | after-pay: adds the suggestion as an unsafe fix
    keywords: tuple[str, ...] = ()  # lower-case; a block containing none of them cannot match
    facts: tuple[str, ...] = ()  # "places", "pay", "deadline": facts found in the posting that satisfy the rule
    prefilters: tuple[Prefilter | None, ...] = ()  # one per pattern
    distinct: int = 1  # different named forms that must appear ("medical" and "PTO", not "great benefits")
    partly: Partly | None = None  # wording that meets the requirement only in part: a lesser finding
    matching_fields: tuple[str, ...] = ()  # front-matter fields that count only when a pattern matches their value
    headings: re.Pattern[str] | None = None  # `heading_patterns`, tried only where a heading can start
    items: re.Pattern[str] | None = None  # `item_patterns`, tried where each line's words begin
    min_items: int = 2  # lines that `items` must match to satisfy the rule

    def _heading(self, text: str) -> re.Match[str] | None:
        """The first match of the heading patterns at a place in `text` where a heading can start."""
        headings = self.headings
        if headings is None:
            return None
        for at in heading_starts(text):
            match = headings.match(text, at)
            if match is not None:
                return match
        return None

    def find(self, doc: Document, ctx: Context) -> Found | None:
        """The first place that satisfies the rule, or None."""
        for name in self.fields:
            value = doc.meta(ctx.field_name(name))
            if value not in (None, "", [], {}):
                fm = doc.front_matter
                at = fm.key_offsets.get(ctx.field_name(name), 0) if fm else 0
                return Found(at, at, f"{name}: {value}", "front-matter")
        for name in self.matching_fields:
            found = self._matching_field(doc, ctx.field_name(name), name)
            if found is not None:
                return found
        facts = ctx.facts
        if facts is not None and self.facts:
            if "places" in self.facts and facts.places:
                place = facts.places[0]
                return Found(place.start, place.end, place.text, "place")
            amounts = [p for p in facts.pay if p.is_amount] if "pay" in self.facts else []
            if amounts:
                return Found(amounts[0].start, amounts[0].end, amounts[0].text, "pay")
            if "deadline" in self.facts and doc.format == "html":
                from postlint.facts.markup import markup_deadline

                deadline = markup_deadline(doc, ctx.memo)
                if deadline is not None:
                    return Found(*deadline, "json-ld")
        keywords = self.keywords
        if "title" in self.scopes and doc.title and (not keywords or has_keyword(doc.title, keywords)):
            found = self._in_title(doc, doc.title)
            if found is not None:
                return found
        ranges: list[tuple[int, int]] | None = None
        if self.section is not None:
            ranges = [(s.heading_start, s.end) for s in doc.sections if self.section.search(s.title)]
        view = scope_view(doc, self.scopes, ctx.memo)
        if keywords and not view.has_keyword(keywords):
            return None
        # Required wording is usually there, so a whole-scope search would only repeat the search below;
        # the literal test is cheap enough to make first.
        filters = self.prefilters if len(self.prefilters) == len(self.patterns) else (None,) * len(self.patterns)
        possible = [p is None or not view.rules_out(p) for p in filters]
        met: Found | None = None
        if any(possible) or self.headings is not None:  # else no pattern can match: only the item patterns can
            if self.distinct > 1:
                first, kinds = self._find_distinct(view.pieces, ranges)
                met = first if kinds >= self.distinct else None
            else:
                met = self._in_pieces(view, ranges, filters, possible)
        return met if met is not None else self._in_items(view, ranges)

    def _in_items(self, view: ScopeView, ranges: list[tuple[int, int]] | None) -> Found | None:
        """The first of `min_items` lines whose words `item_patterns` matches, or None when there are fewer.

        Asked only when nothing else satisfies the rule, as that is where an item pattern can change the
        answer: most postings that describe the work say so in a heading or a sentence.
        """
        items = self.items
        if items is None:
            return None
        first: Found | None = None
        count = 0
        for offset, text, _ in view.pieces:
            if ranges is not None and not any(a <= offset < b for a, b in ranges):
                continue
            for at in line_starts(text):
                match = items.match(text, at)
                if match is None:
                    continue
                count += 1
                if first is None:
                    first = Found(offset + match.start(), offset + match.end(), match.group(0), _label(match))
                if count >= self.min_items:
                    return first
        return None

    def _in_pieces(
        self,
        view: ScopeView,
        ranges: list[tuple[int, int]] | None,
        filters: tuple[Prefilter | None, ...],
        possible: list[bool],
    ) -> Found | None:
        """The first match in the scope's pieces: the leftmost in the first piece that holds one."""
        keywords = self.keywords
        plain = view.plain
        gate = PieceGate(view, filters, possible)  # blocks before a late statement are not searched
        for index, (offset, text, lowered) in enumerate(view.pieces):
            if ranges is not None and not any(a <= offset < b for a, b in ranges):
                continue
            # A block's keywords are tested once a pattern's gate lets it be searched: in the few blocks
            # where a twin matches, rather than every keyword over the whole scope first.
            keyed: bool | None = None if keywords else True
            first = None
            if self.headings is not None:
                keyed = holds_any(lowered, keywords) if keywords else True
                first = self._heading(text) if keyed else None
            for number, (pattern, prefilter) in enumerate(zip(self.patterns, filters, strict=True)):
                if not gate.allows(number, index):
                    continue
                if keyed is None:
                    keyed = holds_any(lowered, keywords)
                if not keyed:
                    break
                if prefilter is not None and not prefilter.may_contain(lowered, plain):
                    continue
                match = pattern.search(text) if prefilter is None else prefilter.search(pattern, text, lowered, plain)
                if match:
                    if first is None or match.start() < first.start():  # the leftmost, as one regex would
                        first = match
                    break
            if first is not None:
                return Found(offset + first.start(), offset + first.end(), first.group(0), _label(first))
        return None

    def _in_title(self, doc: Document, title: str) -> Found | None:
        """The title, when one of the patterns (or heading patterns) matches it."""
        match = next((m for p in self.patterns if (m := p.search(title)) is not None), None)
        if match is None:
            match = self._heading(title)
        if match is None:
            return None
        at = max(doc.title_start, 0)
        # The title is what satisfies the rule: shown whole, not the few characters matched.
        return Found(at, at + len(title), title, _label(match))

    def _find_distinct(
        self, pieces: tuple[tuple[int, str, str], ...], ranges: list[tuple[int, int]] | None
    ) -> tuple[Found | None, int]:
        """The first match and how many different forms appeared anywhere in the scope (a list of benefits
        spreads them over several items); the search stops once `distinct` forms are found."""
        seen: set[str] = set()
        first: Found | None = None
        for offset, text, _ in pieces:
            if ranges is not None and not any(a <= offset < b for a, b in ranges):
                continue
            for match in self._matches(text):
                seen.add(match.lastgroup or " ".join(match.group(0).lower().split()))
                if first is None:
                    first = Found(offset + match.start(), offset + match.end(), match.group(0), _label(match))
                if len(seen) >= self.distinct:
                    return first, len(seen)
        return first, len(seen)

    def _matches(self, text: str) -> Iterator[re.Match[str]]:
        """Every match of the patterns in `text`, then of the heading patterns where a heading can start."""
        for pattern in self.patterns:
            yield from pattern.finditer(text)
        headings = self.headings
        if headings is not None:
            for at in heading_starts(text):
                match = headings.match(text, at)
                if match is not None:
                    yield match

    def _matching_field(self, doc: Document, key: str, name: str) -> Found | None:
        """The front-matter field `key` when its value is one of the rule's wordings, else None.

        Only a text value is searched: a mapping or a list under a shared name such as `type` is some
        other site's data, and the rule's wording in it would be a coincidence.
        """
        value = doc.meta(key)
        if not isinstance(value, str):
            return None
        if not any(pattern.search(value) for pattern in self.patterns) and self._heading(value) is None:
            return None
        fm = doc.front_matter
        at = fm.key_offsets.get(key, 0) if fm else 0
        return Found(at, at, f"{name}: {value}", "front-matter")

    def partly_met(self, doc: Document, ctx: Context) -> Found | None:
        """Where the requirement is met in part (a `partly` pattern), or None."""
        if self.partly is None or not self.partly.patterns:
            return None
        view = scope_view(doc, self.scopes, ctx.memo)
        for offset, text, _ in view.pieces:
            for pattern in self.partly.patterns:
                match = pattern.search(text)
                if match:
                    return Found(offset + match.start(), offset + match.end(), match.group(0), None)
        return None

    def suggestion_for(self, ctx: Context) -> str | None:
        """The suggestion worded for where the posting is: the entry of the most specific area it is in,
        else the `*` entry with `{country}` filled in when it has no entry of its own, else `suggestion`.

        A posting in several countries ("Remote (US or Canada)") gets one country's entry only when that
        entry serves them all (EU for Germany and France); else the `*` entry names them all ("the United
        States or Canada"), since one country's wording would be wrong for the others.
        """
        if not self.suggestions:
            return self.suggestion
        from postlint.facts.gazetteer import country_of

        jurisdictions = tuple(sorted(ctx.jurisdictions))
        areas = [(area, text) for area, text in self.suggestions if area != ANY_COUNTRY]
        by_country: dict[str, list[str]] = {}
        for jid in jurisdictions:
            by_country.setdefault(country_of(jid), []).append(jid)
        if len(by_country) > 1 and any(country.startswith("EU-") for country in by_country):
            by_country.pop("EU", None)  # the Union beside its member states adds no country
        worded = {for_area(areas, ids) for ids in by_country.values()}
        if len(worded) == 1 and None not in worded:
            return worded.pop()
        template = next((text for area, text in self.suggestions if area == ANY_COUNTRY), None)
        gazetteer = ctx.facts.gazetteer if ctx.facts is not None else None
        if template is None or gazetteer is None or not by_country:
            return for_area(areas, jurisdictions) or self.suggestion
        if len(by_country) > _MAX_NAMED:
            return template.replace("{country}", "the country where they will be based")
        names = []
        for country in by_country:
            known = gazetteer.get(country)
            if known is None:
                return for_area(areas, jurisdictions) or self.suggestion
            names.append(country_name(known.name))
        return template.replace("{country}", _either(names))

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if self.find(doc, ctx) is not None:
            return
        suggestion = self.suggestion_for(ctx)
        where = end_of_posting(doc)
        if self.section is not None:
            sections = [s for s in doc.sections if self.section.search(s.title)]
            if sections:
                where = sections[0].heading_start
        fix = None
        if self.insert_at and suggestion:
            where, fix = insertion_fix(doc, suggestion, anchor(ctx.facts, self.insert_at))
        part = self.partly_met(doc, ctx)
        if part is not None and self.partly is not None:
            yield Finding(
                part.start,
                part.end,
                {"match": part.text},
                fix=fix,
                suggestion=suggestion,
                template=self.partly.message,
                severity=self.partly.severity,
            )
            return
        yield Finding(where, where, {"match": ""}, fix=fix, suggestion=suggestion)


HEADING_LINE = 60  # the longest later line of a block that can be a heading, in characters
_SENTENCE_END = re.compile(r"[.;!?]")
_LETTER = re.compile(r"[^\W\d_]")  # where a heading's words begin: not numbering, bullets, punctuation or space


def heading_starts(text: str) -> Iterator[int]:
    """Where a heading's words can begin in a block, in order: the first letter at or after its start, and
    after the start of each later line that is short (1 to `HEADING_LINE` characters up to its newline)
    and not a sentence (no `.`, `;`, `!` or `?`).

    Plain-text postings put "Responsibilities" on a line of its own inside a paragraph, while a wrapped
    line of prose that happens to begin with "the role" is no heading. Found with `str.find`, so a rule's
    heading patterns are matched at a few places rather than searched for at every line start. The
    numbering and bullets before a heading ("1.", "-", "**") are skipped here, once, and each place
    is given once: a pattern that skipped them itself would rescan a run of lines of digits or dashes
    from each of its lines, in time quadratic in the run's length.
    """
    letter = -1  # the first letter found so far: the words of every line start up to it begin there
    for start in _heading_lines(text):
        if start <= letter:
            continue
        found = _LETTER.search(text, start)
        if found is None:
            return
        letter = found.start()
        yield letter


def _heading_lines(text: str) -> Iterator[int]:
    """The start of a block and of each later line of it that is short and not a sentence."""
    yield 0
    newline = text.find("\n")
    while newline != -1:
        start = newline + 1
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline
        if 0 < end - start <= HEADING_LINE and _SENTENCE_END.search(text, start, end) is None:
            yield start


def line_starts(text: str) -> Iterator[int]:
    """Where the words of each line of a block begin: its first letter, after any bullet, numbering or
    punctuation ("- ", "2. ", "**"). A line without a letter gives none. Each line is read once."""
    start = 0
    size = len(text)
    while start <= size:
        newline = text.find("\n", start)
        end = size if newline == -1 else newline
        found = _LETTER.search(text, start, end)
        if found is not None:
            yield found.start()
        if newline == -1:
            return
        start = newline + 1


ANY_COUNTRY = "*"  # the `suggestions` key for a country with no entry of its own; `{country}` names it


_MAX_NAMED = 3  # countries a suggestion names; a posting open in more is worded for none of them


def _either(names: list[str]) -> str:
    """'A', 'A or B', 'A, B or C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def country_name(name: str) -> str:
    """A country's name as it reads after "in": "the Philippines", "the United Arab Emirates", "India"."""
    return f"the {name}" if name.startswith(("United ", "European ")) or name.endswith("s") else name


def _label(match: re.Match[str]) -> str | None:
    """The name of the named group that matched (`(?P<not_offered>...)`), if the pattern names its forms."""
    return match.lastgroup
