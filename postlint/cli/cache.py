"""`postlint cache`: manage postlint's caches."""

from __future__ import annotations

from pathlib import Path

import click

from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode


@click.group()
def cache() -> None:
    """Manage postlint's caches."""


@cache.command("clean")
def cache_clean() -> int:
    """Remove the result cache here (or beside the config) and the compiled-pack cache."""
    from postlint.cache import cache_dir
    from postlint.config import find_config
    from postlint.results_cache import cache_root, clean

    config = find_config(Path.cwd())
    removed = []
    for root in dict.fromkeys([cache_root(config.parent if config else None), cache_root()]):
        try:
            if clean(root):
                removed.append(str(root))
        except OSError as exc:
            raise PostlintError(str(exc)) from None
    packs_cache = cache_dir()
    if packs_cache.is_dir():
        import shutil

        shutil.rmtree(packs_cache, ignore_errors=True)
        removed.append(str(packs_cache))
    click.echo(f"Removed {', '.join(removed)}" if removed else "No cache to remove")
    return ExitCode.OK
