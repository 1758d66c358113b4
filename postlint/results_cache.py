"""The result cache: a file whose bytes and whose rules have not changed is not linted again.

Like ruff's cache, it lives in `.postlint_cache/` beside the configuration (or in
the current folder), tagged so that backup tools and git leave it alone. A run's
key covers everything that decides the findings besides the file itself:
postlint's version and code, the contents of every pack file and of the config,
the command-line selection, and today's date (laws come into force). Each file's
entry is keyed by that and by the file's path and bytes.

Entries are JSON, never pickle: the folder sits inside a repository, and a pull
request could plant a file there. Each entry is written to a temporary file and
renamed, so concurrent postlint processes (pre-commit runs hooks in parallel)
never see half an entry; an entry that cannot be read is simply recomputed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from postlint.atomic import replace_file
from postlint.violation import Edit, Fix, Severity, Violation

CACHE_DIR_NAME = ".postlint_cache"
_FORMAT = "1"  # bump when the entry layout changes
_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by postlint.\n"


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


@dataclass(frozen=True)
class ResultCache:
    """Cached results of one run configuration. Small and picklable: worker processes get a copy."""

    root: Path
    key: str

    def _entry_path(self, path: str, data: bytes) -> Path:
        digest = hashlib.sha256(self.key.encode())
        digest.update(path.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(data)
        name = digest.hexdigest()
        return self.root / "results" / name[:2] / name[2:40]

    def get(self, path: str, data: bytes) -> Entry | None:
        """The cached result for this file's path and bytes, or None."""
        try:
            raw = json.loads(self._entry_path(path, data).read_bytes())
            return Entry([_violation(v, path) for v in raw["violations"]], bool(raw["linted"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, path: str, data: bytes, entry: Entry) -> None:
        """Store a result; any failure (read-only folder, full disk) just means no cache."""
        target = self._entry_path(path, data)
        payload = json.dumps(
            {"linted": entry.linted, "violations": [_plain(v) for v in entry.violations]},
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        try:
            if not target.parent.is_dir():
                _prepare(self.root)
                target.parent.mkdir(parents=True, exist_ok=True)
            replace_file(target, payload)
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
    if not root.is_dir():
        return False
    if not (root / "CACHEDIR.TAG").is_file() and root.name != CACHE_DIR_NAME:
        raise OSError(f"{root} does not look like a postlint cache (no CACHEDIR.TAG); not removed")
    shutil.rmtree(root)
    return True


def _plain(v: Violation) -> dict[str, Any]:
    fix = None
    if v.fix is not None:
        fix = [v.fix.applicability, v.fix.description, [[e.start, e.end, e.replacement] for e in v.fix.edits]]
    return {
        "r": v.rule,
        "s": v.severity.name,
        "m": v.message,
        "p": [v.start, v.end, v.line, v.column, v.end_line, v.end_column],
        "f": fix,
        "g": v.suggestion,
        "x": list(v.references),
        "t": v.match,
    }


def _violation(raw: dict[str, Any], path: str) -> Violation:
    start, end, line, column, end_line, end_column = raw["p"]
    fix = None
    if raw["f"] is not None:
        applicability, description, edits = raw["f"]
        fix = Fix(applicability, description, tuple(Edit(a, b, text) for a, b, text in edits))
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
        references=tuple(raw["x"]),
        match=raw["t"],
    )
