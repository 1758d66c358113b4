"""The engine: runs compiled rules over a document and stamps what they find.

Checks are pure and know nothing of ids, severities, suppression or positions;
the engine applies `when`, selection, per-file ignores and inline suppression,
then turns each Finding into a Violation with line and column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from postlint.laws import active_laws, describe_laws, within
from postlint.packs.model import Rule
from postlint.violation import Finding, Severity, Violation

if TYPE_CHECKING:
    # Imported where a posting is linted: a run answered by the result cache needs neither.
    from postlint.document import Document, Format, Problem
    from postlint.employer_profile import EmployerProfile
    from postlint.facts.gazetteer import Gazetteer
    from postlint.facts.posting import PostingFacts
    from postlint.kinds.check_base import Context
    from postlint.links.status import LinkStatus


@lru_cache(maxsize=1)
def builtin_gazetteer() -> Gazetteer:
    """The gazetteer shipped with postlint, read once per process, from the disk cache unless that is off
    (`--no-cache`, or `cache.disable()`)."""
    from postlint.cache import cached
    from postlint.facts import gazetteer

    return cached("gazetteer", gazetteer.builtin_path(), gazetteer.load_gazetteer)


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


def glob_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A path glob with `**` (any folders), `*` and `?` as a regex on '/'-separated paths."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "?":
            out, i = out + "[^/]", i + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    # Like .gitignore: a glob without '/' matches a file name at any depth; one with '/' is anchored.
    source = rf"(?:.*/)?{out}$" if "/" not in pattern.rstrip("/") else f"{out.removeprefix('/')}$"
    return re.compile(source, flags)


@dataclass(frozen=True, slots=True)
class RunContext:
    """What one run knows besides the rules and the posting: whole-run results the checks read.

    Link statuses come from checking every URL of every file once (`--check-links`); they are
    this run's, not the rules', so they travel here, beside the engine, to each lint and worker.
    Problems a lint finds (suppression comments naming unknown rules, a pack over its time) are
    the lint's own: they stay in its `Context.run_problems`, never in the document.
    """

    link_status: Mapping[str, LinkStatus] | None = None  # URL -> what `--check-links` found; None: offline


OFFLINE = RunContext()


@dataclass(frozen=True)
class RuleEngine:
    """Compiled rules plus the settings that decide which run where. Build once, lint many.

    It pickles (compiled patterns and all) so it can be shipped to worker processes. Programs
    use `postlint.api.Linter`, which wraps one; the engine is the shared core behind it, the
    CLI, the batch mode, the Spark helper and the servers.
    """

    rules: tuple[Rule, ...]
    jurisdictions: tuple[str, ...] = ()  # `--jurisdiction`: overrides what a posting names
    default_jurisdictions: tuple[str, ...] = ()  # config `jurisdictions`: where a posting names none
    gazetteer: Gazetteer | None = None  # None: the built-in one, loaded on first use
    front_matter: Mapping[str, str] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    today: dt.date | None = None
    base: str | None = None  # the config file's folder: per-file-ignores globs are relative to it
    pack_timeout: float = 10.0  # seconds the rules of packs not shipped with postlint may take on one posting
    employer: EmployerProfile | None = None  # the config's `employer:` facts (size, government)

    def known(self, token: str) -> bool:
        """True if a token names a rule (id or alias) or a pack of this linter."""
        return any(rule_matches(rule, token) for rule in self.rules)

    def live_rules(self) -> tuple[Rule, ...]:
        """The rules with their checks and conditions loaded (`Rule.loaded`), made on the first lint."""
        live: tuple[Rule, ...] | None = self.__dict__.get("_live")
        if live is None:
            live = tuple(rule.loaded() for rule in self.rules)
            object.__setattr__(self, "_live", live)
        return live

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the loaded rules: a worker process makes its own."""
        return {key: value for key, value in self.__dict__.items() if key != "_live"}

    def rules_for(self, path: str | None) -> list[Rule]:
        """The rules that run on this file (all but its per-file ignores), loaded."""
        rules = self.live_rules()
        if not path or not self.per_file_ignores:
            return list(rules)
        if self.base is not None:
            absolute = os.path.abspath(path)
            if absolute.startswith(self.base.rstrip(os.sep) + os.sep):
                path = os.path.relpath(absolute, self.base)
        posix = path.replace("\\", "/").removeprefix("./")
        ignored = [t for glob, tokens in self.per_file_ignores if glob_regex(glob).match(posix) for t in tokens]
        return [r for r in rules if not any(rule_matches(r, t) for t in ignored)]

    def facts(self, doc: Document, jurisdictions: Iterable[str] | None = None) -> PostingFacts:
        """The posting's facts (places, jurisdictions, pay) as this linter reads them."""
        from postlint.facts.posting import PostingFacts

        override = tuple(jurisdictions) if jurisdictions is not None else self.jurisdictions
        gazetteer = self.gazetteer if self.gazetteer is not None else builtin_gazetteer()
        return PostingFacts(doc, gazetteer, self.front_matter, override=override, default=self.default_jurisdictions)

    def lint_document(
        self,
        doc: Document,
        *,
        jurisdictions: Iterable[str] | None = None,
        only: str | None = None,
        run: RunContext = OFFLINE,
    ) -> list[Violation]:
        """Every violation in one parsed document, sorted by position (`only`: run just that rule).

        The document is only read: linting it again gives the same violations."""
        from postlint.document import Problem
        from postlint.kinds.check_base import Context
        from postlint.reader import retitled
        from postlint.suppression import parse_suppressions

        doc = retitled(doc, self.front_matter.get("title", "title"))
        facts = self.facts(doc, jurisdictions)
        today = self.today or dt.date.today()
        suppressions = parse_suppressions(doc, self.known)
        run_problems = list(suppressions.problems)  # the document is not written to: this run's own problems
        ctx = Context(
            today=today,
            front_matter_names=tuple(self.front_matter.items()),
            facts=facts,
            link_status=run.link_status,
            employer=self.employer,
            run_problems=run_problems,
        )
        violations: list[Violation] = []
        rules = [r for r in self.rules_for(doc.path) if only is None or r.id == only]
        content = [r for r in rules if not r.check.lints_unread_documents] if doc.linted else []
        page = facts.not_a_posting if doc.linted else None
        if page is not None:  # a privacy policy or an error page: only its bytes are linted
            content = [r for r in content if r.pack == "encoding"]
            run_problems.append(Problem("not-a-posting", _not_a_posting_message(page.reason), page.start, page.end))
        shipped = [r for r in content if is_builtin(r.source)]
        others = [r for r in content if not is_builtin(r.source)]

        def run_rule(rule: Rule) -> None:
            # The `when` text conditions search the whole posting: after the check, which usually finds
            # nothing, unless the check reports an absence and so usually finds something.
            text_first = rule.check.reports_absence
            here = self.runs_here(rule, doc, ctx, text_conditions=text_first)
            if here is None:
                return
            rule_ctx, severity, message, laws = here
            findings = list(rule.check.check(doc, rule_ctx))
            if not findings or (not text_first and not rule.when.text_holds(doc, rule_ctx)):
                return
            matches = partial(rule_matches, rule)
            for finding in findings:
                if suppressions.suppressed(finding.start, matches):
                    continue
                violations.append(self._stamp(doc, rule, finding, severity, message, laws))

        for rule in shipped:
            run_rule(rule)
        if others:
            self._run_within_budget(others, run_rule, run_problems)
        for rule in rules:  # last: problems found while linting (a pack over its time) are reported too
            if rule.check.lints_unread_documents:
                run_rule(rule)
        violations.sort(key=Violation.sort_key)
        return violations

    def _run_within_budget(self, rules: Sequence[Rule], run: Any, run_problems: list[Problem]) -> None:
        """Run rules of packs postlint did not ship under one time budget for this posting.

        Past it the running rule is stopped, the rest do not run on this posting, and a
        `timeout` problem says which rule it was; findings made before stand.
        """
        from postlint.document import Problem
        from postlint.time_budget import OverBudget, time_budget

        current = rules[0]
        try:
            with time_budget(self.pack_timeout):
                for current in rules:
                    run(current)
        except OverBudget:
            if not any(p.code == "timeout" for p in run_problems):
                left = len(rules) - rules.index(current) - 1
                message = (
                    f"Rule {current.id} was stopped: the rules of packs not shipped with postlint may take "
                    f"{self.pack_timeout:g} s per posting (pack-timeout)"
                    + (f"; {left} more of them did not run on this posting" if left else "")
                )
                run_problems.append(Problem("timeout", message, 0, 0))

    @staticmethod
    def runs_here(
        rule: Rule, doc: Document, ctx: Context, *, text_conditions: bool = True
    ) -> tuple[Context, Severity, str, str] | None:
        """Whether a rule runs on this posting, and how: its context, severity, message and the laws that apply.

        `when` must hold; a rule with laws runs in full where one is in force and binds the
        employer, at its `elsewhere` severity where none does, or not at all. `text_conditions=False`
        leaves `when`'s text searches to the caller (`rule.when.text_holds`), to ask after the check.
        """
        when = rule.when
        if not rule.laws:
            holds = when.applies(doc, ctx) if text_conditions else when.applies_before_text(doc, ctx)
            return (ctx, rule.severity, rule.message, "") if holds else None
        today = ctx.today or dt.date.today()
        active = active_laws(rule.laws, ctx.jurisdictions, today)
        if not active and rule.elsewhere is None:
            return None  # decided before `when`, whose text conditions cost a search of the whole posting
        if not (when.applies(doc, ctx) if text_conditions else when.applies_before_text(doc, ctx)):
            return None
        federal = ctx.facts.federal_employer if active and ctx.facts is not None else None
        if federal is not None:
            # A state's, province's or city's law does not bind the national government's own hiring.
            active = tuple(
                law for law in active if law.jurisdiction == federal[0] or not within(law.jurisdiction, federal[0])
            )
        if active:
            from postlint.employer_profile import assumed_thresholds, binding_laws

            active = binding_laws(active, ctx.employer)
        if active:
            from postlint.laws import law_severity

            severity = max(law_severity(law, rule.severity, today) for law in active)
            # The note is text, not a template: its braces are escaped before it joins the message.
            note = assumed_thresholds(active, ctx.employer).replace("{", "{{").replace("}", "}}")
            message = rule.message + note
            return replace(ctx, laws=active), severity, message, describe_laws(active, today)
        if rule.elsewhere is None:
            return None
        return replace(ctx, laws=()), rule.elsewhere, rule.message_elsewhere or rule.message, ""

    def lint_text(
        self,
        text: str,
        *,
        format: Format = "markdown",
        path: str | None = None,
        facts: Mapping[str, Any] | None = None,
        max_bytes: int | None = None,
        run: RunContext = OFFLINE,
    ) -> list[Violation]:
        """Lint a posting given as text (no I/O): the one text path, used by the API, the batch mode and tests.

        The text goes through the reader a UTF-8 file with these contents would (U+FFFD, NUL bytes and
        size are its problems too), so text and file give the same violations. `facts` may give
        `location` (read as the posting's front-matter `location:`) and `jurisdictions` (as
        `--jurisdiction`); `postlint.api.Linter.lint_text` validates them before they get here.
        """
        from postlint.reader import DEFAULT_MAX_BYTES, build_document, located

        data = text.encode("utf-8", "surrogatepass")  # a lone surrogate reads as the invalid UTF-8 it would be
        doc = build_document(data, path or "-", format, DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
        location = facts.get("location") if facts else None
        if location is not None and doc.linted:
            doc = located(doc, self.front_matter.get("location", "location"), location)
        wanted = facts.get("jurisdictions") if facts else None
        return self.lint_document(doc, jurisdictions=wanted or None, run=run)

    @staticmethod
    def _stamp(
        doc: Document, rule: Rule, finding: Finding, severity: Severity, template: str, laws: str = ""
    ) -> Violation:
        index = doc.line_index
        line, column = index.position(finding.start)
        end_line, end_column = index.position(finding.end)
        fix = finding.fix
        if fix is not None:
            fix = replace(fix, edits=tuple(edit.placed(index.position) for edit in fix.edits))
        values = _Blank(finding.values)
        values.setdefault("laws", laws)
        if finding.template is not None:
            template = finding.template
        if finding.severity is not None:
            severity = min(severity, finding.severity)
        try:
            message = template.format_map(values)
        except (ValueError, IndexError, AttributeError):
            message = template
        return Violation(
            path=doc.path,
            rule=rule.id,
            severity=severity,
            message=finding.message or message,
            start=finding.start,
            end=finding.end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            suggestion=finding.suggestion,
            references=rule.references,
            match=doc.text[finding.start : finding.end],
        )


def _not_a_posting_message(reason: str) -> str:
    return f"This file reads as {reason}, not a job posting; only the encoding rules ran on it"


@lru_cache(maxsize=256)
def is_builtin(source: str) -> bool:
    """Whether a rule's pack file is one postlint ships (in its `rules` folder)."""
    from postlint.packs.loader import builtin_dir

    try:
        return os.path.dirname(os.path.realpath(source)) == os.path.realpath(builtin_dir())
    except (OSError, ValueError):
        return False


def rule_matches(rule: Rule, token: str) -> bool:
    """A selector names a rule by id, pack name or a former id (alias)."""
    if token in (rule.id, rule.pack):
        return True
    return any(token in (alias, f"{rule.pack}/{alias}") for alias in rule.aliases)


def select_rules(
    rules: Sequence[Rule], select: Sequence[str], ignore: Sequence[str], severity: Mapping[str, str]
) -> list[Rule]:
    """Apply select, ignore and severity overrides; unknown selectors are an error."""
    from postlint.errors import ConfigError

    for option, tokens in (("select", select), ("ignore", ignore), ("severity", list(severity))):
        for token in tokens:
            if not any(rule_matches(r, token) for r in rules):
                raise ConfigError(f"{option}: unknown rule or pack {token!r} (see `postlint rules`)")
    chosen = [r for r in rules if not select or any(rule_matches(r, t) for t in select)]
    chosen = [r for r in chosen if not any(rule_matches(r, t) for t in ignore)]
    out = []
    # Pack-wide overrides first, so that a rule's own override wins.
    overrides = sorted(severity.items(), key=lambda item: "/" in item[0])
    for rule in chosen:
        levels = [level for token, level in overrides if rule_matches(rule, token)]
        out.append(rule.with_severity(Severity[levels[-1]]) if levels else rule)
    return out
