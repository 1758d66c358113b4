"""The exit codes of every postlint command, in one place (the README's table and the interface
contract list them): CI and pre-commit decide on them, so they never change meaning."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # nothing at or above --fail-on
    VIOLATIONS = 1  # problems at or above --fail-on (for fix: files were changed or left with problems)
    USAGE = 2  # a bad option, path, config, pack or input record: the user's to fix
    INTERNAL = 3  # a bug in postlint
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
