"""Linting postings held in a Spark DataFrame, on the executors, with one Linter per Python worker.

Needs the `spark` extra (pyspark, pandas, pyarrow); they are imported only when called, so
`import postlint.spark` costs nothing where Spark is absent. The packs are compiled once,
on the driver; the compiled Linter travels pickled with each task and is unpickled once per
Python worker process (Spark reuses its workers), so a task costs only its postings.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

    from postlint.api import Linter
    from postlint.violation import Violation

GENERATED_ID = "posting_id"
# The interface's JSON violation object, in its order; `fix` is that object's `fix` as JSON text.
VIOLATION_DDL = (
    "path string, rule string, severity string, message string, "
    "line int, column int, end_line int, end_column int, "
    "fix string, suggestion string, references array<string>"
)
VIOLATION_FIELDS = tuple(part.split()[0] for part in VIOLATION_DDL.split(", "))
# For `from_json(col("fix"), FIX_DDL)` when the fix is wanted as a struct.
FIX_DDL = (
    "applicability string, description string, "
    "edits array<struct<line int, column int, end_line int, end_column int, replacement string>>"
)
NULL_TEXT = "The posting's text is null; nothing was linted"
# What the input columns are called on their way to the workers: names no user column has.
TEXT, FORMAT, LOCATION = "__postlint_text", "__postlint_format", "__postlint_location"

# One unpickled Linter per worker process, keyed by the digest of its pickle.
_WORKER_LINTERS: dict[str, Linter] = {}


def lint_dataframe(
    df: DataFrame,
    *,
    text_col: str = "text",
    format_col: str | None = None,
    location_col: str | None = None,
    id_col: str | None = None,
    config: str | Path | None = None,
    packs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jurisdictions: Sequence[str] = (),
) -> DataFrame:
    """Lint every posting of `df`; one row per violation: the id, then the fields of the JSON violation object.

    `format_col` holds markdown, html or text (null: markdown; without it every posting is
    markdown). `location_col` holds where the job is ("Denver, CO"), read as the posting's
    location. `id_col` is copied to each row (without it a `posting_id` is generated:
    unique, not consecutive). A posting with nothing to report gives no row; one whose text
    is null gives a `postlint/unreadable` row. `config`, `packs`, `select`, `ignore` and
    `jurisdictions` mean what `--config`, `--pack`, `--select`, `--ignore` and
    `--jurisdiction` mean to `postlint check`; without `config` the defaults apply.
    """
    from pyspark.sql import functions as F

    named = {"text_col": text_col, "format_col": format_col, "location_col": location_col, "id_col": id_col}
    for option, column in named.items():
        if column is not None and column not in df.columns:
            raise ValueError(f"{option}={column!r}: no such column; the DataFrame has {', '.join(df.columns)}")
    if id_col in VIOLATION_FIELDS:
        raise ValueError(f"id_col={id_col!r} would clash with the violation field of that name; rename it first")
    if id_col is None and GENERATED_ID in df.columns:
        raise ValueError(f"the DataFrame has a {GENERATED_ID!r} column already; pass id_col={GENERATED_ID!r}")
    linter = build_linter(config=config, packs=packs, select=select, ignore=ignore, jurisdictions=jurisdictions)
    if id_col is None:
        id_col = GENERATED_ID
        df = df.withColumn(id_col, F.monotonically_increasing_id())
    given = {TEXT: text_col, FORMAT: format_col, LOCATION: location_col}
    inputs = [F.col(id_col)]
    inputs += [F.col(column).cast("string").alias(name) for name, column in given.items() if column is not None]
    id_type = df.schema[id_col].dataType.simpleString()
    blob = pickle.dumps(linter, protocol=pickle.HIGHEST_PROTOCOL)
    job = LintPartition(id_col, hashlib.sha256(blob).hexdigest(), blob)
    return df.select(*inputs).mapInPandas(job, f"`{id_col}` {id_type}, {VIOLATION_DDL}")


def build_linter(
    *,
    config: str | Path | None = None,
    packs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jurisdictions: Sequence[str] = (),
) -> Linter:
    """The Linter `postlint check` would build from these options (compiled packs from the on-disk cache)."""
    from postlint.api import Linter

    return Linter.from_config(config, packs=packs, select=select, ignore=ignore, jurisdictions=jurisdictions)


@dataclass(frozen=True, slots=True)
class LintPartition:
    """The function `mapInPandas` runs over each partition: pandas batches in, violation rows out."""

    id_col: str
    key: str
    blob: bytes

    def linter(self) -> Linter:
        found = _WORKER_LINTERS.get(self.key)
        if found is None:
            found = _WORKER_LINTERS[self.key] = pickle.loads(self.blob)
        return found

    def __call__(self, batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        import pandas as pd

        linter = self.linter()
        columns = [self.id_col, *VIOLATION_FIELDS]
        for batch in batches:
            rows: list[list[Any]] = []
            absent = [None] * len(batch)
            formats = batch[FORMAT].tolist() if FORMAT in batch.columns else absent
            locations = batch[LOCATION].tolist() if LOCATION in batch.columns else absent
            for key, text, fmt, location in zip(
                batch[self.id_col].tolist(), batch[TEXT].tolist(), formats, locations, strict=True
            ):
                place = location if isinstance(location, str) else None
                for violation in lint_row(linter, text, _format(fmt, key), place):
                    rows.append([key, *_row(violation)])
            yield pd.DataFrame(rows, columns=columns)


def lint_row(linter: Linter, text: str | None, fmt: str, location: str | None) -> list[Violation]:
    """One posting's violations; a null text is reported as unreadable, as an unreadable file is."""
    if not isinstance(text, str):
        from postlint.reader import unread_document

        return linter.engine.lint_document(unread_document("-", "unreadable", NULL_TEXT, fmt))  # type: ignore[arg-type]
    return linter.lint_text(text, format=fmt, facts={"location": location} if location else None)


def _format(value: Any, key: Any) -> str:
    from postlint.api import FORMATS

    if not isinstance(value, str):
        return "markdown"
    fmt = value.strip().lower()
    if fmt not in FORMATS:
        raise ValueError(f"posting {key!r}: format {value!r} is not one of {', '.join(FORMATS)}")
    return fmt


def _row(violation: Violation) -> list[Any]:
    import json

    record = violation.to_dict()
    fix = record["fix"]
    record["fix"] = None if fix is None else json.dumps(fix, ensure_ascii=False)
    return [record[name] for name in VIOLATION_FIELDS]
