"""From bytes or a path to a parsed Document.

Reading never raises for the content of a file: bytes that are not UTF-8,
binary files and oversized files become Problems that the engine reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from postlint.document import Block, Document, DocumentDraft, Format, FrontMatter, Problem
from postlint.lazy_regex import lazy_regex

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
    legacy: tuple[str, str] | None = None  # (codec name, text) when the bytes decode cleanly as a legacy codec


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
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, bom, True, len(prefix), data[exc.start], _legacy_reading(data))


def _legacy_reading(data: bytes) -> tuple[str, str] | None:
    """The file read as Windows-1252 (or Latin-1 when it has no C1-range bytes), if that works."""
    try:
        return "Windows-1252", data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    if not any(0x80 <= b <= 0x9F for b in data):
        return "Latin-1", data.decode("latin-1")
    return None


def build_document(data: bytes, path: str, fmt: Format, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode and parse one posting's bytes; problems with the bytes are recorded, not raised."""
    if len(data) > max_bytes:
        size = len(data) / (1024 * 1024)
        limit = max_bytes / (1024 * 1024)
        message = f"File is {size:.1f} MB, over the {limit:g} MB limit; not linted"
        return unread_document(path, "file-too-large", message, fmt)
    if looks_binary(data):
        return unread_document(path, "binary-file", "File looks binary (it contains NUL bytes); not linted", fmt)
    decoded = decode(data)
    doc = parse_draft(decoded.text, fmt, path)
    if decoded.lossy:
        doc.lossy = True
        codec, text = decoded.legacy or ("", None)
        hint = f"it reads cleanly as {codec}" if codec else "re-save it as UTF-8"
        message = f"File is not valid UTF-8 (byte 0x{decoded.bad_byte:02X}); {hint}"
        start = decoded.bad_offset
        doc.problems.append(Problem("not-utf8", message, start, start + 1, text))
    elif "\ufffd" in decoded.text:
        for index, char in enumerate(decoded.text):
            if char == "\ufffd":
                message = "U+FFFD REPLACEMENT CHARACTER: a character was lost before this file was saved"
                doc.problems.append(Problem("replacement-char", message, index, index + 1))
    return doc.freeze()


def unread_document(path: str, code: str, message: str, fmt: Format | None = None) -> Document:
    """An empty, unlinted document that carries the reason its posting was not read."""
    problem = Problem(code, message, 0, 0)
    return Document("", fmt or format_for(path, "text"), path, problems=[problem], lossy=True, linted=False)


_TITLE_LINE = 100
# Headings that name a section, not the job: "About the job", "About Acme", "Job description", "Overview".
_SECTION_NAME = lazy_regex(
    r"(?:about\b|(?:job|position|role|company)\s+"
    r"(?:description|summary|overview|details)|description|overview|summary|introduction|responsibilities|"
    r"requirements|qualifications|who\s+we\s+are|the\s+role|your\s+role|über\s+uns|à\s+propos)\b",
    re.IGNORECASE,
)
_FIELD_LINE = lazy_regex(r"[\w][\w /&()-]{0,30}:(?:[*_ \t]|$)")  # "URL:", "Date Posted:", "Company:"
_TITLE_LABEL = lazy_regex(r"(?:job\s+title|title|position|role)\s*:\s*(\S.*)", re.IGNORECASE)


def front_matter_title(doc: Document | DocumentDraft, key: str) -> tuple[str, int, int] | None:
    """The title a front-matter key gives (text, and the key's span), or None."""
    fm = doc.front_matter
    if fm is None:
        return None
    title, at = fm.data.get(key), fm.key_offsets.get(key, 0)
    if title is None:  # one mapping down: `position: {title: ...}`, as some boards nest a posting's fields
        parent = next((k for k, v in fm.data.items() if isinstance(v, dict) and key in v), None)
        if parent is not None:
            title = fm.data[parent][key]
            found = doc.text.find(f"{key}:", fm.key_offsets.get(parent, fm.start), fm.end)
            at = found if found >= 0 else fm.key_offsets.get(parent, fm.start)
    if isinstance(title, bool) or not isinstance(title, (str, int, float)) or not str(title).strip():
        return None
    return str(title).strip(), at, at + len(key)


def retitled(doc: Document, key: str) -> Document:
    """The document with its title read from the front-matter key the `front-matter` config names for it.

    Parsing knows no configuration and reads `title:`; a renamed key (`title: job_title`) is applied
    here, on a copy, so a parsed document is never written to.
    """
    if key == "title":
        return doc
    found = front_matter_title(doc, key)
    if found is None:
        return doc
    return replace(doc, title=found[0], title_start=found[1], title_end=found[2])


def located(doc: Document, key: str, location: str | list[str]) -> Document:
    """The document with a location given from outside (the API's `facts`) as its front-matter `location`.

    It is not in the text, so it has no offsets: anything pointing at it points at the front
    matter's `location` key if the posting has one, else at the start. A copy, like `retitled`:
    the parsed document is never written to.
    """
    fm = doc.front_matter
    if fm is None:
        return replace(doc, front_matter=FrontMatter({key: location}, 0, 0))
    data = {k: v for k, v in fm.data.items() if k.lower() != key.lower()}
    data[key] = location
    return replace(doc, front_matter=FrontMatter(data, fm.start, fm.end, fm.key_offsets))


def parse(text: str, fmt: Format, path: str = "-") -> Document:
    """Parse text in the given format into a Document (pure: no I/O)."""
    return parse_draft(text, fmt, path).freeze()


def parse_draft(text: str, fmt: Format, path: str = "-") -> DocumentDraft:
    """Parse text into a draft that `build_document` may still add the reader's problems to."""
    from postlint.frontmatter import parse_front_matter
    from postlint.parsers.common import finish_document

    doc = DocumentDraft(text, fmt, path)
    body = parse_front_matter(doc)
    found = front_matter_title(doc, "title")
    if found is not None:
        doc.title, doc.title_start, doc.title_end = found
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
    if doc.title is None or fmt != "markdown":
        _title_from_first_line(doc)
    return doc


def _title_from_first_line(doc: DocumentDraft) -> None:
    """Postings with no title by their format's rules, whose title opens them all the same.

    A header line ("Snout | Principal Software Engineer | Remote US") gives its role field. Otherwise
    the first heading of any level when it opens the posting ("### 阿里集团-Node.js 开发专家"), or the first
    short line that is not a sentence, past field lines ("**URL:** ..."), in the first two blocks of an
    HTML or Markdown posting ("Staff Data Analytics Engineer (m/f/d)"; "Position: CTO" gives CTO).
    """
    from postlint.facts.view import header_fields, header_role

    memo: dict[object, object] = {}  # header_role reads the header and fact view header_fields built
    header = header_fields(doc, memo)  # type: ignore[arg-type]
    from_first_line = doc.title is None or (bool(header) and doc.title_start <= header[0][0] < doc.title_end)
    if not from_first_line:
        return
    role = header_role(doc, memo)  # type: ignore[arg-type]
    if role is not None:
        doc.title, doc.title_start, doc.title_end = doc.text[role[0] : role[1]], role[0], role[1]
        return
    if doc.title is not None or doc.format == "text" or header:
        return
    blocks = [b for b in doc.blocks if b.prose.strip()]
    if len(blocks) < 2:
        return
    if blocks[0].kind == "heading":
        if not _SECTION_NAME.match(blocks[0].prose.strip()):
            _set_title(doc, blocks[0], blocks[0].prose.strip())
        return
    for block in blocks[:2]:
        for raw in block.prose.split("\n"):
            line = raw.strip(" \t*_#>")
            if not line:
                continue
            label = _TITLE_LABEL.match(line)  # "Position: CTO"
            if label is not None:
                line = label.group(1).strip(" \t*_")
            elif _FIELD_LINE.match(line):
                continue  # "**URL:** https://...", "Company: Adsquare GmbH"
            if (
                line
                and len(line) <= _TITLE_LINE
                and line[-1] not in ".:;,!?"
                and any(ch.isalpha() for ch in line)
                and not _SECTION_NAME.match(line)
            ):
                _set_title(doc, block, line)
            return


def _set_title(doc: DocumentDraft, block: Block, line: str) -> None:
    at = doc.text.find(line, block.start, block.end)
    if at >= 0:
        doc.title, doc.title_start, doc.title_end = line, at, at + len(line)
