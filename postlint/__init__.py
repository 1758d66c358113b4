"""postlint: a compliance and quality linter for job postings.

The supported Python API is `Linter` (build once from a configuration, then
`lint_text` many postings) and `load_linter`. Imports are lazy so that the CLI
starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Linter", "Violation", "__version__", "load_linter"]

if TYPE_CHECKING:
    from postlint.engine import Linter
    from postlint.runner import load_linter
    from postlint.violation import Violation


def __getattr__(name: str) -> Any:
    if name == "Linter":
        from postlint.engine import Linter

        return Linter
    if name == "Violation":
        from postlint.violation import Violation

        return Violation
    if name == "load_linter":
        from postlint.runner import load_linter

        return load_linter
    raise AttributeError(name)
