"""The `field` check: a metadata field is present, or matches a pattern."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from postlint.document import Document
from postlint.kinds.check_base import Check, Context
from postlint.violation import Finding


def _label_key(name: str) -> str:
    return re.sub(r"[\s_-]+", " ", name.strip().lower())


@dataclass(frozen=True, slots=True)
class FieldCheck(Check):
    field: str
    required: bool
    pattern: re.Pattern[str] | None
    labels: bool

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        key = ctx.field_name(self.field)
        value: Any = doc.meta(key)
        start = end = 0
        if doc.front_matter is not None and key in doc.front_matter.key_offsets:
            start = doc.front_matter.key_offsets[key]
            end = start + len(key)
        if value is None and self.labels:
            wanted = _label_key(key)
            for item in doc.fields:
                if _label_key(item.name) == wanted:
                    value, start, end = item.value, item.start, item.end
                    break
        values = {"field": key, "value": "" if value is None else str(value), "match": ""}
        if value in (None, "", [], {}):
            if self.required:
                yield Finding(start, end, values)
            return
        if self.pattern is not None and not self.pattern.search(str(value)):
            yield Finding(start, end, values)
