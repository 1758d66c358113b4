"""The reading modules' own regexes, compiled once per user rather than once per run.

The pack cache keeps the packs' patterns compiled, but the modules that read a posting
(pay, places, dates, languages, mojibake...) compile a few hundred patterns of their own
when they are imported: about 40 ms of a pre-commit run on a posting just edited, a
fifth of it. `regex()` stands for `re.compile` in those modules. It looks the pattern
up, by its source and flags, in one file of compiled code in the user's cache folder
(`compiled_regex` rebuilds a pattern from that code in microseconds); a pattern not
there is compiled by `re` as before and added to the file when the process ends.

A pattern's source is its key, so editing one can never serve stale code. The file is
named after the Python and postlint versions (the code is CPython's, version-specific),
is only read where `cache.usable_cache_dir()` trusts the folder, and is neither read
nor written under `--no-cache`.
"""

from __future__ import annotations

import atexit
import contextlib
import re
import sys
from pathlib import Path
from typing import Any, AnyStr

# Past this many entries a write keeps only what this process used, so the file cannot grow without end
# (each release and each edit of a pattern adds entries).
STORE_LIMIT = 2000
FORMAT = 1

_Key = tuple[str | bytes, int]
_stored: list[dict[_Key, tuple[Any, ...]]] = []  # the store once read (read on first use)
_used: set[_Key] = set()
_new: dict[_Key, re.Pattern[Any]] = {}


def regex(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, rebuilt from the per-user store of compiled code when it holds it."""
    key = (pattern, int(flags))
    stored = _store().get(key)
    _used.add(key)
    if stored is not None:
        from postlint.compiled_regex import restore

        return restore(pattern, int(flags), stored)
    compiled = re.compile(pattern, flags)
    if not _new:
        atexit.register(save)
    _new[key] = compiled
    return compiled


def _file() -> Path | None:
    """The store's path, or None when the disk cache is off or its folder cannot be trusted."""
    from postlint import __version__, cache

    if not cache.enabled():
        return None
    folder = cache.usable_cache_dir()
    if folder is None:
        return None
    python = ".".join(str(part) for part in sys.version_info[:3]) + sys.implementation.cache_tag
    return folder / f"regexes-{FORMAT}-{__version__}-{python}.pickle"


def _store() -> dict[_Key, tuple[Any, ...]]:
    if not _stored:
        _stored.append(_read(_file()))
    return _stored[0]


def _read(path: Path | None) -> dict[_Key, tuple[Any, ...]]:
    if path is None:
        return {}
    import pickle

    from postlint.cache import load_trusted

    try:
        value = load_trusted(path)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def save() -> None:
    """Add the patterns this process compiled to the store (merged with what is on disk, written atomically)."""
    if not _new:
        return
    path = _file()
    if path is None:
        return
    import pickle

    from postlint.atomic import replace_file
    from postlint.compiled_regex import compiled_code

    merged = _read(path)
    if len(merged) + len(_new) > STORE_LIMIT:
        merged = {key: code for key, code in merged.items() if key in _used}
    for key, pattern in _new.items():
        code = compiled_code(pattern)
        if code is not None:
            merged[key] = code
    _new.clear()
    with contextlib.suppress(OSError):  # only ever a shortcut
        replace_file(path, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
