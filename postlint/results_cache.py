"""The result cache: a file whose bytes and whose rules have not changed is not linted again.

Like ruff's cache, it lives in `.postlint_cache/` beside the configuration (or in
the current folder), tagged so that backup tools and git leave it alone. A run's
key covers everything that decides the findings besides the file itself:
postlint's version and code, the contents of every pack file and of the config,
the command-line selection, and today's date (laws come into force).

All of a run key's results are one JSON index, read once and written once per run,
so a re-run of ten thousand unchanged postings opens one cache file, not ten
thousand. Each file's entry holds its size, modification time and the SHA-256 of its
bytes. A file whose size and time are unchanged is not even read, unless its time is
within two seconds of when its entry was made: a file edited again within the
clock's resolution could keep both, so such a file is hashed (git's "racily clean"
rule). Otherwise the file is read and its hash decides.

Entries are JSON, never pickle: the folder sits inside a repository, and a pull
request could plant a file there. The index is merged with what is on disk and
written to a temporary file then renamed, so concurrent postlint processes
(pre-commit runs hooks in parallel) never see half an index; at worst one process's
new entries are lost and recomputed next time. An index that cannot be read is
ignored. Indexes of other run keys untouched for a day are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from postlint.atomic import replace_file
from postlint.violation import Edit, Fix, Severity, Violation

CACHE_DIR_NAME = ".postlint_cache"
_FORMAT = "2"  # bump when the index layout changes
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by postlint.\n"
_RACY_NS = 2_000_000_000  # a file modified this close to its entry's making is hashed, not trusted by its time
_STALE_S = 24 * 3600  # other run keys' indexes untouched this long are removed


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """postlint's version and the state of its code and data: an edited checkout invalidates the cache."""
    from postlint import __version__

    package = Path(__file__).parent
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{_FORMAT}".encode())
    for file in sorted([*package.rglob("*.py"), *package.rglob("*.yaml")]):
        try:
            stat = file.stat()
        except OSError:
            continue
        digest.update(f"{file.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def run_key(sources: Iterable[str | Path], options: Sequence[str], today: dt.date | None = None) -> str:
    """The key of a run: code, the bytes of every pack and config file it read, its options, the date."""
    digest = hashlib.sha256(code_stamp().encode())
    for source in sorted({str(s) for s in sources}):
        digest.update(source.encode())
        try:
            digest.update(Path(source).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    digest.update(json.dumps(list(options)).encode())
    digest.update((today or dt.date.today()).isoformat().encode())
    return digest.hexdigest()


def cache_root(base: Path | None = None) -> Path:
    """Where the cache lives: `$POSTLINT_RESULT_CACHE` if set, else `.postlint_cache` in `base` or here."""
    explicit = os.environ.get("POSTLINT_RESULT_CACHE")
    if explicit:
        return Path(explicit)
    return (base or Path.cwd()) / CACHE_DIR_NAME


@dataclass(frozen=True, slots=True)
class Entry:
    violations: list[Violation]
    linted: bool  # False for files only reported (binary, too large): they have no decoded text


@dataclass(frozen=True, slots=True)
class Stamp:
    """What identifies a file's bytes: read with them, so an entry describes exactly what was linted."""

    size: int
    mtime_ns: int
    digest: str  # SHA-256 of the bytes

    @classmethod
    def of(cls, stat: os.stat_result, data: bytes) -> Stamp:
        return cls(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


class ResultCache:
    """Cached results of one run configuration, kept in memory during a run and written by `flush`."""

    def __init__(self, root: Path, key: str, references: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.root = root
        self.key = key
        self.references = references or {}  # each rule's references: stored once here, not per violation
        self._index: dict[str, list[Any]] | None = None
        self._changed: dict[str, list[Any]] = {}

    @property
    def index_path(self) -> Path:
        return self.root / "results" / f"{self.key[:40]}.json"

    def _entries(self) -> dict[str, list[Any]]:
        if self._index is None:
            self._index = _read_index(self.index_path)
        return self._index

    def get(self, path: str) -> Entry | None:
        """The cached result for the file as it is now on disk, or None if it must be linted."""
        record = self._entries().get(path)
        if record is None:
            return None
        try:
            size, mtime_ns, digest, made_ns, linted, raw = record
            stat = os.stat(path)
            if stat.st_size != size:
                return None
            if stat.st_mtime_ns != mtime_ns or stat.st_mtime_ns >= made_ns - _RACY_NS:
                with open(path, "rb") as handle:
                    if hashlib.sha256(handle.read()).hexdigest() != digest:
                        return None
            references = self.references
            return Entry([_violation(v, path, references) for v in raw], bool(linted))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, path: str, stamp: Stamp, entry: Entry) -> None:
        """Remember a result for `flush` to write."""
        record = [stamp.size, stamp.mtime_ns, stamp.digest, time.time_ns(), entry.linted]
        record.append([_plain(v, self.references) for v in entry.violations])
        self._entries()[path] = self._changed[path] = record

    def flush(self) -> None:
        """Write new entries, merged with what other processes wrote meanwhile; any failure just means no cache."""
        if not self._changed:
            return
        try:
            merged = _read_index(self.index_path)
            merged.update(self._changed)
            # ASCII escapes carry any path, even one that is not valid UTF-8 (surrogate escapes).
            payload = json.dumps({"format": _FORMAT, "key": self.key, "files": merged}, separators=(",", ":"))
            if not self.index_path.parent.is_dir():
                _prepare(self.root)
                self.index_path.parent.mkdir(parents=True, exist_ok=True)
            replace_file(self.index_path, payload.encode("ascii"))
            self._changed.clear()
            _remove_stale(self.index_path)
        except OSError:
            pass


def _read_index(path: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == _FORMAT and isinstance(data.get("files"), dict):
            return data["files"]
    except (OSError, ValueError):
        pass
    return {}


def _remove_stale(keep: Path) -> None:
    import shutil

    cutoff = time.time() - _STALE_S
    for other in keep.parent.iterdir():
        try:
            if other != keep and other.stat().st_mtime < cutoff:
                shutil.rmtree(other) if other.is_dir() else other.unlink()
        except OSError:
            pass


def _prepare(root: Path) -> None:
    """Create the cache folder with a CACHEDIR.TAG and a .gitignore, as other tools' caches do."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "# Made by postlint.\n*\n")):
        marker = root / name
        if not marker.exists():
            marker.write_text(text, encoding="utf-8")


def clean(root: Path) -> bool:
    """Remove a result cache folder; True if there was one. Refuses folders postlint did not make."""
    import shutil

    if not root.is_dir():
        return False
    if not (root / "CACHEDIR.TAG").is_file() and root.name != CACHE_DIR_NAME:
        raise OSError(f"{root} does not look like a postlint cache (no CACHEDIR.TAG); not removed")
    shutil.rmtree(root)
    return True


def _plain(v: Violation, references: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Any]:
    fix = None
    if v.fix is not None:
        edits = [[e.start, e.end, e.replacement, e.line, e.column, e.end_line, e.end_column] for e in v.fix.edits]
        fix = [v.fix.applicability, v.fix.description, edits]
    return {
        "r": v.rule,
        "s": v.severity.name,
        "m": v.message,
        "p": [v.start, v.end, v.line, v.column, v.end_line, v.end_column],
        "f": fix,
        "g": v.suggestion,
        "t": v.match,
    } | ({} if references and references.get(v.rule) == v.references else {"x": list(v.references)})


def _violation(raw: dict[str, Any], path: str, references: Mapping[str, tuple[str, ...]] | None = None) -> Violation:
    start, end, line, column, end_line, end_column = raw["p"]
    fix = None
    if raw["f"] is not None:
        applicability, description, edits = raw["f"]
        # An entry written before edits had positions has three items an edit: a ValueError, so a miss.
        placed = tuple(
            Edit(a, b, text, line, col, end_line, end_col) for a, b, text, line, col, end_line, end_col in edits
        )
        fix = Fix(applicability, description, placed)
    return Violation(
        path=path,
        rule=raw["r"],
        severity=Severity[raw["s"]],
        message=raw["m"],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        suggestion=raw["g"],
        references=tuple(raw["x"]) if "x" in raw else (references or {})[raw["r"]],
        match=raw["t"],
    )
