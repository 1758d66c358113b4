"""Which of the paths given are postings: folders searched, files that are not postings left out.

A postings repository also holds its README, changelog, licence and docs. Linted as postings
they only give false findings ("no pay range" on a README), so they are skipped by default:
the config's `exclude` globs (see postlint.config.DEFAULT_EXCLUDE) say which. A glob without
'/' matches a file or folder name at any depth, one with '/' a path from the config's folder;
a trailing '/' matches folders only. Names are matched ignoring case (README.md, Readme.txt).
Below a folder named on the command line only what is inside it is matched, so
`postlint check docs/` lints the docs; a file named on the command line (as pre-commit names
staged files) is matched by its whole path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from postlint.config import Settings


@dataclass(frozen=True, slots=True)
class Discovered:
    files: list[str]  # to lint, in order
    skipped: list[tuple[str, str]]  # files named on the command line that are not postings, with the glob


@lru_cache(maxsize=64)
def _pattern(glob: str) -> re.Pattern[str]:
    from postlint.engine import glob_regex

    return glob_regex(glob.rstrip("/"), re.IGNORECASE)  # compiled once, with its flags


def excluded_by(relative: str, globs: Sequence[str], below: int = 0) -> str | None:
    """The first glob that excludes a '/'-separated relative path (a file), or None.

    Only folders deeper than `below` parts are matched: those of a folder named on the command line are not.
    """
    parts = [p for p in relative.split("/") if p not in ("", ".")]
    folders = ["/".join(parts[:i]) for i in range(below + 1, len(parts))]
    for glob in globs:
        candidates = folders if glob.endswith("/") else [*folders, "/".join(parts)]
        pattern = _pattern(glob)
        if any(pattern.match(c) for c in candidates):
            return glob
    return None


def _relative(path: str, base: Path | None) -> str:
    """The path as the globs see it: from the config's folder if it is inside, else as given."""
    if base is not None:
        absolute = os.path.abspath(path)
        root = str(base).rstrip(os.sep) + os.sep
        if absolute.startswith(root):
            return os.path.relpath(absolute, base).replace(os.sep, "/")
    return os.path.normpath(path).replace(os.sep, "/").lstrip("/")


def discover(paths: Sequence[str], settings: Settings) -> Discovered:
    """The files to lint under `paths` (default: the current folder), without those that are not postings."""
    from postlint.runner import collect_files

    base = settings.base.resolve() if settings.source else Path.cwd()
    files: list[str] = []
    skipped: list[tuple[str, str]] = []
    for raw in list(paths) or ["."]:
        found = collect_files([raw])
        if raw == "-" or not settings.exclude:
            files += found
        elif os.path.isdir(raw):
            depth = len([p for p in _relative(raw, base).split("/") if p not in ("", ".")])
            files += [path for path in found if not excluded_by(_relative(path, base), settings.exclude, depth)]
        else:
            glob = excluded_by(_relative(raw, base), settings.exclude)
            if glob is None:
                files += found
            else:
                skipped.append((raw, glob))
    return Discovered(files, skipped)


def skipped_note(skipped: Sequence[tuple[str, str]]) -> str:
    """One line about the named files left out, and how to lint them anyway."""
    from postlint.display import printable

    names = ", ".join(printable(path) for path, _ in skipped[:3]) + (", …" if len(skipped) > 3 else "")
    what = "1 file that is not a posting" if len(skipped) == 1 else f"{len(skipped)} files that are not postings"
    return f"postlint: skipped {what} ({names}); see `exclude:` in the configuration"
