"""The reading modules' own regexes, compiled once per user rather than once per run.

The pack cache keeps the packs' patterns compiled, but the modules that read a posting
(pay, places, dates, languages, mojibake...) compile a few hundred patterns of their own
when they are imported: about 40 ms of a pre-commit run on a posting just edited, a
fifth of it. `regex()` stands for `re.compile` in those modules. It looks the pattern
up, by its source and flags, in a `UserStore` of compiled code (`compiled_regex` rebuilds
a pattern from that code in microseconds); a pattern not there is compiled by `re` as
before and added to the store when the process ends. `user_store` says when the file is
read and written (never under `--no-cache`). A library we import compiles its own patterns
at import (markdown-it about forty); `serving()` lends it `regex()` for the import.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any, AnyStr

from postlint.user_store import UserStore

FORMAT = 1


def _code(pattern: re.Pattern[Any]) -> tuple[Any, ...] | None:
    from postlint.compiled_regex import compiled_code

    return compiled_code(pattern)


# 2,000 entries: several releases' worth of the few hundred patterns the reading modules compile.
STORE = UserStore(f"regexes-{FORMAT}", 2000, _code)


def regex(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, rebuilt from the per-user store of compiled code when it holds it."""
    key = (pattern, int(flags))
    stored = STORE.get(key)
    if stored is not None:
        from postlint.compiled_regex import restore

        return restore(pattern, int(flags), stored)
    compiled = _compile(pattern, flags)
    STORE.add(key, compiled)
    return compiled


_compile = re.compile  # re's own, even while `serving()` lends `regex` in its place

# While `postlint.prebuild` builds the package's table: the patterns `packaged` compiled.
recorded: dict[tuple[Any, int], re.Pattern[Any]] | None = None


def packaged(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, rebuilt from the package's own table when it holds the pattern.

    For patterns whose compiled form another cache keeps (the packs', the gazetteer's): the user's
    store is not read, nor added to; only the table built with the package (`user_store`) is.
    """
    key = (pattern, int(flags))
    stored = STORE.shipped(key)
    if stored is not None:
        from postlint.compiled_regex import restore

        return restore(pattern, int(flags), stored)
    compiled = _compile(pattern, flags)
    if recorded is not None:
        recorded[key] = compiled
    return compiled


def _served(pattern: Any, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:
    if isinstance(pattern, (str, bytes)):
        return regex(pattern, flags)
    return _compile(pattern, flags)  # a compiled pattern passed again: re's answer (or error)


@contextlib.contextmanager
def serving() -> Iterator[None]:
    """`re.compile` is `regex` inside the block: for importing a library whose modules compile patterns.

    Only for imports: `regex` keeps no per-process cache, so code that compiles at each call
    should not run inside.
    """
    original = re.compile
    if original is not _compile:  # nested, or someone else's: leave it
        yield
        return
    re.compile = _served
    try:
        yield
    finally:
        re.compile = original
