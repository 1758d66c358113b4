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

Beneath the user's file lies the package's own (`shipped`): the same table, built with the
package when it is installed (`postlint.prebuild`, run by `setup.py`), in `postlint/tables/`
under the same name. It answers what the user's file lacks, so the first run after installing,
and every `--no-cache` run, compiles only what the package's own sample never did. It is
read-only, it holds nothing but what the package's own sources compile to, and, keyed by the
exact source like the user's file, it can never serve code for a source that changed.
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
        self._shipped: dict[Hashable, Any] | None = None  # the package's table once read
        self._used: set[Hashable] = set()
        self._new: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any | None:
        """The stored value for `key`, or None."""
        if self._stored is None:
            self._stored = self._read(self.path())
        self._used.add(key)
        found = self._stored.get(key)
        return found if found is not None else self.shipped(key)

    def shipped(self, key: Hashable) -> Any | None:
        """The value the package's own table holds for `key`, or None (the user's file is not read)."""
        if self._shipped is None:
            self._shipped = read_shipped(self.file_name())
        return self._shipped.get(key)

    def add(self, key: Hashable, value: Any) -> None:
        """Queue `value` (encoded when saved) to be stored under `key` when the process ends."""
        if not self._new:
            atexit.register(self.save)
        self._new[key] = value

    def forget(self) -> None:
        """As a new process starts: nothing read, used or queued."""
        self._stored = None
        self._shipped = None
        self._used = set()
        self._new = {}

    def path(self) -> Path | None:
        """The store's file, or None when the disk cache is off or its folder cannot be trusted."""
        from postlint import cache

        if not cache.enabled():
            return None
        folder = cache.usable_cache_dir()
        if folder is None:
            return None
        return folder / self.file_name()

    def file_name(self) -> str:
        """The file's name, the user's and the package's."""
        return versioned_name(self.name)

    def queued(self) -> dict[Hashable, Any]:
        """What this process compiled and the stores lacked, encoded as the file stores it."""
        encoded = {key: self._encode(value) for key, value in self._new.items()}
        return {key: value for key, value in encoded.items() if value is not None}

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
        merged.update(self.queued())
        self._new.clear()
        with contextlib.suppress(OSError):  # only ever a shortcut
            replace_file(path, pickle.dumps(merged, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)


def versioned_name(name: str) -> str:
    """`name`'s file for this postlint and this Python: compiled code is one Python's, one version's."""
    from postlint import __version__

    python = ".".join(str(part) for part in sys.version_info[:3]) + str(sys.implementation.cache_tag)
    return f"{name}-{__version__}-{python}.pickle"


def read_shipped(file_name: str) -> dict[Hashable, Any]:
    """A table in `postlint/tables/` (none in a source checkout), or {}: as trusted as the code beside it."""
    import pickle

    try:
        with open(Path(__file__).parent / "tables" / file_name, "rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
