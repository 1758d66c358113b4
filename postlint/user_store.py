"""One file of compiled code in the user's cache folder, read once and added to at exit.

A run compiles the same things every time it starts: the reading modules' regexes
(`regex_store`) and the methods `@dataclass` generates (`dataclass_code`). Each keeps
them in a `UserStore`: a dict pickled in one file, keyed by the exact source, so an
edited source can never be served stale code. The file is named after the Python and
postlint versions (compiled code is CPython's and version-specific), is only read where
`cache.usable_cache_dir()` trusts the folder (`cache.load_trusted` also checks the file),
and is neither read nor written under `--no-cache`. Past `limit` entries a write keeps only
what this process used, so the file cannot grow without end (each release and each
edited source adds entries).
"""

from __future__ import annotations

import atexit
import contextlib
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any


class UserStore:
    """Compiled values by source key: `get` reads the file on first use, `add` queues a value for `save`."""

    def __init__(self, name: str, limit: int, encode: Callable[[Any], Any | None]) -> None:
        self.name = name  # the file's stem, with its format number ("regexes-1")
        self.limit = limit
        self._encode = encode  # a queued value as stored (None: not storable)
        self._stored: dict[Hashable, Any] | None = None  # the file once read
        self._used: set[Hashable] = set()
        self._new: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any | None:
        """The stored value for `key`, or None."""
        if self._stored is None:
            self._stored = self._read(self.path())
        self._used.add(key)
        return self._stored.get(key)

    def add(self, key: Hashable, value: Any) -> None:
        """Queue `value` (encoded when saved) to be stored under `key` when the process ends."""
        if not self._new:
            atexit.register(self.save)
        self._new[key] = value

    def forget(self) -> None:
        """As a new process starts: nothing read, used or queued."""
        self._stored = None
        self._used = set()
        self._new = {}

    def path(self) -> Path | None:
        """The store's file, or None when the disk cache is off or its folder cannot be trusted."""
        from postlint import __version__, cache

        if not cache.enabled():
            return None
        folder = cache.usable_cache_dir()
        if folder is None:
            return None
        python = ".".join(str(part) for part in sys.version_info[:3]) + sys.implementation.cache_tag
        return folder / f"{self.name}-{__version__}-{python}.pickle"

    @staticmethod
    def _read(path: Path | None) -> dict[Hashable, Any]:
        if path is None:
            return {}
        import pickle

        from postlint.cache import load_trusted

        try:
            value = load_trusted(path)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return {}
        return value if isinstance(value, dict) else {}

    def save(self) -> None:
        """Add what this process queued to the file (merged with what is on disk, written atomically)."""
        if not self._new:
            return
        path = self.path()
        if path is None:
            return
        import pickle

        from postlint.atomic import replace_file

        merged = self._read(path)
        if len(merged) + len(self._new) > self.limit:
            merged = {key: value for key, value in merged.items() if key in self._used}
        for key, value in self._new.items():
            encoded = self._encode(value)
            if encoded is not None:
                merged[key] = encoded
        self._new.clear()
        with contextlib.suppress(OSError):  # only ever a shortcut
            replace_file(path, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
