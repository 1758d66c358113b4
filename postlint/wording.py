"""Counts in messages, worded as a person would: '1 rule', '2 rules', '1 fix', '3 fixes'."""

from __future__ import annotations

_IRREGULAR = {"fix": "fixes", "info": "info", "match": "matches"}


def plural(count: int, noun: str) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one."""
    if count == 1:
        return f"{count} {noun}"
    return f"{count} {_IRREGULAR.get(noun, noun + 's')}"
