"""The result cache: a file whose bytes and whose rules have not changed is not linted again.

Like ruff's cache, it lives in `.postlint_cache/` beside the configuration (or in
the current folder), tagged so that backup tools and git leave it alone. A run's
key covers everything that decides the findings besides the file itself:
postlint's version and code, the contents of every pack file and of the config,
the command-line selection, and today's date (laws come into force).

The index also keeps each rule's references (the same for every file, and fixed by the packs'
bytes in the key), so a run whose every file is a hit rebuilds its findings without loading a pack.
All of a run key's results are one index file, read once and written once per run,
so a re-run of ten thousand unchanged postings opens one cache file, not ten
thousand. It has a line per file: its path, size, modification time, the SHA-256 of
its bytes, when the entry was made, and its findings as JSON. Reading it keeps only
the stamps and where each file's findings are, so memory holds a few hundred bytes
a file however many findings there are, and a hit reads its own findings alone.
A file whose size and time are unchanged is not even read, unless its time is
within two seconds of when its entry was made: a file edited again within the
clock's resolution could keep both, so such a file is hashed (git's "racily clean"
rule). Otherwise the file is read and its hash decides.

Entries are JSON, never pickle: the folder sits inside a repository, and a pull
request could plant a file there. The index is merged with what is on disk and
streamed to a temporary file then renamed, so concurrent postlint processes
(pre-commit runs hooks in parallel) never see half an index; at worst one process's
new entries are lost and recomputed next time. An index that cannot be read is
ignored. Indexes of other run keys untouched for a day are removed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any, BinaryIO

from postlint.atomic import replacing
from postlint.violation import Edit, Fix, Severity, Violation

if TYPE_CHECKING:
    import tempfile  # imported when new entries are spooled: a run of cache hits makes none

CACHE_DIR_NAME = ".postlint_cache"
_CODE = (".py", ".yaml")  # the files of postlint's own whose state is part of every run key
_FORMAT = "4"  # bump when the index layout changes (4: the references line)
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by postlint.\n"
_RACY_NS = 2_000_000_000  # a file modified this close to its entry's making is hashed, not trusted by its time
_STALE_S = 24 * 3600  # other run keys' indexes untouched this long are removed
_SPOOL_BYTES = 8 * 1024 * 1024  # new entries past this much go to a temporary file until the index is written


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """postlint's version and the state of its code and data: an edited checkout invalidates the cache."""
    import hashlib  # imported where used: a run without the cache never hashes, and OpenSSL's start costs ms

    from postlint import __version__

    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{_FORMAT}".encode())
    files: list[str] = []
    for root, dirs, names in os.walk(package):  # os.walk, not Path.rglob: a few milliseconds a start-up
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        folder = os.path.relpath(root, package)
        files += [name if folder == "." else os.path.join(folder, name) for name in names if name.endswith(_CODE)]
    for relative in sorted(files):
        try:
            stat = os.stat(os.path.join(package, relative))
        except OSError:
            continue
        digest.update(f"{relative}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def run_key(sources: Iterable[str | Path], options: Sequence[str], today: dt.date | None = None) -> str:
    """The key of a run: code, the bytes of every pack and config file it read, its options, the date."""
    import hashlib

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
        import hashlib

        return cls(stat.st_size, stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


class ResultCache:
    """Cached results of one run configuration: read lazily, new results spooled, the index written by `flush`.

    Memory does not grow with the number of files' findings: the index in memory keeps
    each file's stamp and where its findings sit in the index file, which stays open;
    findings are read only for a hit. New results are encoded as they come and spooled
    (to a temporary file past a few megabytes), then copied into the new index.
    """

    def __init__(self, root: Path, key: str, references: Mapping[str, tuple[str, ...]] | None = None) -> None:
        self.root = root
        self.key = key
        # Each rule's references, stored once in the index rather than in each violation: given by a run that
        # loaded its rules, else read from the index.
        self.references: Mapping[str, tuple[str, ...]] = references or {}
        self._index: dict[str, _Where] | None = None
        self._source: BinaryIO | None = None  # the index as read, kept open: another process's rename leaves it be
        self._spool: tempfile.SpooledTemporaryFile[bytes] | None = None
        self._changed: dict[str, tuple[int, int]] = {}  # path -> (offset, length) of its new line in the spool
        self._current: dict[str, bool] = {}  # `current`'s answers in this run

    def use_rules(self, engine: Any) -> None:
        """Take the references of the rules of the run's engine, once they are loaded."""
        self.references = {rule.id: rule.references for rule in engine.rules}

    @property
    def index_path(self) -> Path:
        return self.root / "results" / f"{self.key[:40]}.index"

    def _entries(self) -> dict[str, _Where]:
        if self._index is None:
            self._index = {}
            try:
                self._source = open(self.index_path, "rb")  # noqa: SIM115 (read on hits, closed by flush)
                self._index, stored = _scan(self._source, self.key)
            except OSError:
                return self._index
            if not self.references:
                self.references = stored
        return self._index

    def get(self, path: str) -> Entry | None:
        """The cached result for the file as it is now on disk, or None if it must be linted."""
        return self.load(path) if self.current(path) else None

    def answers_all(self, paths: Iterable[str]) -> bool:
        """Whether every file has an entry that is current (standard input never has): nothing to lint."""
        return all(path != "-" and self.current(path) for path in paths)

    def current(self, path: str) -> bool:
        """Whether the file on disk is the one its entry was made from; its findings are not read.
        Asked again for the same file in this run, the first answer stands."""
        known = self._current.get(path)
        if known is None:
            known = self._current[path] = self._is_current(path)
        return known

    def _is_current(self, path: str) -> bool:
        where = self._entries().get(path)
        if where is None or self._source is None:
            return False
        size, mtime_ns, digest, made_ns = where[:4]
        import hashlib

        from postlint.safe_read import ReadPolicy, Refused, open_posting

        try:
            stat = os.lstat(path)  # a link is never a hit: its target can change while it does not
            if not S_ISREG(stat.st_mode) or os.path.realpath(path) != os.path.abspath(path):
                return False
            if stat.st_size != size:
                return False
            if stat.st_mtime_ns != mtime_ns or stat.st_mtime_ns >= made_ns - _RACY_NS:
                data = open_posting(path, ReadPolicy(), size).data
                return hashlib.sha256(data).hexdigest() == digest
        except (OSError, Refused):
            return False
        return True

    def load(self, path: str) -> Entry | None:
        """The findings of a file's entry (checked by `current`), or None if the entry cannot be read."""
        where = self._entries().get(path)
        if where is None or self._source is None:
            return None
        linted, offset, length = where[4:]
        try:
            self._source.seek(offset)
            raw = json.loads(self._source.read(length))
            references = self.references
            return Entry([_violation(v, path, references) for v in raw], linted)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def put(self, path: str, stamp: Stamp, entry: Entry) -> None:
        """Remember a result for `flush` to write: encoded now, and on disk once there is more than a little."""
        spool = self._spool
        if spool is None:
            import tempfile

            spool = self._spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 (closed by flush)
        findings = json.dumps([_plain(v, self.references) for v in entry.violations], separators=(",", ":"))
        line = _line(path, stamp.size, stamp.mtime_ns, stamp.digest, time.time_ns(), entry.linted, findings)
        try:
            spool.seek(0, os.SEEK_END)
            offset = spool.tell()
            spool.write(line)
        except OSError:  # no room for the spool: this result is simply not cached
            return
        self._changed[path] = (offset, len(line))

    def flush(self) -> None:
        """Write new entries, merged with what other processes wrote meanwhile; any failure just means no cache.

        The cache is then closed: a later `get` reads the index again.
        """
        try:
            if self._changed:
                self._write()
        except OSError:
            pass
        finally:
            for handle in (self._source, self._spool):
                if handle is not None:
                    handle.close()
            self._index = self._source = self._spool = None
            self._changed.clear()
            self._current.clear()

    def _write(self) -> None:
        """The index as it is on disk now, less the files linted again, plus their new lines; streamed."""
        assert self._spool is not None
        if not self.index_path.parent.is_dir():
            _prepare(self.root)
            self.index_path.parent.mkdir(parents=True, exist_ok=True)
        header = _header(self.key)
        with replacing(self.index_path) as out:
            out.write(header)
            out.write(_references_line(self.references))
            try:
                with open(self.index_path, "rb") as current:
                    if current.readline() == header:
                        current.readline()  # the references: this run's, written above, are the same
                        for line in current:
                            parsed = _parse(line)
                            if parsed is not None and parsed[0] not in self._changed:
                                out.write(line)
            except OSError:
                pass
            for offset, length in self._changed.values():
                self._spool.seek(offset)
                out.write(self._spool.read(length))
        _remove_stale(self.index_path)


# What the index says of a file: size, mtime_ns, digest, made_ns, linted, and its findings' offset and length.
_Where = tuple[int, int, str, int, bool, int, int]


def _header(key: str) -> bytes:
    return f"postlint results {_FORMAT} {key}\n".encode("ascii")


def _line(path: str, size: int, mtime_ns: int, digest: str, made_ns: int, linted: bool, findings: str) -> bytes:
    """One file's index line: tab-separated fields; the path and the findings are JSON, which never holds a raw tab.

    ASCII escapes carry any path, even one that is not valid UTF-8 (surrogate escapes).
    """
    fields = (json.dumps(path), str(size), str(mtime_ns), digest, str(made_ns), "1" if linted else "0", findings)
    return ("\t".join(fields) + "\n").encode("ascii")


def _parse(line: bytes) -> tuple[str, tuple[int, int, str, int, bool], int] | None:
    """A well-formed index line's path, stamp and findings' length; None for a line garbled or cut short."""
    fields = line.split(b"\t", 6)
    if len(fields) != 7 or not line.endswith(b"\n"):
        return None
    try:
        path = json.loads(fields[0])
        stamp = (int(fields[1]), int(fields[2]), fields[3].decode("ascii"), int(fields[4]), fields[5] == b"1")
    except (ValueError, RecursionError):
        return None
    if not isinstance(path, str):
        return None
    return path, stamp, len(fields[6]) - 1  # the findings, without the newline


def _references_line(references: Mapping[str, tuple[str, ...]]) -> bytes:
    """The index's second line: each rule's references, as JSON (ASCII)."""
    return (json.dumps({rule: list(refs) for rule, refs in sorted(references.items())}) + "\n").encode("ascii")


def _read_references(line: bytes) -> dict[str, tuple[str, ...]]:
    try:
        raw = json.loads(line)
        return {str(rule): tuple(str(r) for r in refs) for rule, refs in raw.items()}
    except (ValueError, AttributeError, TypeError, RecursionError):
        return {}


def _scan(source: BinaryIO, key: str) -> tuple[dict[str, _Where], dict[str, tuple[str, ...]]]:
    """Where every well-formed line of an index puts its file, and the rules' references it keeps. An index made
    for another key or layout gives nothing."""
    found: dict[str, _Where] = {}
    header = source.readline()
    if header != _header(key):
        return found, {}
    second = source.readline()
    references = _read_references(second)
    offset = len(header) + len(second)
    for line in source:
        parsed = _parse(line)
        if parsed is not None:
            path, stamp, length = parsed
            found[path] = (*stamp, offset + len(line) - 1 - length, length)
        offset += len(line)
    return found, references


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
