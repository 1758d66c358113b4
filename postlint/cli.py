"""The `postlint` command line: a thin shell over the engine.

`main(argv) -> int` never calls sys.exit below itself and never lets a
traceback reach a user for something they caused: PostlintError and bad
usage exit 2 with one line, anything else is a bug and exits 3.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from postlint import __version__
from postlint.display import printable
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode
from postlint.output import FORMATS
from postlint.wording import plural

ISSUES_URL = "https://github.com/postlint/postlint/issues"

_selection = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file."),
    click.option("--pack", "packs", multiple=True, help="Add a pack file or folder (repeatable)."),
    click.option("--select", multiple=True, help="Only these rules or packs (repeatable or comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rules or packs (repeatable or comma-separated)."),
    click.option("--jurisdiction", "jurisdictions", multiple=True, help="Lint as if posted here (repeatable)."),
]


_as_of = click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="DATE",
    help="Lint against the laws in force on this day (YYYY-MM-DD; default: today, or the config's as-of).",
)


_follow = click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read symbolic links that lead outside the folder being linted (never to FIFOs or devices).",
)


def _policy(paths: Sequence[str], follow_symlinks: bool) -> Any:
    from postlint.safe_read import ReadPolicy

    return ReadPolicy.for_arguments(list(paths) or ["."], follow_symlinks)


def _with_selection(func: Any) -> Any:
    for option in reversed(_selection):
        func = option(func)
    return func


def _split(values: Sequence[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _settings(config_path: str | None, use_cache: bool = True) -> Any:
    from postlint.config import find_config, load_config

    path = Path(config_path) if config_path else find_config(Path.cwd())
    if path is None or not use_cache:
        return load_config(path)
    from postlint.cache import cached

    return cached("config", path, lambda: load_config(path))


def _discover(paths: Sequence[str], settings: Any) -> list[str]:
    """The files to lint; named files that are not postings are left out with a note on stderr."""
    from postlint.discovery import discover, skipped_note

    found = discover(paths, settings)
    if found.skipped and os.environ.get("PRE_COMMIT") != "1":  # a hook skips them as it skips other types
        click.echo(skipped_note(found.skipped), err=True)
    return found.files


def _linter(
    settings: Any,
    packs: Sequence[str],
    select: Sequence[str],
    ignore: Sequence[str],
    jurisdictions: Sequence[str],
    use_cache: bool = True,
    as_of: Any = None,
) -> Any:
    from postlint.runner import load_linter

    return load_linter(
        settings,
        extra_packs=packs,
        select=_split(select),
        ignore=_split(ignore),
        jurisdictions=_split(jurisdictions),
        use_cache=use_cache,
        as_of=as_of.date() if as_of is not None else None,
    )


def _result_cache(settings: Any, linter: Any, options: Sequence[str]) -> Any:
    """The result cache for this run: beside the config file if there is one, else in the current folder."""
    from postlint.results_cache import ResultCache, cache_root, run_key

    sources = [rule.source for rule in linter.rules]
    if settings.source:
        sources.append(settings.source)
    root = cache_root(settings.base if settings.source else None)
    references = {rule.id: rule.references for rule in linter.rules}
    return ResultCache(root, run_key(sources, options, linter.today), references)


def _colour(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="postlint", message="%(prog)s %(version)s")
def cli() -> None:
    """A compliance and quality linter for job postings."""


@cli.command()
@click.argument("paths", nargs=-1)
@_with_selection
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help="Output format (default: text).")
@click.option("--output", "output", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="FORMAT:FILE",
    help="Also write a report in FORMAT to FILE, from the same run (repeatable).",
)
@click.option(
    "--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest failing severity."
)
@click.option("--check-links", is_flag=True, help="Check links over the network.")
@click.option("--quiet", "-q", is_flag=True, help="Print violations only, no summary.")
@click.option("--statistics", is_flag=True, help="Print the number of violations per rule.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core).")
@click.option("--no-cache", is_flag=True, help="Do not use or write caches.")
@click.option("--stdin-filename", default=None, help="The name (and so the format) of standard input.")
@click.option(
    "--diff-base", metavar="REF", default=None, help="Only violations on lines changed since this git revision."
)
@click.option("--baseline", "baseline_path", metavar="FILE", default=None, help="Only violations not in this baseline.")
@click.option(
    "--input",
    "input_kind",
    type=click.Choice(["files", "jsonl"]),
    default="files",
    help="jsonl: PATH is a JSON Lines file (or '-') of {id, text, format, location, jurisdictions} records.",
)
@_as_of
@_follow
def check(
    paths: tuple[str, ...],
    config_path: str | None,
    packs: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    reports: tuple[str, ...],
    fail_on: str | None,
    check_links: bool,
    quiet: bool,
    statistics: bool,
    jobs: int,
    no_cache: bool,
    stdin_filename: str | None,
    diff_base: str | None,
    baseline_path: str | None,
    input_kind: str,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Lint postings: files, folders (recursively), or '-' for standard input."""
    from dataclasses import replace

    from postlint.runner import LinkedRun, lint_files
    from postlint.violation import Severity

    settings = _settings(config_path, not no_cache)
    linter = _linter(settings, packs, select, ignore, jurisdictions, not no_cache, as_of)
    if input_kind == "jsonl":
        from postlint.batch import check_jsonl

        refused = {"--check-links": check_links, "--diff-base": diff_base is not None, "--report": bool(reports)}
        refused |= {"--baseline": baseline_path is not None, "--stdin-filename": stdin_filename is not None}
        return check_jsonl(
            linter,
            paths=paths,
            fmt=fmt,
            output=output,
            threshold=Severity[fail_on or settings.fail_on],
            jobs=jobs,
            quiet=quiet,
            statistics=statistics,
            max_bytes=int(settings.max_file_size * 1024 * 1024),
            refused=refused,
        )
    files = _discover(paths, settings)
    policy = _policy(paths, follow_symlinks)
    changes = known = None
    if diff_base is not None:
        from postlint.gitdiff import load_changes

        if "-" in files:
            raise PostlintError("--diff-base cannot be used with standard input: git knows only the files on disk")
        changes = load_changes(diff_base, list(paths) or ["."])
    if baseline_path is not None:
        from postlint.baseline import read_baseline

        known = read_baseline(baseline_path)
    max_bytes = int(settings.max_file_size * 1024 * 1024)
    stdin_data = None
    if check_links or settings.links.check:
        if any(r.kind == "link-status" for r in linter.rules):
            from postlint.runner import read_stdin, with_link_status

            stdin_data = read_stdin() if "-" in files else None
            linter = with_link_status(
                linter,
                files,
                settings,
                max_bytes=max_bytes,
                stdin_filename=stdin_filename,
                stdin_data=stdin_data,
                use_cache=not no_cache,
                policy=policy,
            )
        else:
            click.echo("postlint: warning: no link-checking rule is selected, so links are not fetched", err=True)
    cache = None
    if not no_cache and not isinstance(
        linter, LinkedRun
    ):  # link results expire; findings that depend on them are not kept
        cache = _result_cache(settings, linter, [*packs, "|", *select, "|", *ignore, "|", *jurisdictions])
    if fmt is None:
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    threshold = Severity[fail_on or settings.fail_on]

    from postlint.output import ReportOptions, make_reporter

    stream = _open_output(output) if output else sys.stdout
    options = ReportOptions(
        stream=stream,
        errors=sys.stderr,
        version=__version__,
        rules=linter.rules,
        colour=fmt == "text" and not output and _colour(sys.stdout),
        quiet=quiet,
        statistics=statistics,
    )
    if os.environ.get("PRE_COMMIT") == "1" and fmt == "text" and not output:  # pre-commit runs us as a hook
        from postlint.output.precommit import PreCommitReporter

        reporter: Any = PreCommitReporter(options, threshold)
    else:
        reporter = make_reporter(fmt, options)
    tee = None
    if reports:
        from postlint.output.tee import TeeReporter, parse_reports

        reporter = tee = TeeReporter(reporter, parse_reports(reports), options)
    failing = False  # not the findings themselves: a run over a hundred thousand files would hold them all
    from postlint.progress import Progress, wanted

    progress = Progress(sys.stderr, len(files), wanted(sys.stderr, quiet, len(files)))
    try:
        for linted in progress.track(
            lint_files(
                linter,
                files,
                max_bytes=max_bytes,
                jobs=jobs,
                stdin_filename=stdin_filename,
                stdin_data=stdin_data,
                cache=cache,
                policy=policy,
            )
        ):
            kept = linted.violations
            if known is not None:  # first: the baseline counts every violation in the file
                kept = known.new_violations(linted.path, kept, linted.decoded.text if linted.decoded else None)
            if changes is not None:
                kept = changes.keep(linted.path, kept)
            result = replace(linted, violations=kept) if kept is not linted.violations else linted
            failing = failing or any(v.severity >= threshold for v in result.violations)
            with progress.paused(bool(result.violations)):  # only a report line could break the bar
                reporter.file(result)
        progress.close()
        reporter.finish(len(files))
    finally:
        progress.close()
        if tee is not None:
            tee.close()
        if output:
            stream.close()
    return ExitCode.VIOLATIONS if failing else ExitCode.OK


@cli.command()
@click.argument("paths", nargs=-1)
@_with_selection
@click.option(
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    default=".postlint-baseline.json",
    show_default=True,
    help="Write the baseline here.",
)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, help="Worker processes (0: one per core).")
@click.option("--no-cache", is_flag=True, help="Do not use or write caches.")
@_follow
def baseline(
    paths: tuple[str, ...],
    config_path: str | None,
    packs: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    output: str,
    jobs: int,
    no_cache: bool,
    follow_symlinks: bool,
) -> int:
    """Record today's violations, so that `check --baseline FILE` reports only new ones."""
    from postlint.baseline import render_baseline
    from postlint.runner import lint_files

    settings = _settings(config_path, not no_cache)
    linter = _linter(settings, packs, select, ignore, jurisdictions, not no_cache)
    files = _discover(paths, settings)
    max_bytes = int(settings.max_file_size * 1024 * 1024)
    found = [
        (result.violations, result.decoded.text if result.decoded else None)
        for result in lint_files(linter, files, max_bytes=max_bytes, jobs=jobs, policy=_policy(paths, follow_symlinks))
    ]
    target = Path(output)
    text = render_baseline(found, Path(os.path.realpath(target)).parent, __version__)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PostlintError(f"cannot write the baseline: {exc.strerror or exc}", path=output) from None
    total, in_files = sum(len(vs) for vs, _ in found), sum(1 for vs, _ in found if vs)
    click.echo(f"Wrote {output}: {plural(total, 'violation')} in {in_files} of {plural(len(files), 'file')}.", err=True)
    return ExitCode.OK


@cli.command()
@click.argument("paths", nargs=-1)
@_with_selection
@click.option("--unsafe-fixes", is_flag=True, help="Apply unsafe fixes too.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff; write nothing.")
@click.option("--check", "check_only", is_flag=True, help="Exit 1 if anything would change; write nothing.")
@click.option("--stdin-filename", default=None, help="The name (and so the format) of standard input.")
@_as_of
@_follow
def fix(
    paths: tuple[str, ...],
    config_path: str | None,
    packs: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    unsafe_fixes: bool,
    show_diff: bool,
    check_only: bool,
    stdin_filename: str | None,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Apply fixes in place: safe ones, and unsafe ones with --unsafe-fixes ('-': stdin to stdout)."""
    import difflib

    from postlint.fixes import fix_document, write_atomically
    from postlint.runner import read_document

    settings = _settings(config_path)
    linter = _linter(settings, packs, select, ignore, jurisdictions, as_of=as_of)
    files = _discover(paths, settings)
    policy = _policy(paths, follow_symlinks)
    max_bytes = int(settings.max_file_size * 1024 * 1024)
    changed = unwritten = 0
    for path in files:
        doc, decoded = read_document(path, max_bytes, stdin_filename, policy=policy)
        if decoded is None:
            reason = printable(doc.problems[0].message) if doc.problems else "not linted"
            click.echo(f"{printable(doc.path)}: skipped: {reason}", err=True)
            if path == "-":
                return ExitCode.USAGE
            continue
        text, total = fix_document(linter, doc, unsafe=unsafe_fixes)
        if doc.lossy and text == doc.text:
            click.echo(
                f"{printable(doc.path)}: not rewritten: it is not valid UTF-8 (see encoding/invalid-utf8)", err=True
            )
            if path == "-":
                return ExitCode.USAGE  # writing the text back would replace the bad bytes with U+FFFD
        if path == "-" and not show_diff and not check_only:
            sys.stdout.buffer.write((b"\xef\xbb\xbf" if decoded.bom else b"") + text.encode("utf-8"))
            sys.stdout.flush()
            continue
        if text == doc.text:
            continue
        changed += 1
        if show_diff:
            before = doc.text.splitlines(keepends=True)
            diff = difflib.unified_diff(
                before, text.splitlines(keepends=True), f"a/{printable(doc.path)}", f"b/{printable(doc.path)}"
            )
            sys.stdout.write("".join(diff))
        elif check_only:
            click.echo(f"{printable(doc.path)}: would apply {plural(total, 'fix')}")
        else:
            from postlint.safe_read import writable_target

            try:
                target = writable_target(path, policy)
            except PostlintError as exc:
                click.echo(f"{printable(doc.path)}: not rewritten: {exc.message}", err=True)
                continue
            try:
                write_atomically(Path(target), text, decoded.bom and not doc.lossy)
            except OSError as exc:
                click.echo(f"{printable(doc.path)}: not rewritten: {exc.strerror or exc}", err=True)
                changed, unwritten = changed - 1, unwritten + 1
                continue
            click.echo(f"{printable(doc.path)}: applied {plural(total, 'fix')}", err=True)
    if check_only:
        return ExitCode.VIOLATIONS if changed else ExitCode.OK
    if not show_diff and "-" not in files:
        done = f"{plural(changed, 'file')} changed." if changed else f"Nothing to fix in {plural(len(files), 'file')}."
        click.echo(done, err=True)
    if unwritten:
        click.echo(f"postlint: error: {plural(unwritten, 'file')} could not be written", err=True)
        return ExitCode.USAGE
    return ExitCode.OK


@cli.command("rules")
@click.option("--pack", "pack_names", multiple=True, help="Only rules of these packs.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules_command(pack_names: tuple[str, ...], config_path: str | None, fmt: str) -> int:
    """List every rule: id, severity, kind and a one-line summary."""
    import json

    from postlint.runner import load_linter

    settings = _settings(config_path)
    linter = load_linter(settings, extra_packs=[p for p in pack_names if _is_path(p)], use_cache=True)
    wanted = [p for p in pack_names if not _is_path(p)]
    rules = [r for r in linter.rules if not wanted or r.pack in wanted]
    if wanted and not rules:
        raise PostlintError(f"no rules in pack(s) {', '.join(wanted)}")
    if fmt == "json":
        rows = [{"id": r.id, "severity": r.severity.name, "kind": r.kind, "summary": r.summary} for r in rules]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return ExitCode.OK
    width = max((len(r.id) for r in rules), default=10)
    kinds = max((len(r.kind) for r in rules), default=7)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.severity.name:<7}  {rule.kind:<{kinds}}  {rule.summary}")
    return ExitCode.OK


def _is_path(name: str) -> bool:
    return "/" in name or name.endswith((".yaml", ".yml")) or Path(name).exists()


@cli.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--pack", "packs", multiple=True, help="Add a pack file or folder (repeatable).")
def explain(rule_id: str, config_path: str | None, packs: tuple[str, ...]) -> int:
    """Show a rule's documentation: what, why, references, examples, fix safety."""
    from postlint.engine import rule_matches
    from postlint.explain import render_explanation
    from postlint.runner import load_linter

    linter = load_linter(_settings(config_path), extra_packs=packs)
    found = [r for r in linter.rules if r.id == rule_id or (rule_matches(r, rule_id) and rule_id != r.pack)]
    if not found:
        import difflib

        close = difflib.get_close_matches(rule_id, [r.id for r in linter.rules], n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `postlint rules`"
        raise PostlintError(f"unknown rule {rule_id!r}{hint}")
    click.echo(render_explanation(found[0]))
    return ExitCode.OK


@cli.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--pack", "packs", multiple=True, help="Add a pack file or folder (repeatable).")
@click.option("--jurisdiction", "jurisdictions", multiple=True, help="Read as if posted here (repeatable).")
@click.option("--stdin-filename", default=None, help="The name (and so the format) of standard input.")
@_as_of
@_follow
def inspect(
    path: str,
    fmt: str,
    config_path: str | None,
    packs: tuple[str, ...],
    jurisdictions: tuple[str, ...],
    stdin_filename: str | None,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Show what postlint read from a posting: title, sections, locations, jurisdictions, pay, statements."""
    from postlint.inspect import describe_document, render_description
    from postlint.runner import collect_files, read_document

    collect_files([path])  # a missing path is a usage error
    settings = _settings(config_path)
    from postlint.discovery import discover

    skipped = discover([path], settings).skipped
    if skipped:  # inspected all the same: the question may be why check leaves it out
        click.echo(
            f"postlint: note: `postlint check` skips this file: it matches {skipped[0][1]!r} of `exclude:`", err=True
        )
    linter = _linter(settings, packs, (), (), jurisdictions, as_of=as_of)
    max_bytes = int(settings.max_file_size * 1024 * 1024)
    doc, _ = read_document(path, max_bytes, stdin_filename, policy=_policy([path], follow_symlinks))
    facts = describe_document(doc, linter)
    if fmt == "json":
        import json

        click.echo(json.dumps(facts, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(render_description(facts))
    return ExitCode.OK


@cli.command("jsonld")
@click.argument("path")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--jurisdiction", "jurisdictions", multiple=True, help="Read as if posted here (repeatable).")
@click.option("--stdin-filename", default=None, help="The name (and so the format) of standard input.")
@_as_of
@_follow
def jsonld(
    path: str,
    config_path: str | None,
    jurisdictions: tuple[str, ...],
    stdin_filename: str | None,
    as_of: Any,
    follow_symlinks: bool,
) -> int:
    """Print a schema.org JobPosting (JSON-LD) built from what postlint read; list what it could not fill on stderr."""
    import datetime as dt
    import json

    from postlint.markup_writer import build_job_posting
    from postlint.reader import retitled
    from postlint.runner import collect_files, read_document

    collect_files([path])  # a missing path is a usage error
    settings = _settings(config_path)
    linter = _linter(settings, (), (), (), jurisdictions, as_of=as_of)
    max_bytes = int(settings.max_file_size * 1024 * 1024)
    doc, _ = read_document(path, max_bytes, stdin_filename, policy=_policy([path], follow_symlinks))
    doc = retitled(doc, linter.front_matter.get("title", "title"))
    built, missing = build_job_posting(doc, linter.facts(doc), linter.today or dt.date.today())
    click.echo(json.dumps(built, indent=2, ensure_ascii=False))
    for item in missing:
        click.echo(f"postlint: not filled: {printable(item)}", err=True)
    return ExitCode.OK


@cli.command("laws")
@click.option(
    "--jurisdiction", "jurisdiction", default=None, metavar="ID", help="Only laws that apply here (e.g. US-NY-NYC)."
)
@_as_of
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--pack", "packs", multiple=True, help="Add a pack file or folder (repeatable).")
def laws_command(
    jurisdiction: str | None, as_of: Any, fmt: str, config_path: str | None, packs: tuple[str, ...]
) -> int:
    """List the laws the rules encode: what each requires in a posting, its dates, status and sources."""
    import datetime as dt

    from postlint.law_table import currency_note, law_rows, render_law_table

    settings = _settings(config_path)
    linter = _linter(settings, packs, (), (), [jurisdiction] if jurisdiction else [], as_of=as_of)
    day = linter.today or dt.date.today()
    rows = law_rows(linter.rules, jurisdiction, day)
    note = currency_note(law for rule in linter.rules for law in rule.laws)
    if fmt == "json":
        import json

        data = {"jurisdiction": jurisdiction, "as_of": day.isoformat(), "laws": rows, "note": note}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        click.echo(render_law_table(rows, jurisdiction, day, note), nl=False)
    return ExitCode.OK


def _extra(module: str, extra: str) -> Any:
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


@cli.command("lsp")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the default and only transport).")
def lsp_command(stdio: bool) -> int:
    """Run the language server for editors (needs the 'lsp' extra)."""
    _extra("postlint.lsp.server", "lsp").serve()
    return ExitCode.OK


@cli.command("mcp")
def mcp_command() -> int:
    """Run the Model Context Protocol server for AI assistants over stdio (needs the 'mcp' extra)."""
    _extra("postlint.mcp_server", "mcp").serve()
    return ExitCode.OK


@cli.group()
def packs() -> None:
    """Work on rule packs: test their examples, print their schema."""


@packs.command("test")
@click.argument("paths", nargs=-1)
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def packs_test(paths: tuple[str, ...], verbose: bool) -> int:
    """Run every rule's pass/fail examples (default: the built-in packs)."""
    from postlint.engine import RuleEngine
    from postlint.packs.examples import run_examples
    from postlint.packs.loader import load_pack, pack_files, resolve_packs

    builtin = resolve_packs(["builtin"], Path.cwd())
    tested = builtin if not paths else [load_pack(f) for p in paths for f in pack_files(p)]
    # Keyed by resolved path: 'rules/x.yaml' given on the command line is the built-in pack, not a second one.
    known = {Path(p.path).resolve(): p for p in builtin} | {Path(p.path).resolve(): p for p in tested}
    from postlint.runner import load_gazetteer

    places = [entry for p in known.values() for entry in p.places]
    linter = RuleEngine(rules=tuple(r for p in known.values() for r in p.rules), gazetteer=load_gazetteer(places))
    failures = total = 0
    for result in run_examples(linter, [r for p in tested for r in p.rules]):
        total += 1
        if not result.ok:
            failures += 1
            where = f"{printable(str(result.source))}:{result.line}"
            click.echo(f"{where}: {result.rule} {result.expect}[{result.index}]: {printable(result.detail)}")
        elif verbose:
            click.echo(f"ok  {result.rule} {result.expect}[{result.index}]: {result.detail}")
    rules = sum(len(p.rules) for p in tested)
    click.echo(
        f"{total - failures} passed, {failures} failed ({plural(rules, 'rule')} in {plural(len(tested), 'pack')})"
    )
    return ExitCode.VIOLATIONS if failures else ExitCode.OK


@packs.command("schema")
def packs_schema() -> int:
    """Print the JSON Schema of a rule pack (for editors and CI)."""
    import json

    from postlint.packs.schema import pack_schema

    click.echo(json.dumps(pack_schema(), indent=2))
    return ExitCode.OK


STARTER_CONFIG = """\
# postlint configuration. Every key is optional; see `postlint rules` and
# `postlint explain RULE` for what each rule checks.

# Packs to run: 'builtin' for every built-in pack, a built-in's name,
# a pack file or folder (relative to this file), or an installed plugin pack.
packs: [builtin]

# Run only these rules or packs (empty: all of them), and skip these.
select: []
ignore: []

# Change a rule's (or a whole pack's) severity: error, warning or info.
severity: {}
#   quality/too-long: warning

# Skip rules for some files (globs relative to this file; ** matches folders).
per-file-ignores: {}
#   "drafts/**": [quality/placeholder]

# Files that are not postings are skipped: README, CHANGELOG, CONTRIBUTING, LICENSE and
# CODE_OF_CONDUCT (with any extension) and the docs/ and .github/ folders. `exclude` replaces
# that list, `extend-exclude` adds to it (globs: a name matches at any depth, a path with '/'
# from this file's folder, a trailing '/' matches folders).
extend-exclude: []

# Jurisdictions to assume when a posting names no location (e.g. US-CO, CA-ON).
jurisdictions: []

# The names of your front-matter fields, if they differ from these.
front-matter:
  location: location
  title: title
  salary_min: salary_min
  salary_max: salary_max
  salary_currency: salary_currency
  salary_period: salary_period
  apply_url: apply_url

# Network link checking is off unless asked for (--check-links or check: true).
links:
  check: false
  timeout: 10          # seconds per request
  url_timeout: 30      # seconds per link, redirects and retries included
  total_timeout: 300   # seconds for all link checking; links left are reported as not checked
  concurrency: 16      # requests at once
  per_host: 4          # requests at once to one host
  max_redirects: 10
  allow_private: false # true or a list of addresses, networks or hosts: reach internal sites
  exclude: []          # URL regexes never fetched
  cache_ttl: 86400     # seconds a result is reused

# The lowest severity that makes `postlint check` exit 1.
fail-on: error

# Seconds the rules of packs not shipped with postlint may take on one posting
# (a runaway regex is stopped and reported as postlint/timeout).
pack-timeout: 10

# Lint against the laws in force on another day (default: today).
# as-of: 2027-01-01

# What postings rarely say about the employer. Laws with a threshold above
# `employees` do not bind; a fact left out is unknown and the laws apply.
# employer: {employees: 40, employees_in: {US-MN: 12}, federal_contractor: false, government: none}
"""


@cli.group()
def cache() -> None:
    """Manage postlint's caches."""


@cache.command("clean")
def cache_clean() -> int:
    """Remove the result cache here (or beside the config) and the compiled-pack cache."""
    from postlint.cache import cache_dir
    from postlint.config import find_config
    from postlint.results_cache import cache_root, clean

    config = find_config(Path.cwd())
    removed = []
    for root in dict.fromkeys([cache_root(config.parent if config else None), cache_root()]):
        try:
            if clean(root):
                removed.append(str(root))
        except OSError as exc:
            raise PostlintError(str(exc)) from None
    packs_cache = cache_dir()
    if packs_cache.is_dir():
        import shutil

        shutil.rmtree(packs_cache, ignore_errors=True)
        removed.append(str(packs_cache))
    click.echo(f"Removed {', '.join(removed)}" if removed else "No cache to remove")
    return ExitCode.OK


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .postlint.yaml.")
def init(force: bool) -> int:
    """Write a commented starter .postlint.yaml in the current folder."""
    target = Path(".postlint.yaml")
    if (target.exists() or target.is_symlink()) and not force:
        raise PostlintError(".postlint.yaml already exists (use --force to overwrite)", path=str(target))
    if target.is_dir() and not target.is_symlink():
        raise PostlintError("is a folder, not a file: remove or rename it first", path=str(target))
    try:
        target.write_text(STARTER_CONFIG, encoding="utf-8")
    except OSError as exc:
        raise PostlintError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
    click.echo(f"Wrote {target}")
    return ExitCode.OK


def _open_output(path: str) -> TextIO:
    """The `--output` file, opened for writing; a folder that does not exist is the user's to fix (exit 2)."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise click.BadParameter(f"cannot write {path!r}: {exc.strerror}", param_hint="'--output'") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        result = cli.main(args=args, prog_name="postlint", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc))
        return ExitCode.USAGE
    except click.ClickException as exc:
        exc.show()
        return ExitCode.USAGE
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except (click.Abort, KeyboardInterrupt):
        click.echo("Interrupted.", err=True)
        return ExitCode.INTERRUPTED
    except PostlintError as exc:
        click.echo(f"postlint: error: {printable(str(exc))}", err=True)
        return ExitCode.USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return ExitCode.OK
    except Exception as exc:
        import traceback

        click.echo(f"postlint: internal error: {type(exc).__name__}: {printable(str(exc))}", err=True)
        if os.environ.get("POSTLINT_DEBUG"):
            traceback.print_exc()
        else:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            click.echo(
                f"  at {Path(frame.filename).name}:{frame.lineno}; set POSTLINT_DEBUG=1 for the traceback", err=True
            )
        click.echo(f"This is a bug in postlint {__version__}; please report it at {ISSUES_URL}", err=True)
        return ExitCode.INTERNAL
    return result if isinstance(result, int) else ExitCode.OK
