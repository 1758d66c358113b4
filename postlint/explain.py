"""`postlint explain`: a rule's documentation, generated from its YAML."""

from __future__ import annotations

import textwrap
from typing import Any

from postlint.kinds.spec_base import Example
from postlint.packs.model import Rule

_SKIP = {
    "id",
    "kind",
    "severity",
    "message",
    "message_elsewhere",
    "description",
    "references",
    "aliases",
    "when",
    "scope",
    "examples",
    "laws",
    "elsewhere",
    "law_examples",
    "requires",
}


def _laws_section(rule: Rule) -> list[str]:
    """The laws a rule encodes: jurisdiction, law, citation, status and dates, whom it binds, what each
    accepts, how sure the data is and where it comes from."""
    import datetime as dt

    from postlint.law_table import currency_note

    spec = rule.validated
    today = dt.date.today()
    elsewhere = spec.elsewhere
    out = ["Laws it encodes", "---------------"]
    out.append(
        f"An {rule.severity.name} where one of these is in force for the posting's jurisdictions"
        + (f"; a {elsewhere} elsewhere." if elsewhere else "; the rule does not run elsewhere.")
        + " A law whose penalties have not started is a warning until they do."
    )
    out.append("")
    for law_spec, law in zip(spec.laws, rule.laws, strict=True):
        out.append(f"  {law.jurisdiction:<18} {law.title}")
        dates = [f"since {law.since.isoformat() if law.since else '—'}"]
        if law.enforced:
            dates.append(f"enforced from {law.enforced.isoformat()}")
        if law.until:
            dates.append(f"until {law.until.isoformat()}")
        out.append(f"  {'':<18} {law.state(today)}; {', '.join(dates)}; status: {law.status}")
        extra = law_spec.params()
        details = [
            f"{k}: {', '.join(v) if isinstance(v, (list, tuple)) else v}" for k, v in extra.items() if v is not None
        ]
        if law.threshold_text:
            details.insert(0, f"binds employers of {law.threshold_text}")
        if law.severity:
            details.append(f"severity: {law.severity}")
        if details:
            out.append(f"  {'':<18} {'; '.join(details)}")
        checked = f", verified {law.verified.isoformat()}" if law.verified else ", not verified"
        out.append(f"  {'':<18} confidence: {law.confidence}{checked}")
        if law.note:
            out += [f"  {'':<18} {line}" for line in textwrap.wrap(law.note, 68)]
        out += [f"  {'':<18} {url}" for url in law.urls]
    out += ["", *textwrap.wrap(currency_note(rule.laws), 88), ""]
    return out


def render_explanation(rule: Rule) -> str:
    """The rule's what, why, options, fix safety, references and examples, as text."""
    spec = rule.validated
    out = [f"{rule.id}", "=" * len(rule.id), ""]
    out.append(
        f"Pack: {rule.pack} · Kind: {spec.kind} · Severity: {rule.severity.name} · Scope: {', '.join(spec.scopes)}"
    )
    if spec.aliases:
        out.append(f"Also known as: {', '.join(spec.aliases)}")
    out += ["", f"Message: {spec.message}"]
    if spec.message_elsewhere:
        out.append(f"Elsewhere: {spec.message_elsewhere}")
    out += ["", "Why it matters", "--------------"]
    out += [*textwrap.wrap(" ".join(spec.description.split()), 88), ""]
    if spec.laws:
        out += _laws_section(rule)
    when = spec.when.model_dump(exclude_defaults=True)
    if when:
        out += ["Applies when", "------------"] + [f"  {k}: {v}" for k, v in when.items()] + [""]
    options = {k: v for k, v in spec.model_dump(exclude_defaults=True).items() if k not in _SKIP}
    if options:
        out += ["Options", "-------"]
        for key, value in options.items():
            out += _option_lines(key, value, "  ")
        out.append("")
    out += ["Fix safety", "----------", spec.fix_safety(), ""]
    if spec.references:
        out += ["References", "----------"] + [f"  {r}" for r in spec.references] + [""]
    for title, items in (("Fails on", spec.examples.failing), ("Passes on", spec.examples.passing)):
        if not items:
            continue
        out += [title, "-" * len(title)]
        for item in items:
            example = item if isinstance(item, Example) else Example(text=item)
            out += [textwrap.indent(example.text.rstrip("\n") or "(empty)", "    | "), ""]
    return "\n".join(out).rstrip() + "\n"


def _option_lines(key: str, value: Any, indent: str) -> list[str]:
    """An option as the pack writes it: a list of patterns or terms one a line, a nested option (`partly`,
    `accepts_in`) key by key, a value on its key's line."""
    if isinstance(value, dict) and value:
        return [f"{indent}{key}:"] + [line for k, v in value.items() for line in _option_lines(k, v, indent + "  ")]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return [f"{indent}{key}:"] + [f"{indent}  - {v}" for v in value]
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, dict) for v in value):
        lines = [f"{indent}{key}:"]
        for item in value:
            nested = [line for k, v in item.items() for line in _option_lines(k, v, indent + "    ")]
            lines += [f"{indent}  - {nested[0].lstrip()}", *nested[1:]]
        return lines
    return [f"{indent}{key}: {value}"]
