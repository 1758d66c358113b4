"""The `mojibake` check: UTF-8 text that was decoded as a single-byte encoding.

Every character a single-byte codec produces from a byte >= 0x80 is non-ASCII,
and every byte of a multi-byte UTF-8 sequence is >= 0x80, so mojibake always
sits inside a run of non-ASCII characters. Each such run is mapped back to
bytes through each codec's table, and the bytes are searched for well-formed
UTF-8 sequences. A sequence counts only if what it decodes to is plausible
text (a Latin letter, typographic punctuation, an emoji, CJK...) and what it
replaces is not: that keeps French `«é` (Mac Roman bytes C7 8E, 'ǎ') and
German `Ä’` out, while `Ã©`, `â€™`, `‚Äô` and `ðŸ’°` are found.

Beyond what ftfy repairs, it handles the two Mac Roman forms of emoji common in
postings (`\\uf8ffüí∞`, and `üí∞` with the invisible U+F8FF stripped) and the
lossy Windows-1252 forms whose C1 bytes were dropped (`officeâs`, `$74,375 â
$95,390`, `â¢`, `Â `). Certain repairs are safe fixes; lossy guesses are unsafe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from postlint.checks.base import Check, Context
from postlint.document import Document
from postlint.violation import Edit, Finding, Fix

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_MAX_DEPTH = 3  # double and triple encoding


@cache
def _table(codec: str) -> dict[str, int]:
    """Character -> byte for the upper half of a single-byte codec.

    'windows-1252' is ftfy's sloppy variant: Windows-1252 where defined, Latin-1
    (C1 controls) elsewhere, so Latin-1 mojibake is covered by the same table.
    """
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        if codec == "windows-1252":
            try:
                char = bytes([byte]).decode("cp1252")
            except UnicodeDecodeError:
                char = chr(byte)
            table[char] = byte
            table.setdefault(chr(byte), byte)  # Latin-1 reading of the same byte
        else:
            try:
                table[bytes([byte]).decode(codec)] = byte
            except UnicodeDecodeError:
                table.setdefault(chr(byte), byte)  # an undefined byte reads as its C1 control
    return table


CODECS = ("windows-1252", "mac_roman", "cp1251")


def _sequence_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


_SCRIPT_RANGES = ((0x0370, 0x03FF), (0x0400, 0x052F), (0x0590, 0x05FF), (0x0600, 0x06FF))


def _plausible(char: str) -> bool:
    """Is `char` something people write? (Whether its garbled form is not, the caller judges.)"""
    code = ord(char)
    category = unicodedata.category(char)
    if category in ("Cn", "Co", "Cs", "Cc") and char != "\u00a0":
        return False
    if code >= 0x10000:  # emoji and other astral symbols: four garbled bytes are never text
        return category.startswith("S") or 0x1F000 <= code <= 0x1FAFF or category.startswith("L")
    if code >= 0x800:
        # Punctuation, currency, letterlike, arrows, symbols, dingbats, CJK, Hangul, fullwidth.
        return (
            0x2000 <= code <= 0x2BFF
            or 0x2E80 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF
            or 0xFF00 <= code <= 0xFFEF
            or 0xFE30 <= code <= 0xFE4F
            or 0x0900 <= code <= 0x0DFF
            or 0x0E00 <= code <= 0x0E7F
        )
    # Two bytes: Latin-1 letters and signs, Latin Extended-A. Greek, Cyrillic, Hebrew and
    # Arabic only in runs (handled by the caller), since one such letter amid Latin text is
    # more likely a legitimate pair such as French “é (Mac Roman D2 8E -> Cyrillic Ҏ).
    return 0x00A0 <= code <= 0x017F


_MATH = frozenset("∑∂∞≤≥≠π∫≈∆")


def _odd_context(garbled: str, char: str, left: str, right: str) -> bool:
    """Two symbols that decode to one character, but sit where symbols are written on purpose.

    '= √π' is mathematics, not 'ù'; '`¬´ )' is a kaomoji, not '«'. Mojibake of a letter sits
    next to a letter ('o√π' for 'où'), and of punctuation next to a letter, digit or space.
    """
    if garbled[0] == "√" and garbled[1] in _MATH and not left.isalpha():
        return True
    if not char.isalpha():

        def symbol(c: str) -> bool:
            return bool(c) and not c.isalnum() and not c.isspace()

        return (symbol(left) and not right[:1].isalnum()) or (symbol(right) and not left[:1].isalnum())
    return False


def _in_scripts(char: str) -> bool:
    return any(a <= ord(char) <= b for a, b in _SCRIPT_RANGES)


def _tile(run: str, data: list[int], codec: str) -> list[tuple[int, int, str]] | None:
    """The run's sequences if the whole run is well-formed UTF-8 of two or more characters.

    Legitimate text almost never has a run of non-ASCII characters that, read back through a
    codec, is entirely valid multi-byte UTF-8 twice over; mojibake always is. Such a run is
    accepted whole, without judging each character: that is what repairs garbled names,
    symbols and isolated Greek or Cyrillic letters that the careful pass leaves alone.
    """
    if len(run) < 4 or -1 in data:
        return None
    raw = bytes(data)
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if len(decoded) < 2 or any(ord(c) < 0x80 or unicodedata.category(c) in ("Cn", "Co", "Cs") for c in decoded):
        return None
    if codec == "cp1251" and not all(_in_scripts(c) for c in decoded):
        return None
    spans, i = [], 0
    for char in decoded:
        width = len(char.encode("utf-8"))
        spans.append((i, i + width, char))
        i += width
    return spans


def _decode_run(run: str, codec: str, before: str = "", after: str = "") -> list[tuple[int, int, str]]:
    """Spans (start, end, repaired) of `run` that are UTF-8 mis-decoded through `codec`.

    `before` and `after` are the characters around the run, for telling words apart from garbage.
    """
    table = _table(codec)
    data = [table.get(ch, -1) for ch in run]
    tiled = _tile(run, data, codec)
    if tiled is not None:
        return tiled
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(run)
    while i < n:
        length = _sequence_length(data[i])
        lost_lead = False
        if not length and codec == "mac_roman" and data[i] == 0x9F and i + 2 < n:
            # 💰 read as Mac Roman is '\uf8ffüí∞'; with the invisible U+F8FF stripped, the lead byte F0 is lost.
            length, lost_lead = 3, True
        if length and i + length <= n:
            body = data[i + (0 if lost_lead else 1) : i + length]
            if all(0x80 <= b <= 0xBF for b in body):
                raw = bytes([0xF0] if lost_lead else [data[i]]) + bytes(body)
                try:
                    char = raw.decode("utf-8")
                except UnicodeDecodeError:
                    char = ""
                garbled = run[i : i + length]
                follows_garbage = bool(found) and found[-1][1] == i
                left = found[-1][2][-1] if follows_garbage else (run[i - 1] if i else before)
                right = run[i + length] if i + length < n else after
                # 'SÓ…', 'MÄ£ÄM': a capital before and no lower-case letter after is a word in capitals
                # (unless what stands before is itself repaired garbage).
                after_capital = not follows_garbage and left.isupper() and not right.islower()
                if char and codec == "cp1251" and not (ord(char) < 0x800 and _in_scripts(char)):
                    char = ""  # Cyrillic text read as Windows-1251 yields Cyrillic, nothing else
                if char and len(garbled) == 2 and not follows_garbage and _odd_context(garbled, char, left, right):
                    char = ""
                if char and len(garbled) == 2 and after_capital and not garbled[1].isalnum():
                    char = ""
                # A Windows-1252 character may be a step of double encoding; the caller keeps it
                # only if the deeper repair turns it into text.
                intermediate = char in _table("windows-1252")
                if char and (_plausible(char) or (ord(char) < 0x800 and _in_scripts(char)) or intermediate):
                    if lost_lead and not 0x1F000 <= ord(char) <= 0x1FAFF:
                        i += 1
                        continue
                    found.append((i, i + length, char))
                    i += length
                    continue
        i += 1
    # A lone Greek/Cyrillic/Hebrew/Arabic letter amid Latin text is not trusted; a run of them is.
    kept: list[tuple[int, int, str]] = []
    for index, (a, b, char) in enumerate(found):
        # Windows-1252 pairs such as 'Î³' (γ) and 'Ð°' (а) are never text, so one Greek or
        # Cyrillic letter is trusted there; Hebrew and Arabic points and Mac Roman pairs are not.
        lone_ok = codec == "windows-1252" and 0x0370 <= ord(char) <= 0x052F and char.isalpha()
        if ord(char) < 0x800 and _in_scripts(char) and not lone_ok:
            neighbours = [found[j] for j in (index - 1, index + 1) if 0 <= j < len(found)]
            if not any(_in_scripts(c) and (x == b or y == a) for x, y, c in neighbours):
                continue
        kept.append((a, b, char))
    return kept


def _merge(spans: list[tuple[int, int, str]], run: str) -> list[tuple[int, int, str]]:
    """Join adjacent repaired sequences into one garbled run and its repair."""
    merged: list[tuple[int, int, str]] = []
    for a, b, char in sorted(spans):
        if merged and merged[-1][1] == a:
            start, _, text = merged[-1]
            merged[-1] = (start, b, text + char)
        elif not merged or a >= merged[-1][1]:
            merged.append((a, b, char))
    return merged


_TYPOGRAPHY = re.compile(r"[\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]")


def _mixed_lines(text: str, found: list[tuple[int, int, str, str]]) -> set[int]:
    """Offsets of line starts whose typography is intact UTF-8 outside every garbled run.

    A line that writes '–' correctly was not itself read through the wrong codec, so a lone
    two-character pair on it ('DrÃ¥ber') is more likely a name than mojibake.
    """
    lines: set[int] = set()
    for m in _TYPOGRAPHY.finditer(text):
        if not any(a <= m.start() < b for a, b, _, _ in found):
            lines.add(text.rfind("\n", 0, m.start()) + 1)
    return lines


def find_mojibake(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, repaired, codec) for every lossless mojibake run in `text`."""
    found = _find_all(text)
    mixed = _mixed_lines(text, found) if found else set()
    if not mixed:
        return found
    return [
        item
        for item in found
        if item[1] - item[0] != 2 or text.rfind("\n", 0, item[0]) + 1 not in mixed or ord(item[2][0]) >= 0x800
    ]


@cache
def _lead_characters() -> frozenset[str]:
    """Characters that can start a garbled sequence in some codec: UTF-8 lead bytes, and Mac Roman
    'ü' (9F), the first byte left of an emoji whose lead was lost."""
    leads = {ch for codec in CODECS for ch, byte in _table(codec).items() if 0xC2 <= byte <= 0xF4}
    return frozenset(leads | {"ü"})


def _find_all(text: str) -> list[tuple[int, int, str, str]]:
    results: list[tuple[int, int, str, str]] = []
    leads = _lead_characters()
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        if len(run) < 2 or leads.isdisjoint(run):
            continue  # one character, or none that can start a sequence: the common case, made cheap
        best: list[tuple[int, int, str]] = []
        best_codec = ""
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        for codec in CODECS:
            spans = _merge(_decode_run(run, codec, before, after), run)
            if sum(b - a for a, b, _ in spans) > sum(b - a for a, b, _ in best):
                best, best_codec = spans, codec
        for a, b, repaired in best:
            final = _repair_deeper(repaired, best_codec)
            # A character of the Windows-1252 table is accepted above only as a step of double
            # encoding; if the deeper repair does not turn it into text, the run is not mojibake.
            if all(ord(c) < 0x80 or _plausible(c) or _in_scripts(c) for c in final):
                results.append((m.start() + a, m.start() + b, final, best_codec))
    return results


def _repair_deeper(text: str, codec: str, depth: int = 1) -> str:
    """Undo double and triple encoding: repair the repair while all of it is still mojibake.

    Double encoding is the same mistake made twice, so the repair must read back through the
    same codec, and every non-ASCII run of it must be well-formed UTF-8 there; a repair that
    merely contains something decodable ('€™' is Arabic through Mac Roman) is left as it is.
    """
    if depth >= _MAX_DEPTH:
        return text
    table = _table(codec)
    out, pos, changed = [], 0, False
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        data = [table.get(ch, -1) for ch in run]
        if -1 in data:
            return text
        try:
            decoded = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return text
        out.append(text[pos : m.start()])
        out.append(decoded)
        pos, changed = m.end(), True
    if not changed:
        return text
    out.append(text[pos:])
    return _repair_deeper("".join(out), codec, depth + 1)


# Windows-1252 mojibake whose C1 bytes (0x80-0x9F) were dropped on the way: only a guess.
_LOSSY = (
    # ’ is E2 80 99 ('â€™'); with 80 and 99 gone: "Milwaukeeâs", "doesnât", "weâre"
    (re.compile(r"(?<=[A-Za-z])â(?=(?:s|ll|re|ve|d|m)\b|t\b(?<=nât))"), "’", "’ (apostrophe)"),
    # – is E2 80 93: "$74,375 â $95,390", "9 am â 5 pm"
    (re.compile(r"(?<=[\d\w)] )â(?= [$€£\d\w])"), "–", "– (en dash)"),
    # • is E2 80 A2: "â¢ Develop..."
    (re.compile(r"â¢"), "•", "• (bullet)"),
    # NBSP is C2 A0: 'Â' left before a space that lost its non-breaking nature
    (re.compile(r"Â(?= )"), "", "nothing (a non-breaking space lost its first byte)"),
)


def visible(text: str) -> str:
    """Show invisible characters (U+F8FF, C1 controls) in a message as escapes."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Co", "Cc", "Cf") else c for c in text)


@dataclass(frozen=True, slots=True)
class MojibakeCheck(Check):
    """Report mojibake runs with their repair (safe when lossless, unsafe when a guess)."""

    lossy: bool = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        taken: list[tuple[int, int]] = []
        for start, end, repaired, codec in find_mojibake(text):
            reading = "Mac Roman" if codec == "mac_roman" else "Windows-1252"
            taken.append((start, end))
            fix = Fix("safe", f"Replace with '{repaired}'", (Edit(start, end, repaired),))
            values = {"match": visible(text[start:end]), "replacement": repaired, "encoding": reading}
            yield Finding(start, end, values, fix=fix)
        if not self.lossy or ("â" not in text and "Â" not in text):
            return
        for pattern, replacement, what in _LOSSY:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                fix = Fix("unsafe", f"Replace with {what}", (Edit(m.start(), m.end(), replacement),))
                values = {"match": m.group(), "replacement": replacement, "encoding": "Windows-1252, bytes lost"}
                yield Finding(m.start(), m.end(), values, fix=fix)
