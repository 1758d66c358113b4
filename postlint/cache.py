"""An on-disk cache of compiled packs and validated configs, keyed on the source file's identity.

Validation (pydantic) and YAML parsing cost more at start-up than linting one
posting, and pre-commit starts postlint on every commit. A cache entry is a
pickle keyed by its format (`CACHE_FORMAT`), postlint's version, the Python version, the source file's
path, size and modification time, and the modification times of postlint's
own rule-kind code; anything else changes the key. Failures to read or write
the cache are ignored: it is only ever a shortcut.

Unpickling runs code, so the cache is used only where nobody else could have
written it: a folder that is no link, owned by the user running postlint and
not writable by group or others, and files likewise. `POSTLINT_CACHE_DIR` or a
cache restored by CI may point anywhere; a folder that fails the test is named
once on standard error and the run goes on without the cache.

Every release, every edited pack and every edited config adds entries, and nothing
ever asks for the old ones again. So an entry read is marked used (its modification
time, at most once a day), and when a run writes a new entry it removes the entries
not used for `STALE_DAYS`: the folder holds what is in use, not every version ever run.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
# The layout of what is pickled: raise it when cached objects move or change shape (checks moved from
# `postlint/checks/` into `postlint/kinds/<kind>/` in 2; a rule's check and condition pickled apart, loaded when used,
# in 3), so entries written by older code are never read.
CACHE_FORMAT = 3
_CODE_DIRS = ("kinds", "packs", "facts")  # searched recursively: each kind is a package of its own
# Modules whose code shapes what is cached (config.py: the cached Settings).
_CODE_FILES = ("compiled_regex.py", "prefilter.py", "linear_twin.py", "laws.py", "employer_profile.py", "config.py")
_switch = {"enabled": True, "warned": False}  # `--no-cache` turns the cache off for the whole process
# Kinds whose values nothing changes once built: one object per key serves the whole process, and the
# children of a warm server (`postlint.warm`) take the ones it loaded, with their checks already unpickled.
_SHARED_KINDS = frozenset({"pack", "gazetteer", "gender-coded", "link-hosts"})
_in_memory: dict[str, object] = {}
STALE_DAYS = 30  # an entry no run has read for this long is removed when a run writes a new one
_DAY = 24 * 3600
_pruned = {"done": False}  # once per process: a run that writes several entries scans the folder once


def disable() -> None:
    """No disk cache for the rest of this process (`--no-cache`): data files are read afresh."""
    _switch["enabled"] = False


def enabled() -> bool:
    """False once `--no-cache` has turned the disk cache off."""
    return _switch["enabled"]


def cache_dir() -> Path:
    """`$POSTLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/postlint`, else `~/.cache/postlint`."""
    explicit = os.environ.get("POSTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "postlint"


def usable_cache_dir() -> Path | None:
    """The cache folder if only this user can have written it (made private if missing), else None.

    The first refusal in a process is reported on standard error.
    """
    folder = cache_dir()
    problem = _untrusted(folder)
    if problem is None:
        return folder
    if not _switch["warned"]:
        _switch["warned"] = True
        from postlint.display import printable

        sys.stderr.write(f"postlint: warning: not using the cache in {printable(str(folder))}: {problem}\n")
    return None


def _untrusted(folder: Path) -> str | None:
    """Why a cache folder cannot be trusted, or None when it can (creating it, private, if it is missing)."""
    if not hasattr(os, "getuid"):  # no owners to compare (Windows): the user's profile is private already
        return None
    try:
        status = os.lstat(folder)
    except FileNotFoundError:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            status = os.lstat(folder)
        except OSError:
            return None  # nothing can be read from it either: caching simply fails
    except OSError:
        return None
    return owned_privately(status, "folder")


def owned_privately(status: os.stat_result, what: str) -> str | None:
    """Why a folder's or file's status shows that someone else could write it, or None."""
    expected = stat.S_ISDIR if what == "folder" else stat.S_ISREG
    if not expected(status.st_mode):
        return f"it is not a {what}" + (" (a symbolic link)" if stat.S_ISLNK(status.st_mode) else "")
    if status.st_uid != os.getuid():
        return f"the {what} belongs to another user (uid {status.st_uid})"
    if status.st_mode & 0o022:
        return f"the {what} can be written by group or others (mode {stat.S_IMODE(status.st_mode):o})"
    return None


def load_trusted(entry: Path) -> object:
    """Unpickle a cache file that only this user can have written; OSError for any other."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(entry, flags)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if hasattr(os, "getuid") and owned_privately(status, "file") is not None:
            raise PermissionError(f"{entry} could have been written by someone else")
        value = pickle.load(handle)
        _mark_used(fd, status)
        return value


def _mark_used(fd: int, status: os.stat_result) -> None:
    """Set an entry's modification time to now, at most once a day: `prune_stale` keeps what runs read."""
    import time

    if time.time() - status.st_mtime < _DAY or os.utime not in os.supports_fd:
        return
    with contextlib.suppress(OSError):  # a read-only cache (restored by CI, say) is still read
        os.utime(fd)


def prune_stale(folder: Path, keep: Path | None = None) -> int:
    """Remove postlint's entries (`*.pickle`) in the cache folder that no run has read for `STALE_DAYS`;
    how many went. Only regular files are removed, never what a link points to; `keep` stays."""
    import time

    cutoff = time.time() - STALE_DAYS * _DAY
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.endswith(".pickle") or (keep is not None and entry.name == keep.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
                removed += 1
        except OSError:  # gone already, or not ours to remove: the cache is only a shortcut
            continue
    return removed


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    from postlint import __version__

    package = os.path.dirname(os.path.abspath(__file__))
    stamps = [f"format {CACHE_FORMAT}", __version__, sys.version]
    for file in code_files():
        relative = os.path.relpath(file, package).replace(os.sep, "/")
        stamps.append(f"{relative}:{os.stat(file).st_mtime_ns}")
    return "|".join(stamps)


def code_files() -> list[str]:
    """The files of postlint's own code that shape what is cached: `_CODE_FILES`, then `_CODE_DIRS`' modules."""
    package = os.path.dirname(os.path.abspath(__file__))
    found = [os.path.join(package, name) for name in _CODE_FILES]
    for folder in _CODE_DIRS:
        files: list[str] = []
        for root, dirs, names in os.walk(os.path.join(package, folder)):  # not Path.rglob: faster, at start-up
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            files += [os.path.join(root, name) for name in names if name.endswith(".py")]
        found += sorted(files)
    return found


def cached(kind: str, source: Path, build: Callable[[], T], *, enabled: bool = True) -> T:
    """Return build() for `source`, from the cache when the file has not changed.

    Without the user's cache (`--no-cache`, or no entry yet), a file of the package itself is
    looked up in the values built with the package (`shipped_values`) before it is built.
    """

    def shipped_or_built() -> T:
        from postlint import shipped_values

        shipped = shipped_values.lookup(kind, source)
        if shipped is not None:
            return shipped
        value = build()
        shipped_values.record(kind, source, value)
        return value

    if not (enabled and _switch["enabled"]):
        return shipped_or_built()
    try:
        stat = source.stat()
        key = f"{kind}|{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{_code_stamp()}"
    except OSError:
        return build()
    if kind in _SHARED_KINDS and key in _in_memory:
        return _in_memory[key]  # type: ignore[return-value]
    value = _from_disk(kind, key, shipped_or_built)
    if kind in _SHARED_KINDS:
        _in_memory[key] = value
    return value


def _from_disk(kind: str, key: str, build: Callable[[], T]) -> T:
    """The entry for `key` in the cache folder, or build() written there."""
    folder = usable_cache_dir()
    if folder is None:
        return build()
    import hashlib  # here: a run without the cache never needs it, and OpenSSL's start is milliseconds

    entry = folder / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    try:
        return load_trusted(entry)  # type: ignore[return-value]
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    from postlint.atomic import replace_file
    from postlint.compiled_regex import dumps

    try:
        data = dumps(value)  # regexes with their compiled code: a hit skips re's compiler
        replace_file(entry, data, mode=0o600)
    except (OSError, pickle.PickleError, TypeError, AttributeError):
        return value
    if not _pruned["done"]:
        _pruned["done"] = True
        prune_stale(folder, keep=entry)
    return value
