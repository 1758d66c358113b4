"""The `postlint` command line: a thin shell over the engine.

`main(argv) -> int` never calls sys.exit below itself and never lets a
traceback reach a user for something they caused: PostlintError and bad
usage exit 2 with one line, anything else is a bug and exits 3.

Each command lives in a module of its own in this package, over the options
they share (`options.py`) and the run set-up they share (`run_setup.py`).
A command's module is imported only when that command runs (or `--help` lists
them all), so `postlint --version` and each command start fast.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from postlint import __version__
from postlint.display import printable
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode

ISSUES_URL = "https://github.com/postlint/postlint/issues"

# Command name -> the module of this package that defines it, and the click command's name there.
COMMANDS: dict[str, tuple[str, str]] = {
    "baseline": ("baseline", "baseline"),
    "cache": ("cache", "cache"),
    "check": ("check", "check"),
    "explain": ("explain", "explain"),
    "fix": ("fix", "fix"),
    "init": ("init", "init"),
    "inspect": ("inspect", "inspect"),
    "jsonld": ("jsonld", "jsonld"),
    "laws": ("laws", "laws_command"),
    "lsp": ("servers", "lsp_command"),
    "mcp": ("servers", "mcp_command"),
    "packs": ("packs", "packs"),
    "rules": ("rules", "rules_command"),
}


class CommandGroup(click.Group):
    """The `postlint` group: each command's module is imported when the command is looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        return command


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="postlint", message="%(prog)s %(version)s")
def cli() -> None:
    """A compliance and quality linter for job postings."""


def run() -> NoReturn:
    """The `postlint` command: `main()`, then an exit that skips tearing the interpreter down.

    Freeing each object of a run one by one (the packs, the posting, some 300 modules) took a
    tenth of a hook run on one posting. Exit handlers still run (the per-user stores are saved
    by them) and the standard streams are flushed first; files are closed by the code that
    opened them. `postlint.cli.main` itself returns normally, for callers in Python.
    """
    code = main()
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)  # CPython's; elsewhere exit the usual way
    if run_exit_handlers is None or _threads_running():
        sys.exit(code)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or its reader went away: nothing more to write
            stream.flush()
    os._exit(code)


def _threads_running() -> bool:
    """True if a thread other than the main one is still at work: a normal exit waits for it."""
    threading = sys.modules.get("threading")
    if threading is None:
        return False
    main_thread = threading.main_thread()
    return any(t is not main_thread and t.is_alive() and not t.daemon for t in threading.enumerate())


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 - one exit per kind of failure, side by side
    """Run the CLI and return its exit code (tests call this directly)."""
    args = list(argv) if argv is not None else sys.argv[1:]
    if _asks_for_no_cache(args):
        from postlint import cache

        cache.disable()  # before any command's module is imported: the code of its classes is cached too
    from postlint.dataclass_code import reused

    try:
        with reused():
            result = cli.main(args=args, prog_name="postlint", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        return ExitCode.USAGE
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        return ExitCode.INTERRUPTED
    except PostlintError as exc:
        click.echo(f"postlint: error: {printable(str(exc))}", err=True)
        return ExitCode.USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return ExitCode.OK
    except Exception as exc:
        report_bug(exc)
        return ExitCode.INTERNAL
    return result if isinstance(result, int) else ExitCode.OK


def _asks_for_no_cache(args: Sequence[str]) -> bool:
    """True if `--no-cache` is among the options (before any `--`), whichever command takes it."""
    options = args[: args.index("--")] if "--" in args else args
    return "--no-cache" in options


def report_bug(exc: Exception) -> None:
    """A short note on stderr for an exception no user could cause: what, where, and where to report it."""
    import traceback

    click.echo(f"postlint: internal error: {type(exc).__name__}: {printable(str(exc))}", err=True)
    if os.environ.get("POSTLINT_DEBUG"):
        traceback.print_exc()
    else:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        click.echo(f"  at {Path(frame.filename).name}:{frame.lineno}; set POSTLINT_DEBUG=1 for the traceback", err=True)
    click.echo(f"This is a bug in postlint {__version__}; please report it at {ISSUES_URL}", err=True)
