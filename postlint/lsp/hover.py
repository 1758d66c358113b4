"""Hover on a finding: the rule's documentation, and the laws that apply to this posting."""

from __future__ import annotations

import datetime as dt

from postlint import rule_docs
from postlint.laws import active_laws
from postlint.lsp.postings import LintResult
from postlint.packs.model import Rule
from postlint.violation import Violation


def hover_markdown(result: LintResult, offset: int) -> str | None:
    """Markdown for the violations under `offset` (None when there is none)."""
    if result.linter is None:
        return None
    here = [v for v in result.violations if v.start <= offset <= v.end]
    if not here:
        return None
    parts = [_one(result, violation) for violation in dict((v.rule, v) for v in here).values()]
    return "\n\n---\n\n".join(parts)


def _one(result: LintResult, violation: Violation) -> str:
    assert result.linter is not None
    rule = next((r for r in result.linter.engine.rules if r.id == violation.rule), None)
    out = [f"**{violation.rule}** ({violation.severity.name}): {violation.message}"]
    if violation.suggestion:
        out.append(f"Suggestion: {violation.suggestion}")
    if rule is None:  # an engine problem (input/…, postlint/…): its message says it all
        return "\n\n".join(out)
    out.append(_laws_here(result, rule))
    documented = rule_docs.documented(rule)
    if documented is not None:
        from postlint.explain import render_explanation

        out.append(render_explanation(documented))
    else:
        out.append(" ".join(rule.description.split()))
        out += [f"- <{url}>" for url in rule.references]
    return "\n\n".join(part for part in out if part)


def _laws_here(result: LintResult, rule: Rule) -> str:
    """The rule's laws in force for the posting's jurisdictions today, with their citations and sources."""
    if not rule.laws or result.linter is None:
        return ""
    engine = result.linter.engine
    facts = engine.facts(result.document())
    today = engine.today or dt.date.today()
    laws = active_laws(rule.laws, facts.jurisdictions, today)
    places = ", ".join(facts.jurisdictions) or "no jurisdiction found"
    if not laws:
        return f"**Laws that apply here** ({places}): none of this rule's laws is in force."
    lines = [f"**Laws that apply here** ({places}):"]
    for law in laws:
        sources = " ".join(f"<{url}>" for url in law.urls)
        lines.append(f"- {law.jurisdiction}: {law.title}; {law.state(today)} {sources}".rstrip())
    return "\n".join(lines)
