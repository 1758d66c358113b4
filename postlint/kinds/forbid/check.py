"""The `forbid` check: report matches of terms and patterns, with replacements as fixes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from postlint.document import Document
from postlint.facts.page import commentary_spans
from postlint.facts.statements import Covered, StatementFinder, quoted_spans
from postlint.kinds.check_base import Check, Context, PieceGate, ScopeView, fix_case, scope_view
from postlint.prefilter import Prefilter, holds_any
from postlint.regex_store import packaged
from postlint.violation import Edit, Finding, Fix


def terms_pattern(terms: list[str], ignore_case: bool) -> re.Pattern[str] | None:
    """One regex for many literal terms: longest first, whole words, any run of spaces between words."""
    if not terms:
        return None
    unique = sorted({t.strip() for t in terms if t.strip()}, key=lambda t: (-len(t), t))
    alternatives = [r"\s+".join(re.escape(word) for word in term.split()) for term in unique]
    body = "|".join(alternatives)
    return packaged(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE if ignore_case else 0)


# Term lists' prefilters, by pattern: made here rather than in the pack (the spec gives none), and shared
# by every rule with the same terms.
_TERM_FILTERS: dict[tuple[str, int], Prefilter] = {}


@dataclass(frozen=True, slots=True)
class TermsMatcher:
    """Literal terms, found by a substring search for each term's first word and confirmed by one regex there.

    A case-insensitive alternation of many words is tried at every position of a
    text; `str.find` skips through it at C speed, so long term lists stay cheap.
    """

    firsts: tuple[str, ...]  # each term's first word (lower-case when ignoring case)
    pattern: re.Pattern[str]  # every term, whole words, longest first
    ignore_case: bool
    words: tuple[tuple[str, ...], ...] = ()  # each term's words, longest first (lower-case when ignoring case)

    @classmethod
    def of(cls, terms: list[str], ignore_case: bool) -> TermsMatcher | None:
        pattern = terms_pattern(terms, ignore_case)
        if pattern is None:
            return None
        firsts = {t.split()[0] for t in terms if t.strip()}
        words = {
            tuple(sorted({w.lower() if ignore_case else w for w in t.split()}, key=lambda w: (-len(w), w)))
            for t in terms
            if t.strip()
        }
        firsts_sorted = tuple(sorted({f.lower() for f in firsts} if ignore_case else firsts))
        return cls(firsts_sorted, pattern, ignore_case, tuple(sorted(words)))

    def may_match(self, view: ScopeView) -> bool:
        """False only when no piece of the scope can hold a match (`finditer` starts only at a first word,
        and a term is found only where each of its words is)."""
        haystack = view.lowered if self.ignore_case else view.joined
        if len(haystack) != len(view.joined):
            return True
        if self.words:  # a term matches only where all its words are
            for words in self.words:
                for word in words:
                    if word not in haystack:
                        break
                else:
                    return True
            return False
        return holds_any(haystack, self.firsts)

    def prefilter(self) -> Prefilter:
        """The terms' pattern as a prefilter (deferred, one per pattern in this process): its RE2 twin scans
        the whole scope once, where the first words alone ("he", "her") are in almost every posting."""
        key = (self.pattern.pattern, self.pattern.flags)
        found = _TERM_FILTERS.get(key)
        if found is None:
            found = _TERM_FILTERS[key] = Prefilter.deferred(self.pattern)
        return found

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Non-overlapping matches, left to right, as `pattern.finditer(text)` would find them."""
        haystack = text.lower() if self.ignore_case else text
        if len(haystack) != len(text):  # lower-casing changed the length: offsets would not line up
            yield from self.pattern.finditer(text)
            return
        starts: set[int] = set()
        for word in self.firsts:
            at = haystack.find(word)
            while at != -1:
                starts.add(at)
                at = haystack.find(word, at + 1)
        end = 0
        for at in sorted(starts):
            if at < end:
                continue
            match = self.pattern.match(text, at)
            if match:
                yield match
                end = match.end()


@dataclass(frozen=True, slots=True)
class ForbidCheck(Check):
    scopes: tuple[str, ...]
    patterns: tuple[re.Pattern[str] | TermsMatcher, ...]
    exceptions: tuple[re.Pattern[str], ...]
    replacements: dict[str, tuple[str, tuple[str, ...]]]  # lookup key -> (term as written, options)
    ignore_case: bool
    applicability: Literal["safe", "unsafe", "display"]
    substitutions: tuple[tuple[re.Pattern[str], str], ...] = ()  # regex -> replacement template
    keywords: tuple[str, ...] = ()  # lower-case; a block containing none of them cannot match
    statements: StatementFinder | None = None  # the posting's own EEO/inclusion statements: not searched
    # Text in quotation marks or block quotes, and notes on the posting appended to it (`commentary_spans`),
    # are not the employer's own words: not searched.
    skip_quotes: bool = False
    suggestion: str | None = None  # for a match with no replacement of its own
    unescape: bool = False  # a match with no replacement of its own is fixed by its HTML-unescaped text
    prefilters: tuple[Prefilter | None, ...] = ()  # one per regex in `patterns`, then one per substitution

    def _filters(self) -> tuple[list[Prefilter | None], list[Prefilter | None]]:
        """Each pattern's prefilter (a term list's own, see `TermsMatcher.prefilter`; None when there is none),
        then each substitution's."""
        regexes = iter(self.prefilters)
        for_patterns = [p.prefilter() if isinstance(p, TermsMatcher) else next(regexes, None) for p in self.patterns]
        return for_patterns, [next(regexes, None) for _ in self.substitutions]

    def may_match(self, view: ScopeView) -> bool:
        """False when one pass over the whole scope proves no block can match: the common case."""
        if self.keywords and not view.has_keyword(self.keywords):
            return False
        for_patterns, for_substitutions = self._filters()
        for pattern, prefilter in zip(self.patterns, for_patterns, strict=True):
            if isinstance(pattern, TermsMatcher):
                if pattern.may_match(view) and (prefilter is None or not view.rules_out(prefilter)):
                    return True
            elif prefilter is None or view.may_match(prefilter):
                return True
        return any(p is None or view.may_match(p) for p in for_substitutions)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        view = scope_view(doc, self.scopes, ctx.memo)
        if not self.may_match(view):
            return
        for_patterns, for_substitutions = self._filters()
        plain = view.plain
        skipped = self._skipped(doc, ctx)
        keywords = tuple(k for k in self.keywords if k in view.lowered)  # a piece can only hold these
        gate = PieceGate(view, [*for_patterns, *for_substitutions])
        for index, (offset, text, lowered) in enumerate(view.pieces):
            if keywords and not any(k in lowered for k in keywords):
                continue
            if skipped and skipped.contains(offset, offset + len(text)):
                continue
            excluded = _Spans(self.exceptions, text, self.skip_quotes, skipped, offset)
            seen: set[tuple[int, int]] = set()
            for number, (pattern, prefilter) in enumerate(zip(self.patterns, for_patterns, strict=True)):
                allowed = prefilter is None or gate.allows(number, index)
                for m in _new_matches(pattern, prefilter, allowed, text, lowered, plain, excluded, seen):
                    yield self._finding(offset + m.start(), offset + m.end(), m.group())
            first = len(for_patterns)
            for number, ((pattern, template), prefilter) in enumerate(
                zip(self.substitutions, for_substitutions, strict=True), first
            ):
                allowed = prefilter is None or gate.allows(number, index)
                for m in _new_matches(pattern, prefilter, allowed, text, lowered, plain, excluded, seen):
                    yield self._substituted(m, template, offset)

    def _substituted(self, m: re.Match[str], template: str, offset: int) -> Finding:
        a, b = offset + m.start(), offset + m.end()
        replacement = m.expand(template)
        if self.ignore_case and m.group()[:1].isalpha():
            replacement = fix_case(replacement, m.group())
        what = f"Replace with '{replacement}'" if replacement.strip() else "Remove it"
        if replacement and not replacement.strip():
            what = "Replace with a plain space" if replacement == " " else "Replace with plain spacing"
        fix = Fix(self.applicability, what, (Edit(a, b, replacement),))
        return Finding(a, b, {"match": m.group(), "replacement": replacement}, fix=fix)

    def _finding(self, start: int, end: int, matched: str) -> Finding:
        key = " ".join(matched.split())
        term, options = self.replacements.get(key.lower() if self.ignore_case else key, (key, ()))
        # "(S)he will" takes its case from its first letter, not from the bracket.
        like = matched[next((i for i, c in enumerate(matched) if c.isalpha()), 0) :]
        options = tuple(fix_case(o, like, term) for o in options)
        if len(options) == 1:
            fix = Fix(self.applicability, f"Replace with '{options[0]}'", (Edit(start, end, options[0]),))
            return Finding(start, end, {"match": matched, "replacement": options[0]}, fix=fix)
        if options:
            quoted = ", ".join(f"'{o}'" for o in options)
            return Finding(start, end, {"match": matched, "replacement": quoted}, suggestion=f"Consider {quoted}")
        if self.unescape and (character := _unescaped(matched)):
            fix = Fix(self.applicability, f"Replace with '{character}'", (Edit(start, end, character),))
            return Finding(start, end, {"match": matched, "replacement": character}, fix=fix)
        return Finding(start, end, {"match": matched, "replacement": ""}, suggestion=self.suggestion)

    def _skipped(self, doc: Document, ctx: Context) -> Covered:
        """The posting's own statements, block quotes and notes on the posting: source spans no match may overlap."""
        spans: list[tuple[int, int]] = []
        if self.statements is not None:
            spans += self.statements.spans(doc, ctx)
        if self.skip_quotes:
            spans += [(b.start, b.end) for b in doc.blocks if b.quoted]
            spans += commentary_spans(doc)
        return Covered(spans)


def _new_matches(
    pattern: re.Pattern[str] | TermsMatcher,
    prefilter: Prefilter | None,
    allowed: bool,
    text: str,
    lowered: str,
    plain: bool,
    excluded: _Spans,
    seen: set[tuple[int, int]],
) -> Iterator[re.Match[str]]:
    """A block's matches of one pattern that no earlier pattern reported and no exception covers.

    `allowed` is the block gate's answer (RE2 twin); a pattern with a prefilter is searched only
    where its words are, and tried only where a match can start (`Prefilter.finditer`); a term list finds
    its own starts (`TermsMatcher.finditer`), in the blocks its gate allows."""
    if isinstance(pattern, TermsMatcher):
        if not allowed:
            return
        matches = pattern.finditer(text)
    elif prefilter is None:
        matches = pattern.finditer(text)
    elif allowed and prefilter.may_contain(lowered, plain):
        matches = prefilter.finditer(pattern, text, lowered, plain)
    else:
        return
    for m in matches:
        span = m.span()
        if span[0] == span[1] or span in seen or excluded.overlaps(*span):
            continue
        seen.add(span)
        yield m


def _unescaped(entity: str) -> str:
    """What an HTML entity stands for, if it is text: '&rsquo;' -> '’', '&nbsp;' -> U+00A0; not a
    control character or a code point that is no character ('&#1;', '&#xD800;')."""
    import html
    import unicodedata

    text = html.unescape(entity)
    if text == entity or any(c == "\ufffd" or unicodedata.category(c) in ("Cc", "Cs", "Cn", "Co") for c in text):
        return ""
    return text


class _Spans:
    """What a block's matches must not overlap: the exceptions' own matches and quotations (found only
    when a match needs checking), and the spans skipped in the whole posting."""

    __slots__ = ("_offset", "_patterns", "_quotes", "_skipped", "_spans", "_text")

    def __init__(
        self, patterns: tuple[re.Pattern[str], ...], text: str, quotes: bool, skipped: Covered, offset: int
    ) -> None:
        self._patterns = patterns
        self._text = text
        self._quotes = quotes
        self._skipped = skipped
        self._offset = offset
        self._spans: list[tuple[int, int]] | None = None

    def overlaps(self, a: int, b: int) -> bool:
        if self._skipped and self._skipped.covers(self._offset + a, self._offset + b):
            return True
        if not (self._patterns or self._quotes):
            return False
        if self._spans is None:
            text = self._text
            spans = [(m.start(), m.end()) for e in self._patterns for m in e.finditer(text)]
            if self._quotes:
                spans += quoted_spans(text)
            self._spans = spans
        return any(x < b and a < y for x, y in self._spans)
