"""`postlint explain`: a rule's documentation, generated from its YAML."""

from __future__ import annotations

import textwrap

from postlint.kinds.base import Example
from postlint.packs.model import Rule

_SKIP = {"id", "kind", "severity", "message", "description", "references", "aliases", "when", "scope", "examples"}


def _fix_safety(rule: Rule) -> str:
    spec = rule.spec
    replace = getattr(spec, "replace", None)
    if replace:
        single = getattr(spec, "fix", "safe")
        return (
            f"Terms with one replacement get a {single} fix (applied by `postlint fix`"
            f"{'' if single == 'safe' else ' --unsafe-fixes'}); terms with several get suggestions."
        )
    return "No automatic fix: the rule shows what to change."


def render_explanation(rule: Rule) -> str:
    """The rule's what, why, options, fix safety, references and examples, as text."""
    spec = rule.spec
    out = [f"{rule.id}", "=" * len(rule.id), ""]
    out.append(
        f"Pack: {rule.pack} · Kind: {spec.kind} · Severity: {rule.severity.name} · Scope: {', '.join(spec.scopes)}"
    )
    if spec.aliases:
        out.append(f"Also known as: {', '.join(spec.aliases)}")
    out += ["", f"Message: {spec.message}", "", "Why it matters", "--------------"]
    out += [*textwrap.wrap(" ".join(spec.description.split()), 88), ""]
    when = spec.when.model_dump(exclude_defaults=True)
    if when:
        out += ["Applies when", "------------"] + [f"  {k}: {v}" for k, v in when.items()] + [""]
    options = {k: v for k, v in spec.model_dump(exclude_defaults=True).items() if k not in _SKIP}
    if options:
        out += ["Options", "-------"]
        for key, value in options.items():
            out.append(f"  {key}: {value}")
        out.append("")
    out += ["Fix safety", "----------", _fix_safety(rule), ""]
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
