"""Loading rule packs: a valid pack, every kind of bad input with its position, `packs test`, `packs schema`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import BUILTIN_PACKS, run_cli, run_cli_many

from postlint.engine import RuleEngine
from postlint.errors import PackError
from postlint.packs.loader import parse_pack
from postlint.violation import Severity

# Line numbers below refer to this text: the rule starts on line 5, its keys are on lines 5-11.
BASE = """\
pack: p
version: "1"
description: A pack for the tests.
rules:
  - id: p/one
    kind: forbid
    severity: error
    message: "Found '{match}'"
    description: Why it matters.
    references: [https://example.com/why]
    terms: [rockstar]
"""


def test_valid_pack() -> None:
    pack = parse_pack(BASE, "p.yaml")
    assert pack.name == "p"
    assert pack.version == "1"
    assert pack.description == "A pack for the tests."
    assert pack.path == "p.yaml"
    assert [r.id for r in pack.rules] == ["p/one"]
    rule = pack.rules[0]
    assert rule.pack == "p"
    assert rule.severity == Severity.error
    assert rule.kind == "forbid"
    assert rule.references == ("https://example.com/why",)
    assert rule.line == 5
    violations = RuleEngine(rules=pack.rules).lint_text("We want a rockstar.\n")
    assert [(v.rule, v.line, v.column, v.end_column) for v in violations] == [("p/one", 1, 11, 19)]


def test_short_rule_id_gets_the_pack_prefix() -> None:
    pack = parse_pack(BASE.replace("id: p/one", "id: one"), "p.yaml")
    assert [r.id for r in pack.rules] == ["p/one"]


def test_pack_with_every_kind_loads() -> None:
    source = BASE + (
        "  - id: p/req\n"
        "    kind: require\n"
        "    message: No EEO statement\n"
        "    description: d\n"
        "    terms: [equal opportunity]\n"
        "  - id: p/field\n"
        "    kind: field\n"
        "    message: '{field} is missing'\n"
        "    description: d\n"
        "    field: location\n"
        "  - id: p/metric\n"
        "    kind: metric\n"
        "    message: '{value} words'\n"
        "    description: d\n"
        "    metric: words\n"
        "    max: 10\n"
        "  - id: p/input\n"
        "    kind: input\n"
        "    message: '{detail}'\n"
        "    description: d\n"
        "    problem: binary-file\n"
    )
    pack = parse_pack(source, "p.yaml")
    assert [r.kind for r in pack.rules] == ["forbid", "require", "field", "metric", "input"]
    assert [r.line for r in pack.rules] == [5, 12, 17, 22, 28]


def _error(source: str) -> str:
    with pytest.raises(PackError) as info:
        parse_pack(source, "p.yaml")
    return str(info.value)


def _position(message: str) -> tuple[int, int]:
    m = re.match(r"p\.yaml:(\d+):(\d+): ", message)
    assert m, f"error does not start with 'p.yaml:LINE:COL: ': {message!r}"
    return int(m.group(1)), int(m.group(2))


BAD_PACKS = {
    "yaml-syntax": (BASE.replace("    severity: error\n", "    severity: error: fatal\n"), 7),
    "unknown-top-level-key": (BASE.replace("rules:\n", "colour: red\nrules:\n"), 4),
    "unknown-rule-key": (BASE + "    colour: red\n", 12),
    "unknown-kind": (BASE.replace("kind: forbid", "kind: prohibit"), 6),
    "invalid-regex": (BASE + "    patterns:\n      - 'fine'\n      - '(unclosed'\n      - 'also fine'\n", 14),
    "duplicate-rule-id": (BASE + BASE.split("rules:\n", 1)[1], 12),
    "duplicate-yaml-key": (BASE + "    severity: info\n", 12),
    "wrong-pack-prefix": (BASE.replace("id: p/one", "id: other/one"), 5),
    "unknown-placeholder": (BASE.replace("Found '{match}'", "Found '{nope}'"), 8),
    "forbid-with-nothing-to-find": (BASE.replace("    terms: [rockstar]\n", ""), 5),
    "metric-without-min-or-max": (
        BASE.replace("kind: forbid", "kind: metric").replace("    terms: [rockstar]\n", "    metric: words\n"),
        5,
    ),
    "bad-severity": (BASE.replace("severity: error", "severity: fatal"), 7),
    "bad-rule-id-case": (BASE.replace("id: p/one", "id: p/One"), 5),
    "bad-format-in-when": (BASE + "    when:\n      formats: [pdf]\n", 13),
    "rules-not-a-list": ("pack: p\nversion: '1'\nrules: 3\n", 3),
    "bad-pack-name": (BASE.replace("pack: p\n", "pack: My Pack\n"), 1),
}


@pytest.mark.parametrize(("source", "line"), list(BAD_PACKS.values()), ids=list(BAD_PACKS))
def test_bad_pack_is_a_pack_error_at_the_right_line(source: str, line: int) -> None:
    message = _error(source)
    assert _position(message)[0] == line, message
    assert "Traceback" not in message


def test_error_names_the_offending_key_or_id() -> None:
    assert "colour" in _error(BASE + "    colour: red\n")
    assert "prohibit" in _error(BASE.replace("kind: forbid", "kind: prohibit"))
    assert "p/one" in _error(BASE + BASE.split("rules:\n", 1)[1])
    assert "{nope}" in _error(BASE.replace("Found '{match}'", "Found '{nope}'"))
    assert "(unclosed" in _error(BASE + "    patterns: ['(unclosed']\n")
    assert 'quote it ("NO")' in _error(BASE.replace("terms: [rockstar]", "terms: [rockstar, NO]"))


def test_unknown_placeholder_is_fine_when_the_kind_offers_it() -> None:
    source = BASE.replace("Found '{match}'", "Use '{replacement}' for '{match}'")
    assert parse_pack(source, "p.yaml").rules[0].id == "p/one"


@pytest.mark.parametrize("text", ["", "# just a comment\n", "- a\n- b\n", "just a string\n"], ids=str)
def test_a_pack_must_be_a_mapping(text: str) -> None:
    with pytest.raises(PackError) as info:
        parse_pack(text, "p.yaml")
    assert str(info.value).startswith("p.yaml")


# ---------------------------------------------------------------- built-in packs


@pytest.mark.parametrize("path", BUILTIN_PACKS, ids=lambda p: p.name)
def test_every_builtin_rule_is_documented(path: Path) -> None:
    pack = parse_pack(path.read_text(encoding="utf-8"), str(path))
    assert pack.rules
    for rule in pack.rules:
        assert rule.id.startswith(f"{pack.name}/")
        assert rule.description.strip(), rule.id
        assert rule.references, rule.id
        assert all(ref.startswith(("http://", "https://")) for ref in rule.references), rule.id
        assert rule.spec is not None
        examples = rule.spec.examples
        assert examples.passing or examples.failing, f"{rule.id} has no examples"


PACK_WITH_EXAMPLES = """\
pack: mine
version: "1"
description: d
rules:
  - id: mine/rockstar
    kind: forbid
    severity: warning
    message: "'{match}'"
    description: d
    references: [https://example.com]
    terms: [rockstar]
    examples:
      pass: ["We hire engineers."]
      fail: ["We hire a {word}."]
"""
PACKS_TEST_CASES = {
    "builtins": None,
    "correct": PACK_WITH_EXAMPLES.replace("{word}", "rockstar"),
    "wrong-example": PACK_WITH_EXAMPLES.replace("{word}", "developer"),
    "bad-pack": PACK_WITH_EXAMPLES.replace("kind: forbid", "kind: nope"),
}


@pytest.fixture(scope="module")
def packs_test(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, str]]:
    """`postlint packs test` on the built-ins and on each PACKS_TEST_CASES pack, run side by side."""
    calls = []
    for case, text in PACKS_TEST_CASES.items():
        folder = tmp_path_factory.mktemp(case)
        args = ["packs", "test"]
        if text is not None:
            (folder / "mine.yaml").write_text(text, encoding="utf-8")
            args.append("mine.yaml")
        calls.append((args, {"cwd": folder}))
    return dict(zip(PACKS_TEST_CASES, run_cli_many(calls), strict=True))


def test_packs_test_passes_on_the_builtins(packs_test) -> None:
    code, out, err = packs_test["builtins"]
    assert code == 0, out + err
    assert re.search(r"\b0 failed\b", out)


def test_packs_test_passes_on_a_correct_pack(packs_test) -> None:
    code, out, err = packs_test["correct"]
    assert (code, err) == (0, ""), out + err
    assert re.search(r"\b2 passed, 0 failed\b", out)


def test_packs_test_fails_on_a_wrong_example(packs_test) -> None:
    code, out, err = packs_test["wrong-example"]
    assert code == 1, out + err
    assert "mine/rockstar" in out
    assert "Traceback" not in err


def test_packs_test_on_a_bad_pack_is_a_usage_error(packs_test) -> None:
    code, _, err = packs_test["bad-pack"]
    assert code == 2
    assert "mine.yaml:6:" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- schema


@pytest.fixture(scope="module")
def schema() -> dict:
    code, out, err = run_cli("packs", "schema")
    assert code == 0, err
    return json.loads(out)


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict) -> None:
    from jsonschema import Draft202012Validator

    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", BUILTIN_PACKS, ids=lambda p: p.name)
def test_schema_accepts_the_builtin_packs(schema: dict, path: Path) -> None:
    from jsonschema import Draft202012Validator

    # Editors validate YAML as JSON, where an unquoted date such as `since: 2021-01-01` is a string.
    data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(colour="red"),
        lambda d: d["rules"][0].update(colour="red"),
        lambda d: d["rules"][0].update(kind="prohibit"),
        lambda d: d["rules"][0].update(severity="fatal"),
        lambda d: d.pop("rules"),
    ],
    ids=["unknown-top-level-key", "unknown-rule-key", "unknown-kind", "bad-severity", "no-rules"],
)
def test_schema_rejects_bad_packs(schema: dict, mutate) -> None:
    from jsonschema import Draft202012Validator

    data = yaml.safe_load(BUILTIN_PACKS[0].read_text(encoding="utf-8"))
    mutate(data)
    assert list(Draft202012Validator(schema).iter_errors(data))


def test_schema_accepts_the_test_base_pack(schema: dict) -> None:
    from jsonschema import Draft202012Validator

    assert list(Draft202012Validator(schema).iter_errors(yaml.safe_load(BASE))) == []


def test_shipped_packs_pass_the_regex_safety_check_that_runs_skip() -> None:
    """A run trusts the packs postlint ships and does not analyse or validate their regexes one by one on each
    start; this test is where they are (parse_pack on its own checks every regex), and where an unsafe one fails."""
    from postlint.packs import loader
    from postlint.packs.regex_safety import shipped_pack

    assert shipped_pack.get() is False
    for path in sorted(loader.builtin_dir().glob("*.yaml")):
        parse_pack(path.read_text(encoding="utf-8"), str(path))  # raises UnsafeRegex on a dangerous pattern
    unsafe = BASE.replace("terms: [rockstar]", "patterns: ['(a+)+$']")
    with pytest.raises(PackError, match="exponential"):
        parse_pack(unsafe, "p.yaml")


def test_shipped_pack_regexes_compile_when_first_used() -> None:
    """A start without the disk cache compiles a shipped pack's regexes only when a lint searches them: they
    behave as compiled ones, and pickle (for the disk cache) as the compiled pattern itself."""
    import pickle

    from postlint.compiled_regex import dumps
    from postlint.kinds.spec_base import _LazyPattern, combine_regexes, compile_regex
    from postlint.packs.regex_safety import shipped_pack

    token = shipped_pack.set(True)
    try:
        combined = combine_regexes((r"\bninjas?\b", r"rock\s*stars?"), re.IGNORECASE)
        single = compile_regex(r"(?i)salary")
    finally:
        shipped_pack.reset(token)
    assert isinstance(combined, _LazyPattern)
    assert "search" not in vars(combined)  # nothing compiled yet
    eager = re.compile(r"(?:\bninjas?\b)|(?:rock\s*stars?)", re.IGNORECASE)
    text = "Ninja or ROCKSTAR wanted"
    assert [m.span() for m in combined.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert "search" in vars(combined)
    assert (combined.flags, combined.groups) == (eager.flags, eager.groups)
    assert single.flags == re.compile(r"(?i)salary").flags  # the compiled flags, inline ones included
    for pickled in (dumps(single), pickle.dumps(single)):
        assert b"spec_base" not in pickled  # a cached start unpickles checks without importing pydantic
        restored = pickle.loads(pickled)
        assert isinstance(restored, re.Pattern)
        assert restored.pattern == "(?i)salary"


def test_shipped_packs_give_the_same_findings_with_regexes_compiled_at_load() -> None:
    """The shipped packs as a run loads them (regexes compiled when used) and as a user's pack (compiled and
    checked at load) find the same on the example postings."""
    from postlint.packs import loader

    examples = Path(__file__).resolve().parents[1] / "examples"
    formats = {".md": "markdown", ".txt": "text", ".html": "html"}
    postings = [
        (p.read_text(encoding="utf-8"), formats[p.suffix]) for p in sorted(examples.rglob("*")) if p.suffix in formats
    ]
    files = sorted(loader.builtin_dir().glob("*.yaml"))
    loader._load_pack_cached.cache_clear()
    lazy = RuleEngine(rules=tuple(r for f in files for r in loader.load_pack(f).rules))
    eager = RuleEngine(rules=tuple(r for f in files for r in parse_pack(f.read_text(encoding="utf-8"), str(f)).rules))
    assert any(type(p).__name__ == "_LazyPattern" for r in lazy.rules for p in getattr(r.check, "patterns", ()))
    found = [[v.to_dict() for v in lazy.lint_text(text, format=form)] for text, form in postings]
    assert found == [[v.to_dict() for v in eager.lint_text(text, format=form)] for text, form in postings]
    assert any(found)


def _parsed_as_shipped(source: str, filename: str) -> Any:
    from postlint.packs.regex_safety import shipped_pack

    token = shipped_pack.set(True)
    try:
        return parse_pack(source, filename)
    finally:
        shipped_pack.reset(token)


def test_a_shipped_pack_read_with_few_positions_gives_each_rule_its_line() -> None:
    from postlint.packs import loader

    for path in sorted(loader.builtin_dir().glob("*.yaml")):
        source = path.read_text(encoding="utf-8")
        fast = _parsed_as_shipped(source, str(path))
        full = parse_pack(source, str(path))
        assert [(r.id, r.line) for r in fast.rules] == [(r.id, r.line) for r in full.rules]
        assert fast.places == full.places


# Not checked on a shipped pack's start: the test suite checks the shipped packs as a user's (above).
_UNCHECKED_WHEN_SHIPPED = {"invalid-regex", "duplicate-yaml-key"}


@pytest.mark.parametrize(
    "case", [case for case in BAD_PACKS if case not in _UNCHECKED_WHEN_SHIPPED], ids=lambda case: case
)
def test_a_broken_shipped_pack_gives_the_error_a_users_would(case: str) -> None:
    """Read with few positions first, a shipped pack that fails is read again with all of them."""
    with pytest.raises(PackError) as shipped:
        _parsed_as_shipped(BAD_PACKS[case][0], "p.yaml")
    with pytest.raises(PackError) as users:
        parse_pack(BAD_PACKS[case][0], "p.yaml")
    assert str(shipped.value) == str(users.value)


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (True == 1, but a YAML bool is not an int)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


@pytest.mark.parametrize(
    "source",
    [
        "a: 1\nb: [x, 2.5, true, null, 2024-02-01]\nc: &s {d: e}\nf: *s\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",  # a merge key: PyYAML's constructor builds it
        "1: one\n",
        "- a\n- {b: ~}\n",
    ],
)
def test_a_trusted_document_is_built_as_pyyaml_builds_it(source: str) -> None:
    from postlint.packs.yamlpos import load_yaml

    assert _same(load_yaml(source, "x.yaml", trusted=True)[0], load_yaml(source, "x.yaml")[0])


def test_shipped_packs_are_built_as_pyyaml_builds_them() -> None:
    from postlint.packs import loader
    from postlint.packs.yamlpos import load_yaml

    for path in sorted(loader.builtin_dir().glob("*.yaml")):
        source = path.read_text(encoding="utf-8")
        assert _same(load_yaml(source, str(path), trusted=True)[0], load_yaml(source, str(path))[0])
