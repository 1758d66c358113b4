"""The caller's side of a warm run: hand the run over, forward signals, return the exit code.

Everything here must cost little, since it runs before every handed-over run: it imports
only modules Python has loaded at start or that are built in (no `socket`, `signal` or
`subprocess`, whose Python layers import `enum` and more). Whenever no server can take the
run before it has begun, `hand_over` returns None and the caller runs it itself, so a
missing, starting, stale or refused server never changes a result, only the time.
"""

from __future__ import annotations

import os
import sys

from postlint.warm import FRAME, number, read_number
from postlint.warm.address import folder, key, socket_path

PROTOCOL = b"postlint-warm-1"
_FORWARDED_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


def hand_over(argv: list[str]) -> int | None:
    """Run `argv` in this user's warm server and return its exit code; None if it was not taken."""
    import _socket

    place = folder()
    if place is None:
        return None
    digest = key()
    path = socket_path(place, digest)
    if path is None:
        return None
    request = _request(argv)
    if request is None:
        return None
    connection = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            connection.connect(path)
        except OSError:
            start_server(place, digest, path)
            return None
        return _run(connection, request)
    finally:
        connection.close()


def _request(argv: list[str]) -> bytes | None:
    """The run as the server needs it: arguments, folder, umask and environment; None if unreadable."""
    try:
        cwd = os.getcwd()
        for fd in (0, 1, 2):
            os.fstat(fd)  # a closed standard stream cannot be passed on
    except OSError:
        return None
    mask = os.umask(0o022)
    os.umask(mask)
    fields = [PROTOCOL, str(len(argv)).encode(), *(os.fsencode(arg) for arg in argv), os.fsencode(cwd)]
    fields.append(str(mask).encode())
    fields += [name + b"=" + value for name, value in os.environb.items()]
    return b"\0".join(fields)


def _run(connection: object, request: bytes) -> int | None:
    """Send the request with our standard streams, then wait for the child's pid and exit code."""
    import _socket

    assert isinstance(connection, _socket.socket)
    streams = b"".join(fd.to_bytes(4, sys.byteorder) for fd in (0, 1, 2))
    message = number(len(request)) + request
    try:
        sent = connection.sendmsg([message], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, streams)])
        connection.sendall(message[sent:])
        child = _receive(connection, 1)
    except OSError:
        return None
    if child is None:
        return None  # refused before a child began: nothing has been printed or written
    pid = child[0]
    _forward_signals(pid)
    try:
        ending = _receive(connection, 3)
    except OSError:
        ending = None
    if ending is None:
        sys.stderr.write(
            f"postlint: error: the warm server's run (pid {pid}) ended without an exit code; "
            "run again without POSTLINT_WARM\n"
        )
        return 3
    code, user_us, system_us = ending
    if os.environ.get("POSTLINT_DEBUG"):
        sys.stderr.write(f"postlint: run by the warm server: pid {pid}, CPU {(user_us + system_us) / 1000:.1f} ms\n")
    return code


def _receive(connection: object, count: int) -> list[int] | None:
    """`count` numbers from the connection, or None if it closed first."""
    import _socket

    assert isinstance(connection, _socket.socket)
    wanted = count * FRAME
    data = b""
    while len(data) < wanted:
        chunk = connection.recv(wanted - len(data))
        if not chunk:
            return None
        data += chunk
    return [read_number(data[i : i + FRAME]) for i in range(0, wanted, FRAME)]


def _forward_signals(pid: int) -> None:
    """Ctrl-C and termination reach the caller, whose terminal the child does not share: pass them on."""
    import signal as _signal  # its enum is loaded already, by the `re` of the command's script

    def forward(signum: int, frame: object) -> None:
        try:  # noqa: SIM105 - contextlib is one more import before every handed-over run
            os.kill(pid, signum)
        except OSError:
            pass  # already gone: its ending frame, or the closed connection, follows

    for name in _FORWARDED_SIGNALS:
        signum = getattr(_signal, name, None)
        if signum is not None:
            _signal.signal(signum, forward)


def start_server(place: str, digest: str, path: str) -> None:
    """Start a server for this key in the background, unless one is starting or the last one failed.

    It runs `boot.py` as a script, so its import path begins with postlint's own folder and
    then the caller's path, never the caller's working folder. It gets a session of its own
    (no terminal), `/dev/null` for input and output, and a log file for errors.
    """
    import fcntl

    lock_path = os.path.join(place, f"{digest}.lock")
    log_path = os.path.join(place, f"{digest}.log")
    try:
        if os.path.getsize(log_path) > 0:
            return  # the last server for this key failed: its log says why; no restart loop
    except OSError:
        pass
    try:
        lock = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError:
        return
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return  # a server holds the lock: it is starting and will listen soon
    os.close(lock)  # released: the server takes it for its whole life
    boot = os.path.join(os.path.dirname(os.path.abspath(__file__)), "boot.py")
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    command = [sys.executable, boot, path, lock_path, *sys.path]
    try:  # noqa: SIM105 - contextlib is one more import before every handed-over run
        os.posix_spawn(sys.executable, command, os.environ, file_actions=actions, setsid=True)
    except OSError:
        pass  # no server this time: the run goes on here
