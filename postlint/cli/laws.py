"""`postlint laws`: the laws the rules encode."""

from __future__ import annotations

from typing import Any

import click

from postlint.cli import options
from postlint.cli.run_setup import build_linter, load_settings
from postlint.exit_codes import ExitCode


# `--jurisdiction` here is one place to filter by, not the shared repeatable option.
@click.command("laws")
@click.option(
    "--jurisdiction", "jurisdiction", default=None, metavar="ID", help="Only laws that apply here (e.g. US-NY-NYC)."
)
@options.as_of
@options.data_format
@options.config
@options.pack
def laws_command(
    jurisdiction: str | None, as_of: Any, fmt: str, config_path: str | None, packs: tuple[str, ...]
) -> int:
    """List the laws the rules encode: what each requires in a posting, its dates, status and sources."""
    import datetime as dt

    from postlint.law_table import currency_note, law_rows, render_law_table

    settings = load_settings(config_path)
    linter = build_linter(settings, packs, jurisdictions=[jurisdiction] if jurisdiction else [], as_of=as_of)
    day = linter.today or dt.date.today()
    rows = law_rows(linter.rules, jurisdiction, day)
    note = currency_note(law for rule in linter.rules for law in rule.laws)
    if fmt == "json":
        import json

        data = {"jurisdiction": jurisdiction, "as_of": day.isoformat(), "laws": rows, "note": note}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(render_law_table(rows, jurisdiction, day, note), nl=False)
    return ExitCode.OK
