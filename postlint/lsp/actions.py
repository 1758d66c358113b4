"""Code actions: each fix as a quick fix, all safe fixes at once, and a suppression comment per line.

Every edit is computed from the text the diagnostics came from (`LintResult.text`) and
sent with that document version, so a client refuses it rather than misapplying it to
a buffer that has changed since.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types

from postlint.lsp.diagnostics import lsp_range
from postlint.lsp.positions import PositionMap
from postlint.lsp.postings import LintResult
from postlint.violation import Edit, Violation

FIX_ALL_KIND = "source.fixAll.postlint"
SELECT_COMMAND = "postlint.selectRange"
_PLACEHOLDER = re.compile(r"\[[^\]\n]{1,60}\]")


@dataclass(frozen=True, slots=True)
class Request:
    """What the client asked about: a document version, a range in it, and the kinds it wants."""

    uri: str
    version: int | None
    start: int
    end: int
    only: tuple[str, ...] = ()
    versioned: bool = True  # the client takes `documentChanges` (edits tied to a version)
    snippets: bool = False  # the client takes snippet edits in a workspace edit (LSP 3.18)

    def wants(self, kind: str) -> bool:
        return not self.only or any(kind == k or kind.startswith(k + ".") for k in self.only)


def code_actions(result: LintResult, request: Request, encoding: str) -> list[types.CodeAction]:
    """The actions for the violations under the request's range, then fix-all for the whole posting."""
    positions = PositionMap(result.text, encoding)
    here = [v for v in result.violations if v.start <= request.end and request.start <= v.end]
    actions: list[types.CodeAction] = []
    if request.wants(types.CodeActionKind.QuickFix):
        for violation in here:
            action = _quick_fix(result, violation, request, positions, encoding)
            if action is not None:
                actions.append(action)
        seen: set[tuple[str, int]] = set()
        for violation in here:
            line = positions.position(violation.start)[0]
            if (violation.rule, line) not in seen:
                seen.add((violation.rule, line))
                action = _disable_for_line(result, violation, request, positions)
                if action is not None:
                    actions.append(action)
    if request.wants(FIX_ALL_KIND):
        action = fix_all(result, request, encoding)
        if action is not None:
            actions.append(action)
    return actions


def _edit(request: Request, edits: list[types.TextEdit | types.SnippetTextEdit]) -> types.WorkspaceEdit:
    if not request.versioned and all(isinstance(e, types.TextEdit) for e in edits):
        return types.WorkspaceEdit(changes={request.uri: edits})  # type: ignore[dict-item]
    document = types.OptionalVersionedTextDocumentIdentifier(uri=request.uri, version=request.version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])


def _quick_fix(
    result: LintResult, violation: Violation, request: Request, positions: PositionMap, encoding: str
) -> types.CodeAction | None:
    fix = violation.fix
    if fix is None or fix.applicability == "display":
        return None
    newline = "\r\n" if "\r\n" in result.text else "\n"
    texts = [e.replacement.replace("\r\n", "\n").replace("\n", newline) for e in fix.edits]
    edits: list[types.TextEdit | types.SnippetTextEdit] = [
        types.TextEdit(range=lsp_range(positions, e.start, e.end), new_text=text)
        for e, text in zip(fix.edits, texts, strict=True)
    ]
    unsafe = fix.applicability == "unsafe"
    action = types.CodeAction(
        title=f"{fix.description} ({violation.rule}{', unsafe: review it' if unsafe else ''})",
        kind=types.CodeActionKind.QuickFix,
        is_preferred=not unsafe,
        data={"rule": violation.rule, "applicability": fix.applicability},
    )
    blank = _placeholder(fix.edits, texts)
    if blank is not None and request.snippets:  # the editor selects the placeholder as it inserts
        start, end = blank
        snippet = _escape(texts[0][:start]) + "${1:" + _escape(texts[0][start:end]) + "}" + _escape(texts[0][end:])
        edits = [types.SnippetTextEdit(range=edits[0].range, snippet=types.StringValue(value=snippet))]
    elif blank is not None:  # else the server asks the editor to select it once the edit is in
        at, (start, end) = fix.edits[0].start, blank
        after = PositionMap(result.text[:at] + texts[0] + result.text[at:], encoding)
        selection = lsp_range(after, at + start, at + end)
        action.command = types.Command(
            title="Select the text to fill in", command=SELECT_COMMAND, arguments=[request.uri, selection]
        )
    action.edit = _edit(request, edits)
    return action


def _escape(text: str) -> str:
    """Text as a snippet's literal text: '$', '}' and '\\' would otherwise be syntax."""
    return re.sub(r"([$}\\])", r"\\\1", text)


def _placeholder(edits: tuple[Edit, ...], texts: list[str]) -> tuple[int, int] | None:
    """For a fix that only inserts text: the span of its placeholder in the inserted text, or of the
    inserted sentence itself when it has no blank to fill (it needs a reading before publishing)."""
    if len(edits) != 1 or edits[0].start != edits[0].end:
        return None
    inserted = texts[0]
    found = _PLACEHOLDER.search(inserted)
    if found is not None:
        return found.span()
    stripped = re.sub(r"</?p>", "", inserted).strip()
    start = inserted.find(stripped) if stripped else 0
    return start, start + len(stripped)


def _disable_for_line(
    result: LintResult, violation: Violation, request: Request, positions: PositionMap
) -> types.CodeAction | None:
    """Insert the format's `postlint-disable-next-line RULE` directive above the violation's line."""
    doc = result.document()
    if doc.front_matter is not None and violation.start < doc.front_matter.end:
        return None  # a comment cannot go inside front matter; `postlint: {ignore: [...]}` is the way there
    line = positions.position(violation.start)[0]
    line_start = positions.offset(line, 0)
    indent = re.match(r"[ \t]*", result.text[line_start:]).group(0)  # type: ignore[union-attr]
    newline = "\r\n" if "\r\n" in result.text else "\n"
    if result.format == "text":
        directive = f"{indent}# postlint-disable-next-line {violation.rule}"
    else:
        if result.format == "markdown" and len(indent.expandtabs(4)) >= 4:
            indent = ""  # indented four spaces the comment would be a code block, and so no directive
        directive = f"{indent}<!-- postlint-disable-next-line {violation.rule} -->"
    start = types.Position(line=line, character=0)
    return types.CodeAction(
        title=f"Disable {violation.rule} for this line",
        kind=types.CodeActionKind.QuickFix,
        edit=_edit(request, [types.TextEdit(range=types.Range(start=start, end=start), new_text=directive + newline)]),
        data={"rule": violation.rule, "suppress": "line"},
    )


def fix_all(result: LintResult, request: Request, encoding: str) -> types.CodeAction | None:
    """Every safe fix, applied to a fixpoint as `postlint fix` applies them, as one minimal edit."""
    if result.linter is None or not any(v.fix and v.fix.applicability == "safe" for v in result.violations):
        return None
    from postlint.fixes import fix_document

    fixed, _ = fix_document(result.linter.engine, result.document(), unsafe=False)
    if fixed == result.text:
        return None
    before = result.text
    prefix = 0
    limit = min(len(before), len(fixed))
    while prefix < limit and before[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == fixed[-1 - suffix]:
        suffix += 1
    if prefix and before[prefix - 1] == "\r":  # never split a '\r\n': it is one line break to the client
        prefix -= 1
    if (
        suffix
        and before[len(before) - suffix] == "\n"
        and before[len(before) - suffix - 1 : len(before) - suffix] == "\r"
    ):
        suffix -= 1
    positions = PositionMap(before, encoding)
    edit = types.TextEdit(
        range=lsp_range(positions, prefix, len(before) - suffix), new_text=fixed[prefix : len(fixed) - suffix]
    )
    return types.CodeAction(title="Fix all safe problems (postlint)", kind=FIX_ALL_KIND, edit=_edit(request, [edit]))
