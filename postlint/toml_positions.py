"""Where each key and array item of a TOML document is, so config errors name their line.

tomllib gives values without positions. The document has already been parsed by tomllib
when this runs, so it is valid TOML: this walk only has to find where things start,
not to judge them. Paths are tuples of keys and array indices, like pydantic's error paths.
"""

from __future__ import annotations

import contextlib
import re

Path = tuple[str | int, ...]
_BARE = re.compile(r"[A-Za-z0-9_-]+")


class _Walk:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.marks: dict[Path, tuple[int, int]] = {}
        self.tables: dict[Path, int] = {}

    def position(self, offset: int) -> tuple[int, int]:
        line_start = self.text.rfind("\n", 0, offset) + 1
        return self.text.count("\n", 0, offset) + 1, offset - line_start + 1

    def peek(self, n: int = 1) -> str:
        return self.text[self.at : self.at + n]

    def blank(self, newlines: bool) -> None:
        """Skip spaces and comments (and line breaks, where the grammar allows them)."""
        while self.at < len(self.text):
            ch = self.text[self.at]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.at += 1
            elif ch == "#":
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return

    def string(self) -> str:
        quote = self.peek()
        if self.peek(3) == quote * 3:
            end = self.text.find(quote * 3, self.at + 3)
            while self.text.startswith(quote, end + 3):  # up to two quotes may close a multi-line string
                end += 1
            value, self.at = self.text[self.at + 3 : end], end + 3
            return value
        index = self.at + 1
        while self.text[index] != quote:
            index += 2 if quote == '"' and self.text[index] == "\\" else 1
        value, self.at = self.text[self.at + 1 : index], index + 1
        return value

    def key(self) -> Path:
        parts: list[str | int] = []
        while True:
            self.blank(False)
            if self.peek() in "\"'":
                parts.append(self.string())
            else:
                match = _BARE.match(self.text, self.at)
                if not match:
                    return tuple(parts)
                parts.append(match.group())
                self.at = match.end()
            self.blank(False)
            if self.peek() != ".":
                return tuple(parts)
            self.at += 1

    def value(self, path: Path) -> None:
        self.blank(False)
        ch = self.peek()
        if ch == "[":
            self.at += 1
            index = 0
            while True:
                self.blank(True)
                if self.peek() in ("]", ""):
                    self.at += 1
                    return
                item = (*path, index)
                self.marks[item] = self.position(self.at)
                self.value(item)
                self.blank(True)
                if self.peek() == ",":
                    self.at += 1
                    index += 1
        elif ch == "{":
            self.at += 1
            while True:
                self.blank(False)
                if self.peek() in ("}", ""):
                    self.at += 1
                    return
                self.pair(path)
                self.blank(False)
                if self.peek() == ",":
                    self.at += 1
        elif ch in "\"'":
            self.string()
        else:
            match = re.compile(r"[^,\]}\r\n#]*").match(self.text, self.at)
            self.at = match.end() if match else self.at + 1

    def pair(self, table: Path) -> None:
        start = self.at
        key = self.key()
        if not key or self.peek() != "=":
            raise ValueError(f"no key at offset {start}")
        for cut in range(1, len(key) + 1):  # `links.timeout = 5` also places `links`
            self.marks.setdefault((*table, *key[:cut]), self.position(start))
        self.at += 1
        self.value((*table, *key))

    def document(self) -> None:
        table: Path = ()
        while True:
            self.blank(True)
            if self.at >= len(self.text):
                return
            start = self.at
            if self.peek() == "[":
                many = self.peek(2) == "[["
                self.at += 2 if many else 1
                table = self.key()
                if many:
                    index = self.tables[table] = self.tables.get(table, -1) + 1
                    table = (*table, index)
                self.at = self.text.find("\n", self.at) if "\n" in self.text[self.at :] else len(self.text)
                for cut in range(1, len(table) + 1):
                    self.marks.setdefault(table[:cut], self.position(start))
            else:
                self.pair(table)


def toml_positions(text: str) -> dict[Path, tuple[int, int]]:
    """(line, column), 1-based, of every key and array item of valid TOML, by path."""
    walk = _Walk(text)
    with contextlib.suppress(ValueError, IndexError):  # what was found before a surprise still helps
        walk.document()
    return walk.marks


def decode_error_position(exc: Exception, text: str) -> tuple[int | None, int | None]:
    """The line and column of a tomllib error (attributes from Python 3.14, the message before)."""
    line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
    if line is not None:
        return line, column
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if found:
        return int(found.group(1)), int(found.group(2))
    if "end of document" in str(exc):  # something left open: the last line is where it should close
        lines = text.rstrip("\n").split("\n")
        return len(lines), len(lines[-1]) + 1
    return None, None
