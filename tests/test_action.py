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


def runner_env(step: dict[str, Any], inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> dict[str, str]:
    """A step's `env`, with `${{ inputs.x }}` and `${{ steps.id.outputs.y }}` replaced as a runner would."""
    values = {name: spec["default"] for name, spec in ACTION["inputs"].items()} | inputs

    def expand(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = re.fullmatch(r"inputs\.([\w-]+)", match.group(1))
            if name:
                return values[name.group(1)]
            output = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", match.group(1))
            assert output, match.group(0)
            return outputs.get(output.group(1), {}).get(output.group(2), "")

        return EXPRESSION.sub(one, text)

    return {key: expand(str(value)) for key, value in step.get("env", {}).items()}


def enabled(step: dict[str, Any], inputs: dict[str, str], outputs: dict[str, dict[str, str]]) -> bool:
    condition = step.get("if")
    if condition is None:
        return True
    match = re.fullmatch(r"inputs\.([\w-]+) == '(\w+)'", condition)
    if match:
        return inputs.get(match.group(1), ACTION["inputs"][match.group(1)]["default"]) == match.group(2)
    match = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+) == '(\w+)'", condition)
    assert match, condition  # the only forms of condition this action uses
    return outputs.get(match.group(1), {}).get(match.group(2)) == match.group(3)


def run_steps(
    workspace: Path, inputs: dict[str, str], event: dict[str, Any] | None = None
) -> list[tuple[str, int, str, str]]:
    """Run the action's steps after installation, as a runner would: (name, exit code, stdout, stderr).

    A `uses` step that would run is listed with exit code 0. `postlint` is a wrapper that counts its runs
    in `workspace/postlint-runs`; the job summary is `workspace/summary.md`.
    """
    bin_dir = workspace / "bin"
    bin_dir.mkdir(exist_ok=True)
    wrapper = bin_dir / "postlint"
    wrapper.write_text(
        f'#!/bin/sh\necho run >> "{workspace}/postlint-runs"\nexec "{sys.executable}" -m postlint "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    event_path = workspace / "event.json"
    event_path.write_text(json.dumps(event or {}), encoding="utf-8")
    outputs: dict[str, dict[str, str]] = {}
    done = []
    for index, step in enumerate(STEPS):
        if step.get("name") in {"Set up Python", "Install postlint"} or not enabled(step, inputs, outputs):
            continue
        if "uses" in step:
            done.append((step["name"], 0, "", ""))
            continue
        output_file = workspace / f"github-output-{index}"
        output_file.touch()
        env = cli_env(
            {
                "GITHUB_ACTIONS": "true",
                "GITHUB_OUTPUT": str(output_file),
                "GITHUB_STEP_SUMMARY": str(workspace / "summary.md"),
                "GITHUB_EVENT_PATH": str(event_path),
                "GITHUB_REPOSITORY": "acme/postings",
                "GITHUB_ACTION_PATH": str(ROOT),
                "PATH": f"{bin_dir}:{Path(sys.executable).parent}:{cli_env()['PATH']}",
            }
        )
        env.pop("NO_COLOR")
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env=env | runner_env(step, inputs, outputs),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if "id" in step:
            lines = output_file.read_text(encoding="utf-8").splitlines()
            outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
        done.append((step["name"], proc.returncode, proc.stdout, proc.stderr))
        if proc.returncode != 0:
            break  # later steps are skipped, as on a runner
    return done


def postlint_runs(workspace: Path) -> int:
    runs = workspace / "postlint-runs"
    return len(runs.read_text(encoding="utf-8").splitlines()) if runs.exists() else 0


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
    (_, code, out, err), *more = run_steps(workspace, {"paths": "postings\nclean.md", "args": "--fail-on error"})
    assert code == 0, err
    assert "::error file=postings/leftovers.md,line=7,col=11," in out
    assert "title=quality/placeholder::" in out
    assert "::error file=clean.md" not in out
    assert more == [("Fail on violations", 1, "", "")]
    assert postlint_runs(workspace) == 1


def test_steps_pass_on_clean_postings(workspace: Path) -> None:
    [(_, code, out, err), (_, last, _, _)] = run_steps(workspace, {"paths": "clean.md"})
    assert (code, last) == (0, 0), out + err
    assert "::error" not in out
    assert "No problems in 1 file." in (workspace / "summary.md").read_text(encoding="utf-8")


def test_sarif_comes_from_the_same_single_run(workspace: Path) -> None:
    steps = run_steps(workspace, {"paths": "postings", "sarif": "true"})
    assert [(name, code) for name, code, _, _ in steps] == [
        ("Run postlint", 0),
        ("Upload the SARIF report", 0),
        ("Fail on violations", 1),
    ]
    assert "::error file=postings/leftovers.md" in steps[0][2]
    assert postlint_runs(workspace) == 1
    report = json.loads((workspace / "postlint.sarif").read_text(encoding="utf-8"))
    assert report["version"] == "2.1.0"
    assert "quality/placeholder" in {r["ruleId"] for run in report["runs"] for r in run["results"]}


def test_a_pull_request_from_a_fork_gets_annotations_instead_of_an_upload(workspace: Path) -> None:
    fork = {"pull_request": {"head": {"repo": {"full_name": "someone/postings"}}}}
    steps = run_steps(workspace, {"paths": "postings", "sarif": "true"}, event=fork)
    assert [name for name, *_ in steps] == ["Run postlint", "Fail on violations"]
    assert "from a fork cannot upload SARIF" in steps[0][2]
    assert "::error file=postings/leftovers.md,line=7,col=11," in steps[0][2]
    same = {"pull_request": {"head": {"repo": {"full_name": "acme/postings"}}}}
    steps = run_steps(workspace, {"paths": "postings", "sarif": "true"}, event=same)
    assert "Upload the SARIF report" in [name for name, *_ in steps]


def test_annotations_are_capped_and_the_job_summary_lists_every_finding(workspace: Path) -> None:
    flawed = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
    for index in range(3):  # 8 placeholder errors each: more than GitHub shows
        (workspace / "postings" / f"copy{index}.md").write_text(flawed, encoding="utf-8")
    (_, code, out, _), *_ = run_steps(workspace, {"paths": "postings"})
    assert code == 0
    assert out.count("::error ") == 10
    assert re.search(r"^postings/copy\d\.md:\d+:\d+: error quality/placeholder ", out, re.M)  # the rest, as lines
    assert re.search(r"^postlint: \d+ problems beyond GitHub's 10 annotations per severity", out, re.M)
    summary = (workspace / "summary.md").read_text(encoding="utf-8")
    errors = len(re.findall(r"^\| `postings/[^|]+` \| error \| `quality/placeholder` \|", summary, re.M))
    assert errors == 4 * 8
    assert "GitHub shows" in summary


def test_a_bad_option_stops_the_action_at_once(workspace: Path) -> None:
    steps = run_steps(workspace, {"paths": "postings", "args": "--fail-on sometimes"})
    assert [(name, code) for name, code, _, _ in steps] == [("Run postlint", 2)]


def test_a_file_named_like_an_option_stays_a_path_in_the_action(workspace: Path) -> None:
    """The Action's paths are globbed by the shell: names a pull request chose must come after `--`."""
    (workspace / "cfg.md").write_text("packs: []\n", encoding="utf-8")  # a config that would turn every rule off
    flawed = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
    (workspace / "--config=cfg.md").write_text(flawed, encoding="utf-8")
    (workspace / "--output=README.md").write_text(flawed, encoding="utf-8")
    readme = workspace / "README.md"
    readme.write_text("# Our postings\n", encoding="utf-8")
    steps = run_steps(workspace, {"paths": "*.md", "sarif": "true"})  # the shell expands it to those names
    (_, code, out, err) = steps[0]
    assert code == 0 and steps[-1][1] == 1, err
    assert "file=--config=cfg.md,line=7,col=11," in out
    assert readme.read_text(encoding="utf-8") == "# Our postings\n"


def test_outside_github_actions_every_violation_is_a_workflow_command(workspace: Path) -> None:
    from conftest import run_cli

    flawed = (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8")
    for index in range(3):
        (workspace / "postings" / f"copy{index}.md").write_text(flawed, encoding="utf-8")
    code, out, _ = run_cli("check", "postings", "--format", "github", cwd=workspace)
    assert code == 1
    assert out.count("::error ") == 4 * 8 and "beyond GitHub" not in out
