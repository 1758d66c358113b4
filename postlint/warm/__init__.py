"""A warm postlint process kept by the user, so a run on a few postings need not start cold.

A run on one posting spends most of its time before it reads the posting: Python starts,
some 300 modules are imported, rule checks are unpickled and classes created. With
`POSTLINT_WARM=1` (or `--warm`), `postlint check` and `postlint fix` hand their run to a
server that has done all that once: the server forks, and the child runs the same
`postlint.cli.main` with the caller's arguments, folder, environment and standard
streams, so what it prints, writes and returns is what the caller would have.

- `address`: where a user's server for this exact install listens (one per code version).
- `client`: the caller's side, kept to modules Python has loaded already, so handing over
  costs little more than Python's own start.
- `server`: the warm process, its fork per run and the child's set-up.

The frames both sides exchange are defined here.
"""

from __future__ import annotations

FRAME = 8  # bytes of each number sent: little-endian, unsigned
ENV_SWITCH = "POSTLINT_WARM"
IDLE_ENV = "POSTLINT_WARM_IDLE"  # seconds a server waits for a run before it exits
DEFAULT_IDLE_SECONDS = 900
COMMANDS = frozenset({"check", "fix"})  # the commands handed over; the rest always run in the caller


def number(value: int) -> bytes:
    return value.to_bytes(FRAME, "little")


def read_number(data: bytes) -> int:
    return int.from_bytes(data, "little")
