"""The warm server (`POSTLINT_WARM=1`, `--warm`): a run it takes must be the run the caller would make.

Every test runs the installed `postlint` script in real processes, with a private runtime
folder of its own, and compares what the caller sees (standard output, standard error,
exit code, files written) with a plain run of the same command. `POSTLINT_DEBUG=1` makes a
handed-over run say so on standard error, which is how each test knows the server took it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, cli_env

SCRIPT = Path(sys.executable).with_name("postlint")
SERVED = "postlint: run by the warm server"

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"), reason="needs fork and Unix sockets"),
    pytest.mark.skipif(not SCRIPT.exists(), reason="needs the installed `postlint` script beside this Python"),
]


class Runtime:
    """A private runtime folder (`XDG_RUNTIME_DIR`) and the runs made with it."""

    def __init__(self, idle: int = 60) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pw", dir="/tmp"))  # short: socket paths are limited to ~100 bytes
        self.folder = self.root / "postlint"
        self.idle = idle

    def env(self, warm: bool, extra: Mapping[str, str | None] | None = None) -> dict[str, str]:
        overrides: dict[str, str | None] = {
            "XDG_RUNTIME_DIR": str(self.root),
            "POSTLINT_DEBUG": "1",
            "POSTLINT_WARM_IDLE": str(self.idle),
            "POSTLINT_WARM": "1" if warm else None,
        }
        overrides.update(extra or {})
        return cli_env(overrides)

    def run(
        self,
        *args: str,
        warm: bool = True,
        cwd: Path | None = None,
        stdin: bytes | None = None,
        env: Mapping[str, str | None] | None = None,
    ) -> tuple[int, str, str]:
        proc = subprocess.run(
            [str(SCRIPT), *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            env=self.env(warm, env),
            timeout=120,
            check=False,
        )
        return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")

    def served(self, *args: str, **kwargs: object) -> tuple[int, str, str]:
        """Run warm until the server takes the run (the first run starts it and runs here)."""
        deadline = time.monotonic() + 90
        while True:
            code, out, err = self.run(*args, **kwargs)  # type: ignore[arg-type]
            if SERVED in err:
                return code, out, without_note(err)
            assert time.monotonic() < deadline, f"no warm server took the run; stderr: {err}"
            time.sleep(0.3)

    def sockets(self) -> list[Path]:
        return sorted(self.folder.glob("*.sock")) if self.folder.exists() else []

    def server_pids(self) -> list[int]:
        """The servers started with this runtime folder (their command line names their socket)."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"boot.py" in command and str(self.root).encode() in command:
                found.append(int(entry.name))
        return found

    def close(self) -> None:
        for pid in self.server_pids():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.root, ignore_errors=True)


def without_note(err: str) -> str:
    return "".join(line for line in err.splitlines(keepends=True) if not line.startswith(SERVED))


@pytest.fixture(scope="module")
def runtime() -> Iterator[Runtime]:
    made = Runtime()
    yield made
    made.close()


@pytest.fixture
def own_runtime() -> Iterator[Runtime]:
    made = Runtime(idle=2)
    yield made
    made.close()


POSTING = (EXAMPLES / "clean" / "backend-engineer-denver.md").read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLES)],
        ["check", "--format", "json", str(EXAMPLES)],
        ["check", "--format", "sarif", "--quiet", str(EXAMPLES / "clean")],
        ["check", "--statistics", "--select", "pay,eeo", str(EXAMPLES)],
        ["check", "/no/such/posting.md"],
        ["check", "--select", "no-such-pack", str(EXAMPLES)],
        ["check", "--warm", str(EXAMPLES / "clean")],
        ["check", "--jobs", "2", "--format", "json", str(EXAMPLES)],
    ],
)
def test_a_handed_over_run_prints_and_exits_as_a_plain_run(runtime: Runtime, args: list[str]) -> None:
    plain = runtime.run(*(arg for arg in args if arg != "--warm"), warm=False)
    assert SERVED not in plain[2]
    assert runtime.served(*args) == plain


def test_standard_input_is_the_callers(runtime: Runtime) -> None:
    args = ["check", "-", "--stdin-filename", "posting.md", "--format", "json"]
    plain = runtime.run(*args, warm=False, stdin=POSTING + b"\nWe want a young, energetic rockstar.\n")
    assert '"rule"' in plain[1]
    assert runtime.served(*args, stdin=POSTING + b"\nWe want a young, energetic rockstar.\n") == plain


def test_working_folder_and_its_config_are_the_callers(runtime: Runtime, tmp_path: Path) -> None:
    (tmp_path / "posting.md").write_bytes(POSTING + b"\nWe want a young, energetic rockstar.\n")
    everything = runtime.served("check", "posting.md", cwd=tmp_path)
    (tmp_path / ".postlint.yaml").write_text("ignore: [inclusive]\n")
    plain = runtime.run("check", "posting.md", warm=False, cwd=tmp_path)
    assert runtime.served("check", "posting.md", cwd=tmp_path) == plain
    assert plain != everything  # the config made a difference, and the server read it from the caller's folder


def test_environment_is_the_callers(runtime: Runtime, tmp_path: Path) -> None:
    posting = tmp_path / "posting.md"
    posting.write_bytes(POSTING + b"\nWe want a young, energetic rockstar.\n")
    hook = {"PRE_COMMIT": "1"}  # pre-commit's variable changes the report's form
    plain = runtime.run("check", str(posting), warm=False, env=hook)
    assert runtime.served("check", str(posting), env=hook) == plain
    assert plain != runtime.run("check", str(posting), warm=False)


def test_fix_writes_what_a_plain_fix_writes(runtime: Runtime, tmp_path: Path) -> None:
    broken = "# Engineer\n\nWeâ€™re hiring in Denver, CO.\r\nPay: $100,000 - $120,000 a year.\r\n"
    for name in ("plain", "warm"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "posting.md").write_bytes(broken.encode("utf-8"))
    plain = runtime.run("fix", "posting.md", warm=False, cwd=tmp_path / "plain")
    warm = runtime.served("fix", "posting.md", cwd=tmp_path / "warm")
    fixed = (tmp_path / "plain" / "posting.md").read_bytes()
    assert fixed != broken.encode("utf-8")
    assert (tmp_path / "warm" / "posting.md").read_bytes() == fixed
    assert warm == plain


def test_interrupt_reaches_the_run(runtime: Runtime) -> None:
    runtime.served("check", str(EXAMPLES / "clean"))  # a server is up
    proc = subprocess.Popen(
        [str(SCRIPT), "check", "-", "--stdin-filename", "posting.md"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=runtime.env(True),
    )
    time.sleep(1.0)  # the run waits for standard input, which stays open
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert SERVED in err.decode()
    assert proc.returncode == 130
    assert "Interrupted." in err.decode()


def test_no_cache_and_other_commands_run_here(runtime: Runtime) -> None:
    runtime.served("check", str(EXAMPLES / "clean"))
    for args in (["check", "--no-cache", str(EXAMPLES / "clean")], ["rules"], ["--version"]):
        code, _, err = runtime.run(*args)
        assert SERVED not in err, args
        assert code == 0, err


def test_socket_and_folder_are_private(runtime: Runtime) -> None:
    runtime.served("check", str(EXAMPLES / "clean"))
    assert stat.S_IMODE(runtime.folder.stat().st_mode) == 0o700
    for path in runtime.sockets():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_folder_others_can_write_is_not_used(own_runtime: Runtime) -> None:
    own_runtime.folder.mkdir(mode=0o700)
    os.chmod(own_runtime.folder, 0o777)
    plain = own_runtime.run("check", str(EXAMPLES / "clean"), warm=False)
    for _ in range(3):
        assert own_runtime.run("check", str(EXAMPLES / "clean")) == plain
    time.sleep(1.0)
    assert own_runtime.sockets() == []
    assert own_runtime.server_pids() == []


def test_an_idle_server_exits_and_cleans_up(own_runtime: Runtime) -> None:
    own_runtime.served("check", str(EXAMPLES / "clean"))
    deadline = time.monotonic() + 30
    while own_runtime.server_pids() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert own_runtime.server_pids() == []
    assert own_runtime.sockets() == []
    assert list(own_runtime.folder.glob("*.log")) == []


def test_a_dead_servers_socket_is_replaced(own_runtime: Runtime) -> None:
    own_runtime.idle = 60
    own_runtime.served("check", str(EXAMPLES / "clean"))
    for pid in own_runtime.server_pids():
        os.kill(pid, signal.SIGKILL)
    assert own_runtime.sockets(), "a killed server leaves its socket behind"
    plain = own_runtime.run("check", str(EXAMPLES), warm=False)
    first = own_runtime.run("check", str(EXAMPLES))
    assert SERVED not in first[2] and first == plain  # refused connection: the run went on here
    assert own_runtime.served("check", str(EXAMPLES)) == plain


def test_a_server_that_failed_is_not_started_again(own_runtime: Runtime) -> None:
    own_runtime.idle = 60
    own_runtime.served("check", str(EXAMPLES / "clean"))
    (socket_path,) = own_runtime.sockets()
    for pid in own_runtime.server_pids():
        os.kill(pid, signal.SIGKILL)
    socket_path.unlink()
    socket_path.with_suffix(".log").write_text("Traceback: a failure at start-up\n")
    plain = own_runtime.run("check", str(EXAMPLES / "clean"), warm=False)
    for _ in range(3):
        assert own_runtime.run("check", str(EXAMPLES / "clean")) == plain
    time.sleep(1.0)
    assert own_runtime.server_pids() == []


@pytest.mark.parametrize(
    ("argv", "env", "wanted"),
    [
        (["check", "a.md"], "1", True),
        (["fix", "a.md"], "1", True),
        (["check", "a.md"], None, False),
        (["check", "--warm", "a.md"], None, True),
        (["check", "--no-cache", "a.md"], "1", False),
        (["check", "--", "--no-cache"], "1", True),  # after `--` it is a file's name
        (["check", "--", "--warm"], None, False),
        (["rules"], "1", False),
        (["--version"], "1", False),
        ([], "1", False),
    ],
)
def test_which_runs_are_handed_over(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], env: str | None, wanted: bool
) -> None:
    from postlint.launch import wants_warm

    if env is None:
        monkeypatch.delenv("POSTLINT_WARM", raising=False)
    else:
        monkeypatch.setenv("POSTLINT_WARM", env)
    assert wants_warm(argv) is wanted


def test_built_in_packs_are_one_object_per_process_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from postlint import cache
    from postlint.cache import cached

    monkeypatch.setitem(cache._switch, "enabled", True)  # an earlier in-process `--no-cache` run turned it off

    source = tmp_path / "pack.yaml"
    source.write_text("one")
    built: list[str] = []

    def build() -> object:
        built.append(source.read_text())
        return object()

    first = cached("pack", source, build)
    assert cached("pack", source, build) is first
    source.write_text("two, longer")
    assert cached("pack", source, build) is not first
    assert cached("config", source, build) is not cached("config", source, build)  # configs are read afresh


def test_the_servers_name_changes_with_what_a_child_could_not_take_from_its_caller(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from postlint.warm.address import key

    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setattr(sys, "path", [*sys.path, str(site)])
    monkeypatch.delenv("POSTLINT_WARM", raising=False)
    first = key()
    assert key() == first
    monkeypatch.setenv("POSTLINT_WARM", "1")  # how it was asked for does not matter,
    monkeypatch.setenv("POSTLINT_DEBUG", "1")  # nor what a run reads from its own environment
    monkeypatch.setenv("POSTLINT_RESULT_CACHE", str(tmp_path / "results"))
    assert key() == first
    (site / "plugin-1.0.dist-info").mkdir()  # a package installed where postlint imports from
    os.utime(site, ns=(0, 123_456_789))
    installed = key()
    assert installed != first
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert key() != installed
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    assert len({first, installed, key()}) == 3


def test_every_file_of_the_package_but_compiled_code_names_the_server(tmp_path: Path) -> None:
    from postlint.warm.address import _files

    (tmp_path / "kinds").mkdir()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "kinds" / "check.py").write_text("A = 1\n")
    (tmp_path / "cities.tsv").write_text("denver\tUS-CO\n")
    before = _files(str(tmp_path))
    (tmp_path / "__pycache__" / "check.cpython-311.pyc").write_bytes(b"\0")
    assert _files(str(tmp_path)) == before
    (tmp_path / "kinds" / "check.py").write_text("A = 22\n")
    assert _files(str(tmp_path)) != before
