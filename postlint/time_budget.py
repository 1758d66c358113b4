"""A hard limit on the time one block of code may take: for the rules of packs postlint did not ship.

A pack from a pull request can hold a regex the load-time check (`packs.regex_safety`) does
not catch: the check is a heuristic, and some patterns are merely quadratic. Python's regex
matcher checks for signals as it runs, so a timer signal can stop even a match that would
never end. `time_budget` arms `ITIMER_REAL` for the block and raises `OverBudget` in it when
the time is up. It works in a process's main thread on POSIX systems (the CLI, its worker
processes, batch mode); elsewhere (threads, Windows) it does nothing, and only the load-time
check stands.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class OverBudget(Exception):
    """The block ran longer than its budget."""


def available() -> bool:
    """Whether a budget can be enforced here (POSIX timers, main thread, no timer already set)."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget inside the block once `seconds` have passed; no limit where none can be enforced."""
    if seconds <= 0 or not available():
        yield
        return
    armed = [True]

    def on_alarm(signum: int, frame: Any) -> None:
        if armed[0]:
            raise OverBudget(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False  # an alarm arriving now, as the block ends, is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
