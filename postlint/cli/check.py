"""`postlint check`: lint postings and report the violations.

The command reads its options into a `CheckRequest` and hands each job to one function:
the JSON Lines mode, the `--diff-base`/`--baseline` filters, link checking, the result cache,
the reporter, and the run that lints, reports and decides the exit code.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

import click

from postlint import __version__
from postlint.cli import options
from postlint.cli.run_setup import LintRequest, discover_files, load_settings, max_bytes, read_policy
from postlint.errors import PostlintError
from postlint.exit_codes import ExitCode
from postlint.output import FORMATS


@dataclass(frozen=True)
class CheckRequest(LintRequest):
    """The options of one `postlint check` call, as click parsed them."""

    fmt: str | None
    output: str | None
    reports: tuple[str, ...]
    fail_on: str | None
    check_links: bool
    quiet: bool
    statistics: bool
    jobs: int
    no_cache: bool
    diff_base: str | None
    baseline_path: str | None
    input_kind: str

    def cache_options(self) -> list[str]:
        """The options that change findings, as part of the result cache's key."""
        return [*self.packs, "|", *self.select, "|", *self.ignore, "|", *self.jurisdictions]


@dataclass(frozen=True)
class Filters:
    """What `--baseline` and `--diff-base` leave of a file's violations (None: that filter is off)."""

    known: Any = None  # baseline.Baseline
    changes: Any = None  # gitdiff.Changes

    def apply(self, linted: Any) -> Any:
        """The linted file with only the violations both filters keep."""
        from dataclasses import replace

        kept = linted.violations
        if self.known is not None:  # first: the baseline counts every violation in the file
            kept = self.known.new_violations(linted.path, kept, linted.decoded.text if linted.decoded else None)
        if self.changes is not None:
            kept = self.changes.keep(linted.path, kept)
        return replace(linted, violations=kept) if kept is not linted.violations else linted


@click.command()
@click.argument("paths", nargs=-1)
@options.selection
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
@options.jobs
@options.no_cache
@options.stdin_filename
@options.warm
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
@options.as_of
@options.follow_symlinks
def check(**given: Any) -> int:
    """Lint postings: files, folders (recursively), or '-' for standard input."""
    from postlint.runner import DeferredEngine
    from postlint.violation import Severity

    request = CheckRequest(**given)
    use_cache = not request.no_cache
    settings = load_settings(request.config_path, use_cache)
    threshold = Severity[request.fail_on or settings.fail_on]
    linter = DeferredEngine(lambda: request.build_linter(settings, use_cache=use_cache))
    if request.input_kind == "jsonl" or not use_cache:
        linter.get()  # only the result cache can make the rules unneeded: bad packs and options are reported now
    if request.input_kind == "jsonl":
        return check_records(request, settings, linter.get(), threshold)
    return check_files(request, settings, linter, threshold)


def check_records(request: CheckRequest, settings: Any, linter: Any, threshold: Any) -> int:
    """`--input jsonl`: lint the records of a JSON Lines file; the options that need files are refused."""
    from postlint.batch import check_jsonl

    refused = {
        "--check-links": request.check_links,
        "--diff-base": request.diff_base is not None,
        "--report": bool(request.reports),
        "--baseline": request.baseline_path is not None,
        "--stdin-filename": request.stdin_filename is not None,
    }
    return check_jsonl(
        linter,
        paths=request.paths,
        fmt=request.fmt,
        output=request.output,
        threshold=threshold,
        jobs=request.jobs,
        quiet=request.quiet,
        statistics=request.statistics,
        max_bytes=max_bytes(settings),
        refused=refused,
    )


def check_files(request: CheckRequest, settings: Any, deferred: Any, threshold: Any) -> int:
    """Lint files and folders and report what is left after the filters; the exit code says if any fails.

    The rules are loaded only when needed (`deferred`, a `runner.DeferredEngine`): not when the result
    cache answers for every file and the report does not describe the rules (SARIF and HTML do).
    """
    try:
        files = discover_files(request.paths, settings)
        policy = read_policy(request.paths, request.follow_symlinks)
        filters = load_filters(request, files)
    except PostlintError:
        deferred.get()  # a broken pack or option is reported first, as when the rules were loaded first
        raise
    linter, stdin_data = with_links(request, settings, deferred, files, policy)
    cache = None
    from postlint.runner import LinkedRun

    if not request.no_cache and not isinstance(linter, LinkedRun):  # link results expire: their findings are not kept
        cache = result_cache(settings, request)
        if cache is not None:
            deferred.when_built(cache.use_rules)  # new entries store the rules' references
    fmt = request.fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if cache is None or _describes_rules(request, fmt) or not cache.answers_all(files):
        linter = deferred.get() if linter is deferred else linter  # before the output is opened: errors leave it be
    stream = open_output(request.output) if request.output else sys.stdout
    rules = deferred.get().rules if deferred.built else ()
    reporter, tee = build_reporter(request, fmt, stream, rules, threshold)
    from postlint.runner import lint_files

    linted = lint_files(
        linter,
        files,
        max_bytes=max_bytes(settings),
        jobs=request.jobs,
        stdin_filename=request.stdin_filename,
        stdin_data=stdin_data,
        cache=cache,
        policy=policy,
    )
    try:
        failing = report(linted, len(files), reporter, filters, threshold, request.quiet)
    finally:
        if tee is not None:
            tee.close()
        if request.output:
            stream.close()
    return ExitCode.VIOLATIONS if failing else ExitCode.OK


def load_filters(request: CheckRequest, files: Sequence[str]) -> Filters:
    """The lines changed since `--diff-base` and the violations recorded in `--baseline`."""
    changes = known = None
    if request.diff_base is not None:
        from postlint.gitdiff import load_changes

        if "-" in files:
            raise PostlintError("--diff-base cannot be used with standard input: git knows only the files on disk")
        changes = load_changes(request.diff_base, list(request.paths) or ["."])
    if request.baseline_path is not None:
        from postlint.baseline import read_baseline

        known = read_baseline(request.baseline_path)
    return Filters(known=known, changes=changes)


def with_links(request: CheckRequest, settings: Any, deferred: Any, files: Sequence[str], policy: Any) -> Any:
    """The linter with every link's status fetched, if links are to be checked; and standard input, if read.
    Without link checking the linter stays `deferred` (built when needed)."""
    if not (request.check_links or settings.links.check):
        return deferred, None
    linter = deferred.get()
    if not any(r.check.needs_link_status for r in linter.rules):
        click.echo("postlint: warning: no link-checking rule is selected, so links are not fetched", err=True)
        return linter, None
    from postlint.runner import read_stdin, with_link_status

    stdin_data = read_stdin() if "-" in files else None
    linter = with_link_status(
        linter,
        files,
        settings,
        max_bytes=max_bytes(settings),
        stdin_filename=request.stdin_filename,
        stdin_data=stdin_data,
        use_cache=not request.no_cache,
        policy=policy,
    )
    return linter, stdin_data


def result_cache(settings: Any, request: CheckRequest) -> Any:
    """The result cache for this run: beside the config file if there is one, else in the current folder.

    Its key rests on the files of every pack the run names, found without loading them, so the cache can
    answer before any rule is loaded; None when the packs cannot be found (loading them says why).
    """
    from pathlib import Path

    from postlint.packs.loader import pack_sources
    from postlint.results_cache import ResultCache, cache_root, run_key

    try:
        sources: list[Any] = pack_sources(list(settings.packs), settings.base)
        sources += pack_sources(list(request.packs), Path.cwd())
    except PostlintError:
        return None
    if settings.source:
        sources.append(settings.source)
    root = cache_root(settings.base if settings.source else None)
    today = request.as_of.date() if request.as_of is not None else settings.as_of
    return ResultCache(root, run_key(sources, request.cache_options(), today))


def _describes_rules(request: CheckRequest, fmt: str) -> bool:
    """Whether a report describes each rule (SARIF's rule list, the HTML page's descriptions)."""
    wanted = {fmt, *(report.split(":", 1)[0] for report in request.reports)}
    return bool(wanted & {"sarif", "html"})


def build_reporter(request: CheckRequest, fmt: str, stream: TextIO, rules: Any, threshold: Any) -> tuple[Any, Any]:
    """The reporter for `--format` (pre-commit's when run as a hook), and the tee of `--report`, if any."""
    from postlint.output import ReportOptions, make_reporter

    report_options = ReportOptions(
        stream=stream,
        errors=sys.stderr,
        version=__version__,
        rules=rules,
        colour=fmt == "text" and not request.output and colour(sys.stdout),
        quiet=request.quiet,
        statistics=request.statistics,
    )
    if os.environ.get("PRE_COMMIT") == "1" and fmt == "text" and not request.output:  # pre-commit runs us as a hook
        from postlint.output.precommit import PreCommitReporter

        reporter: Any = PreCommitReporter(report_options, threshold)
    else:
        reporter = make_reporter(fmt, report_options)
    if not request.reports:
        return reporter, None
    from postlint.output.tee import TeeReporter, parse_reports

    tee = TeeReporter(reporter, parse_reports(request.reports), report_options)
    return tee, tee


def report(linted: Iterable[Any], count: int, reporter: Any, filters: Filters, threshold: Any, quiet: bool) -> bool:
    """Report each linted file as it comes, with a progress bar; True if a violation is at or above `threshold`."""
    from postlint.progress import Progress, wanted

    failing = False  # not the findings themselves: a run over a hundred thousand files would hold them all
    progress = Progress(sys.stderr, count, wanted(sys.stderr, quiet, count))
    try:
        for each in progress.track(linted):
            result = filters.apply(each)
            failing = failing or any(v.severity >= threshold for v in result.violations)
            with progress.paused(bool(result.violations)):  # only a report line could break the bar
                reporter.file(result)
        progress.close()
        reporter.finish(count)
    finally:
        progress.close()
    return failing


def colour(stream: Any) -> bool:
    """Whether text output to `stream` is coloured: NO_COLOR, then FORCE_COLOR, then whether it is a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def open_output(path: str) -> TextIO:
    """The `--output` file, opened for writing; a folder that does not exist is the user's to fix (exit 2)."""
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise click.BadParameter(f"cannot write {path!r}: {exc.strerror}", param_hint="'--output'") from None
