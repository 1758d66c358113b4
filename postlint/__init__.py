"""postlint: a compliance and quality linter for job postings.

The supported Python API is `Linter` (build once with `Linter.from_config`, then
`lint_text` many postings), `Violation` (with `to_dict`, the JSON output's object)
and `PostlintError`. `load_linter` is the older way to build an engine linter and
stays. Imports are lazy so that `import postlint` and the CLI start fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `typing`'s: importing typing costs the warm server's caller milliseconds

__version__ = "0.1.0"
__all__ = ["Linter", "PostlintError", "Violation", "__version__", "load_linter"]

if TYPE_CHECKING:
    from typing import Any

    from postlint.api import Linter
    from postlint.errors import PostlintError
    from postlint.runner import load_linter
    from postlint.violation import Violation

_LAZY = {
    "Linter": "postlint.api",
    "PostlintError": "postlint.errors",
    "Violation": "postlint.violation",
    "load_linter": "postlint.runner",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'postlint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_LAZY[name]), name)
