"""SARIF output: valid against the official 2.1.0 schema, one result per violation, exact regions, fixes, fingerprints.

Each test runs the real CLI on postings written to `tmp_path` (and on the examples) and
compares the SARIF log with the JSON report of the same files.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLES, run_cli, run_cli_many

from postlint.document import LineIndex

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# 'Café' and 'We’re' read as Windows-1252, in a CRLF file with a BOM, an emoji and accents before the flaws.
MOJIBAKE_CRLF = (
    "\ufeff# Zoë 😀 Caf\u00c3\u00a9 Lead\r\n\r\nLocation: Denver, CO\r\n\r\n"
    "Zoë 😀 says we\u00e2\u20ac\u2122re hiring at [Company Name].\r\n"
).encode()
# Two identical flaws on one line, a flaw on a line of its own, and nothing else in common with the above.
REPEATS = "# Driver\n\nJoin [Company Name] and [Company Name] today.\n\nLorem ipsum.\n\nWe pay well.\n"


@pytest.fixture(scope="module")
def validators() -> list[Any]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    # The schema says it is draft-04; it is also valid, and means the same, under draft-07.
    return [jsonschema.Draft4Validator(schema), jsonschema.Draft7Validator(schema)]


def run_both(*args: Any, cwd: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The SARIF log and the JSON report of the same `check` run."""
    (code_sarif, sarif, err_sarif), (code_json, report, err_json) = run_cli_many(
        [(("check", *args, "--format", "sarif"), {"cwd": cwd}), (("check", *args, "--format", "json"), {"cwd": cwd})]
    )
    assert code_sarif == code_json, (err_sarif, err_json)
    assert code_sarif in (0, 1), err_sarif
    return json.loads(sarif), json.loads(report)


def result_path(result: dict[str, Any], run: dict[str, Any], cwd: Path) -> Path:
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    if "uriBaseId" in location:
        base = run["originalUriBaseIds"][location["uriBaseId"]]["uri"]
        assert base == cwd.resolve().as_uri() + "/"
        assert not location["uri"].startswith(("/", "file:"))
        return cwd / location["uri"]
    assert location["uri"].startswith("file:///")
    return Path(location["uri"].removeprefix("file://"))


def source_of(path: Path) -> str:
    return path.read_bytes().removeprefix(b"\xef\xbb\xbf").decode("utf-8")


def test_sarif_is_valid_and_has_one_result_per_violation(tmp_path: Path, validators: list[Any]) -> None:
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "mojibake-crlf.md").write_bytes(MOJIBAKE_CRLF)
    (posts / "repeats.md").write_text(REPEATS, encoding="utf-8")
    log, report = run_both("posts", EXAMPLES, cwd=tmp_path)  # relative paths, and absolute ones

    for validator in validators:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
        assert errors == []
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    driver = run["tool"]["driver"]
    assert driver["name"] == "postlint" and driver["version"] == report["version"]
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert {"pay/salary-range", "eeo/statement", "visa/policy", "encoding/mojibake"} <= set(rule_ids)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["markdown"] and rule["defaultConfiguration"]["level"] in LEVELS.values()
        assert rule["helpUri"].startswith("http")
    assert len(run["artifacts"]) == report["summary"]["files"]

    results, violations = run["results"], report["violations"]
    assert len(results) == len(violations) == report["summary"]["violations"]
    for result, v in zip(results, violations, strict=True):
        path = result_path(result, run, tmp_path)
        assert path.resolve() == (tmp_path / v["path"]).resolve()
        assert result["ruleId"] == v["rule"] and driver["rules"][result["ruleIndex"]]["id"] == v["rule"]
        assert result["level"] == LEVELS[v["severity"]] and result["message"]["text"] == v["message"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            v["line"],
            v["column"],
            v["end_line"],
            v["end_column"],
        )
        # Columns count code points: the snippet is exactly what the region covers in the file.
        source = source_of(path)
        index = LineIndex(source)
        covered = source[index.offset(v["line"], v["column"]) : index.offset(v["end_line"], v["end_column"])]
        assert region.get("snippet", {"text": ""})["text"] == covered
        assert ("fixes" in result) == (v["fix"] is not None)

    crlf = [r for r, v in zip(results, violations, strict=True) if v["path"].endswith("mojibake-crlf.md")]
    mojibake = [r["locations"][0]["physicalLocation"]["region"] for r in crlf if r["ruleId"] == "encoding/mojibake"]
    # Line 1 has a BOM before it and an emoji before the flaw; line 5 has an emoji and 'ë' before it.
    assert [(r["startLine"], r["startColumn"], r["snippet"]["text"]) for r in mojibake] == [
        (1, 12, "Ã©"),
        (5, 14, "â€™"),
    ]


def test_sarif_fixes_make_the_same_file_as_postlint_fix(tmp_path: Path) -> None:
    (tmp_path / "job.md").write_bytes(MOJIBAKE_CRLF)
    code, out, err = run_cli("check", "job.md", "--format", "sarif", cwd=tmp_path)
    assert code == 1, err
    run = json.loads(out)["runs"][0]
    source = source_of(tmp_path / "job.md")
    index = LineIndex(source)
    edits = []
    for result in run["results"]:
        for fix in result.get("fixes", []):
            if fix["properties"]["applicability"] != "safe":
                continue
            assert fix["description"]["text"]
            (change,) = fix["artifactChanges"]
            assert change["artifactLocation"]["uri"] == "job.md"
            for replacement in change["replacements"]:
                region = replacement["deletedRegion"]
                start = index.offset(region["startLine"], region["startColumn"])
                end = index.offset(region["endLine"], region["endColumn"])
                edits.append((start, end, replacement["insertedContent"]["text"]))
    assert [source[a:b] for a, b, _ in sorted(edits)] == ["Ã©", "â€™"]
    fixed = source
    for start, end, text in sorted(edits, reverse=True):
        fixed = fixed[:start] + text + fixed[end:]

    code, _, err = run_cli("fix", "job.md", cwd=tmp_path)
    assert code in (0, 1), err
    assert fixed == source_of(tmp_path / "job.md")
    assert "Café" in fixed and "we’re" in fixed and "\r\n" in fixed


def fingerprints(log: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(rule, fingerprint) -> start line, for every result."""
    found = {}
    for result in log["runs"][0]["results"]:
        key = (result["ruleId"], result["partialFingerprints"]["postlintFingerprint/v1"])
        assert key not in found, key  # a fingerprint names one finding
        found[key] = result["locations"][0]["physicalLocation"]["region"]["startLine"]
    return found


def test_fingerprints_follow_findings_when_lines_move(tmp_path: Path) -> None:
    """Code scanning matches findings across commits by fingerprint: inserting lines must not change them."""
    before, after, edited = tmp_path / "before", tmp_path / "after", tmp_path / "edited"
    for folder in (before, after, edited):
        folder.mkdir()
    (before / "job.md").write_text(REPEATS, encoding="utf-8")
    moved = REPEATS.replace("# Driver\n", "# Driver\n\nA new first paragraph.\n\nAnd another.\n")
    (after / "job.md").write_text(moved + "\nA closing line added later.\n", encoding="utf-8")
    (edited / "job.md").write_text(REPEATS.replace("Lorem ipsum.", "Lorem ipsum, reworded."), encoding="utf-8")
    (b, _, _), (a, _, _), (e, _, _) = [
        (json.loads(out), code, err)
        for code, out, err in run_cli_many(
            [(("check", "job.md", "--format", "sarif"), {"cwd": folder}) for folder in (before, after, edited)]
        )
    ]
    old, new, changed = fingerprints(b), fingerprints(a), fingerprints(e)
    assert len(old) >= 4
    assert set(new) == set(old)
    assert any(new[key] != line for key, line in old.items())  # the same findings, on other lines
    placeholders = sorted(fp for rule, fp in old if rule == "quality/placeholder")
    assert [fp.rsplit(":", 1)[1] for fp in placeholders].count("2") == 1  # the repeat on one line: occurrence 2
    # Editing the flawed line makes its finding a new one; the others keep theirs.
    assert len(set(changed) - set(old)) == 1 and len(set(old) - set(changed)) == 1
