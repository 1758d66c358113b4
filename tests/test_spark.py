"""Linting a Spark DataFrame gives, posting for posting, what `postlint check --format json` gives for files.

Runs a real local Spark session (`local[2]`); skipped when pyspark (the `spark` extra) or Java is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import COMPLIANT, EXAMPLES, ROOT, run_cli

if importlib.util.find_spec("pyspark") is None:
    pytest.skip("pyspark is not installed (pip install 'postlint[spark]')", allow_module_level=True)
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java 17 or newer and there is no `java` here", allow_module_level=True)

EXTENSIONS = {".md": "markdown", ".html": "html", ".txt": "text"}
SUFFIXES = {fmt: suffix for suffix, fmt in EXTENSIONS.items()}
SYNTHETIC = 28
PARTITIONS = 4
# Names no place, states no pay: where a posting is decides how serious that is.
UNPLACED_HTML = (
    "<h1>Warehouse Associate</h1>\n<p>Pick and pack orders on the day shift. "
    "Apply at <a href='https://jobs.example.com/42'>jobs.example.com</a>.</p>\n"
)


def _postings() -> list[dict[str, str]]:
    """About 40 postings: the examples, the tests' compliant paragraph, and synthetic ones."""
    found = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "format": EXTENSIONS[path.suffix]}
        for path in sorted(EXAMPLES.rglob("*"))
        if path.suffix in EXTENSIONS
    ]
    found.append({"id": "compliant", "text": COMPLIANT, "format": "text"})
    found.append(
        {"id": "compliant-role", "text": f"# Data Analyst\n\nLocation: Denver, CO\n\n{COMPLIANT}", "format": "markdown"}
    )
    synth = ROOT / "bench" / "synth.py"
    if synth.exists():
        sys.path.insert(0, str(synth.parent))
        try:
            import synth as generator
        finally:
            sys.path.remove(str(synth.parent))
        found += [{k: p[k] for k in ("id", "text", "format")} for p in generator.postings(SYNTHETIC, seed=7)]
    return found


POSTINGS = _postings()


@pytest.fixture(scope="module")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A local session, small and quiet; its start-up time is printed with `-s`."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    start = time.perf_counter()
    session = (
        SparkSession.builder.master("local[2]")
        .appName("postlint-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.local.dir", str(tmp_path_factory.mktemp("spark-local")))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    print(f"spark start-up: {time.perf_counter() - start:.1f} s")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def linted(spark: Any) -> dict[str, list[dict[str, Any]]]:
    """Every posting of the module linted in one Spark job, as violation dicts by id."""
    from postlint.spark import lint_dataframe

    rows = [(p["id"], p["text"], p["format"], None) for p in POSTINGS]
    rows.append(("denver", UNPLACED_HTML, "html", "Denver, CO"))
    rows.append(("nowhere", UNPLACED_HTML, "html", None))
    rows.append(("null-text", None, None, None))
    schema = "id string, body string, kind string, place string"
    df = spark.createDataFrame(spark.sparkContext.parallelize(rows, PARTITIONS), schema)
    assert df.rdd.getNumPartitions() == PARTITIONS
    result = lint_dataframe(df, text_col="body", format_col="kind", location_col="place", id_col="id")
    found: dict[str, list[dict[str, Any]]] = {}
    for row in result.collect():
        record = row.asDict()
        record["fix"] = json.loads(record["fix"]) if record["fix"] is not None else None
        found.setdefault(record.pop("id"), []).append(record)
    return found


def _canonical(records: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps({**r, "path": "-"}, sort_keys=True, ensure_ascii=False) for r in records)


def test_dataframe_matches_the_cli_record_for_record(tmp_path: Path, linted: dict[str, list[dict[str, Any]]]) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    for posting in POSTINGS:
        (folder / f"{posting['id']}{SUFFIXES[posting['format']]}").write_text(posting["text"], encoding="utf-8")
    code, out, err = run_cli("check", folder, "--format", "json", "--no-cache", cwd=tmp_path)
    assert code == 1, err
    by_file: dict[str, list[dict[str, Any]]] = {}
    for record in json.loads(out)["violations"]:
        by_file.setdefault(Path(record["path"]).stem, []).append(record)
    assert len(POSTINGS) >= 13
    assert sum(map(len, by_file.values())) > len(POSTINGS)
    for posting in POSTINGS:
        key = posting["id"]
        assert _canonical(linted.get(key, [])) == _canonical(by_file.get(key, [])), key


def test_location_column_brings_the_law_of_the_place(linted: dict[str, list[dict[str, Any]]]) -> None:
    there = {r["rule"]: r for r in linted["denver"]}
    nowhere = {r["rule"]: r for r in linted["nowhere"]}
    assert there["pay/salary-range"]["severity"] == "error"
    assert nowhere["pay/salary-range"]["severity"] == "warning"
    assert "pay/application-deadline" in there
    assert "pay/application-deadline" not in nowhere
    assert (there["pay/salary-range"]["line"], there["pay/salary-range"]["column"]) == (
        nowhere["pay/salary-range"]["line"],
        nowhere["pay/salary-range"]["column"],
    )


def test_null_text_is_reported_as_unreadable(linted: dict[str, list[dict[str, Any]]]) -> None:
    [record] = linted["null-text"]
    assert (record["rule"], record["severity"], record["line"], record["column"]) == (
        "postlint/unreadable",
        "error",
        1,
        1,
    )


def test_missing_column_is_named_with_the_columns_present(spark: Any) -> None:
    from postlint.spark import lint_dataframe

    df = spark.createDataFrame([("a", "# Hi\n")], "id string, body string")
    with pytest.raises(ValueError, match=r"text_col='text'.*id, body"):
        lint_dataframe(df)
    with pytest.raises(ValueError, match=r"location_col='where'"):
        lint_dataframe(df, text_col="body", location_col="where")
    with pytest.raises(ValueError, match=r"'posting_id' column already"):
        lint_dataframe(df.withColumnRenamed("id", "posting_id"), text_col="body")


def test_generated_ids_and_the_schema(spark: Any) -> None:
    from postlint.spark import GENERATED_ID, VIOLATION_FIELDS, lint_dataframe

    df = spark.createDataFrame([("# Hi\n",)], "text string")
    result = lint_dataframe(df, select=["quality/too-short"])
    assert tuple(result.columns) == (GENERATED_ID, *VIOLATION_FIELDS)
    assert result.schema["references"].dataType.simpleString() == "array<string>"
    assert result.schema[GENERATED_ID].dataType.simpleString() == "bigint"
    [row] = result.collect()
    assert (row.rule, row.line, row.column) == ("quality/too-short", 1, 5)
