"""A guard against YAML alias bombs, for front matter and for packs and configs.

YAML aliases let a few lines describe a structure with billions of values
("billion laughs"). PyYAML shares the aliased objects, so loading stays cheap, but
anything that then walks the data (front-matter facts, position tracking, error
messages) visits every expanded value. The expanded size is measured here in time
linear in the *distinct* values, and a document over the limit is refused.
"""

from __future__ import annotations

from typing import Any

MAX_EXPANDED = 100_000  # values, aliases expanded; real front matter and packs hold a few thousand at most


class TooLarge(Exception):
    """The data expands (or recurses) beyond MAX_EXPANDED values."""


def _children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set):
        return list(value)
    value_attr = getattr(value, "value", None)  # a yaml Node: MappingNode holds pairs, SequenceNode items
    if isinstance(value_attr, list):
        return [part for item in value_attr for part in (item if isinstance(item, tuple) else (item,))]
    return []


def check_expanded_size(data: Any, limit: int = MAX_EXPANDED) -> None:
    """Raise TooLarge if `data` (plain data or a yaml node tree) expands to more than `limit` values."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(value: Any) -> int:
        key = id(value)
        known = sizes.get(key)
        if known is not None:
            return known
        children = _children(value)
        if not children:
            return 1
        if key in active:
            raise TooLarge("it refers to itself (a recursive alias)")
        active.add(key)
        total = 1
        for child in children:
            total += size(child)
            if total > limit:
                raise TooLarge(f"its aliases expand to more than {limit:,} values")
        active.discard(key)
        sizes[key] = total
        return total

    try:
        size(data)
    except RecursionError:
        raise TooLarge("it is nested too deeply") from None
