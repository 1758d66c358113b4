"""action.yml, the GitHub Action: its structure, and its shell steps run the way a runner runs them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, ROOT, cli_env

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
INPUT = re.compile(r"\binputs\.([A-Za-z0-9_-]+)")


def strings(node: Any) -> list[str]:
    """Every string in a YAML tree, keys excepted."""
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return [node] if isinstance(node, str) else []


def test_it_is_a_composite_action_with_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["name"] and ACTION["description"]
    assert set(ACTION["inputs"]) == {"paths", "args", "version", "sarif", "python-version"}
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name
        assert "default" in spec and isinstance(spec["default"], str), name


def test_every_input_used_is_declared_and_every_declared_input_is_used() -> None:
    used = {m for text in strings(ACTION["runs"]) for m in INPUT.findall(text)}
    used |= {m for text in strings(ACTION.get("outputs", {})) for m in INPUT.findall(text)}
    assert used == set(ACTION["inputs"])


def test_steps_are_well_formed() -> None:
    ids = {step["id"] for step in STEPS if "id" in step}
    for step in STEPS:
        assert ("run" in step) != ("uses" in step), step
        if "run" in step:
            assert step["shell"] == "bash", step  # composite steps must name their shell
            # inputs reach scripts through `env`, never pasted into the script (no injection)
            assert "${{" not in step["run"], step["name"]
        else:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]
    for output in ACTION["outputs"].values():
        for expression in EXPRESSION.findall(output["value"]):
            step_id = re.fullmatch(r"steps\.([\w-]+)\.outputs\.[\w-]+", expression)
            assert step_id and step_id.group(1) in ids, expression
    uses = [step["uses"].split("@")[0] for step in STEPS if "uses" in step]
    assert uses == ["actions/setup-python", "github/codeql-action/upload-sarif"]


def runner_env(step: dict[str, Any], inputs: dict[str, str]) -> dict[str, str]:
    """A step's `env`, with `${{ inputs.x }}` replaced by the inputs given (or their defaults)."""
    values = {name: spec["default"] for name, spec in ACTION["inputs"].items()} | inputs

    def expand(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = re.fullmatch(r"inputs\.([\w-]+)", match.group(1))
            assert name, match.group(0)
            return values[name.group(1)]

        return EXPRESSION.sub(one, text)

    return {key: expand(str(value)) for key, value in step.get("env", {}).items()}


def enabled(step: dict[str, Any], inputs: dict[str, str]) -> bool:
    condition = step.get("if")
    if condition is None:
        return True
    match = re.fullmatch(r"inputs\.([\w-]+) == '(\w+)'", condition)
    assert match, condition  # the only form of condition this action uses
    return inputs.get(match.group(1), ACTION["inputs"][match.group(1)]["default"]) == match.group(2)


def run_steps(workspace: Path, inputs: dict[str, str]) -> list[tuple[str, int, str, str]]:
    """Run the action's shell steps after installation, as a runner would: (name, exit code, stdout, stderr)."""
    outputs = workspace / "github-output"
    outputs.touch()
    done = []
    for step in STEPS:
        if "run" not in step or step["name"] in {"Install postlint"} or not enabled(step, inputs):
            continue
        env = cli_env(
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_OUTPUT": str(outputs),
                "GITHUB_ACTION_PATH": str(ROOT),
                "PATH": f"{Path(sys.executable).parent}:{cli_env()['PATH']}",
            }
        )
        env.pop("NO_COLOR")
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=env | runner_env(step, inputs),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        done.append((step["name"], proc.returncode, proc.stdout, proc.stderr))
    return done


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "postings").mkdir()
    (tmp_path / ".postlint.yaml").write_text("packs: [quality, encoding, eeo, pay, visa]\n", encoding="utf-8")
    flawed = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
    (tmp_path / "postings" / "leftovers.md").write_text(flawed, encoding="utf-8")
    clean = (EXAMPLES / "clean" / "backend-engineer-denver.md").read_text(encoding="utf-8")
    (tmp_path / "clean.md").write_text(clean, encoding="utf-8")
    return tmp_path


def test_steps_annotate_violations_and_fail(workspace: Path) -> None:
    (name, code, out, err), *more = run_steps(workspace, {"paths": "postings\nclean.md", "args": "--fail-on error"})
    assert more == []
    assert (name, code) == ("Run postlint", 1), err
    assert "::error file=postings/leftovers.md,line=7,col=11," in out
    assert "title=quality/placeholder::" in out
    assert "::error file=clean.md" not in out


def test_steps_pass_on_clean_postings(workspace: Path) -> None:
    [(_, code, out, err)] = run_steps(workspace, {"paths": "clean.md"})
    assert code == 0, out + err
    assert "::error" not in out


def test_sarif_step_writes_a_report_and_lets_the_check_decide(workspace: Path) -> None:
    (sarif_step, sarif_code, _, err), (_, code, out, _) = run_steps(workspace, {"paths": "postings", "sarif": "true"})
    assert (sarif_step, sarif_code) == ("Write the SARIF report", 0), err
    assert code == 1 and "::error file=postings/leftovers.md" in out
    report = json.loads((workspace / "postlint.sarif").read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    assert "quality/placeholder" in {r["ruleId"] for run in report["runs"] for r in run["results"]}
    assert "file=postlint.sarif" in (workspace / "github-output").read_text(encoding="utf-8").splitlines()


def test_a_file_named_like_an_option_stays_a_path_in_the_action(workspace: Path) -> None:
    """The Action's paths are globbed by the shell: names a pull request chose must come after `--`."""
    (workspace / "cfg.md").write_text("packs: []\n", encoding="utf-8")  # a config that would turn every rule off
    flawed = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
    (workspace / "--config=cfg.md").write_text(flawed, encoding="utf-8")
    (workspace / "--output=README.md").write_text(flawed, encoding="utf-8")
    readme = workspace / "README.md"
    readme.write_text("# Our postings\n", encoding="utf-8")
    steps = run_steps(workspace, {"paths": "*.md", "sarif": "true"})  # the shell expands it to those names
    (_, code, out, err) = steps[-1]
    assert code == 1, err
    assert "file=--config=cfg.md,line=7,col=11," in out
    assert readme.read_text(encoding="utf-8") == "# Our postings\n"
