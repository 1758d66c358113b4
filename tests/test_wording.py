"""Messages read as a person would write them: plurals agree, placeholders are never empty, figures are true."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from conftest import ROOT, lint, run_cli

from postlint.engine import RuleEngine
from postlint.packs.examples import run_examples
from postlint.packs.loader import parse_pack
from postlint.runner import load_gazetteer
from postlint.wording import plural

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(0, "file", "0 files"), (1, "file", "1 file"), (2, "rule", "2 rules"), (1, "fix", "1 fix"), (3, "fix", "3 fixes")],
)
def test_plural(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def test_a_one_word_posting_has_one_word() -> None:
    [found] = [v for v in lint("Hello\n", "text", "quality/too-short")]
    assert "has 1 word;" in found.message


def test_fix_on_a_clean_folder_says_nothing_to_fix(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Engineer\n\nJoin us.\n", encoding="utf-8")
    code, _, err = run_cli("fix", "a.md", cwd=tmp_path)
    assert code == 0
    assert err.strip() == "Nothing to fix in 1 file."


def test_packs_test_counts_one_rule_in_one_pack(tmp_path: Path) -> None:
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", README, re.DOTALL) if b.startswith("pack: acme-zedland"))
    (tmp_path / "zed.yaml").write_text(block, encoding="utf-8")
    code, out, _ = run_cli("packs", "test", "zed.yaml", cwd=tmp_path)
    assert code == 0
    assert out.strip().endswith("(1 rule in 1 pack)")


def test_readme_packs_fire_with_whole_messages() -> None:
    """No placeholder of a README pack renders empty (`use ''`) when its rule fires."""
    for block in re.findall(r"```yaml\n(.*?)```", README, re.DOTALL):
        if not block.startswith("pack:"):
            continue
        pack = parse_pack(block, "README.md")
        linter = RuleEngine(rules=pack.rules, gazetteer=load_gazetteer(pack.places))
        fired = [r.detail for r in run_examples(linter, list(pack.rules)) if r.expect == "fail"]
        assert fired
        for detail in fired:
            assert "''" not in detail and "{" not in detail, detail


def test_readme_pickle_size_is_measured() -> None:
    """The README's figure for a pickled Linter stays within a third of what it is."""
    from postlint.api import Linter as ApiLinter

    size = len(pickle.dumps(ApiLinter.from_config())) / 1000
    [stated] = {int(m) for m in re.findall(r"about (\d+) kB with the built-in packs", README)}
    assert stated * 0.67 < size < stated * 1.5, size
