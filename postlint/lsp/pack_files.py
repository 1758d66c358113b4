"""Rule packs being written: validation errors and failing examples as diagnostics where they are.

A pack author sees the same errors `postlint packs test` and `postlint check --pack`
give, at the line and column of the bad node or of the example that does not behave.
"""

from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types

from postlint.errors import PostlintError
from postlint.lsp.diagnostics import SOURCE, error_diagnostic
from postlint.lsp.positions import PositionMap

_PACK_KEY = re.compile(r"^pack[ \t]*:", re.MULTILINE)


def is_pack(uri: str, text: str) -> bool:
    """A YAML file with a top-level `pack:` key."""
    return uri.lower().endswith((".yaml", ".yml")) and _PACK_KEY.search(text) is not None


def pack_diagnostics(text: str, path: Path, encoding: str) -> list[types.Diagnostic]:
    """The pack's first validation error, or else one diagnostic per failing pass/fail example."""
    from postlint.packs.loader import parse_pack

    positions = PositionMap(text, encoding)
    try:
        pack = parse_pack(text, str(path))
    except PostlintError as exc:
        return [error_diagnostic(exc, positions)]
    return _failing_examples(pack, text, path, positions)


def _failing_examples(pack: object, text: str, path: Path, positions: PositionMap) -> list[types.Diagnostic]:
    from postlint.engine import RuleEngine
    from postlint.packs.examples import run_examples
    from postlint.packs.loader import resolve_packs
    from postlint.packs.model import Pack
    from postlint.packs.yamlpos import load_yaml, locate
    from postlint.runner import load_gazetteer

    assert isinstance(pack, Pack)
    # The built-ins are known too, so a directive naming one of their rules is not "unknown".
    known = {Path(p.path).resolve(): p for p in resolve_packs(["builtin"], Path.cwd())}
    known[path.resolve()] = pack
    places = [entry for p in known.values() for entry in p.places]
    linter = RuleEngine(rules=tuple(r for p in known.values() for r in p.rules), gazetteer=load_gazetteer(places))
    _, marks = load_yaml(text, str(path))
    index = {rule.id: i for i, rule in enumerate(pack.rules)}
    out = []
    for result in run_examples(linter, list(pack.rules)):
        if result.ok:
            continue
        expect, _, law = result.expect.partition("@")
        rule_at = ("rules", index.get(result.rule, 0))
        where = (*rule_at, "examples", expect, result.index) if not law else (*rule_at, "law_examples")
        line, column = locate(marks, where)
        start = positions.offset_of_column((line or 1) - 1, (column or 1) - 1)
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        (l0, c0), (l1, c1) = positions.position(start), positions.position(end)
        out.append(
            types.Diagnostic(
                range=types.Range(
                    start=types.Position(line=l0, character=c0), end=types.Position(line=l1, character=c1)
                ),
                message=f"{result.rule} {result.expect}[{result.index}]: {result.detail}",
                severity=types.DiagnosticSeverity.Error,
                code="postlint/pack-example",
                source=SOURCE,
            )
        )
    return out
