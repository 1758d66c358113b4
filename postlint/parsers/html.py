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

from postlint.document import CODE, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, DocumentDraft, Link
from postlint.parsers.common import EMAIL, bare_urls, mask
from postlint.regex_store import regex


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


_BLOCK = _names(  # elements that start and end blocks; all others are inline
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure"
    " footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol p pre section summary"
    " table tbody td tfoot th thead title tr ul"
)
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_SKIP = _names("script style template noscript svg")  # never visible prose
_HEAD_OK = _names("title meta link style script base noscript template")
_INLINE_CODE = _names("code kbd samp tt")
# Page chrome (`Block.chrome`): a site's navigation, wherever it is; its footer, outside the `<article>`,
# `<main>` or `<section>` that holds the posting (a footer inside an article is the posting's own); and
# its banner and sidebars outside that holder, on a page that has one (on a page without, a `<header>` at
# the top is as likely the job's title and place). ARIA roles say the same of a `<div>`, and so do the ids
# and classes older pages give their `<div>`s.
_ALWAYS, _OUTSIDE, _MARKED = "always", "outside the holder", "outside the holder, where there is one"
_CHROME_TAGS = {"nav": _ALWAYS, "footer": _OUTSIDE, "header": _MARKED, "aside": _MARKED}
_CHROME_ROLES = {"navigation": _ALWAYS, "search": _ALWAYS, "contentinfo": _OUTSIDE}
_CHROME_ROLES.update(dict.fromkeys(("banner", "complementary"), _MARKED))
_CHROME_NAMES = dict.fromkeys(("nav", "navbar", "navigation", "site-nav", "breadcrumb", "breadcrumbs"), _ALWAYS)
_CHROME_NAMES.update(dict.fromkeys(("footer", "site-footer", "page-footer", "global-footer"), _OUTSIDE))
_CHROME_NAMES.update(dict.fromkeys(("site-header", "sidebar", "cookie-banner", "cookie-consent"), _MARKED))
_HOLDS_POSTING = ("article", "main", "section")
_HOLDER = regex(r"""<(?:main|article)[\s>]|\srole\s*=\s*["']?(?:main|article)\b""", re.IGNORECASE)
_KINDS = {"li": LIST_ITEM, "td": TABLE_CELL, "th": TABLE_CELL, "pre": CODE}
_KINDS.update({f"h{n}": HEADING for n in range(1, 7)})
# Opening a block closes these when they are the innermost block, as browsers do (any block closes <p>).
_IMPLIED = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "td": {"td", "th"}, "th": {"td", "th"}}
_IMPLIED["tr"] = {"tr", "td", "th"}
_CLOSES = {tag: frozenset(_IMPLIED.get(tag, set()) | {"p"}) for tag in _BLOCK}
_NEWLINE = regex("\n")
_ENTITY_AT_END = regex(r"&(?:[a-zA-Z][-.a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+)")
_LINK_HINT = regex(r"://|www\.|@")
_URL_CHAR = regex(r"[^\s<>\"'`]")  # an entity that may sit inside a bare URL, like &amp;
_TAG_NAME = regex(r"<[a-zA-Z][^\t\n\r\f />\x00]*(?:\s|/(?!>))*")
_ATTR = regex(r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*""")
_TEXT, _CODE, _ENT, _BLANK = range(4)  # segment kinds: prose, masked code, masked entity, blank entity


class _Text:
    """Raw text of a title, h1 or link, the span of its non-blank part, and for an `<a href>`,
    `link`: its tag's start and end, its URL and the URL's span (-1 if not in the source verbatim)."""

    __slots__ = ("end", "link", "parts", "start")

    def __init__(self, link: tuple[int, int, str, int, int] = (-1, -1, "", -1, -1)) -> None:
        self.parts: list[str] = []
        self.start = self.end = -1
        self.link = link

    def add(self, off: int, raw: str, content: bool) -> None:
        self.parts.append(raw)
        if content:
            if self.start < 0:
                self.start = off + len(raw) - len(raw.lstrip())
            self.end = off + len(raw.rstrip())

    def value(self) -> str:
        return " ".join(html.unescape("".join(self.parts)).split())


def _href_span(tag_text: str, url: str) -> tuple[int, int] | None:
    """Where `url` sits verbatim in the first href of a start tag (scanned as HTMLParser does)."""
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
    """Tracks open elements and the block being built; handlers place text with `getpos()`."""

    def __init__(self, doc: DocumentDraft, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.doc, self.text, self.limit = doc, doc.text, end
        self.newlines = [m.end() for m in _NEWLINE.finditer(doc.text, start, end)]
        self.base, self.base_line = start, 0
        self.stack: list[str] = []
        self.open: dict[str, int] = {}
        self.open_blocks: list[str] = []
        self.kinds: list[str] = []
        self.skip = self.code = 0
        self.segs: list[tuple[int, str, int, bool]] = []  # (offset, raw text, segment kind, inside <a>)
        self.bstart = self.bend = -1
        self.bkind, self.blevel, self.bquoted, self.bchrome = PARAGRAPH, 0, False, False
        self.chrome_depths: list[int] = []  # stack depths at which page chrome was opened
        self.holder_depths: list[int] = []  # ... and an element with the role of the page's main content
        self.has_holder = _HOLDER.search(doc.text, start, end) is not None  # a <main> or <article>
        self.has_text = self.has_code = self.url_hint = False
        self.title: _Text | None = None
        self.h1: _Text | None = None
        self.anchor: _Text | None = None
        self.found: dict[str, tuple[str, int, int]] = {}
        self.links: list[Link] = []

    def restart(self, pos: int) -> None:
        """Start a fresh tokenizer at `pos`, keeping the element and block state."""
        self.reset()
        self.base, self.base_line = pos, bisect.bisect_right(self.newlines, pos)

    def tell(self) -> int:
        """The absolute offset of the token being handled (getpos() counts from `base`)."""
        line, col = self.getpos()
        if line == 1:
            return self.base + col
        i = self.base_line + line - 2
        return self.newlines[i] + col if 0 <= i < len(self.newlines) else -1

    def resume(self) -> int:
        """Drain the tokenizer; return where a fresh one must start, or `limit` when done.

        HTMLParser stops at a '&#' that is no character reference (then dumps the rest as text)
        and at a tag that never ends (then recovers in quadratic time): step over both instead.
        """
        stop = -1
        while self.tell() != stop:  # after consuming a bad '&#' it stops; feeding nothing resumes it
            stop = self.tell()
            self.feed("")
        if 0 <= stop < self.limit - 1 and self.cdata_elem is None:
            if _ENTITY_AT_END.fullmatch(self.text, stop, self.limit):  # '&amp' cut off by the region's end
                self._entity(stop, self.text[stop : self.limit])
                return self.limit
            if self.text.startswith("&#", stop):
                self._data(stop, "&#", _TEXT)
                return stop + 2
            if self.text[stop] == "<":
                return self.skip_construct(stop)
        self.close()
        return self.limit

    def skip_construct(self, stop: int) -> int:
        """Where to resume after a construct HTMLParser cannot finish; it stays masked."""
        gt = -1 if self.text.startswith("<!--", stop) else self.text.find(">", stop + 1, self.limit)
        return gt + 1 if gt >= 0 else self.limit

    def handle_data(self, data: str) -> None:
        off = self.tell()
        if data and off >= 0 and off + len(data) <= self.limit and self.text.startswith(data, off):
            self._data(off, data, _TEXT)

    def handle_entityref(self, name: str) -> None:
        self._entity(self.tell(), "&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity(self.tell(), "&#" + name)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HEAD_OK and self.open.get("head"):
            self._close("head")
        if tag in _BLOCK:
            self._flush()
            closes, blocks = _CLOSES[tag], self.open_blocks
            while blocks and blocks[-1] in closes:
                self._close(blocks[-1])
        elif tag == "br":
            self._separate()
        elif tag == "a":
            self._end_anchor(-1)  # an <a> inside an <a> closes the first, as browsers do
            hrefs = [value for name, value in attrs if name == "href"]
            if hrefs and not self.skip:
                self._start_anchor((hrefs[0] or "").strip())
        if tag not in _VOID:
            self._push(tag, *self._page_part(tag, attrs))

    def _page_part(self, tag: str, attrs: list[tuple[str, str | None]]) -> tuple[bool, bool]:
        """Whether the element opened now is page chrome (see `_CHROME_TAGS`), and whether it holds the
        posting (`<div role="main">`; `_HOLDS_POSTING` are tracked by name)."""
        kinds = {_CHROME_TAGS.get(tag)}
        holder = False
        for name, value in attrs:
            if value and name == "role":
                role = value.strip().lower()
                kinds.add(_CHROME_ROLES.get(role))
                holder = holder or role in ("main", "article")
            elif value and name in ("id", "class"):
                kinds.update(_CHROME_NAMES.get(word) for word in value.lower().split())
        if _ALWAYS in kinds:
            return True, False
        if _OUTSIDE in kinds or (_MARKED in kinds and self.has_holder):
            inside = self.holder_depths or any(self.open.get(name) for name in _HOLDS_POSTING)
            return not inside, holder
        return False, holder

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        off, tag_text = self.tell(), self.get_starttag_text() or ""
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:  # '<div/>' is taken as empty, so a stray '/>' cannot swallow the page
            self._end(tag, off + len(tag_text) if tag_text and self.text.startswith(tag_text, off) else -1)

    def handle_endtag(self, tag: str) -> None:
        off = self.tell()
        gt = self.text.find(">", off, self.limit) if off >= 0 and self.text.startswith("</", off) else -1
        self._end(tag, gt + 1 if gt >= 0 else -1)

    def _end(self, tag: str, end: int) -> None:
        if tag in _BLOCK:
            self._flush()
        elif tag == "a":
            self._end_anchor(end)
        self._close(tag)

    def _push(self, tag: str, chrome: bool = False, holder: bool = False) -> None:
        if tag in _BLOCK or chrome:
            self._flush()
        if chrome:
            self.chrome_depths.append(len(self.stack))
        if holder:
            self.holder_depths.append(len(self.stack))
        if tag in _BLOCK:
            self.open_blocks.append(tag)
            if tag in _KINDS:
                self.kinds.append(tag)
            if (
                tag in ("title", "h1")
                and getattr(self, tag) is None
                and tag not in self.found
                and not self.skip
                and not (tag == "h1" and self.chrome_depths)  # a site's logo in an <h1> names no job
            ):
                setattr(self, tag, _Text())  # the first title, and the first h1 in case there is none
        elif tag in _SKIP:
            self.skip += 1
        elif tag in _INLINE_CODE:
            self.code += 1
        self.stack.append(tag)
        self.open[tag] = self.open.get(tag, 0) + 1

    def _pop(self) -> str:
        tag = self.stack.pop()
        self.open[tag] -= 1
        if self.chrome_depths and self.chrome_depths[-1] == len(self.stack):
            self._flush()
            self.chrome_depths.pop()
        if self.holder_depths and self.holder_depths[-1] == len(self.stack):
            self.holder_depths.pop()
        if tag in _BLOCK:
            self._flush()
            self.open_blocks.pop()
            if tag in _KINDS:
                self.kinds.pop()
            collected = self.title if tag == "title" else self.h1 if tag == "h1" else None
            if collected is not None and not self.open[tag]:
                if collected.start >= 0:
                    self.found[tag] = (collected.value(), collected.start, collected.end)
                setattr(self, tag, None)
        elif tag in _SKIP:
            self.skip -= 1
        elif tag in _INLINE_CODE:
            self.code -= 1
        return tag

    def _close(self, tag: str) -> None:
        """Pop up to and including the innermost open `tag`; a stray end tag does nothing."""
        if self.open.get(tag):
            while self.stack and self._pop() != tag:
                pass

    def _start_anchor(self, url: str) -> None:
        off, tag_text = self.tell(), self.get_starttag_text() or ""
        if off < 0 or not tag_text or not self.text.startswith(tag_text, off):
            return  # the tag cannot be placed exactly: no link rather than a misplaced one
        span = _href_span(tag_text, url)
        us, ue = (off + span[0], off + span[1]) if span else (-1, -1)
        self.anchor = _Text((off, off + len(tag_text), url, us, ue))

    def _end_anchor(self, end: int) -> None:
        a, self.anchor = self.anchor, None
        if a is not None:
            start, tag_end, url, us, ue = a.link
            end = end if end >= 0 else max(tag_end, a.end)  # unclosed: up to its last text
            self.links.append(Link(url, a.value(), start, end, us, ue))

    def _entity(self, off: int, raw: str) -> None:
        if off < 0 or not self.text.startswith(raw, off):
            return
        if off + len(raw) < self.limit and self.text[off + len(raw)] == ";":
            raw += ";"
        value = html.unescape(raw)  # unknown names, as in "AT&T", are shown literally by browsers
        self._data(off, raw, _TEXT if value == raw else _BLANK if value.isspace() else _ENT)

    def _data(self, off: int, raw: str, kind: int) -> None:
        opened = self.open
        if self.skip:
            return
        if opened.get("head") and not opened.get("title"):
            if kind != _TEXT or raw.isspace():
                return
            self._close("head")  # text in <head> starts the body, as browsers do
        content = kind == _ENT or (kind == _TEXT and not raw.isspace())
        if opened.get("title"):
            if self.title is not None:
                self.title.add(off, raw, content)
            return
        if self.h1 is not None:
            self.h1.add(off, raw, content)
        if self.anchor is not None:
            self.anchor.add(off, raw, content)
        if kind == _TEXT and (self.code or opened.get("pre")):
            kind = _CODE
        if self.bstart < 0:
            if not content:
                return
            self.bstart = off + len(raw) - len(raw.lstrip())
            tag = self.kinds[-1] if self.kinds else "p"
            if tag in ("td", "th") and self.open_blocks[-1] not in ("td", "th"):
                tag = "p"  # a <p> or <div> inside a (layout) table cell is a paragraph
            self.bkind = _KINDS.get(tag, PARAGRAPH)
            self.blevel = int(tag[1]) if self.bkind == HEADING else 0
            self.bquoted = bool(opened.get("blockquote"))
            self.bchrome = bool(self.chrome_depths)
        if content:
            self.bend = off + len(raw.rstrip())
            self.has_text = self.has_text or kind == _TEXT
            self.has_code = self.has_code or kind == _CODE
        if kind == _TEXT and not self.url_hint:
            self.url_hint = _LINK_HINT.search(raw) is not None
        self.segs.append((off, raw, kind, self.anchor is not None))

    def _separate(self) -> None:
        """Text on both sides of a block boundary or <br> is two words in a title or link text."""
        for collector in (self.title, self.h1, self.anchor):
            if collector is not None:
                collector.parts.append(" ")

    def _flush(self) -> None:
        """Emit the block being built: its prose is the source with all but text masked."""
        if self.anchor is not None or self.h1 is not None or self.title is not None:
            self._separate()
        if self.bstart < 0:
            return
        segs, bs, be = self.segs, self.bstart, self.bend
        kind = CODE if self.has_code and not self.has_text else self.bkind
        hint = self.url_hint
        self.segs, self.bstart, self.has_text, self.has_code, self.url_hint = [], -1, False, False, False
        if kind == CODE:
            self.doc.blocks.append(
                Block(CODE, bs, be, mask(self.text[bs:be]), quoted=self.bquoted, chrome=self.bchrome)
            )
            return
        prose = self._compose(segs, bs, be, urls=False)
        if hint:  # URLs are found in a view that keeps "&amp;" and the like, then masked in prose
            anchored = [(max(off, bs), off + len(raw)) for off, raw, _, in_a in segs if in_a]
            prose = self._bare_urls(prose, self._compose(segs, bs, be, urls=True), bs, anchored)
        if prose.strip():
            self.doc.blocks.append(Block(kind, bs, be, prose, self.blevel, quoted=self.bquoted, chrome=self.bchrome))

    def _compose(self, segs: list[tuple[int, str, int, bool]], bs: int, be: int, urls: bool) -> str:
        parts: list[str] = []
        pos, text = bs, self.text
        for off, raw, kind, _ in segs:
            keep = kind == _TEXT or (urls and kind == _ENT and _URL_CHAR.fullmatch(html.unescape(raw)) is not None)
            s, e = max(off, bs), min(off + len(raw), be)
            if keep and s < e:
                if s > pos:
                    parts.append(mask(text[pos:s]))
                parts.append(text[s:e])
                pos = e
        if pos < be:
            parts.append(mask(text[pos:be]))
        return "".join(parts)

    def _bare_urls(self, prose: str, view: str, bs: int, anchored: list[tuple[int, int]]) -> str:
        """Mask bare URLs and e-mail addresses in prose; those outside <a> text also become links."""
        hits: list[tuple[int, int, str]] = []
        for at, url in bare_urls(view):
            if len(url) > (4 if url[:4].lower() == "www." else url.find("://") + 3):
                hits.append((at, at + len(url), ""))
        for m in EMAIL.finditer(view):
            if not any(a < m.end() and m.start() < b for a, b, _ in hits):
                hits.append((m.start(), m.end(), "mailto:"))
        starts = [s for s, _ in anchored]
        pieces: list[str] = []
        last = 0
        for s, e, scheme in sorted(hits):
            pieces += [prose[last:s], mask(prose[s:e])]
            last = e
            i = bisect.bisect_right(starts, bs + s) - 1
            if i < 0 or bs + s >= anchored[i][1]:  # a URL written as <a> text already has its link
                raw = view[s:e]
                value = html.unescape(raw)
                span = (bs + s, bs + e) if value == raw else (-1, -1)  # "&amp;" is not the URL verbatim
                self.links.append(Link(scheme + value, value, bs + s, bs + e, *span))
        pieces.append(prose[last:])
        return "".join(pieces)

    def finish(self) -> None:
        self._end_anchor(-1)
        while self.stack:
            self._pop()
        self._flush()
        found = _posting_title(self.found.get("title"), self.found.get("h1"))
        if found and self.doc.title is None:
            self.doc.title, self.doc.title_start, self.doc.title_end = found
        self.doc.links.extend(sorted(self.links, key=lambda link: (link.start, link.end)))


_Found = tuple[str, int, int]  # a title's text and its span in the source


def _posting_title(title: _Found | None, h1: _Found | None) -> _Found | None:
    """The page's `<title>`, or its first `<h1>` when the title only dresses that up ("Job Application for
    Data Engineer at Acme" around "Data Engineer"): the heading is then the role itself. An `<h1>` that
    names no role (the company's name) never replaces the title."""
    if title is None or h1 is None:
        return title or h1
    heading, whole = " ".join(h1[0].casefold().split()), " ".join(title[0].casefold().split())
    if heading and heading != whole and heading in whole:
        from postlint.facts.view import names_a_role

        if names_a_role(h1[0]):
            return h1
    return title


def parse_html(doc: DocumentDraft, start: int = 0, end: int | None = None) -> None:
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
            pos = max(builder.skip_construct(max(builder.tell(), pos)), pos + 1)
    builder.finish()
