"""The methods `@dataclass` generates come from the per-user store, and make the same classes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import check_with_cache, emptied_store, run_probe

from postlint import dataclass_code

POSTING = "# Engineer\n\nDenver, CO. Pay: $90,000 - $120,000 a year.\n"

# In a fresh interpreter, as the CLI runs: count the method sources compiled while the reading
# modules are imported, then check a stored class still behaves.
_PROBE = (
    "import builtins\n"
    "compiled = []\n"
    "original = builtins.compile\n"
    "def counting(source, filename, *args, **kwargs):\n"
    "    if filename == '<string>' and 'def __create_fn__' in str(source):\n"
    "        compiled.append(source)\n"
    "    return original(source, filename, *args, **kwargs)\n"
    "builtins.compile = counting\n"
    "from postlint.dataclass_code import reused\n"
    "with reused():\n"
    "    from postlint.facts import pay\n"
    "    from postlint.violation import Violation\n"
    "args = dict(path='a.md', rule='x/y', severity='error', message='m',\n"
    "            start=0, end=1, line=1, column=1, end_line=1, end_column=2)\n"
    "v = Violation(**args)\n"
    "same = v == Violation(**args)\n"
    "print('COMPILED', len(compiled), 'SAME', same, 'REPR', repr(v).startswith('Violation(path='))\n"
)


def test_a_run_stores_the_methods_and_the_next_one_compiles_none(tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = run_probe(_PROBE, store).strip()
    assert first.startswith("COMPILED ") and not first.startswith("COMPILED 0 "), first  # nothing stored: compiled
    check_with_cache(tmp_path, store)
    assert len(list(store.glob("dataclass-code-*.pickle"))) == 1
    assert run_probe(_PROBE, store).strip() == "COMPILED 0 SAME True REPR True"


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from emptied_store(dataclass_code.STORE, tmp_path / "cache", monkeypatch)


def _define() -> dict[str, type]:
    """Classes with every kind of generated method: frozen, slots, order, defaults, factories, keyword-only."""

    @dataclasses.dataclass(frozen=True, slots=True, order=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()

    @dataclasses.dataclass(kw_only=True)
    class Bag:
        name: str
        items: list[int] = dataclasses.field(default_factory=list)
        note: str | None = dataclasses.field(default=None, repr=False, compare=False)

    return {"Point": Point, "Bag": Bag}


_METHODS = ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__setattr__")


def test_classes_made_with_stored_code_are_the_same_classes(empty_store: Path) -> None:
    plain = _define()
    with dataclass_code.reused():
        compiled = _define()
    dataclass_code.STORE.save()
    dataclass_code.STORE.forget()
    with dataclass_code.reused():
        stored = _define()
    assert dataclass_code.STORE._stored  # the second definitions were answered from the file
    for name, cls in plain.items():
        for other in (compiled[name], stored[name]):
            for method in _METHODS:
                ours, theirs = getattr(cls, method, None), getattr(other, method, None)
                code = getattr(ours, "__code__", None)
                assert code == getattr(theirs, "__code__", None), (name, method)
            # Annotations are evaluated as dataclasses' own exec does (no inherited `from __future__` flags).
            assert cls.__init__.__annotations__ == other.__init__.__annotations__  # type: ignore[misc]
    point = stored["Point"](1, 2)
    assert point == stored["Point"](1, 2) and point < stored["Point"](2)
    assert repr(point).endswith("Point(x=1, y=2, tags=())")
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3  # type: ignore[misc]
    assert stored["Bag"](name="b").items == [] and repr(stored["Bag"](name="b")).endswith("Bag(name='b', items=[])")


def test_the_patch_is_undone_and_nests(empty_store: Path) -> None:
    with dataclass_code.reused():
        with dataclass_code.reused():
            assert vars(dataclasses)["exec"] is dataclass_code._exec
        assert vars(dataclasses)["exec"] is dataclass_code._exec  # the outer block still holds it
    assert "exec" not in vars(dataclasses)


def test_a_damaged_store_is_ignored(empty_store: Path) -> None:
    with dataclass_code.reused():
        _define()
    dataclass_code.STORE.save()
    (path,) = empty_store.glob("dataclass-code-*.pickle")
    path.write_bytes(b"not a pickle")
    dataclass_code.STORE.forget()
    with dataclass_code.reused():
        point = _define()["Point"]
    assert point(1) == point(1, 0)


def test_a_damaged_entry_is_compiled_again(empty_store: Path) -> None:
    source = "def __create_fn__():\n def f(): return 42\n return f"
    dataclass_code.compiled(source)
    dataclass_code.STORE.save()
    dataclass_code.STORE.forget()
    dataclass_code.STORE.get(source)  # read the file
    assert dataclass_code.STORE._stored is not None
    dataclass_code.STORE._stored[source] = b"\x00garbage"
    namespace: dict[str, object] = {}
    dataclass_code._exec(source, {}, namespace)
    assert namespace["__create_fn__"]()() == 42  # type: ignore[operator]


@pytest.mark.parametrize(
    ("args", "off"),
    [
        (["check", "--no-cache", "a.md"], True),
        (["baseline", "--no-cache"], True),
        (["check", "a.md"], False),
        (["check", "--", "--no-cache"], False),  # a file named --no-cache
    ],
)
def test_the_cli_turns_the_cache_off_before_any_command_is_imported(args: list[str], off: bool) -> None:
    from postlint.cli import _asks_for_no_cache

    assert _asks_for_no_cache(args) is off
