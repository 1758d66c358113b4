"""Fuzzing the whole pipeline: bytes in, every report format out, with generated packs too.

Whatever a pull request contains (any bytes, any pack a contributor writes), postlint
either reports it or refuses it with a PostlintError; no other exception escapes,
every span lies in the text, and every machine-readable report parses.
"""

from __future__ import annotations

import io
import json
import os
import xml.etree.ElementTree as ET
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import html_postings, markdown_postings, text_postings

from postlint.engine import RuleEngine
from postlint.errors import PostlintError
from postlint.output import FORMATS, ReportOptions, make_reporter
from postlint.packs.loader import parse_pack
from postlint.reader import build_document, decode
from postlint.runner import FileResult, load_linter

EXAMPLES = int(os.environ.get("POSTLINT_FUZZ_EXAMPLES", "60"))  # raise it for a long fuzzing run
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
MAX = 10 * 1024 * 1024


@lru_cache(maxsize=1)
def builtin() -> RuleEngine:
    return load_linter()


def _result(linter: RuleEngine, data: bytes, path: str) -> FileResult:
    fmt = "html" if path.endswith(".html") else "text" if path.endswith(".txt") else "markdown"
    doc = build_document(data, path, fmt, MAX)
    violations = linter.lint_document(doc)
    text = doc.text
    for v in violations:
        assert 0 <= v.start <= v.end <= len(text), v
        assert v.line >= 1 and v.column >= 1 and (v.end_line, v.end_column) >= (v.line, v.column), v
        for edit in v.fix.edits if v.fix else ():
            assert 0 <= edit.start <= edit.end <= len(text), v
    return FileResult(path, violations, decode(data) if doc.linted else None)


def _reports(linter: RuleEngine, results: list[FileResult]) -> dict[str, str]:
    out = {}
    for fmt in FORMATS:
        stream = io.StringIO()
        reporter = make_reporter(
            fmt, ReportOptions(stream=stream, errors=io.StringIO(), version="0", rules=linter.rules)
        )
        for result in results:
            reporter.file(result)
        reporter.finish(len(results))
        out[fmt] = stream.getvalue()
    return out


def _check_reports(reports: dict[str, str], violations: int) -> None:
    assert len(json.loads(reports["json"])["violations"]) == violations
    if "sarif" in reports:
        sarif = json.loads(reports["sarif"])
        assert len(sarif["runs"][0]["results"]) == violations
    if "junit" in reports:
        ET.fromstring(reports["junit"].encode("utf-8"))
    if "github" in reports:
        assert len([line for line in reports["github"].splitlines() if line.startswith("::")]) == violations


@SETTINGS
@given(st.one_of(markdown_postings(), text_postings(), html_postings()), st.sampled_from(["p.md", "p.txt", "p.html"]))
def test_generated_postings_give_reports_that_parse(text: str, path: str) -> None:
    linter = builtin()
    result = _result(linter, text.encode("utf-8"), path)
    _check_reports(_reports(linter, [result]), len(result.violations))


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["p.md", "p.txt", "p.html"]))
def test_arbitrary_bytes_give_reports_that_parse(data: bytes, path: str) -> None:
    linter = builtin()
    result = _result(linter, data, path)
    _check_reports(_reports(linter, [result]), len(result.violations))


# --- generated packs ---------------------------------------------------------------------------

REGEX_PIECES = st.sampled_from(
    ["a", "b", "\\w", "\\d", "\\s", ".", "[a-z]", "(", ")", "|", "+", "*", "?", "{2,5}", "^", "$", "\\b", "é", "中"]
)
TERMS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
KINDS = st.sampled_from(["forbid", "require"])
SEVERITIES = st.sampled_from(["error", "warning", "info"])


@st.composite
def packs(draw: st.DrawFn) -> str:
    rules = []
    for index in range(draw(st.integers(1, 3))):
        kind = draw(KINDS)
        body: dict[str, object] = {
            "id": f"fuzz/rule-{index}",
            "kind": kind,
            "severity": draw(SEVERITIES),
            "message": draw(st.sampled_from(["found {match}", "missing", "{nope}", "plain"])),
            "description": "generated",
            "references": ["https://example.com"],
        }
        if draw(st.booleans()):
            body["terms"] = draw(st.lists(TERMS, min_size=1, max_size=3))
        else:
            body["patterns"] = ["".join(draw(st.lists(REGEX_PIECES, min_size=1, max_size=8)))]
        rules.append(body)
    return json.dumps({"pack": "fuzz", "version": "1", "description": "generated", "rules": rules}, ensure_ascii=False)


@SETTINGS
@given(packs(), markdown_postings())
def test_generated_packs_load_or_are_refused_cleanly(pack_source: str, text: str) -> None:
    try:
        pack = parse_pack(pack_source, "fuzz.yaml")  # JSON is YAML
    except PostlintError as exc:
        assert exc.message
        return
    linter = RuleEngine(rules=tuple(pack.rules))
    result = _result(linter, text.encode("utf-8"), "p.md")
    _check_reports(_reports(linter, [result]), len(result.violations))
