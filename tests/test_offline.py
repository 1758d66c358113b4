"""An offline run (the default) opens no network connection and resolves no host name.

The CLI runs in a subprocess with an audit hook (PEP 578) that records every
`socket.connect` and `socket.getaddrinfo`: the interpreter itself reports them, so
nothing in postlint or its libraries can reach the network unseen.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from tests.conftest import EXAMPLES, cli_env, loopback_server

_AUDITED = (
    "import sys\n"
    "events = []\n"
    "def hook(name, args):\n"
    "    if name in ('socket.connect', 'socket.getaddrinfo', 'socket.gethostbyname'):\n"
    "        events.append(name)\n"
    "sys.addaudithook(hook)\n"
    "from postlint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write(f'\\nNETWORK_EVENTS={len(events)}\\n')\n"
    "sys.exit(code)\n"
)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    _Recorder.requests = []
    with loopback_server(_Recorder) as port:
        yield f"http://127.0.0.1:{port}"


def _run(tmp_path: Path, *args: str) -> tuple[int, str, int]:
    proc = subprocess.run(
        [sys.executable, "-c", _AUDITED, *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=cli_env({"POSTLINT_CACHE_DIR": str(tmp_path / ".cache")}),
        timeout=120,
        check=False,
    )
    events = [line for line in proc.stderr.splitlines() if line.startswith("NETWORK_EVENTS=")]
    assert events, proc.stderr
    return proc.returncode, proc.stdout, int(events[-1].split("=")[1])


def test_an_offline_run_opens_no_connection(tmp_path: Path, server: str) -> None:
    postings = tmp_path / "postings"
    postings.mkdir()
    (postings / "links.md").write_text(
        f"# Engineer\n\nApply at [our site]({server}/apply) or https://jobs.example.com/apply.\n"
        f"See {server}/team and <a href='{server}/benefits'>benefits</a>.\n",
        encoding="utf-8",
    )
    code, out, events = _run(tmp_path, "check", "--format", "json", str(postings), str(EXAMPLES))
    assert code in (0, 1)
    assert json.loads(out)["summary"]["files"] > 1
    assert events == 0
    assert _Recorder.requests == []


def test_the_audit_hook_does_see_a_connection(tmp_path: Path, server: str) -> None:
    """The guard above is not blind: with --check-links the same hook counts the fetch."""
    (tmp_path / ".postlint.yaml").write_text("links: {allow_private: ['127.0.0.1']}\n", encoding="utf-8")
    (tmp_path / "job.md").write_text(f"# Engineer\n\nApply at [our site]({server}/apply).\n", encoding="utf-8")
    code, _, events = _run(tmp_path, "check", "--check-links", "--no-cache", "--select", "links/broken", "job.md")
    assert code == 0
    assert events > 0
    assert _Recorder.requests == ["/apply"]
