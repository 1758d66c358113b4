"""The parsed posting: blocks of text with exact source offsets.

Every parser (Markdown, HTML, plain text) produces the same `Document`, so rules
never care which format a posting was written in. Markup that is not prose is
*masked* (replaced by spaces of the same length), never removed: an offset in a
block's `prose` is an offset in the source, and positions are never guessed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Literal

Format = Literal["markdown", "text", "html"]

# Block kinds. Prose kinds are searched by wording rules; `code` blocks are not
# prose but are still text for encoding rules and fact extraction.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
CODE = "code"
PROSE_KINDS = frozenset({HEADING, PARAGRAPH, LIST_ITEM, TABLE_CELL})


@dataclass(frozen=True, slots=True)
class Block:
    """A run of source text: a heading, paragraph, list item, table cell or code.

    `prose` has the length of `source[start:end]`; characters that are markup,
    inline code or URLs are replaced by spaces (newlines are kept), so a regex
    match at `m.start()` in `prose` sits at `start + m.start()` in the source.
    """

    kind: str
    start: int
    end: int
    prose: str
    level: int = 0  # heading level (1-6); 0 for other kinds
    section: int = -1  # index into Document.sections; -1 before the first heading
    quoted: bool = False  # inside a blockquote / <blockquote>
    # In an HTML page's navigation, site-wide header or footer, or a sidebar outside the posting (a list of
    # other jobs, the company's offices): on the page, so wording rules see it, but not about this job, so
    # facts (where the job is, its pay, its title) and counts of how the job is described leave it out.
    chrome: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink or bare URL; `start`/`end` span the whole link in the source."""

    url: str
    text: str
    start: int
    end: int
    url_start: int = -1  # where the URL itself sits in the source, if it is there verbatim
    url_end: int = -1


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the blocks beneath it, up to the next heading of the same or a higher level."""

    title: str
    level: int
    heading_start: int
    heading_end: int
    end: int


@dataclass(frozen=True, slots=True)
class Field:
    """A `Label: value` line of a plain-text posting, or a front-matter key."""

    name: str
    value: str
    start: int  # of the value
    end: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input itself (not UTF-8, bad front matter)."""

    code: str  # the engine rule name, e.g. "front-matter"
    message: str
    start: int
    end: int
    replacement: str | None = None  # the whole text, repaired, when a repair is known (an unsafe fix)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """YAML front matter: its parsed data and where each top-level key sits."""

    data: dict[str, Any]
    start: int
    end: int  # offset just after the closing '---' line
    key_offsets: dict[str, int] = field(default_factory=dict)


class LineIndex:
    """Maps offsets (code points) to 1-based line and column, and back."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of an offset."""
        offset = max(0, min(offset, self._length))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Return the offset of a 1-based (line, column)."""
        return self._starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Return the offsets of a 1-based line's start and end (without its newline)."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return start, end

    @property
    def length(self) -> int:
        """The length of the text this index was built for."""
        return self._length

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True, slots=True)
class Document:
    """A posting parsed into blocks, sections, links, fields and front matter.

    Frozen: once the reader has built it nobody writes to it, so linting it again (the language
    server on every keystroke, a test, a second rule) sees what the first lint saw. What a lint
    derives from it is kept with that lint (`PostingFacts.memo`), and what a run finds besides
    (suppression comments naming unknown rules, link statuses) travels in the check context.
    A changed document is a copy (`dataclasses.replace`), as `reader.retitled` makes.
    """

    text: str
    format: Format
    path: str = "-"
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)  # inline code's content, masked in prose
    fields: list[Field] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    title: str | None = None
    title_start: int = -1
    title_end: int = -1
    lossy: bool = False  # decoded with replacement characters: never write fixes back
    linted: bool = True  # False for files only reported (binary, too large, unreadable)
    line_index: LineIndex = field(default=None, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        # Built with the document (the draft's, which the parser used) rather than on first use: a lazy
        # attribute would be a write after reading. A copy with other text gets its own.
        index = self.line_index
        if index is None or index.length != len(self.text):
            object.__setattr__(self, "line_index", LineIndex(self.text))

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    def meta(self, name: str) -> Any:
        """A front-matter value by its key, or None."""
        if self.front_matter is None:
            return None
        return self.front_matter.data.get(name)


@dataclass(slots=True)
class DocumentDraft:
    """A document while the reader and the parsers fill it in; `freeze()` gives the `Document`.

    Parsing appends blocks and links and sets the title as it finds them; keeping that
    mutable stage in its own class is what lets `Document` itself be frozen.
    """

    text: str
    format: Format
    path: str = "-"
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    code_spans: list[tuple[int, int]] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    front_matter: FrontMatter | None = None
    title: str | None = None
    title_start: int = -1
    title_end: int = -1
    lossy: bool = False
    linted: bool = True
    _line_index: LineIndex | None = field(default=None, repr=False, compare=False)

    @property
    def line_index(self) -> LineIndex:
        if self._line_index is None:
            self._line_index = LineIndex(self.text)
        return self._line_index

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]

    def meta(self, name: str) -> Any:
        """A front-matter value by its key, or None."""
        if self.front_matter is None:
            return None
        return self.front_matter.data.get(name)

    def freeze(self) -> Document:
        """The finished document; the draft is not used after this."""
        return Document(
            self.text,
            self.format,
            self.path,
            self.blocks,
            self.sections,
            self.links,
            self.code_spans,
            self.fields,
            self.problems,
            self.front_matter,
            self.title,
            self.title_start,
            self.title_end,
            self.lossy,
            self.linted,
            self.line_index,
        )
