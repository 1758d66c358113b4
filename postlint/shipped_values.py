"""What the package's own data files build to, built once with the package.

`cache.cached` builds a value from a file (a built-in pack, the gazetteer, the word lists,
the link hosts) and keeps it in the user's cache folder. Beneath that lies this table,
written by `postlint.prebuild` into `postlint/tables/` when the package is built: the value
of each of the package's data files, pickled as the user's cache pickles it. So the first
run after installing, and a `--no-cache` run, read the built-in packs without parsing their
YAML or building their rules.

It cannot be stale. It answers only for files inside the package, and only while every
file its values come from is what it was built from: the table carries a digest of the
content of the code that builds and runs them (the folders and files whose modification
times key the user's cache) and of every data file and pack of the package, checked once
per process against the files installed (a few milliseconds, paid only when the user's
cache has no entry). Any change, and it is not used.
"""

from __future__ import annotations

import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_DATA_DIRS = ("rules", "data")  # every file in them: the packs, the gazetteer, cities, word lists, link hosts

# While `postlint.prebuild` builds the table: pickled values by (kind, path inside the package).
recorded: dict[tuple[str, str], bytes] | None = None
_table: dict[str, Any] = {}


def file_name() -> str:
    """The table's name: pickled values are one postlint version's, and one Python's."""
    from postlint.user_store import versioned_name

    return versioned_name(f"values-{FORMAT}")


def lookup(kind: str, source: Path) -> Any | None:
    """The value the package's table holds for `source`, or None."""
    where = _inside_package(source)
    if where is None:
        return None
    if "entries" not in _table:
        _table.update(_read())
    entry = _table["entries"].get((kind, where))
    if entry is None:
        return None
    try:
        return pickle.loads(entry)
    except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def record(kind: str, source: Path, value: Any) -> None:
    """While the table is being built: keep `value`, built from `source`, pickled with its compiled regexes."""
    where = _inside_package(source)
    if recorded is None or where is None:
        return
    from postlint.compiled_regex import dumps

    recorded[(kind, where)] = dumps(value)


def write(folder: Path) -> int:
    """Write what was recorded into `folder`; the number of values."""
    entries = recorded or {}
    table = {"identity": identity(), "entries": entries}
    (folder / file_name()).write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    return len(entries)


def _read() -> dict[str, Any]:
    """The table, if it was built from the files installed; else an empty one."""
    from postlint.user_store import read_shipped

    table: dict[Any, Any] = read_shipped(file_name())
    if not isinstance(table.get("entries"), dict) or table.get("identity") != identity():
        return {"entries": {}}
    return table


def _inside_package(source: Path) -> str | None:
    """`source` as a path inside the package (`rules/eeo.yaml`), or None for any other file."""
    try:
        return source.resolve().relative_to(_PACKAGE).as_posix()
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def identity() -> str:
    """A digest of the content of every file the table's values are built from."""
    try:
        from _blake2 import blake2b  # hashlib's own blake2b, without importing OpenSSL
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    from postlint.cache import code_files

    digest = blake2b(digest_size=20)
    files = list(code_files())
    for folder in _DATA_DIRS:
        for root, dirs, names in os.walk(_PACKAGE / folder):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            files += [os.path.join(root, name) for name in names]
    for file in sorted(files, key=lambda f: os.path.relpath(f, _PACKAGE)):
        try:
            with open(file, "rb") as handle:
                content = handle.read()
        except OSError:
            return "unreadable"
        digest.update(os.path.relpath(file, _PACKAGE).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(len(content).to_bytes(8, "little") + content)
    return digest.hexdigest()
