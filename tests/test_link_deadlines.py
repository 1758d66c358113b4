"""Deadlines of `--check-links` against a real, slow HTTP server on 127.0.0.1.

Each hop of the server's redirect chains sleeps before it answers, as a hostile site
would: every request stays inside the per-request timeout, so only the per-link and
per-run deadlines can end the wait. The assertions are about what the checker reports
and how many requests the server saw, never about elapsed time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import loopback_server, run_cli

from postlint.config import LinksSettings
from postlint.links.checker import check_urls

HOP_DELAY = 0.4  # seconds each hop sleeps
CHAIN = 10  # hops in a chain


class SlowRedirects(BaseHTTPRequestHandler):
    """`/chain-N/K` sleeps, then redirects to `/chain-N/K+1`, and answers 200 after CHAIN hops."""

    protocol_version = "HTTP/1.1"
    hits: ClassVar[list[str]] = []
    lock = threading.Lock()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        with self.lock:
            self.hits.append(self.path)
        time.sleep(HOP_DELAY)
        name, _, step = self.path.rpartition("/")
        if int(step) < CHAIN:
            self.send_response(302)
            self.send_header("Location", f"{name}/{int(step) + 1}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_HEAD


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with loopback_server(SlowRedirects) as port:
        yield f"http://127.0.0.1:{port}"


SETTINGS = LinksSettings(check=True, timeout=5, allow_private=("127.0.0.1",), cache_ttl=0, retries=0)


def test_a_slow_redirect_chain_ends_at_the_per_link_deadline(server: str) -> None:
    SlowRedirects.hits.clear()
    url = f"{server}/chain-a/0"
    status = check_urls([url], replace(SETTINGS, url_timeout=1.0), progress=False)[url]
    assert status.state == "broken"
    assert "links.url_timeout" in status.detail
    assert len(SlowRedirects.hits) < CHAIN  # it did not follow the chain to its end


def test_a_slow_redirect_chain_inside_the_deadline_is_followed(server: str) -> None:
    SlowRedirects.hits.clear()
    url = f"{server}/chain-b/{CHAIN - 2}"
    status = check_urls([url], replace(SETTINGS, url_timeout=30), progress=False)[url]
    assert status.state == "ok", status


def test_links_left_when_the_run_deadline_passes_are_reported_as_not_checked(server: str) -> None:
    SlowRedirects.hits.clear()
    urls = [f"{server}/chain-{name}/0" for name in "cde"]
    found = check_urls(urls, replace(SETTINGS, url_timeout=60, total_timeout=1.0), progress=False)
    assert {status.state for status in found.values()} == {"unverified"}
    assert all("links.total_timeout" in status.detail for status in found.values())


@pytest.mark.parametrize(
    "setting",
    [
        "timeout: .inf",
        "timeout: .nan",
        "timeout: 1e9",
        "timeout: 0",
        "url_timeout: .inf",
        "total_timeout: -1",
        "concurrency: 100000",
        "max_redirects: 1000",
        "cache_ttl: .inf",
    ],
)
def test_link_settings_out_of_bounds_are_refused_with_their_line(tmp_path: Path, setting: str) -> None:
    (tmp_path / ".postlint.yaml").write_text(f"fail-on: error\nlinks:\n  check: false\n  {setting}\n", "utf-8")
    (tmp_path / "p.md").write_text("# Engineer\n\nHello.\n", encoding="utf-8")
    code, _, err = run_cli("check", "p.md", cwd=tmp_path)
    assert code == 2, err
    assert ".postlint.yaml:4:" in err and "Traceback" not in err


def test_max_file_size_out_of_bounds_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("max-file-size: .inf\n", encoding="utf-8")
    (tmp_path / "p.md").write_text("# Engineer\n\nHello.\n", encoding="utf-8")
    code, _, err = run_cli("check", "p.md", cwd=tmp_path)
    assert code == 2 and ".postlint.yaml:1:" in err, err
