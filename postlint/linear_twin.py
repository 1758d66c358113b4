"""A rule's pattern loosened into RE2 syntax, to rule it out in linear time over lower-cased text.

Python's `re` tries a pattern at every position of a text, and a case-insensitive
pattern that opens with `\\b` gets none of its start-of-match shortcuts: most of a
posting's linting time was such scans, nearly all of them finding nothing. RE2 (the
`google-re2` binding) scans once, in time linear in the text, whatever the pattern.

RE2 is used only to answer "can this pattern match anywhere here?", so its twin must
match wherever the original does, and may match more:

- It runs on the lower-cased scope, which holds each character's lower-case form. Only
  texts that fold plainly are given to it (`prefilter.folds_plainly`: there, a
  case-insensitive match is a match of the lower-cased forms), and every literal and
  class of the pattern stands for its characters' lower-case forms too, whether the
  pattern ignores case or not.
- Assertions and anchors are dropped (lookarounds, `^`): RE2 has no lookarounds. A
  `\\b` stays only beside a character of the pattern that is an ASCII letter or
  digit, the one place where RE2's ASCII-only `\\b` agrees with Python's.
- `\\w`, `\\d` and `\\s` are spelled as the Unicode classes Python gives them, and
  negated classes that hold a letter become "any character": a test checks every
  code point.
- Atomic groups and possessive repeats become ordinary ones, which match more.
- A back-reference, a conditional group, or anything else not understood gives no
  twin: the pattern is then searched by `re` as before.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _c
else:  # pragma: no cover - Python 3.10
    import sre_constants as _c

_MAX_REPEAT = 1000  # RE2's largest counted repetition
_MAX_RANGE = 0x11000  # a wider class range is not lower-cased character by character

# Python's Unicode classes (what `re` tests: str.isalnum() or "_", str.isdecimal(), str.isspace()), in RE2.
# RE2's Unicode tables may be newer than Python's, so a negated class is spelled by its ASCII members only:
# "not a digit" must hold a character that RE2 knows as a digit and Python does not.
# tests/test_linear_twin.py checks each against every code point, lower-cased.
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\p{Nd}",
    _c.CATEGORY_NOT_DIGIT: r"^0-9",
    _c.CATEGORY_SPACE: r"\s\p{Z}\x{1c}-\x{1f}\x{85}\x{0b}",
    _c.CATEGORY_NOT_SPACE: r"^\t-\r \x{1c}-\x{1f}",
    _c.CATEGORY_WORD: r"\p{L}\p{N}_",
    _c.CATEGORY_NOT_WORD: r"^0-9a-zA-Z_",
}
_ANY = r"(?s:.)"
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


class Untranslatable(ValueError):
    """The pattern holds something with no RE2 twin (a back-reference, a conditional group)."""


def translate(parsed: Any) -> str:
    """The RE2 twin of a parsed pattern (`re._parser.parse`), for lower-cased text; raises Untranslatable."""
    data = parsed.data
    parts = []
    for i, (op, av) in enumerate(data):
        if op is _c.AT:
            parts.append(_boundary(data, i))
        elif op is _c.BRANCH:
            lead = i > 0 and data[i - 1] == (_c.AT, _c.AT_BOUNDARY)
            trail = i + 1 < len(data) and data[i + 1] == (_c.AT, _c.AT_BOUNDARY)
            parts.append("(?:" + "|".join(_bounded(branch.data, lead, trail) for branch in av[1]) + ")")
        else:
            parts.append(_item(op, av))
    return "".join(parts)


def _bounded(data: list[tuple[Any, Any]], lead: bool, trail: bool, *, trim: bool = False) -> str:
    """One alternative, with the `\\b` that `re` took out of all of them (`\\b(?:a|b)` is read as a `\\b`
    before the alternatives) put back where the alternative starts (or ends) with an ASCII word character."""
    start = "\\b" if lead and _sequence_edge(data, last=False) else ""
    end = "\\b" if trail and _sequence_edge(data, last=True) else ""
    body = _trimmed(data) if trim else translate(_Sequence(data))
    return start + "(?:" + body + ")" + end


class _Sequence:
    """Parsed items, with the `data` attribute that `translate` reads."""

    __slots__ = ("data",)

    def __init__(self, data: list[tuple[Any, Any]]) -> None:
        self.data = data


def translate_search(parsed: Any) -> str:
    """`translate`, less what may open a match without being needed for one (`[\\W\\d_]*` before a heading
    word, which RE2 would start at the first character of every scope): the twin then starts its match
    where the needed part does, in the same block as the original's match, and still matches wherever
    the original does."""
    return _trimmed(parsed.data)


def _trimmed(data: list[tuple[Any, Any]]) -> str:
    parts: list[str] = []
    i = 0
    while i < len(data):
        op, av = data[i]
        if op is _c.AT:
            parts.append(_boundary(data, i))
        elif not (op in _ZERO_WIDTH or (op in _REPEATS and av[0] == 0)):
            break
        i += 1
    if i == len(data):
        return "".join(parts)
    op, av = data[i]
    if op is _c.SUBPATTERN:
        parts.append("(?:" + _trimmed(av[-1].data) + ")")
    elif op is _c.BRANCH:
        lead = i > 0 and data[i - 1] == (_c.AT, _c.AT_BOUNDARY)
        trail = i + 1 < len(data) and data[i + 1] == (_c.AT, _c.AT_BOUNDARY)
        parts.append("(?:" + "|".join(_bounded(b.data, lead, trail, trim=True) for b in av[1]) + ")")
    else:
        parts.append(_item(op, av))
    return "".join(parts) + translate(_Sequence(data[i + 1 :]))


def _boundary(data: list[tuple[Any, Any]], i: int) -> str:
    """A `\\b` next to a character that is sure to be an ASCII word character stays `\\b`: RE2's word
    characters are ASCII, Python's Unicode, and beside an ASCII letter the two agree (the character on
    the other side is not a word character to Python, so it is none to RE2). Other anchors are dropped."""
    if data[i][1] is not _c.AT_BOUNDARY:
        return ""
    before = i > 0 and _edge_is_ascii_word(data[i - 1], last=True)
    after = i + 1 < len(data) and _edge_is_ascii_word(data[i + 1], last=False)
    return "\\b" if before or after else ""


def _edge_is_ascii_word(item: tuple[Any, Any], *, last: bool) -> bool:
    """Whether every match of the item starts (or, with `last`, ends) with a character that lower-cases
    to an ASCII letter, digit or underscore."""
    op, av = item
    if op is _c.LITERAL:
        lowered = chr(av).lower()
        return len(lowered) == 1 and lowered.isascii() and (lowered.isalnum() or lowered == "_")
    if op is _c.SUBPATTERN:
        return _sequence_edge(av[-1].data, last=last)
    if op is _c.BRANCH:
        return all(_sequence_edge(branch.data, last=last) for branch in av[1])
    if op in _REPEATS:
        return av[0] >= 1 and _sequence_edge(av[2].data, last=last)
    return False


def _sequence_edge(data: list[tuple[Any, Any]], *, last: bool) -> bool:
    return bool(data) and _edge_is_ascii_word(data[-1] if last else data[0], last=last)


def _item(op: Any, av: Any) -> str:
    if op in _ZERO_WIDTH:
        return ""
    if op is _c.LITERAL:
        return _char(_lower_one(chr(av)))
    if op is _c.NOT_LITERAL:
        char = chr(av)
        return f"[^{_char(char)}]" if _uncased(char) else _ANY
    if op is _c.ANY:
        return _ANY
    if op is _c.IN:
        return _class(av)
    if op is _c.BRANCH:
        return "(?:" + "|".join(translate(branch) for branch in av[1]) + ")"
    if op is _c.SUBPATTERN:
        return "(?:" + translate(av[-1]) + ")"
    if _ATOMIC is not None and op is _ATOMIC:
        return "(?:" + translate(av) + ")"
    if op in _REPEATS:
        least, most, body = av
        one_character = len(body.data) == 1 and body.data[0][0] in _ONE_CHARACTER
        return "(?:" + translate(body) + ")" + _count(least, most, loose=one_character)
    raise Untranslatable(str(op))


# RE2 compiles `[^.\n]{0,200}` into 200 copies of the class (several UTF-8 byte ranges each), and its DFA tracks
# every count: such gaps made the statement twins the costliest to build. Past this bound, a repeat of one
# character is written unbounded, which matches more and so keeps the twin a twin.
_LOOSE_REPEAT = 16
_ONE_CHARACTER = {_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN}


def _count(least: int, most: Any, *, loose: bool = False) -> str:
    """A repetition count RE2 takes: over its limit, a bound is dropped or lowered (matching more); a long
    repeat of one character (`loose`) loses its upper bound."""
    least = min(least, _MAX_REPEAT)
    if most is _c.MAXREPEAT or most > _MAX_REPEAT or (loose and most > _LOOSE_REPEAT):
        return f"{{{least},}}"
    return f"{{{least}}}" if most == least else f"{{{least},{most}}}"


def _class(items: list[tuple[Any, Any]]) -> str:
    """A character class: its members and their lower-case forms; negated, only when no letter is in it."""
    negated = bool(items) and items[0][0] is _c.NEGATE
    members = items[1:] if negated else items
    if negated:
        if all(op is _c.LITERAL and _uncased(chr(av)) for op, av in members):
            return "[^" + "".join(_char(chr(av)) for _, av in members) + "]"
        return _ANY  # `[^a]` holds "A", whose lower-case form is "a"
    parts: list[str] = []
    for op, av in members:
        if op is _c.LITERAL:
            char = chr(av)
            parts.append(_char(char) + _char(_lower_one(char)))
        elif op is _c.RANGE:
            parts.append(_range(*av))
        elif op is _c.CATEGORY and av in _CATEGORIES:
            body = _CATEGORIES[av]
            if body.startswith("^"):
                return _ANY  # a negated category inside a class: not worth spelling out
            parts.append(body)
        else:
            raise Untranslatable(str(op))
    return "[" + "".join(parts) + "]"


@lru_cache(maxsize=256)
def _range(low: int, high: int) -> str:
    """A range and the lower-case forms of its characters (as ranges of consecutive code points)."""
    spelled = f"{_char(chr(low))}-{_char(chr(high))}"
    if high - low > _MAX_RANGE:
        raise Untranslatable("range too wide")
    lowered = sorted({ord(_lower_one(chr(code))) for code in range(low, high + 1)} - set(range(low, high + 1)))
    runs: list[str] = []
    i = 0
    while i < len(lowered):
        j = i
        while j + 1 < len(lowered) and lowered[j + 1] == lowered[j] + 1:
            j += 1
        runs.append(_char(chr(lowered[i])) + (f"-{_char(chr(lowered[j]))}" if j > i else ""))
        i = j + 1
    return spelled + "".join(runs)


def _lower_one(char: str) -> str:
    lowered = char.lower()
    if len(lowered) != 1:
        raise Untranslatable(f"{char!r} lower-cases to {len(lowered)} characters")
    return lowered


def _uncased(char: str) -> bool:
    """No other character lower-cases to it, and it has no other case: a class may exclude it."""
    return char.lower() == char == char.upper() and not char.isalpha()


def _char(char: str) -> str:
    """A character as RE2 reads it literally: ASCII letters and digits as they are (twins travel to
    worker processes and into the cache, so they are kept short), anything else by its code point."""
    if char.isascii() and char.isalnum():
        return char
    return f"\\x{{{ord(char):x}}}"


_compiled: dict[str, Twin | None] = {}
# Compiling a twin costs about half a millisecond, and saves a few milliseconds a posting: a run of a
# few postings (a pre-commit hook on one file) is faster without them. The runner decides.
_switch = {"enabled": True}


def use_twins(enabled: bool) -> bool:
    """Turn the twins on or off for this process; returns the setting it replaces."""
    before = _switch["enabled"]
    _switch["enabled"] = enabled
    return before


def twins_enabled() -> bool:
    return _switch["enabled"]


class Twin:
    """A compiled twin: where it first matches in lower-cased UTF-8 text."""

    __slots__ = ("_match", "_unanchored")

    def __init__(self, compiled: Any, re2: Any) -> None:
        regexp = getattr(compiled, "_regexp", None)
        anchor = getattr(getattr(re2, "_Anchor", None), "UNANCHORED", None)
        if regexp is not None and anchor is not None and hasattr(regexp, "Match"):
            # The binding's own `search` wraps this call in Python that maps byte offsets back to characters
            # and builds a match object: most of its cost, for an answer that is one byte offset.
            self._match = regexp.Match
            self._unanchored = anchor
        else:  # pragma: no cover - another version of the binding: its public API
            self._match = None
            self._unanchored = compiled

    def first(self, data: bytes, start: int = 0) -> int:
        """The byte offset where the twin first matches in `data` from `start` on, or -1."""
        if self._match is None:  # pragma: no cover - see __init__
            found = self._unanchored.search(data, start)
            return -1 if found is None else int(found.start())
        return int(self._match(self._unanchored, data, start, len(data))[0][0])


def compile_twin(twin: str) -> Twin | None:
    """The compiled RE2 twin, or None when RE2 is not installed or will not take it (then `re` is used)."""
    if twin in _compiled:
        return _compiled[twin]
    try:
        import re2  # the binding ships no type information: see the mypy overrides in pyproject.toml
    except ImportError:  # pragma: no cover - no wheel for this platform: `re` does the work
        _compiled[twin] = None
        return None
    options = re2.Options()
    options.max_mem = 64 << 20  # the DFA cache grows within this as needed (111 MiB peak on the real corpus)
    try:
        pattern: Twin | None = Twin(re2.compile(twin, options), re2)
    except Exception:  # over RE2's limits: `re` does the work
        pattern = None
    _compiled[twin] = pattern
    return pattern
