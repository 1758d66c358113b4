"""Running each rule's `pass`/`fail` examples: the examples in the docs are tests.

Rules with laws also run examples per law: the law's own `examples`, or the rule's
`law_examples`, placed in the law's jurisdiction on the day it is enforced. A fail
example must then produce a finding that names that law, so every law entry is shown
to work; a law that is only proposed or watched must name it nowhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from postlint.engine import OFFLINE, RuleEngine, RunContext
from postlint.fixes import apply_edits
from postlint.kinds.spec_base import Example, Examples
from postlint.laws import BINDING, Law
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


def run_examples(linter: RuleEngine, rules: list[Rule]) -> Iterator[ExampleResult]:
    """Check each rule's examples with `linter` (which knows every rule, for directives)."""
    for rule in rules:
        examples = rule.validated.examples
        for expect, items in (("pass", examples.passing), ("fail", examples.failing)):
            for index, item in enumerate(items):
                yield _run_one(linter, rule, expect, index, _as_example(item))
        for spec, law in zip(rule.validated.laws, rule.laws, strict=True):
            yield from _run_law(linter, rule, law, spec.examples or rule.validated.law_examples)


def law_day(law: Law) -> dt.date:
    """The day a law's examples are linted: when it is enforced (or in force), else today."""
    days = [d for d in (law.since, law.enforced) if d is not None]
    return max(days) if days else dt.date.today()


def _run_law(linter: RuleEngine, rule: Rule, law: Law, examples: Examples | None) -> Iterator[ExampleResult]:
    if examples is None:
        return
    binding = law.status in BINDING
    for expect, items in (("pass", examples.passing), ("fail", examples.failing)):
        for index, item in enumerate(items):
            example = _as_example(item)
            example = example.model_copy(
                update={
                    "jurisdictions": example.jurisdictions or (law.jurisdiction,),
                    "as_of": example.as_of or law_day(law),
                }
            )
            label = f"{expect}@{law.jurisdiction}"
            if expect == "fail" and binding:
                yield _run_one(linter, rule, label, index, example, names=law.name)
            elif expect == "fail":
                yield _run_one(linter, rule, label, index, example, silent_about=law.name)
            else:
                yield _run_one(linter, rule, label, index, example)


def _run_one(
    linter: RuleEngine,
    rule: Rule,
    expect: str,
    index: int,
    example: Example,
    *,
    names: str | None = None,
    silent_about: str | None = None,
) -> ExampleResult:
    path = f"example.{ {'markdown': 'md', 'text': 'txt', 'html': 'html'}[example.format] }"
    try:
        data = example.text.encode(example.encoding)
    except (LookupError, UnicodeEncodeError) as exc:
        return ExampleResult(rule.id, expect, index, False, f"cannot encode example: {exc}", rule.source, rule.line)
    doc = build_document(data, path, example.format)
    if example.as_of is not None:
        linter = replace(linter, today=example.as_of)
    run = OFFLINE
    if example.link_status is not None:
        from postlint.links.status import LinkStatus

        statuses = {url: LinkStatus(url, **s.model_dump()) for url, s in example.link_status.items()}
        run = RunContext(link_status=statuses)
    found = linter.lint_document(doc, jurisdictions=example.jurisdictions or None, only=rule.id, run=run)
    where = ", ".join(f"{v.line}:{v.column} {v.message}" for v in found)
    if silent_about is not None:
        ok = not any(silent_about in v.message for v in found)
        detail = f"{silent_about} is not in force, as expected" if ok else f"a proposed law was applied: {where}"
    elif names is not None:
        ok = any(names in v.message for v in found)
        detail = f"violation naming {names}, as expected" if ok else f"expected a violation naming {names}: {where}"
    elif expect.startswith("pass"):
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
