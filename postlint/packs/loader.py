"""Load rule packs from YAML: validate every field, compile every pattern, once.

Errors name the file, line and column of the bad node and the path to it, so a
pack author never meets a traceback:
`acme.yaml:42:7: rules[3] (acme/salary) -> patterns[2]: invalid regex ...`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postlint.errors import PackError
from postlint.packs.model import Deferred, Pack, Rule
from postlint.packs.yamlpos import boolean_hint, describe, load_yaml, locate
from postlint.violation import Severity

if TYPE_CHECKING:
    from postlint.kinds.build_base import RuleBuild
    from postlint.kinds.check_base import Check
    from postlint.kinds.spec_base import RuleSpec

_PACK_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PACK_KEYS = {"pack", "version", "description", "rules", "places"}
PACK_SUFFIXES = (".yaml", ".yml")


@lru_cache(maxsize=1)
def builtin_dir() -> Path:
    """The folder of built-in packs: `postlint/rules` when installed, `rules/` in a source checkout.

    The repository keeps the packs in `rules/` at its root and the build maps that
    folder to the `postlint.rules` package. Running from a checkout without
    installing (or with the checkout's folder first on sys.path) finds no such
    package, so the checkout's own `rules/` is used.
    """
    import importlib.util  # not importlib.resources: it costs a cold start several milliseconds

    try:
        spec = importlib.util.find_spec("postlint.rules")
    except ModuleNotFoundError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_names() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def load_pack(path: str | Path, *, use_cache: bool = False, specs: bool = True) -> Pack:
    """Load one pack file, compiled once per run and, with `use_cache`, from the on-disk cache.

    A built-in pack loaded without `specs` may come from the packs built with the package
    (`shipped_values`), with or without `use_cache`.
    Packs from the disk cache carry no pydantic specs (`Rule.spec` is None): what
    needs them (`explain`, `packs test`) loads with `use_cache=False`. Their checks and
    conditions are `Deferred`, unpickled only when a posting is linted. Without `specs`
    (a run that only lints) a pack postlint ships is built without pydantic (`parse_pack`).
    """
    resolved = Path(path)
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise PackError(f"cannot read pack: {exc.strerror}", path=str(path)) from None
    if not use_cache and specs:
        return _load_pack_cached(str(resolved), stat.st_size, stat.st_mtime_ns, specs)
    from postlint.cache import cached

    def build() -> Pack:
        pack = _load_pack_cached(str(resolved), stat.st_size, stat.st_mtime_ns, specs)
        rules = tuple(
            replace(rule, spec=None, check=Deferred.wrap(rule.check), when=Deferred.wrap(rule.when))
            for rule in pack.rules
        )
        return replace(pack, rules=rules)

    return cached("pack", resolved, build, enabled=use_cache)  # not enabled: a built-in may still be prebuilt


@lru_cache(maxsize=64)
def _load_pack_cached(path: str, size: int, mtime_ns: int, specs: bool = True) -> Pack:
    try:
        from postlint.safe_read import read_settings_text

        source = read_settings_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"cannot read pack: {exc}", path=path) from None
    from postlint.packs.regex_safety import shipped_pack

    token = shipped_pack.set(Path(path).resolve().parent == Path(builtin_dir()).resolve())
    try:
        return parse_pack(source, path, specs=specs)
    finally:
        shipped_pack.reset(token)


def parse_pack(source: str, filename: str, *, specs: bool = True) -> Pack:
    """Validate and compile a pack given as YAML text.

    A pack postlint ships is read with only the positions a valid pack needs (`load_yaml`'s
    `trusted`); should it fail, it is read again with every position, so the error is the same.
    Without `specs`, its rules are built without pydantic (`kinds/build_base.py`), as validation
    would build them (the test suite proves it for every shipped pack) but with no `Rule.spec`;
    anything that way cannot build is validated, which says what is wrong.
    """
    from postlint.packs.regex_safety import shipped_pack

    if shipped_pack.get() and not specs:
        try:
            return _parse_pack(source, filename, trusted=True, fast=True)
        except (PackError, ValueError, TypeError):
            pass
    if shipped_pack.get():
        try:
            return _parse_pack(source, filename, trusted=True)
        except PackError:
            pass
    return _parse_pack(source, filename, trusted=False)


def _parse_pack(source: str, filename: str, *, trusted: bool, fast: bool = False) -> Pack:
    data, marks = load_yaml(source, filename, PackError, trusted=trusted)

    def fail(loc: tuple[str | int, ...], message: str, where: str | None = None) -> PackError:
        """An error at the YAML node of `loc`; `where` replaces the default `rules[3] -> key` breadcrumb."""
        line, column = locate(marks, loc)
        where = describe(loc) if where is None else where
        return PackError(f"{where}: {message}" if where else message, path=filename, line=line, column=column)

    if not isinstance(data, dict):
        raise fail((), "a pack must be a mapping with 'pack', 'version', 'description' and 'rules'")
    for key in data:
        if key not in _PACK_KEYS:
            raise fail((key,), f"unknown key {key!r}; a pack has {', '.join(sorted(_PACK_KEYS))}")
    name = data.get("pack")
    if not isinstance(name, str) or not _PACK_NAME.match(name):
        raise fail(("pack",), "'pack' must be a lower-case kebab-case name, like 'acme-compliance'")
    rules_data = data.get("rules")
    if not isinstance(rules_data, list) or not rules_data:
        raise fail(("rules",), "'rules' must be a non-empty list of rules")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise fail(("description",), "'description' must be text")

    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(rules_data):
        rule = (
            _plain_rule(raw, index, name, filename, marks)
            if fast
            else _build_rule(raw, index, name, filename, fail, marks)
        )
        for rid in (rule.id, *(_full_id(a, name) for a in rule.aliases)):
            if rid in seen:
                raise fail(("rules", index, "id"), f"duplicate rule id {rid!r} (first used by rules[{seen[rid]}])")
            seen[rid] = index
        rules.append(rule)
    places = _places(data.get("places", []), fail)
    return Pack(name, str(data.get("version", "")), description, filename, tuple(rules), places)


def _places(raw: Any, fail: Any) -> tuple[dict[str, Any], ...]:
    """A pack's own gazetteer entries, checked with the built-in gazetteer's rules."""
    if raw == []:
        return ()
    from postlint.facts.gazetteer import validate_entry

    if not isinstance(raw, list):
        raise fail(("places",), "'places' must be a list of jurisdictions (id, name, names, codes, places, remote)")
    for index, entry in enumerate(raw):
        try:
            validate_entry(entry)
        except ValueError as exc:
            raise fail(("places", index), str(exc)) from None
    return tuple(raw)


def _full_id(rule_id: str, pack: str) -> str:
    return rule_id if "/" in rule_id else f"{pack}/{rule_id}"


def _build_rule(raw: Any, index: int, pack: str, filename: str, fail: Any, marks: Any) -> Rule:
    from pydantic import ValidationError

    from postlint.kinds import known_kinds, spec_class

    loc: tuple[str | int, ...] = ("rules", index)
    if not isinstance(raw, dict):
        raise fail(loc, "a rule must be a mapping with at least 'id', 'kind', 'message' and 'description'")
    label = f"rules[{index}]" + (f" ({raw['id']})" if isinstance(raw.get("id"), str) else "")
    kind = raw.get("kind")
    if kind is None:
        raise fail(loc, f"missing 'kind'; one of {', '.join(known_kinds())}", label)
    spec_cls = spec_class(str(kind))
    if spec_cls is None:
        raise fail((*loc, "kind"), f"unknown kind {kind!r}; known kinds: {', '.join(known_kinds())}")
    rule_id = raw.get("id")
    if isinstance(rule_id, str) and "/" in rule_id and rule_id.split("/", 1)[0] != pack:
        raise fail((*loc, "id"), f"rule id {rule_id!r} must start with the pack name '{pack}/'")
    try:
        spec = spec_cls.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        sub = tuple(
            p
            for p in error["loc"]
            if not (isinstance(p, str) and (p in ("str", "Example") or p.startswith("function-")))
        )
        message = str(error["msg"]).removeprefix("Value error, ") + boolean_hint(error)
        if error["type"] == "extra_forbidden":
            message = f"unknown key {sub[-1]!r} for a {kind} rule"
        elif error["type"] == "missing":
            message = f"missing required key {sub[-1]!r}"
        where = describe(sub)
        raise fail((*loc, *sub), message, f"{label}{' -> ' + where if where else ''}") from None
    except ValueError as exc:  # a kind's compile-time check outside pydantic
        raise fail(loc, str(exc), label) from None
    try:
        check = spec.compile()
    except ValueError as exc:
        raise fail(loc, str(exc), label) from None
    return _rule(spec, check, pack, filename, locate(marks, loc)[0] or 0, spec)


def _plain_rule(raw: Any, index: int, pack: str, filename: str, marks: Any) -> Rule:
    """A shipped pack's rule built without pydantic; `NotPlain` (a ValueError) where it cannot be."""
    from postlint.kinds import build_class
    from postlint.kinds.build_base import NotPlain

    build = build_class(raw["kind"]) if isinstance(raw, dict) and isinstance(raw.get("kind"), str) else None
    if build is None:
        raise NotPlain("not a rule of a built-in kind")
    plain = build.from_yaml(raw)
    return _rule(plain, plain.compile(), pack, filename, locate(marks, ("rules", index))[0] or 0, None)


def _rule(spec: RuleBuild, check: Check, pack: str, filename: str, line: int, validated: RuleSpec | None) -> Rule:
    """The rule of a spec, validated or plain, and its compiled check."""
    return Rule(
        id=_full_id(spec.id, pack),
        pack=pack,
        severity=Severity[spec.severity],
        kind=spec.kind,
        message=spec.message,
        description=spec.description,
        references=spec.references,
        aliases=spec.aliases,
        when=spec.when.to_condition(),
        check=check,
        source=filename,
        line=line,
        spec=validated,
        laws=tuple(law.to_law() for law in spec.laws),
        elsewhere=Severity[spec.elsewhere] if spec.elsewhere else None,
        message_elsewhere=spec.message_elsewhere,
        requires=spec.requires,
    )


def pack_files(target: str | Path) -> list[Path]:
    """The pack files a path names: the file itself, or every .yaml/.yml in a folder (sorted)."""
    path = Path(target)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in PACK_SUFFIXES and p.is_file())
    if path.is_file():
        return [path]
    raise PackError("no such pack file or folder", path=str(target))


def resolve_packs(names: list[str], base: Path, *, use_cache: bool = False, specs: bool = True) -> list[Pack]:
    """Packs by name: 'builtin' (all built-ins), a built-in's name, an installed plugin, or a path.

    `specs` keeps each rule's validated YAML, which `explain` and `packs test` need (`load_pack`)."""
    packs: list[Pack] = []
    seen: set[str] = set()
    for name in names:
        for file in _pack_targets(name, base):
            key = str(file.resolve())
            if key in seen:
                continue
            seen.add(key)
            packs.append(load_pack(file, use_cache=use_cache, specs=specs))
    by_name: dict[str, str] = {}
    for pack in packs:
        if pack.name in by_name:
            raise PackError(f"two packs are named {pack.name!r} (also {by_name[pack.name]})", path=pack.path)
        by_name[pack.name] = pack.path
    return packs


def pack_sources(names: list[str], base: Path) -> list[Path]:
    """The files `resolve_packs` would load for these names, none of them read: what a run's results rest on."""
    return [file for name in names for file in _pack_targets(name, base)]


def _pack_targets(name: str, base: Path) -> list[Path]:
    if name == "builtin":
        return sorted(builtin_dir().glob("*.yaml"))
    if _PACK_NAME.match(name) and "/" not in name and not name.endswith(PACK_SUFFIXES):
        candidate = builtin_dir() / f"{name}.yaml"
        if candidate.is_file():
            return [candidate]
        plugin = _plugin_pack(name)
        if plugin is not None:
            return plugin
        if not (base / name).exists():
            raise PackError(
                f"unknown pack {name!r}: not a built-in ({', '.join(builtin_names())}), installed plugin or path"
            )
    path = Path(name).expanduser()
    if not path.is_absolute():
        path = base / path
    return pack_files(path)


def _plugin_pack(name: str) -> list[Path] | None:
    """A pack installed by another package under the `postlint.packs` entry-point group."""
    from importlib.metadata import entry_points

    for ep in entry_points(group="postlint.packs"):
        if ep.name != name:
            continue
        try:
            target = ep.load()
            if callable(target):
                target = target()
        except Exception as exc:  # a broken plugin is the user's to fix, not a postlint bug
            raise PackError(f"plugin pack {name!r} ({ep.value}) failed to load: {exc}") from None
        targets = target if isinstance(target, (list, tuple)) else [target]
        files: list[Path] = []
        for item in targets:
            files.extend(pack_files(str(item)))
        return files
    return None
