"""Where this user's warm server for this exact install and environment listens.

A server is only ever asked by a caller that would have run the same code the same way:
the socket's name is a digest of the interpreter, its flags and import path, every file of
the installed package (size and modification time, so an edited checkout gets a new
server), the modification time of each import folder (installing, upgrading or removing a
package there, a dependency or a plugin, changes it), and the environment variables read
before a run begins. A caller that differs
in any of them finds no server, starts its own, and the old one exits when idle.

The socket lives in a folder only this user can enter: `$XDG_RUNTIME_DIR/postlint`, or
`<tempdir>/postlint-<uid>`. A folder someone else owns, or that others can write, is refused.
"""

from __future__ import annotations

import os
import sys

# Read when a process starts, a module is imported or the server warms up (the per-user stores are
# read from the cache folder then), so a forked child could not take them from its caller. A variable
# read only while a command runs (POSTLINT_RESULT_CACHE, POSTLINT_DEBUG, NO_COLOR...) is the caller's
# anyway, since the child runs with the caller's environment.
_ENVIRONMENT_KEYS = (
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "POSTLINT_CACHE_DIR",
    "POSTLINT_WARM_IDLE",
    "PYTHONHASHSEED",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "TMPDIR",
    "TZ",
    "XDG_CACHE_HOME",
)
_SOCKET_PATH_LIMIT = 100  # AF_UNIX paths are limited to 104-108 bytes


def folder() -> str | None:
    """The private folder of this user's sockets, created if missing; None if it cannot be trusted."""
    if not hasattr(os, "getuid") or not hasattr(os, "fork"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        path = os.path.join(runtime, "postlint")
    else:
        base = os.environ.get("TMPDIR") or "/tmp"
        path = os.path.join(base, f"postlint-{os.getuid()}")
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        status = os.lstat(path)
    except OSError:
        return None
    private = (status.st_mode & 0o170000) == 0o040000 and status.st_uid == os.getuid() and not status.st_mode & 0o077
    return path if private else None


def key() -> str:
    """The digest naming the server for this interpreter, install and environment."""
    from _blake2 import blake2b

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = [sys.executable, sys.version, repr(sys.flags), repr(sys.path), package]
    parts += _files(package)
    parts += _folder_times(sys.path)
    environ = os.environ
    parts += [f"{name}={environ.get(name)}" for name in _ENVIRONMENT_KEYS]
    text = "\0".join(parts)
    return blake2b(text.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()


def _files(package: str) -> list[str]:
    """Every file of the package, with its size and modification time: editing one names a new server."""
    found: list[str] = []
    pending = [package]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                else:
                    status = entry.stat(follow_symlinks=False)
                    found.append(f"{entry.path}:{status.st_size}:{status.st_mtime_ns}")
    found.sort()
    return found


def _folder_times(folders: list[str]) -> list[str]:
    """Each import folder's modification time: installing, upgrading or removing a package changes it."""
    times = []
    for entry in folders:
        try:
            times.append(f"{entry}:{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            times.append(f"{entry}:-")
    return times


def socket_path(folder_path: str, digest: str) -> str | None:
    """The socket for `digest` in `folder_path`, or None if the path is too long for a socket."""
    path = os.path.join(folder_path, f"{digest}.sock")
    return path if len(os.fsencode(path)) <= _SOCKET_PATH_LIMIT else None
