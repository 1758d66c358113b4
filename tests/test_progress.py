"""The progress bar: on a terminal only (a pseudo-terminal here), never in pipes, CI or with --quiet."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

import pytest
from conftest import EXAMPLES, cli_env

FILES = 80  # at about 40 postings a second on one busy core, well past the bar's half-second delay


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("progress")
    posting = (EXAMPLES / "clean" / "backend-engineer-denver.md").read_text(encoding="utf-8")
    (root / "postings").mkdir()
    for index in range(FILES):
        (root / "postings" / f"p{index:03}.md").write_text(posting, encoding="utf-8")
    (root / "postings" / "p040.md").write_text(
        (EXAMPLES / "flawed" / "template-leftovers.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return root


def run(folder: Path, *args: str, terminal: bool, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    """`postlint check` with stdout a pipe and stderr a pseudo-terminal (or a pipe): (code, stdout, stderr)."""
    command = [sys.executable, "-m", "postlint", "check", "postings", "--no-cache", "--jobs", "1", *args]
    environment = cli_env({"CI": None, "PRE_COMMIT": None, "TERM": "xterm", **(env or {})})
    if not terminal:
        proc = subprocess.run(
            command, cwd=folder, env=environment, capture_output=True, text=True, timeout=300, check=False
        )
        return proc.returncode, proc.stdout, proc.stderr
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty has no width
    # Standard output goes to a file: a pipe nobody drains while the terminal is read would fill and stall the run.
    with tempfile.TemporaryFile() as out_file:
        proc = subprocess.Popen(command, cwd=folder, env=environment, stdout=out_file, stderr=slave)
        os.close(slave)
        seen = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child has closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        os.close(master)
        code = proc.wait(timeout=300)
        out_file.seek(0)
        out = out_file.read().decode("utf-8")
    return code, out, seen.decode("utf-8", "replace")


def test_a_bar_on_a_terminal(folder: Path) -> None:
    code, out, err = run(folder, terminal=True)
    assert code == 1
    assert f"/{FILES} [" in err and "file/s" in err, err  # files done, rate and time left
    assert "postings/p040.md:7:11: error quality/placeholder" in out
    assert out.rstrip().endswith(f"in {FILES} files.")
    assert "file/s" not in out


def test_the_bar_leaves_report_lines_whole_on_a_shared_terminal(folder: Path) -> None:
    """stdout and stderr on one terminal: the bar is cleared before a report line and drawn after it."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    command = [sys.executable, "-m", "postlint", "check", "postings", "--no-cache", "--jobs", "1"]
    env = cli_env({"CI": None, "PRE_COMMIT": None, "TERM": "xterm"})
    proc = subprocess.Popen(command, cwd=folder, env=env, stdout=slave, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    proc.wait(timeout=300)
    lines = seen.decode("utf-8", "replace").split("\r\n")
    [head] = [line for line in lines if "quality/placeholder" in line and ":7:11:" in line]
    assert head.rsplit("\r", 1)[-1].startswith("postings/p040.md:7:11: error"), repr(head)


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--quiet",), {}), ((), {"CI": "true"}), ((), {"GITHUB_ACTIONS": "true"}), ((), {"PRE_COMMIT": "1"})],
    ids=["quiet", "ci", "github-actions", "pre-commit"],
)
def test_no_bar_with_quiet_or_in_ci(folder: Path, args: tuple[str, ...], env: dict[str, str]) -> None:
    _, _, err = run(folder, *args, "--format", "json", terminal=True, env=env)
    assert "file/s" not in err and "%|" not in err, err


def test_no_bar_in_a_pipe(folder: Path) -> None:
    code, out, err = run(folder, terminal=False)
    assert code == 1
    assert err == ""
    assert out.rstrip().endswith(f"in {FILES} files.")


def test_a_short_run_does_not_import_the_bar_library(tmp_path: Path) -> None:
    """pre-commit starts postlint on every commit: one file must not pay for the bar's import."""
    (tmp_path / "a.md").write_text("# Engineer\n\nJoin us.\n", encoding="utf-8")
    code = "import sys; from postlint.cli import main; main(['check', 'a.md', '-q']); print('tqdm' in sys.modules)"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.stdout.strip().splitlines()[-1] == "False", proc.stdout + proc.stderr
