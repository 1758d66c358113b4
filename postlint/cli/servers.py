"""`postlint lsp` and `postlint mcp`: the servers, each behind an optional extra."""

from __future__ import annotations

from typing import Any

import click

from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode


def import_extra(module: str, extra: str) -> Any:
    """Import a server module that needs an optional extra, with a clear message when it is missing."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        missing = exc.name or "a dependency"
        if missing.startswith("postlint"):
            raise
        raise PostlintError(
            f"`postlint {extra}` needs the {extra!r} extra ({missing} is not installed): "
            f"python -m pip install 'postlint[{extra}]'"
        ) from None


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp_command(stdio: bool) -> int:
    """Run the language server for editors (needs the 'lsp' extra)."""
    import_extra("postlint.lsp.server", "lsp").serve()
    return ExitCode.OK


@click.command("mcp")
def mcp_command() -> int:
    """Run the Model Context Protocol server for AI assistants over stdio (needs the 'mcp' extra)."""
    import_extra("postlint.mcp_server", "mcp").serve()
    return ExitCode.OK
