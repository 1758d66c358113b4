"""JSON Lines: one line per file as it is linted, for pipelines that stream results."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult


class JsonlReporter:
    """`{"path": ..., "violations": [...]}` for every file, clean ones included, flushed as it goes.

    Each violation is the JSON report's object; nothing is kept between files, so a run
    over any number of files holds one file's result at a time.
    """

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def file(self, result: FileResult) -> None:
        line = self.encode({"path": result.path, "violations": [v.to_dict() for v in result.violations]})
        self.options.stream.write(line + "\n")
        self.options.stream.flush()

    def finish(self, files: int) -> None:
        """Nothing to add: the lines are the report."""
