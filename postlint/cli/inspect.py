"""`postlint inspect`: what postlint read from a posting."""

from __future__ import annotations

from typing import Any

import click

from postlint.cli import options
from postlint.cli.run_setup import build_linter, load_settings, read_one
from postlint.exit_codes import ExitCode


@click.command()
@click.argument("path")
@options.data_format
@options.config
@options.pack
@options.jurisdictions("Read")
@options.stdin_filename
@options.as_of
@options.follow_symlinks
def inspect(
    path: str,
    fmt: str,
    config_path: str | None,
    packs: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    stdin_filename: str | None,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Show what postlint read from a posting: title, sections, locations, jurisdictions, pay, statements."""
    from postlint.discovery import discover
    from postlint.inspect import describe_document, render_description
    from postlint.runner import collect_files

    collect_files([path])  # a missing path is a usage error
    settings = load_settings(config_path)
    skipped = discover([path], settings).skipped
    if skipped:  # inspected all the same: the question may be why check leaves it out
        click.echo(
            f"postlint: note: `postlint check` skips this file: it matches {skipped[0][1]!r} of `exclude:`", err=True
        )
    linter = build_linter(settings, packs, jurisdictions=jurisdictions, as_of=as_of)
    doc = read_one(path, settings, stdin_filename, follow_symlinks)
    facts = describe_document(doc, linter)
    if fmt == "json":
        import json

        click.echo(json.dumps(facts, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render_description(facts))
    return ExitCode.OK
