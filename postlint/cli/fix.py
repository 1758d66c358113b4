"""`postlint fix`: apply fixes in place, print them as a diff, or say whether any would apply."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import click

from postlint.cli import options
from postlint.cli.run_setup import LintRequest, discover_files, load_settings, max_bytes, read_policy
from postlint.display import printable
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode
from postlint.wording import plural


class Outcome(Enum):
    """What fixing one file came to."""

    UNCHANGED = "unchanged"  # nothing to fix, or skipped with a note
    CHANGED = "changed"  # fixed (or, with --diff or --check, would be)
    UNWRITTEN = "unwritten"  # fixed, but the file could not be written
    REFUSED = "refused"  # standard input that cannot be fixed: the run stops with a usage error


@dataclass(frozen=True)
class FixRequest(LintRequest):
    """The options of one `postlint fix` call, as click parsed them."""

    unsafe_fixes: bool
    show_diff: bool
    check_only: bool

    @property
    def writes(self) -> bool:
        """Whether files are rewritten (not with --diff or --check)."""
        return not self.show_diff and not self.check_only


@click.command()
@click.argument("paths", nargs=-1)
@options.selection
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if anything would change; write nothing.")
@options.stdin_filename
@options.warm
@options.as_of
@options.follow_symlinks
def fix(**given: Any) -> int:
    """Apply fixes in place: safe ones, and unsafe ones with --unsafe-fixes ('-': stdin to stdout)."""
    request = FixRequest(**given)
    settings = load_settings(request.config_path)
    linter = request.build_linter(settings)
    files = discover_files(request.paths, settings)
    policy = read_policy(request.paths, request.follow_symlinks)
    changed = unwritten = 0
    for path in files:
        outcome = fix_file(path, request, linter, max_bytes(settings), policy)
        if outcome is Outcome.REFUSED:
            return ExitCode.USAGE
        changed += outcome is Outcome.CHANGED
        unwritten += outcome is Outcome.UNWRITTEN
    if request.check_only:
        return ExitCode.VIOLATIONS if changed else ExitCode.OK
    if not request.show_diff and "-" not in files:
        done = f"{plural(changed, 'file')} changed." if changed else f"Nothing to fix in {plural(len(files), 'file')}."
        click.echo(done, err=True)
    if unwritten:
        click.echo(f"postlint: error: {plural(unwritten, 'file')} could not be written", err=True)
        return ExitCode.USAGE
    return ExitCode.OK


def fix_file(path: str, request: FixRequest, linter: Any, limit: int, policy: Any) -> Outcome:
    """Fix one file (or standard input, written to standard output) as the request asks."""
    from postlint.fixes import fix_document
    from postlint.runner import read_document

    doc, decoded = read_document(path, limit, request.stdin_filename, policy=policy)
    if decoded is None:
        reason = printable(doc.problems[0].message) if doc.problems else "not linted"
        click.echo(f"{printable(doc.path)}: skipped: {reason}", err=True)
        return Outcome.REFUSED if path == "-" else Outcome.UNCHANGED
    text, total = fix_document(linter, doc, unsafe=request.unsafe_fixes)
    if doc.lossy and text == doc.text:
        click.echo(f"{printable(doc.path)}: not rewritten: it is not valid UTF-8 (see encoding/invalid-utf8)", err=True)
        if path == "-":
            return Outcome.REFUSED  # writing the text back would replace the bad bytes with U+FFFD
    if path == "-" and request.writes:
        sys.stdout.buffer.write((b"\xef\xbb\xbf" if decoded.bom else b"") + text.encode("utf-8"))
        sys.stdout.flush()
        return Outcome.UNCHANGED
    if text == doc.text:
        return Outcome.UNCHANGED
    if request.show_diff:
        print_diff(doc, text)
    elif request.check_only:
        click.echo(f"{printable(doc.path)}: would apply {plural(total, 'fix')}")
    else:
        return rewrite(path, doc, text, total, decoded.bom and not doc.lossy, policy)
    return Outcome.CHANGED


def print_diff(doc: Any, text: str) -> None:
    """The change to one document as a unified diff on standard output."""
    import difflib

    before = doc.text.splitlines(keepends=True)
    diff = difflib.unified_diff(
        before, text.splitlines(keepends=True), f"a/{printable(doc.path)}", f"b/{printable(doc.path)}"
    )
    sys.stdout.write("".join(diff))


def rewrite(path: str, doc: Any, text: str, total: int, bom: bool, policy: Any) -> Outcome:
    """Write the fixed text over the file, atomically; a file that may not be written is left with a note."""
    from postlint.fixes import write_atomically
    from postlint.safe_read import writable_target

    try:
        target = writable_target(path, policy)
    except PostlintError as exc:
        click.echo(f"{printable(doc.path)}: not rewritten: {exc.message}", err=True)
        return Outcome.CHANGED  # counted as changed, as it always was: the note says why it is not
    try:
        write_atomically(Path(target), text, bom)
    except OSError as exc:
        click.echo(f"{printable(doc.path)}: not rewritten: {exc.strerror or exc}", err=True)
        return Outcome.UNWRITTEN
    click.echo(f"{printable(doc.path)}: applied {plural(total, 'fix')}", err=True)
    return Outcome.CHANGED
