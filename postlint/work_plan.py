"""How a run's files are shared among worker processes: how many workers pay, and chunks of even work.

A worker costs a process start and a copy of the rules (about 0.3 s of CPU), and a posting costs
about 3 ms per kilobyte, so a run of few or small files is faster in one process however many
cores there are; `--jobs N` is the most workers a run may use, not the number it must start.
Files differ in size by a factor of a thousand (a two-line comment, a 500 kB export), so chunks
are cut by bytes, not by count: a chunk of many large files would leave the other workers idle
at the end of the run.

Left to choose (`--jobs 0`, the default), a run also leaves out the cores other work keeps busy
(`other_work`): on a machine already loaded, a second worker only competes for the same cores and
pays its start for nothing (on 2 cores under a load of 2, `--jobs 2` took 31-33 s where one process took 30).
`--jobs N` given is the user's ceiling and is not lowered by the load.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

# Less text than this per worker does not pay for starting one.
MIN_BYTES_PER_WORKER = 512 * 1024
# A chunk holds about this much text, or CHUNK_FILES files, whichever comes first: large enough that
# sending it costs little beside linting it, small enough that workers finish together.
CHUNK_BYTES = 256 * 1024
CHUNK_FILES = 64
# The size assumed for a file whose size cannot be read (it will be reported when it is read).
UNKNOWN_SIZE = 4096


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - platforms without CPU affinity
        return os.cpu_count() or 1


def idle_cores() -> int:
    """The usable cores other work leaves idle, at least one: `usable_cores` less `other_work()`.

    The load counts the whole machine, so it is used only when this process may run on every
    core of it; in a container's or `taskset`'s CPU set it says nothing of those cores.
    """
    cores = usable_cores()
    busy = other_work() if cores == os.cpu_count() else None
    if busy is None:
        return cores
    return max(1, min(cores, int(cores - busy + 0.5)))


def other_work() -> float | None:
    """How many cores other work keeps busy, or None where the system does not say.

    The last minute's load average, but no more than the tasks running now besides this one:
    the average alone still counts a run that has just ended (a previous run of ours, say), and
    the count alone is a moment's. Linux gives both (`/proc/loadavg`); elsewhere, the average.
    """
    try:
        with open("/proc/loadavg", "rb") as handle:
            return busy_cores(handle.read())
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - platforms without a load average
        return None


def busy_cores(loadavg: bytes) -> float:
    """From `/proc/loadavg` ("1.69 1.93 1.71 3/114 6822"): the 1-minute average, capped by the tasks
    running now less this one."""
    fields = loadavg.split()
    running = int(fields[3].split(b"/")[0]) - 1
    return min(float(fields[0]), float(max(0, running)))


def worker_count(jobs: int, sizes: Sequence[int]) -> int:
    """Workers for this work: at most `jobs` (0: one per idle core), one per MIN_BYTES_PER_WORKER."""
    limit = jobs or idle_cores()
    by_work = sum(sizes) // MIN_BYTES_PER_WORKER
    return max(1, min(limit, by_work))


def file_sizes(paths: Sequence[str]) -> list[int]:
    """The size of each file on disk (a `stat`, no read)."""
    sizes = []
    for path in paths:
        try:
            sizes.append(os.stat(path).st_size)
        except (OSError, ValueError):
            sizes.append(UNKNOWN_SIZE)
    return sizes


def chunks(sizes: Sequence[int]) -> list[tuple[int, int]]:
    """(start, end) index ranges over the files, in order, each about CHUNK_BYTES of text."""
    ranges: list[tuple[int, int]] = []
    start = total = 0
    for index, size in enumerate(sizes):
        total += size
        if total >= CHUNK_BYTES or index + 1 - start >= CHUNK_FILES:
            ranges.append((start, index + 1))
            start, total = index + 1, 0
    if start < len(sizes):
        ranges.append((start, len(sizes)))
    return ranges
