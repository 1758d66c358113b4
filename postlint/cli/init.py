"""`postlint init`: write a commented starter config."""

from __future__ import annotations

from pathlib import Path

import click

from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode

# Every value here is the default of postlint.config.Settings: tests/test_cli_structure.py
# loads this text and compares, so a changed default fails there until it is changed here too.
STARTER_CONFIG = """\
# postlint configuration. Every key is optional; see `postlint rules` and
# `postlint explain RULE` for what each rule checks.

# Packs to run: 'builtin' for every built-in pack, a built-in's name,
# a pack file or folder (relative to this file), or an installed plugin pack.
packs: [builtin]

# Run only these rules or packs (empty: all of them), and skip these.
select: []
ignore: []

# Change a rule's (or a whole pack's) severity: error, warning or info.
severity: {}
#   quality/too-long: warning

# Skip rules for some files (globs relative to this file; ** matches folders).
per-file-ignores: {}
#   "drafts/**": [quality/placeholder]

# Files that are not postings are skipped: README, CHANGELOG, CONTRIBUTING, LICENSE and
# CODE_OF_CONDUCT (with any extension) and the docs/ and .github/ folders. `exclude` replaces
# that list, `extend-exclude` adds to it (globs: a name matches at any depth, a path with '/'
# from this file's folder, a trailing '/' matches folders).
extend-exclude: []

# Jurisdictions to assume when a posting names no location (e.g. US-CO, CA-ON).
jurisdictions: []

# The names of your front-matter fields, if they differ from these.
front-matter:
  location: location
  title: title
  salary_min: salary_min
  salary_max: salary_max
  salary_currency: salary_currency
  salary_period: salary_period
  apply_url: apply_url

# Network link checking is off unless asked for (--check-links or check: true).
links:
  check: false
  timeout: 10          # seconds per request
  url_timeout: 30      # seconds per link, redirects and retries included
  total_timeout: 300   # seconds for all link checking; links left are reported as not checked
  concurrency: 16      # requests at once
  per_host: 4          # requests at once to one host
  max_redirects: 10
  allow_private: false # true or a list of addresses, networks or hosts: reach internal sites
  exclude: []          # URL regexes never fetched
  cache_ttl: 86400     # seconds a result is reused

# The lowest severity that makes `postlint check` exit 1.
fail-on: error

# Seconds the rules of packs not shipped with postlint may take on one posting
# (a runaway regex is stopped and reported as postlint/timeout).
pack-timeout: 10

# Lint against the laws in force on another day (default: today).
# as-of: 2027-01-01

# What postings rarely say about the employer. Laws with a threshold above
# `employees` do not bind; a fact left out is unknown and the laws apply.
# employer: {employees: 40, employees_in: {US-MN: 12}, federal_contractor: false, government: none}
"""


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .postlint.yaml.")
def init(force: bool) -> int:
    """Write a commented starter .postlint.yaml in the current folder."""
    target = Path(".postlint.yaml")
    if (target.exists() or target.is_symlink()) and not force:
        raise PostlintError(".postlint.yaml already exists (use --force to overwrite)", path=str(target))
    if target.is_dir() and not target.is_symlink():
        raise PostlintError("is a folder, not a file: remove or rename it first", path=str(target))
    try:
        target.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        raise PostlintError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    click.echo(f"Wrote {target}")
    return ExitCode.OK
