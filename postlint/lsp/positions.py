"""Offsets in code points (postlint) to LSP line/character positions, in the negotiated encoding.

LSP counts characters in UTF-16 code units unless client and server agree on UTF-8 or
UTF-32; postlint counts code points. An emoji is one code point but two UTF-16 units
and four UTF-8 bytes, so a column copied across unconverted lands inside a character on
exactly the lines (emoji, mojibake) where postlint has something to say. Lines end at
'\\n', '\\r\\n' or a lone '\\r', as the protocol defines them.
"""

from __future__ import annotations

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_BREAK = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    """How many code units of `encoding` the text takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))


class PositionMap:
    """Converts between code-point offsets into one text and (line, character) in one encoding."""

    __slots__ = ("_encoding", "_starts", "_text")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self._text = text
        self._encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self._starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        if (
            offset > start
            and self._text[offset - 1] == "\r"
            and offset < len(self._text)
            and self._text[offset] == "\n"
        ):
            offset -= 1  # between '\r' and '\n' is not a place in the line; keep to its end
        return line, _units(self._text[start:offset], self._encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of a 0-based (line, character); past the end of a line means its end."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self._text)
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
        content = _BREAK.sub("", self._text[start:end])
        units = 0
        for index, ch in enumerate(content):
            if units >= character:
                return start + index
            units += _units(ch, self._encoding)
        return start + len(content)

    def offset_of_column(self, line: int, column: int) -> int:
        """The offset of a 0-based line and a column counted in code points (as YAML marks count)."""
        if line >= len(self._starts):
            return len(self._text)
        start = self._starts[max(line, 0)]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
        return min(start + max(column, 0), end)

    @property
    def end(self) -> tuple[int, int]:
        """The position just after the last character."""
        return self.position(len(self._text))
