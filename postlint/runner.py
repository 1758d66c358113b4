"""Running a linter over paths: finding files, reading them, linting them (in parallel if asked)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.config import Settings
from postlint.engine import OFFLINE, RuleEngine, RunContext, builtin_gazetteer, rule_matches, select_rules
from postlint.errors import ConfigError, InputError, PostlintError
from postlint.packs.model import Pack, Rule
from postlint.results_cache import Entry, ResultCache, Stamp
from postlint.safe_read import ReadPolicy, Refused, open_posting
from postlint.violation import Violation

if TYPE_CHECKING:
    # The reader and the document model are imported where a file is read: a run answered by the result
    # cache reads none.
    from postlint.document import Document, Format
    from postlint.facts.gazetteer import Gazetteer
    from postlint.reader import Decoded

SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}
# Below this many postings to lint, patterns are not given RE2 twins: compiling them costs more than they save.
TWINS_THRESHOLD = 16
# Below this many, patterns are not analysed for prefilters (unless the disk cache holds them analysed): the
# analysis costs about 80 ms, and a posting linted without them takes 3 to 5 ms more.
PREFILTERS_THRESHOLD = 16
PARALLEL_THRESHOLD = 64  # below this many files one process is used; above, the work's size decides (work_plan)


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What a caller adds to the configuration: the `--pack`, `--select`, `--ignore`, `--jurisdiction`
    and `--as-of` options, declared once for the CLI, the API, the batch mode and the Spark helper.

    `use_cache` loads compiled packs from the on-disk cache: fast, but the rules then carry no
    specs (docs and examples), which only `explain` and `packs test` need. Without `specs` they
    carry none either way, and the packs postlint ships load without pydantic.
    """

    packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    use_cache: bool = False
    as_of: dt.date | None = None  # lint against the laws of that day, over the config's `as-of`
    specs: bool = True  # keep each rule's validated YAML (`Rule.spec`) when not from the cache


class DeferredEngine:
    """An engine built when first needed (`get`): a run whose every file the result cache answers needs
    none, and then loads no pack and imports no rule kind."""

    def __init__(self, build: Callable[[], RuleEngine]) -> None:
        self._build = build
        self._engine: RuleEngine | None = None
        self._then: list[Callable[[RuleEngine], None]] = []

    def get(self) -> RuleEngine:
        if self._engine is None:
            self._engine = self._build()
            for then in self._then:
                then(self._engine)
        return self._engine

    def when_built(self, then: Callable[[RuleEngine], None]) -> None:
        """Call `then(engine)` once the engine is built: now, if it is."""
        if self._engine is not None:
            then(self._engine)
        else:
            self._then.append(then)

    @property
    def built(self) -> bool:
        return self._engine is not None


@dataclass(frozen=True)
class PreparedRun:
    """A run set up: the configuration it read, the engine built from it and the options, and the size limit."""

    settings: Settings
    engine: RuleEngine
    max_bytes: int  # a longer posting is reported (input/file-too-large), not linted


def prepare_run(settings: Settings | None = None, options: RunOptions | None = None) -> PreparedRun:
    """The one run set-up: configuration plus options to an engine, for every way postlint is run."""
    settings = settings or Settings()
    options = options or RunOptions()
    engine = load_linter(
        settings,
        extra_packs=options.packs,
        select=options.select,
        ignore=options.ignore,
        jurisdictions=options.jurisdictions,
        use_cache=options.use_cache,
        as_of=options.as_of,
        specs=options.specs,
    )
    return PreparedRun(settings, engine, max_bytes_of(settings))


def max_bytes_of(settings: Settings) -> int:
    """The configuration's `max-file-size` (MB) in bytes."""
    return int(settings.max_file_size * 1024 * 1024)


def load_linter(
    settings: Settings | None = None,
    *,
    extra_packs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jurisdictions: Sequence[str] = (),
    use_cache: bool = False,
    as_of: dt.date | None = None,
    specs: bool = True,
) -> RuleEngine:
    """Build the engine from settings plus the options of `RunOptions` (packs compiled once).

    `prepare_run` is the set-up that calls it; the CLI and `postlint.load_linter` still call it
    directly with the same options.
    """
    from postlint.packs.loader import resolve_packs

    if not use_cache:
        from postlint import cache

        cache.disable()
    settings = settings or Settings()
    packs: list[Pack] = []
    for name in settings.packs:
        try:
            found = resolve_packs([name], settings.base, use_cache=use_cache, specs=specs)
        except PostlintError as exc:
            if exc.path or not settings.source:
                raise
            raise ConfigError(f"packs: {exc.message}", **settings.where("packs", name)) from None
        packs += [p for p in found if p.path not in {q.path for q in packs}]
    extra = resolve_packs(list(extra_packs), Path.cwd(), use_cache=use_cache, specs=specs)
    packs += [p for p in extra if p.path not in {q.path for q in packs}]
    names = [p.name for p in packs]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        from postlint.errors import PackError

        raise PackError(f"two packs are named {sorted(duplicates)[0]!r}")
    rules = [rule for pack in packs for rule in pack.rules]
    _check_config_names(rules, settings)
    chosen = select_rules(rules, [*settings.select, *select], [*settings.ignore, *ignore], settings.severity)
    places = [entry for pack in packs for entry in pack.places]
    # Without places of its own the engine loads the built-in gazetteer when a posting is first linted:
    # a run whose results all come from the result cache never reads it.
    gazetteer = load_gazetteer(places, use_cache=use_cache) if places else None
    if jurisdictions or settings.jurisdictions:
        known = gazetteer if gazetteer is not None else load_gazetteer(use_cache=use_cache)
        _check_jurisdictions(jurisdictions, known, rules, None)
        _check_jurisdictions(settings.jurisdictions, known, rules, settings)
    return RuleEngine(
        base=str(settings.base.resolve()) if settings.source else None,
        rules=tuple(chosen),
        jurisdictions=tuple(jurisdictions),
        default_jurisdictions=tuple(settings.jurisdictions),
        gazetteer=gazetteer,
        front_matter=dict(settings.front_matter),
        per_file_ignores=tuple(settings.per_file_ignores.items()),
        pack_timeout=settings.pack_timeout,
        today=as_of or settings.as_of,
        employer=settings.employer,
    )


def load_gazetteer(places: Sequence[dict[str, Any]] = (), *, use_cache: bool = False) -> Gazetteer:
    """The built-in gazetteer (from the disk cache when allowed) plus the places packs add."""
    from postlint.facts import gazetteer

    # With the cache, the engine's own (which reads the disk cache), so a run reads it once.
    built = builtin_gazetteer() if use_cache else gazetteer.load_gazetteer()
    return built.extend(places) if places else built


def _check_jurisdictions(
    ids: Sequence[str], gazetteer: Gazetteer, rules: Sequence[Rule], settings: Settings | None
) -> None:
    """A jurisdiction id nobody knows is a typo ('CO' for 'US-CO'), not a place without laws: say so."""
    if not ids:
        return
    known = set(gazetteer.jurisdictions) | {law.jurisdiction for rule in rules for law in rule.laws}
    known |= {k.split("-", 1)[0] for k in known}  # 'EU', 'US', 'CA' name whole areas
    for index, token in enumerate(ids):
        if token in known:
            continue
        found = [i for _, _, hit in gazetteer.find(token, location_value=True) for i in hit]
        if not found:
            import difflib

            found = difflib.get_close_matches(token.upper(), sorted(known), n=3)
        hint = f"; did you mean {', '.join(dict.fromkeys(found))}?" if found else "; ids look like US-CO, CA-ON, EU-DE"
        message = f"unknown jurisdiction {token!r}{hint}"
        if settings is None:
            raise ConfigError(f"--jurisdiction: {message}")
        where = settings.where("jurisdictions", index)
        if where.get("line") is None:
            where = settings.where("jurisdictions")
        raise ConfigError(f"jurisdictions: {message}", **where)


def _check_config_names(rules: Sequence[Rule], settings: Settings) -> None:
    """Rule and pack names in the config must exist; say where in the config file they are."""

    named: list[tuple[tuple[str, ...], str, str]] = [(("select", t), "select", t) for t in settings.select]
    named += [(("ignore", t), "ignore", t) for t in settings.ignore]
    named += [(("severity", t), "severity", t) for t in settings.severity]
    named += [
        (("per-file-ignores", glob, t), f"per-file-ignores[{glob!r}]", t)
        for glob, ts in settings.per_file_ignores.items()
        for t in ts
    ]
    for path, option, token in named:
        if not any(rule_matches(rule, token) for rule in rules):
            raise ConfigError(
                f"{option}: unknown rule or pack {token!r} (see `postlint rules`)", **settings.where(*path)
            )


def collect_files(paths: Sequence[str]) -> list[str]:
    """Files to lint: named files as given; folders searched for posting extensions, hidden ones skipped."""
    found: list[str] = []
    for raw in paths:
        if raw == "-":
            found.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            from postlint.reader import EXTENSIONS

            # A folder that cannot be listed is passed on as a path: reading it reports it.
            for root, dirs, files in os.walk(path, onerror=lambda exc: found.append(str(exc.filename))):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
                for name in sorted(files):
                    if Path(name).suffix.lower() in EXTENSIONS and not name.startswith("."):
                        found.append(os.path.normpath(os.path.join(root, name)))
        elif path.exists() or path.is_symlink():
            found.append(raw)
        elif raw.startswith("-"):
            raise InputError(
                "no such file or folder (after `--` every argument is a path: a pre-commit hook's options "
                "go in its `entry:` before the `--`, not in `args:`)",
                path=raw,
            )
        else:
            raise InputError("no such file or folder", path=raw)
    return found


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    violations: list[Violation]
    decoded: Decoded | None  # None when the file could not be read
    stamp: Stamp | None = None  # the bytes that were linted, for the result cache


class _DecodedLater:
    """A cached file's text, read only if a reporter shows it (a JSON report of a re-run never does)."""

    __slots__ = ("_decoded", "_path")

    def __init__(self, path: str) -> None:
        self._path = path
        self._decoded: Decoded | None = None

    def __getattr__(self, name: str) -> Any:
        if self._decoded is None:
            from postlint.reader import decode

            try:  # a cache hit is a regular file reached through no link (see ResultCache.current)
                self._decoded = decode(open_posting(self._path, ReadPolicy(), DEFAULT_MAX_READ).data)
            except (OSError, Refused):
                self._decoded = decode(b"")
        return getattr(self._decoded, name)


def read_stdin() -> bytes:
    """Standard input, read once (a run that needs it twice, like `--check-links`, keeps the bytes)."""
    return sys.stdin.buffer.read()


DEFAULT_MAX_READ = 1024 * 1024 * 1024  # a cached file was linted, so it is within max-file-size (at most this)


def read_document(
    path: str,
    max_bytes: int,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    policy: ReadPolicy | None = None,
) -> tuple[Document, Decoded | None]:
    """Read and parse one file (or standard input for '-'); unreadable and refused files become problems.

    Without a policy, links may lead anywhere inside the current folder (see postlint.safe_read).
    """
    from postlint.reader import unread_document

    display = (stdin_filename or "-") if path == "-" else path
    if path == "-":
        data = stdin_data if stdin_data is not None else read_stdin()
        return parse_bytes(data, display, max_bytes, stdin=True)
    try:
        data = open_posting(path, policy or ReadPolicy.for_arguments([path]), max_bytes).data
    except Refused as exc:
        return unread_document(display, exc.code, exc.message), None
    except OSError as exc:
        return unread_document(display, "unreadable", f"Cannot read the file: {exc.strerror or exc}"), None
    return parse_bytes(data, display, max_bytes)


def parse_bytes(data: bytes, display: str, max_bytes: int, *, stdin: bool = False) -> tuple[Document, Decoded | None]:
    """A file's bytes as a document, plus its decoded text for excerpts (None if it was not linted)."""
    from postlint.reader import build_document, decode, format_for

    if stdin and display == "-":  # no --stdin-filename: the content says what it is
        from postlint.sniff import sniff_format

        fmt: Format = sniff_format(data)
    else:
        fmt = format_for(display, "markdown" if stdin else "text")
    doc = build_document(data, display, fmt, max_bytes)
    decoded = decode(data) if doc.linted else None  # lossy text still shows excerpts; fix checks doc.lossy
    return doc, decoded


def lint_file(
    linter: RuleEngine,
    path: str,
    max_bytes: int,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    stamp: bool = False,
    policy: ReadPolicy | None = None,
    run: RunContext = OFFLINE,
) -> FileResult:
    """Lint one file; with `stamp`, also say which bytes were linted (for the result cache).

    Only regular files reached through no link are stamped: a link's target can change
    without the link changing, so its result is never cached.
    """
    if not stamp or path == "-":
        doc, decoded = read_document(path, max_bytes, stdin_filename, stdin_data, policy)
        return FileResult(doc.path, linter.lint_document(doc, run=run), decoded)
    try:
        opened = open_posting(path, policy or ReadPolicy.for_arguments([path]), max_bytes)
    except (OSError, Refused):
        return lint_file(
            linter, path, max_bytes, policy=policy, run=run
        )  # reported as unreadable or refused, not cached
    doc, decoded = parse_bytes(opened.data, path, max_bytes)
    result_stamp = None if opened.linked else Stamp.of(opened.stat, opened.data)
    return FileResult(doc.path, linter.lint_document(doc, run=run), decoded, result_stamp)


def _loaded(cache: ResultCache, path: str) -> FileResult | None:
    """A current file's cached result, or None if its entry cannot be read."""
    entry = cache.load(path)
    if entry is None:
        return None
    return FileResult(path, entry.violations, _DecodedLater(path) if entry.linted else None)  # type: ignore[arg-type]


_WORKER_LINTER: RuleEngine | None = None
_WORKER_MAX = 0
_WORKER_STAMP = False
_WORKER_POLICY: ReadPolicy | None = None
_WORKER_RUN = OFFLINE


def _init_worker(
    linter: RuleEngine,
    max_bytes: int,
    stamp: bool = False,
    policy: ReadPolicy | None = None,
    run: RunContext = OFFLINE,
) -> None:
    global _WORKER_LINTER, _WORKER_MAX, _WORKER_STAMP, _WORKER_POLICY, _WORKER_RUN
    _WORKER_LINTER, _WORKER_MAX, _WORKER_STAMP, _WORKER_POLICY, _WORKER_RUN = linter, max_bytes, stamp, policy, run


def _lint_in_worker(path: str) -> FileResult:
    assert _WORKER_LINTER is not None
    return lint_file(_WORKER_LINTER, path, _WORKER_MAX, stamp=_WORKER_STAMP, policy=_WORKER_POLICY, run=_WORKER_RUN)


def _lint_read(linter: RuleEngine, read: tuple[Document, Decoded | None], run: RunContext) -> FileResult:
    """A file read already (by `with_link_status`), linted without reading or parsing it again."""
    doc, decoded = read
    return FileResult(doc.path, linter.lint_document(doc, run=run), decoded)


def _lint_read_chunk(reads: Sequence[tuple[Document, Decoded | None]]) -> list[FileResult]:
    assert _WORKER_LINTER is not None
    return [_lint_read(_WORKER_LINTER, read, _WORKER_RUN) for read in reads]


def lint_files(
    linter: RuleEngine | LinkedRun | DeferredEngine,
    files: Sequence[str],
    *,
    max_bytes: int,
    jobs: int = 0,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    cache: ResultCache | None = None,
    policy: ReadPolicy | None = None,
) -> Iterator[FileResult]:
    """Lint files in order; cached results first, the rest with several cores in worker processes.

    With a cache, new results are stored as they come and written once, after the last file.
    A `LinkedRun` brings its run context and the documents it read: those are linted, not read again.
    A `DeferredEngine` is built only if a file is not answered by the cache.
    """
    run: RunContext = OFFLINE
    read: dict[str, tuple[Document, Decoded | None]] = {}
    deferred = linter if isinstance(linter, DeferredEngine) else None
    if isinstance(linter, LinkedRun):
        run, read = linter.run, linter.documents
        linter = linter.engine
    # Which files the cache holds as they are now; their findings are read only when their turn
    # comes, so a cached re-run of many files never holds them all.
    hits: set[int] = set()
    if cache is not None:
        hits = {index for index, path in enumerate(files) if path != "-" and cache.current(path)}
    todo = [path for index, path in enumerate(files) if index not in hits]
    stamp = cache is not None

    def engine() -> RuleEngine:
        return deferred.get() if deferred is not None else linter  # type: ignore[return-value]

    def recall(path: str) -> FileResult:
        """A hit's result; an entry that cannot be read after all is linted here instead."""
        assert cache is not None
        return _loaded(cache, path) or lint_file(engine(), path, max_bytes, stamp=True, policy=policy, run=run)

    if read and len(read) < len(set(todo)):
        read = {}  # not every file was read before: read them all here, as a run without links would
    from postlint import work_plan

    workers, sizes = 1, []
    if len(todo) >= PARALLEL_THRESHOLD and "-" not in todo and jobs != 1:  # sizes cost a stat a file
        sizes = [len(read[path][0].text) for path in todo] if read else work_plan.file_sizes(todo)
        workers = work_plan.worker_count(jobs, sizes)
    if not todo:  # every result from the result cache: nothing to lint, and nothing more to import
        yield from _stored(_in_order(files, hits, recall, iter(())), cache)
        return
    linter = engine()
    if workers <= 1:
        fresh: Iterator[FileResult] = (
            _lint_read(linter, read[path], run)
            if read
            else lint_file(linter, path, max_bytes, stdin_filename, stdin_data, stamp, policy, run)
            for path in todo
        )
        from postlint.linear_twin import use_twins
        from postlint.prefilter import build_prefilters

        twins = use_twins(len(todo) >= TWINS_THRESHOLD)
        analyse = build_prefilters(len(todo) >= PREFILTERS_THRESHOLD)
        try:
            yield from _stored(_in_order(files, hits, recall, fresh), cache)
        finally:
            use_twins(twins)
            build_prefilters(analyse)
        return
    from concurrent.futures import ProcessPoolExecutor

    ranges = work_plan.chunks(sizes)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(linter, max_bytes, stamp, policy, run)
    ) as pool:
        if read:  # the documents travel to the workers, which lint without parsing again
            fresh = _bounded_map(pool, [read[path] for path in todo], ranges, workers, _lint_read_chunk)
        else:
            fresh = _bounded_map(pool, todo, ranges, workers)
        yield from _stored(_in_order(files, hits, recall, fresh), cache)


AHEAD = 4  # chunks in flight per worker


def _bounded_map(
    pool: Any,
    paths: Sequence[Any],
    ranges: Sequence[tuple[int, int]],
    workers: int,
    lint_chunk: Callable[..., list[FileResult]] | None = None,
) -> Iterator[FileResult]:
    """Results in order, chunk by chunk (`ranges`, cut by bytes), with at most `AHEAD` chunks per worker
    submitted and not yet taken.

    `Executor.map` submits every chunk at once, so results that arrive before the
    reporter takes them pile up in the parent, each with its posting's text.
    """
    from collections import deque

    pending: deque[Any] = deque()
    for start, end in ranges:
        pending.append(pool.submit(lint_chunk or _lint_chunk, paths[start:end]))
        if len(pending) >= workers * AHEAD:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _lint_chunk(paths: Sequence[str]) -> list[FileResult]:
    return [_lint_in_worker(path) for path in paths]


def _stored(results: Iterator[FileResult], cache: ResultCache | None) -> Iterator[FileResult]:
    """Pass results on, putting fresh ones in the cache, which is written when the last has passed."""
    for result in results:
        if cache is not None and result.stamp is not None:
            cache.put(result.path, result.stamp, Entry(result.violations, result.decoded is not None))
        yield result
    if cache is not None:
        cache.flush()


def _in_order(
    files: Sequence[str], hits: set[int], recall: Callable[[str], FileResult], fresh: Iterator[FileResult]
) -> Iterator[FileResult]:
    for index, path in enumerate(files):
        yield recall(path) if index in hits else next(fresh)


@dataclass(frozen=True)
class LinkedRun:
    """An engine with its run context (`--check-links` statuses) and the files it read to find the links.

    The files were read and parsed once to find their URLs; `lint_files` lints those documents
    instead of reading them again. They are all held until linted: link checking is a whole-run
    step, so it needs every URL before the first file can be linted.
    """

    engine: RuleEngine
    run: RunContext
    documents: dict[str, tuple[Document, Decoded | None]]

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self.engine.rules

    @property
    def link_status(self) -> Any:
        return self.run.link_status


def with_link_status(
    linter: RuleEngine,
    files: Sequence[str],
    settings: Settings,
    *,
    max_bytes: int,
    stdin_filename: str | None = None,
    stdin_data: bytes | None = None,
    use_cache: bool = True,
    policy: ReadPolicy | None = None,
) -> LinkedRun:
    """The run with `link_status` filled in: every http(s) URL of every file, checked once.

    Checking is a whole-run step (a URL shared by a thousand postings is fetched once),
    so it runs before linting: files are read for their links, the distinct URLs are
    checked concurrently, and the results ride along in the run context to every worker.
    """
    from postlint.cache import usable_cache_dir
    from postlint.links.checker import check_urls

    urls: dict[str, None] = {}
    documents: dict[str, tuple[Document, Decoded | None]] = {}
    for path in files:
        read = documents[path] = read_document(path, max_bytes, stdin_filename, stdin_data, policy)
        for link in read[0].links:
            if link.url.split(":", 1)[0].lower() in ("http", "https"):
                urls.setdefault(link.url)
    statuses = check_urls(list(urls), settings.links, cache_dir=usable_cache_dir() if use_cache else None)
    return LinkedRun(linter, RunContext(link_status=statuses), documents)
