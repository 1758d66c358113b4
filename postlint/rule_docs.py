"""A rule with its YAML spec, for documentation: compiled packs from the disk cache carry none."""

from __future__ import annotations

from postlint.errors import PostlintError
from postlint.packs.model import Rule


def documented(rule: Rule) -> Rule | None:
    """The rule with its spec (read again from its pack file if needed); None if the pack cannot be read."""
    if rule.spec is not None:
        return rule
    from postlint.packs.loader import load_pack

    try:
        pack = load_pack(rule.source, use_cache=False)
    except PostlintError:
        return None
    found = next((r for r in pack.rules if r.id == rule.id), None)
    return found.with_severity(rule.severity) if found is not None else None
