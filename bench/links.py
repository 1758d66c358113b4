"""Benchmark the link checker (`--check-links`) against a local server that answers slowly.

    python bench/links.py [--urls N] [--latency MS] [--concurrency C ...] [--output FILE]

Starts a threaded HTTP server on 127.0.0.1 (in its own process) that waits `--latency` ms before each
answer, as a distant site would, then checks `--urls` distinct URLs on it at each
concurrency (default 1 and 16), with no disk cache, and once more at the last
concurrency with a warm disk cache (a re-run: no request at all). The server is one
host, so `per_host` is raised to the concurrency: the figures measure the global limit.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from postlint import __version__
from postlint.config import LinksSettings
from postlint.links.checker import check_urls


def serve(latency: float, port: Any, count: Any) -> None:
    """A keep-alive server answering 200 after `latency` seconds, counting requests in `count`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_HEAD(self) -> None:
            with count.get_lock():
                count.value += 1
            time.sleep(latency)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_HEAD

    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port.value = server.server_address[1]
    server.serve_forever()


def start_server(latency: float) -> tuple[Any, int, Any]:
    """Run the server in its own process, so that it does not share the checker's interpreter."""
    import multiprocessing

    port, count = multiprocessing.Value("i", 0), multiprocessing.Value("q", 0)
    process = multiprocessing.Process(target=serve, args=(latency, port, count), daemon=True)
    process.start()
    while not port.value:
        time.sleep(0.01)
    return process, port.value, count


def timed(urls: list[str], settings: LinksSettings, cache: Path | None, count: Any) -> dict[str, Any]:
    before = count.value
    start = time.perf_counter()
    results = check_urls(urls, settings, cache_dir=cache, progress=False)
    seconds = time.perf_counter() - start
    states = sorted({status.state for status in results.values()})
    return {
        "concurrency": settings.concurrency,
        "seconds": round(seconds, 3),
        "links_per_s": round(len(urls) / seconds, 1),
        "requests": count.value - before,
        "states": states,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=400)
    parser.add_argument("--latency", type=float, default=20.0, help="milliseconds before each answer")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 16])
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "results" / "links.json")
    args = parser.parse_args()
    server, port, count = start_server(args.latency / 1000)
    results: dict[str, Any] = {
        "postlint": __version__,
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "urls": args.urls,
        "latency_ms": args.latency,
        "runs": [],
    }
    with tempfile.TemporaryDirectory() as cache:
        for run, concurrency in enumerate(args.concurrency):
            urls = [f"http://127.0.0.1:{port}/r{run}/job/{n}" for n in range(args.urls)]
            settings = LinksSettings(allow_private=("127.0.0.1",), concurrency=concurrency, per_host=concurrency)
            row = timed(urls, settings, None, count)
            results["runs"].append(row)
            print(f"concurrency {concurrency:>3}  {row['seconds']:>7.3f} s  {row['links_per_s']:>8,.1f} links/s")
        check_urls(urls, settings, cache_dir=Path(cache), progress=False)
        row = timed(urls, settings, Path(cache), count)
        results["cached"] = row
        print(f"disk cache       {row['seconds']:>7.3f} s  {row['links_per_s']:>8,.1f} links/s", end="  ")
        print(f"({row['requests']} requests)")
    server.terminate()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
