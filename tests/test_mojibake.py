"""encoding/mojibake: found where it is, repaired exactly, and never on legitimate text."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.checks.mojibake import find_mojibake
from postlint.fixes import apply_edits, fix_document
from postlint.reader import parse
from postlint.runner import load_linter

LINTER = load_linter(select=["encoding/mojibake"])

# Words people write: accented Latin, typographic punctuation, symbols, emoji, CJK, Cyrillic, Greek.
WORDS = [
    "résumé",
    "café",
    "Zoë",
    "José",
    "naïve",
    "Ærø",
    "Straße",
    "Łódź",
    "Dvořák",
    "àçèñ",
    "Ünited",
    "we’re",
    "“quoted”",
    "—",
    "–",
    "…",
    "•",
    "€",
    "£",
    "™",
    "©",
    "°",
    "±",
    "√",
    "∞",
    "½",
    "💰",
    "🌎",
    "🚀",
    "👩‍💻",
    "❤",
    "☺",
    "招聘",
    "北京",
    "東京",
    "서울",
    "привет",
    "Москва",
    "αβγ",
]
ASCII = ["Senior", "engineer", "pay", "USD", "110k", "Phoenix,", "AZ", "apply", "now", "the", "a", "(remote)", "12"]


def _fix(text: str, unsafe: bool = False) -> tuple[str, list]:
    violations = LINTER.lint_document(parse(text, "text"))
    return apply_edits(text, violations, unsafe=unsafe)[0], violations


def garble(text: str, codec: str) -> str:
    """UTF-8 bytes read through a single-byte codec, as the tools that cause mojibake do."""
    data = text.encode("utf-8")
    if codec == "windows-1252":  # undefined bytes come through as C1 controls (Latin-1)
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)
    return data.decode(codec)


def test_posting_badges_and_apostrophes_are_restored_at_exact_positions() -> None:
    text = "# Role\n\n#### `\uf8ffüí∞ USD 110k~190k` `üåé Phoenix, AZ`\n\nWe‚Äôve got it.\n"
    fixed, violations = _fix(text)
    assert fixed == "# Role\n\n#### `💰 USD 110k~190k` `🌎 Phoenix, AZ`\n\nWe’ve got it.\n"
    assert [(v.line, v.column, v.end_column, v.match) for v in violations] == [
        (3, 7, 11, "\uf8ffüí∞"),
        (3, 28, 31, "üåé"),
        (5, 3, 6, "‚Äô"),
    ]
    assert all(v.fix is not None and v.fix.applicability == "safe" for v in violations)


@pytest.mark.parametrize(
    ("garbled", "fixed", "applicability"),
    [
        ("Send your rÃ©sumÃ© today", "Send your résumé today", "safe"),
        ("weâ€™re hiring", "we’re hiring", "safe"),
        ("weÃ¢â‚¬â„¢re hiring", "we’re hiring", "safe"),
        ("g√¢teaux et r√©gime", "gâteaux et régime", "safe"),
        ("He's Justinâ\x9d¤", "He's Justin❤", "safe"),
        ("Milwaukeeâs office", "Milwaukee’s office", "unsafe"),
        ("$74,375 â $95,390 annually", "$74,375 – $95,390 annually", "unsafe"),
        ("â¢ Develop queries", "• Develop queries", "unsafe"),
        ("isÂ $74,375", "is $74,375", "unsafe"),
        ("РґРѕСЂРѕРіРµ", "дороге", "safe"),
    ],
)
def test_known_forms_are_repaired(garbled: str, fixed: str, applicability: str) -> None:
    assert _fix(garbled, unsafe=True)[0] == fixed
    assert {v.fix.applicability for v in _fix(garbled)[1]} == {applicability}


@pytest.mark.parametrize(
    "text",
    [
        "Écrivez-nous : « Équipe » et «École» ; “École” ; l’âge, le château, où, déjà.",
        "ÄRZTE’ VERBAND; SÓ… ; 4288×… ; (-1/2)! = √π ; OK??:(   `¬´    ):",
        "Bremer/Mccoy – DrÃ¥ber",
        "Её зовут Ёлка; Україна; Ђорђе",
        "招聘高级工程师，地点：北京。💰 ∞ √ ™ € ½",
    ],
)
def test_legitimate_text_is_left_alone(text: str) -> None:
    assert _fix(text, unsafe=True)[1] == []


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.lists(st.sampled_from(WORDS + ASCII), min_size=1, max_size=12))
def test_clean_text_is_never_flagged(words: list[str]) -> None:
    text = " ".join(words)
    assert find_mojibake(text) == []


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=80))
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    """`postlint fix` runs fixes to a fixpoint, so a second run has nothing left to do."""
    once, _ = fix_document(LINTER, parse(text, "text"), unsafe=True)
    assert fix_document(LINTER, parse(once, "text"), unsafe=True)[0] == once


@pytest.mark.parametrize("codec", ["windows-1252", "latin-1", "mac_roman", "double"])
def test_lossless_garbling_is_restored(codec: str) -> None:
    """Random postings-like texts, garbled losslessly, come back exactly in at least 99.9% of cases."""
    rng = random.Random(2026)
    cases = 3000
    restored = 0
    failures = []
    for _ in range(cases):
        words = [rng.choice(WORDS if rng.random() < 0.4 else ASCII) for _ in range(rng.randint(1, 10))]
        text = " ".join(words)
        if codec == "double":
            garbled = garble(garble(text, "windows-1252"), "windows-1252")
        elif codec == "latin-1":
            garbled = text.encode("utf-8").decode("latin-1")
        else:
            garbled = garble(text, codec)
        if _fix(garbled)[0] == text:
            restored += 1
        else:
            failures.append(text)
    assert restored / cases >= 0.999, failures[:5]


RANGES = [
    (0x20, 0x7E),
    (0xA0, 0xFF),
    (0x100, 0x17F),
    (0x391, 0x3C9),
    (0x410, 0x44F),
    (0x2010, 0x2027),
    (0x20AC, 0x20AC),
    (0x2122, 0x2122),
    (0x4E00, 0x9FFF),
    (0x1F300, 0x1F64F),
    (0xAC00, 0xD7A3),
]


def _random_unicode(rng: random.Random) -> str:
    """Dense random text from many scripts, with no spaces to separate words: a hard case."""
    chars: list[str] = []
    length = rng.randint(1, 30)
    while len(chars) < length:
        char = chr(rng.randint(*rng.choice(RANGES)))
        if not unicodedata.category(char).startswith("C"):
            chars.append(char)
    return "".join(chars)


def _restored_share(codec: str, cases: int = 1000) -> float:
    rng = random.Random(7)
    restored = 0
    for _ in range(cases):
        text = _random_unicode(rng)
        once = garble(text, "windows-1252" if codec == "double" else codec)
        garbled = garble(once, "windows-1252") if codec == "double" else once
        restored += _fix(garbled)[0] == text
    return restored / cases


@pytest.mark.parametrize(("codec", "floor"), [("windows-1252", 0.97), ("mac_roman", 0.91), ("double", 0.995)])
def test_random_unicode_garbling_is_mostly_restored(codec: str, floor: float) -> None:
    """A regression floor on dense random text (measured on 3,000 cases: 98.5%, 93.1%, 99.9%)."""
    assert _restored_share(codec) >= floor


@pytest.mark.xfail(strict=True, reason="lone Greek/Cyrillic letters and capitals next to symbols are left alone")
@pytest.mark.parametrize("codec", ["windows-1252", "mac_roman"])
def test_random_unicode_garbling_is_restored_in_999_of_1000(codec: str) -> None:
    assert _restored_share(codec) >= 0.999
