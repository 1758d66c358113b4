"""`postlint rules`: list every rule with its severity, kind and a one-line summary."""

from __future__ import annotations

import json
from pathlib import Path

import click

from postlint.cli import options
from postlint.cli.run_setup import load_settings
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode


# `--pack` here narrows the list to packs by name (or adds a pack file), unlike the shared `--pack`.
@click.command("rules")
@click.option("--pack", "pack_names", multiple=True, help="Only rules of these packs.")
@options.config
@options.data_format
def rules_command(pack_names: tuple[str, ...], config_path: str | None, fmt: str) -> int:
    """List every rule: id, severity, kind and a one-line summary."""
    from postlint.runner import load_linter

    settings = load_settings(config_path)
    linter = load_linter(settings, extra_packs=[p for p in pack_names if is_path(p)], use_cache=True)
    wanted = [p for p in pack_names if not is_path(p)]
    rules = [r for r in linter.rules if not wanted or r.pack in wanted]
    if wanted and not rules:
        raise PostlintError(f"no rules in pack(s) {', '.join(wanted)}")
    if fmt == "json":
        rows = [{"id": r.id, "severity": r.severity.name, "kind": r.kind, "summary": r.summary} for r in rules]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return ExitCode.OK
    width = max((len(r.id) for r in rules), default=10)
    kinds = max((len(r.kind) for r in rules), default=7)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity.name:<7}  {rule.kind:<{kinds}}  {rule.summary}")
    return ExitCode.OK


def is_path(name: str) -> bool:
    """Whether a `--pack` value names a pack file or folder rather than a loaded pack."""
    return "/" in name or name.endswith((".yaml", ".yml")) or Path(name).exists()
