"""The warm server: import and compile once, then fork a child for each run handed over.

Safety rests on three things. The socket is in a folder only this user can enter, and a
caller of another uid is refused (`SO_PEERCRED`, where the system has it). The server
itself reads no configuration, pack or posting of the caller's: it warms up on postlint's
own sample posting and built-in packs, from its private folder, so nothing of one
repository can reach the next run. And each run happens in a child forked for it alone,
which exits when the run ends, so no run can leave state behind for another.

The child becomes the caller as far as postlint can tell: the caller's standard streams
(passed over the socket), working folder, umask, environment and arguments, and
`postlint.cli.main` run as `postlint.cli.run` would run it.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import io
import os
import signal
import socket
import sys
import time

from postlint.warm import DEFAULT_IDLE_SECONDS, FRAME, IDLE_ENV, number, read_number
from postlint.warm.client import PROTOCOL

_REQUEST_LIMIT = 64 * 1024 * 1024  # arguments and environment of one run
_REQUEST_SECONDS = 10  # a caller that connects and sends nothing is dropped after this


# What a `check` or `fix` run imports besides what linting the sample does.
_WARM_MODULES = (
    "hashlib",
    "tempfile",
    "postlint.atomic",
    "postlint.cli",
    "postlint.cli.check",
    "postlint.cli.fix",
    "postlint.cli.run_setup",
    "postlint.config",
    "postlint.discovery",
    "postlint.output.github",
    "postlint.output.json_format",
    "postlint.output.precommit",
    "postlint.output.sarif",
    "postlint.output.text",
    "postlint.progress",
    "postlint.results_cache",
)


_held: dict[str, int] = {}  # the server's lock file, held for its whole life


class Request:
    """One run as the caller asked for it."""

    def __init__(self, payload: bytes) -> None:
        fields = payload.split(b"\0")
        if fields[0] != PROTOCOL:
            raise ValueError("not a postlint warm request")
        count = int(fields[1])
        self.argv = [os.fsdecode(arg) for arg in fields[2 : 2 + count]]
        self.cwd = fields[2 + count]
        self.umask = int(fields[3 + count])
        self.environment = dict(item.split(b"=", 1) for item in fields[4 + count :] if b"=" in item)


def serve(socket_path: str, lock_path: str) -> None:
    """Serve runs on `socket_path` until idle for `$POSTLINT_WARM_IDLE` seconds (default 900)."""
    import fcntl

    lock = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return  # another server for this key is starting or serving
    _held["lock"] = lock
    os.chdir(os.path.dirname(socket_path))
    warm_up()
    listener = _listen(socket_path)
    identity = os.stat(socket_path).st_ino
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the system; each reports to its caller
    listener.settimeout(_idle_seconds())
    try:
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                return
            except OSError:
                continue  # a caller that went away before it was accepted: not the server's failure
            with connection:
                if not _still_ours(socket_path, identity):
                    return  # the socket was removed or replaced: a newer server, or the user, ended this one
                _serve_one(listener, connection)
    finally:
        if _still_ours(socket_path, identity):
            os.unlink(socket_path)
        _remove_empty_log(lock_path)


def warm_up() -> None:
    """Import and build what a run needs, using only postlint's own sample and built-in packs."""
    import importlib

    from postlint.dataclass_code import reused

    with reused():
        for name in _WARM_MODULES:
            with contextlib.suppress(ImportError):
                importlib.import_module(name)
        from postlint.api import Linter
        from postlint.sample_posting import SAMPLES

        linter = Linter.from_config(None)
        for form, (_, text) in SAMPLES.items():
            linter.lint_text(text, format=form)


def _listen(socket_path: str) -> socket.socket:
    """Bind the socket, readable and writable by this user alone (a stale one is replaced: we hold the lock)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(socket_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)
    try:
        listener.bind(socket_path)
    finally:
        os.umask(mask)
    listener.listen(64)
    return listener


def _idle_seconds() -> float:
    try:
        return max(0.1, float(os.environ.get(IDLE_ENV, DEFAULT_IDLE_SECONDS)))
    except ValueError:
        return DEFAULT_IDLE_SECONDS


def _still_ours(socket_path: str, identity: int) -> bool:
    try:
        return os.stat(socket_path).st_ino == identity
    except OSError:
        return False


def _remove_empty_log(lock_path: str) -> None:
    """A clean exit leaves no log, so the next caller may start a server again (a failed one's log stays)."""
    log_path = lock_path[: -len(".lock")] + ".log"
    with contextlib.suppress(OSError):
        if os.path.getsize(log_path) == 0:
            os.unlink(log_path)


def _serve_one(listener: socket.socket, connection: socket.socket) -> None:
    """Read one request and fork its child; a request that is not right is dropped, unrun."""
    if not _same_user(connection):
        return
    connection.settimeout(_REQUEST_SECONDS)
    streams: list[int] = []
    try:
        payload, streams = _read_request(connection)
        request = Request(payload)
        if len(streams) != 3:
            return
        connection.settimeout(None)
        if os.fork() == 0:
            try:
                listener.close()
                run_child(connection, streams, request)
            finally:
                os._exit(3)  # run_child never returns; an exception in it must not reach the server's loop
    except (OSError, ValueError, IndexError):
        return
    finally:
        for fd in streams:
            os.close(fd)


def _same_user(connection: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True  # no such check here: the private folder alone keeps others out
    credentials = array.array("i", connection.getsockopt(socket.SOL_SOCKET, option, 12))
    return credentials[1] == os.getuid()


def _read_request(connection: socket.socket) -> tuple[bytes, list[int]]:
    """The request's bytes and the three file descriptors sent with it."""
    size = array.array("i").itemsize
    data, ancillary, _, _ = connection.recvmsg(65536, socket.CMSG_SPACE(3 * size))
    streams: list[int] = []
    for level, kind, content in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            received = array.array("i")
            received.frombytes(content[: len(content) - len(content) % size])
            streams += list(received)
    try:
        if len(data) < FRAME:
            raise ValueError("request too short")
        wanted = read_number(data[:FRAME])
        if wanted > _REQUEST_LIMIT:
            raise ValueError("request too long")
        payload = data[FRAME:]
        while len(payload) < wanted:
            chunk = connection.recv(min(wanted - len(payload), 1 << 20))
            if not chunk:
                raise ValueError("request cut short")
            payload += chunk
    except (OSError, ValueError):
        for fd in streams:
            os.close(fd)
        raise
    return payload, streams


def run_child(connection: socket.socket, streams: list[int], request: Request) -> None:
    """Become the caller, run `postlint.cli.main`, send the exit code and CPU used, and exit."""
    os.close(_held.pop("lock"))  # the lock is the server's: a run that outlives it must not keep a new one out
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for target, fd in enumerate(streams):
        os.dup2(fd, target)
    for fd in streams:
        if fd > 2:
            os.close(fd)
    os.chdir(request.cwd)
    os.umask(request.umask)
    os.environb.clear()
    os.environb.update(request.environment)
    if hasattr(time, "tzset"):
        time.tzset()  # the caller's TZ (part of the key too): the date a run lints against is today's there
    _standard_streams()
    sys.argv = ["postlint", *request.argv]
    connection.sendall(number(os.getpid()))

    from postlint.cli import main

    code = main(request.argv)
    _finish_threads()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    import resource

    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    user = round((own.ru_utime + workers.ru_utime) * 1e6)
    system = round((own.ru_stime + workers.ru_stime) * 1e6)
    with contextlib.suppress(OSError):
        connection.sendall(number(code) + number(user) + number(system))
    os._exit(code)


def _standard_streams() -> None:
    """New `sys.stdin`, `stdout` and `stderr` over the caller's streams, buffered as Python buffers them.

    Encoding and error handler are the server's, which were chosen from the same
    environment (it is part of the server's key); line buffering follows each stream's
    being a terminal, as at Python's start, and the caller's PYTHONUNBUFFERED makes output unbuffered.
    """
    unbuffered = bool(os.environ.get("PYTHONUNBUFFERED"))
    old = (sys.stdin, sys.stdout, sys.stderr)
    stdin = io.TextIOWrapper(
        open(0, "rb", closefd=False),  # noqa: SIM115 - the run's standard input, open for the child's life
        encoding=old[0].encoding,
        errors=old[0].errors,
        newline="\n",
    )
    writers = []
    for fd, previous in ((1, old[1]), (2, old[2])):
        binary = open(fd, "wb", buffering=0 if unbuffered else -1, closefd=False)  # noqa: SIM115 - as stdin
        writers.append(
            io.TextIOWrapper(
                binary,
                encoding=previous.encoding,
                errors=previous.errors,
                newline="\n",
                line_buffering=fd == 2 or os.isatty(fd),
                write_through=unbuffered,
            )
        )
    for name, stream in (("stdin", stdin), ("stdout", writers[0]), ("stderr", writers[1])):
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def _finish_threads() -> None:
    """Wait for threads a run left working, as an interpreter's exit would."""
    threading = sys.modules.get("threading")
    if threading is None:
        return
    main_thread = threading.main_thread()
    for thread in threading.enumerate():
        if thread is not main_thread and not thread.daemon:
            thread.join()
