"""The `postlint` command's entry point: hand the run to a warm server when asked, else run it here.

Kept apart from `postlint.cli` so that deciding costs no import of click or of the engine.
A run is handed over only when the user asked for it (`POSTLINT_WARM=1` or `--warm`), the
command is one a server runs (`check`, `fix`) and nothing asks for a cold run (`--no-cache`).
"""

from __future__ import annotations

import os
import sys


def run() -> None:
    """`postlint`: the warm server's exit code if one took the run, else `postlint.cli.run()`."""
    argv = sys.argv[1:]
    if wants_warm(argv):
        from postlint.warm.client import hand_over

        try:
            code = hand_over(argv)
        except Exception:  # a server that cannot be reached or started must never stop the run itself
            code = None
        if code is not None:
            for stream in (sys.stdout, sys.stderr):
                try:  # noqa: SIM105 - contextlib is one more import before every handed-over run
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(code)
    from postlint.cli import run as run_here

    run_here()


def wants_warm(argv: list[str]) -> bool:
    """True if this run should go to a warm server: asked for, a command it runs, no `--no-cache`."""
    from postlint.warm import COMMANDS, ENV_SWITCH

    options = argv[: argv.index("--")] if "--" in argv else argv
    asked = os.environ.get(ENV_SWITCH) == "1" or "--warm" in options
    return asked and bool(options) and options[0] in COMMANDS and "--no-cache" not in options
