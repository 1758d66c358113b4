"""`postlint lsp` and `postlint mcp` as commands: loaded only when run, and clear without their extra."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import cli_env

CHECK_IMPORTS = """
import sys
from postlint.cli import main
code = main(["check", "-", "--stdin-filename", "job.md", "--quiet"])
print(sorted(m for m in ("pygls", "lsprotocol", "mcp", "postlint.lsp", "postlint.mcp_server") if m in sys.modules))
"""

WITHOUT = """
import sys
sys.modules[{module!r}] = None  # as if the extra were not installed
from postlint.cli import main
raise SystemExit(main([{command!r}]))
"""


def test_check_does_not_load_the_servers() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHECK_IMPORTS],
        input=b"# Job\n",
        check=False,
        capture_output=True,
        env=cli_env(),
        timeout=120,
    )
    assert proc.stdout.decode().strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("command", "module"), [("lsp", "pygls"), ("mcp", "mcp")])
def test_a_missing_extra_is_named(command: str, module: str) -> None:
    script = WITHOUT.format(module=module, command=command)
    proc = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, env=cli_env(), timeout=120)
    assert proc.returncode == 2
    assert f"postlint[{command}]" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
