"""GitHub Actions workflow commands: one annotation per violation."""

from __future__ import annotations

from postlint.violation import Severity, Violation

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(v: Violation) -> str:
    props = (
        f"file={_escape_property(v.path)},line={v.line},col={v.column},"
        f"endLine={v.end_line},endColumn={v.end_column},title={_escape_property(v.rule)}"
    )
    return f"::{_LEVEL[v.severity]} {props}::{_escape_data(v.message)}"
