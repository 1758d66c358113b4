"""A guard against YAML alias bombs, for front matter and for packs and configs.

YAML aliases let a few lines describe a structure with billions of values
("billion laughs"). PyYAML shares the aliased objects, so loading stays cheap, but
anything that then walks the data (front-matter facts, position tracking, error
messages) visits every expanded value. The expanded size is measured here in time
linear in the *distinct* values, and a document over the limit is refused.
"""

from __future__ import annotations

from functools import lru_cache
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


def strict_loader() -> Any:
    """PyYAML's safe loader (C-accelerated when available) whose scalars never raise a bare ValueError.

    A date that does not exist (`2024-02-30`) or an integer longer than Python converts
    (over 4,300 digits) makes PyYAML raise ValueError with no position; here it is a
    ConstructorError with the scalar's line, so front matter reports it as a finding on
    the posting and packs and configs as an error naming file and line.
    """
    return _strict_loader()


@lru_cache(maxsize=1)
def _strict_loader() -> Any:
    import yaml
    from yaml.constructor import ConstructorError, SafeConstructor

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def guarded(construct: Any, what: str) -> Any:
        def build(loader: Any, node: Any) -> Any:
            try:
                return construct(loader, node)
            except (ValueError, OverflowError) as exc:
                shown = str(node.value)
                shown = shown if len(shown) <= 40 else shown[:37] + "..."
                raise ConstructorError(
                    None, None, f"{shown!r} is not a valid {what} ({exc})", node.start_mark
                ) from None

        return build

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        """The safe loader with scalar construction errors as marked YAML errors."""

    for tag, method, what in (
        ("timestamp", SafeConstructor.construct_yaml_timestamp, "date"),
        ("int", SafeConstructor.construct_yaml_int, "integer"),
        ("float", SafeConstructor.construct_yaml_float, "number"),
    ):
        StrictLoader.add_constructor(f"tag:yaml.org,2002:{tag}", guarded(method, what))
    return StrictLoader
