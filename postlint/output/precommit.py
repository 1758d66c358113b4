"""The text report as a pre-commit hook shows it: everything when the hook fails, one line when it passes.

pre-commit hides a passing hook's output unless the hook is `verbose`, so warnings below
`--fail-on` would pass unseen; printed in full on every commit they would be noise. This
reporter holds the text report back until a failing violation appears (then it is
written in full, as always); if none does, it writes one line naming what was found.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import IO, TYPE_CHECKING

from postlint.display import printable
from postlint.output.text import TextReporter
from postlint.violation import Severity
from postlint.wording import plural

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult


class _Held(io.StringIO):
    """A stream that keeps what is written until told to pass it on, and passes the rest straight on."""

    def __init__(self, target: IO[str]) -> None:
        super().__init__()
        self.target = target
        self.released = False

    def write(self, text: str) -> int:
        return self.target.write(text) if self.released else super().write(text)

    def release(self) -> None:
        if not self.released:
            self.target.write(self.getvalue())
            self.released = True


class PreCommitReporter:
    """A text report for a hook run; `threshold` is the `--fail-on` severity."""

    def __init__(self, options: ReportOptions, threshold: Severity) -> None:
        from dataclasses import replace

        self.target = options.stream
        self.held = _Held(options.stream)
        self.text = TextReporter(replace(options, stream=self.held))
        self.threshold = threshold
        self.quiet = options.quiet
        self.counts: Counter[Severity] = Counter()
        self.paths: list[str] = []

    def file(self, result: FileResult) -> None:
        self.text.file(result)
        self.counts.update(v.severity for v in result.violations)
        if result.violations:
            self.paths.append(result.path)
        if any(v.severity >= self.threshold for v in result.violations):
            self.held.release()

    def finish(self, files: int) -> None:
        if self.held.released:
            self.text.finish(files)
            return
        if self.quiet or not self.paths:
            return
        found = [plural(self.counts[s], s.name) for s in reversed(Severity) if self.counts[s]]
        where = ", ".join(printable(p) for p in self.paths[:3]) + (", …" if len(self.paths) > 3 else "")
        self.target.write(
            f"postlint: passed with {' and '.join(found)} below --fail-on {self.threshold.name} "
            f"in {plural(len(self.paths), 'file')} ({where}); `postlint check FILE` shows them\n"
        )
