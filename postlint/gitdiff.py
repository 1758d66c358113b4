"""Which lines changed since a git revision: `check --diff-base` for repositories full of legacy postings.

Parsing is pure (`parse_diff`, `keep_changed`); `load_changes` is the one place that runs git.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from postlint.errors import PostlintError
from postlint.violation import Violation

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
# Settings a user's git config could change and this parser relies on.
_DIFF_OPTIONS = (
    "--unified=0",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "--text",
    "--find-renames",
    "--src-prefix=a/",
    "--dst-prefix=b/",
)


@dataclass(frozen=True, slots=True)
class FileChange:
    """How one file differs from the base: every line (`whole`), or these new-side line numbers."""

    whole: bool = False
    lines: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed since a revision, by real absolute path, and which files git tracks."""

    base: str
    files: dict[str, FileChange] = field(default_factory=dict)
    tracked: frozenset[str] = frozenset()

    def change_for(self, path: str) -> FileChange | None:
        """The change to a file as postlint names it; None if it did not change.

        A file git does not track (new, or outside the repository) is wholly changed.
        """
        key = os.path.realpath(path)
        if key in self.files:
            return self.files[key]
        return None if key in self.tracked else FileChange(whole=True)

    def keep(self, path: str, violations: Iterable[Violation]) -> list[Violation]:
        """The violations of one file that touch what changed in it (see `keep_changed`)."""
        return keep_changed(violations, self.change_for(path))


def keep_changed(violations: Iterable[Violation], change: FileChange | None) -> list[Violation]:
    """The violations that touch a changed line.

    A violation about the whole posting (an empty span: the place where something missing
    would go) is kept whenever the file changed at all, since any edit is a chance to add it.
    """
    if change is None:
        return []
    if change.whole:
        return list(violations)
    return [
        v for v in violations if v.start == v.end or any(line in change.lines for line in range(v.line, v.end_line + 1))
    ]


def unquote_path(raw: str) -> str:
    """A path as git prints it in a diff: C-quoted (`"a\\tb"`, octal UTF-8 bytes) when it has odd characters."""
    if not (len(raw) >= 2 and raw.startswith('"') and raw.endswith('"')):
        return raw[:-1] if raw.endswith("\t") else raw  # git ends '+++ b/name' with a tab when the name has spaces
    out = bytearray()
    body, i = raw[1:-1], 0
    while i < len(body):
        ch = body[i]
        octal = re.match(r"[0-7]{1,3}", body[i + 1 : i + 4]) if ch == "\\" else None
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        elif ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out += bytes([_ESCAPES[nxt]]) if nxt in _ESCAPES else nxt.encode("utf-8")
            i += 2
        else:
            out += ch.encode("utf-8")
            i += 1
    return out.decode("utf-8", "surrogateescape")


def _header_path(rest: str) -> str | None:
    """The path of a `diff --git a/P b/P` header whose two sides are the same file (as for a new file)."""
    half = (len(rest) - 1) // 2
    old, new = unquote_path(rest[:half]), unquote_path(rest[half + 1 :])
    return new[2:] if old[:2] == "a/" and new[:2] == "b/" and old[2:] == new[2:] else None


def parse_diff(text: str) -> dict[str, FileChange]:
    """Changed new-side lines per file in `git diff --unified=0` output, by path relative to the repository.

    A new file is wholly changed. A file whose hunks only delete lines is listed with no
    lines: it changed, but none of its lines is new. Deleted files, and renames or mode
    changes that leave the text alone, are not listed.
    """
    found: dict[str, FileChange] = {}
    path: str | None = None
    new_file = touched = False
    lines: set[int] = set()

    def close() -> None:
        if path is not None and (new_file or touched):
            found[path] = FileChange(whole=new_file, lines=frozenset(lines))

    for line in text.split("\n"):
        if line.startswith("diff --git "):
            close()
            path, new_file, touched, lines = _header_path(line[len("diff --git ") :]), False, False, set()
        elif line.startswith("@@ ") and (match := _HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) or "1")
            lines.update(range(start, start + count))
            touched = True
        elif touched:
            continue  # a line of a hunk: '+++ x' here is the added line '++ x', not a header
        elif line.startswith("new file mode"):
            new_file = True
        elif line.startswith("+++ "):
            target = unquote_path(line[4:])
            path = target[2:] if target.startswith("b/") else None  # '/dev/null': deleted
    close()
    return found


def _git(args: Sequence[str], cwd: Path) -> str | None:
    """Run git; its standard output, or None if it failed."""
    try:
        proc = subprocess.run(
            ["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args],
            cwd=cwd,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise PostlintError("--diff-base needs git, and git was not found") from None
    return proc.stdout.decode("utf-8", "surrogateescape") if proc.returncode == 0 else None


def load_changes(ref: str, paths: Sequence[str], cwd: Path | None = None) -> Changes:
    """Ask git what changed in `paths` since `ref`, working tree included.

    Like `git diff REF...`, the comparison is with the commit where the current branch left
    REF (their merge base), so what was merged into REF since is not counted as ours.
    Raises PostlintError when this is not a git repository or REF is not a revision.
    """
    cwd = cwd or Path.cwd()
    first = cwd / (paths[0] if paths else ".")
    where = first if first.is_dir() else first.parent  # the repository of the first path, wherever we run
    top = _git(["rev-parse", "--show-toplevel"], where)
    if not top:
        raise PostlintError(f"--diff-base: {os.path.relpath(where, cwd)} is not inside a git repository")
    sha = None if ref.startswith("-") else _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], where)
    if not sha:
        raise PostlintError(f"--diff-base: unknown revision {ref!r} (misspelt, or not fetched?)")
    sha = sha.strip()
    base = (_git(["merge-base", sha, "HEAD"], where) or sha).strip()  # none in a shallow clone: use REF itself
    root = os.path.realpath(top.strip())
    specs = []
    for raw in paths:
        real = os.path.realpath(cwd / raw)
        if real == root or real.startswith(root + os.sep):
            specs.append(os.path.relpath(real, root))
    if not specs:
        return Changes(base=base)
    diff = _git(["diff", *_DIFF_OPTIONS, base, "--", *specs], Path(root))
    tracked = _git(["ls-files", "-z", "--cached", "--full-name", "--", *specs], Path(root))
    if diff is None or tracked is None:
        raise PostlintError(f"--diff-base: git could not compare the working tree with {ref!r}")
    files = {os.path.join(root, p): change for p, change in parse_diff(diff).items()}
    return Changes(base=base, files=files, tracked=frozenset(os.path.join(root, p) for p in tracked.split("\0") if p))
