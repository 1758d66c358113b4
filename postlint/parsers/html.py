"""Parse HTML postings into blocks, links and a title with exact source offsets.

Only the standard library's tolerant `HTMLParser` is used, with
`convert_charrefs=False` so that every `handle_data` string is verbatim source.
Each piece is placed with `getpos()` and checked against the text; anything
that cannot be placed exactly is masked rather than guessed.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, Link
from postlint.parsers.common import BARE_URL, EMAIL, mask

_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir"}
    | {"div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section"}
    | {"summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_SKIP = frozenset({"script", "style", "template", "noscript", "svg"})  # never visible prose
_HEAD_OK = frozenset({"title", "meta", "link", "style", "script", "base", "noscript", "template"})
_INLINE_CODE = frozenset({"code", "kbd", "samp", "tt"})
_KINDS = {"li": LIST_ITEM, "td": TABLE_CELL, "th": TABLE_CELL, "pre": CODE}
_KINDS.update({f"h{n}": HEADING for n in range(1, 7)})
# A start tag closes an open element of these kinds when it is the innermost block, as browsers do.
_IMPLIED = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "td": {"td", "th"}}
_IMPLIED.update({"th": _IMPLIED["td"], "tr": {"tr", "td", "th"}})
_LINK_HINT = re.compile(r"://|www\.|@")
_URL_CHAR = re.compile(r"[^\s<>\"'`]")  # an entity that can sit inside a bare URL, like &amp;
_TRAILING = ".,;:!?'\")]}*_"  # as in parsers.common, so every format trims URLs alike
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTR = re.compile(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")
_TEXT, _CODE, _ENT, _BLANK = range(4)  # segment kinds: prose, masked code, masked entity, blank entity


class _Text:
    """Raw pieces of an element's text (title, h1, anchor) and the span of its non-blank part."""

    __slots__ = ("end", "parts", "start")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.start = self.end = -1

    def add(self, off: int, raw: str, content: bool) -> None:
        self.parts.append(raw)
        if content:
            if self.start < 0:
                self.start = off + len(raw) - len(raw.lstrip())
            self.end = off + len(raw.rstrip())

    def value(self) -> str:
        return " ".join(html.unescape("".join(self.parts)).split())


def _href_span(tag_text: str, url: str) -> tuple[int, int] | None:
    """Where `url` sits verbatim in the first href of a start tag (mirrors HTMLParser's scan)."""
    name = _TAG_NAME.match(tag_text)
    k = name.end() if name else len(tag_text)
    while k < len(tag_text):
        m = _ATTR.match(tag_text, k)
        if not m or m.end() == k:
            return None
        if m.group(1).lower() == "href":
            value, vs = m.group(3), m.start(3)
            if value is None or not m.group(2):
                return None
            if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
                value, vs = value[1:-1], vs + 1
            vs += len(value) - len(value.lstrip())
            return (vs, vs + len(url)) if value.strip() == url else None
        k = m.end()
    return None


class _Builder(HTMLParser):
    """Tracks open elements and the block being built; handlers place text by `getpos()`."""

    def __init__(self, doc: Document, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.doc, self.text, self.limit = doc, doc.text, end
        newlines, find = [], doc.text.find
        pos = find("\n", start, end)
        while pos != -1:
            newlines.append(pos + 1)
            pos = find("\n", pos + 1, end)
        self.newlines, self.base, self.base_line = newlines, start, 0
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.open_blocks: list[str] = []
        self.kinds: list[str] = []
        self.skip = self.code = 0
        self.segs: list[tuple[int, str, int, bool]] = []
        self.bstart = self.bend = -1
        self.bkind, self.blevel, self.bquoted = PARAGRAPH, 0, False
        self.has_text = self.has_code = self.url_hint = False
        self.title: _Text | None = None
        self.h1: _Text | None = None
        self.found: dict[str, tuple[str, int, int]] = {}
        self.anchor: tuple[int, int, str, int, int, _Text] | None = None
        self.links: list[Link] = []

    def restart(self, pos: int) -> None:
        """Start a fresh tokenizer at `pos`, keeping the element and block state."""
        self.reset()
        self.base, self.base_line = pos, bisect.bisect_right(self.newlines, pos)

    def tell(self) -> int:
        """The absolute offset of the token being handled (getpos() is relative to `base`)."""
        line, col = self.getpos()
        if line == 1:
            return self.base + col
        i = self.base_line + line - 2
        return self.newlines[i] + col if 0 <= i < len(self.newlines) else -1

    def resume(self) -> int:
        """Finish the tokenizer; return where a fresh one must restart, or `limit` when done."""
        while True:  # HTMLParser stops after a bad '&#'; feeding nothing resumes it
            before = self.tell()
            self.feed("")
            if self.tell() == before:
                break
        stop = self.tell()
        if 0 <= stop < self.limit and self.cdata_elem is None and self.text.startswith("&#", stop):
            self._data(stop, "&#", _TEXT)  # it would dump the rest as text; step over it instead
            return stop + 2
        self.close()
        return self.limit

    # -- HTMLParser callbacks ------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        off = self.tell()
        if data and off >= 0 and self.text.startswith(data, off) and off + len(data) <= self.limit:
            self._data(off, data, _TEXT)

    def handle_entityref(self, name: str) -> None:
        self._entity(self.tell(), "&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity(self.tell(), "&#" + name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.open.get("head") and tag not in _HEAD_OK:
            self._close("head")
        if tag in _BLOCK:
            self._flush()
            implied = _IMPLIED.get(tag, set()) | {"p"}
            while self.open_blocks and self.open_blocks[-1] in implied:
                self._close(self.open_blocks[-1])
        if tag == "br":
            self._separate()
        if tag == "a":
            self._end_anchor(-1)  # an <a> inside an <a> closes the first, as browsers do
            hrefs = [value for name, value in attrs if name == "href"]
            if hrefs and not self.skip:
                self._start_anchor(self.tell(), (hrefs[0] or "").strip())
        if tag not in _VOID:
            self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        off, tag_text = self.tell(), self.get_starttag_text() or ""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # <div/> is an empty element here, so '/>' cannot swallow the page
            self._end(tag, off + len(tag_text) if self.text.startswith(tag_text, off) else -1)

    def handle_endtag(self, tag: str) -> None:
        off = self.tell()
        gt = self.text.find(">", off, self.limit) if self.text.startswith("</", off) else -1
        self._end(tag, gt + 1 if gt >= 0 else -1)

    # -- element state -----------------------------------------------------------------

    def _push(self, tag: str) -> None:
        if tag in _BLOCK:
            self._flush()
            self.open_blocks.append(tag)
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1
        self.kinds += [tag] if tag in _KINDS else []
        self.skip += tag in _SKIP
        self.code += tag in _INLINE_CODE
        if tag == "title" and self.title is None and "title" not in self.found and not self.skip:
            self.title = _Text()
        if tag == "h1" and self.h1 is None and "h1" not in self.found and not self.skip:
            self.h1 = _Text()

    def _pop(self) -> str:
        tag = self.stack.pop()
        self.open[tag] -= 1
        if tag in _BLOCK:
            self._flush()
            self.open_blocks.pop()
        if tag in _KINDS:
            self.kinds.pop()
        self.skip -= tag in _SKIP
        self.code -= tag in _INLINE_CODE
        for name in ("title", "h1"):
            collected = getattr(self, name)
            if tag == name and collected is not None and not self.open[name]:
                if collected.start >= 0:
                    self.found[name] = (collected.value(), collected.start, collected.end)
                setattr(self, name, None)
        return tag

    def _close(self, tag: str) -> None:
        """Pop up to and including the innermost open `tag`; a stray end tag does nothing."""
        if self.open.get(tag):
            while self.stack and self._pop() != tag:
                pass

    def _end(self, tag: str, end: int) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag == "a":
            self._end_anchor(end)
        self._close(tag)

    def _start_anchor(self, off: int, url: str) -> None:
        tag_text = self.get_starttag_text() or ""
        if not tag_text or not self.text.startswith(tag_text, off):
            return  # cannot place the tag exactly: no link rather than a guessed one
        span = _href_span(tag_text, url)
        us, ue = (off + span[0], off + span[1]) if span else (-1, -1)
        self.anchor = (off, off + len(tag_text), url, us, ue, _Text())

    def _end_anchor(self, end: int) -> None:
        if self.anchor is None:
            return
        start, tag_end, url, us, ue, text = self.anchor
        self.anchor = None
        end = end if end >= 0 else max(tag_end, text.end)
        self.links.append(Link(url, text.value(), start, end, us, ue))

    # -- text and blocks ---------------------------------------------------------------

    def _entity(self, off: int, raw: str) -> None:
        if off < 0 or not self.text.startswith(raw, off):
            return
        if self.text.startswith(";", off + len(raw)) and off + len(raw) < self.limit:
            raw += ";"
        value = html.unescape(raw)
        kind = _TEXT if value == raw else _BLANK if value.isspace() else _ENT
        self._data(off, raw, kind)  # unknown names like "AT&T" are shown literally by browsers

    def _data(self, off: int, raw: str, kind: int) -> None:
        if self.skip:
            return
        if self.open.get("head") and not self.open.get("title"):
            if kind != _TEXT or raw.isspace():
                return
            self._close("head")  # text in <head> starts the body, as browsers do
        content = kind == _ENT or (kind == _TEXT and not raw.isspace())
        if self.open.get("title"):
            if self.title is not None:
                self.title.add(off, raw, content)
            return
        for collector in (self.h1, self.anchor[5] if self.anchor else None):
            if collector is not None:
                collector.add(off, raw, content)
        if kind == _TEXT and (self.code or self.open.get("pre")):
            kind = _CODE
        if self.bstart < 0:
            if not content:
                return
            self.bstart = off + len(raw) - len(raw.lstrip())
            tag = self.kinds[-1] if self.kinds else "p"
            self.bkind = _KINDS.get(tag, PARAGRAPH)
            self.blevel = int(tag[1]) if self.bkind == HEADING else 0
            self.bquoted = bool(self.open.get("blockquote"))
        if content:
            self.bend = off + len(raw.rstrip())
            self.has_text |= kind == _TEXT
            self.has_code |= kind == _CODE
        self.url_hint |= kind == _TEXT and _LINK_HINT.search(raw) is not None
        self.segs.append((off, raw, kind, self.anchor is not None))

    def _separate(self) -> None:
        """Text on both sides of a block boundary or <br> is two words in a title or link text."""
        for collector in (self.title, self.h1, self.anchor[5] if self.anchor else None):
            if collector is not None:
                collector.parts.append(" ")

    def _flush(self) -> None:
        """Emit the block being built (prose = source with everything but text masked)."""
        self._separate()
        if self.bstart < 0:
            return
        segs, bs, be, text = self.segs, self.bstart, self.bend, self.text
        kind = CODE if self.has_code and not self.has_text else self.bkind
        url_hint = self.url_hint
        self.segs, self.bstart, self.has_text, self.has_code, self.url_hint = [], -1, False, False, False
        if kind == CODE:
            self.doc.blocks.append(Block(CODE, bs, be, mask(text[bs:be]), quoted=self.bquoted))
            return
        prose: list[str] = []
        view: list[str] = []  # prose plus URL-safe entities such as &amp;, for finding URLs
        anchored: list[tuple[int, int]] = []
        pos = bs
        for off, raw, seg_kind, in_anchor in segs:
            s, e = max(off, bs), min(off + len(raw), be)
            if s >= e:
                continue
            if s > pos:
                gap = mask(text[pos:s])
                prose.append(gap)
                view.append(gap)
            piece = raw[s - off : e - off]
            prose.append(piece if seg_kind == _TEXT else mask(piece))
            url_safe = seg_kind == _ENT and _URL_CHAR.fullmatch(html.unescape(raw)) is not None
            view.append(piece if seg_kind == _TEXT or url_safe else mask(piece))
            if in_anchor:
                anchored.append((s, e))
            pos = e
        prose.append(mask(text[pos:be]))
        result = "".join(prose)
        if url_hint:
            result = self._bare_urls(result, "".join(view), bs, anchored)
        if result.strip():
            self.doc.blocks.append(Block(kind, bs, be, result, self.blevel, quoted=self.bquoted))

    def _bare_urls(self, prose: str, view: str, bs: int, anchored: list[tuple[int, int]]) -> str:
        """Mask bare URLs and e-mail addresses in prose; those outside <a> text also become links."""
        hits: list[tuple[int, int, str]] = []
        for m in BARE_URL.finditer(view):
            url = m.group()
            while url and url[-1] in _TRAILING and (url[-1] != ")" or url.count(")") > url.count("(")):
                url = url[:-1]
            if len(url) > (4 if url[:4].lower() == "www." else url.find("://") + 3):
                hits.append((m.start(), m.start() + len(url), ""))
        for m in EMAIL.finditer(view):
            if not any(a <= m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), "mailto:"))
        starts = [s for s, _ in anchored]
        pieces, last = [], 0
        for s, e, scheme in sorted(hits):
            pieces += [prose[last:s], mask(prose[s:e])]
            last = e
            i = bisect.bisect_right(starts, bs + s) - 1
            if i < 0 or bs + s >= anchored[i][1]:  # URLs written as <a> text already have their link
                raw = view[s:e]
                value = html.unescape(raw)
                us, ue = (bs + s, bs + e) if value == raw else (-1, -1)  # "&amp;" is not the URL verbatim
                self.links.append(Link(scheme + value, value, bs + s, bs + e, us, ue))
        pieces.append(prose[last:])
        return "".join(pieces)

    def finish(self) -> None:
        self._end_anchor(-1)
        while self.stack:
            self._pop()
        self._flush()
        found = self.found.get("title") or self.found.get("h1")
        if found and self.doc.title is None:
            self.doc.title, self.doc.title_start, self.doc.title_end = found
        self.doc.links.extend(sorted(self.links, key=lambda link: (link.start, link.end)))


def parse_html(doc: Document, start: int = 0, end: int | None = None) -> None:
    """Parse doc.text[start:end] as HTML and append its blocks and links to doc."""
    text = doc.text
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    builder = _Builder(doc, start, end)
    pos = start
    while pos < end:
        builder.restart(pos)
        try:
            builder.feed(text[pos:end])
            pos = builder.resume()
        except Exception:  # HTMLParser raises AssertionError on some bogus '<![' declarations
            stop = max(builder.tell(), pos)
            gt = text.find(">", stop, end)
            pos = max(gt + 1 if gt >= 0 else end, pos + 1)  # mask the construct and go on
    builder.finish()
