"""Module-level patterns of the reading modules that most postings never use, compiled on first use.

`regex_store.regex()` compiles a pattern when its module is imported; without the store
(`--no-cache`, a first run) that is `re`'s pure-Python compiler, a few milliseconds for a
large pattern. Some patterns serve only rare postings (a wide-character table, a
spelled-out e-mail address, commission-only pay...), so most runs paid for them in vain.
`lazy_regex()` stands for `regex()` there: the pattern is compiled, through
`regex_store.regex()`, when a method or attribute other than `pattern` is first asked for,
and its methods are then found without this indirection. Matching is `re`'s either way.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux-]")  # a pattern that may open with inline flags, such as (?i)


class LazyRegex:
    """A pattern and its flags until used; then the compiled pattern's methods and attributes.

    `pattern` is known at once, and `flags` unless the pattern opens with inline flags; anything
    else (`search`, `groups`...) compiles."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        if not _GLOBAL_FLAGS.match(pattern):  # then `re` adds only UNICODE: known without compiling
            self.flags = flags if flags & re.ASCII else flags | re.UNICODE

    def compiled(self) -> re.Pattern[str]:
        from postlint.regex_store import regex

        return regex(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # pickle and copy probe for hooks: answer as a plain object would
            raise AttributeError(name)
        compiled = self.compiled()
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return LazyRegex, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return repr(self.compiled())


def lazy_regex(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`regex_store.regex(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", LazyRegex(pattern, int(flags)))
