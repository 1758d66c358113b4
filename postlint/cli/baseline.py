"""`postlint baseline`: record today's violations, so that `check --baseline FILE` reports only new ones."""

from __future__ import annotations

import os
from pathlib import Path

import click

from postlint import __version__
from postlint.cli import options
from postlint.cli.run_setup import build_linter, discover_files, load_settings, max_bytes, read_policy
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode
from postlint.wording import plural


@click.command()
@click.argument("paths", nargs=-1)
@options.selection
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=".postlint-baseline.json",
    show_default=True,
    help="Write the baseline here.",
)
@options.jobs
@options.no_cache
@options.follow_symlinks
def baseline(  # noqa: PLR0913 - click passes one parameter per option; splitting them would hide which
    paths: tuple[str, ...],
    config_path: str | None,
    packs: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    output: str,
    jobs: int,
    no_cache: bool,
    follow_symlinks: bool,
) -> int:
    """Record today's violations, so that `check --baseline FILE` reports only new ones."""
    from postlint.baseline import render_baseline
    from postlint.runner import lint_files

    settings = load_settings(config_path, not no_cache)
    linter = build_linter(settings, packs, select, ignore, jurisdictions, use_cache=not no_cache)
    files = discover_files(paths, settings)
    policy = read_policy(paths, follow_symlinks)
    found = [
        (result.violations, result.decoded.text if result.decoded else None)
        for result in lint_files(linter, files, max_bytes=max_bytes(settings), jobs=jobs, policy=policy)
    ]
    target = Path(output)
    text = render_baseline(found, Path(os.path.realpath(target)).parent, __version__)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PostlintError(f"cannot write the baseline: {exc.strerror or exc}", path=output) from None
    total, in_files = sum(len(vs) for vs, _ in found), sum(1 for vs, _ in found if vs)
    click.echo(f"Wrote {output}: {plural(total, 'violation')} in {in_files} of {plural(len(files), 'file')}.", err=True)
    return ExitCode.OK
