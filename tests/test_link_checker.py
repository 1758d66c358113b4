"""The online link checker against a real HTTP server on 127.0.0.1.

The server records every request, so each test asserts exactly which requests a run
made: one check per distinct URL (a HEAD, and a GET when the HEAD fails), none at all
for a URL that is blocked, excluded or cached.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from email.message import Message
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st

from postlint.config import LinksSettings, load_config
from postlint.errors import ConfigError
from postlint.links import diskcache
from postlint.links.checker import check_urls, normalize, retry_delay
from postlint.links.safety import AddressPolicy, classify
from postlint.links.status import LinkStatus

LOOPBACK_ONLY = ("127.0.0.1",)  # reach the test server, and nothing else that is not public

REDIRECTS = {
    "/redirect": (301, "/ok"),
    "/loop-a": (302, "/loop-b"),
    "/loop-b": (302, "/loop-a"),
    "/to-private": (302, "http://10.255.255.1/"),
    "/to-metadata": (302, "http://169.254.169.254/latest/meta-data/"),
    "/to-ftp": (302, "ftp://files.example.com/job.pdf"),
    "/to-secret": (302, "/secret"),
    "/set-cookie": (302, "/needs-cookie"),
}
STATUS = {"/ok": 200, "/echo": 200, "/secret": 200, "/needs-cookie": 200, "/404": 404, "/500": 500, "/403": 403}
STATUS["/999"] = 999


class Recorder:
    """What the server saw, reset for every test."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.requests: list[tuple[str, str]] = []
            self.headers: dict[str, Message] = {}
            self.seen: Counter[str] = Counter()
            self.inflight = self.max_inflight = 0
            self.body_bytes_sent = 0


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    recorder: Recorder
    answered = False

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_HEAD(self) -> None:
        self.handle_any()

    def do_GET(self) -> None:
        self.handle_any()

    def handle_any(self) -> None:
        rec = self.recorder
        path = self.path.split("?", 1)[0]
        with rec.lock:
            rec.requests.append((self.command, self.path))
            rec.headers[self.path] = self.headers
            rec.seen[path] += 1
            nth = rec.seen[path]
            rec.inflight += 1
            rec.max_inflight = max(rec.max_inflight, rec.inflight)
        self.answered = False
        try:
            self.route(path, nth)
        finally:
            self.done()

    def done(self) -> None:
        """No longer in flight: called before the answer is sent, since the client may send its next request
        as soon as it has read this one."""
        if not self.answered:
            self.answered = True
            with self.recorder.lock:
                self.recorder.inflight -= 1

    def answer(self, code: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.done()
        self.send_response(code)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def route(self, path: str, nth: int) -> None:
        head = self.command == "HEAD"
        if path in STATUS:
            self.answer(STATUS[path], body=b"page")
        elif path in REDIRECTS:
            code, location = REDIRECTS[path]
            extra = {"Set-Cookie": "session=s3cret; Path=/"} if path == "/set-cookie" else {}
            self.answer(code, {"Location": location, **extra})
        elif path == "/head-405":
            self.answer(405 if head else 200)
        elif path == "/head-404":  # a server that answers HEAD wrongly
            self.answer(404 if head else 200)
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            if left:
                self.answer(302, {"Location": f"/hops/{left - 1}"})
            else:
                self.answer(200)
        elif path == "/slow":
            time.sleep(1.5)
            self.answer(200)
        elif path == "/sleep":  # hold each request until another one is in flight (or 0.3 s), then a little more
            deadline = time.monotonic() + 0.3
            while self.recorder.inflight < 2 and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(0.05)
            self.answer(200)
        elif path in ("/429-once", "/429-date", "/503-once"):  # refuse the first request only
            wait = {"/429-once": "1", "/429-date": formatdate(time.time() + 1, usegmt=True)}.get(path)
            if nth > 1:
                self.answer(200)
            else:
                self.answer(503 if path == "/503-once" else 429, {"Retry-After": wait} if wait else {})
        elif path == "/429-always":
            self.answer(429, {"Retry-After": "0"})
        elif path == "/429-hour":
            self.answer(429, {"Retry-After": "3600"})
        elif path == "/huge":  # HEAD unsupported; GET sends 32 MiB
            if head:
                self.answer(405)
                return
            self.done()
            self.send_response(200)
            self.send_header("Content-Length", str(32 << 20))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(512):
                    self.wfile.write(chunk)
                    with self.recorder.lock:
                        self.recorder.body_bytes_sent += len(chunk)
            except OSError:
                self.close_connection = True
        else:
            self.answer(404)


class Server:
    def __init__(self, recorder: Recorder, port: int) -> None:
        self.recorder, self.port = recorder, port

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    @property
    def requests(self) -> Counter[tuple[str, str]]:
        return Counter(self.recorder.requests)


@pytest.fixture(scope="module")
def http_server() -> Iterator[Server]:
    recorder = Recorder()
    handler = type("RecordingHandler", (Handler,), {"recorder": recorder})
    ThreadingHTTPServer.request_queue_size = 64
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Server(recorder, httpd.server_address[1])
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def server(http_server: Server) -> Server:
    http_server.recorder.reset()
    return http_server


def states(results: dict[str, LinkStatus]) -> dict[str, tuple[str, int]]:
    return {url: (status.state, status.status_code) for url, status in results.items()}


# ---------------------------------------------------------------- statuses, redirects, retries


def test_statuses_redirects_and_retries_one_request_per_url(server: Server) -> None:
    expected = {
        "/ok": ("ok", 200),
        "/redirect": ("ok", 200),
        "/404": ("broken", 404),
        "/500": ("broken", 500),
        "/403": ("unverified", 403),
        "/999": ("unverified", 999),
        "/head-405": ("ok", 200),
        "/head-404": ("ok", 200),
        "/429-once": ("ok", 200),
        "/429-date": ("ok", 200),
        "/503-once": ("ok", 200),
        "/429-always": ("unverified", 429),
        "/429-hour": ("unverified", 429),
        "/loop-a": ("broken", 302),
        "/hops/12": ("broken", 302),
        "/hops/3": ("ok", 200),
        "/to-private": ("blocked", 302),
        "/to-metadata": ("blocked", 302),
        "/to-ftp": ("blocked", 302),
    }
    settings = LinksSettings(allow_private=LOOPBACK_ONLY, timeout=5, per_host=32, concurrency=32)
    start = time.monotonic()
    results = check_urls([server.url(path) for path in expected], settings)
    elapsed = time.monotonic() - start
    assert states(results) == {server.url(path): want for path, want in expected.items()}
    assert results[server.url("/404")].detail == "404 Not Found"
    assert results[server.url("/redirect")].final_url == server.url("/ok")
    assert results[server.url("/ok")].final_url == ""
    assert "10.255.255.1" in results[server.url("/to-private")].detail
    assert "169.254.169.254" in results[server.url("/to-metadata")].detail

    requests = Counter({("HEAD", path): 1 for path in expected if path != "/hops/12"})
    for path in ("/404", "/500", "/403", "/999", "/head-405", "/head-404"):
        requests["GET", path] = 1  # a failed HEAD is confirmed with a GET
    for path in ("/429-once", "/429-date", "/503-once"):
        requests["HEAD", path] = 2
    requests["HEAD", "/429-always"] = 3  # retries=2
    requests["HEAD", "/loop-b"] = 1
    for hop in range(13):  # /hops/12 gives up after 10 redirects; /hops/3 shares its last hops
        requests["HEAD", f"/hops/{hop}"] = 1
    assert server.requests == requests
    # Retry-After: 1 is waited for, the hour is not; the hop /ok is fetched once for two URLs.
    assert 0.9 < elapsed < 4


def test_timeout_and_a_retry_after_longer_than_the_timeout(server: Server) -> None:
    settings = LinksSettings(allow_private=LOOPBACK_ONLY, timeout=0.5)
    start = time.monotonic()
    results = check_urls([server.url("/slow"), server.url("/429-once")], settings)
    assert time.monotonic() - start < 1.4
    assert states(results) == {server.url("/slow"): ("broken", 0), server.url("/429-once"): ("unverified", 429)}
    assert results[server.url("/slow")].detail.startswith("timed out")
    assert server.requests == Counter({("HEAD", "/slow"): 1, ("HEAD", "/429-once"): 1})


def test_failures_without_an_http_answer(server: Server) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    refused = f"http://127.0.0.1:{closed_port}/"
    tls = f"https://127.0.0.1:{server.port}/ok"  # TLS to a plain-HTTP server
    unknown = "http://no-such-host.invalid/jobs"
    results = check_urls([refused, tls, unknown], LinksSettings(allow_private=LOOPBACK_ONLY, timeout=5))
    assert states(results) == {refused: ("broken", 0), tls: ("broken", 0), unknown: ("broken", 0)}
    assert results[refused].detail == "connection refused"
    assert results[tls].detail.startswith("TLS error")
    assert results[unknown].detail.startswith("host not found")


def test_a_get_reads_only_the_start_of_the_body(server: Server) -> None:
    results = check_urls([server.url("/huge")], LinksSettings(allow_private=LOOPBACK_ONLY))
    assert states(results) == {server.url("/huge"): ("ok", 200)}
    assert server.requests == Counter({("HEAD", "/huge"): 1, ("GET", "/huge"): 1})
    time.sleep(0.2)
    assert server.recorder.body_bytes_sent < 32 << 20


@pytest.mark.parametrize(("settings", "most"), [({"per_host": 3}, 3), ({"concurrency": 2}, 2)])
def test_concurrency_limits(server: Server, settings: dict[str, int], most: int) -> None:
    urls = [server.url(f"/sleep?n={n}") for n in range(9)]
    results = check_urls(urls, LinksSettings(allow_private=LOOPBACK_ONLY, **settings))
    assert {status.state for status in results.values()} == {"ok"}
    assert 2 <= server.recorder.max_inflight <= most
    assert len(server.recorder.requests) == 9


def test_fragments_case_and_user_info_make_one_fetch(server: Server) -> None:
    given = [
        server.url("/ok#apply"),
        server.url("/ok#top"),
        server.url("/ok"),
        server.url("/ok").replace("http://", "HTTP://"),
        server.url("/ok").replace("127.0.0.1", "user:secret@127.0.0.1"),
    ]
    results = check_urls(given, LinksSettings(allow_private=LOOPBACK_ONLY))
    assert list(results) == given
    assert {(s.url, s.state) for s in results.values()} == {(url, "ok") for url in given}
    assert server.requests == Counter({("HEAD", "/ok"): 1})


def test_no_credentials_no_cookies_a_clear_user_agent(server: Server) -> None:
    urls = [server.url("/echo").replace("127.0.0.1", "jobs:hunter2@127.0.0.1"), server.url("/set-cookie")]
    results = check_urls(urls, LinksSettings(allow_private=LOOPBACK_ONLY))
    assert [s.state for s in results.values()] == ["ok", "ok"]
    echo, followed = server.recorder.headers["/echo"], server.recorder.headers["/needs-cookie"]
    assert echo["Authorization"] is None
    assert echo["User-Agent"].startswith("postlint/")
    assert "(+https://github.com/postlint/postlint)" in echo["User-Agent"]
    assert followed["Cookie"] is None


# ---------------------------------------------------------------- safety


def test_non_public_addresses_are_blocked_and_never_contacted(server: Server) -> None:
    port = server.port
    urls = [
        server.url("/ok"),
        f"http://localhost:{port}/ok",
        f"http://0.0.0.0:{port}/ok",
        f"http://[::ffff:127.0.0.1]:{port}/ok",
        f"http://[::1]:{port}/ok",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/admin",
        "http://100.64.0.1/",
        "http://[fc00::1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
    ]
    start = time.monotonic()
    results = check_urls(urls, LinksSettings(timeout=5))
    assert time.monotonic() - start < 2  # nothing was even tried: 10.0.0.1 would time out
    assert {url: s.state for url, s in results.items()} == dict.fromkeys(urls, "blocked")
    assert all(s.detail for s in results.values())
    assert server.requests == Counter()


def test_allow_private_true_still_blocks_cloud_metadata(server: Server) -> None:
    urls = [f"http://localhost:{server.port}/ok", server.url("/to-metadata"), "http://169.254.169.254/"]
    results = check_urls(urls, LinksSettings(allow_private=True))
    assert [s.state for s in results.values()] == ["ok", "blocked", "blocked"]
    assert server.requests == Counter({("HEAD", "/ok"): 1, ("HEAD", "/to-metadata"): 1})


def test_allow_private_by_host_name(server: Server) -> None:
    by_name, by_address = f"http://localhost:{server.port}/ok", server.url("/echo")
    results = check_urls([by_name, by_address], LinksSettings(allow_private=("localhost",)))
    assert states(results) == {by_name: ("ok", 200), by_address: ("blocked", 0)}
    assert server.requests == Counter({("HEAD", "/ok"): 1})


def test_non_http_and_malformed_urls_are_not_fetched(server: Server) -> None:
    blocked = [
        "ftp://files.example.com/job.pdf",
        "mailto:jobs@example.com",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
    ]
    broken = ["/careers/apply", "http://", "http://example.com:99999/", "http://[::1/"]
    results = check_urls(blocked + broken, LinksSettings(allow_private=True))
    assert {url: s.state for url, s in results.items()} == {
        **dict.fromkeys(blocked, "blocked"),
        **dict.fromkeys(broken, "broken"),
    }
    assert server.requests == Counter()


def test_exclude_patterns_are_never_fetched_not_even_by_redirect(server: Server) -> None:
    urls = [server.url("/secret"), server.url("/to-secret"), "http://intranet.example/jobs", server.url("/ok")]
    settings = LinksSettings(allow_private=LOOPBACK_ONLY, exclude=(r"/secret$", r"^http://intranet\."))
    results = check_urls(urls, settings)
    assert [s.state for s in results.values()] == ["excluded", "excluded", "excluded", "ok"]
    assert server.requests == Counter({("HEAD", "/to-secret"): 1, ("HEAD", "/ok"): 1})


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("93.184.215.14", None),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.31.255.255", "private"),
        ("192.168.0.1", "private"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("169.254.1.1", "link-local"),
        ("fe80::1", "link-local"),
        ("fc00::1", "unique-local"),
        ("fd12:3456::1", "unique-local"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("::ffff:10.0.0.1", "private"),  # IPv4-mapped
        ("2002:a00:1::1", "private"),  # 6to4 of 10.0.0.1
        ("64:ff9b::7f00:1", "loopback"),  # NAT64 of 127.0.0.1
    ],
)
def test_address_classes(address: str, reason: str | None) -> None:
    assert classify(ipaddress.ip_address(address)) == reason


def test_allow_list_opens_only_what_it_names() -> None:
    policy = AddressPolicy.from_setting(["127.0.0.1", "10.0.0.0/8", "Wiki.Acme.Internal", "169.254.169.254"])
    ip = ipaddress.ip_address
    assert policy.address_problem("127.0.0.1", ip("127.0.0.1")) is None
    assert policy.address_problem("127.0.0.2", ip("127.0.0.2")) is not None
    assert policy.address_problem("db", ip("10.9.8.7")) is None
    assert policy.address_problem("wiki.acme.internal", ip("192.168.3.4")) is None
    assert policy.address_problem("wiki.acme.internal", ip("169.254.170.2")) is not None  # metadata: by address only
    assert policy.address_problem("x", ip("169.254.169.254")) is None
    assert policy.address_problem("other", ip("192.168.3.4")) is not None
    with pytest.raises(ValueError):
        AddressPolicy.from_setting(["10.0.0.0/33"])


# ---------------------------------------------------------------- disk cache


def test_cache_second_run_makes_no_request(server: Server, tmp_path: Path) -> None:
    urls = [server.url("/ok"), server.url("/404"), server.url("/to-private"), server.url("/secret")]
    settings = LinksSettings(allow_private=LOOPBACK_ONLY, exclude=("/secret",))
    first = check_urls(urls, settings, cache_dir=tmp_path)
    server.recorder.reset()
    second = check_urls(urls, settings, cache_dir=tmp_path)
    assert second == first
    assert states(second)[server.url("/404")] == ("broken", 404)
    # blocked and excluded results depend on the settings, so they are never cached
    assert server.requests == Counter({("HEAD", "/to-private"): 1})
    cached = json.loads((tmp_path / diskcache.FILE_NAME).read_text(encoding="utf-8"))["links"]
    assert set(cached) == {server.url("/ok"), server.url("/404")}


def test_cache_expires(server: Server, tmp_path: Path) -> None:
    settings = LinksSettings(allow_private=LOOPBACK_ONLY, cache_ttl=3600)
    check_urls([server.url("/ok")], settings, cache_dir=tmp_path)
    path = tmp_path / diskcache.FILE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    data["links"][server.url("/ok")]["checked"] -= 3601
    path.write_text(json.dumps(data), encoding="utf-8")
    server.recorder.reset()
    assert states(check_urls([server.url("/ok")], settings, cache_dir=tmp_path)) == {server.url("/ok"): ("ok", 200)}
    assert server.requests == Counter({("HEAD", "/ok"): 1})


@pytest.mark.parametrize("damage", ["{not json", "[]", '{"format": 1, "links": {"x": 5}}', "\udcff"])
def test_a_damaged_cache_file_is_ignored_and_replaced(server: Server, tmp_path: Path, damage: str) -> None:
    (tmp_path / diskcache.FILE_NAME).write_text(damage, encoding="utf-8", errors="surrogateescape")
    results = check_urls([server.url("/ok")], LinksSettings(allow_private=LOOPBACK_ONLY), cache_dir=tmp_path)
    assert states(results) == {server.url("/ok"): ("ok", 200)}
    assert server.requests == Counter({("HEAD", "/ok"): 1})
    assert server.url("/ok") in json.loads((tmp_path / diskcache.FILE_NAME).read_text(encoding="utf-8"))["links"]


def test_a_result_fetched_under_a_looser_policy_is_not_reused(server: Server, tmp_path: Path) -> None:
    check_urls([server.url("/ok")], LinksSettings(allow_private=LOOPBACK_ONLY), cache_dir=tmp_path)
    results = check_urls([server.url("/ok")], LinksSettings(), cache_dir=tmp_path)
    assert states(results) == {server.url("/ok"): ("blocked", 0)}
    assert server.requests == Counter({("HEAD", "/ok"): 1})


def test_cache_keeps_unanswered_failures_for_an_hour_at_most(tmp_path: Path) -> None:
    now = 1_000_000.0
    results = {
        "https://a.example/": LinkStatus("https://a.example/", "ok", 200),
        "https://b.example/": LinkStatus("https://b.example/", "broken", 0, "timed out after 10 s"),
        "https://c.example/": LinkStatus("https://c.example/", "blocked", 0, "10.0.0.1 is a private address"),
    }
    diskcache.store(tmp_path, results, ttl=86400, policy="public", now=now)
    urls = list(results)
    assert set(diskcache.load(tmp_path, urls, ttl=86400, policy="public", now=now + 60)) == set(urls[:2])
    assert set(diskcache.load(tmp_path, urls, ttl=86400, policy="private", now=now + 60)) == set(urls[:2])
    assert set(diskcache.load(tmp_path, urls, ttl=86400, policy="public", now=now + 3601)) == {urls[0]}
    assert diskcache.load(tmp_path, urls, ttl=0, policy="public", now=now) == {}


def test_cache_survives_concurrent_writers(tmp_path: Path) -> None:
    def write(worker: int) -> None:
        for n in range(25):
            url = f"https://w{worker}.example/{n}"
            diskcache.store(tmp_path, {url: LinkStatus(url, "ok", 200)}, ttl=86400, policy="public", now=time.time())

    threads = [threading.Thread(target=write, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    data = json.loads((tmp_path / diskcache.FILE_NAME).read_text(encoding="utf-8"))
    assert len(data["links"]) == 6 * 25  # writers take turns: no entry is lost to a race
    assert not list(tmp_path.glob("*.tmp"))


# ---------------------------------------------------------------- progress, configuration, start-up


def test_progress_only_on_request_or_on_a_terminal(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    settings = LinksSettings(allow_private=LOOPBACK_ONLY)
    check_urls([server.url("/ok")], settings, progress=True)
    captured = capsys.readouterr()
    assert "1/1 links" in captured.err
    assert captured.out == ""
    check_urls([server.url("/ok")], settings)  # stderr is not a terminal here
    assert capsys.readouterr() == ("", "")


def test_retry_after_seconds_date_and_cap() -> None:
    now = time.time()
    assert retry_delay("2", 0, 30, now) == 2
    assert retry_delay(formatdate(now + 5, usegmt=True), 0, 30, now) == pytest.approx(5, abs=1)
    assert retry_delay(formatdate(now - 50, usegmt=True), 0, 30, now) == 0
    assert retry_delay("120", 0, 30, now) is None  # longer than the cap: do not wait
    assert [retry_delay(None, n, 30, now) for n in range(3)] == [0.5, 1, 2]
    assert retry_delay("soon", 3, 2, now) == 2


@given(
    st.sampled_from(["http", "HTTPS"]),
    st.sampled_from(["Example.com", "a.b.example", "127.0.0.1", "[2001:db8::1]", "user:pw@x.example"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.text(alphabet="/abc%?=&#-_.~", max_size=20),
)
def test_normalize_is_idempotent(scheme: str, host: str, port: str, rest: str) -> None:
    url = f"{scheme}://{host}{port}/{rest}"
    once = normalize(url)
    assert normalize(once) == once
    assert "#" not in once and "@" not in once


def test_config_keys(tmp_path: Path) -> None:
    config = tmp_path / ".postlint.yaml"
    config.write_text(
        "links:\n  allow_private: ['127.0.0.1', '10.0.0.0/8', wiki.acme.internal]\n"
        "  per_host: 2\n  max_redirects: 3\n  cache_ttl: 0\n",
        encoding="utf-8",
    )
    links = load_config(config).links
    assert links.allow_private == ("127.0.0.1", "10.0.0.0/8", "wiki.acme.internal")
    assert (links.per_host, links.max_redirects, links.cache_ttl) == (2, 3, 0)
    config.write_text("links: {allow_private: true}\n", encoding="utf-8")
    assert load_config(config).links.allow_private is True


@pytest.mark.parametrize(
    ("text", "line", "word"),
    [
        ("links:\n  allow_private: ['10.0.0.0/33']\n", 2, "allow_private"),
        ("links:\n  exclude: ['(']\n", 2, "exclude"),
        ("links:\n  per_host: 0\n", 2, "per_host"),
    ],
)
def test_bad_config_values(tmp_path: Path, text: str, line: int, word: str) -> None:
    config = tmp_path / ".postlint.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.line == line
    assert word in str(caught.value)


@pytest.mark.slow  # two runs of the command line
def test_check_links_on_the_command_line(server: Server, tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("links:\n  allow_private: ['127.0.0.1']\n", encoding="utf-8")
    (tmp_path / "job.md").write_text(
        f"# Engineer\n\n[Apply]({server.url('/ok')}) or see {server.url('/404')} and [wiki](http://10.0.0.1/).\n",
        encoding="utf-8",
    )
    args = ("check", "job.md", "--check-links", "--select", "links/broken", "--format", "json")
    env = {"POSTLINT_CACHE_DIR": str(tmp_path / "cache")}
    for run in range(2):  # the second run answers from the disk cache
        code, out, err = run_cli(*args, cwd=tmp_path, env=env)
        assert code == 1, err
        found = [(v["rule"], v["line"], v["column"]) for v in json.loads(out)["violations"]]
        assert found == [("links/broken", 3, 43)]
        expected = {("HEAD", "/ok"): 1, ("HEAD", "/404"): 1, ("GET", "/404"): 1} if run == 0 else {}
        assert server.requests == Counter(expected)
        server.recorder.reset()


def test_http_client_is_not_imported_at_start_up() -> None:
    code = "import sys, postlint.cli, postlint.links.checker; print(sorted({'httpx', 'httpcore'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
