"""SARIF 2.1.0, the format code-scanning services read: one run, its rules, results, fixes and fingerprints.

Regions use our own line and column numbers, so the run declares `columnKind:
unicodeCodePoints` (columns count code points, as everywhere in postlint, not UTF-16
units). Relative paths are given against `%SRCROOT%`, the folder postlint ran in, so a
service can resolve them against its checkout.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.display import safe_path, uri_path
from postlint.document import LineIndex
from postlint.violation import Severity, Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.packs.model import Rule
    from postlint.runner import FileResult

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/postlint/postlint"
FINGERPRINT_KEY = "postlintFingerprint/v1"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SNIPPET_MAX = 2000  # code points; longer regions are located but not quoted


def artifact_location(path: str) -> dict[str, Any]:
    """A file's SARIF location: a file URI when absolute, else a relative POSIX URI under %SRCROOT%."""
    as_path = Path(path)
    if as_path.is_absolute():
        return {"uri": "file://" + uri_path(as_path.as_posix())}
    return {"uri": uri_path(as_path.as_posix()), "uriBaseId": SRCROOT}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """A rule as a SARIF reportingDescriptor: summary, rationale and references, pack as a tag."""
    description = " ".join(rule.description.split())
    references = list(rule.references)
    markdown = description
    if references:
        markdown += "\n\nReferences:\n\n" + "\n".join(f"- <{url}>" for url in references)
    markdown += f"\n\nRun `postlint explain {rule.id}` for the examples and the laws it encodes."
    text = description + "".join(f"\n{url}" for url in references)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": description},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.pack], "pack": rule.pack, "kind": rule.kind},
    }
    if references:
        descriptor["helpUri"] = references[0]
    if rule.aliases:
        descriptor["deprecatedIds"] = list(rule.aliases)
    return descriptor


def _region(index: LineIndex, start: int, end: int) -> dict[str, Any]:
    line, column = index.position(start)
    end_line, end_column = index.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _line_text(index: LineIndex, text: str, line: int) -> str:
    if not 1 <= line <= index.line_count:
        return ""
    start, end = index.line_span(line)
    return text[start:end].rstrip("\r")


def fingerprint_basis(v: Violation, path: str, index: LineIndex, text: str) -> str:
    """What identifies a finding across commits: rule, path (POSIX), and the normalised text of its line.

    A zero-width finding (something missing from the whole posting) is keyed on the
    rule and path alone: its insertion point moves whenever the posting's end changes.
    """
    line_text = "" if v.start == v.end else " ".join(_line_text(index, text, v.line).split())
    return "\0".join((v.rule, path, line_text))


def fingerprint(basis: str, occurrence: int) -> str:
    """The basis hashed, and which of the findings with that basis this is (1 for the first in the file)."""
    return f"{hashlib.sha256(basis.encode('utf-8')).hexdigest()[:32]}:{occurrence}"


def _fix(v: Violation, location: dict[str, Any], index: LineIndex, text: str) -> dict[str, Any]:
    assert v.fix is not None
    newline = "\r\n" if "\r\n" in text else "\n"  # as `postlint fix` writes an inserted line
    replacements = [
        {
            "deletedRegion": _region(index, edit.start, edit.end),
            "insertedContent": {"text": edit.replacement.replace("\r\n", "\n").replace("\n", newline)},
        }
        for edit in v.fix.edits
    ]
    return {
        "description": {"text": v.fix.description},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": v.fix.applicability},
    }


def result_dict(
    v: Violation, rule_index: int, location: dict[str, Any], index: LineIndex, text: str, fingerprint: str
) -> dict[str, Any]:
    """One violation as a SARIF result; `location` is its file's artifactLocation."""
    region: dict[str, Any] = {
        "startLine": v.line,
        "startColumn": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
    }
    snippet = text[v.start : v.end]
    if snippet and len(snippet) <= SNIPPET_MAX:
        region["snippet"] = {"text": snippet}
    physical: dict[str, Any] = {"artifactLocation": location, "region": region}
    context = "\n".join(_line_text(index, text, n) for n in range(v.line, v.end_line + 1))
    if context and len(context) <= SNIPPET_MAX:
        physical["contextRegion"] = {"startLine": v.line, "endLine": v.end_line, "snippet": {"text": context}}
    result: dict[str, Any] = {
        "ruleId": v.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[v.severity],
        "message": {"text": v.message},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if v.fix is not None:
        result["fixes"] = [_fix(v, location, index, text)]
    if v.suggestion:
        result["properties"] = {"suggestion": v.suggestion}
    return result


class SarifReporter:
    """One SARIF log written at the end; rules are every rule that ran, so a service sees the whole rule set."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.rules: list[dict[str, Any]] = []
        self.rule_index: dict[str, int] = {}
        for rule in options.rules:
            if rule.id not in self.rule_index:
                self.rule_index[rule.id] = len(self.rules)
                self.rules.append(rule_descriptor(rule))
        self.artifacts: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.violations: list[Violation] = []

    def _rule_index(self, rule_id: str) -> int:
        if rule_id not in self.rule_index:  # reported by the engine itself, not by a loaded rule
            self.rule_index[rule_id] = len(self.rules)
            self.rules.append({"id": rule_id})
        return self.rule_index[rule_id]

    def file(self, result: FileResult) -> None:
        location = artifact_location(result.path)
        self.artifacts.append({"location": location, "roles": ["analysisTarget"]})
        location = {**location, "index": len(self.artifacts) - 1}
        path = safe_path(Path(result.path).as_posix())
        text = result.decoded.text if result.decoded else ""
        index = LineIndex(text)
        seen: Counter[str] = Counter()
        for v in result.violations:
            basis = fingerprint_basis(v, path, index, text)
            seen[basis] += 1
            found = result_dict(v, self._rule_index(v.rule), location, index, text, fingerprint(basis, seen[basis]))
            self.results.append(found)
        self.violations.extend(result.violations)

    def finish(self, files: int) -> None:
        # Compact: a log is read by programs, and indenting makes the encoder several times slower.
        self.options.stream.write(json.dumps(self.log(), ensure_ascii=False, separators=(",", ":")) + "\n")
        if self.options.statistics and self.violations:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(self.violations) + "\n")

    def log(self) -> dict[str, Any]:
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "postlint",
                    "version": self.options.version,
                    "semanticVersion": self.options.version,
                    "informationUri": INFORMATION_URI,
                    "rules": self.rules,
                }
            },
            "invocations": [{"executionSuccessful": True, "workingDirectory": {"uri": _folder_uri(Path.cwd())}}],
            "columnKind": "unicodeCodePoints",
            "artifacts": self.artifacts,
            "results": self.results,
        }
        if any(a["location"].get("uriBaseId") == SRCROOT for a in self.artifacts):
            run["originalUriBaseIds"] = {SRCROOT: {"uri": _folder_uri(Path.cwd())}}
        return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _folder_uri(folder: Path) -> str:
    uri = folder.resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"
