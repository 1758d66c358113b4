"""The README's pack example is a real pack: it loads and its examples pass."""

from __future__ import annotations

import re
from pathlib import Path

from postlint.engine import RuleEngine
from postlint.packs.examples import run_examples
from postlint.packs.loader import parse_pack
from postlint.runner import load_gazetteer

README = Path(__file__).resolve().parents[1] / "README.md"


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_readme_pack_examples_load_and_their_examples_pass() -> None:
    packs = [block for block in _yaml_blocks() if block.startswith("pack:")]
    assert len(packs) >= 2, "the README shows an example pack and a jurisdiction of one's own"
    for block in packs:
        pack = parse_pack(block, "README.md")
        linter = RuleEngine(rules=pack.rules, gazetteer=load_gazetteer(pack.places))
        results = list(run_examples(linter, list(pack.rules)))
        assert results, f"{pack.name}: no examples"
        assert all(r.ok for r in results), [r.detail for r in results if not r.ok]


def test_readme_config_example_is_valid(tmp_path: Path) -> None:
    from postlint.config import load_config

    configs = [block for block in _yaml_blocks() if block.startswith("packs:")]
    assert configs
    (tmp_path / "compliance").mkdir()
    config = tmp_path / ".postlint.yaml"
    config.write_text(configs[0], encoding="utf-8")
    settings = load_config(config)
    assert settings.fail_on == "error"
    assert settings.per_file_ignores == {"drafts/**": ("quality/placeholder",)}


def test_readme_python_api_example_runs(capsys) -> None:
    """The API example runs as written and prints what `--format json` would list."""
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    (example,) = [block for block in blocks if "Linter.from_config" in block]
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "pay/salary-range" in printed  # the location fact brings Colorado's pay law


def test_readme_batch_example_runs() -> None:
    import os
    import subprocess
    import sys

    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    (example,) = [block for block in blocks if "--input jsonl" in block]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", example], check=False, capture_output=True, text=True, timeout=120, env=env)
    lines = done.stdout.splitlines()
    assert len(lines) == 3, done.stderr
    assert '"error":null' in lines[0] and '"error":"line 3:' in lines[2]
