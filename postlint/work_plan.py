"""How a run's files are shared among worker processes: how many workers pay, and chunks of even work.

A worker costs a process start and a copy of the rules (about 0.3 s of CPU), and a posting costs
about 3 ms per kilobyte, so a run of few or small files is faster in one process however many
cores there are; `--jobs N` is the most workers a run may use, not the number it must start.
Files differ in size by a factor of a thousand (a two-line comment, a 500 kB export), so chunks
are cut by bytes, not by count: a chunk of many large files would leave the other workers idle
at the end of the run.

Left to choose (`--jobs 0`, the default), a run also leaves out the cores other work keeps busy:
on a machine already loaded, a second worker only competes for the same cores and pays its start
for nothing (on 2 cores under a load of 2, `--jobs 2` took 31-33 s where one process took 30).
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
    """The usable cores other work leaves idle, at least one: `usable_cores` less the load average.

    The load average counts the whole machine, so it is used only when this process may run on
    every core of it; in a container's or `taskset`'s CPU set it says nothing of those cores.
    """
    cores = usable_cores()
    if cores != os.cpu_count():
        return cores
    try:
        load = os.getloadavg()[0]  # the last minute's: a run's own start weighs nothing in it yet
    except (AttributeError, OSError):  # pragma: no cover - platforms without a load average
        return cores
    return max(1, min(cores, int(cores - load + 0.5)))


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
