"""A Markdown job summary for GitHub Actions ($GITHUB_STEP_SUMMARY): every finding, in one table.

GitHub shows only the first annotations of each severity a step prints (see
postlint.output.github); the summary, on the run's page, lists the rest. GitHub takes up
to 1 MiB of summary per step, so the table stops at MAX_ROWS and says how many are left.
"""

from __future__ import annotations

from collections import Counter

from postlint.display import printable
from postlint.violation import Severity, Violation
from postlint.wording import plural

MAX_ROWS = 1000  # about 200 bytes each: well under GitHub's 1 MiB per step


def _cell(text: str) -> str:
    return printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


class JobSummary:
    """Collects rows as findings come (at most MAX_ROWS kept) and writes the Markdown once."""

    def __init__(self) -> None:
        self.rows: list[str] = []
        self.counts: Counter[Severity] = Counter()
        self.files_with: set[str] = set()

    def add(self, v: Violation) -> None:
        self.counts[v.severity] += 1
        self.files_with.add(v.path)
        if len(self.rows) < MAX_ROWS:
            where = f"`{_cell(v.path).replace('`', '')}:{v.line}:{v.column}`"
            self.rows.append(f"| {where} | {v.severity.name} | `{v.rule}` | {_cell(v.message)} |")

    def render(self, files: int, annotated: int) -> str:
        total = sum(self.counts.values())
        lines = ["## postlint", ""]
        if not total:
            return "\n".join([*lines, f"No problems in {plural(files, 'file')}.", ""])
        parts = ", ".join(plural(self.counts[s], s.name) for s in reversed(Severity))
        lines.append(f"{plural(total, 'problem')} ({parts}) in {len(self.files_with)} of {plural(files, 'file')}.")
        if annotated < total:
            lines.append(f"GitHub shows {annotated} of them as annotations on the pull request; all are listed here.")
        lines += ["", "| where | severity | rule | message |", "|---|---|---|---|", *self.rows]
        if total > len(self.rows):
            lines += ["", f"…and {total - len(self.rows)} more: run `postlint check` or write `--format json`."]
        return "\n".join(lines) + "\n"

    def write(self, path: str, files: int, annotated: int) -> None:
        """Append to the summary file (other steps may have written theirs); a failure only loses the summary."""
        try:
            with open(path, "a", encoding="utf-8") as out:
                out.write(self.render(files, annotated))
        except OSError:
            pass
