"""An httpx transport that connects only to addresses it has checked itself.

Checking a URL's host with one DNS lookup and then letting the HTTP client connect
(with a second lookup) leaves a gap: the name can resolve to a public address for the
check and to 127.0.0.1 for the connection (DNS rebinding). Rewriting the URL to the
checked IP with a `Host` header and the `sni_hostname` extension closes that gap but
opens others: httpx pools connections by the URL's host, so two sites behind one IP
would share a TLS connection verified for only one of them.

So the check happens where the connection is made. httpcore opens every TCP
connection through a network backend's `connect_tcp(host, port)`; `PinnedBackend`
resolves `host` itself, refuses the connection if any address fails the policy, and
connects to the checked address. Everything above it is unchanged: the pool is keyed
by host name, TLS sends SNI for and verifies the certificate against the host name,
and the `Host` header is the URL's. Every new connection is checked, so every
redirect hop is too. `httpx.AsyncHTTPTransport` cannot take a network backend, so
`PinnedTransport` wraps an `httpcore.AsyncConnectionPool` directly, with public APIs
only. It never uses a proxy (a proxy would resolve names beyond our check).

httpcore's own errors are not translated to httpx's here; the checker reads both.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator, Iterable
from concurrent.futures import Executor
from typing import Any

import httpcore
import httpx

from postlint.links.safety import AddressPolicy, IPAddress


class BlockedAddress(Exception):
    """A connection refused by the address policy; `reason` is for people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class HostNotFound(Exception):
    """DNS has no address for the host."""

    def __init__(self, host: str, error: str) -> None:
        super().__init__(host, error)
        self.host, self.error = host, error

    def __str__(self) -> str:
        return f"{self.host}: {self.error}"


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Resolve, check every address, then connect to a checked address: see the module docstring.

    A run looks each host up once, and remembers a host:port it could not connect to,
    so a thousand links to a dead site cost one timeout, not a thousand. Lookups run
    on `executor`, so a slow resolver cannot hold up the event loop's own threads.
    """

    def __init__(
        self,
        policy: AddressPolicy,
        executor: Executor | None = None,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._policy = policy
        self._executor = executor
        self._inner = inner or httpcore.AnyIOBackend()
        self._lookups: dict[str, asyncio.Future[list[IPAddress]]] = {}
        self._unreachable: dict[tuple[str, int], Exception] = {}

    async def _resolve(self, host: str, port: int, timeout: float | None) -> list[IPAddress]:
        try:
            return [ipaddress.ip_address(host)]
        except ValueError:
            pass
        lookup = self._lookups.get(host)
        if lookup is None:
            lookup = self._lookups[host] = asyncio.ensure_future(self._lookup(host, port))
            lookup.add_done_callback(lambda done: done.cancelled() or done.exception())  # retrieved, even if late
        try:
            return await asyncio.wait_for(asyncio.shield(lookup), timeout)
        except asyncio.TimeoutError:
            raise httpcore.ConnectTimeout(f"looking up {host} timed out") from None

    async def _lookup(self, host: str, port: int) -> list[IPAddress]:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.run_in_executor(self._executor, socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise HostNotFound(host, str(exc)) from None
        addresses: dict[IPAddress, None] = {}
        for info in infos:
            addresses.setdefault(ipaddress.ip_address(info[4][0]))
        if not addresses:
            raise HostNotFound(host, "no address")
        return list(addresses)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        problem = self._policy.host_problem(host)
        if problem:
            raise BlockedAddress(problem)
        key = (host, port)
        if key in self._unreachable:
            failure = self._unreachable[key]
            raise type(failure)(*failure.args)
        try:
            addresses = await self._resolve(host, port, timeout)
            for ip in addresses:
                problem = self._policy.address_problem(host, ip)
                if problem:
                    raise BlockedAddress(problem)
            return await self._connect(addresses, port, timeout, local_address, socket_options)
        except (httpcore.ConnectError, httpcore.ConnectTimeout, HostNotFound) as exc:
            self._unreachable[key] = exc
            raise
        except asyncio.CancelledError:  # the request's own time ran out while connecting
            self._unreachable.setdefault(key, httpcore.ConnectTimeout(f"connecting to {host} timed out"))
            raise

    async def _connect(
        self,
        addresses: list[IPAddress],
        port: int,
        timeout: float | None,
        local_address: str | None,
        socket_options: Iterable[Any] | None,
    ) -> httpcore.AsyncNetworkStream:
        """The first address that accepts; a timeout ends the attempt (the others would wait as long)."""
        error: httpcore.ConnectError | None = None
        for ip in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(ip), port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _ResponseStream(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for part in self._stream:
            yield part

    async def aclose(self) -> None:
        if hasattr(self._stream, "aclose"):
            await self._stream.aclose()


class PinnedTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over `PinnedBackend`, with httpx's default certificate checks and no proxy."""

    def __init__(self, policy: AddressPolicy, *, max_connections: int, executor: Executor | None = None) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=PinnedBackend(policy, executor),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.AsyncByteStream)
        response = await self._pool.handle_async_request(
            httpcore.Request(
                method=request.method,
                url=httpcore.URL(
                    scheme=request.url.raw_scheme,
                    host=request.url.raw_host,
                    port=request.url.port,
                    target=request.url.raw_path,
                ),
                headers=request.headers.raw,
                content=request.stream,
                extensions=request.extensions,
            )
        )
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._pool.aclose()
