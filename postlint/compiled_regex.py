"""Pickling compiled regexes with their compiled code, so a cache hit skips `re`'s compiler.

A pickled `re.Pattern` is only its source and flags: unpickling compiles it again,
and for the built-in packs (a gazetteer alternation of a thousand place names,
statement patterns with dozens of alternatives) that was most of a cold start.
CPython's compiler is pure Python, but its output (a list of integers) is handed to
the C function `_sre.compile`, which checks it and builds the pattern in
microseconds. This module pickles that output and rebuilds patterns from it.

`_sre.compile` is CPython's internal interface. The pack cache is keyed by the
Python version, so code is only ever rebuilt by the interpreter that made it;
anything unexpected (another implementation, a changed signature, a code list the
C validator refuses) falls back to compiling from the source.
"""

from __future__ import annotations

import copyreg
import io
import pickle
import re
import sys
from contextvars import ContextVar
from typing import Any

if sys.version_info >= (3, 11):
    from re import _compiler as _sre_compiler
    from re import _parser as _sre_parser
else:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compiler
    import sre_parse as _sre_parser

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None


_RESTORED: dict[tuple[str | bytes, int], re.Pattern[Any]] = {}


def restore(pattern: str | bytes, flags: int, compiled: tuple[Any, ...] | None) -> re.Pattern[Any]:
    """Rebuild a pattern from its compiled code, or from its source if that is not possible.

    One object for each pattern in a process, as `re.compile`'s own cache gives: a pattern that several rules
    or packs share (a `when` condition written once as a YAML anchor) is then pickled once in the Linter sent to
    each worker, as it is when the packs are built afresh."""
    key = (pattern, flags)
    found = _RESTORED.get(key)
    if found is None:
        found = _RESTORED[key] = _rebuild(pattern, flags, compiled)
    return found


def _rebuild(pattern: str | bytes, flags: int, compiled: tuple[Any, ...] | None) -> re.Pattern[Any]:
    if compiled is not None and _sre is not None:
        try:
            all_flags, code, groups, groupindex, indexgroup = compiled
            rebuilt: re.Pattern[Any] = _sre.compile(pattern, all_flags, code, groups, groupindex, indexgroup)
            return rebuilt
        except (TypeError, ValueError, RuntimeError):
            pass
    return re.compile(pattern, flags)


def compiled_code(pattern: re.Pattern[Any]) -> tuple[Any, ...] | None:
    """What `re`'s compiler hands to `_sre.compile` for this pattern (the same steps, replayed)."""
    try:
        parsed = _sre_parser.parse(pattern.pattern, pattern.flags)
        # re's private compiler step (no public API gives the opcodes); opcodes are int subclasses.
        code = [int(op) for op in _sre_compiler._code(parsed, pattern.flags)]  # type: ignore[attr-defined]
        groupindex = parsed.state.groupdict
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (pattern.flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except Exception:  # any change in re's internals: pickle the source only
        return None


def _reduce_pattern(pattern: re.Pattern[Any]) -> tuple[Any, ...]:
    return restore, (pattern.pattern, pattern.flags, compiled_code(pattern))


_storing = ContextVar("storing", default=False)


def storing() -> bool:
    """True while `dumps` pickles for the disk cache; an object may then pickle in its cached form."""
    return _storing.get()


def dumps(value: Any) -> bytes:
    """Pickle `value`, storing every regex inside it with its compiled code."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dispatch_table[re.Pattern] = _reduce_pattern
    token = _storing.set(True)
    try:
        pickler.dump(value)
    finally:
        _storing.reset(token)
    return buffer.getvalue()
