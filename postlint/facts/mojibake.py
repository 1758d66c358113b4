"""Finding mojibake: text decoded with the wrong codec (the `mojibake` kind reports what this finds).

Every character a single-byte codec produces from a byte >= 0x80 is non-ASCII,
and every byte of a multi-byte UTF-8 sequence is >= 0x80, so mojibake always
sits inside a run of non-ASCII characters. Each such run is mapped back to
bytes through each codec's table, and the bytes are searched for well-formed
UTF-8 sequences. A sequence counts only if what it decodes to is plausible
text (a Latin letter, typographic punctuation, an emoji, CJK...) and what it
replaces is not: that keeps French `«é` (Mac Roman bytes C7 8E, 'ǎ') and
German `Ä’` out, while `Ã©`, `â€™`, `‚Äô` and `ðŸ’°` are found.

A sequence that could be either is decided by the whole document. A file that
went through the wrong codec went through it whole: then every non-ASCII run in
it is well-formed UTF-8 read through that codec, which legitimate text never is
(a lone `é` or `–` is not a UTF-8 sequence in any codec). When the certain runs
of a document say which codec it was and every run agrees, the ambiguous runs
(`–ì`, `Å—`, a lone Greek letter) are read the same way.

Beyond what ftfy repairs, it handles the two Mac Roman forms of emoji common in
postings (`\\uf8ffüí∞`, and `üí∞` with the invisible U+F8FF stripped) and the
lossy Windows-1252 forms whose C1 bytes were dropped (`officeâs`, `$74,375 â
$95,390`, `â¢`, `Â `). A C1 control that is not part of a UTF-8 sequence is a
Windows-1252 character read as Latin-1 (U+0092 for `’`). Certain repairs are
safe fixes; lossy guesses are unsafe.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex
from postlint.violation import Edit, Finding, Fix

_NON_ASCII_RUN = regex(r"[^\x00-\x7f]+")
_C1 = regex(r"[\x80-\x9f]")
_MAX_DEPTH = 3  # double and triple encoding

# The codecs UTF-8 is mistaken for, in the order that breaks ties (the most common first), and
# their names in messages. 'windows-1252' is ftfy's sloppy variant, which also covers Latin-1.
READINGS = {
    "windows-1252": "Windows-1252",
    "mac_roman": "Mac Roman",
    "cp1251": "Windows-1251",
    "cp1250": "Windows-1250",
    "iso8859_2": "ISO-8859-2",
    "cp1254": "Windows-1254",
    "cp1257": "Windows-1257",
    "cp1253": "Windows-1253",
    "cp437": "DOS code page 437",
}
CODECS = tuple(READINGS)
# Cyrillic and Greek codecs: their own text has letter pairs that decode, so on their own only repairs
# into the codec's own alphabet, typographic punctuation ('вЂ™', 'β€™') or a layer of double encoding
# count, and not 'СІЧ—' (Ukrainian in capitals and a dash: archaic Cyrillic and Hebrew).
_SCRIPT_CODECS = {"cp1251": (0x0400, 0x045F), "cp1253": (0x0386, 0x03CE)}
# Codecs less common than Windows-1252 and Mac Roman, whose tables hold Western letters at other bytes.
_SECONDARY = frozenset(CODECS) - {"windows-1252", "mac_roman"}


@dataclass(frozen=True, slots=True)
class Repair:
    """A garbled span, what it should read and the codec that garbled it ('latin-1' for a C1 control
    standing for a Windows-1252 character). Not `certain` when two codecs read the span differently
    and nothing else in the document tells which one it went through."""

    start: int
    end: int
    text: str
    codec: str
    certain: bool = True


@cache
def _table(codec: str) -> dict[str, int]:
    """Character -> byte for the upper half of a single-byte codec.

    A byte the codec leaves undefined reads as its Latin-1 character (a C1 control mostly), as
    decoders that do not fail produce it. 'windows-1252' also takes the Latin-1 reading of every
    byte of the C1 range, so Latin-1 mojibake ('â\\x80\\x99') is covered by the same table.
    """
    table: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        try:
            char = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            char = chr(byte)
        table.setdefault(char, byte)
    if codec == "windows-1252":
        for byte in range(0x80, 0xA0):
            table.setdefault(chr(byte), byte)
    return table


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
        # Punctuation, currency, letterlike, arrows, symbols, dingbats, CJK, Hangul, fullwidth
        # (not the supplemental mathematical operators, which only typeset mathematics uses).
        return (
            (0x2000 <= code <= 0x2BFF and not 0x2A00 <= code <= 0x2AFF)
            or 0x1E00 <= code <= 0x1EFF  # Vietnamese and Welsh letters
            or 0x2E80 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF
            or 0xFF00 <= code <= 0xFFEF
            or 0xFE30 <= code <= 0xFE4F
            or 0x0900 <= code <= 0x0DFF
            or 0x0E00 <= code <= 0x0E7F
        )
    # Two bytes: Latin-1 letters and signs, Latin Extended-A, Romanian ș ț and Vietnamese ơ ư.
    # Greek, Cyrillic, Hebrew and Arabic only in runs (handled by the caller), since one such
    # letter amid Latin text is more likely a legitimate pair such as French “é (Mac Roman D2 8E
    # -> Cyrillic Ҏ), and the rest of Latin Extended-B likewise («é would be ǎ).
    return 0x00A0 <= code <= 0x017F or char in "ȘșȚțƠơƯư"


def _in_scripts(char: str) -> bool:
    return any(a <= ord(char) <= b for a, b in _SCRIPT_RANGES)


def _letter_in_scripts(char: str) -> bool:
    return ord(char) < 0x800 and _in_scripts(char) and char.isalpha()


def _typographic(char: str) -> bool:
    """Dashes, quotes, bullets, ellipsis (U+2010-U+205F), the euro and trade mark signs."""
    return 0x2010 <= ord(char) <= 0x205F or char in "€™"


def _box(char: str) -> bool:
    return 0x2500 <= ord(char) <= 0x259F


def _decodes(garbled: str, codec: str) -> bool:
    table = _table(codec)
    try:
        bytes(table.get(c, 0) for c in garbled).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _inside_latin_word(codec: str, char: str, left: str, right: str) -> bool:
    """A Cyrillic or Greek pair after a plain Latin letter ('rГ©gion'), or starting a word that goes on
    in Latin letters ('Г©cole'), is no word of those scripts: it is a Latin letter read through the
    codec, even though their own text has such pairs ('ЂОРЂЕ’s' is a name and its possessive)."""
    if codec not in _SCRIPT_CODECS or not _plausible(char):
        return False
    return _ascii_letter(left) or (_ascii_letter(right) and not left.isalpha())


def _ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _own_script(codec: str, char: str) -> bool:
    low, high = _SCRIPT_CODECS[codec]
    return low <= ord(char) <= high or _typographic(char)


def _fits(codec: str, char: str, garbled: str, left: str = "", right: str = "") -> bool:
    """Could `codec` have turned `char` into `garbled` in text people write in that codec's languages?

    A less common codec counts only with a character Windows-1252 does not have, or as another
    reading of what Windows-1252 reads too ('Ä¨' is 'č' through Windows-1257, 'Ĩ' through
    Windows-1252): 'HÅØYA' decodes through Windows-1257 (C5 A8), but it is Norwegian written in
    Western letters, not mojibake. Its three-byte sequences are letters of its languages ('ëłż' is
    Kashubian, not Hangul 볿), so only symbols, punctuation and Vietnamese letters count there;
    four bytes are emoji.
    """
    return _garbled_fits(codec, garbled, left, right) and _repair_fits(codec, char)


def _garbled_fits(codec: str, garbled: str, left: str = "", right: str = "") -> bool:
    if codec not in _SECONDARY:
        return True
    if all(c in _table("windows-1252") for c in garbled) and not _decodes(garbled, "windows-1252"):
        return left.islower() or right.islower()  # 'ÄÆdomu' (Lithuanian 'įdomu'): capitals amid a word
    return codec != "cp437" or not all(_box(c) for c in garbled)  # '├┤', '─┐' are box drawings, not 'ô', 'Ŀ'


def _repair_fits(codec: str, char: str) -> bool:
    if codec not in _SECONDARY:
        return True
    code = ord(char)
    if 0x800 <= code < 0x10000 and not (0x1E00 <= code <= 0x1EFF or 0x2000 <= code <= 0x2BFF):
        return False
    return codec not in _SCRIPT_CODECS or _own_script(codec, char) or char in _table("windows-1252")


# Symbol pairs written on purpose: what follows '√' in mathematics, and a temperature difference.
_SYMBOL_PAIRS = frozenset({"√π", "√∑", "√∫", "∆°"})
# What closes a word: after a one-letter word ('10 Å—', 'À…') it is punctuation, not a UTF-8 byte.
_TRAILING = frozenset("—–’”»…›")
# Accented letters that are words on their own: French à, Portuguese é, Italian è, Swedish ö, Å (ångström).
_ONE_LETTER_WORDS = frozenset("ÀÈÉÒÓÔÕÅÖØàèéòóôåöø")
# Characters that never follow a letter in text (punctuation that only opens: „ ‚ ¿ ¡; not “ or «,
# which close quotations in German and Danish): after one they are the second byte of a sequence.
_NEVER_AFTER_LETTER = frozenset("‡†‰¤¦¨¯¸ˆ˜ƒ„‚¿¡€°" + "".join(map(chr, range(0x80, 0xA0))))


def _odd_context(garbled: str, char: str, left: str, right: str) -> bool:
    """Two symbols that decode to one character, but sit where symbols are written on purpose.

    '= √π' is mathematics, not 'ù', and '∆°' a temperature difference, not 'ơ'; '`¬´ )' is a
    kaomoji, not '«'. Mojibake of a letter sits
    next to a letter ('o√π' for 'où', '√∂ppen' for 'öppen'), and of punctuation next to a letter,
    digit or space.
    """
    if garbled in _SYMBOL_PAIRS and not left.isalpha() and not right[:1].isalpha():
        return True
    if not char.isalpha():

        def symbol(c: str) -> bool:
            return bool(c) and not c.isalnum() and not c.isspace()

        return (symbol(left) and not right[:1].isalnum()) or (symbol(right) and not left[:1].isalnum())
    return False


def _looks_written(garbled: str, char: str, left: str, right: str, codec: str) -> bool:
    """Is `garbled` more likely what someone typed than a sequence of UTF-8 bytes?

    'SÓ…', 'MÄ£ÄM': a capital, then a letter and a symbol, with no lower-case letter after, is a
    word in capitals, and so are two capitals that would repair to a small letter ('PÄŤ', 'PĂŞUNE');
    'MIÐ’s' is one with its possessive. '10 Å—', 'À…': a one-letter word and the punctuation that closes it.
    'Brontë…”', 'é…”': a word's last letter followed by punctuation, not a CJK character.
    """
    first, rest = garbled[0], garbled[1:]
    if len(garbled) == 2:
        if _odd_context(garbled, char, left, right):
            return True
        if left.isupper() and first.isalpha() and rest == "’" and right == "s":
            return True
        # 'Ã' and 'œ' end no word: they are a UTF-8 lead byte, and œ is written before a plain letter.
        if left.isupper() and not right.islower() and first.isalpha() and first not in "ÃŒœ":
            if not rest.isalnum():
                closes_word = not (unicodedata.category(rest).startswith("P") and right.isalpha())
                return closes_word and rest not in _NEVER_AFTER_LETTER
            if rest.isupper() and not char.isupper():
                return True  # 'PÄŤ' is Slovak in capitals, not 'Pč'; 'ĆEVAPÄŚIĆI' is 'ĆEVAPČIĆI'
        if first in _ONE_LETTER_WORDS and rest in _TRAILING and not left[:1].isalnum() and not right[:1].isalnum():
            return True
    if len(garbled) == 3 and first.isalpha() and (left.isalpha() or first in _ONE_LETTER_WORDS):
        return all(c in _TRAILING for c in rest)
    if len(garbled) == 3 and first == "„" and not left[:1].isalnum():
        return rest.isalpha()  # '„àçè' opens a quotation; it is not Mac Roman for '㈍'
    return False


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
    if not (_garbled_fits(codec, run) and all(_repair_fits(codec, c) for c in decoded)):
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
            # 💰 read as Mac Roman is '\uf8ffüí∞'; with the invisible U+F8FF stripped, the lead byte F0 is
            # lost. An emoji stands apart from letters, unlike Turkish 'güçü', 'küçük'.
            outside = (run[i - 1] if i else before) + (run[i + 3] if i + 3 < n else after)
            if not any(c.isalpha() for c in outside):
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
                if (
                    char
                    and not _fits(codec, char, garbled, left, right)
                    and not _inside_latin_word(codec, char, left, right)
                ):
                    char = ""
                if char and not follows_garbage and _looks_written(garbled, char, left, right, codec):
                    char = ""
                if char and not follows_garbage and codec in _SECONDARY and 0x80 <= ord(char) <= 0xBF:
                    char = ""  # 'Āø' (Windows-1257 C2 B8) is a name, not a lone cedilla '¸'
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
        left, right = run[a - 1] if a else before, run[b] if b < n else after
        if ord(char) < 0x800 and _in_scripts(char) and not _lone_letter_ok(codec, char, run[a:b], left, right):
            neighbours = [found[j] for j in (index - 1, index + 1) if 0 <= j < len(found)]
            if not any(_in_scripts(c) and (x == b or y == a) for x, y, c in neighbours):
                continue
        kept.append((a, b, char))
    return kept


def _lone_letter_ok(codec: str, char: str, garbled: str, left: str, right: str) -> bool:
    """Greek or Cyrillic pairs that are never text, so that one such letter alone is trusted.

    Through Windows-1252 'Î³' (γ) and 'Ð°' (а); through Mac Roman 'Œ±' (α), since œ is only
    ever written before a plain letter (cœur, œuvre). Mac Roman Cyrillic is a dash and a letter
    or sign ('–ú' for М), which is written in text too ('Paris–Évian', '£10–£20'), so only a pair
    standing alone as a token counts (a dash is followed by a space in dialogue: '— à demain'),
    and not minus infinity ('(–∞, 0]'). Hebrew and Arabic points never count alone.
    """
    if not (0x0386 <= ord(char) <= 0x03CE or 0x0400 <= ord(char) <= 0x045F) or not char.isalpha():
        return False
    if codec == "windows-1252":
        return True
    if codec != "mac_roman":
        return False
    if garbled[0] in "Œœ":
        return True
    return garbled[0] in "–—" and garbled[1] != "∞" and not left[:1].isalnum() and not right[:1].isalnum()


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


_TYPOGRAPHY = lazy_regex(r"[\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]")


def _mixed_lines(text: str, found: list[Repair]) -> set[int]:
    """Offsets of line starts whose typography is intact UTF-8 outside every garbled run.

    A line that writes '–' correctly was not itself read through the wrong codec, so a lone
    two-character pair on it ('DrÃ¥ber') is more likely a name than mojibake; two or more on the
    line are not ('frÃ¨res ... syriennetÃ©': mojibake is rarely a single run). A dash or quote
    right after a character that starts UTF-8 sequences ('KÃ–RFÃšR') may be garbage itself.
    """
    lines: set[int] = set()
    leads = _lead_characters()
    for m in _TYPOGRAPHY.finditer(text):
        if text[m.start() - 1 : m.start()] in leads:
            continue
        if not any(r.start <= m.start() < r.end for r in found):
            lines.add(text.rfind("\n", 0, m.start()) + 1)
    return lines


def find_mojibake(text: str) -> list[Repair]:
    """Every lossless mojibake span in `text`, with its repair."""
    found, controls = _scan(text)
    if found:
        whole = _whole_reading(text, found)
        if whole is not None:
            found = whole
        else:
            mixed = _mixed_lines(text, found)
            lines = Counter(text.rfind("\n", 0, r.start) + 1 for r in found)
            found = [
                r
                for r in found
                if r.end - r.start != 2
                or ord(r.text[0]) >= 0x800
                or lines[line := text.rfind("\n", 0, r.start) + 1] > 1
                or line not in mixed
            ]
    if controls:
        found = sorted(found + _c1_controls(text, found), key=lambda r: r.start)
    return found


def _whole_reading(text: str, found: list[Repair]) -> list[Repair] | None:
    """Every non-ASCII run of `text` repaired through one codec, if each of them is its UTF-8.

    The codec is one the certain runs were read through. Legitimate text always has a run that
    is not a complete UTF-8 sequence there (any lone accented letter or dash), so a document
    where none has one went through that codec whole, and its ambiguous runs did too. If the
    certain runs were garbled twice, the same test on the repaired document decides whether all
    of it was. A run two codecs read differently stays a guess: both may read the whole document.
    """
    twice = any(r.text != _decode_whole(text[r.start : r.end], r.codec) for r in found)
    for codec, _ in Counter(r.codec for r in found).most_common():
        layer = _decode_whole(text, codec)
        if layer is None:
            continue
        layers, reading = [layer], codec
        while twice and len(layers) < _MAX_DEPTH:
            for again in dict.fromkeys((reading, "windows-1252")):
                deeper = _decode_whole(layers[-1], again)
                if deeper is not None:
                    layers.append(deeper)
                    reading = again
                    break
            else:
                break
        final = next((t for t in reversed(layers) if all(_is_text(c) for c in t if ord(c) >= 0x80)), None)
        if final is None:
            continue
        spans = [m.span() for m in _NON_ASCII_RUN.finditer(text)]
        guesses = [(r.start, r.end) for r in found if not r.certain]
        return [
            Repair(a, b, r.group(), codec, not any(x < b and a < y for x, y in guesses))
            for (a, b), r in zip(spans, _NON_ASCII_RUN.finditer(final), strict=True)
        ]
    return None


def _is_text(char: str) -> bool:
    return _plausible(char) or _letter_in_scripts(char)


def _decode_whole(text: str, codec: str) -> str | None:
    """`text` with every non-ASCII run read back as UTF-8 through `codec`, if all of them decode to
    text or to Windows-1252 characters (a layer of double encoding)."""
    table, step = _table(codec), _table("windows-1252")
    out: list[str] = []
    pos = 0
    for m in _NON_ASCII_RUN.finditer(text):
        data = [table.get(ch, -1) for ch in m.group()]
        if -1 in data:
            return None
        try:
            decoded = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            return None
        if not all(_is_text(c) or c in step for c in decoded):
            return None
        out += (text[pos : m.start()], decoded)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


_WINDOWS_1252_C1 = {
    chr(b): bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def _c1_controls(text: str, found: list[Repair]) -> list[Repair]:
    """C1 controls outside every UTF-8 sequence, with the Windows-1252 character each stands for.

    Nobody writes U+0080-U+009F: one in text is a Windows-1252 byte that was read as Latin-1.
    Such text has nothing beyond Latin-1 around it; a C1 control next to 'Ń' or 'О' is a byte of
    a UTF-8 sequence that some other codec left undefined. The five bytes Windows-1252 leaves
    undefined have no reading and are left alone.
    """
    results = []
    for m in _C1.finditer(text):
        char = _WINDOWS_1252_C1.get(m.group())
        if not char or any(r.start <= m.start() < r.end for r in found):
            continue
        start, end = m.start(), m.end()
        while start and ord(text[start - 1]) >= 0x80:
            start -= 1
        while end < len(text) and ord(text[end]) >= 0x80:
            end += 1
        if all(ord(c) <= 0xFF for c in text[start:end]):
            results.append(Repair(m.start(), m.end(), char, "latin-1"))
    return results


@cache
def _lead_characters(codec: str | None = None) -> frozenset[str]:
    """Characters that can start a garbled sequence in `codec` (or in any): UTF-8 lead bytes, and Mac
    Roman 'ü' (9F), the first byte left of an emoji whose lead was lost."""
    if codec is None:
        return frozenset().union(*map(_lead_characters, CODECS))
    leads = {ch for ch, byte in _table(codec).items() if 0xC2 <= byte <= 0xF4}
    return frozenset(leads | {"ü"} if codec == "mac_roman" else leads)


@cache
def _pair(codec: str) -> re.Pattern[str]:
    """A character that starts a UTF-8 sequence in `codec`, then one that continues it: a quick test
    that a run can hold mojibake through that codec at all."""
    continuation = "".join(re.escape(c) for c, byte in _table(codec).items() if 0x80 <= byte <= 0xBF)
    leads = "".join(re.escape(c) for c in sorted(_lead_characters(codec)))
    return regex(f"[{leads}][{continuation}]")


def _find_all(text: str) -> list[Repair]:
    return _scan(text)[0]


def _scan(text: str) -> tuple[list[Repair], bool]:
    """The careful pass: each run read through the codec that explains most of it; and whether
    the text has a C1 control.

    Where codecs explain a run equally well but differently, the reading with more letters wins
    ('nĂˇm' is 'nám' through Windows-1250, 'n÷m' through ISO-8859-2), then the codec that explains
    more of the document's runs; with no such evidence ('ĂĄ': 'á' through ISO-8859-2, 'å' through
    Windows-1250) the repair is a guess.
    """
    leads = _lead_characters()
    readings: list[tuple[re.Match[str], list[tuple[str, list[tuple[int, int, str]]]]]] = []
    controls = False
    for m in _NON_ASCII_RUN.finditer(text):
        run = m.group()
        if not controls and min(run) <= "\x9f":
            controls = True
        if len(run) < 2 or leads.isdisjoint(run):
            continue  # one character, or none that can start a sequence: the common case, made cheap
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        options: list[tuple[str, list[tuple[int, int, str]]]] = []
        top = 0
        for codec in CODECS:
            if not _pair(codec).search(run):
                continue
            spans = _merge(_decode_run(run, codec, before, after), run)
            covered = sum(b - a for a, b, _ in spans)
            if covered and covered >= top:
                if covered > top:
                    options, top = [], covered
                options.append((codec, spans))
        if options:
            letters = [sum(c.isalpha() for _, _, r in spans for c in r) for _, spans in options]
            readings.append((m, [o for o, n in zip(options, letters, strict=True) if n == max(letters)]))
    if not readings:
        return [], controls
    evidence = Counter(codec for _, options in readings for codec, _ in options)
    results: list[Repair] = []
    for m, options in readings:
        codec, spans = max(options, key=lambda option: evidence[option[0]])
        certain = all(s == spans or evidence[c] < evidence[codec] for c, s in options)
        for a, b, repaired in spans:
            start, end = m.start() + a, m.start() + b
            left, right = text[start - 1 : start], text[end : end + 1]
            final = _repair_deeper(repaired, codec, left, right)
            if _acceptable(final, repaired, codec, left, right):
                results.append(Repair(start, end, final, codec, certain))
    return results, controls


def _acceptable(final: str, first: str, codec: str, left: str, right: str) -> bool:
    """Is the repair text? A Windows-1252 character accepted above only as a step of double encoding
    that the deeper repair did not turn into text, or a Latin letter out of a Cyrillic or Greek codec
    with no double encoding behind it and no Latin word around it, means the run was not mojibake."""
    chars = [c for c in final if ord(c) >= 0x80]
    if not all(_plausible(c) or _in_scripts(c) for c in chars):
        return False
    if codec in _SCRIPT_CODECS and final == first:
        return all(_own_script(codec, c) or _inside_latin_word(codec, c, left, right) for c in chars)
    return True


def _repair_deeper(text: str, codec: str, before: str = "", after: str = "") -> str:
    """Undo double and triple encoding: repair the repair while all of it is still mojibake.

    Double encoding is the same mistake made twice, or a Windows-1252 mistake under another
    ('Г‚ВЈ' is '£' read as Windows-1252, then as Windows-1251), so the repair reads back through
    the same codec or Windows-1252, judged as the first layer was, in the context of the
    document (`before` and `after`): 'Ã¢â‚¬â„¢' is '’' twice, but '€ø' through Mac Roman is not
    an Arabic letter. The deepest layer that is text stands.
    """
    layers, reading = [text], codec
    while len(layers) < _MAX_DEPTH:
        for again in dict.fromkeys((reading, "windows-1252")):
            spans = _merge(_decode_run(layers[-1], again, before, after), layers[-1])
            if len(spans) == 1 and spans[0][:2] == (0, len(layers[-1])):
                layers.append(spans[0][2])
                reading = again
                break
        else:
            break
    return next((t for t in reversed(layers) if all(_is_text(c) for c in t)), text)


# Windows-1252 mojibake whose C1 bytes (0x80-0x9F) were dropped on the way: only a guess.
LOSSY = (
    # ’ is E2 80 99 ('â€™'); with 80 and 99 gone: "Milwaukeeâs", "doesnât", "weâre"
    (regex(r"(?<=[A-Za-z])â(?=(?:s|ll|re|ve|d|m)\b|t\b(?<=nât))"), "’", "’ (apostrophe)"),
    # – is E2 80 93: "$74,375 â $95,390", "9 am â 5 pm"
    (regex(r"(?<=[\d\w)] )â(?= [$€£\d\w])"), "–", "– (en dash)"),
    # • is E2 80 A2: "â¢ Develop..."
    (regex(r"â¢"), "•", "• (bullet)"),
    # NBSP is C2 A0: 'Â' left before a space that lost its non-breaking nature
    (regex(r"Â(?= )"), "", "nothing (a non-breaking space lost its first byte)"),
)


def visible(text: str) -> str:
    """Show invisible characters (U+F8FF, C1 controls) in a message as escapes."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Co", "Cc", "Cf") else c for c in text)


# Bullets from Word's Symbol and Wingdings fonts. Word stores them as private-use characters
# (U+F0B7 is Symbol's bullet, U+F0A7 Wingdings' small square); pasted without the font they show as
# boxes, and their UTF-8 read as Windows-1252 or Mac Roman gives 'ï‚·', 'ï‚§', 'ÔÇß'. What the
# bullet looked like is a guess, so the fix (to '•') is unsafe.
SYMBOL_BULLETS = {
    "\uf0b7": "Symbol-font bullet",
    "\uf0a7": "Wingdings square bullet",
    "\uf06e": "Wingdings square bullet",
    "\uf0d8": "Wingdings arrowhead bullet",
    "\uf076": "Wingdings diamond bullet",
    "\uf0fc": "Wingdings check-mark bullet",
}
BULLET = "•"
_BULLET_LEAD = regex("[\uf000-\uf0ffïÔ]")  # every form starts with one of these


@cache
def _bullet_forms() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex for every form of a symbol-font bullet, and each form's (source, reading)."""
    forms: dict[str, tuple[str, str]] = {}
    for char, name in SYMBOL_BULLETS.items():
        forms[char] = (f"a {name} (U+{ord(char):04X})", "a private-use character, without Word's font")
        data = char.encode("utf-8")
        # Windows-1252, Mac Roman, and Latin-1 (which reads 0x80-0x9F as C1 controls).
        for codec, reading in (("cp1252", "Windows-1252"), ("mac_roman", "Mac Roman"), ("latin-1", "Latin-1")):
            garbled = "".join(_byte_char(b, codec) for b in data)
            forms.setdefault(garbled, (f"UTF-8 of a {name} (U+{ord(char):04X})", reading))
    pattern = regex("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    return pattern, forms


def _byte_char(byte: int, codec: str) -> str:
    """What one byte reads as in a single-byte codec (its Latin-1 character where the codec has none)."""
    try:
        return bytes([byte]).decode(codec)
    except UnicodeDecodeError:
        return chr(byte)


def symbol_bullets(text: str, taken: list[tuple[int, int]]) -> Iterator[Finding]:
    """Word's symbol-font bullets, bare or garbled, that no other repair covers."""
    if _BULLET_LEAD.search(text) is None:
        return
    pattern, forms = _bullet_forms()
    for m in pattern.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        source, reading = forms[m.group()]
        fix = Fix("unsafe", f"Replace with '{BULLET}'", (Edit(m.start(), m.end(), BULLET),))
        values = {"match": visible(m.group()), "replacement": BULLET, "encoding": reading, "source": source}
        yield Finding(m.start(), m.end(), values, fix=fix)
