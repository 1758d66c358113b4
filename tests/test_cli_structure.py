"""The shape of the command line (postlint/cli/): shared options declared once, commands loaded
only when they run, the `check` request in step with its options, and config defaults written
once (the starter config of `postlint init` and the README agree with postlint.config)."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from conftest import ROOT, run_main

from postlint.cli import COMMANDS, cli, options
from postlint.cli.check import CheckRequest, check
from postlint.cli.fix import FixRequest, fix
from postlint.cli.init import STARTER_CONFIG
from postlint.config import FRONT_MATTER_DEFAULTS, Settings, _model, load_config
from postlint.exit_codes import ExitCode


def all_commands() -> dict[str, click.Command]:
    """Every command, subcommands of groups included, by its full name."""
    found: dict[str, click.Command] = {}
    with click.Context(cli) as ctx:
        for name in cli.list_commands(ctx):
            command = cli.get_command(ctx, name)
            assert command is not None, name
            found[name] = command
            if isinstance(command, click.Group):
                for sub in command.commands.values():
                    found[f"{name} {sub.name}"] = sub
    return found


def shared_options() -> dict[str, dict[str, Any]]:
    """Each option of options.py, by its flag, as click describes it."""

    def probe() -> None:  # pragma: no cover - never called
        pass

    decorated = options.selection(probe)
    for decorator in (options.as_of, options.follow_symlinks, options.stdin_filename, options.jobs, options.no_cache):
        decorated = decorator(decorated)
    decorated = options.data_format(decorated)
    command = click.command()(decorated)
    return {param.opts[0]: param.to_info_dict() for param in command.params}


# (command, flag): why that command's option differs from the shared one of the same flag.
OWN_OPTIONS = {
    ("check", "--format"): "every report format, and no default: GitHub Actions gets its own",
    ("rules", "--pack"): "narrows the list to packs by name",
    ("laws", "--jurisdiction"): "one place to filter the laws by, not places to lint as if posted in",
    ("inspect", "--jurisdiction"): "reads, not lints, as if posted there",
    ("jsonld", "--jurisdiction"): "reads, not lints, as if posted there",
}


def test_every_command_is_listed_and_loads() -> None:
    names = {name for name in all_commands() if " " not in name}
    assert names == set(COMMANDS)
    for name, command in all_commands().items():
        assert command.help, f"`postlint {name}` has no help"


def test_commands_take_the_shared_options_not_copies_of_them() -> None:
    shared = shared_options()
    assert {"--config", "--pack", "--select", "--ignore", "--jurisdiction", "--as-of"} <= set(shared)
    for name, command in all_commands().items():
        for param in command.params:
            flag = param.opts[0]
            if flag not in shared or (name, flag) in OWN_OPTIONS:
                continue
            assert param.to_info_dict() == shared[flag], f"`postlint {name} {flag}` is not the shared option"


def test_inspect_and_jsonld_jurisdiction_is_the_shared_one_with_read() -> None:
    read = click.command()(options.jurisdictions("Read")(lambda jurisdictions: None))
    for name in ("inspect", "jsonld"):
        (param,) = [p for p in all_commands()[name].params if p.opts[0] == "--jurisdiction"]
        assert param.to_info_dict() == read.params[0].to_info_dict()


@pytest.mark.parametrize(("command", "request_type"), [(check, CheckRequest), (fix, FixRequest)])
def test_request_objects_match_their_commands_options(command: click.Command, request_type: type) -> None:
    # The shared options come first in the request (LintRequest), in help order in the command.
    # `--warm` passes no value: `postlint.launch` reads it before click parses anything.
    given = sorted(p.name for p in command.params if p.expose_value)
    assert sorted(f.name for f in dataclasses.fields(request_type)) == given


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.strip()


def test_version_loads_no_command_module() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from postlint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('postlint.cli.')))"
    )
    assert run_python(code) == "[]"


def test_command_modules_import_nothing_heavy() -> None:
    modules = sorted({module for module, _ in COMMANDS.values()})
    heavy = ["pydantic", "httpx", "yaml", "markdown_it", "postlint.engine", "postlint.runner", "postlint.config"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('postlint.cli.' + m)\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    assert run_python(code) == "[]"


# ---------------------------------------------------------------- config defaults written once


def comparable(settings: Settings) -> dict[str, Any]:
    """The settings' values, without where they came from."""
    values = dataclasses.asdict(settings)
    for key in ("base", "source", "positions"):
        values.pop(key)
    return values


def test_model_defaults_are_the_settings_defaults(tmp_path: Path) -> None:
    empty = tmp_path / ".postlint.yaml"
    empty.write_text("{}\n", encoding="utf-8")
    assert comparable(load_config(empty)) == comparable(Settings())


def test_starter_config_holds_the_defaults(tmp_path: Path) -> None:
    starter = tmp_path / ".postlint.yaml"
    starter.write_text(STARTER_CONFIG, encoding="utf-8")
    assert comparable(load_config(starter)) == comparable(Settings())


# Keys of the config model that the starter config leaves out, and why.
NOT_IN_STARTER = {
    "exclude": "its comment describes the default list; the starter offers extend-exclude",
    "max-file-size": "rarely changed; the README documents it",
}


def test_starter_config_names_every_key_of_the_model() -> None:
    model = _model()
    keys = {field.alias or name for name, field in model.model_fields.items()}
    written = set(re.findall(r"^#? ?([a-z_-]+):", STARTER_CONFIG, flags=re.MULTILINE))
    assert keys - written == set(NOT_IN_STARTER)
    links = set(model.model_fields["links"].annotation.model_fields)
    assert links <= set(re.findall(r"^  ([a-z_]+):", STARTER_CONFIG, flags=re.MULTILINE))


def test_readme_config_states_the_defaults() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Configuration", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    documented = yaml.safe_load(block)
    defaults = _model()().model_dump(by_alias=True)
    assert documented["links"] == {key: value for key, value in defaults["links"].items() if key in documented["links"]}
    assert documented["front-matter"] == FRONT_MATTER_DEFAULTS
    for key in ("fail-on", "max-file-size", "pack-timeout"):
        assert documented[key] == defaults[key], key


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ('{"id": 1, "text": "# Support Specialist\\n\\nShort."}\n', ExitCode.VIOLATIONS),
        ("not json\n", ExitCode.USAGE),
    ],
)
def test_json_lines_mode_exits_with_the_shared_exit_codes(tmp_path: Path, records: str, expected: ExitCode) -> None:
    (tmp_path / "in.jsonl").write_text(records, encoding="utf-8")
    args = ["check", "--input", "jsonl", "in.jsonl", "--output", "out.jsonl", "--fail-on", "warning", "--no-cache"]
    code, _, err = run_main(*args, cwd=tmp_path)
    assert type(code) is ExitCode
    assert code is expected, err
