"""YAML front matter: `---` fenced at the very top of a posting.

A syntax error is a problem of the document (reported as a violation with its
line), not an exception: one bad posting must not stop a run over a folder.
"""

from __future__ import annotations

import re
from typing import Any

from postlint.document import DocumentDraft, FrontMatter, Problem
from postlint.regex_store import regex

_OPEN = regex(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = regex(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_TITLE_KEY = regex(r"^title[ \t]*:[ \t]*(\S.*?)[ \t]*\r?$", re.MULTILINE)
_TOP_KEY = regex(r"^([A-Za-z_][\w -]*?)\s*:", re.MULTILINE)


def split_front_matter(text: str) -> tuple[int, int, int] | None:
    """Return (yaml_start, yaml_end, block_end) offsets if the text opens with front matter."""
    opening = _OPEN.match(text)
    if opening is None:
        return None
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return None
    return opening.end(), closing.start(), closing.end()


def parse_front_matter(doc: DocumentDraft) -> int:
    """Parse the document's front matter into `doc.front_matter`; return where the body starts."""
    found = split_front_matter(doc.text)
    if found is None:
        return 0
    yaml_start, yaml_end, block_end = found
    source = doc.text[yaml_start:yaml_end]
    import yaml

    try:
        from postlint.yamlsafe import strict_loader

        data = yaml.load(source, Loader=strict_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        offset = yaml_start
        if mark is not None:
            offset = _offset_in(source, mark.line, mark.column) + yaml_start
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        doc.problems.append(Problem("front-matter", f"Front matter is not valid YAML: {problem}", offset, offset))
        data, offsets = _title_alone(source, yaml_start)
        doc.front_matter = FrontMatter(data, 0, block_end, offsets)
        return block_end
    if data is None:
        data = {}
    from postlint.yamlsafe import TooLarge, check_expanded_size

    try:
        check_expanded_size(data)
    except TooLarge as exc:
        doc.problems.append(Problem("front-matter", f"Front matter is ignored: {exc}", yaml_start, yaml_start))
        data = {}
    if not isinstance(data, dict):
        doc.problems.append(
            Problem("front-matter", "Front matter must be a mapping of keys to values", yaml_start, yaml_start)
        )
        data = {}
    keys = {str(k): v for k, v in data.items()}
    offsets = {m.group(1): yaml_start + m.start(1) for m in _TOP_KEY.finditer(source) if m.group(1) in keys}
    doc.front_matter = FrontMatter(keys, 0, block_end, offsets)
    return block_end


def _title_alone(source: str, yaml_start: int) -> tuple[dict[str, Any], dict[str, int]]:
    """The `title:` line of front matter that is not valid YAML, read on its own: (data, key offsets).

    An error further down ("Login.gov: Data Analyst" unquoted, an apostrophe inside single quotes)
    loses the whole mapping, yet the title line is there for any reader of the file. Only the title
    is kept; the rest of the mapping stays unread, as the front-matter problem says.
    """
    line = _TITLE_KEY.search(source)
    if line is None:
        return {}, {}
    value = line.group(1).strip()
    import yaml

    try:
        loaded = yaml.safe_load(value)
    except yaml.YAMLError:
        loaded = None
    if not isinstance(loaded, str):
        loaded = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
    if not loaded.strip() or loaded.strip()[0] in "{[|>&*!":
        return {}, {}
    return {"title": loaded.strip()}, {"title": yaml_start + line.start()}


def _offset_in(source: str, line: int, column: int) -> int:
    """Offset of a 0-based YAML mark (line, column) inside `source`."""
    pos = 0
    for _ in range(line):
        nxt = source.find("\n", pos)
        if nxt == -1:
            return len(source)
        pos = nxt + 1
    return min(pos + column, len(source))
