"""Prefilters: a rule's patterns loosened so one search over a whole scope can rule them out.

Rules search each block of their scope on its own, so that anchors and lookarounds
see the block's edges. Most rules find nothing in most postings, and one search per
block per rule was most of the time spent linting. So each pattern gets a looser
twin, searched once over the scope's blocks joined by blank lines: lookarounds are
dropped (except a negative one of a single character that is never a newline, which
holds at a block's edge and at the separator alike, and keeps the twin linear where the
original is), `^`, `$`, `\\A` and `\\Z` become their line forms (a block starts and ends
a line there), and word boundaries stay (the separator is not a word character, as the
edge of a block is not). Atomic groups and possessive repeats stay as they are; one that
holds an assertion gives no prefilter, since made ordinary it could backtrack
exponentially where the original cannot. The twin matches wherever the original matches in any block, and more; when
it finds nothing, the rule is skipped. A hit proves nothing and the rule runs as
before, so results never change.

Before that search, a cheaper test: literal text that every match must contain
("young" for `\\byoung(?:er)?\\b`), looked for with `in` in the lower-cased scope,
which runs at C speed where a case-insensitive regex tries every position. Each of a
rule's listed patterns is tested on its own, so only those whose words are present
are searched.

The twin is built from `re`'s own parse tree (CPython's internal interface, as in
`compiled_regex`). Anything unexpected gives no prefilter, which only means the
rule is never skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from postlint.compiled_regex import _sre, _sre_compiler, _sre_parser
from postlint.linear_twin import Untranslatable, compile_twin, translate_search, twins_enabled

if sys.version_info >= (3, 11):
    from re import _constants as _c
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c

_DROPPED = {_c.ASSERT, _c.ASSERT_NOT}
# Joined pieces are separated by blank lines, so a piece's start is a line's start and its end a line's
# end: anchors become their line forms. Word boundaries need no change: the separator is not a word.
_ANCHORS = {
    _c.AT_BEGINNING: _c.AT_BEGINNING_LINE,
    _c.AT_BEGINNING_STRING: _c.AT_BEGINNING_LINE,
    _c.AT_END: _c.AT_END_LINE,
    _c.AT_END_STRING: _c.AT_END_LINE,
}
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_POSSESSIVE = getattr(_c, "POSSESSIVE_REPEAT", None)


def _edge_safe(op: Any, av: Any) -> bool:
    """A negative lookaround of one character that is never a newline: true at a block's edge, and at
    the blank-line separator that stands for that edge in the joined scope, so it can stay.

    Keeping it matters for speed, not results: `(?<![ \t])[ \t]+x` tries each run of spaces once,
    while `[ \t]+x` tries it again from every space in it, which is quadratic in the run's length.
    """
    if op is not _c.ASSERT_NOT:
        return False
    body = av[1]
    if len(body.data) != 1 or body.getwidth() != (1, 1):
        return False
    kind, _ = body.data[0]
    if kind not in (_c.LITERAL, _c.NOT_LITERAL, _c.IN):
        return False
    try:
        compiled = _sre.compile("(edge)", *_compiled(body, 0))
    except Exception:
        return False
    return compiled.match("\n") is None


def _plain(items: Any) -> bool:
    """Whether a parsed sequence holds no assertion or anchor, so relaxing would leave it unchanged."""
    for op, av in items.data:
        if op in _DROPPED or op is _c.AT or op is _c.GROUPREF_EXISTS:
            return False
        if op is _c.BRANCH and not all(_plain(branch) for branch in av[1]):
            return False
        if op is _c.SUBPATTERN and not _plain(av[-1]):
            return False
        repeat = op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or (_POSSESSIVE is not None and op is _POSSESSIVE)
        if repeat and not _plain(av[2]):
            return False
        if _ATOMIC is not None and op is _ATOMIC and not _plain(av):
            return False
    return True


def _relax(items: Any) -> None:
    """Drop assertions in place, recursively; ValueError for an atomic group or possessive repeat
    that holds one (see the module's docstring)."""
    kept = []
    for op, av in items.data:
        if op in _DROPPED:
            if _edge_safe(op, av):
                kept.append((op, av))
            continue
        if op is _c.AT:
            kept.append((op, _ANCHORS.get(av, av)))
            continue
        if op is _c.BRANCH:
            for branch in av[1]:
                _relax(branch)
        elif op is _c.SUBPATTERN:
            _relax(av[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            _relax(av[2])
        elif (_POSSESSIVE is not None and op is _POSSESSIVE) or (_ATOMIC is not None and op is _ATOMIC):
            if not _plain(av[2] if op is _POSSESSIVE else av):
                # Made ordinary, `(?>(a+)+(?=b))` would backtrack exponentially where the original
                # never does: no prefilter rather than a dangerous one.
                raise ValueError("an atomic group or possessive repeat holds an assertion")
            kept.append((op, av))
            continue
        elif op is _c.GROUPREF_EXISTS:
            _relax(av[1])
            if av[2] is not None:
                _relax(av[2])
        kept.append((op, av))
    items.data[:] = kept


# Characters that `re` matches case-insensitively with others that `str.lower` does not map them to
# ('ſ' matches 's'), plus those that lower-case to two characters or by context (Greek sigma). A literal
# holding one is not used; a text holding one is searched by the regex.
_FOLD_EXCEPTIONS = "µıſͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆİΣ"
_FOLD_EXCEPTION = re.compile(f"[{_FOLD_EXCEPTIONS}]")


def folds_plainly(text: str, lowered: str | None = None) -> bool:
    """True when `in` on lower-cased text finds what a case-insensitive regex would."""
    if text.isascii():
        return True
    if lowered is None:
        lowered = text.lower()
    return len(lowered) == len(text) and _FOLD_EXCEPTION.search(text) is None


_LiteralSet = frozenset[str]


def _necessary(items: Any) -> list[_LiteralSet]:
    """Sets of strings such that every match of this parsed sequence contains one string of each set."""
    found: list[_LiteralSet] = []
    run: list[str] = []
    for op, av in items.data:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        if op is _c.BRANCH:
            best = [_best(branch) for branch in av[1]]
            if all(b is not None for b in best):
                found.append(frozenset().union(*(b for b in best if b is not None)))
        elif op is _c.SUBPATTERN:
            found += _necessary(av[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or (_POSSESSIVE is not None and op is _POSSESSIVE):
            if av[0] >= 1:
                found += _necessary(av[2])
        elif _ATOMIC is not None and op is _ATOMIC:
            found += _necessary(av)
    if run:
        found.append(frozenset({"".join(run)}))
    return found


def _useful(literals: _LiteralSet) -> bool:
    return bool(literals) and min(map(len, literals)) >= 2 and len(literals) <= 64


def _best(items: Any) -> _LiteralSet | None:
    """The most selective necessary set: the longest shortest string, then the fewest strings."""
    useful = [s for s in _necessary(items) if _useful(s)]
    return max(useful, key=lambda s: (min(map(len, s)), -len(s))) if useful else None


def _literals(parsed: Any) -> tuple[tuple[str, ...], ...] | None:
    """Lower-case sets of strings, every match containing one string of each; None when none is known."""
    sets = []
    for found in _necessary(parsed):
        lowered = frozenset(literal.lower() for literal in found)
        if _useful(lowered) and all(folds_plainly(literal) for literal in lowered):
            sets.append(tuple(sorted(lowered)))
    sets.sort(key=lambda s: (-min(map(len, s)), len(s)))
    return tuple(dict.fromkeys(sets)) or None


def _compiled(parsed: Any, flags: int) -> tuple[Any, ...]:
    """What `_sre.compile` needs for a parsed (and relaxed) pattern: `re`'s own compiler steps."""
    code = [int(op) for op in _sre_compiler._code(parsed, flags)]  # type: ignore[attr-defined]  # re's private step
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


# (literals every match holds, the relaxed twin's code, the strings every match starts with)
_Part = tuple[tuple[tuple[str, ...], ...] | None, tuple[Any, ...], frozenset[str] | None]
_MIN_LEADING = 3  # shorter leading strings occur too often to be worth trying one by one
_MAX_TRIES = 32  # anchored tries before falling back to one search of the whole scope


def _leading(items: Any) -> frozenset[str] | None:
    """Lower-case strings one of which every match starts with (after zero-width assertions), or None.

    A match can then only start where the lower-cased scope holds one of them, so `match`
    at those few places finds what `search` finds, without trying every position: `re`
    gets no start-of-match shortcut from a pattern that opens with `\\b`.
    """
    return _leading_of(list(items.data), [])


def _leading_of(data: list[Any], rest: list[Any]) -> frozenset[str] | None:
    """`_leading` for a parsed sequence followed by `rest` (what comes after it when it matches nothing)."""
    for i, (op, av) in enumerate(data):
        if op is _c.AT or op is _c.ASSERT_NOT:  # zero-width: they consume nothing
            continue
        if op is _c.LITERAL:
            run = []
            for next_op, next_av in data[i:]:
                if next_op is not _c.LITERAL:
                    break
                run.append(chr(next_av))
            return _lowered({"".join(run)})
        after = data[i + 1 :] + rest
        if op is _c.SUBPATTERN:
            return _leading_of(list(av[-1].data), after)
        if op is _c.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                strings = _leading_of(list(branch.data), after)
                if strings is None:
                    return None
                found |= strings
            return frozenset(found)
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            least, _, body = av
            first = _leading_of(list(body.data), [])  # None when the body can match nothing
            if least >= 1 or first is None:
                return first
            # Optional: a match starts with the body, or with what follows it.
            then = _leading_of(after, [])
            return None if then is None else first | then
        return None
    return _leading_of(rest, []) if rest else None


def _lowered(strings: set[str]) -> frozenset[str] | None:
    """The strings lower-cased, or None if one is too short or does not fold plainly."""
    lowered = {string.lower() for string in strings}
    if all(len(string) >= _MIN_LEADING and folds_plainly(string) for string in lowered):
        return frozenset(lowered)
    return None


def _alternatives(pattern: re.Pattern[str], parsed: Any = None) -> list[_Part]:
    """The pattern's top-level alternatives (the patterns a rule lists), each relaxed, with its literals.

    Each is tested on its own, so an alternative whose literals are absent costs a few `in`
    tests, and only the others are searched. `re` moves a prefix that all alternatives
    share (often `\\b`) out of them; it is put back in each.
    """
    if parsed is None:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
    _relax(parsed)  # in place: `parsed` is this function's to change
    where = [i for i, (op, _) in enumerate(parsed.data) if op is _c.BRANCH]
    if len(where) != 1:
        return [(_literals(parsed), _compiled(parsed, pattern.flags), _leading(parsed))]
    at = where[0]
    prefix, suffix = parsed.data[:at], parsed.data[at + 1 :]
    alternatives = []
    branches: list[Any] = parsed.data[at][1][1]  # BRANCH: (None, [alternatives])
    for branch in branches:
        whole = _sre_parser.SubPattern(parsed.state, [*prefix, *branch.data, *suffix])
        alternatives.append((_literals(whole), _compiled(whole, pattern.flags), _leading(whole)))
    return alternatives


_First = Callable[[Any], int]  # a compiled twin -> where it first matches in the scope (`ScopeView.twin_first`)

_building = {"enabled": True}
# Analysing a rule's patterns costs more than it saves on a run of a few postings (a pre-commit hook
# on one file, without the disk cache): the runner turns it off for those, as it does the RE2 twins.


def build_prefilters(enabled: bool) -> bool:
    """Whether deferred prefilters (`Prefilter.deferred`) are analysed when first asked, for this process;
    returns the setting it replaces. Prefilters already built (from the disk cache) are used either way."""
    before = _building["enabled"]
    _building["enabled"] = enabled
    return before


def holds_any(text: str, strings: tuple[str, ...]) -> bool:
    """Whether `text` holds one of the strings: `any(s in text for s in strings)`, without a generator,
    as the prefilters ask it hundreds of times a posting."""
    for string in strings:  # noqa: SIM110 - a loop, not `any()`: this is the hot path
        if string in text:
            return True
    return False


def holds_all(text: str, sets: tuple[tuple[str, ...], ...]) -> bool:
    """Whether `text` holds a string of each set (`holds_any` for every one)."""
    for strings in sets:  # noqa: SIM110 - a loop, not `all()`: this is the hot path
        if not holds_any(text, strings):
            return False
    return True


class Prefilter:
    """A pattern relaxed for a whole-scope test: `may_match` is False only when the original cannot
    match any part of the text.

    A deferred prefilter (`deferred`) holds only its pattern until it is first asked, and is then
    analysed if `build_prefilters` allows; until then, and when the pattern has no prefilter, it
    answers as no prefilter would (it rules nothing out), so findings are the same either way.
    """

    __slots__ = ("_alternatives", "_leading", "_linear", "_parts", "_pattern", "linear", "source")

    def __init__(self, source: str, parts: tuple[_Part, ...], linear: str | None = None) -> None:
        self.source = source
        self._pattern: re.Pattern[str] | None = None  # set while a deferred prefilter waits to be analysed
        self._set(parts, linear)

    def _set(self, parts: tuple[_Part, ...], linear: str | None) -> None:
        self._parts = parts
        self.linear = linear  # the RE2 twin for lower-cased text (`linear_twin`), or None
        self._linear: Any = False  # compiled on first use: False until then, None if RE2 cannot take it
        # Strings one of which every match of the original starts with: each alternative's, when all have some.
        leading_all: set[str] = set()
        for _, _, leading in parts:
            if not leading:
                leading_all.clear()
                break
            leading_all |= leading
        self._leading = tuple(sorted(leading_all)) or None
        # Set last: a prefilter with `_alternatives` is ready to answer.
        self._alternatives: tuple[Any, ...] | None = tuple(
            (literals, _sre.compile(f"(relaxed) {self.source}", *compiled), tuple(sorted(leading)) if leading else None)
            for literals, compiled, leading in parts
        )

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Prefilter | None:
        """The pattern's prefilter, analysed now; None when it has none."""
        if _sre is None:
            return None
        analysed = _analyse(pattern)
        try:
            return None if analysed is None else cls(pattern.pattern, *analysed)
        except Exception:  # re's internals changed: no prefilter, the rule always runs
            return None

    @classmethod
    def deferred(cls, pattern: re.Pattern[str]) -> Prefilter:
        """The pattern's prefilter, analysed when first asked (see the class's docstring)."""
        return _blank(pattern.pattern, pattern)

    def _ready(self, force: bool = False) -> bool:
        """Whether the prefilter can answer: analysed now if it is deferred and analysis is allowed
        (`force`: whatever `build_prefilters` says)."""
        pattern = self._pattern
        if pattern is not None and (force or _building["enabled"]):
            analysed = _analyse(pattern) if _sre is not None else None
            if analysed is not None:
                try:
                    self._set(*analysed)
                except Exception:  # as in `of`: no prefilter
                    self._alternatives = None
            self._pattern = None
        return self._alternatives is not None

    def rules_out(self, lowered: str, plain: bool, encoded: bytes | None, first: _First | None = None) -> bool:
        """True when a test cheaper than the pattern proves it matches nowhere in the text: its words are
        absent, or its RE2 twin finds nothing in `encoded` (`lowered` as UTF-8, given only when plain).
        `first`, when given, answers `twin.first(encoded)` (`ScopeView.twin_first` keeps the answers)."""
        if not self._ready():
            return False
        if not self.may_contain(lowered, plain):
            return True
        if encoded is None or not plain:
            return False
        linear = self._compiled_linear()
        if linear is None:
            return False
        return (linear.first(encoded) if first is None else first(linear)) < 0

    def linear_pattern(self) -> Any:
        """The compiled RE2 twin (search it in lower-cased UTF-8 text only), or None."""
        return self._compiled_linear()

    def _compiled_linear(self) -> Any:
        if not twins_enabled() or not self._ready():
            return None
        if self._linear is False:
            self._linear = compile_twin(self.linear) if self.linear is not None else None
        return self._linear

    def may_contain(self, lowered: str, plain: bool) -> bool:
        """The literal test alone: False when no alternative's words are in the (lower-cased) text."""
        if not plain or not self._ready():
            return True
        assert self._alternatives is not None
        for sets, _, _ in self._alternatives:  # noqa: SIM110 - a loop, not `any()`: hot
            if sets is None or holds_all(lowered, sets):
                return True
        return False

    def may_match(
        self,
        text: str,
        lowered: str,
        plain: bool,
        encoded: bytes | None = None,
        first: _First | None = None,
    ) -> bool:
        """`lowered` is `text.lower()`; `plain` says `folds_plainly(text)`; `encoded`, when given, is
        `lowered` as UTF-8, for the RE2 twin, which then answers in place of the relaxed `re` pattern
        (`first` as for `rules_out`)."""
        if not self._ready():
            return True
        if encoded is not None and plain and self._compiled_linear() is not None:
            return not self.rules_out(lowered, plain, encoded, first)
        assert self._alternatives is not None
        for sets, twin, leading in self._alternatives:
            if plain and sets is not None and not holds_all(lowered, sets):
                continue
            if plain and leading is not None:
                found = _match_at_starts(twin, text, lowered, leading)
                if found is not None:
                    if found:
                        return True
                    continue
            if twin.search(text) is not None:
                return True
        return False

    def starts(self, lowered: str, plain: bool) -> list[int] | None:
        """Every place in a (lower-cased) text where a match of the original pattern can start, ascending;
        None when that is not known or there are too many places to try one by one."""
        if not plain or not self._ready():
            return None
        leading = self._leading
        if leading is None:
            return None
        found: set[int] = set()
        for string in leading:
            at = lowered.find(string)
            while at != -1:
                found.add(at)
                if len(found) > _MAX_TRIES:
                    return None
                at = lowered.find(string, at + 1)
        return sorted(found)

    def search(self, pattern: re.Pattern[str], text: str, lowered: str, plain: bool) -> re.Match[str] | None:
        """`pattern.search(text)`, tried only where a match can start (`starts`). `pattern` is the pattern
        this prefilter was made from; `lowered` is `text.lower()` and `plain` says `folds_plainly(text)`.

        `match` at a position sees the text before it, as `search` does (lookbehinds, `\\b`), and the
        leftmost place that matches is where `search` would have stopped.
        """
        starts = self.starts(lowered, plain)
        if starts is None:
            return pattern.search(text)
        for at in starts:
            match = pattern.match(text, at)
            if match is not None:
                return match
        return None

    def finditer(self, pattern: re.Pattern[str], text: str, lowered: str, plain: bool) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`, tried only where a match can start. Every such match begins with a
        literal, so none is empty, and the next one is the leftmost from the end of the last."""
        starts = self.starts(lowered, plain)
        if starts is None:
            yield from pattern.finditer(text)
            return
        end = 0
        for at in starts:
            if at < end:
                continue
            match = pattern.match(text, at)
            if match is not None:
                yield match
                end = match.end()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled analysed: what is pickled is kept (the disk cache) or lints many postings (a worker)."""
        if not self._ready(force=True):
            return _unavailable, (self.source,)
        return _revived, (self.source, self._parts, self.linear)


def _blank(source: str, pattern: re.Pattern[str] | None) -> Prefilter:
    """A prefilter not analysed: deferred while it holds `pattern`, else one that rules nothing out."""
    blank = Prefilter.__new__(Prefilter)
    blank.source = source
    blank._pattern = pattern
    blank._alternatives = None
    blank._leading = None
    blank._parts = ()
    blank.linear = None
    blank._linear = None
    return blank


_REVIVED: dict[tuple[str, str | None], Prefilter] = {}


def _revived(source: str, parts: tuple[_Part, ...], linear: str | None) -> Prefilter:
    """An analysed prefilter as unpickled: one object for each pattern, however many rules and packs share it.

    A pattern used by many rules (the equal-opportunity statement that a hundred wording rules skip) is one
    prefilter when the packs are built, but each cached pack unpickles its own copy: kept apart, the copies
    cost a compiled pattern each, and the pickled Linter that workers receive a third more bytes."""
    key = (source, linear)
    found = _REVIVED.get(key)
    if found is None or found._parts != parts:
        found = _REVIVED[key] = Prefilter(source, parts, linear)
    return found


def _unavailable(source: str) -> Prefilter:
    """What a deferred prefilter whose pattern has none unpickles to: it rules nothing out."""
    return _blank(source, None)


def _analyse(pattern: re.Pattern[str]) -> tuple[tuple[_Part, ...], str | None] | None:
    """The pattern's relaxed alternatives and its RE2 twin, or None when `re`'s internals are not as expected."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)  # parsed once: it is most of the cost
        linear = _linear_twin(parsed)  # read before `_alternatives` relaxes the tree in place
        return tuple(_alternatives(pattern, parsed)), linear
    except Exception:  # re's internals changed: no prefilter, the rule always runs
        return None


def _linear_twin(parsed: Any) -> str | None:
    """The parsed pattern's RE2 twin for lower-cased text, or None when it has none (see `linear_twin`)."""
    try:
        return translate_search(parsed)
    except Untranslatable:
        return None


def _match_at_starts(twin: Any, text: str, lowered: str, leading: tuple[str, ...]) -> bool | None:
    """Whether the twin matches at a place where `lowered` holds one of its leading strings;
    None when there are too many such places, and one search is cheaper."""
    tries = 0
    for string in leading:
        at = lowered.find(string)
        while at != -1:
            tries += 1
            if tries > _MAX_TRIES:
                return None
            if twin.match(text, at) is not None:
                return True
            at = lowered.find(string, at + 1)
    return False


def prefilters(patterns: list[re.Pattern[str]]) -> tuple[Prefilter | None, ...]:
    """A deferred prefilter for each pattern (one whose pattern has none never rules it out)."""
    return tuple(Prefilter.deferred(p) for p in patterns)
