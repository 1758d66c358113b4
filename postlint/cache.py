"""An on-disk cache of compiled packs and validated configs, keyed on the source file's identity.

Validation (pydantic) and YAML parsing cost more at start-up than linting one
posting, and pre-commit starts postlint on every commit. A cache entry is a
pickle keyed by postlint's version, the Python version, the source file's
path, size and modification time, and the modification times of postlint's
own rule-kind code; anything else changes the key. Failures to read or write
the cache are ignored: it is only ever a shortcut.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_CODE_DIRS = ("checks", "kinds", "packs", "facts")
_CODE_FILES = ("compiled_regex.py", "prefilter.py")
_switch = {"enabled": True}  # `--no-cache` turns the cache off for the whole process


def disable() -> None:
    """No disk cache for the rest of this process (`--no-cache`): data files are read afresh."""
    _switch["enabled"] = False


def cache_dir() -> Path:
    """`$POSTLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/postlint`, else `~/.cache/postlint`."""
    explicit = os.environ.get("POSTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "postlint"


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    from postlint import __version__

    package = Path(__file__).parent
    stamps = [__version__, sys.version]
    for name in _CODE_FILES:
        stamps.append(f"{name}:{(package / name).stat().st_mtime_ns}")
    for folder in _CODE_DIRS:
        for file in sorted((package / folder).glob("*.py")):
            stamps.append(f"{file.name}:{file.stat().st_mtime_ns}")
    return "|".join(stamps)


def cached(kind: str, source: Path, build: Callable[[], T], *, enabled: bool = True) -> T:
    """Return build() for `source`, from the cache when the file has not changed."""
    if not (enabled and _switch["enabled"]):
        return build()
    try:
        stat = source.stat()
        key = f"{kind}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{_code_stamp()}"
    except OSError:
        return build()
    entry = cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    from postlint.atomic import replace_file
    from postlint.compiled_regex import dumps

    try:
        data = dumps(value)  # regexes with their compiled code: a hit skips re's compiler
        entry.parent.mkdir(parents=True, exist_ok=True)
        replace_file(entry, data)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        pass
    return value
