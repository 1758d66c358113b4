"""More reports from the same run: `--report FORMAT:FILE`, as often as needed.

A CI job that wants annotations and a SARIF file (the GitHub Action) lints once and
writes both, instead of linting twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import IO, TYPE_CHECKING

from postlint.errors import PostlintError
from postlint.output import FORMATS, Reporter, ReportOptions, make_reporter

if TYPE_CHECKING:
    from postlint.runner import FileResult


def parse_reports(values: Sequence[str]) -> list[tuple[str, str]]:
    """('sarif', 'out.sarif') from 'sarif:out.sarif'; a bad value is a usage error."""
    parsed = []
    for value in values:
        fmt, sep, path = value.partition(":")
        if not sep or not path or fmt not in FORMATS:
            raise PostlintError(f"--report {value!r}: expected FORMAT:FILE, FORMAT one of {', '.join(FORMATS)}")
        parsed.append((fmt, path))
    return parsed


class TeeReporter:
    """Hands every result to several reporters; closes the files it opened when done."""

    def __init__(self, first: Reporter, reports: Sequence[tuple[str, str]], options: ReportOptions) -> None:
        self.reporters = [first]
        self.streams: list[IO[str]] = []
        for fmt, path in reports:
            try:
                stream = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in close()
            except OSError as exc:
                self.close()
                raise PostlintError(f"cannot write the report: {exc.strerror or exc}", path=path) from None
            self.streams.append(stream)
            extra = replace(options, stream=stream, colour=False, quiet=False, statistics=False)
            self.reporters.append(make_reporter(fmt, extra))

    def file(self, result: FileResult) -> None:
        for reporter in self.reporters:
            reporter.file(result)

    def finish(self, files: int) -> None:
        for reporter in self.reporters:
            reporter.finish(files)

    def close(self) -> None:
        for stream in self.streams:
            stream.close()
