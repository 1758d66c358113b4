"""From bytes or a path to a parsed Document.

Reading never raises for the content of a file: bytes that are not UTF-8,
binary files and oversized files become Problems that the engine reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from postlint.document import PARAGRAPH, Block, Document, DocumentDraft, Format, FrontMatter, Problem
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
    r"requirements|qualifications|who\s+we\s+are|the\s+role|your\s+role|über\s+uns|à\s+propos|"
    r"[^\n]{0,40}?(?:介绍|简介)(?=\s*$))\b",  # "[Apifox](...) 介绍": an introduction of the company
    re.IGNORECASE,
)
_FIELD_LINE = lazy_regex(r"[\w][\w /&()-]{0,30}:(?:[*_ \t]|$)")  # "URL:", "Date Posted:", "Company:"
# "Position: CTO", "Your Role: Analytics Engineer", "职位名称：资深后端开发工程师", "【岗位名称】：AI应用开发工程师".
_TITLE_LABEL = lazy_regex(
    r"(?:(?:your|the)\s+)?(?:job\s+title|title|position|role)\s*:\s*(\S.*)|【?(?:职位|岗位)(?:名称)?】?\s*[:：]\s*(\S.*)",
    re.IGNORECASE,
)
# Lines that open a posting's text without being its title; a title may follow ("About the job\nData Consultant").
_OPENING_SECTION = lazy_regex(r"(?:about\s+the\s+(?:job|role|position)|job\s+description|description)\s*:?\s*$", re.I)
# "Senior Analytics Engineer at Ebury. Responsibilities: ..." and "Analytics Engineer role at Vestas in ...":
# a role in title case before "at" and the employer, opening the text.
_ROLE_AT = lazy_regex(
    r"((?:[A-Z0-9(][^\s.!?:;,]*[ \t]+(?:(?:of|and|for|in|und|de|-|–|/|&)[ \t]+)?){1,7}?)(?:role[ \t]+)?at[ \t]+[A-Z]"
)
# A digest's entry on one long line: "Deputy Director of Elections, Douglas County, Colorado — plans and directs...",
# "Account Manager (Florida) – ES&S — An Account Manager serves...": the role, then the employer or place, then a
# dash before the description.
_DIGEST_LEAD = lazy_regex(r"([^\n,—–]{3,80}?)[ \t]*(?:[—–]|[ \t]-[ \t]|,[^\n—–]{2,200}?(?:[ \t]*[—–]|[ \t]+-[ \t]))")
_DIGEST_MIN = 120  # characters: a shorter first line is a title or a field, read as such
_MARKER = lazy_regex(r"\((?:[mwfdhx]\s*/\s*){2}[mwfdhx]\*?\)|\((?:[mwfdhx]\s*/\s*)[mwfdhx]\)", re.IGNORECASE)
_MASK_RUN = lazy_regex(r"\s{2,}")


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
    if doc.title is None and not header and _title_from_digest_lead(doc):
        return
    if doc.title is not None or doc.format == "text" or header:
        return
    blocks = [b for b in doc.blocks if b.prose.strip()]
    if len(blocks) < 2:
        return
    if blocks[0].kind == "heading":
        first = blocks[0].prose.strip().split("\n", 1)[0]  # a setext heading may run over lines
        if not _SECTION_NAME.match(first):
            lead = len(blocks[0].prose) - len(blocks[0].prose.lstrip())
            _set_title(doc, blocks[0], lead, lead + len(first))
        return
    lines = _opening_lines(blocks)
    if not _title_from_label(doc, lines):
        _title_from_opening_line(doc, lines)


def _title_from_digest_lead(doc: DocumentDraft) -> bool:
    """Title a digest's entry, which opens on one long line with the role before its first comma or dash
    ("Deputy Director of Elections, Douglas County, Colorado — plans and directs..."); whether it did."""
    from postlint.facts.view import names_a_role

    block = next((b for b in doc.blocks if b.prose.strip()), None)
    if block is None or block.kind != PARAGRAPH:
        return False
    start = len(block.prose) - len(block.prose.lstrip())
    end = block.prose.find("\n", start)
    line = block.prose[start : len(block.prose) if end < 0 else end]
    lead = _DIGEST_LEAD.match(line) if len(line) > _DIGEST_MIN else None
    if lead is None or not names_a_role(lead.group(1)) or not _title_cased(lead.group(1)):
        return False
    _set_title(doc, block, start, start + len(lead.group(1).rstrip()))
    return True


def _title_cased(text: str) -> bool:
    """Whether most words of a short text are capitalised, as a role's name is ("Deputy Registrar of Voters")
    and a sentence is not ("We are hiring an analyst in a team...")."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return 0 < len(words) <= 8 and 2 * sum(w[0].isupper() for w in words) > len(words)


def _title_from_label(doc: DocumentDraft, lines: list[tuple[Block, int, int]]) -> bool:
    """Title the posting from a labelled line ("Position: CTO", "职位名称：..."); whether one did.

    A label says what the line is, so it beats a bare opening line that may name the employer or
    the page ("Analytics Engineer - Job Posting", "浙江精准学科技有限公司").
    """
    for block, start, end in lines:
        label = _TITLE_LABEL.match(block.prose, start, end)
        if label is not None:
            group = 1 if label.group(1) is not None else 2
            if not _is_title_line(label.group(group).strip(" \t*_")):
                return False
            _set_title(doc, block, label.start(group), end)
            return True
    return False


def _title_from_opening_line(doc: DocumentDraft, lines: list[tuple[Block, int, int]]) -> None:
    """Title the posting from its first line that is not a field, when that line reads as a title.

    LinkedIn's "About the job" may stand above it; the line after it must then name a role or carry
    a gender marker, as "About the team" may be followed by a product's name. An opening
    "Senior Analytics Engineer at Ebury." gives the role before "at".
    """
    from postlint.facts.view import names_a_role

    after_section = False
    for block, start, end in lines:
        line = block.prose[start:end]
        if _FIELD_LINE.match(line):
            continue  # "**URL:** https://...", "Company: Adsquare GmbH"
        if not after_section and _OPENING_SECTION.match(line):
            after_section = True
            continue
        role = _ROLE_AT.match(line)
        if role is not None and names_a_role(role.group(1)):
            _set_title(doc, block, start, start + len(role.group(1).rstrip()))
        elif (
            _is_title_line(line)
            and not _SECTION_NAME.match(line)
            and (not after_section or names_a_role(line) or _MARKER.search(line))
        ):
            _set_title(doc, block, start, end)
        return


def _opening_lines(blocks: list[Block]) -> list[tuple[Block, int, int]]:
    """The stripped lines (block, start, end in its prose) of the posting's first two blocks with text.

    A block of field lines alone ("**URL:** ...", twice over in some scrapes) does not count as one
    of the two, so a title under it is still read.
    """
    found: list[tuple[Block, int, int]] = []
    counted = 0
    for block in blocks:
        if counted == 2:
            break
        prose, pos, fields_only = block.prose, 0, True
        for raw in prose.split("\n"):
            start, end = pos, pos + len(raw)
            pos = end + 1
            while start < end and prose[start] in " \t*_#>":
                start += 1
            while end > start and prose[end - 1] in " \t*_#>":
                end -= 1
            if start < end:
                found.append((block, start, end))
                field = _FIELD_LINE.match(prose, start, end) and not _TITLE_LABEL.match(prose, start, end)
                fields_only = fields_only and bool(field)
        counted += 0 if fields_only else 1
    return found


def _is_title_line(line: str) -> bool:
    """A short line with letters that does not end like a sentence or a label."""
    return bool(line) and len(line) <= _TITLE_LINE and line[-1] not in ".:;,!?" and any(ch.isalpha() for ch in line)


def _set_title(doc: DocumentDraft, block: Block, start: int, end: int) -> None:
    """Title the posting with `block.prose[start:end]`, the span of the same offsets in the source.

    Prose masks markup with spaces ("**Acme** Engineer"), so the title's text is the prose with the
    masked runs closed up and its span is the source's; a title written plainly is the source's text.
    """
    segment = block.prose[start:end]
    text = segment.strip(" \t*_")
    if not text:
        return
    start += len(segment) - len(segment.lstrip(" \t*_"))
    end = start + len(text)
    at, until = block.start + start, block.start + end
    source = doc.text[at:until]
    doc.title = source if source == text else _MASK_RUN.sub(" ", text)
    doc.title_start, doc.title_end = at, until
