"""The shipped packs load without pydantic when no spec is needed, into the very rules validation builds.

`kinds/build_base.py` fills each field as validation would; these tests prove it for every shipped
pack (rule by rule, object by object) and that each kind's `FIELDS` say what its spec says.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import probe_process
from pydantic import BaseModel

from postlint.kinds import BUILTIN_KINDS, build_class, spec_class
from postlint.kinds.build_base import EMPTY, REQUIRED, LawBuild, Plain, RuleBuild, _LazyPattern
from postlint.kinds.spec_base import LawSpec, RuleSpec
from postlint.packs import loader
from postlint.packs.regex_safety import shipped_pack
from postlint.prefilter import Prefilter

SHIPPED = sorted(loader.builtin_dir().glob("*.yaml"))


def _same(a: Any, b: Any, where: str) -> None:
    """Assert that two built objects are the same, type for type (5 and 5.0 differ, as tuple and list do)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, _LazyPattern | re.Pattern):
        assert (a.pattern, a.flags) == (b.pattern, b.flags), where
    elif isinstance(a, Prefilter):
        assert a.source == b.source, where
    elif dataclasses.is_dataclass(a):
        for field in dataclasses.fields(a):
            _same(getattr(a, field.name), getattr(b, field.name), f"{where}.{field.name}")
    elif isinstance(a, tuple | list):
        assert len(a) == len(b), where
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{index}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), where
        for key in a:
            _same(a[key], b[key], f"{where}[{key!r}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def _load(path: Path, *, specs: bool) -> Any:
    token = shipped_pack.set(True)
    try:
        return loader.parse_pack(path.read_text(encoding="utf-8"), str(path), specs=specs)
    finally:
        shipped_pack.reset(token)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_shipped_pack_builds_the_same_rules_without_pydantic(path: Path) -> None:
    token = shipped_pack.set(True)
    try:  # the fast way itself, not the validation it falls back on
        plain = loader._parse_pack(path.read_text(encoding="utf-8"), str(path), trusted=True, fast=True)
    finally:
        shipped_pack.reset(token)
    validated = _load(path, specs=True)
    assert [r.id for r in plain.rules] == [r.id for r in validated.rules]
    for fast, slow in zip(plain.rules, validated.rules, strict=True):
        assert fast.spec is None and slow.spec is not None
        _same(dataclasses.replace(fast, spec=None), dataclasses.replace(slow, spec=None), fast.id)
    _same(plain.places, validated.places, "places")
    assert (plain.name, plain.version, plain.description) == (validated.name, validated.version, validated.description)


def _pairs() -> list[tuple[type[Plain], type[BaseModel]]]:
    """Each plain class with the pydantic model that inherits it: every kind's spec and what it nests."""
    pairs: dict[type[Plain], type[BaseModel]] = {}
    todo: list[type[BaseModel]] = [spec_class(kind) for kind in BUILTIN_KINDS]  # type: ignore[misc]
    while todo:
        model = todo.pop()
        plain = next(c for c in model.__mro__ if issubclass(c, Plain) and not issubclass(c, BaseModel))
        if pairs.setdefault(plain, model) is not model:
            continue
        for field in model.model_fields.values():
            todo += [t for t in _models(field.annotation) if t not in pairs.values()]
    return list(pairs.items())


def _models(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation] if issubclass(annotation, Plain) else []
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def test_every_built_in_kind_has_its_build_class() -> None:
    for kind in BUILTIN_KINDS:
        build, spec = build_class(kind), spec_class(kind)
        assert build is not None and spec is not None and issubclass(spec, build), kind
        assert issubclass(build, RuleBuild) and not issubclass(build, BaseModel)
    assert build_class("no-such-kind") is None


@pytest.mark.parametrize("plain, model", _pairs(), ids=lambda c: c.__name__)
def test_fields_say_what_the_model_says(plain: type[Plain], model: type[BaseModel]) -> None:
    fields = {name: f for name, f in model.model_fields.items() if name not in plain.SKIPPED}
    assert list(plain.FIELDS) == list(fields)
    for name, field in fields.items():
        default = plain.FIELDS[name]
        if field.is_required():
            assert default is REQUIRED, name
        elif default is EMPTY:
            assert field.default == model.model_fields[name].annotation(), name
        else:
            assert type(default) is type(field.default) and default == field.default, name
        nested = _models(field.annotation)
        if nested:
            assert issubclass(nested[0], plain.NESTED[name]), name
        else:
            assert name not in plain.NESTED, name
        floats = float in typing.get_args(field.annotation) or field.annotation is float
        assert (name in plain.FLOATS) == floats, name
    assert set(plain.SKIPPED) <= set(model.model_fields)
    if issubclass(model, LawSpec):
        assert issubclass(plain, LawBuild)
    if issubclass(model, RuleSpec):
        assert plain.default_scope == model.default_scope  # type: ignore[attr-defined]


def test_a_field_the_fast_way_cannot_fill_sends_the_pack_to_validation(tmp_path: Path) -> None:
    source = SHIPPED[0].read_text(encoding="utf-8").replace("\nrules:\n", "\nrules:\n  - oops: 1\n", 1)
    token = shipped_pack.set(True)
    try:
        with pytest.raises(loader.PackError, match=r"rules\[0\]: missing 'kind'"):
            loader.parse_pack(source, str(tmp_path / "x.yaml"), specs=False)
    finally:
        shipped_pack.reset(token)


# Lint in a fresh interpreter with the disk cache off and print the pydantic modules it imported.
_PROBE = (
    "import sys\n"
    "from postlint.cli import main\n"
    "code = main(['check', '--no-cache', '--format', 'json', *sys.argv[1:]])\n"
    "sys.stdout.flush()\n"
    "print('PYDANTIC', sorted(m for m in sys.modules if m.partition('.')[0] == 'pydantic'))\n"
)


def _probe(tmp_path: Path, *args: str) -> tuple[str, str]:
    cache = tmp_path / "cache"
    proc = probe_process(_PROBE, cache, *args, cwd=tmp_path)
    assert not cache.exists()
    report, _, loaded = proc.stdout.rpartition("PYDANTIC ")
    return report + proc.stderr, loaded.strip()


def test_a_check_without_the_cache_imports_no_pydantic_for_the_shipped_packs(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("# Engineer\n\nWe are a rockstar ninja team. Pay: competitive.\n", encoding="utf-8")
    report, loaded = _probe(tmp_path, str(posting))
    assert loaded == "[]"
    assert '"rule": "inclusive/' in report


def test_a_user_pack_is_still_validated_with_its_error_and_line(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("# Engineer\n\nText.\n", encoding="utf-8")
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "pack: acme\nversion: '1'\ndescription: d\nrules:\n"
        "  - id: acme/x\n    kind: forbid\n    message: m\n    description: d\n    patterns: ['(']\n",
        encoding="utf-8",
    )
    report, loaded = _probe(tmp_path, "--pack", str(pack), str(posting))
    assert "acme.yaml:9:" in report and "rules[0] (acme/x) -> patterns[0]: invalid regex '('" in report
    assert loaded != "[]"


def test_a_lazy_pattern_knows_its_flags_as_re_would_compile_them() -> None:
    patterns = [
        pattern
        for path in SHIPPED
        for rule in _load(path, specs=False).rules
        for pattern in (*getattr(rule.check, "patterns", ()), rule.when.text, rule.when.unless)
        if isinstance(pattern, _LazyPattern)
    ]
    patterns += [_LazyPattern(source, flags) for source in ("(?i)abc", "(?x) a b", "(?-i:A)b", "a") for flags in (0, 2)]
    patterns.append(_LazyPattern("a", re.ASCII))
    assert len(patterns) > 50
    for pattern in patterns:
        known = pattern.__dict__.get("flags")
        assert known is None or known == re.compile(pattern.pattern, pattern._flags).flags, pattern.pattern
    assert "flags" not in _LazyPattern("(?i)abc", 0).__dict__


@pytest.mark.parametrize("name", ["gazetteer.yaml", "gender_coded.yaml", "link_hosts.yaml"])
def test_shipped_data_loads_as_yaml_load_builds_it(name: str) -> None:
    import yaml

    from postlint.packs.yamlpos import load_shipped

    text = (Path(loader.__file__).parents[1] / "data" / name).read_text(encoding="utf-8")
    fast, slow = load_shipped(text), yaml.load(text, Loader=yaml.SafeLoader)
    _same(fast, slow, name)
    assert load_shipped("a: &x [1, 2.5, 2024-01-01, null, yes]\nb: *x\n3: c\n") == {
        "a": [1, 2.5, dt.date(2024, 1, 1), None, True],
        "b": [1, 2.5, dt.date(2024, 1, 1), None, True],
        3: "c",
    }
