"""The one exception family for everything a user can cause.

Anything raised from here is reported as one line on stderr with exit code 2;
any other exception is a bug (exit code 3).
"""

from __future__ import annotations


class PostlintError(Exception):
    """A problem the user can fix: a bad pack, config, path or option."""

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class PackError(PostlintError):
    """A rule pack that cannot be loaded: YAML syntax, schema, regex, duplicate id."""


class ConfigError(PostlintError):
    """A configuration file or option that is invalid."""


class InputError(PostlintError):
    """A path that does not exist or cannot be read as asked."""
