"""The language server end to end: a real LSP client (pytest-lsp) talking to `postlint lsp` over stdio."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="the 'lsp' extra is not installed")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from tests.conftest import cli_env, run_cli  # noqa: E402

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "postlint", "lsp"], server_env=cli_env())

MOJIBAKE_LINE = "😀 Team lunch 👩‍💻 weâ€™re hiring"
POSTING = (
    "# Backend Engineer\n\n"
    "Location: Denver, CO\n\n"
    f"{MOJIBAKE_LINE}.\n\n"
    "Salary: $120,000 – $150,000 per year, with medical insurance and paid time off. "
    "Apply by March 1 at jobs@example.com. You must be authorized to work in the US. "
    "We are an equal opportunity employer; ask us for any accommodation.\n"
)


def capabilities(
    *, encodings: list[str] | None = None, pull: bool = False, snippets: bool = False
) -> types.ClientCapabilities:
    """A client that takes versioned edits and showDocument, pushing or pulling diagnostics."""
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings),
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities() if pull else None,
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
            code_action=types.CodeActionClientCapabilities(),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True, snippet_edit_support=snippets),
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=False),
        ),
        window=types.WindowClientCapabilities(show_document=types.ShowDocumentClientCapabilities(support=True)),
    )


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    marker = request.node.get_closest_marker("client")
    options = marker.kwargs if marker else {}
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities(**options)))
    yield
    await lsp_client.shutdown_session()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions) the way an editor does, independently of the server's code."""
    lines = text.splitlines(keepends=True) or [""]

    def offset(position: types.Position) -> int:
        before = sum(len(line) for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = 0
        for index, ch in enumerate(line.rstrip("\r\n")):
            if units >= position.character:
                return before + index
            units += utf16(ch)
        return before + len(line.rstrip("\r\n"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def text_edits(action: types.CodeAction) -> list[Any]:
    assert action.edit is not None and action.edit.document_changes
    change = action.edit.document_changes[0]
    assert isinstance(change, types.TextDocumentEdit)
    return list(change.edits)  # type: ignore[arg-type]


async def open_posting(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


async def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    whole = types.TextDocumentContentChangeWholeDocument(text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[whole]
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


def rules(client: LanguageClient, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics[uri]]


async def actions(client: LanguageClient, uri: str, line: int, only: list[str] | None = None) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=line, character=0), end=types.Position(line=line, character=200)
            ),
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_diagnostics_on_open_and_after_an_edit(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "job.md", POSTING)
    found = {str(d.code): d for d in client.diagnostics[uri]}
    mojibake = found["encoding/mojibake"]
    assert mojibake.severity == types.DiagnosticSeverity.Error
    assert mojibake.source == "postlint"
    assert mojibake.code_description is not None and mojibake.code_description.href.startswith("https://")

    await change(client, uri, 2, POSTING.replace("weâ€™re", "we’re"))
    assert "encoding/mojibake" not in rules(client, uri)


@pytest.mark.asyncio
@pytest.mark.client(encodings=["utf-16"])
async def test_positions_are_utf16_code_units_on_emoji_and_mojibake_lines(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = await open_posting(client, tmp_path / "job.md", POSTING)
    mojibake = next(d for d in client.diagnostics[uri] if d.code == "encoding/mojibake")
    before = MOJIBAKE_LINE[: MOJIBAKE_LINE.index("â€™")]
    assert mojibake.range.start == types.Position(line=4, character=utf16(before))
    assert mojibake.range.end == types.Position(line=4, character=utf16(before) + 3)
    assert utf16(before) != len(before)  # the emoji make code points and UTF-16 units differ here


@pytest.mark.asyncio
@pytest.mark.client(encodings=["utf-8", "utf-16"])
async def test_utf8_positions_when_the_client_prefers_them(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "job.md", POSTING)
    mojibake = next(d for d in client.diagnostics[uri] if d.code == "encoding/mojibake")
    before = MOJIBAKE_LINE[: MOJIBAKE_LINE.index("â€™")]
    assert mojibake.range.start == types.Position(line=4, character=len(before.encode("utf-8")))


@pytest.mark.asyncio
async def test_quick_fix_gives_the_same_text_as_postlint_fix(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "job.md"
    path.write_text(POSTING, encoding="utf-8")
    uri = await open_posting(client, path, POSTING)
    fixes = [a for a in await actions(client, uri, 4) if a.data and a.data.get("rule") == "encoding/mojibake"]
    quick = next(a for a in fixes if a.data.get("applicability") == "safe")
    assert quick.kind == types.CodeActionKind.QuickFix and quick.is_preferred
    fixed = apply(POSTING, text_edits(quick))

    code, _, _ = run_cli("fix", path, cwd=tmp_path)
    assert code == 0
    assert fixed == path.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_fix_all_applies_every_safe_fix(client: LanguageClient, tmp_path: Path) -> None:
    text = POSTING.replace("hiring", "hiring â€“ rÃ©sumÃ©s welcome")
    uri = await open_posting(client, tmp_path / "job.md", text)
    found = await actions(client, uri, 0, only=["source.fixAll.postlint"])
    assert [a.kind for a in found] == ["source.fixAll.postlint"]
    fixed = apply(text, text_edits(found[0]))
    assert "â€" not in fixed and "Ã©" not in fixed
    assert "we’re hiring – résumés welcome" in fixed


@pytest.mark.asyncio
async def test_disable_for_line_inserts_the_formats_comment(client: LanguageClient, tmp_path: Path) -> None:
    for name, language, comment in (
        ("job.md", "markdown", "<!-- postlint-disable-next-line encoding/mojibake -->"),
        ("job.txt", "plaintext", "# postlint-disable-next-line encoding/mojibake"),
    ):
        uri = await open_posting(client, tmp_path / name, POSTING, language)
        disable = next(a for a in await actions(client, uri, 4) if a.title == "Disable encoding/mojibake for this line")
        suppressed = apply(POSTING, text_edits(disable))
        assert suppressed.splitlines()[4] == comment
        await change(client, uri, 2, suppressed)
        assert "encoding/mojibake" not in rules(client, uri)


INSERTION_CASE = "# Backend Engineer\n\nLocation: Denver, CO\n\nWe build things. Apply at jobs@example.com.\n"


@pytest.mark.asyncio
@pytest.mark.client(snippets=True)
async def test_insertion_fix_is_unsafe_and_selects_its_placeholder(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "job.md", INSERTION_CASE)
    pay = next(d for d in client.diagnostics[uri] if d.code == "pay/salary-range")
    found = await actions(client, uri, pay.range.start.line)
    action = next(a for a in found if a.data == {"rule": "pay/salary-range", "applicability": "unsafe"})
    assert "unsafe" in action.title and not action.is_preferred
    [edit] = text_edits(action)
    assert isinstance(edit, types.SnippetTextEdit)
    assert edit.snippet.value == "\n\nPay range: \\$${1:[minimum]} – \\$[maximum] per year"


def test_without_snippet_support_a_command_selects_the_placeholder(tmp_path: Path) -> None:
    """Clients that take no snippet edits get the plain edit and a command that selects the blank."""
    from postlint.lsp.actions import Request, code_actions
    from postlint.lsp.postings import lint_buffer
    from postlint.lsp.settings import ConfigLinters

    uri = (tmp_path / "job.md").as_uri()
    result = lint_buffer(ConfigLinters(), uri, INSERTION_CASE, "markdown", 1)
    at = INSERTION_CASE.index("CO") + 2
    found = code_actions(result, Request(uri, 1, at, at), "utf-16")
    action = next(a for a in found if a.data == {"rule": "pay/salary-range", "applicability": "unsafe"})
    fixed = apply(INSERTION_CASE, text_edits(action))
    assert action.command is not None and action.command.command == "postlint.selectRange"
    selection = action.command.arguments[1]
    line = fixed.splitlines()[selection.start.line]
    assert line[selection.start.character : selection.end.character] == "[minimum]"


@pytest.mark.asyncio
async def test_hover_shows_the_rule_and_the_laws_that_apply(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "job.md", INSERTION_CASE)
    pay = next(d for d in client.diagnostics[uri] if d.code == "pay/salary-range")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=pay.range.start)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    markdown = hover.contents.value
    assert "pay/salary-range" in markdown
    assert "Laws that apply here" in markdown and "US-CO" in markdown
    assert "Why it matters" in markdown


BROKEN_PACK = """\
pack: acme
version: "1"
description: Acme's own rules.
rules:
  - id: no-rockstar
    kind: forbid
    severity: warning
    message: "Say what the job needs"
    description: Hype words put people off.
    patterns: ['rock(star']
"""

FAILING_EXAMPLE_PACK = """\
pack: acme
version: "1"
description: Acme's own rules.
rules:
  - id: no-rockstar
    kind: forbid
    severity: warning
    message: "Say what the job needs"
    description: Hype words put people off.
    patterns: ['\\brockstar\\b']
    examples:
      fail: ["We want a ninja."]
      pass: ["We want an engineer."]
"""


@pytest.mark.asyncio
async def test_pack_errors_and_failing_examples_are_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "acme.yaml", BROKEN_PACK, "yaml")
    [problem] = client.diagnostics[uri]
    assert problem.code == "postlint/pack" and problem.range.start.line == 9
    assert "regex" in problem.message

    uri = await open_posting(client, tmp_path / "acme2.yaml", FAILING_EXAMPLE_PACK, "yaml")
    [example] = client.diagnostics[uri]
    assert example.code == "postlint/pack-example"
    assert example.range.start.line == 11  # the failing `fail` example itself


@pytest.mark.asyncio
async def test_config_change_is_picked_up(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_posting(client, tmp_path / "job.md", POSTING)
    assert "encoding/mojibake" in rules(client, uri)
    config = tmp_path / ".postlint.yaml"
    config.write_text("ignore: [encoding/mojibake]\n", encoding="utf-8")
    event = types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[event]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert "encoding/mojibake" not in rules(client, uri)


@pytest.mark.asyncio
@pytest.mark.client(pull=True)
async def test_pulled_diagnostics(client: LanguageClient, tmp_path: Path) -> None:
    uri = (tmp_path / "job.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=POSTING)
        )
    )
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert "encoding/mojibake" in [d.code for d in report.items]
    assert uri not in client.diagnostics  # a pulling client is not also pushed to
