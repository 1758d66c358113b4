"""From bytes or a path to a parsed Document.

Reading never raises for the content of a file: bytes that are not UTF-8,
binary files and oversized files become Problems that the engine reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from postlint.document import Document, Format, Problem

EXTENSIONS: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with what is needed to write it back byte-for-byte."""

    text: str
    bom: bool
    lossy: bool  # invalid UTF-8 was replaced: the text cannot be written back
    bad_offset: int = -1  # first replaced character, if lossy
    bad_byte: int = -1


def format_for(path: str, default: Format = "markdown") -> Format:
    """The format a file name implies; unknown extensions read as `default`."""
    return EXTENSIONS.get(Path(path).suffix.lower(), default)


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean a binary file (as git decides)."""
    return b"\x00" in data[:8192]


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 with or without a BOM; invalid bytes become U+FFFD and mark the text lossy."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        return Decoded(data.decode("utf-8"), bom, False)
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8", errors="replace")
        return Decoded(data.decode("utf-8", errors="replace"), bom, True, len(prefix), data[exc.start])


def build_document(data: bytes, path: str, fmt: Format, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and parse one posting's bytes; problems with the bytes are recorded, not raised."""
    if len(data) > max_bytes:
        doc = Document("", fmt, path)
        size = len(data) / (1024 * 1024)
        limit = max_bytes / (1024 * 1024)
        doc.problems.append(
            Problem("file-too-large", f"File is {size:.1f} MB, over the {limit:g} MB limit; not linted", 0, 0)
        )
        doc.lossy, doc.linted = True, False
        return doc
    if looks_binary(data):
        doc = Document("", fmt, path)
        doc.problems.append(Problem("binary-file", "File looks binary (it contains NUL bytes); not linted", 0, 0))
        doc.lossy, doc.linted = True, False
        return doc
    decoded = decode(data)
    doc = parse(decoded.text, fmt, path)
    if decoded.lossy:
        doc.lossy = True
        doc.problems.append(
            Problem(
                "not-utf8",
                f"File is not valid UTF-8 (byte 0x{decoded.bad_byte:02X}); re-save it as UTF-8",
                decoded.bad_offset,
                decoded.bad_offset + 1,
            )
        )
    return doc


def parse(text: str, fmt: Format, path: str = "-") -> Document:
    """Parse text in the given format into a Document (pure: no I/O)."""
    from postlint.frontmatter import parse_front_matter
    from postlint.parsers.common import finish_document

    doc = Document(text, fmt, path)
    body = parse_front_matter(doc)
    if doc.front_matter is not None:
        title = doc.front_matter.data.get("title")
        if isinstance(title, (str, int, float)) and str(title).strip():
            doc.title = str(title).strip()
            key = doc.front_matter.key_offsets.get("title", 0)
            doc.title_start, doc.title_end = key, key + len("title")
    if fmt == "markdown":
        from postlint.parsers.markdown import parse_markdown

        parse_markdown(doc, body)
    elif fmt == "html":
        from postlint.parsers.html import parse_html

        parse_html(doc, body)
    else:
        from postlint.parsers.text import parse_text

        parse_text(doc, body)
    finish_document(doc)
    return doc
