"""Running each rule's `pass`/`fail` examples: the examples in the docs are tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint.engine import Linter
from postlint.fixes import apply_edits
from postlint.kinds.base import Example
from postlint.packs.model import Rule
from postlint.reader import build_document


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: str
    expect: str  # "pass" or "fail"
    index: int
    ok: bool
    detail: str
    source: str
    line: int


def _as_example(item: str | Example) -> Example:
    return item if isinstance(item, Example) else Example(text=item)


def run_examples(linter: Linter, rules: list[Rule]) -> Iterator[ExampleResult]:
    """Check each rule's examples with `linter` (which knows every rule, for directives)."""
    for rule in rules:
        examples = rule.spec.examples
        for expect, items in (("pass", examples.passing), ("fail", examples.failing)):
            for index, item in enumerate(items):
                yield _run_one(linter, rule, expect, index, _as_example(item))


def _run_one(linter: Linter, rule: Rule, expect: str, index: int, example: Example) -> ExampleResult:
    path = f"example.{ {'markdown': 'md', 'text': 'txt', 'html': 'html'}[example.format] }"
    try:
        data = example.text.encode(example.encoding)
    except (LookupError, UnicodeEncodeError) as exc:
        return ExampleResult(rule.id, expect, index, False, f"cannot encode example: {exc}", rule.source, rule.line)
    doc = build_document(data, path, example.format)
    if example.link_status is not None:
        from dataclasses import replace

        from postlint.links.status import LinkStatus

        statuses = {url: LinkStatus(url, **s.model_dump()) for url, s in example.link_status.items()}
        linter = replace(linter, link_status=statuses)
    found = linter.lint_document(doc, jurisdictions=example.jurisdictions or None, only=rule.id)
    where = ", ".join(f"{v.line}:{v.column} {v.message}" for v in found)
    if expect == "pass":
        ok = not found
        detail = "no violation, as expected" if ok else f"expected no violation, got: {where}"
    else:
        ok = bool(found)
        detail = f"violation, as expected ({where})" if ok else "expected a violation, got none"
        if ok and example.fixed is not None:
            fixed, _ = apply_edits(doc.text, found, unsafe=True)
            if fixed != example.fixed:
                ok, detail = False, f"fixed text differs: expected {example.fixed!r}, got {fixed!r}"
    return ExampleResult(rule.id, expect, index, ok, detail, rule.source, rule.line)
