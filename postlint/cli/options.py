"""The options several commands share, each declared once as a click decorator.

A command stacks the ones it takes; `selection` is the set every linting command takes
(config, packs, select, ignore, jurisdictions). Options only one command has are declared
in that command's module. tests/test_cli_structure.py checks that no command declares a
shared option again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator that applies `decorators` as if written one above the other, in this order."""

    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


config = click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
pack = click.option("--pack", "packs", multiple=True, help="Add a pack file or folder (repeatable).")
select = click.option("--select", multiple=True, help="Only these rules or packs (repeatable or comma-separated).")
ignore = click.option("--ignore", multiple=True, help="Skip these rules or packs (repeatable or comma-separated).")


def jurisdictions(verb: str = "Lint") -> Callable[[F], F]:
    """`--jurisdiction` (repeatable): lint, or read, as if posted there."""
    return click.option(
        "--jurisdiction", "jurisdictions", multiple=True, help=f"{verb} as if posted here (repeatable)."
    )


selection = _stack(config, pack, select, ignore, jurisdictions("Lint"))

as_of = click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Lint against the laws in force on this day (YYYY-MM-DD; default: today, or the config's as-of).",
)
follow_symlinks = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read symbolic links that lead outside the folder being linted (never to FIFOs or devices).",
)
stdin_filename = click.option("--stdin-filename", default=None, help="The name (and so the format) of standard input.")
jobs = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    help="At most N worker processes (0: one per idle core); fewer when the work is small.",
)
no_cache = click.option("--no-cache", is_flag=True, help="Do not use or write caches.")
# Read by `postlint.launch` before click parses anything; declared so that the option is known and listed.
warm = click.option(
    "--warm",
    is_flag=True,
    expose_value=False,
    help="Run in this user's warm postlint server, started if none runs (as POSTLINT_WARM=1 does).",
)
# The format of commands that print data rather than a lint report (`check` has its own, with every reporter).
data_format = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
