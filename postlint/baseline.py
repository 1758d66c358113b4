"""Baselines: accept the violations a repository has today, so `check --baseline` reports only new ones.

A violation is known by its rule, its file and the text of its line(s) with whitespace
collapsed (a hash of it), never by its line number, so inserting or deleting lines above it
does not make it new. The baseline is a multiset: it remembers how many violations share
a fingerprint, and any beyond that number are new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from postlint.errors import PostlintError
from postlint.violation import Violation

DEFAULT_PATH = ".postlint-baseline.json"
FORMAT = 1
_EXCERPT = 60

Fingerprint = tuple[str, str, str]  # (path relative to the baseline's folder, rule, line hash)


def line_text(v: Violation, lines: Sequence[str] | None) -> str:
    """The violation's line(s) of the file's `lines`, whitespace collapsed; empty for one about the whole posting.

    A violation with an empty span marks where something missing would go (often the end of
    the file), so the text there says nothing about it and would change with every addition.
    """
    if v.start == v.end or lines is None:
        return ""
    return " ".join(" ".join(lines[v.line - 1 : v.end_line]).split())


def line_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def relative_path(path: str, root: Path) -> str:
    """A violation's path as the baseline stores it: relative to the baseline's folder, with '/'."""
    if path == "-":
        return path
    real = os.path.realpath(path)
    try:
        return Path(os.path.relpath(real, root)).as_posix()
    except ValueError:  # on another drive
        return Path(real).as_posix()


def fingerprint(v: Violation, lines: Sequence[str] | None, root: Path) -> Fingerprint:
    return (relative_path(v.path, root), v.rule, line_hash(line_text(v, lines)))


def _lines(source: str | None) -> list[str] | None:
    return source.split("\n") if source is not None else None


@dataclass(frozen=True, slots=True)
class Baseline:
    """Known violations: how many of each fingerprint, grouped by file."""

    root: Path  # the baseline file's folder: paths in it are relative to here
    counts: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)

    def new_violations(self, path: str, violations: Sequence[Violation], source: str | None) -> list[Violation]:
        """The violations of one file (as postlint names it) that the baseline does not account for.

        When a file has more violations of a fingerprint than the baseline, the later ones are new.
        """
        if not violations:
            return []
        left = Counter(self.counts.get(relative_path(path, self.root), Counter()))
        lines = _lines(source)
        new = []
        for v in violations:
            _, rule, digest = fingerprint(v, lines, self.root)
            if left[rule, digest] > 0:
                left[rule, digest] -= 1
            else:
                new.append(v)
        return new


def render_baseline(files: Iterable[tuple[Sequence[Violation], str | None]], root: Path, version: str) -> str:
    """The baseline for each file's (violations, text): sorted, one entry a line (for readable diffs), no dates."""
    counts: Counter[Fingerprint] = Counter()
    excerpts: dict[Fingerprint, str] = {}
    for violations, source in files:
        lines = _lines(source)
        for v in violations:
            key = fingerprint(v, lines, root)
            counts[key] += 1
            if key not in excerpts:
                text = " ".join((v.match or (source or "")[v.start : v.end]).split())
                excerpts[key] = text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"
    entries = []
    for key in sorted(counts):
        path, rule, digest = key
        entry = {"path": path, "rule": rule, "count": counts[key], "line_hash": digest, "excerpt": excerpts[key]}
        entries.append(json.dumps(entry, ensure_ascii=False))
    return (
        f'{{\n  "postlint_baseline": {FORMAT},\n  "version": {json.dumps(version)},\n'
        f'  "violations": {sum(counts.values())},\n  "entries": ['
        + ("\n    " + ",\n    ".join(entries) + "\n  " if entries else "")
        + "]\n}\n"
    )


def read_baseline(path: str | Path) -> Baseline:
    """Load a baseline file; a missing or malformed one is a usage error naming it."""
    path = Path(path)
    try:
        from postlint.safe_read import read_settings_text

        data = json.loads(read_settings_text(path, 1024 * 1024 * 1024))
    except FileNotFoundError:
        raise PostlintError("no such baseline file; write one with `postlint baseline`", path=str(path)) from None
    except OSError as exc:
        raise PostlintError(f"cannot read the baseline: {exc.strerror or exc}", path=str(path)) from None
    except UnicodeDecodeError:
        raise PostlintError("not a postlint baseline: it is not UTF-8 text", path=str(path)) from None
    except json.JSONDecodeError as exc:
        raise PostlintError(f"not a postlint baseline: {exc.msg}", path=str(path), line=exc.lineno) from None
    except RecursionError:
        raise PostlintError("not a postlint baseline: it is nested too deeply", path=str(path)) from None
    if (
        not isinstance(data, dict)
        or data.get("postlint_baseline") != FORMAT
        or not isinstance(data.get("entries"), list)
    ):
        raise PostlintError(
            f"not a postlint baseline (format {FORMAT}); write it again with `postlint baseline`", path=str(path)
        )
    counts: dict[str, Counter[tuple[str, str]]] = {}
    for index, entry in enumerate(data["entries"]):
        if not (
            isinstance(entry, dict)
            and all(isinstance(entry.get(k), str) for k in ("path", "rule", "line_hash"))
            and isinstance(entry.get("count"), int)
            and entry["count"] > 0
        ):
            raise PostlintError(f"entries[{index}]: needs path, rule, line_hash and a positive count", path=str(path))
        counts.setdefault(entry["path"], Counter())[entry["rule"], entry["line_hash"]] += entry["count"]
    return Baseline(root=Path(os.path.realpath(path)).parent, counts=counts)
