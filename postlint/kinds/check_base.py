"""What every check shares: the context it runs in, the scopes it searches, the condition to run.

Nothing here imports pydantic: compiled packs are cached and loaded without it,
so a cold `postlint check` pays only for what runs.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, PROSE_KINDS, TABLE_CELL, Block, Document, Problem
from postlint.laws import any_within
from postlint.prefilter import Prefilter, folds_plainly, holds_any
from postlint.violation import Finding

if TYPE_CHECKING:
    from collections.abc import Mapping

    from postlint.employer_profile import EmployerProfile
    from postlint.facts.posting import PostingFacts
    from postlint.laws import Law
    from postlint.links.status import LinkStatus

SCOPES = ("text", "heading", "paragraph", "list_item", "table_cell", "code", "title", "raw")

# Scopes a rule can search. `text` is every prose block; `raw` is every character of
# the file (front matter, code and URLs included); `title` is the posting's title.
BLOCK_SCOPES: dict[str, frozenset[str]] = {
    "text": PROSE_KINDS,
    "heading": frozenset({HEADING}),
    "paragraph": frozenset({PARAGRAPH}),
    "list_item": frozenset({LIST_ITEM}),
    "table_cell": frozenset({TABLE_CELL}),
    "code": frozenset({CODE}),
}


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the document: facts decided outside it.

    `facts` (places, jurisdictions, pay) is computed lazily and shared by every
    rule run on the document; `laws` are the rule's laws in force there.
    """

    fixed_jurisdictions: frozenset[str] = frozenset()
    today: dt.date | None = None
    front_matter_names: tuple[tuple[str, str], ...] = ()  # canonical name -> the posting's key
    facts: PostingFacts | None = None
    laws: tuple[Law, ...] = ()
    link_status: Mapping[str, LinkStatus] | None = None  # URL -> what `--check-links` found; None when offline
    # Problems this run found besides the reader's (suppression comments naming unknown rules, a pack over its
    # time): the document stays as it was read, so linting it twice gives equal results.
    run_problems: list[Problem] = field(default_factory=list)
    employer: EmployerProfile | None = None  # the config's `employer:` facts; None: nothing is known

    @property
    def memo(self) -> dict[Any, Any]:
        """Where this lint keeps views derived from the document: the facts' memo (a throwaway without facts)."""
        return self.facts.memo if self.facts is not None else {}

    @property
    def jurisdictions(self) -> frozenset[str]:
        if self.facts is not None:
            return self.facts.jurisdiction_set
        return self.fixed_jurisdictions

    def field_name(self, canonical: str) -> str:
        for name, key in self.front_matter_names:
            if name == canonical:
                return key
        return canonical


def iter_scope(doc: Document, scopes: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) pieces a rule searches, each text's offsets mapping to offset + i."""
    if "raw" in scopes:
        yield 0, doc.text
        return
    kinds: set[str] = set()
    for scope in scopes:
        kinds |= BLOCK_SCOPES.get(scope, frozenset())
    if kinds:
        for block in doc.blocks:
            if block.kind in kinds:
                # A code block's prose is all masked; code scope searches its source.
                yield block.start, (doc.text[block.start : block.end] if block.kind == CODE else block.prose)
    if "title" in scopes and doc.title is not None and doc.title_start >= 0:
        verbatim = doc.text[doc.title_start : doc.title_end] == doc.title
        searched = any(b.start <= doc.title_start < b.end for b in doc.blocks if b.kind in kinds)
        if verbatim and not searched:
            yield doc.title_start, doc.title


@dataclass(frozen=True, slots=True)
class ScopeView:
    """A scope's pieces with their lower-case forms, and all of them joined: built once per
    posting and shared by every rule that searches the scope."""

    pieces: tuple[tuple[int, str, str], ...]  # (offset, text, text.lower())
    joined: str  # the pieces' texts, separated by blank lines
    lowered: str
    plain: bool  # `in` on `lowered` finds what a case-insensitive regex finds in `joined` (prefilter.folds_plainly)
    # Made when first asked (a frozen view holds them in lists): the lower-cased text as UTF-8, for the RE2
    # twins, and where each piece starts in it.
    _encoded: list[bytes | None] = field(default_factory=list, compare=False, repr=False)
    _piece_bytes: list[int] = field(default_factory=list, compare=False, repr=False)
    _firsts: dict[tuple[Any, int], int] = field(default_factory=dict, compare=False, repr=False)  # `twin_first`

    @property
    def encoded(self) -> bytes | None:
        """`lowered` as UTF-8 for the prefilters' RE2 twins, made when first asked; None unless `plain`."""
        if not self._encoded:
            self._encoded.append(self.lowered.encode("utf-8", "surrogatepass") if self.plain else None)
        return self._encoded[0]

    def twin_first(self, linear: Any, at: int = 0) -> int:
        """`linear.first(self.encoded, at)`, kept for this posting: a rule asks whether its pattern's twin
        matches in the scope (`rules_out`), then where (`next_piece`), and rules share patterns."""
        key = (linear, at)
        found = self._firsts.get(key)
        if found is None:
            encoded = self.encoded
            assert encoded is not None
            found = self._firsts[key] = linear.first(encoded, at)
        return found

    def rules_out(self, prefilter: Prefilter) -> bool:
        """`prefilter.rules_out` over the whole scope, its twin's answer kept (`twin_first`)."""
        return prefilter.rules_out(self.lowered, self.plain, self.encoded, self.twin_first)

    def may_match(self, prefilter: Prefilter) -> bool:
        """`prefilter.may_match` over the whole scope, its twin's answer kept (`twin_first`)."""
        return prefilter.may_match(self.joined, self.lowered, self.plain, self.encoded, self.twin_first)

    def next_piece(self, prefilter: Prefilter | None, first: int) -> int:
        """The first piece from `first` on where the pattern can match, as its RE2 twin finds in the whole
        scope (a piece's match is a match of the joined text); `first` itself when there is no twin, and
        `len(pieces)` when it can match in none. Lets a rule skip the blocks before a late statement."""
        pieces = self.pieces
        if prefilter is None or first >= len(pieces):
            return first
        encoded = self.encoded
        linear = prefilter.linear_pattern() if encoded is not None else None
        if linear is None:
            return first
        starts = self._piece_bytes
        if not starts:
            at = 0
            for _, _, lowered in pieces:
                starts.append(at)
                at += len(lowered) + 2 if lowered.isascii() else len(lowered.encode("utf-8", "surrogatepass")) + 2
        at = self.twin_first(linear, starts[first])
        if at < 0:
            return len(pieces)
        return max(first, bisect_right(starts, at) - 1)

    def has_keyword(self, keywords: tuple[str, ...]) -> bool:
        return holds_any(self.lowered, keywords)


class PieceGate:
    """Which of a scope's pieces each pattern can match in, from its RE2 twin's matches in the whole scope.

    `allows(number, index)` is asked piece by piece, in order; a pattern whose twin next matches in a
    later piece is not searched until then, so a statement at the end of a posting costs one scan.
    """

    __slots__ = ("_filters", "_nexts", "_view")

    def __init__(self, view: ScopeView, filters: Sequence[Prefilter | None], possible: Sequence[bool] = ()) -> None:
        self._view = view
        self._filters = filters
        none = len(view.pieces)
        can = possible or [True] * len(filters)  # False: the pattern is known to match nowhere in the scope
        self._nexts = [view.next_piece(f, 0) if c else none for f, c in zip(filters, can, strict=True)]

    def allows(self, number: int, index: int) -> bool:
        at = self._nexts[number]
        if at < index:
            at = self._nexts[number] = self._view.next_piece(self._filters[number], index)
        return at == index


def scope_view(doc: Document, scopes: tuple[str, ...], memo: dict[Any, Any]) -> ScopeView:
    """The posting's text in these scopes, kept in the lint's memo (`Context.memo`) for every rule that asks."""
    key = ("scope", scopes)
    view: ScopeView | None = memo.get(key)
    if view is None:
        pieces = tuple((offset, text, text.lower()) for offset, text in iter_scope(doc, scopes))
        joined = "\n\n".join(text for _, text, _ in pieces)
        lowered = "\n\n".join(lowered for _, _, lowered in pieces)
        view = ScopeView(pieces, joined, lowered, folds_plainly(joined, lowered))
        memo[key] = view
    return view


def has_keyword(text: str, keywords: tuple[str, ...]) -> bool:
    """A cheap test before costly patterns: case-insensitive regexes scan slowly, `in` does not."""
    return holds_any(text.lower(), keywords)


def scope_blocks(doc: Document, scopes: tuple[str, ...]) -> list[Block]:
    kinds: set[str] = set()
    for scope in scopes:
        kinds |= BLOCK_SCOPES.get(scope, frozenset())
    return [b for b in doc.blocks if b.kind in kinds]


@dataclass(frozen=True, slots=True)
class Condition:
    """A rule's `when`, compiled: formats, jurisdictions, front-matter regexes, dates in force."""

    formats: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    front_matter: tuple[tuple[str, re.Pattern[str]], ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    text: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    text_filter: Prefilter | None = None  # proves cheaply that `text` cannot match
    unless_filter: Prefilter | None = None
    employer_fact: str | None = None  # a fact of the config's `employer:` that decides in place of `text`

    def applies(self, doc: Document, ctx: Context) -> bool:
        return self.applies_before_text(doc, ctx) and self.text_holds(doc, ctx)

    def applies_before_text(self, doc: Document, ctx: Context) -> bool:
        """Every condition but the text ones: cheap, so decided before the check runs."""
        if self.formats and doc.format not in self.formats:
            return False
        if self.jurisdictions and not any_within(self.jurisdictions, ctx.jurisdictions):
            return False
        if self.since or self.until:
            today = ctx.today or dt.date.today()
            if (self.since and today < self.since) or (self.until and today >= self.until):
                return False
        for key, pattern in self.front_matter:
            value = doc.meta(key)
            if value is None or not pattern.search(str(value)):
                return False
        return self._employer_fact(ctx) is not False

    def _employer_fact(self, ctx: Context) -> bool | None:
        """The config's `employer:` fact the rule is about, when the config gives it."""
        if not self.employer_fact or not ctx.employer:
            return None
        known: bool | None = getattr(ctx.employer, self.employer_fact, None)
        return known

    @property
    def has_text(self) -> bool:
        return self.text is not None or self.unless is not None

    def text_holds(self, doc: Document, ctx: Context) -> bool:
        """The `text` and `unless` conditions. Each searches the whole posting, so the engine asks only
        once a check has found something: most checks find nothing, and then the search is saved.
        An employer fact the config gives decides in place of `text`."""
        known = self._employer_fact(ctx)
        if known is None and self.text is not None and not _searched(self.text, self.text_filter, doc, ctx):
            return False
        return self.unless is None or not _searched(self.unless, self.unless_filter, doc, ctx)


def _searched(pattern: re.Pattern[str], prefilter: Prefilter | None, doc: Document, ctx: Context) -> bool:
    """Whether the pattern occurs in the posting, skipping the search when its words are absent."""
    if prefilter is None:
        return pattern.search(doc.text) is not None
    lowered, plain = lowered_text(doc, ctx.memo)
    if prefilter.rules_out(lowered, plain, encoded_text(doc, ctx.memo) if plain else None):
        return False
    return prefilter.search(pattern, doc.text, lowered, plain) is not None


def encoded_text(doc: Document, memo: dict[Any, Any]) -> bytes:
    """The whole lower-cased posting as UTF-8, for the prefilters' RE2 twins; kept in `memo`."""
    found: bytes | None = memo.get("lowered-utf8")
    if found is None:
        found = memo["lowered-utf8"] = lowered_text(doc, memo)[0].encode("utf-8", "surrogatepass")
    return found


def lowered_text(doc: Document, memo: dict[Any, Any]) -> tuple[str, bool]:
    """The whole posting lower-cased, and whether `in` on it is exact (`folds_plainly`); kept in `memo`."""
    found: tuple[str, bool] | None = memo.get("lowered")
    if found is None:
        lowered = doc.text.lower()
        found = memo["lowered"] = (lowered, folds_plainly(doc.text, lowered))
    return found


class Check:
    """A compiled rule body: finds problems, knows nothing of ids or severities.

    A check declares what the code around it must know, so that nothing names a kind:

    - `reports_absence`: the check reports something missing, so it finds something on most postings; the
      engine then tests a rule's `when` text conditions before it, not after (they usually rule the rule out).
    - `needs_link_status`: the check reads `ctx.link_status`, so with `--check-links` the run fetches the
      links of every posting before linting (without a rule that needs them, nothing is fetched).
    - `lints_unread_documents`: the check reports problems of reading and of the run (`doc.problems`,
      `ctx.run_problems`), so it also runs on a file that could not be read as a posting, where no other
      rule runs, and after every other rule, so that problems found while they ran are reported too.
    - `finds_statement`: the check looks for one statement and `find(doc, ctx)` returns where it is (an
      object with `start`, `text` and `label`) or None; `postlint inspect` lists what each such rule found.
    - `counts_coded_words`: `coding(doc, ctx)` gives the gender-coded words the check counts and
      `lean(coding)` the side it reports; `postlint inspect` shows them.
    """

    reports_absence: ClassVar[bool] = False
    needs_link_status: ClassVar[bool] = False
    lints_unread_documents: ClassVar[bool] = False
    finds_statement: ClassVar[bool] = False
    counts_coded_words: ClassVar[bool] = False

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError


def fix_case(template: str, like: str, term: str | None = None) -> str:
    """Give a replacement the case of the text it replaces ("Salesman" -> "Salesperson").

    Text written as the pack wrote the term ("Bluebird" for the term "Bluebird")
    keeps the replacement as written: its capitals are the word's, not emphasis.
    """
    if term is not None and " ".join(like.split()) == term:
        return template
    if like.isupper() and len(like) > 1 and not (term and term.isupper()):
        return template.upper()
    if like[:1].isupper() and not template[:1].isupper() and not (term and term[:1].isupper()):
        return template[:1].upper() + template[1:]
    return template
