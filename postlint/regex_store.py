"""The reading modules' own regexes, compiled once per user rather than once per run.

The pack cache keeps the packs' patterns compiled, but the modules that read a posting
(pay, places, dates, languages, mojibake...) compile a few hundred patterns of their own
when they are imported: about 40 ms of a pre-commit run on a posting just edited, a
fifth of it. `regex()` stands for `re.compile` in those modules. It looks the pattern
up, by its source and flags, in a `UserStore` of compiled code (`compiled_regex` rebuilds
a pattern from that code in microseconds); a pattern not there is compiled by `re` as
before and added to the store when the process ends. `user_store` says when the file is
read and written (never under `--no-cache`).
"""

from __future__ import annotations

import re
from typing import Any, AnyStr

from postlint.user_store import UserStore

FORMAT = 1


def _code(pattern: re.Pattern[Any]) -> tuple[Any, ...] | None:
    from postlint.compiled_regex import compiled_code

    return compiled_code(pattern)


# 2,000 entries: several releases' worth of the few hundred patterns the reading modules compile.
STORE = UserStore(f"regexes-{FORMAT}", 2000, _code)


def regex(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, rebuilt from the per-user store of compiled code when it holds it."""
    key = (pattern, int(flags))
    stored = STORE.get(key)
    if stored is not None:
        from postlint.compiled_regex import restore

        return restore(pattern, int(flags), stored)
    compiled = re.compile(pattern, flags)
    STORE.add(key, compiled)
    return compiled
