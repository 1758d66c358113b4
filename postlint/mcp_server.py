"""`postlint mcp`: the linter as Model Context Protocol tools, so an assistant can check what it writes.

Read-only by design: every tool takes the posting as text and returns data; none
writes a file or fetches a URL (link checking stays a choice made on the command
line). Inputs are bounded, and a bad input is an error result the assistant can read,
never a crash of the server. Needs the `mcp` extra (the official MCP Python SDK).
"""

from __future__ import annotations

import datetime as dt
import difflib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from postlint import __version__
from postlint.errors import PostlintError

MAX_TEXT = 1_000_000  # characters: far above any real posting, far below what would stall the server
Format = Literal["markdown", "text", "html"]
INSTRUCTIONS = (
    "postlint checks job postings for legal compliance (pay transparency, equal opportunity, work authorization) "
    "and quality. Call lint_posting on a draft, fix_posting for the mechanical repairs, explain_rule for why a rule "
    "fires, and laws for what a jurisdiction requires. The tools never write files or fetch URLs."
)


@lru_cache(maxsize=16)
def _linter(select: tuple[str, ...] = (), jurisdictions: tuple[str, ...] = ()) -> Any:
    """A linter with the configuration the CLI would find here, built once per selection."""
    from postlint.api import Linter
    from postlint.config import find_config

    try:
        return Linter.from_config(find_config(Path.cwd()), select=select, jurisdictions=jurisdictions)
    except PostlintError as exc:
        raise ToolError(str(exc)) from None


def _bounded(text: str) -> str:
    if not isinstance(text, str):
        raise ToolError("text must be a string")
    if len(text) > MAX_TEXT:
        raise ToolError(f"text is {len(text):,} characters; postlint's tools take at most {MAX_TEXT:,}")
    return text


def _document(text: str, fmt: str) -> Any:
    from postlint.reader import build_document

    linter = _linter()
    return build_document(_bounded(text).encode("utf-8", "surrogatepass"), f"posting.{fmt}", fmt, linter.max_bytes)  # type: ignore[arg-type]


def lint_posting(
    text: str,
    format: Format = "markdown",
    location: str | None = None,
    jurisdictions: list[str] | None = None,
    select: list[str] | None = None,
) -> dict[str, Any]:
    """Lint a job posting. Returns the violations as `postlint check --format json` lists them
    (rule, severity, message, 1-based line and column, fix, suggestion, references) and a summary.

    location: where the job is ("Denver, CO"), if the text does not say; jurisdictions: ids such
    as "US-CO" or "CA-ON" that override detection; select: only these rules or packs.
    """
    linter = _linter(tuple(select or ()))
    facts: dict[str, Any] = {}
    if location:
        facts["location"] = location
    if jurisdictions:
        facts["jurisdictions"] = list(jurisdictions)
    try:
        violations = linter.lint_text(_bounded(text), format=format, facts=facts or None)
    except (TypeError, ValueError) as exc:
        raise ToolError(str(exc)) from None
    rows = [v.to_dict() for v in violations]
    for row in rows:
        del row["path"]
    counts = {level: sum(1 for r in rows if r["severity"] == level) for level in ("error", "warning", "info")}
    fixable = sum(1 for r in rows if r["fix"] and r["fix"]["applicability"] == "safe")
    return {"summary": {"violations": len(rows), **counts, "fixable": fixable}, "violations": rows}


def fix_posting(text: str, format: Format = "markdown", unsafe: bool = False) -> dict[str, Any]:
    """Apply postlint's fixes to a posting, as `postlint fix` does (unsafe: also the fixes that add
    text to fill in). Returns the fixed text, how many fixes were applied, and a unified diff."""
    from postlint.fixes import fix_document

    doc = _document(text, format)
    fixed, applied = fix_document(_linter().engine, doc, unsafe=unsafe)
    diff = "".join(
        difflib.unified_diff(
            doc.text.splitlines(keepends=True), fixed.splitlines(keepends=True), "a/posting", "b/posting"
        )
    )
    return {"text": fixed, "applied": applied, "diff": diff}


def inspect_posting(text: str, format: Format = "markdown") -> dict[str, Any]:
    """What postlint read from a posting: title, sections, locations and the jurisdictions they map
    to, pay ranges, links, and which required statements it found."""
    import json

    from postlint.inspect import describe_document

    facts = describe_document(_document(text, format), _linter().engine)
    result: dict[str, Any] = json.loads(json.dumps(facts, default=str))  # dates and sets as JSON
    return result


def explain_rule(rule_id: str) -> str:
    """A rule's documentation: what it checks, why it matters, the laws it encodes, fix safety,
    references and examples."""
    from postlint.engine import rule_matches
    from postlint.explain import render_explanation
    from postlint.rule_docs import documented

    rules = _linter().engine.rules
    found = next((r for r in rules if r.id == rule_id or (rule_matches(r, rule_id) and rule_id != r.pack)), None)
    if found is None:
        close = difflib.get_close_matches(rule_id, [r.id for r in rules], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; call list_rules for the ids"
        raise ToolError(f"unknown rule {rule_id!r}{hint}")
    rule = documented(found)
    return render_explanation(rule) if rule is not None else found.description


def list_rules(pack: str | None = None) -> list[dict[str, str]]:
    """Every rule (or a pack's): id, severity, kind and a one-line summary."""
    rules = [r for r in _linter().engine.rules if pack is None or r.pack == pack]
    if pack is not None and not rules:
        packs = sorted({r.pack for r in _linter().engine.rules})
        raise ToolError(f"no pack named {pack!r}; the packs are {', '.join(packs)}")
    return [{"id": r.id, "severity": r.severity.name, "kind": r.kind, "summary": r.summary} for r in rules]


def laws(jurisdiction: str | None = None, as_of: str | None = None) -> dict[str, Any]:
    """The laws postlint's rules encode for a jurisdiction ("US-CO", "US-NY-NYC", "CA-ON"; none: all):
    what each requires in a posting, its citation, dates, status and sources. as_of: YYYY-MM-DD."""
    from postlint.law_table import currency_note, law_rows

    day = dt.date.today()
    if as_of:
        try:
            day = dt.date.fromisoformat(as_of)
        except ValueError:
            raise ToolError(f"as_of must be a date as YYYY-MM-DD, not {as_of!r}") from None
    linter = _linter((), (jurisdiction,) if jurisdiction else ())
    rules = linter.engine.rules
    note = currency_note(law for rule in rules for law in rule.laws)
    return {
        "jurisdiction": jurisdiction,
        "as_of": day.isoformat(),
        "laws": law_rows(rules, jurisdiction, day),
        "note": note,
    }


TOOLS = (lint_posting, fix_posting, inspect_posting, explain_rule, list_rules, laws)


def build_server() -> MCPServer:
    """The MCP server with every tool registered, each marked read-only and closed-world."""
    from mcp.types import ToolAnnotations

    server = MCPServer("postlint", instructions=INSTRUCTIONS, version=__version__)
    hints = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)
    for tool in TOOLS:
        server.add_tool(tool, annotations=hints)
    return server


def serve() -> None:
    """Run over standard input and output."""
    build_server().run("stdio")
