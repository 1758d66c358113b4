"""`postlint explain`: a rule's documentation."""

from __future__ import annotations

import click

from postlint.cli import options
from postlint.cli.run_setup import load_settings
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode


@click.command()
@click.argument("rule_id")
@options.config
@options.pack
def explain(rule_id: str, config_path: str | None, packs: tuple[str, ...]) -> int:
    """Show a rule's documentation: what, why, references, examples, fix safety."""
    from postlint.engine import rule_matches
    from postlint.explain import render_explanation
    from postlint.runner import load_linter

    linter = load_linter(load_settings(config_path), extra_packs=packs)
    found = [r for r in linter.rules if r.id == rule_id or (rule_matches(r, rule_id) and rule_id != r.pack)]
    if not found:
        import difflib

        close = difflib.get_close_matches(rule_id, [r.id for r in linter.rules], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `postlint rules`"
        raise PostlintError(f"unknown rule {rule_id!r}{hint}")
    click.echo(render_explanation(found[0]))
    return ExitCode.OK
