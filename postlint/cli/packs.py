"""`postlint packs`: test a pack's examples, print the pack schema."""

from __future__ import annotations

from pathlib import Path

import click

from postlint.display import printable
from postlint.exit_codes import ExitCode
from postlint.wording import plural


@click.group()
def packs() -> None:
    """Work on rule packs: test their examples, print their schema."""


@packs.command("test")
@click.argument("paths", nargs=-1)
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def packs_test(paths: tuple[str, ...], verbose: bool) -> int:
    """Run every rule's pass/fail examples (default: the built-in packs)."""
    from postlint.engine import RuleEngine
    from postlint.packs.examples import run_examples
    from postlint.packs.loader import load_pack, pack_files, resolve_packs
    from postlint.runner import load_gazetteer

    builtin = resolve_packs(["builtin"], Path.cwd())
    tested = builtin if not paths else [load_pack(f) for p in paths for f in pack_files(p)]
    # Keyed by resolved path: 'rules/x.yaml' given on the command line is the built-in pack, not a second one.
    known = {Path(p.path).resolve(): p for p in builtin} | {Path(p.path).resolve(): p for p in tested}
    places = [entry for p in known.values() for entry in p.places]
    linter = RuleEngine(rules=tuple(r for p in known.values() for r in p.rules), gazetteer=load_gazetteer(places))
    failures = total = 0
    for result in run_examples(linter, [r for p in tested for r in p.rules]):
        total += 1
        if not result.ok:
            failures += 1
            where = f"{printable(str(result.source))}:{result.line}"
            click.echo(f"{where}: {result.rule} {result.expect}[{result.index}]: {printable(result.detail)}")
        elif verbose:
            click.echo(f"ok  {result.rule} {result.expect}[{result.index}]: {result.detail}")
    rules = sum(len(p.rules) for p in tested)
    click.echo(
        f"{total - failures} passed, {failures} failed ({plural(rules, 'rule')} in {plural(len(tested), 'pack')})"
    )
    return ExitCode.VIOLATIONS if failures else ExitCode.OK


@packs.command("schema")
def packs_schema() -> int:
    """Print the JSON Schema of a rule pack (for editors and CI)."""
    import json

    from postlint.packs.schema import pack_schema

    click.echo(json.dumps(pack_schema(), indent=2))
    return ExitCode.OK
