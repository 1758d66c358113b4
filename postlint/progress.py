"""A progress bar on standard error for long runs, only where a person is watching.

A folder of thousands of postings takes a minute; without a bar, nothing shows that it
is working. The bar appears only when standard error is a terminal, never in pipes, CI
logs, pre-commit hooks or with `--quiet`, and only after half a second, so quick runs
never flash one. tqdm is imported only then: it costs about 20 ms that a pre-commit run
on one file must not pay.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import IO, Any, TypeVar

T = TypeVar("T")
MIN_FILES = 10  # fewer files are done before anyone looks for a bar
DELAY = 0.5  # seconds before the bar first appears


def wanted(stream: IO[str], quiet: bool, files: int) -> bool:
    """Whether a run over `files` files should show a bar on `stream`."""
    if quiet or files < MIN_FILES:
        return False
    if os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS") or os.environ.get("PRE_COMMIT"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Counts files as they are reported; `paused()` clears the bar while a report line is written."""

    def __init__(self, stream: IO[str], total: int, enabled: bool) -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                file=stream,
                unit="file",
                desc="postlint",
                delay=DELAY,
                leave=False,
                dynamic_ncols=True,
                mininterval=0.2,
            )

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """The items, counting each one once the caller has taken it."""
        for item in items:
            yield item
            if self._bar is not None:
                self._bar.update(1)

    def paused(self, needed: bool = True) -> AbstractContextManager[Any]:
        """Clear the bar while something is written to the same terminal, then draw it again."""
        if self._bar is None or not needed:
            return nullcontext()
        return self._bar.external_write_mode()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
