"""Find JSON-LD scripts in an HTML page and parse them with the source position of every value.

The standard library's `json` gives values but not where they are, and a finding about
`validThrough` must point at `validThrough`. This is a small JSON parser over the page's
own text (a script's content is raw text in HTML, so offsets in it are offsets in the
file), bounded in size and nesting because pages are untrusted.
"""

from __future__ import annotations

import json.decoder
import re
from dataclasses import dataclass
from typing import Any

from postlint.regex_store import regex

MAX_SCRIPTS = 16
MAX_SCRIPT_CHARS = 1_000_000
MAX_DEPTH = 64

_SCRIPT = regex(
    r"<script\b[^>]*?\btype\s*=\s*[\"']?\s*application/ld\+json\s*[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_WS = regex(r"[ \t\n\r]*")
_NUMBER = regex(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WRAPPER = regex(r"\s*(?://\s*)?<!\[CDATA\[|\s*<!--")  # old pages wrap scripts in CDATA or comments


class JsonObject(dict[str, Any]):
    """A JSON object that remembers where it is and where each member is: `spans[key]` is
    (key start, value start, value end), offsets into the whole file."""

    __slots__ = ("end", "spans", "start")

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start, self.end = start, start
        self.spans: dict[str, tuple[int, int, int]] = {}


class JsonArray(list[Any]):
    """A JSON array that remembers where it is and where each item is: `spans[i]` is (start, end)."""

    __slots__ = ("end", "spans", "start")

    def __init__(self, start: int) -> None:
        super().__init__()
        self.start, self.end = start, start
        self.spans: list[tuple[int, int]] = []


class JsonError(ValueError):
    """Text that is not JSON, with the offset where reading stopped."""

    def __init__(self, message: str, pos: int) -> None:
        super().__init__(message)
        self.message, self.pos = message, pos


@dataclass(frozen=True, slots=True)
class Script:
    """One `<script type="application/ld+json">`: its content's span and its value, or why it has none."""

    start: int
    end: int
    value: Any = None
    error: str | None = None
    error_at: int = -1


def has_json_ld(text: str) -> bool:
    """A cheap test that a page may hold JSON-LD: most postings have none and pay nothing more."""
    return "+json" in text or "+JSON" in text or "+Json" in text


def find_scripts(text: str) -> list[Script]:
    """Every JSON-LD script of the page (at most MAX_SCRIPTS), parsed; a bad one carries its error."""
    if not has_json_ld(text):
        return []
    found: list[Script] = []
    for m in _SCRIPT.finditer(text):
        if len(found) >= MAX_SCRIPTS:
            break
        start, end = m.span(1)
        if end - start > MAX_SCRIPT_CHARS:
            found.append(Script(start, end, None, f"the script is over {MAX_SCRIPT_CHARS:,} characters", start))
            continue
        try:
            found.append(Script(start, end, parse_json(text, start, end)))
        except JsonError as exc:
            found.append(Script(start, end, None, exc.message, exc.pos))
    return found


def parse_json(text: str, start: int, end: int) -> Any:
    """The JSON value in text[start:end], objects and arrays carrying their positions."""
    wrapper = _WRAPPER.match(text, start, end)
    if wrapper:
        close = "]]>" if "CDATA" in wrapper.group() else "-->"
        tail = text.rfind(close, wrapper.end(), end)
        start = wrapper.end()
        if tail >= 0:
            end = tail - 2 if close == "]]>" and text[tail - 2 : tail] == "//" else tail
    parser = _Parser(text, end)
    pos = parser.skip(start)
    if pos >= end:
        raise JsonError("the script is empty", start)
    value, pos = parser.value(pos, 0)
    pos = parser.skip(pos)
    if pos < end:
        raise JsonError("unexpected text after the JSON value", pos)
    return value


class _Parser:
    __slots__ = ("end", "text")

    def __init__(self, text: str, end: int) -> None:
        self.text, self.end = text, end

    def at(self, pos: int, char: str) -> bool:
        return pos < self.end and self.text[pos] == char

    def skip(self, pos: int) -> int:
        m = _WS.match(self.text, pos, self.end)
        return m.end() if m else pos

    def value(self, pos: int, depth: int) -> tuple[Any, int]:
        if pos >= self.end:
            raise JsonError("the JSON ends too early", min(pos, self.end))
        ch = self.text[pos]
        if ch == "{":
            return self._object(pos, depth + 1)
        if ch == "[":
            return self._array(pos, depth + 1)
        if ch == '"':
            return self._string(pos)
        for word, value in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, pos) and pos + len(word) <= self.end:
                return value, pos + len(word)
        m = _NUMBER.match(self.text, pos, self.end)
        if m:
            number = m.group()
            return (float(number) if any(c in number for c in ".eE") else int(number)), m.end()
        raise JsonError(f"expected a JSON value, found {self.text[pos]!r}", pos)

    def _string(self, pos: int) -> tuple[str, int]:
        close = self.text.find('"', pos + 1, self.end)
        if close < 0:
            raise JsonError("a string is not closed", pos)
        if "\\" not in self.text[pos + 1 : close]:
            value = self.text[pos + 1 : close]  # the common case, without the decoder
            if any(ord(c) < 0x20 for c in value):
                raise JsonError("a control character (such as a line break) inside a string", pos)
            return value, close + 1
        try:
            # The standard library's own string scanner (C-accelerated): exact JSON string rules at C speed.
            value, after = json.decoder.scanstring(self.text, pos + 1, True)  # type: ignore[attr-defined]
        except json.JSONDecodeError as exc:
            raise JsonError(exc.msg, exc.pos) from None
        if after > self.end:
            raise JsonError("a string is not closed", pos)
        return value, after

    def _object(self, pos: int, depth: int) -> tuple[JsonObject, int]:
        if depth > MAX_DEPTH:
            raise JsonError(f"the JSON is nested more than {MAX_DEPTH} levels deep", pos)
        obj = JsonObject(pos)
        pos = self.skip(pos + 1)
        if self.at(pos, "}"):
            obj.end = pos + 1
            return obj, pos + 1
        while True:
            if self.at(pos, "}"):
                raise JsonError("a trailing comma is not allowed", pos)
            if not self.at(pos, '"'):
                raise JsonError("expected a property name in double quotes", pos)
            key_start = pos
            key, pos = self._string(pos)
            pos = self.skip(pos)
            if not self.at(pos, ":"):
                raise JsonError("expected ':' after a property name", pos)
            pos = self.skip(pos + 1)
            value_start = pos
            value, pos = self.value(pos, depth)
            obj[key] = value
            obj.spans[key] = (key_start, value_start, pos)
            pos = self.skip(pos)
            if self.at(pos, ","):
                pos = self.skip(pos + 1)
                continue
            if self.at(pos, "}"):
                obj.end = pos + 1
                return obj, pos + 1
            raise JsonError("expected ',' or '}' after a property", pos)

    def _array(self, pos: int, depth: int) -> tuple[JsonArray, int]:
        if depth > MAX_DEPTH:
            raise JsonError(f"the JSON is nested more than {MAX_DEPTH} levels deep", pos)
        arr = JsonArray(pos)
        pos = self.skip(pos + 1)
        if self.at(pos, "]"):
            arr.end = pos + 1
            return arr, pos + 1
        while True:
            if self.at(pos, "]"):
                raise JsonError("a trailing comma is not allowed", pos)
            start = pos
            value, pos = self.value(pos, depth)
            arr.append(value)
            arr.spans.append((start, pos))
            pos = self.skip(pos)
            if self.at(pos, ","):
                pos = self.skip(pos + 1)
                continue
            if self.at(pos, "]"):
                arr.end = pos + 1
                return arr, pos + 1
            raise JsonError("expected ',' or ']' after an item", pos)
