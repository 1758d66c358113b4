"""The methods `@dataclass` generates, compiled once per user rather than once per run.

`dataclasses` writes each class's `__init__`, `__repr__`, `__eq__`, `__setattr__`...
as source text and compiles it with `exec` when the class is created. A check imports
about 90 dataclasses (ours, markdown-it's): some 500 functions, 80 ms of a 300 ms
pre-commit run on a posting just edited, more than any other single step.

While `reused()` is active (the CLI runs inside it), the `dataclasses` module calls our
`exec`: it looks the source text up in a `UserStore` of marshalled code objects, compiles
what the store lacks exactly as `exec` would (filename `<string>`, no inherited
`__future__` flags), and runs the code in the same namespaces. So every class is what it
would have been; only the compiling is skipped. The text is the key, so any change in a
class, or in how this Python's `dataclasses` writes methods, is a new entry. Where a
Python's `dataclasses` does not call `exec` by that name, nothing changes but the speed.
`user_store` says when the file is read and written (never under `--no-cache`).
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
from collections.abc import Iterator
from types import CodeType
from typing import Any

from postlint.user_store import UserStore

FORMAT = 1
# About 500 entries a release; room for several releases and the user's own edits.
STORE = UserStore(f"dataclass-code-{FORMAT}", 4000, marshal.dumps)


def compiled(source: str) -> CodeType:
    """The code `exec(source)` would compile, from the store when it holds it."""
    stored = STORE.get(source)
    if stored is not None:
        with contextlib.suppress(EOFError, ValueError, TypeError):
            code = marshal.loads(stored)
            if isinstance(code, CodeType):
                return code
    code = compile(source, "<string>", "exec", dont_inherit=True)
    STORE.add(source, code)
    return code


def _exec(source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
    builtins.exec(compiled(source) if isinstance(source, str) else source, globals, locals)


@contextlib.contextmanager
def reused() -> Iterator[None]:
    """Classes created inside the block take their generated methods' code from the store."""
    import dataclasses

    if "exec" in vars(dataclasses):  # already ours (nested), or someone else's: leave it
        yield
        return
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        if vars(dataclasses).get("exec") is _exec:
            del dataclasses.exec  # type: ignore[attr-defined]
