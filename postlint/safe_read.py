"""Opening a posting whose name, type and target someone else chose.

In a postings repository checked on pull requests, a file called `notes.md` may be a
symbolic link to `/dev/zero`, to a FIFO that never answers, or to the CI runner's
`~/.aws/credentials`. The policy, applied by `check`, `fix`, `inspect` and folder walks:

- Only regular files are opened. A FIFO, socket or device is never opened (opening a
  FIFO would block), whether it is named directly or reached through a link.
- A path that goes through a symbolic link is read only if its target lies inside the
  tree being linted: the folder given on the command line for files found in it, the
  current folder for files named directly. `--follow-symlinks` (or `follow-symlinks: true`
  in the config) lifts that rule, never the first one.
- At most `max_bytes + 1` bytes are read, whatever size the file claims.

What is refused is raised as `Refused` with the problem code the engine reports
(`symlink`, `special-file`, `file-too-large`), so the run goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass

from postlint.errors import PostlintError

_KINDS = (
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
    (stat.S_ISDIR, "folder"),
)


class Refused(Exception):
    """A file postlint will not read, with the problem code and message it is reported under."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class ReadPolicy:
    """Where symbolic links may lead: inside one of `roots` (real paths), or anywhere regular with `follow`."""

    roots: tuple[str, ...] = ()
    follow_symlinks: bool = False

    @classmethod
    def for_arguments(cls, paths: Sequence[str], follow_symlinks: bool = False) -> ReadPolicy:
        """The trees of a command line: each folder given, and the current folder for files given."""
        roots: list[str] = []
        for raw in paths or ["."]:
            if raw == "-":
                continue
            folder = raw if os.path.isdir(raw) and not os.path.islink(raw) else os.curdir
            roots.append(os.path.realpath(folder))
        return cls(tuple(dict.fromkeys(roots)), follow_symlinks)

    def contains(self, real: str) -> bool:
        """Whether a real path lies in one of the trees."""
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)


@dataclass(frozen=True, slots=True)
class Opened:
    """A posting's bytes, the status of the file they came from, and its real path (for writing back)."""

    data: bytes
    stat: os.stat_result
    real_path: str
    linked: bool  # the path went through a symbolic link


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "special file"


def resolve(path: str, policy: ReadPolicy) -> tuple[str, bool]:
    """The real path to open and whether a link led there; Refused if the policy forbids it."""
    real = os.path.realpath(path)
    linked = real != os.path.abspath(path)
    if not linked:
        return real, False
    try:
        target = os.stat(path)
    except OSError:
        raise Refused("symlink", f"Symbolic link {_link_text(path)}points at nothing; not linted") from None
    if not stat.S_ISREG(target.st_mode):
        message = f"Symbolic link {_link_text(path)}leads to a {kind_of(target.st_mode)}; not read"
        raise Refused("symlink", message)
    if not policy.follow_symlinks and not policy.contains(real):
        message = (
            f"Symbolic link {_link_text(path)}leads outside the folder being linted; not followed "
            "(--follow-symlinks follows it)"
        )
        raise Refused("symlink", message)
    return real, True


def open_posting(path: str, policy: ReadPolicy, max_bytes: int) -> Opened:
    """Read a posting under the policy: Refused for what is not read, OSError if it cannot be."""
    real, linked = resolve(path, policy)
    before = os.lstat(real)
    if stat.S_ISDIR(before.st_mode):  # a folder the walk could not list
        try:
            os.listdir(real)
        except OSError as exc:
            message = f"Cannot read the folder: {exc.strerror or exc}; its postings were not linted"
            raise Refused("unreadable", message) from None
    if not stat.S_ISREG(before.st_mode):
        raise Refused("special-file", f"Not a regular file but a {kind_of(before.st_mode)}; not read")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(real, flags)
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):  # swapped between the lstat and the open
            raise Refused("special-file", f"Not a regular file but a {kind_of(status.st_mode)}; not read")
        if status.st_size > max_bytes:
            raise Refused("file-too-large", too_large(status.st_size, max_bytes))
        data = read_bounded(fd, max_bytes + 1)
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # it grew, or its size was not its length
        raise Refused("file-too-large", too_large(len(data), max_bytes, at_least=True))
    return Opened(data, status, real, linked)


def read_bounded(fd: int, limit: int) -> bytes:
    """At most `limit` bytes from a file descriptor."""
    chunks: list[bytes] = []
    left = limit
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def too_large(size: int, max_bytes: int, at_least: bool = False) -> str:
    """The message for a file over the size limit."""
    mib, limit = size / (1024 * 1024), max_bytes / (1024 * 1024)
    return f"File is {'over ' if at_least else ''}{mib:.1f} MB, over the {limit:g} MB limit; not linted"


def writable_target(path: str, policy: ReadPolicy) -> str:
    """Where `fix` may write a path's new text: the file itself, or a link's target inside the tree.

    A link is never replaced by a regular file; a link that leaves the tree is never
    written through, even when `--follow-symlinks` let `check` read it.
    """
    try:
        real, linked = resolve(path, policy)
    except Refused as exc:
        raise PostlintError(exc.message, path=path) from None
    if linked and not ReadPolicy(policy.roots).contains(real):
        raise PostlintError("Symbolic link leads outside the folder being linted; not written through", path=path)
    return real


def _link_text(path: str) -> str:
    try:
        return f"to {os.readlink(path)!r} "
    except OSError:  # not a link itself: a folder on the way is
        return ""


SETTINGS_MAX_BYTES = 16 * 1024 * 1024


def read_settings_text(path: str | os.PathLike[str], max_bytes: int = SETTINGS_MAX_BYTES) -> str:
    """A config, pack or baseline file as text: a regular file of at most `max_bytes`.

    Links are followed (a config names its packs), but a FIFO, a device or a huge file is
    refused with OSError rather than read forever. UnicodeDecodeError for bytes that are
    not UTF-8.
    """
    try:
        opened = open_posting(os.fspath(path), ReadPolicy(follow_symlinks=True), max_bytes)
    except Refused as exc:
        raise OSError(exc.message) from None
    return opened.data.decode("utf-8")
