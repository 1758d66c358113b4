"""Regexes pickled with their compiled code come back identical, and bad code falls back to the source."""

from __future__ import annotations

import pickle
import re

import pytest

from postlint.compiled_regex import dumps, restore

PATTERNS = [
    (r"(?P<word>\w+)\s+(?P=word)", 0),
    (r"(?<!\w)(?:São\s+Paulo|Zürich|北京|Denver,\s*CO)(?!\w)", re.IGNORECASE),
    (r"^\s*(?:salary|pay)\s*[:：]\s*\$?\d{2,3}(?:,\d{3})*", re.MULTILINE | re.IGNORECASE),
    (r"[\u3040-\u30ff\u3400-\u9fff]+", 0),
    (r"(?x) a \s b  # verbose", 0),
    (rb"\xef\xbb\xbf", 0),
]
TEXTS = [
    "hello hello world",
    "Jobs in São Paulo, ZÜRICH and 北京",
    "Salary: $52,000\n pay : 61,000",
    "カタカナ漢字",
    "a b",
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_round_trip_is_the_same_pattern(source: str | bytes, flags: int) -> None:
    original = re.compile(source, flags)
    restored = pickle.loads(dumps(original))
    assert (restored.pattern, restored.flags, restored.groups, restored.groupindex) == (
        original.pattern,
        original.flags,
        original.groups,
        original.groupindex,
    )
    for text in TEXTS:
        subject = text.encode("utf-8") if isinstance(source, bytes) else text
        assert [m.span() for m in restored.finditer(subject)] == [m.span() for m in original.finditer(subject)]


def test_patterns_inside_other_objects() -> None:
    value = {"rules": [re.compile("a+"), (re.compile("b", re.I), "x")]}
    restored = pickle.loads(dumps(value))
    assert restored["rules"][0].fullmatch("aaa") and restored["rules"][1][0].fullmatch("B")


def test_code_the_matcher_refuses_falls_back_to_the_source() -> None:
    broken = (0, [999999, 1, 2], 0, {}, (None,))
    restored = restore("ab+", 0, broken)
    assert restored.fullmatch("abbb")
    assert restore("ab+", 0, None).fullmatch("ab")
