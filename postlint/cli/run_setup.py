"""What every linting command does before it lints: read the config, build the linter, find the files.

Heavy modules are imported inside the functions: importing this module must stay cheap.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click


def split(values: Sequence[str]) -> list[str]:
    """Option values given repeatedly or comma-separated, as one list."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def load_settings(config_path: str | None, use_cache: bool = True) -> Any:
    """The settings of `--config`, or of the nearest config file, or the defaults."""
    from postlint.config import find_config, load_config

    path = Path(config_path) if config_path else find_config(Path.cwd())
    if path is None or not use_cache:
        return load_config(path)
    from postlint.cache import cached

    return cached("config", path, lambda: load_config(path))


def build_linter(
    settings: Any,
    packs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jurisdictions: Sequence[str] = (),
    *,
    use_cache: bool = True,
    as_of: Any = None,
) -> Any:
    """The linter for the settings and the selection options (`as_of` is the `--as-of` datetime), through
    the run set-up the API, the batch mode and the Spark helper share. Its rules carry no specs, as from
    the disk cache: the commands that use it lint, and `explain` and `packs test` read specs elsewhere."""
    if not use_cache:  # before the reading modules are imported: their patterns are cached too (regex_store)
        from postlint import cache

        cache.disable()
    from postlint.runner import RunOptions, prepare_run

    options = RunOptions(
        packs=tuple(packs),
        select=tuple(split(select)),
        ignore=tuple(split(ignore)),
        jurisdictions=tuple(split(jurisdictions)),
        use_cache=use_cache,
        as_of=as_of.date() if as_of is not None else None,
        specs=False,
    )
    return prepare_run(settings, options).engine


def discover_files(paths: Sequence[str], settings: Any) -> list[str]:
    """The files to lint; named files that are not postings are left out with a note on stderr."""
    from postlint.discovery import discover, skipped_note

    found = discover(paths, settings)
    if found.skipped and os.environ.get("PRE_COMMIT") != "1":  # a hook skips them as it skips other types
        click.echo(skipped_note(found.skipped), err=True)
    return found.files


def read_policy(paths: Sequence[str], follow_symlinks: bool) -> Any:
    """Which files may be read: no symbolic links out of the named folders unless `--follow-symlinks`."""
    from postlint.safe_read import ReadPolicy

    return ReadPolicy.for_arguments(list(paths) or ["."], follow_symlinks)


def max_bytes(settings: Any) -> int:
    """The config's `max-file-size` (megabytes) in bytes."""
    from postlint.runner import max_bytes_of

    return max_bytes_of(settings)


@dataclass(frozen=True)
class LintRequest:
    """The options every command that lints files shares (`check`, `fix`): what to read and which rules."""

    paths: tuple[str, ...]
    config_path: str | None
    packs: tuple[str, ...]
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    stdin_filename: str | None
    as_of: Any
    follow_symlinks: bool

    def build_linter(self, settings: Any, *, use_cache: bool = True) -> Any:
        """The linter for these options over the settings."""
        return build_linter(
            settings, self.packs, self.select, self.ignore, self.jurisdictions, use_cache=use_cache, as_of=self.as_of
        )


def read_one(path: str, settings: Any, stdin_filename: str | None, follow_symlinks: bool) -> Any:
    """The one posting a command looks at (`inspect`, `jsonld`), read as `check` reads it."""
    from postlint.runner import read_document

    doc, _ = read_document(path, max_bytes(settings), stdin_filename, policy=read_policy([path], follow_symlinks))
    return doc
