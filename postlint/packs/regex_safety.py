"""Refuse pack regexes that can take exponential time (ReDoS), when the pack loads.

Python's `re` backtracks, and a match cannot be interrupted: no signal or timer
runs while the C matcher holds the interpreter. A hostile or careless pattern such
as `(a+)+$` on a line of thirty `a`s would hang a CI run. So such patterns are
rejected before anything runs, with a message that says what to rewrite.

Exponential backtracking needs a repeat that can match the same text in more than
one way. Two shapes cause nearly all of it, and both are detected here:

- a repeat inside a repeat, with nothing mandatory between the iterations that the
  inner repeat cannot also match: `(a+)+`, `(\\w+\\s?)*`, `(x*)*`;
- alternatives under a repeat that can start with the same character: `(a|aa)+`,
  `(\\w|\\d)*`.

A separator makes the iterations unambiguous, so `(\\w+\\s)+` and `(\\s*,\\s*\\w+)*`
are accepted. Character classes are compared on a sample alphabet (ASCII, Latin,
typographic punctuation, a few letters of other scripts, and every character the
pattern itself names), which is enough to tell `\\w` from `,` without enumerating Unicode.

Also refused, because their time grows as a high power of the text's length or worse:
a counted repeat of more than three (`(a*){16}`) treated like an unbounded one; three
or more unbounded repeats in a row that can consume the same characters with nothing
required between them (`a*a*a*$`); backreferences and conditional groups, which no
linear-time engine supports. Scoped flags (`(?i:...)`) are followed. Atomic groups and
possessive repeats never backtrack into themselves and are accepted.

This is a heuristic and cannot be complete; `postlint.time_budget` bounds the time that
rules of packs other than the built-in ones may spend on one posting, whatever they hold.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from functools import cache
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as sre
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse

_SAMPLE = "".join(chr(c) for c in range(0x300)) + "\u00a0\u2002\u2009\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026"
_SAMPLE += "\u20ac\u2122\u3000\u4e2d\u6587\u0436\u03b1\u05d0\u0627\u00e9\U0001f600"
_ALL = frozenset(_SAMPLE)
_CATEGORY_PATTERNS = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
    "CATEGORY_LINEBREAK": r"\n",
    "CATEGORY_NOT_LINEBREAK": r"[^\n]",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}
_UNBOUNDED = 3  # a repeat allowed more times than this counts as unbounded: (a*){16} is degree 16
_CHAIN = 3  # this many overlapping unbounded repeats in a row is refused: a*a*a*$ is cubic
_ATOMIC = getattr(sre, "ATOMIC_GROUP", None)
_POSSESSIVE = getattr(sre, "POSSESSIVE_REPEAT", None)


class UnsafeRegex(ValueError):
    """A pattern that can backtrack exponentially; the message says where and how to fix it."""


@cache
def _category(name: str) -> frozenset[str]:
    pattern = re.compile(_CATEGORY_PATTERNS.get(name, r"[\s\S]"))
    return frozenset(ch for ch in _SAMPLE if pattern.match(ch))


def _casefold(chars: frozenset[str], ignore_case: bool) -> frozenset[str]:
    if not ignore_case:
        return chars
    return chars | frozenset(c.swapcase() for c in chars if len(c.swapcase()) == 1)


def _in_set(items: Iterable[tuple[Any, Any]], alphabet: frozenset[str] = _ALL) -> frozenset[str]:
    """The characters of the alphabet a `[...]` class matches."""
    negate, out = False, set()
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out |= {ch for ch in alphabet if av[0] <= ord(ch) <= av[1]}
        elif op is sre.CATEGORY:
            out |= _category(str(av)) | _categorised(str(av), alphabet - _ALL)
    return alphabet - out if negate else frozenset(out)


def _categorised(name: str, extra: frozenset[str]) -> frozenset[str]:
    """The characters outside the sample that a category such as `\\w` matches."""
    if not extra:
        return frozenset()
    pattern = re.compile(_CATEGORY_PATTERNS.get(name, r"[\s\S]"))
    return frozenset(ch for ch in extra if pattern.match(ch))


def _named_chars(items: Iterable[tuple[Any, Any]]) -> set[str]:
    """Every character a parsed pattern names: literals and the ends of ranges, at any depth."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            found.add(chr(av))
        elif op is sre.RANGE:
            found |= {chr(av[0]), chr(av[1])}
        elif op is sre.IN:
            found |= _named_chars(av)
        elif op in _REPEATS or (_POSSESSIVE is not None and op is _POSSESSIVE):
            found |= _named_chars(av[2])
        elif op is sre.SUBPATTERN:
            found |= _named_chars(av[-1])
        elif _ATOMIC is not None and op is _ATOMIC:
            found |= _named_chars(av)
        elif op is sre.BRANCH:
            for branch in av[1]:
                found |= _named_chars(branch)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found |= _named_chars(av[1])
    return found


class _Analyser:
    def __init__(self, flags: int, alphabet: frozenset[str] = _ALL) -> None:
        self.ignore_case = bool(flags & re.IGNORECASE)
        self.alphabet = alphabet

    def scoped(self, av: Any) -> _Analyser:
        """The analyser for a group's body under its own flags: `(?i:...)` or `(?-i:...)`."""
        add, remove = av[1], av[2]
        ignore_case = (self.ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        if ignore_case == self.ignore_case:
            return self
        return _Analyser(re.IGNORECASE if ignore_case else 0, self.alphabet)

    # What a piece of pattern can consume, and whether it can match the empty string.

    def chars(self, items: Iterable[tuple[Any, Any]]) -> frozenset[str]:
        """Every sample character the items can consume, wherever in their match."""
        out: set[str] = set()
        for op, av in items:
            if op is sre.LITERAL:
                out |= _casefold(frozenset(chr(av)), self.ignore_case)
            elif op is sre.NOT_LITERAL:
                out |= self.alphabet - {chr(av)}
            elif op is sre.ANY:
                out |= self.alphabet
            elif op is sre.IN:
                out |= _casefold(_in_set(av, self.alphabet), self.ignore_case)
            elif op in _REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
                out |= self.chars(av[2])
            elif op is sre.SUBPATTERN:
                out |= self.scoped(av).chars(av[-1])
            elif op is getattr(sre, "ATOMIC_GROUP", None):
                out |= self.chars(av)
            elif op is sre.BRANCH:
                for branch in av[1]:
                    out |= self.chars(branch)
            elif op is sre.GROUPREF or op is sre.GROUPREF_EXISTS:
                out |= self.alphabet
        return frozenset(out)

    def first(self, items: list[tuple[Any, Any]]) -> frozenset[str]:
        """The sample characters a match of the sequence can start with."""
        out: set[str] = set()
        for item in items:
            out |= self.chars_first(item)
            if not self.nullable([item]):
                break
        return frozenset(out)

    def chars_first(self, item: tuple[Any, Any]) -> frozenset[str]:
        op, av = item
        if op in _REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
            return self.first(list(av[2]))
        if op is sre.SUBPATTERN:
            return self.scoped(av).first(list(av[-1]))
        if op is getattr(sre, "ATOMIC_GROUP", None):
            return self.first(list(av))
        if op is sre.BRANCH:
            return frozenset().union(*(self.first(list(b)) for b in av[1]))
        return self.chars([item])

    def nullable(self, items: Iterable[tuple[Any, Any]]) -> bool:
        for op, av in items:
            if op in _REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
                if av[0] > 0 and not self.nullable(av[2]):
                    return False
            elif op is sre.SUBPATTERN:
                if not self.nullable(av[-1]):
                    return False
            elif op is getattr(sre, "ATOMIC_GROUP", None):
                if not self.nullable(av):
                    return False
            elif op is sre.BRANCH:
                if not any(self.nullable(b) for b in av[1]):
                    return False
            elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue
            else:
                return False
        return True

    # The search for ambiguous repeats.

    def flatten(self, items: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """The top-level sequence of a repeat body, with plain groups opened up."""
        out: list[tuple[Any, Any]] = []
        for op, av in items:
            if op is sre.SUBPATTERN:
                out += self.flatten(av[-1])
            else:
                out.append((op, av))
        return out

    def inner_repeats(self, items: Iterable[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """Unbounded repeats inside the items (not inside atomic groups, which never backtrack into)."""
        found: list[tuple[Any, Any]] = []
        for op, av in items:
            if op in _REPEATS:
                if av[1] is sre.MAXREPEAT or av[1] > _UNBOUNDED:
                    found.append((op, av))
                found += self.inner_repeats(av[2])
            elif op is sre.SUBPATTERN:
                found += self.inner_repeats(av[-1])
            elif op is sre.BRANCH:
                for branch in av[1]:
                    found += self.inner_repeats(branch)
        return found

    def problem(self, body: list[tuple[Any, Any]]) -> str | None:
        """Why one iteration of an unbounded repeat's body can match the same text in several ways."""
        sequence = self.flatten(body)
        optional = [item for item in sequence if self.nullable([item]) and self.chars([item])]
        for candidate in self.inner_repeats(body) + optional:
            if not self.separated(candidate, sequence):
                return "a repeated group contains a repeat or an optional part that can match the same text"
        for item in sequence:
            op, av = item
            if op is not sre.BRANCH:
                continue
            if sum(self.nullable(branch) for branch in av[1]) > 1:
                return "a repeated group has two alternatives that can both match nothing"
            if self.separated(item, sequence):
                continue
            seen: set[str] = set()
            for branch in av[1]:
                starts = self.first(list(branch))
                if starts & seen:
                    return "a repeated group has alternatives that can match the same text"
                seen |= starts
        return None

    def separated(self, candidate: tuple[Any, Any], sequence: list[tuple[Any, Any]]) -> bool:
        """True if the body has a mandatory part the candidate cannot match, which pins each iteration down."""
        consumed = self.chars([candidate])
        return not consumed or any(
            item is not candidate
            and not self.nullable([item])
            and not self.contains(item, candidate)
            and not (self.chars([item]) & consumed)
            for item in sequence
        )

    def contains(self, item: tuple[Any, Any], target: tuple[Any, Any]) -> bool:
        if item is target:
            return True
        op, av = item
        if op in _REPEATS or op is getattr(sre, "POSSESSIVE_REPEAT", None):
            return any(self.contains(i, target) for i in av[2])
        if op is sre.SUBPATTERN:
            return any(self.contains(i, target) for i in av[-1])
        if op is sre.BRANCH:
            return any(self.contains(i, target) for b in av[1] for i in b)
        return False

    def chain(self, items: list[tuple[Any, Any]]) -> str | None:
        """Why a sequence holds too many unbounded repeats in a row that can share characters."""
        run: list[frozenset[str]] = []
        for op, av in items:
            unbounded = op in _REPEATS and (av[1] is sre.MAXREPEAT or av[1] > _UNBOUNDED)
            if unbounded:
                consumed = self.chars(av[2])
                if run and not any(consumed & earlier for earlier in run):
                    run = []
                run.append(consumed)
                if len(run) >= _CHAIN:
                    return f"{len(run)} repeats in a row can match the same characters, with nothing required between"
            elif not self.nullable([(op, av)]):  # a required part pins the repeats around it down
                run = []
        return None

    def walk(self, items: Iterable[tuple[Any, Any]]) -> str | None:
        items = list(items)
        reason = self.chain(self.flatten(items))
        if reason:
            return reason
        for op, av in items:
            if op is sre.GROUPREF or op is sre.GROUPREF_EXISTS:
                return "backreferences and conditional groups can take exponential time and are not allowed in packs"
            if op in _REPEATS:
                if av[1] is sre.MAXREPEAT or av[1] > _UNBOUNDED:
                    reason = self.problem(list(av[2]))
                    if reason:
                        return reason
                reason = self.walk(av[2])
            elif op is sre.SUBPATTERN:
                reason = self.scoped(av).walk(av[-1])
            elif op is sre.BRANCH:
                reason = next((r for b in av[1] if (r := self.walk(b))), None)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                reason = self.walk(av[1])
            else:
                reason = None
            if reason:
                return reason
        return None


# Set while a pack postlint ships is compiled: its regexes were checked by the test suite
# (tests/test_packs.py), so a run does not analyse them again, nor compile each on its own
# to validate it, on every start without a cache.
shipped_pack: ContextVar[bool] = ContextVar("shipped_pack", default=False)


def check_regex(pattern: str, flags: int = 0) -> None:
    """Raise UnsafeRegex if the pattern can backtrack exponentially; the pattern must already compile."""
    if shipped_pack.get():
        return
    parsed = sre_parse.parse(pattern, flags)
    alphabet = _ALL | frozenset(_named_chars(parsed.data))
    reason = _Analyser(flags | parsed.state.flags, alphabet).walk(parsed.data)
    if reason:
        raise UnsafeRegex(
            f"regex {pattern!r} can take exponential (or high polynomial) time on some text ({reason}); "
            "make each repetition unambiguous, e.g. '(\\w+\\s)+' instead of '(\\w+\\s?)+', "
            "or use an atomic group '(?>...)' or a possessive quantifier '++' (Python 3.11+)"
        )
