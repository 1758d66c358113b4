"""Paths and messages made safe to print: file names are chosen by whoever wrote the pull request.

Two transformations, used the same way by every output:

- `safe_path`: a name that is not valid UTF-8 reaches Python with each undecodable byte as a
  lone surrogate (U+DC80-U+DCFF, `surrogateescape`), which no UTF-8 output can encode. Each
  such byte is written as the four characters `\\xNN` (`caf\\xe9.md` for the Latin-1 bytes
  `caf\\xe9.md`). Every report uses this form; SARIF's `uri` instead percent-encodes the
  name's real bytes (`caf%E9.md`), as URIs do.
- `printable`: in output read by people and by CI log scanners (the text report, `fix` and
  error messages on standard error), control characters are escaped as well (`\\n`, `\\r`,
  `\\x1b`, `\\u2028`, bidirectional overrides), so a file named `x\\n::warning ...` cannot
  start a line of its own or move the cursor. Machine formats escape them their own way
  (JSON strings, GitHub's `%0A`, HTML entities).
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\udc80-\udcff]")
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x00": "\\0"}


def safe_path(path: str) -> str:
    """The path with each undecodable byte (a lone surrogate) written as `\\xNN`."""
    if path.isascii():
        return path
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", path)


def printable(text: str) -> str:
    """`safe_path`, and control and bidirectional characters escaped (tabs are kept)."""
    text = safe_path(text)
    if text.isprintable():
        return text
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def uri_path(path: str) -> str:
    """The path's real bytes, percent-encoded for a URI (slashes kept)."""
    import os
    from urllib.parse import quote

    return quote(os.fsencode(path))
