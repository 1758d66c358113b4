"""Violations as LSP diagnostics: the rule id as `code`, its first reference as the link."""

from __future__ import annotations

from lsprotocol import types

from postlint.errors import PostlintError
from postlint.lsp.positions import PositionMap
from postlint.violation import Severity, Violation

SOURCE = "postlint"
PROJECT_URL = "https://github.com/postlint/postlint#rules"
SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}


def lsp_range(positions: PositionMap, start: int, end: int) -> types.Range:
    """The LSP range of code-point offsets [start, end)."""
    (line, character), (end_line, end_character) = positions.position(start), positions.position(end)
    return types.Range(
        start=types.Position(line=line, character=character),
        end=types.Position(line=end_line, character=end_character),
    )


def to_diagnostic(violation: Violation, positions: PositionMap, uri: str) -> types.Diagnostic:
    """One violation as a diagnostic; the places its fix changes elsewhere become related information."""
    link = violation.references[0] if violation.references else PROJECT_URL
    related = []
    if violation.fix is not None:
        for edit in violation.fix.edits:
            if edit.start < violation.start or edit.end > violation.end:
                where = types.Location(uri=uri, range=lsp_range(positions, edit.start, edit.end))
                related.append(
                    types.DiagnosticRelatedInformation(
                        location=where, message=f"The fix changes this: {violation.fix.description}"
                    )
                )
    message = violation.message
    if violation.suggestion:
        message += f"\nSuggestion: {violation.suggestion}"
    return types.Diagnostic(
        range=lsp_range(positions, violation.start, violation.end),
        message=message,
        severity=SEVERITIES[violation.severity],
        code=violation.rule,
        code_description=types.CodeDescription(href=link),
        source=SOURCE,
        related_information=related or None,
        data={"rule": violation.rule, "start": violation.start, "end": violation.end},
    )


def error_diagnostic(error: PostlintError, positions: PositionMap | None = None) -> types.Diagnostic:
    """A config or pack error: at its line and column when it is in this file, else at the top."""
    start = types.Position(line=0, character=0)
    if positions is not None and error.line is not None:
        line = error.line - 1
        column = (error.column or 1) - 1
        at = positions.position(positions.offset_of_column(line, column))
        start = types.Position(line=at[0], character=at[1])
    return types.Diagnostic(
        range=types.Range(start=start, end=types.Position(line=start.line, character=start.character + 1)),
        message=str(error) if positions is None else error.message,
        severity=types.DiagnosticSeverity.Error,
        code="postlint/config" if positions is None else "postlint/pack",
        source=SOURCE,
    )
