"""Writing a file so that no reader ever sees half of it: a temporary file beside it, then a rename.

`fix` rewrites users' postings this way, and the caches write their entries this way
because several postlint processes (pre-commit runs hooks in parallel) share them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def replace_file(
    path: Path,
    data: bytes,
    *,
    mode: int | None = None,
    durable: bool = False,
    owner: tuple[int, int] | None = None,
) -> None:
    """Replace `path` with `data` atomically; the temporary file never outlives a failure.

    `mode` sets the new file's permissions (to keep a user's file mode); `owner` its user
    and group, as far as this process may set them; `durable` flushes it to disk before
    the rename, for user files rather than caches.
    """
    with replacing(path, mode=mode, durable=durable, owner=owner) as handle:
        handle.write(data)


@contextmanager
def replacing(
    path: Path, *, mode: int | None = None, durable: bool = False, owner: tuple[int, int] | None = None
) -> Iterator[IO[bytes]]:
    """A file to write `path`'s new contents to, piece by piece; renamed over `path` only if the block ends well.

    For contents too large to hold in memory at once (the result cache's index).
    """
    import tempfile  # here: a run that writes nothing (every result from the cache) needs no temporary files

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".postlint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if owner is not None and hasattr(os, "chown"):
            _keep_owner(tmp, owner)
        if mode is not None:
            os.chmod(tmp, mode)  # after chown, which clears set-user-id bits
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner(tmp: str, owner: tuple[int, int]) -> None:
    """Give the new file the old one's user and group: both as root, the group alone as a member of it."""
    uid, gid = owner
    for wanted in ((uid, gid), (-1, gid)):
        try:
            os.chown(tmp, *wanted)
            return
        except OSError:
            continue
