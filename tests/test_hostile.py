"""Hostile input: what a contributor can put in a pull request must not hang, crash or exhaust postlint.

Each case runs the real CLI in a subprocess that reports its own peak memory, with a
generous timeout as the backstop: the bounds asserted are "finishes" and "stays
under 1 GB", not speed (speed is measured in bench/).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from postlint.packs.regex_safety import UnsafeRegex, check_regex
from tests.conftest import cli_env, run_cli

GIB = 1024 * 1024  # ru_maxrss is in KiB on Linux
_RUNNER = (
    "import resource, sys\n"
    "from postlint.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "sys.stderr.write(f'\\nMAXRSS={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n"
    "sys.exit(code)\n"
)


def run_measured(*args: str | Path, cwd: Path, timeout: float = 240) -> tuple[int, str, str, int]:
    """Run the CLI; return (exit code, stdout, stderr without the memory line, peak RSS in KiB)."""
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, *map(str, args)],
        cwd=cwd,
        capture_output=True,
        env=cli_env({"POSTLINT_CACHE_DIR": str(cwd / ".cache")}),
        timeout=timeout,
        check=False,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    found = re.search(r"MAXRSS=(\d+)", stderr)
    assert found, stderr
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), stderr[: found.start()], int(found.group(1))


def json_rules(stdout: str) -> list[str]:
    return [v["rule"] for v in json.loads(stdout)["violations"]]


def _pack(tmp_path: Path, pattern: str) -> Path:
    pack = tmp_path / "hostile.yaml"
    pack.write_text(
        "pack: hostile\n"
        'version: "1"\n'
        "description: A pack a contributor might send.\n"
        "rules:\n"
        "  - id: hostile/pattern\n"
        "    kind: forbid\n"
        "    severity: error\n"
        "    message: matched\n"
        "    description: A pattern.\n"
        "    references: [https://example.com]\n"
        f"    patterns: ['{pattern}']\n"
        "    scope: [raw]\n"
        "    examples: {pass: ['b'], fail: ['a']}\n",
        encoding="utf-8",
    )
    return pack


# --- catastrophic regexes ---------------------------------------------------------------------

EXPONENTIAL = [
    r"(a+)+$",
    r"(a*)*b",
    r"(\w+\s?)+$",
    r"(a|aa)+$",
    r"(a|a)*$",
    r"((a+)b?)+$",
    r"(.*a){20}",
    r"^(\d+)*$",
    r"(aa?)+$",
    r"(\d+,?)+$",
    r"(?:\w+|\d)+$",
    r"((?:a|a),)*$",
]

LINEAR = [
    r"(\w+\s)+",
    r"(\s*,\s*\w+)*",
    r"(?:\s|&nbsp;)+",
    r"\bsalary\b",
    r"(?i)(?:pay|salary)\s+range",
    r"[a-z]+(?:-[a-z]+)*",
    r"(\d{1,3}(?:,\d{3})*)",
    r"(?:\$\s?\d+(?:\.\d+)?k?)",
    r"(ab?)+",
    r"(\w|\d)*x",  # the parser merges the alternatives into one class: no backtracking
    r"\((?:[mwd]|div)(?:\s*/\s*(?:[mwd]|div))*\)",
]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_exponential_patterns_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafeRegex, match="exponential"):
        check_regex(pattern)


@pytest.mark.parametrize("pattern", LINEAR)
def test_unambiguous_patterns_are_accepted(pattern: str) -> None:
    check_regex(pattern)


def test_a_catastrophic_pack_regex_is_refused_at_load_with_its_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "(a+)+$")
    (tmp_path / "posting.md").write_text("# T\n\n" + "a" * 5000 + "\n", encoding="utf-8")
    code, _, err, _ = run_measured("check", "--pack", pack, "posting.md", cwd=tmp_path, timeout=60)
    assert code == 2
    assert f"{pack}:11:" in err
    assert "exponential" in err
    assert "Traceback" not in err


# --- YAML bombs and unsafe tags ---------------------------------------------------------------

_LAUGHS = "\n".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)


def test_billion_laughs_in_front_matter_is_refused_quickly(tmp_path: Path) -> None:
    posting = tmp_path / "bomb.md"
    posting.write_text(f"---\n{_LAUGHS}\nlocation: *i\ntitle: *i\n---\n# Engineer\n\nHello.\n", encoding="utf-8")
    code, out, err, rss = run_measured("check", "--format", "json", posting.name, cwd=tmp_path)
    assert code in (0, 1), err
    assert "postlint/front-matter" in json_rules(out)
    assert rss < GIB


def test_a_recursive_alias_in_front_matter_is_refused(tmp_path: Path) -> None:
    posting = tmp_path / "loop.md"
    posting.write_text("---\nlocation: &a [*a]\n---\n# Engineer\n\nHello.\n", encoding="utf-8")
    code, out, err, _ = run_measured("check", "--format", "json", posting.name, cwd=tmp_path)
    assert code in (0, 1), err
    assert "postlint/front-matter" in json_rules(out)


def test_billion_laughs_in_a_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "bomb.yaml"
    pack.write_text(f'pack: bomb\nversion: "1"\ndescription: x\n{_LAUGHS}\nrules: []\n', encoding="utf-8")
    (tmp_path / "posting.md").write_text("# T\n\nHello.\n", encoding="utf-8")
    code, _, err, rss = run_measured("check", "--pack", pack, "posting.md", cwd=tmp_path)
    assert code == 2
    assert str(pack) in err
    assert "aliases expand" in err
    assert rss < GIB


def test_billion_laughs_in_a_config_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text(f"{_LAUGHS}\n", encoding="utf-8")
    (tmp_path / "posting.md").write_text("# T\n\nHello.\n", encoding="utf-8")
    code, _, err, _ = run_measured("check", "posting.md", cwd=tmp_path)
    assert code == 2
    assert ".postlint.yaml" in err


def test_front_matter_never_executes_anything(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    posting = tmp_path / "tags.md"
    posting.write_text(
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\n# Engineer\n\nHello.\n',
        encoding="utf-8",
    )
    code, out, err, _ = run_measured("check", "--format", "json", posting.name, cwd=tmp_path)
    assert code in (0, 1), err
    assert "postlint/front-matter" in json_rules(out)
    assert not marker.exists()


# --- odd bytes and odd structure --------------------------------------------------------------

ODD_FILES: dict[str, bytes] = {
    "nul.md": b"# Engineer\n\nhello\x00world\n",
    "surrogate.md": b"# Engineer\n\n" + b"\xed\xa0\x80 a lone surrogate, encoded\n",
    "invalid.txt": b"Engineer\n\nCaf\xe9 \xff\xfe staff\n",
    "binary.md": bytes(range(256)) * 64,
    "deep-quotes.md": ("# T\n\n" + "> " * 5000 + "deep\n").encode(),
    "deep-brackets.md": ("# T\n\n" + "[" * 20000 + "x" + "]" * 20000 + "\n").encode(),
    "deep-lists.md": ("# T\n\n" + "".join("  " * i + "- item\n" for i in range(400))).encode(),
    "deep.html": ("<html><body>" + "<div>" * 50000 + "deep" + "</div>" * 50000 + "</body></html>").encode(),
    "unclosed.html": ("<html><body>" + "<ul><li>" * 20000 + "text").encode(),
}


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_odd_files_are_reported_not_crashed_on(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(ODD_FILES[name])
    code, out, err, rss = run_measured("check", "--format", "json", name, cwd=tmp_path)
    assert code in (0, 1), err
    assert "Traceback" not in err
    report = json.loads(out)
    assert report["summary"]["files"] == 1
    assert rss < GIB


def test_invalid_utf8_and_nul_bytes_are_named(tmp_path: Path) -> None:
    for name in ("nul.md", "surrogate.md", "invalid.txt", "binary.md"):
        (tmp_path / name).write_bytes(ODD_FILES[name])
    code, out, err, _ = run_measured("check", "--format", "json", ".", cwd=tmp_path)
    assert code == 1, err
    by_file: dict[str, set[str]] = {}
    for v in json.loads(out)["violations"]:
        by_file.setdefault(Path(v["path"]).name, set()).add(v["rule"])
    assert "encoding/invalid-utf8" in by_file["surrogate.md"]
    assert "encoding/invalid-utf8" in by_file["invalid.txt"]
    assert by_file["binary.md"] & {"postlint/binary-file"}
    assert by_file["nul.md"] & {"encoding/control-char", "postlint/binary-file"}


# --- size -------------------------------------------------------------------------------------


def test_a_50_mb_posting_is_reported_as_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("# Engineer\n\n")
        paragraph = "We build tools for recruiters and write clear postings. " * 20 + "\n\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(paragraph)
    code, out, err, rss = run_measured("check", "--format", "json", "--fail-on", "warning", big.name, cwd=tmp_path)
    assert code == 1, err
    assert json_rules(out) == ["postlint/file-too-large"]
    assert rss < GIB


@pytest.mark.slow
def test_a_posting_that_is_one_10_mb_line_is_linted_in_bounded_time_and_memory(tmp_path: Path) -> None:
    line = tmp_path / "line.md"
    line.write_text("# Engineer\n\n" + "word " * (2 * 1024 * 1024 - 3) + "\n", encoding="utf-8")
    assert line.stat().st_size < 10 * 1024 * 1024 + 100
    code, out, err, rss = run_measured("check", "--format", "json", line.name, cwd=tmp_path, timeout=300)
    assert code in (0, 1), err
    assert "postlint/file-too-large" not in json_rules(out)
    assert rss < GIB


# --- values YAML cannot build -----------------------------------------------------------------

BAD_SCALARS = {
    "impossible date": "2024-02-30",
    "huge integer": "9" * 5000,
}


@pytest.mark.parametrize("value", sorted(BAD_SCALARS.values()), ids=sorted(BAD_SCALARS))
def test_a_bad_value_in_front_matter_is_a_finding_and_the_run_goes_on(tmp_path: Path, value: str) -> None:
    (tmp_path / "a-bad.md").write_text(f"---\ntitle: Engineer\nposted: {value}\n---\n# Engineer\n\nHi.\n", "utf-8")
    (tmp_path / "b-good.md").write_text("# Engineer\n\nWe\u201a\u00c4\u00f4re hiring.\n", encoding="utf-8")
    code, out, err, _ = run_measured("check", "--format", "json", ".", cwd=tmp_path, timeout=60)
    assert code == 1, err
    found = [(Path(v["path"]).name, v["rule"], v["line"]) for v in json.loads(out)["violations"]]
    assert ("a-bad.md", "postlint/front-matter", 3) in found
    assert any(name == "b-good.md" and rule == "encoding/mojibake" for name, rule, _ in found)


def test_huge_and_infinite_pay_figures_in_front_matter_are_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "pay.md").write_text(
        f"---\nsalary_min: {'9' * 400}\nsalary_max: .inf\nsalary: '${'9' * 400}'\n---\n# Engineer\n\n"
        f"Pay: ${'9' * 300} to ${'9' * 301} per year.\n",
        encoding="utf-8",
    )
    code, _, err, _ = run_measured("check", "--format", "json", "pay.md", cwd=tmp_path, timeout=60)
    assert code in (0, 1), err


@pytest.mark.parametrize("value", sorted(BAD_SCALARS.values()), ids=sorted(BAD_SCALARS))
def test_a_bad_value_in_a_config_or_pack_is_exit_2_with_file_and_line(tmp_path: Path, value: str) -> None:
    (tmp_path / "p.md").write_text("# Engineer\n\nHi.\n", encoding="utf-8")
    config = tmp_path / "bad-config.yaml"
    config.write_text(f"fail-on: error\njurisdictions: [{value}]\n", encoding="utf-8")
    code, _, err, _ = run_measured("check", "--config", config.name, "p.md", cwd=tmp_path, timeout=60)
    assert code == 2, err
    assert "bad-config.yaml:2:" in err and "Traceback" not in err
    pack = _pack(tmp_path, "a")
    pack.write_text(pack.read_text(encoding="utf-8") + f"    version: {value}\n", encoding="utf-8")
    code, _, err, _ = run_measured("check", "--pack", pack.name, "p.md", cwd=tmp_path, timeout=60)
    assert code == 2, err
    assert "hostile.yaml:14:" in err and "Traceback" not in err


# --- batch mode and the result cache ------------------------------------------------------------

_DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_jsonl_records_are_error_lines_and_the_stream_goes_on(tmp_path: Path, jobs: str) -> None:
    records = [
        '{"id": "first", "text": "# Engineer\\n\\nHello."}',
        '{"id": "deep", "text": "x", "extra": ' + _DEEP + "}",
        '{"id": NaN, "text": "x"}',
        '{"id": 1e400, "text": "x"}',
        '{"id": -Infinity, "text": "x"}',
        '{"id": "last", "text": "# Engineer\\n\\nHello."}',
    ]
    (tmp_path / "in.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    code, out, err, _ = run_measured("check", "--input", "jsonl", "--jobs", jobs, "in.jsonl", cwd=tmp_path)
    assert code == 2, err  # malformed records, no internal error
    lines = [json.loads(line) for line in out.splitlines()]  # every line is valid JSON (no NaN)
    assert [line["line"] for line in lines] == [1, 2, 3, 4, 5, 6]
    assert lines[0]["id"] == "first" and lines[-1]["id"] == "last"
    assert all(line["error"] for line in lines[1:5])
    for line in out.splitlines():
        json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in the output"))


def test_a_planted_result_cache_line_nested_too_deeply_is_ignored(tmp_path: Path) -> None:
    posting = tmp_path / "p.md"
    posting.write_text("# Engineer\n\nWe\u201a\u00c4\u00f4re hiring.\n", encoding="utf-8")
    code, first, err, _ = run_measured("check", "--format", "json", "p.md", cwd=tmp_path)
    assert code == 1, err
    index = [p for p in (tmp_path / ".postlint_cache").rglob("*") if p.is_file() and p.suffix not in ("", ".TAG")]
    index = [p for p in index if b"\t" in p.read_bytes()]
    assert index, list((tmp_path / ".postlint_cache").rglob("*"))
    for path in index:
        lines = path.read_bytes().split(b"\n")
        planted = [line.rsplit(b"\t", 1)[0] + b"\t" + _DEEP.encode() if b"\t" in line else line for line in lines]
        path.write_bytes(b"\n".join(planted))
    code, again, err, _ = run_measured("check", "--format", "json", "p.md", cwd=tmp_path)
    assert code == 1, err
    assert json_rules(again) == json_rules(first)


# --- the compiled-pack cache --------------------------------------------------------------------


class _Planted:
    """A pickle that, when loaded, leaves a marker file: what someone who can write the cache could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.touch, (self.marker,))


def _plant(folder: Path, marker: Path) -> int:
    import pickle

    planted = 0
    for entry in folder.glob("*.pickle"):
        entry.write_bytes(pickle.dumps(_Planted(marker)))
        planted += 1
    return planted


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="no file owners here")
@pytest.mark.parametrize("loose", ["folder", "files"])
def test_a_cache_others_can_write_is_not_unpickled(tmp_path: Path, loose: str) -> None:
    import os

    (tmp_path / "p.md").write_text("# Engineer\n\nHello.\n", encoding="utf-8")
    cache, marker = tmp_path / "shared-cache", tmp_path / "pwned"
    env = {"POSTLINT_CACHE_DIR": str(cache)}
    code, _, err = run_cli("check", "p.md", cwd=tmp_path, env=env)
    assert code in (0, 1), err
    assert "warning" not in err  # made private, and used
    assert _plant(cache, marker) > 0
    if loose == "folder":
        os.chmod(cache, 0o777)
    else:
        for entry in cache.glob("*.pickle"):
            os.chmod(entry, 0o666)
    code, _, err = run_cli("check", "p.md", cwd=tmp_path, env=env)
    assert code in (0, 1), err
    assert not marker.exists()
    if loose == "folder":
        assert err.count("not using the cache") == 1, err
        assert "mode 777" in err
    code, _, err = run_cli("check", "--no-cache", "p.md", cwd=tmp_path, env=env)
    assert not marker.exists() and "not using the cache" not in err


def test_a_cache_folder_that_is_a_link_is_not_used(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text("# Engineer\n\nHello.\n", encoding="utf-8")
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "link").symlink_to("real")
    code, _, err = run_cli("check", "p.md", cwd=tmp_path, env={"POSTLINT_CACHE_DIR": str(tmp_path / "link")})
    assert code in (0, 1), err
    assert "not using the cache" in err and "symbolic link" in err
    assert not list((tmp_path / "real").iterdir())


# --- a pack regex the load-time check cannot catch: the time budget ----------------------------------

BYPASSES = [
    r"(a*){16}$",
    r"a*a*a*a*a*a*$",
    r"(?i:(ab|AB)+)$",
    r"(\u0100|\u0100)+$",
    r"(\u0100+)+$",
    r"(a)\1*$",
    r"(a)?(?(1)a|b)+$",
    r"(x+x+)+y",
]


@pytest.mark.parametrize("pattern", BYPASSES)
def test_patterns_that_got_past_the_check_are_refused(pattern: str) -> None:
    with pytest.raises(UnsafeRegex):
        check_regex(pattern)


@pytest.mark.parametrize("pattern", [r"(?>a+)+$", r"(a++)+$", r"\s*\w+\s*", r".*foo.*bar.*"])
def test_atomic_possessive_and_separated_patterns_are_accepted(pattern: str) -> None:
    check_regex(pattern)


def test_two_patterns_safe_apart_are_checked_together_under_the_rules_flags() -> None:
    from postlint.kinds.spec_base import combine_regexes

    combine_regexes([r"(?:ab)+$", r"x"], 0)
    with pytest.raises(UnsafeRegex):
        combine_regexes([r"(ab|AB)+$", r"x"], re.IGNORECASE)


def test_an_atomic_group_holding_an_assertion_gets_no_prefilter() -> None:
    from postlint.prefilter import Prefilter

    assert Prefilter.of(re.compile(r"(?>(?:a+)+(?=b))c")) is None
    assert Prefilter.of(re.compile(r"(?>a+)c")) is not None


def test_a_slow_pack_rule_is_stopped_and_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "a+b")  # accepted (quadratic, not exponential): a+ is retried from every a
    (tmp_path / ".postlint.yaml").write_text(f"packs: [builtin, {pack.name}]\npack-timeout: 1\n", "utf-8")
    (tmp_path / "a-slow.md").write_text("# Engineer\n\n" + "a" * 400_000 + "\n", encoding="utf-8")
    (tmp_path / "b-fine.md").write_text("# Engineer\n\nWe\u201a\u00c4\u00f4re hiring. b\n", encoding="utf-8")
    code, out, err, _ = run_measured("check", "--no-cache", "--format", "json", ".", cwd=tmp_path, timeout=120)
    assert code == 1, err
    found: dict[str, set[str]] = {}
    for v in json.loads(out)["violations"]:
        found.setdefault(v["path"], set()).add(v["rule"])
    assert "postlint/timeout" in found["a-slow.md"]
    assert "quality/too-short" in found["a-slow.md"]  # the built-in rules still ran on it
    assert "encoding/mojibake" in found["b-fine.md"]
    assert "postlint/timeout" not in found["b-fine.md"]


# --- small holes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", ["{match:>99999999999}", "{match:.99999}", "{match:{match}}"])
def test_a_message_asking_for_a_huge_width_is_refused_at_load(tmp_path: Path, spec: str) -> None:
    pack = _pack(tmp_path, "a")
    pack.write_text(pack.read_text(encoding="utf-8").replace("message: matched", f"message: '{spec}'"), "utf-8")
    (tmp_path / "p.md").write_text("# Engineer\n\na\n", encoding="utf-8")
    code, _, err, _ = run_measured("check", "--pack", pack.name, "p.md", cwd=tmp_path, timeout=60)
    assert code == 2, err
    assert "hostile.yaml:" in err and "999" in err and "Traceback" not in err


@pytest.mark.parametrize("network", ["169.254.0.0/16", "169.254.169.0/24", "0.0.0.0/0", "::ffff:0:0/96"])
def test_an_allowed_network_that_contains_the_metadata_address_does_not_open_it(network: str) -> None:
    import ipaddress

    from postlint.links.safety import AddressPolicy

    policy = AddressPolicy.from_setting([network])
    assert policy.address_problem("169.254.169.254", ipaddress.ip_address("169.254.169.254")) is not None
    exact = AddressPolicy.from_setting(["169.254.169.254"])
    assert exact.address_problem("169.254.169.254", ipaddress.ip_address("169.254.169.254")) is None
    if network == "169.254.0.0/16":
        assert policy.address_problem("x", ipaddress.ip_address("169.254.1.1")) is None  # the rest of it is open
