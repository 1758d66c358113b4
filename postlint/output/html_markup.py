"""Where an HTML posting's markup is, so the report can show it as a reader sees it.

The report marks violations by their offsets in the source, so an HTML posting cannot be
re-rendered by a browser engine without losing them. Instead its source is kept, and the
markup in it (tags, comments, doctype, script and style elements) is wrapped so the page can
hide it, and each character reference (`&amp;`) so the page can show the character it stands
for. The scan is linear: every search moves forward, and a search that fails is not repeated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from html import escape, unescape

_START = re.compile(r"[<&]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*")
_RAW_TEXT = re.compile(r"<(script|style|template)\b", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True, slots=True)
class Markup:
    """Spans of markup (`char` None) and of character references (`char` what they stand for)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    chars: tuple[str | None, ...]

    def has_prose(self, text: str, start: int, end: int) -> bool:
        """True if [start, end) holds a visible character outside markup (a reference counts)."""
        pos = start
        index = bisect.bisect_right(self.ends, start)
        while pos < end:
            if index < len(self.starts) and self.starts[index] <= pos:
                if self.chars[index] is not None and self.chars[index].strip():  # type: ignore[union-attr]
                    return True
                pos = self.ends[index]
                index += 1
                continue
            stop = min(end, self.starts[index]) if index < len(self.starts) else end
            if text[pos:stop].strip():
                return True
            pos = stop
        return False

    def render(self, text: str, start: int, end: int, visible: object) -> str:
        """[start, end) as HTML: plain text through `visible`, markup and references wrapped."""
        show = visible  # escapes, and labels invisible characters
        out: list[str] = []
        pos = start
        index = bisect.bisect_right(self.ends, start)
        while pos < end:
            if index < len(self.starts) and self.starts[index] <= pos:
                stop = min(end, self.ends[index])
                part = show(text[pos:stop])  # type: ignore[operator]
                char = self.chars[index]
                whole = self.starts[index] == pos and self.ends[index] == stop
                if char is not None and whole:
                    out.append(f'<span class="ent" data-ch="{escape(char)}"><span class="raw">{part}</span></span>')
                else:
                    out.append(f'<span class="mk">{part}</span>')
                pos = stop
                index += 1
                continue
            stop = min(end, self.starts[index]) if index < len(self.starts) else end
            out.append(show(text[pos:stop]))  # type: ignore[operator]
            pos = stop
        return "".join(out)


def find_markup(text: str) -> Markup:
    """The markup and character references of an HTML document, in order."""
    spans: list[tuple[int, int, str | None]] = []
    no_more: dict[str, int] = {}  # a closing string known to be absent from this offset on
    n = len(text)
    lowered: list[str] = []  # the text in lower case, made once if a script or style element needs it

    def find(needle: str, start: int, lower: bool = False) -> int:
        if no_more.get(needle, n + 1) <= start:
            return -1
        if lower and not lowered:
            lowered.append(text.lower())
        found = (lowered[0] if lower else text).find(needle, start)
        if found < 0:
            no_more[needle] = start
        return found

    pos = 0
    while True:
        m = _START.search(text, pos)
        if not m:
            break
        i = m.start()
        if text[i] == "&":
            entity = _ENTITY.match(text, i)
            char = unescape(entity.group()) if entity else ""
            if entity and char != entity.group():  # an unknown name ('&bogus;') is shown as written
                spans.append((i, entity.end(), char))
                pos = entity.end()
            else:
                pos = i + 1
            continue
        if text.startswith("<!--", i):
            close = find("-->", i + 4)
            end = n if close < 0 else close + 3
        elif text.startswith(("<!", "<?"), i):
            close = find(">", i + 2)
            end = n if close < 0 else close + 1
        elif raw := _RAW_TEXT.match(text, i):
            close = find(f"</{raw.group(1).lower()}", i + 1, lower=True)
            if close < 0:
                end = n
            else:
                gt = find(">", close)
                end = n if gt < 0 else gt + 1
        elif _TAG.match(text, i):
            close = find(">", i + 1)
            if close < 0:
                pos = i + 1
                continue
            end = close + 1
        else:
            pos = i + 1
            continue
        spans.append((i, end, None))
        pos = end
    return Markup(tuple(s for s, _, _ in spans), tuple(e for _, e, _ in spans), tuple(c for _, _, c in spans))
