"""The language server: documents in, diagnostics, code actions and hover out.

Diagnostics are pushed (`textDocument/publishDiagnostics`) to clients that cannot pull
them, and pulled (`textDocument/diagnostic`) by those that can; a client that does both
would show every problem twice. Typing is debounced: each change cancels the lint still
waiting for the previous one, and a result for a version the buffer has left is dropped.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from postlint import __version__
from postlint.lsp.actions import FIX_ALL_KIND, SELECT_COMMAND, Request, code_actions
from postlint.lsp.diagnostics import error_diagnostic, to_diagnostic
from postlint.lsp.hover import hover_markdown
from postlint.lsp.pack_files import is_pack, pack_diagnostics
from postlint.lsp.positions import PositionMap
from postlint.lsp.postings import LintResult, lint_buffer, posting_format, uri_to_path
from postlint.lsp.settings import CONFIG_FILES, ClientSettings, ConfigLinters

DEBOUNCE_SECONDS = 0.15
log = logging.getLogger(__name__)


class PostlintServer(LanguageServer):
    """The server's state: one linter per config file, and the last result per open document."""

    def __init__(self) -> None:
        super().__init__("postlint", __version__)
        self.pool = ConfigLinters()
        self.results: dict[str, LintResult] = {}
        self.pack_results: dict[str, tuple[int | None, list[types.Diagnostic]]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.debounce = DEBOUNCE_SECONDS

    @property
    def encoding(self) -> str:
        return str(getattr(self.workspace.position_encoding, "value", self.workspace.position_encoding) or "utf-16")

    @property
    def pulls(self) -> bool:
        """True if the client asks for diagnostics itself (so the server does not push them)."""
        text_document = self.client_capabilities.text_document
        return text_document is not None and text_document.diagnostic is not None

    def diagnostics(self, uri: str) -> list[types.Diagnostic] | None:
        """Lint the document as it is now (reusing the result for this version); None if it is not ours."""
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        if is_pack(uri, text):
            cached = self.pack_results.get(uri)
            if cached is None or cached[0] != version:
                cached = (version, pack_diagnostics(text, uri_to_path(uri), self.encoding))
                self.pack_results[uri] = cached
            return cached[1]
        fmt = posting_format(uri, document.language_id)
        if fmt is None:
            return None
        result = self.results.get(uri)
        if result is None or result.version != version or result.text != text:
            result = lint_buffer(self.pool, uri, text, fmt, version)
            self.results[uri] = result
        if result.error is not None:
            return [error_diagnostic(result.error)]
        positions = PositionMap(text, self.encoding)
        return [to_diagnostic(v, positions, uri) for v in result.violations]

    def publish(self, uri: str) -> None:
        """Push the document's diagnostics, unless the client pulls them."""
        if self.pulls:
            return
        try:
            found = self.diagnostics(uri)
        except Exception:  # a bug in a rule must not take the editor's server down
            log.exception("linting %s failed", uri)
            self.window_log_message(
                types.LogMessageParams(type=types.MessageType.Error, message=f"postlint failed on {uri}")
            )
            return
        if found is not None:
            version = self.workspace.get_text_document(uri).version
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
            )

    def schedule(self, uri: str) -> None:
        """Lint after a pause in typing; a newer change cancels this one."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        version = self.workspace.get_text_document(uri).version

        async def later() -> None:
            await asyncio.sleep(self.debounce)
            if self.workspace.get_text_document(uri).version == version:  # else a newer change is waiting
                self.publish(uri)

        self.pending[uri] = asyncio.get_running_loop().create_task(later())

    def relint_all(self) -> None:
        """After a config, pack or settings change: forget every result and lint the open documents again."""
        self.pool.reset()
        self.results.clear()
        self.pack_results.clear()
        if self.pulls:
            refresh = self.client_capabilities.workspace and self.client_capabilities.workspace.diagnostics
            if refresh and refresh.refresh_support:
                self.workspace_diagnostic_refresh(None)
            return
        for uri in list(self.workspace.text_documents):
            self.publish(uri)


def build_server() -> PostlintServer:
    """A server with every feature registered (tests and `postlint lsp` both start here)."""
    server = PostlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: PostlintServer, params: types.InitializeParams) -> None:
        ls.pool.reset(ClientSettings.parse(params.initialization_options))

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PostlintServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if watched is None or not watched.dynamic_registration:
            return
        watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        watchers.append(types.FileSystemWatcher(glob_pattern="**/*.{yaml,yml}"))
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = types.Registration(
            id="postlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
        except Exception:  # the client may refuse; saving a config in the editor still reloads it
            log.info("the client did not let postlint watch its configuration files")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PostlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: PostlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if not ls.pulls:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PostlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri.endswith(CONFIG_FILES) or is_pack(uri, ls.workspace.get_text_document(uri).source):
            ls.relint_all()  # a config or a pack in use may have changed
        else:
            ls.publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PostlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.results.pop(uri, None)
        ls.pack_results.pop(uri, None)
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if not ls.pulls:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier="postlint", inter_file_dependencies=False, workspace_diagnostics=False),
    )
    def pull(ls: PostlintServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        found = ls.diagnostics(params.text_document.uri) or []
        return types.RelatedFullDocumentDiagnosticReport(items=found)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def actions(ls: PostlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        if ls.diagnostics(uri) is None or uri not in ls.results:
            return None
        result = ls.results[uri]
        positions = PositionMap(result.text, ls.encoding)
        edits = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        request = Request(
            uri=uri,
            version=result.version,
            start=positions.offset(params.range.start.line, params.range.start.character),
            end=positions.offset(params.range.end.line, params.range.end.character),
            only=tuple(str(getattr(k, "value", k)) for k in params.context.only or ()),
            versioned=bool(edits and edits.document_changes),
            snippets=bool(edits and edits.snippet_edit_support),
        )
        return code_actions(result, request, ls.encoding)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PostlintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        if ls.diagnostics(uri) is None or uri not in ls.results:
            return None
        result = ls.results[uri]
        offset = PositionMap(result.text, ls.encoding).offset(params.position.line, params.position.character)
        text = hover_markdown(result, offset)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PostlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: PostlintServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings is not None:
            ls.pool.settings = ClientSettings.parse(params.settings)
        ls.relint_all()

    @server.command(SELECT_COMMAND)
    async def select(ls: PostlintServer, uri: str, selection: types.Range) -> None:
        """After an insertion fix: select the text the writer has to fill in."""
        window = ls.client_capabilities.window
        if window is None or window.show_document is None:
            return
        await ls.window_show_document_async(types.ShowDocumentParams(uri=uri, take_focus=True, selection=selection))

    return server


def serve() -> None:
    """Run over standard input and output until the client says exit."""
    build_server().start_io()
