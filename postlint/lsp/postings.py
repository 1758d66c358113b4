"""Linting an editor's buffer: which documents are postings, and what the linter found in them.

The result keeps the text it was computed from, so code actions and hover answer
about exactly what the diagnostics showed, even if the buffer has moved on since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from postlint.errors import PostlintError

if TYPE_CHECKING:
    from postlint.api import Linter
    from postlint.document import Document
    from postlint.lsp.settings import ConfigLinters
    from postlint.violation import Violation

LANGUAGE_FORMATS = {"markdown": "markdown", "plaintext": "text", "text": "text", "html": "html"}
EXTENSION_FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html"}


def uri_to_path(uri: str) -> Path:
    """The file system path of a `file:` URI; other schemes (untitled buffers) get a name in the cwd."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path))
    return Path.cwd() / (Path(unquote(parsed.path)).name or "untitled")


def posting_format(uri: str, language_id: str | None = None) -> str | None:
    """'markdown', 'text' or 'html' for a posting, None for anything postlint does not lint."""
    suffix = Path(urlparse(uri).path).suffix.lower()
    if suffix in EXTENSION_FORMATS:
        return EXTENSION_FORMATS[suffix]
    return LANGUAGE_FORMATS.get(language_id or "")


@dataclass(frozen=True, slots=True)
class LintResult:
    """What one version of a buffer gave: violations, or the config/pack error that stopped linting."""

    text: str
    format: str
    path: Path
    version: int | None
    violations: tuple[Violation, ...] = ()
    linter: Linter | None = None
    error: PostlintError | None = None
    _doc: list[Document] = field(default_factory=list, compare=False, repr=False)

    def document(self) -> Document:
        """The parsed posting (for fixes and facts), parsed once on demand."""
        if not self._doc:
            from postlint.reader import build_document

            assert self.linter is not None
            data = self.text.encode("utf-8", "surrogatepass")
            self._doc.append(build_document(data, str(self.path), self.format, self.linter.max_bytes))  # type: ignore[arg-type]
        return self._doc[0]


def lint_buffer(pool: ConfigLinters, uri: str, text: str, fmt: str, version: int | None) -> LintResult:
    """Lint one buffer as `postlint check` would lint the file, with the config that applies to it."""
    path = uri_to_path(uri)
    try:
        linter = pool.linter_for(path)
        violations = linter.lint_text(text, format=fmt, path=str(path))
    except PostlintError as exc:
        return LintResult(text, fmt, path, version, error=exc)
    return LintResult(text, fmt, path, version, tuple(violations), linter)
