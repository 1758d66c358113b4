"""Markdown postings, parsed by markdown-it-py (CommonMark plus tables).

markdown-it gives each block its source lines but inline tokens carry no
offsets, so each inline token's text is located in the source by a forward
search from a cursor. Text that cannot be found verbatim is masked, never
placed by guesswork.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, DocumentDraft, Link
from postlint.parsers.common import compose_prose, mask, mask_bare_links

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


# The characters at which each inline rule of markdown-it can fire. Elsewhere its `text` rule, or its
# fallback of one character at a time, adds to one pending text, so a line free of all these is a single
# text token. `newline` is absent: the fast path does what it does (see `_plain_lines`). `image` needs
# "![", so "[" is enough for it. A rule not listed here turns the fast path off.
_INLINE_TRIGGERS = {
    "text": "",
    "newline": "",
    "escape": "\\",
    "backticks": "`",
    "strikethrough": "~",
    "emphasis": "*_",
    "link": "[",
    "image": "[",
    "autolink": "<",
    "html_inline": "<",
    "entity": "&",
}
# Post-processing rules that only act on the tokens of delimiters or links, or join adjacent texts.
_INLINE2_INERT = {"balance_pairs", "strikethrough", "emphasis", "fragments_join"}


@lru_cache(maxsize=1)
def _parser() -> tuple[MarkdownIt, re.Pattern[str] | None]:
    """markdown-it set up for us, and what finds content needing its inline pass (None: all of it does).

    The core's `inline` rule is off: most inline content is plain text, which the walker places
    itself; only content with a character some inline rule fires on goes through markdown-it's
    inline parser. Run on everything, that pass was about a sixth of the cost of reading a posting.
    """
    from postlint.regex_store import serving

    with serving():  # markdown-it compiles about forty patterns as it is imported
        from markdown_it import MarkdownIt

    # text_join off: entities and escapes stay separate tokens whose markup is the source text.
    md = MarkdownIt("commonmark").enable("table").disable(["text_join", "inline"])
    active = md.get_active_rules()
    triggers = [_INLINE_TRIGGERS.get(name) for name in active["inline"]]
    if None in triggers or not set(active["inline2"]) <= _INLINE2_INERT:
        return md, None
    return md, re.compile("[" + re.escape("".join(sorted(set("".join(t for t in triggers if t))))) + "]")


def _plain_lines(content: str) -> list[str]:
    """The texts markdown-it's inline pass gives content with no trigger character, in order.

    Its `newline` rule ends each line's text before the newline with trailing spaces dropped (one
    space for a soft break, all of them for a hard break) and skips spaces and tabs that open the
    next line; no other rule fires, so each line is one text token.
    """
    if "\n" not in content:
        return [content]
    lines = content.split("\n")
    last = len(lines) - 1
    return [
        (line.lstrip(" \t") if n else line).rstrip(" ") if n < last else line.lstrip(" \t")
        for n, line in enumerate(lines)
    ]


def parse_markdown(doc: DocumentDraft, start: int = 0) -> None:
    """Parse doc.text[start:] (the body after any front matter) into blocks and links."""
    text = doc.text
    body = text[start:]
    # Keep line numbers aligned with the whole file: markdown-it sees the front matter as blank lines.
    leading_lines = text.count("\n", 0, start)
    md, needs_inline = _parser()
    env: dict[str, object] = {}  # the block pass stores link reference definitions here for the inline pass
    tokens = md.parse("\n" * leading_lines + body, env)
    index = doc.line_index
    walker = _Walker(doc, index.line_count, md, env, needs_inline)
    walker.walk(tokens)


class _Walker:
    """Turns markdown-it's token stream into Blocks with exact offsets."""

    def __init__(
        self,
        doc: DocumentDraft,
        line_count: int,
        md: MarkdownIt,
        env: dict[str, object],
        needs_inline: re.Pattern[str] | None,
    ) -> None:
        self.doc = doc
        self.md = md
        self.env = env
        self.needs_inline = needs_inline
        self.text = doc.text
        self.line_count = line_count
        self.list_depth = 0
        self.quote_depth = 0
        self.kind = PARAGRAPH
        self.level = 0
        self.row_cursor: tuple[int, int] | None = None  # (row line, cursor) shared by a table row's cells

    def _region(self, line_map: list[int] | None) -> tuple[int, int]:
        if not line_map:
            return 0, 0
        index = self.doc.line_index
        first = min(line_map[0] + 1, self.line_count)
        last = min(max(line_map[1], line_map[0] + 1), self.line_count)
        return index.line_span(first)[0], index.line_span(last)[1]

    def walk(self, tokens: list[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind in {"bullet_list_open", "ordered_list_open"}:
                self.list_depth += 1
            elif kind in {"bullet_list_close", "ordered_list_close"}:
                self.list_depth -= 1
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind == "heading_open":
                self.kind, self.level = HEADING, int(token.tag[1:])
            elif kind in ("th_open", "td_open"):
                self.kind, self.level = TABLE_CELL, 0
            elif kind == "paragraph_open":
                self.kind, self.level = (LIST_ITEM if self.list_depth else PARAGRAPH), 0
            elif kind == "inline":
                self._inline(token)
            elif kind in ("fence", "code_block"):
                self._code(token)
            elif kind == "html_block":
                self._html(token)

    def _code(self, token: Token) -> None:
        start, end = self._region(token.map)
        if end > start:
            self.doc.blocks.append(Block(CODE, start, end, mask(self.text[start:end]), quoted=self.quote_depth > 0))

    def _html(self, token: Token) -> None:
        start, end = self._region(token.map)
        if end <= start:
            return
        try:
            from postlint.parsers.html import parse_html
        except ImportError:  # pragma: no cover - the HTML parser ships with the package
            return
        parse_html(self.doc, start, end)

    def _inline(self, token: Token) -> None:
        region_start, region_end = self._region(token.map)
        text = self.text
        cursor = region_start
        if self.kind == TABLE_CELL and self.row_cursor and self.row_cursor[0] == region_start:
            cursor = self.row_cursor[1]
        spans: list[tuple[int, int]] = []  # prose
        first = last = -1
        link_stack: list[tuple[int, str, int]] = []  # (link start, href, text start index in spans)
        linked: list[tuple[int, int]] = []  # spans of this block's links: a URL in their text is no new link
        content = token.content
        needs_inline = self.needs_inline
        if needs_inline is not None and needs_inline.search(content) is None:
            for needle in _plain_lines(content):
                if needle:
                    at = text.find(needle, cursor, region_end)
                    if at != -1:
                        spans.append((at, at + len(needle)))
                        cursor = at + len(needle)
                        first = at if first == -1 else first
                        last = cursor
            children: list[Token] = []
        else:
            children = []
            self.md.inline.parse(content, self.md, self.env, children)
        i = 0
        while i < len(children):
            child = children[i]
            ctype = child.type
            if ctype in {"text", "text_special"}:
                needle = child.content if ctype == "text" else child.markup
                if needle:
                    at = text.find(needle, cursor, region_end)
                    if at != -1:
                        if ctype == "text":
                            spans.append((at, at + len(needle)))
                        cursor = at + len(needle)
                        first = at if first == -1 else first
                        last = cursor
            elif ctype == "code_inline":
                at = text.find(child.content, cursor, region_end) if child.content else -1
                if at != -1:
                    cursor = at + len(child.content)
                    self.doc.code_spans.append((at, cursor))
                    while cursor < region_end and text[cursor] == "`":
                        cursor += 1
                    first = at if first == -1 else first
                    last = cursor
            elif ctype == "link_open":
                href = str(child.attrs.get("href", ""))
                if child.markup == "autolink":
                    at = text.find("<", cursor, region_end)
                    close = text.find(">", at, region_end) if at != -1 else -1
                    if at != -1 and close != -1:
                        raw = text[at + 1 : close]
                        url = "mailto:" + raw if href.startswith("mailto:") and not raw.startswith("mailto:") else raw
                        self.doc.links.append(Link(url, raw, at, close + 1, at + 1, close))
                        cursor = close + 1
                        first = at if first == -1 else first
                        last = cursor
                    # skip the autolink's text and close tokens
                    while i + 1 < len(children) and children[i].type != "link_close":
                        i += 1
                else:
                    at = text.find("[", cursor, region_end)
                    if at != -1:
                        cursor = at + 1
                        first = at if first == -1 else first
                    link_stack.append((at, href, len(spans)))
            elif ctype == "link_close" and link_stack:
                at, href, span_index = link_stack.pop()
                label = "".join(text[a:b] for a, b in spans[span_index:])
                end, url_start, url_end = self._skip_destination(cursor, region_end, href)
                cursor = end
                last = max(last, end)
                if at != -1:
                    self.doc.links.append(Link(href, label, at, end, url_start, url_end))
                    linked.append((at, end))
            elif ctype == "image":
                at = text.find("![", cursor, region_end)
                if at != -1:
                    close = text.find("]", at, region_end)
                    if close != -1:
                        src = str(child.attrs.get("src", ""))
                        end, _, _ = self._skip_destination(close, region_end, src)
                        cursor = end
                        first = at if first == -1 else first
                        last = cursor
            i += 1
        if self.kind == TABLE_CELL:
            self.row_cursor = (region_start, cursor)
        if first == -1:
            return
        prose = compose_prose(text, first, last, spans)
        block = Block(self.kind, first, last, prose, level=self.level, quoted=self.quote_depth > 0)
        self.doc.blocks.append(mask_bare_links(self.doc, block, linked))
        if self.kind == HEADING and self.doc.title is None and self.level == 1:
            stripped = prose.strip()
            if stripped:
                offset = first + (len(prose) - len(prose.lstrip()))
                self.doc.title, self.doc.title_start, self.doc.title_end = stripped, offset, offset + len(stripped)

    def _skip_destination(self, cursor: int, limit: int, url: str) -> tuple[int, int, int]:
        """After a link's text: step over `](destination "title")` or `][ref]`; return (end, url span)."""
        text = self.text
        if cursor < limit and text[cursor] == "]":
            cursor += 1
        if cursor < limit and text[cursor] == "(":
            depth, pos = 0, cursor
            while pos < limit:
                ch = text[pos]
                if ch == "\\":
                    pos += 2
                    continue
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                pos += 1
            inner_start = cursor + 1
            url_at = text.find(url, inner_start, pos) if url else -1
            url_span = (url_at, url_at + len(url)) if url_at != -1 else (-1, -1)
            return min(pos + 1, limit), url_span[0], url_span[1]
        if cursor < limit and text[cursor] == "[":
            close = text.find("]", cursor, limit)
            if close != -1:
                return close + 1, -1, -1
        return cursor, -1, -1
