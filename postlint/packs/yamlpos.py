"""YAML with positions: the data plus the line and column of every key and item.

PyYAML's constructed data forgets where things were; pack and config errors
must say `file:line:col`, so the node tree is walked alongside the data.
"""

from __future__ import annotations

from typing import Any

from postlint.errors import PostlintError

Path = tuple[str | int, ...]


def load_yaml(
    source: str, filename: str, error: type[PostlintError] = PostlintError, *, trusted: bool = False
) -> tuple[Any, dict[Path, tuple[int, int]]]:
    """Parse one YAML document; return (data, {path: (line, column)}), 1-based.

    `trusted` (a pack postlint ships) skips the alias-bomb guard and the duplicate-key
    check, records only the positions of the top-level keys and of each item of
    `rules`, and builds strings, mappings and lists without PyYAML's constructor:
    each cost a start a few milliseconds, for checks and positions that only a broken
    pack needs. The test suite loads the shipped packs untrusted.
    """
    import yaml

    from postlint.yamlsafe import TooLarge, check_expanded_size, strict_loader

    loader = strict_loader()(source)

    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        if not trusted:
            check_expanded_size(node)
        data = _construct_plainly(loader, node) if trusted else loader.construct_document(node)
    except TooLarge as exc:
        raise error(f"YAML refused: {exc}", path=filename) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise error(
            f"YAML syntax error: {exc.problem or exc.context}", path=filename, line=line, column=column
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", path=filename) from None
    finally:
        loader.dispose()
    marks: dict[Path, tuple[int, int]] = {}
    if trusted:
        _walk_rules(node, marks)
    else:
        _walk(node, (), marks, filename, error)
    return data, marks


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class _NotPlain(Exception):
    """A mapping key that is not a string: PyYAML's constructor builds the document."""


def load_shipped(text: str) -> Any:
    """A data file postlint ships (gazetteer, word lists, link hosts) as `yaml.load` with the safe loader
    builds it, but with strings, mappings and lists built directly (`_construct_plainly`): a start without
    the disk cache reads them all, and PyYAML's constructor took half the time of reading them."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct_plainly(loader, node)
    finally:
        loader.dispose()


def _construct_plainly(loader: Any, root: Any) -> Any:
    """The document's data as `loader.construct_document` builds it, a few times faster: strings,
    mappings and lists directly (an alias gets the same object), other scalars by the loader."""
    built: dict[int, tuple[Any]] = {}

    def build(node: Any) -> Any:
        known = built.get(id(node))
        if known is not None:
            return known[0]
        tag = node.tag
        value: Any
        if tag == _STR:
            value = node.value
        elif tag == _MAP:
            value = {}
            for key_node, value_node in node.value:
                if key_node.tag != _STR:  # a merge key ('<<'), a number, a nested key...
                    raise _NotPlain
                value[key_node.value] = build(value_node)
        elif tag == _SEQ:
            value = [build(item) for item in node.value]
        else:
            value = loader.construct_object(node, deep=True)
        built[id(node)] = (value,)
        return value

    try:
        return build(root)
    except _NotPlain:
        return loader.construct_document(root)


def _walk_rules(node: Any, marks: dict[Path, tuple[int, int]]) -> None:
    """The positions a trusted pack needs: the document, its top-level keys and each rule."""
    import yaml

    marks[()] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        key = str(key_node.value)
        marks[(key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if key == "rules" and isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                marks[(key, index)] = (item.start_mark.line + 1, item.start_mark.column + 1)


def _walk(node: Any, path: Path, marks: dict[Path, tuple[int, int]], filename: str, error: type[PostlintError]) -> None:
    import yaml

    marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                raise error(f"duplicate key {key!r}", path=filename, line=line, column=column)
            seen.add(key)
            child = (*path, key)
            _walk(value_node, child, marks, filename, error)
            marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), marks, filename, error)


def locate(marks: dict[Path, tuple[int, int]], loc: Path) -> tuple[int | None, int | None]:
    """The position of the deepest known node on a pydantic error's path."""
    for cut in range(len(loc), -1, -1):
        found = marks.get(tuple(loc[:cut]))
        if found is not None:
            return found
    return None, None


def describe(loc: Path) -> str:
    """`rules[3] -> patterns[2]` from ('rules', 3, 'patterns', 2)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += (" -> " if out else "") + str(part)
    return out


def boolean_hint(error: Any) -> str:
    """A note for a pydantic error where YAML 1.1 read a bare word as a boolean: `NO:` (Norway) is `false`."""
    if error.get("type") == "string_type" and isinstance(error.get("input"), bool):
        return '; YAML reads yes, no, on, off, true and false without quotes as booleans: quote it ("NO")'
    return ""
