"""The MCP server end to end: the official SDK's own client talking to `postlint mcp` over stdio."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("mcp", reason="the 'mcp' extra is not installed")

import anyio
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from tests.conftest import cli_env, run_cli

POSTING = (
    "# Backend Engineer\n\nLocation: Denver, CO\n\nWe build things. weâ€™re hiring.\n\nApply at jobs@example.com.\n"
)
CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "lint": ("lint_posting", {"text": POSTING, "format": "markdown"}),
    "lint_ny": ("lint_posting", {"text": POSTING.replace("Location: Denver, CO\n\n", ""), "location": "Albany, NY"}),
    "lint_select": ("lint_posting", {"text": POSTING, "select": ["encoding"]}),
    "fix": ("fix_posting", {"text": POSTING, "format": "markdown"}),
    "fix_unsafe": ("fix_posting", {"text": POSTING, "unsafe": True}),
    "inspect": ("inspect_posting", {"text": POSTING}),
    "explain": ("explain_rule", {"rule_id": "pay/salary-range"}),
    "rules": ("list_rules", {}),
    "rules_pack": ("list_rules", {"pack": "encoding"}),
    "laws": ("laws", {"jurisdiction": "US-CO", "as_of": "2026-01-01"}),
    # Malformed input: each must come back as an error result, and the server must keep answering.
    "bad_format": ("lint_posting", {"text": POSTING, "format": "docx"}),
    "missing_text": ("lint_posting", {}),
    "not_text": ("lint_posting", {"text": 42}),
    "too_long": ("lint_posting", {"text": "x" * 1_000_001}),
    "bad_rule": ("explain_rule", {"rule_id": "pay/salary-rnage"}),
    "bad_jurisdiction": ("lint_posting", {"text": POSTING, "jurisdictions": ["XX-ZZ"]}),
    "bad_date": ("laws", {"jurisdiction": "US-CO", "as_of": "tomorrow"}),
    "after_errors": ("list_rules", {"pack": "encoding"}),
}


async def _session(cwd: Path) -> tuple[list[Any], dict[str, Any]]:
    server = StdioServerParameters(command=sys.executable, args=["-m", "postlint", "mcp"], env=cli_env(), cwd=cwd)
    async with stdio_client(server) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = (await session.list_tools()).tools
        results = {key: await session.call_tool(name, args) for key, (name, args) in CALLS.items()}
    return tools, results


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Any]]:
    return anyio.run(_session, tmp_path_factory.mktemp("mcp"))


def structured(result: Any) -> Any:
    assert not result.is_error, result.content
    data = result.structured_content
    return data.get("result", data) if isinstance(data, dict) and set(data) == {"result"} else data


def test_tools_are_listed_with_typed_documented_inputs_and_read_only(session: tuple[list[Any], dict[str, Any]]) -> None:
    tools = {tool.name: tool for tool in session[0]}
    assert set(tools) == {"lint_posting", "fix_posting", "inspect_posting", "explain_rule", "list_rules", "laws"}
    lint = tools["lint_posting"]
    assert lint.description and "violations" in lint.description
    assert set(lint.input_schema["properties"]) == {"text", "format", "location", "jurisdictions", "select"}
    assert lint.input_schema["required"] == ["text"]
    assert all(tool.annotations.read_only_hint and not tool.annotations.open_world_hint for tool in tools.values())


def test_lint_posting_returns_the_json_reports_violations(session: tuple[list[Any], dict[str, Any]]) -> None:
    found = structured(session[1]["lint"])
    rules = [v["rule"] for v in found["violations"]]
    assert "encoding/mojibake" in rules and "pay/salary-range" in rules
    mojibake = next(v for v in found["violations"] if v["rule"] == "encoding/mojibake")
    assert (mojibake["line"], mojibake["column"]) == (5, 20)
    assert found["summary"]["violations"] == len(rules)
    assert "Colorado" in next(v for v in found["violations"] if v["rule"] == "pay/salary-range")["message"]
    assert (
        "New York"
        in next(v for v in structured(session[1]["lint_ny"])["violations"] if v["rule"] == "pay/salary-range")[
            "message"
        ]
    )
    assert {v["rule"] for v in structured(session[1]["lint_select"])["violations"]} == {"encoding/mojibake"}


def test_fix_posting_matches_postlint_fix(session: tuple[list[Any], dict[str, Any]], tmp_path: Path) -> None:
    fixed = structured(session[1]["fix"])
    path = tmp_path / "job.md"
    path.write_text(POSTING, encoding="utf-8")
    assert run_cli("fix", path, cwd=tmp_path)[0] == 0
    assert fixed["text"] == path.read_text(encoding="utf-8")
    assert fixed["applied"] == 1
    assert "-We build things. weâ€™re hiring." in fixed["diff"] and "+We build things. we’re hiring." in fixed["diff"]
    assert "$[minimum]" in structured(session[1]["fix_unsafe"])["text"]


def test_inspect_explain_rules_and_laws(session: tuple[list[Any], dict[str, Any]]) -> None:
    facts = structured(session[1]["inspect"])
    assert facts["title"]["text"] == "Backend Engineer"
    assert "US-CO" in json.dumps(facts)
    explanation = structured(session[1]["explain"])
    assert "pay/salary-range" in explanation and "Why it matters" in explanation
    rules = structured(session[1]["rules"])
    assert {"id", "severity", "kind", "summary"} <= set(rules[0])
    assert {r["id"].split("/")[0] for r in structured(session[1]["rules_pack"])} == {"encoding"}
    laws = structured(session[1]["laws"])
    assert laws["as_of"] == "2026-01-01" and any(row["jurisdiction"] == "US-CO" for row in laws["laws"])


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("bad_format", "format"),
        ("missing_text", "text"),
        ("not_text", "text"),
        ("too_long", "at most 1,000,000"),
        ("bad_rule", "did you mean pay/salary-range"),
        ("bad_jurisdiction", "XX-ZZ"),
        ("bad_date", "YYYY-MM-DD"),
    ],
)
def test_malformed_input_is_an_error_result_not_a_crash(
    session: tuple[list[Any], dict[str, Any]], key: str, words: str
) -> None:
    result = session[1][key]
    assert result.is_error
    assert words in result.content[0].text
    assert structured(session[1]["after_errors"])  # the server still answers
