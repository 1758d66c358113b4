"""`postlint jsonld`: a schema.org JobPosting built from what postlint read."""

from __future__ import annotations

from typing import Any

import click

from postlint.cli import options
from postlint.cli.run_setup import build_linter, load_settings, read_one
from postlint.display import printable
from postlint.exit_codes import ExitCode


@click.command("jsonld")
@click.argument("path")
@options.config
@options.jurisdictions("Read")
@options.stdin_filename
@options.as_of
@options.follow_symlinks
def jsonld(
    path: str,
    config_path: str | None,
    jurisdictions: tuple[str, ...],
    stdin_filename: str | None,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Print a schema.org JobPosting (JSON-LD) built from what postlint read; list what it could not fill on stderr."""
    import datetime as dt
    import json

    from postlint.markup_writer import build_job_posting
    from postlint.reader import retitled
    from postlint.runner import collect_files

    collect_files([path])  # a missing path is a usage error
    settings = load_settings(config_path)
    linter = build_linter(settings, jurisdictions=jurisdictions, as_of=as_of)
    doc = read_one(path, settings, stdin_filename, follow_symlinks)
    doc = retitled(doc, linter.front_matter.get("title", "title"))
    built, missing = build_job_posting(doc, linter.facts(doc), linter.today or dt.date.today())
    click.echo(json.dumps(built, indent=2, ensure_ascii=False))
    for item in missing:
        click.echo(f"postlint: not filled: {printable(item)}", err=True)
    return ExitCode.OK
