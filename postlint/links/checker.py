"""The online link checker behind `--check-links`: every distinct URL fetched once, safely.

A run collects the URLs of all its postings and calls `check_urls` once, so a link
shared by a thousand postings costs one request. The fragment does not count
(`/jobs#apply` and `/jobs#top` are one fetch), and a page that several links redirect
to is fetched once too.

How a URL is fetched:
- HEAD first, since only the status matters. A HEAD answered with an error is tried
  again with GET before the link is reported, because many servers answer HEAD wrongly
  (405, 501, and sometimes 403 or 404 for pages that exist). A GET reads at most 64 KiB
  of the body and hangs up.
- Redirects are followed one hop at a time, each hop checked like the first URL: up to
  `max_redirects`; a URL seen twice in one chain is a redirect loop.
- 429 and 503 are retried (`retries` times) after the `Retry-After` the server asks for
  (seconds or an HTTP date), or after 0.5 s, 1 s, 2 s... without one. A wait longer than
  the request timeout (and never more than 30 s) is not waited for: the answer stands, so
  a hostile server cannot stall the run.
- At most `concurrency` requests at once, and at most `per_host` to one host; `timeout`
  bounds each request as a whole (look-up, connection, TLS, answer). A host is looked up
  once per run, and a host that cannot be reached is not tried again in the same run.
- Deadlines above the request's: `url_timeout` bounds one link with all its redirect hops
  and retries (ten hops of 9 s each would otherwise take 99 s), and `total_timeout` the
  whole run's checking; links still waiting then are reported as not checked
  ("unverified"), so a hostile server can delay a run by at most that much.
- Only public addresses are contacted, whatever the URL, its redirects or DNS say
  (`postlint.links.safety`, `postlint.links.transport`); `allow_private` opens more.
- No cookies are kept, no credentials are sent (`user:password@` is dropped from URLs),
  and proxies from the environment are not used: a proxy would resolve host names
  beyond the address check (see `postlint.links.transport`), so a machine that can reach
  the web only through a proxy reports links as unreachable.

httpx is imported only here, when links are checked, never when postlint starts.
"""

from __future__ import annotations

import asyncio
import math
import re
import ssl
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urljoin, urlsplit, urlunsplit

from postlint.config import LinksSettings
from postlint.links.safety import AddressPolicy
from postlint.links.status import LinkState, LinkStatus

REDIRECTS = frozenset({301, 302, 303, 307, 308})
REFUSES_ROBOTS = frozenset({401, 403, 429, 999})  # the site answers, but not to a program
RETRYABLE = frozenset({429, 503})
RETRY_WAIT_CAP = 30.0  # seconds: the longest wait for a Retry-After, whatever the timeout
BACKOFF = 0.5  # seconds before the first retry when the server does not say
MAX_BODY = 64 * 1024  # bytes of a GET body read before hanging up


def user_agent() -> str:
    from postlint import __version__

    return f"postlint/{__version__} (+https://github.com/postlint/postlint)"


class _NotFetched(Exception):
    """A URL that is not fetched: not http(s) (blocked) or not a usable URL (broken)."""

    def __init__(self, state: LinkState, detail: str) -> None:
        super().__init__(detail)
        self.state = state
        self.detail = detail


def normalize(url: str) -> str:
    """The URL as fetched: http(s) only, no user-info, no fragment, lower-case host, no default port."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise _NotFetched("broken", "not a valid URL: its host or port cannot be read") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if not scheme:
            raise _NotFetched("broken", "not an absolute URL")
        raise _NotFetched("blocked", f"only http and https links are fetched, not {scheme}:")
    host = parts.hostname
    if not host:
        raise _NotFetched("broken", "not a valid URL: no host")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        netloc += f":{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def retry_delay(retry_after: str | None, attempt: int, cap: float, now: float) -> float | None:
    """Seconds to wait before retry number `attempt` (0-based), or None if the server asks for more than `cap`."""
    if retry_after:
        seconds: float | None
        try:
            seconds = float(retry_after.strip())
        except ValueError:
            try:
                seconds = parsedate_to_datetime(retry_after).timestamp() - now
            except (TypeError, ValueError, IndexError, OverflowError):
                seconds = None
        if seconds is not None and math.isfinite(seconds):
            seconds = max(0.0, seconds)
            return seconds if seconds <= cap else None
    return min(cap, BACKOFF * 2**attempt)


def describe_status(code: int) -> str:
    """'404 Not Found'; just the number for a code HTTP does not name (999)."""
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return str(code)


def _describe_failure(exc: BaseException, timeout: float) -> str:
    """A short reason for a request that got no HTTP answer."""
    import httpcore
    import httpx

    from postlint.links.transport import HostNotFound

    if isinstance(exc, (asyncio.TimeoutError, httpx.TimeoutException, httpcore.TimeoutException)):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, HostNotFound):
        return f"host not found: {exc.host}"
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate rejected: {cause.verify_message or cause.reason}"
        if isinstance(cause, ssl.SSLError):
            return "TLS error: " + re.sub(r"\s*\(_ssl\.c:\d+\)$", "", str(cause.strerror or cause))
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset"
    if isinstance(exc, (httpx.InvalidURL, httpcore.UnsupportedProtocol)):
        return f"not a valid URL: {exc}"
    if isinstance(exc, (httpx.RemoteProtocolError, httpcore.RemoteProtocolError)):
        return f"not a valid HTTP answer: {exc}"
    return f"cannot connect: {exc}" if str(exc) else f"cannot connect: {type(exc).__name__}"


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc` and what lies under it. httpcore wraps the original error as its first argument and
    re-raises `from None`, so the argument is where an `ssl.SSLError` is found."""
    found: list[BaseException] = []
    todo = [exc]
    while todo and len(found) < 20:
        current = todo.pop(0)
        if any(current is seen for seen in found):
            continue
        found.append(current)
        todo.extend(a for a in current.args[:1] if isinstance(a, BaseException))
        todo.extend(c for c in (current.__cause__, current.__context__) if c is not None)
    return found


def _network_errors() -> tuple[type[BaseException], ...]:
    import httpcore
    import httpx

    from postlint.links.transport import HostNotFound

    return (
        asyncio.TimeoutError,
        OSError,
        HostNotFound,
        httpx.HTTPError,
        httpx.InvalidURL,
        httpcore.TimeoutException,
        httpcore.NetworkError,
        httpcore.ProtocolError,
        httpcore.UnsupportedProtocol,
    )


@dataclass(frozen=True, slots=True)
class _Answer:
    """What one hop answered: the last status and where it redirects (if it does)."""

    status: int
    location: str | None


@dataclass(frozen=True, slots=True)
class _Run:
    """The state of one asyncio run: the client, the limits and the hops already fetched."""

    client: Any
    settings: LinksSettings
    excludes: tuple[re.Pattern[str], ...]
    limit: asyncio.Semaphore
    per_host: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    hops: dict[str, asyncio.Task[_Answer]] = field(default_factory=dict)

    async def check(self, url: str) -> LinkStatus:
        """Follow `url` (already normalized) to its final answer."""
        from postlint.links.transport import BlockedAddress

        seen = {url}
        current, code = url, 0
        for hop in range(self.settings.max_redirects + 1):
            via = f"redirects to {current}: " if hop else ""
            final = current if hop else ""
            if hop and (pattern := self.excluded(current)):
                return LinkStatus(url, "excluded", code, f"{via}matches links.exclude {pattern!r}", final)
            task = self.hops.get(current)
            if task is None:
                task = self.hops[current] = asyncio.ensure_future(self.fetch(current))
            try:
                answer = await asyncio.shield(task)
            except BlockedAddress as exc:
                return LinkStatus(url, "blocked", code, via + exc.reason, final)
            except _network_errors() as exc:
                return LinkStatus(url, "broken", 0, via + _describe_failure(exc, self.settings.timeout), final)
            code = answer.status
            if answer.location is None:
                return _classify(url, code, final, via)
            try:
                target = normalize(urljoin(current, answer.location))
            except _NotFetched as exc:
                return LinkStatus(url, exc.state, code, f"redirects to {answer.location}: {exc.detail}", current)
            if target in seen:
                return LinkStatus(url, "broken", code, f"redirect loop at {target}", target)
            seen.add(target)
            current = target
        limit = self.settings.max_redirects
        return LinkStatus(url, "broken", code, f"too many redirects (more than {limit})", current)

    def excluded(self, url: str) -> str | None:
        return next((p.pattern for p in self.excludes if p.search(url)), None)

    async def fetch(self, url: str) -> _Answer:
        """One hop: HEAD, GET if HEAD fails, retries on 429/503."""
        settings = self.settings
        cap = min(RETRY_WAIT_CAP, settings.timeout)
        method = "HEAD"
        for attempt in range(settings.retries + 1):
            status, headers = await self.request(method, url)
            if method == "HEAD" and status >= 400 and status not in RETRYABLE:
                method = "GET"
                status, headers = await self.request(method, url)
            if status not in RETRYABLE or attempt == settings.retries:
                break
            wait = retry_delay(headers.get("retry-after"), attempt, cap, time.time())
            if wait is None:
                break
            await asyncio.sleep(wait)
        location = headers.get("location") if status in REDIRECTS else None
        return _Answer(status, location or None)

    async def request(self, method: str, url: str) -> tuple[int, Any]:
        host = urlsplit(url).hostname or ""
        semaphore = self.per_host.setdefault(host, asyncio.Semaphore(self.settings.per_host))
        async with semaphore, self.limit:  # the host's slot first, so waiting on it holds no global slot
            return await asyncio.wait_for(self._send(method, url), self.settings.timeout)

    async def _send(self, method: str, url: str) -> tuple[int, Any]:
        response = await self.client.send(self.client.build_request(method, url), stream=True)
        try:
            # Reading to the end (nothing, for HEAD) lets the connection be reused; past the cap, hang up.
            read = 0
            async for chunk in response.aiter_raw():
                read += len(chunk)
                if read > MAX_BODY:
                    break
        finally:
            await response.aclose()
        return response.status_code, response.headers


def _classify(url: str, code: int, final: str, via: str) -> LinkStatus:
    if 200 <= code < 300:
        return LinkStatus(url, "ok", code, "", final)
    if code in REFUSES_ROBOTS:
        detail = f"the site refuses automated requests ({describe_status(code)})"  # the state says "unverified"
        return LinkStatus(url, "unverified", code, via + detail, final)
    if 300 <= code < 400:
        return LinkStatus(url, "broken", code, f"{via}{describe_status(code)} without a usable Location", final)
    return LinkStatus(url, "broken", code, via + describe_status(code), final)


class _Progress:
    """`[#####     ] 12/40 links` on a terminal's stderr, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total, self.done, self.stream, self.drawn = total, 0, stream, 0.0

    def step(self) -> None:
        self.done += 1
        if self.stream is not None and (self.done == self.total or time.monotonic() - self.drawn > 0.1):
            self.drawn = time.monotonic()
            filled = self.WIDTH * self.done // max(1, self.total)
            bar = "#" * filled + " " * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} links")
            self.stream.flush()

    def close(self) -> None:
        if self.stream is not None and self.total:
            self.stream.write("\r" + " " * (self.WIDTH + 30) + "\r")
            self.stream.flush()


async def _check_all(
    urls: list[str], settings: LinksSettings, policy: AddressPolicy, progress: _Progress
) -> dict[str, LinkStatus]:
    from concurrent.futures import ThreadPoolExecutor
    from http.cookiejar import CookieJar, DefaultCookiePolicy

    import httpx

    from postlint.links.transport import PinnedTransport

    no_cookies = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))  # an empty allow-list refuses them all
    lookups = ThreadPoolExecutor(max_workers=settings.concurrency, thread_name_prefix="postlint-dns")
    client = httpx.AsyncClient(
        transport=PinnedTransport(policy, max_connections=settings.concurrency, executor=lookups),
        timeout=httpx.Timeout(settings.timeout),
        follow_redirects=False,
        trust_env=False,
        cookies=no_cookies,
        headers={"User-Agent": user_agent(), "Accept": "*/*"},
    )
    try:
        async with client:
            run = _Run(client, settings, _compile(settings.exclude), asyncio.Semaphore(settings.concurrency))

            async def one(url: str) -> LinkStatus:
                try:
                    return await asyncio.wait_for(run.check(url), settings.url_timeout)
                except asyncio.TimeoutError:
                    detail = f"gave up after {settings.url_timeout:g} s (links.url_timeout), redirects included"
                    return LinkStatus(url, "broken", 0, detail)
                finally:
                    progress.step()

            tasks = [asyncio.ensure_future(one(url)) for url in urls]
            _, late = await asyncio.wait(tasks, timeout=settings.total_timeout)
            for task in late:
                task.cancel()
            if late:
                await asyncio.gather(*late, return_exceptions=True)
            detail = f"not checked: link checking ran out of time (links.total_timeout: {settings.total_timeout:g} s)"
            results = [
                LinkStatus(url, "unverified", 0, detail) if task in late else task.result()
                for url, task in zip(urls, tasks, strict=True)
            ]
            hops = [hop for hop in run.hops.values() if not hop.done()]  # shielded from their links' cancellation
            for hop in hops:
                hop.cancel()
            await asyncio.gather(*hops, return_exceptions=True)
    finally:
        lookups.shutdown(wait=False, cancel_futures=True)  # a lookup the resolver never answers is abandoned
    return dict(zip(urls, results, strict=True))


def _compile(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _run(coro: Any) -> Any:
    """asyncio.run, also from code that is itself inside an event loop (a notebook)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def check_urls(
    urls: Iterable[str], settings: LinksSettings, *, cache_dir: Path | None = None, progress: bool | None = None
) -> dict[str, LinkStatus]:
    """Check each distinct URL once; return its status. Synchronous wrapper over an asyncio run.

    The result has one entry per URL given, keyed as given. `cache_dir` (postlint's
    cache folder) keeps results between runs for `settings.cache_ttl` seconds; None
    neither reads nor writes it. `progress` draws a bar on stderr; None: when stderr
    is a terminal.
    """
    from postlint.links import diskcache

    policy = AddressPolicy.from_setting(settings.allow_private)
    excludes = _compile(settings.exclude)
    results: dict[str, LinkStatus] = {}
    targets: dict[str, str] = {}  # URL as given -> URL to fetch
    for url in urls:
        if url in results or url in targets:
            continue
        try:
            target = normalize(url)
        except _NotFetched as exc:
            results[url] = LinkStatus(url, exc.state, 0, exc.detail)
            continue
        pattern = next((p.pattern for p in excludes if p.search(url) or p.search(target)), None)
        if pattern is not None:
            results[url] = LinkStatus(url, "excluded", 0, f"matches links.exclude {pattern!r}")
        else:
            targets[url] = target
    distinct = list(dict.fromkeys(targets.values()))
    now = time.time()
    known: dict[str, LinkStatus] = {}
    if cache_dir is not None:
        known = diskcache.load(cache_dir, distinct, ttl=settings.cache_ttl, policy=policy.key, now=now)
    pending = [url for url in distinct if url not in known]
    if pending:
        if progress is None:
            progress = sys.stderr.isatty()
        bar = _Progress(len(pending), sys.stderr if progress else None)
        try:
            fetched = _run(_check_all(pending, settings, policy, bar))
        finally:
            bar.close()
        if cache_dir is not None:
            diskcache.store(cache_dir, fetched, ttl=settings.cache_ttl, policy=policy.key, now=time.time())
        known.update(fetched)
    for url, target in targets.items():
        results[url] = replace(known[target], url=url)
    return results
