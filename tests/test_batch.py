"""`postlint check --input jsonl`: one result line per record, malformed records reported in place, order kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import COMPLIANT, EXAMPLES, run_cli

from postlint import batch

SUFFIX = {"markdown": ".md", "text": ".txt", "html": ".html"}
FORMAT_OF = {suffix: fmt for fmt, suffix in SUFFIX.items()}
POSTINGS = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in FORMAT_OF)


def record(record_id: Any, text: str, fmt: str = "markdown", **more: Any) -> bytes:
    return json.dumps({"id": record_id, "text": text, "format": fmt, **more}, ensure_ascii=False).encode("utf-8")


def run_jsonl(data: bytes, *args: str, cwd: Path, stdin: bool = False) -> tuple[int, list[dict[str, Any]], str]:
    if stdin:
        code, out, err = run_cli("check", "--input", "jsonl", "-", *args, "--no-cache", cwd=cwd, input=data)
    else:
        (cwd / "records.jsonl").write_bytes(data)
        code, out, err = run_cli("check", "--input", "jsonl", "records.jsonl", *args, "--no-cache", cwd=cwd)
    return code, [json.loads(line) for line in out.splitlines()], err


def as_files(folder: Path, texts: dict[str, tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """What `check --format json` reports for each text written as a UTF-8 file named by its id."""
    folder.mkdir()
    names = {}
    for record_id, (text, fmt) in texts.items():
        name = record_id + SUFFIX[fmt]
        (folder / name).write_bytes(text.encode("utf-8"))
        names[name] = record_id
    code, out, err = run_cli("check", *names, "--format", "json", "--no-cache", "--jobs", "1", cwd=folder)
    assert code in (0, 1), err
    found: dict[str, list[dict[str, Any]]] = {record_id: [] for record_id in texts}
    for item in json.loads(out)["violations"]:
        record_id = names[item["path"]]
        found[record_id].append({**item, "path": record_id})
    return found


def test_each_record_gets_what_its_text_gets_as_a_file(tmp_path: Path) -> None:
    texts = {f"p{i:02d}": (p.read_text(encoding="utf-8"), FORMAT_OF[p.suffix]) for i, p in enumerate(POSTINGS)}
    lines = [record(record_id, text, fmt) for record_id, (text, fmt) in texts.items()]
    code, results, err = run_jsonl(b"\n".join(lines) + b"\n", "--jobs", "1", cwd=tmp_path)
    assert code == 1, err
    assert [r["id"] for r in results] == list(texts)
    assert [r["line"] for r in results] == list(range(1, len(texts) + 1))
    expected = as_files(tmp_path / "files", texts)
    for result in results:
        assert result["error"] is None
        assert result["violations"] == expected[result["id"]], result["id"]
    assert any(v["fix"] and v["fix"]["edits"] for r in results for v in r["violations"])
    assert err.startswith(f"{len(texts)} records: ")


def test_malformed_lines_are_reported_in_place_and_the_stream_goes_on(tmp_path: Path) -> None:
    good = record("ok", "# Nurse\n\n" + COMPLIANT)
    lines = [
        b"\xef\xbb\xbf" + good,  # 1: a byte-order mark before the first record
        b"",  # 2: blank lines are skipped
        b"   \t",  # 3
        b'{"id": "bad-json", "text": ',  # 4
        b"[1, 2]",  # 5
        b'{"id": 6}',  # 6
        b'{"id": 7, "text": 42}',  # 7
        b'{"id": 8, "text": "x", "format": "pdf"}',  # 8
        b'{"id": 9, "text": "caf\xe9"}',  # 9: Latin-1, not UTF-8
        b'{"id": 10, "text": "x", "jurisdictions": "US-CO"}',  # 10
        b'{"id": 11, "text": "x", "jurisdictions": ["US-XX"]}',  # 11
        b'{"id": 12, "text": "x", "location": {"city": "Denver"}}',  # 12
        good,  # 13
    ]
    code, results, err = run_jsonl(b"\r\n".join(lines) + b"\r\n", "--jobs", "1", cwd=tmp_path)
    assert code == 2, err
    assert [(r["line"], r["id"]) for r in results] == [
        (1, "ok"),
        (4, None),
        (5, None),
        (6, 6),
        (7, 7),
        (8, 8),
        (9, None),
        (10, 10),
        (11, 11),
        (12, 12),
        (13, "ok"),
    ]
    for r in results[1:-1]:
        assert r["error"].startswith(f"line {r['line']}: ") and r["violations"] == []
    assert results[0]["error"] is None and results[0]["violations"] == results[-1]["violations"]
    reasons = {r["line"]: r["error"] for r in results}
    assert "invalid JSON" in reasons[4] and "object" in reasons[5] and '"text"' in reasons[6]
    assert "markdown, text, html" in reasons[8] and "0xE9" in reasons[9] and "US-XX" in reasons[11]
    assert "9 malformed" in err


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    warning_only = record(1, "# Nurse\n\nJoin our ward team.\n\n" + COMPLIANT)
    code, results, _ = run_jsonl(warning_only + b"\n", "--jobs", "1", "--select", "quality", cwd=tmp_path)
    assert results[0]["violations"] and {v["severity"] for v in results[0]["violations"]} <= {"warning", "info"}
    assert code == 0
    code, _, _ = run_jsonl(
        warning_only + b"\n", "--jobs", "1", "--select", "quality", "--fail-on", "warning", cwd=tmp_path
    )
    assert code == 1


def test_standard_input_and_the_location_field(tmp_path: Path) -> None:
    text = "# Backend Engineer\n\nWe build routing software.\n\nApply at https://jobs.example.com/apply\n"
    data = record("denver", text, location="Denver, CO") + b"\n" + record("nowhere", text) + b"\n"
    code, results, err = run_jsonl(data, "--jobs", "1", cwd=tmp_path, stdin=True)
    assert code == 1, err
    rules = {r["id"]: {v["rule"] for v in r["violations"]} for r in results}
    assert "pay/application-deadline" in rules["denver"] and "pay/application-deadline" not in rules["nowhere"]
    assert all(v["path"] == r["id"] for r in results for v in r["violations"])


def test_order_is_kept_with_workers(tmp_path: Path) -> None:
    places = ["Denver, CO", "Austin, TX", "Toronto, ON", "Berlin, Germany"]
    count = 300  # chunks of 32, 64, 128 and 76: several in flight at once, finishing in any order
    data = b"".join(
        record(i, f"# Engineer {i}\n\n" + COMPLIANT * (i % 3), location=places[i % 4]) + b"\n" for i in range(count)
    )
    code, parallel, err = run_jsonl(data, "--jobs", "2", cwd=tmp_path)
    assert code == 1, err
    assert [r["id"] for r in parallel] == list(range(count))
    _, serial, _ = run_jsonl(data, "--jobs", "1", cwd=tmp_path)
    assert parallel == serial


def test_a_huge_record_is_reported_as_a_huge_file_is(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("max-file-size: 0.01\n", encoding="utf-8")  # 10,485 bytes
    big = "# Engineer\n\n" + "We ship software every week. " * 500
    over_line = "x" * (6 * 10485 + 1024 * 1024 + 10)  # a line over the limit is not even read
    data = record("big", big) + b"\n" + record("over", over_line) + b"\n" + record("after", "# Short\n") + b"\n"
    code, results, err = run_jsonl(data, "--jobs", "1", cwd=tmp_path)
    assert code == 2, err
    assert [r["line"] for r in results] == [1, 2, 3]
    assert [v["rule"] for v in results[0]["violations"]] == ["postlint/file-too-large"]
    (tmp_path / "big.md").write_text(big, encoding="utf-8")
    _, out, _ = run_cli("check", "big.md", "--format", "json", "--no-cache", cwd=tmp_path)
    assert results[0]["violations"] == [{**v, "path": "big"} for v in json.loads(out)["violations"]]
    assert results[1]["id"] is None and "over" in results[1]["error"]
    assert results[2]["error"] is None


def test_record_ids_of_any_json_type_name_the_path(tmp_path: Path) -> None:
    ids: list[Any] = [17, "a/b.md", None, ["x"]]
    data = b"".join(record(i, "# Engineer\n\nShort.\n") + b"\n" for i in ids)
    _, results, _ = run_jsonl(data, "--jobs", "1", cwd=tmp_path)
    assert [r["id"] for r in results] == ids
    assert [r["violations"][0]["path"] for r in results] == ["17", "a/b.md", "-", '["x"]']


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json"],
        ["--format", "text"],
        ["--diff-base", "HEAD"],
        ["--baseline", "b.json"],
        ["--stdin-filename", "x.md"],
        ["records.jsonl"],  # two inputs
    ],
)
def test_options_that_do_not_fit_a_stream_are_usage_errors(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "records.jsonl").write_bytes(record(1, "# x\n") + b"\n")
    code, out, err = run_cli("check", "--input", "jsonl", "records.jsonl", *args, "--no-cache", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "--input jsonl" in err and "Traceback" not in err


def test_jsonl_output_for_files_is_one_line_per_file(tmp_path: Path) -> None:
    chosen = POSTINGS[:4]
    code, out, err = run_cli("check", *chosen, "--format", "jsonl", "--no-cache", "--jobs", "1")
    assert code in (0, 1), err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["path"] for line in lines] == [str(p) for p in chosen]
    _, report, _ = run_cli("check", *chosen, "--format", "json", "--no-cache", "--jobs", "1")
    assert [v for line in lines for v in line["violations"]] == json.loads(report)["violations"]


def test_chunks_start_small_then_grow_to_their_bounds_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [(number, b"x" * 100) for number in range(1, 3001)]
    sizes = [len(chunk) for chunk in batch._chunks(iter(lines))]
    assert sizes[:5] == [32, 64, 128, 256, 512] and set(sizes[5:-1]) == {512} and sum(sizes) == 3000
    assert [line for chunk in batch._chunks(iter(lines)) for line in chunk] == lines
    monkeypatch.setattr(batch, "CHUNK_BYTES", 1000)  # ten lines of 100 bytes; an oversized line (None) weighs nothing
    sizes = [len(chunk) for chunk in batch._chunks(iter([(1, None), *lines[:25]]))]
    assert sizes == [11, 10, 5]
