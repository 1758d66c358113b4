"""Files a pull request can commit that are not ordinary postings: links out of the tree, FIFOs, devices.

Every case builds the files for real and runs the real CLI in a subprocess (with a
timeout as the backstop: a FIFO that is opened blocks forever).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

SECRET = "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n[Insert zqmarker location]\n"
POSTING = "# Engineer\n\nWe\u201a\u00c4\u00f4re hiring.\n"  # mojibake: a safe fix exists


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A repository folder beside a file outside it that must never be read."""
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "credentials.md").write_text(SECRET, encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    return repo


def rules_by_file(stdout: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for v in json.loads(stdout)["violations"]:
        found.setdefault(Path(v["path"]).name, set()).add(v["rule"])
    return found


def test_a_link_out_of_the_tree_is_reported_not_read(tree: Path) -> None:
    (tree / "notes.md").symlink_to("../home/credentials.md")
    for fmt in ("text", "json", "html", "sarif", "github"):
        code, out, err = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=tree)
        assert code == 1, err
        assert "wJalrXUtnFEMI" not in out + err
        assert "zqmarker" not in out + err
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", "notes.md", cwd=tree)
    assert rules_by_file(out)["notes.md"] == {"postlint/symlink"}
    code, out, err = run_cli("inspect", "notes.md", cwd=tree)
    assert code == 0, err
    assert "symlink" in out and "wJalrXUtnFEMI" not in out


def test_a_link_out_of_the_folder_given_is_refused_even_inside_the_current_folder(tree: Path) -> None:
    (tree / "postings").mkdir()
    (tree / "shared.md").write_text(POSTING, encoding="utf-8")
    (tree / "postings" / "a.md").symlink_to("../shared.md")
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", "postings", cwd=tree)
    assert rules_by_file(out)["a.md"] == {"postlint/symlink"}
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tree)
    assert "postlint/symlink" not in rules_by_file(out)["a.md"]
    assert "encoding/mojibake" in rules_by_file(out)["a.md"]


def test_follow_symlinks_reads_a_link_out_of_the_tree(tree: Path) -> None:
    (tree / "notes.md").symlink_to("../home/credentials.md")
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", "--follow-symlinks", ".", cwd=tree)
    assert "quality/placeholder" in rules_by_file(out)["notes.md"]


def test_a_link_inside_the_tree_is_followed(tree: Path) -> None:
    (tree / "real.md").write_text(POSTING, encoding="utf-8")
    (tree / "link.md").symlink_to("real.md")
    _, out, _ = run_cli("check", "--format", "json", ".", cwd=tree)
    assert "encoding/mojibake" in rules_by_file(out)["link.md"]
    _, out, _ = run_cli("check", "--format", "json", ".", cwd=tree)  # the cached re-run
    assert "encoding/mojibake" in rules_by_file(out)["link.md"]


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom", "nowhere.md"])
def test_links_to_devices_and_to_nothing_are_reported(tree: Path, target: str) -> None:
    if target.startswith("/dev/") and not Path(target).exists():
        pytest.skip(f"no {target} here")
    (tree / "zero.md").symlink_to(target)
    for extra in ([], ["--follow-symlinks"]):
        code, out, err = run_cli("check", "--no-cache", "--format", "json", *extra, ".", cwd=tree)
        assert code == 1, err
        assert rules_by_file(out)["zero.md"] == {"postlint/symlink"}
        code, out, err = run_cli("check", "--no-cache", "--format", "json", *extra, "zero.md", cwd=tree)
        assert code == 1, err
    code, _, err = run_cli("fix", "--follow-symlinks", ".", cwd=tree)
    assert code == 0, err
    assert (tree / "zero.md").is_symlink()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_reported_without_being_opened(tree: Path) -> None:
    os.mkfifo(tree / "pipe.md")
    (tree / "ok.md").write_text(POSTING, encoding="utf-8")
    (tree / "via-link.md").symlink_to("pipe.md")
    code, out, err = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tree)
    assert code == 1, err
    found = rules_by_file(out)
    assert found["pipe.md"] == {"postlint/special-file"}
    assert found["via-link.md"] == {"postlint/symlink"}
    assert "encoding/mojibake" in found["ok.md"]
    code, out, err = run_cli("check", "--no-cache", "pipe.md", cwd=tree)
    assert code == 1 and "postlint/special-file" in out, err
    code, out, err = run_cli("inspect", "pipe.md", cwd=tree)
    assert code == 0 and "special-file" in out, err
    code, out, err = run_cli("fix", ".", cwd=tree)
    assert code == 0, err
    code, out, err = run_cli("check", "--no-cache", "--jobs", "2", "--format", "json", ".", cwd=tree)
    assert code == 1, err


def test_fix_never_turns_a_link_into_a_regular_file(tree: Path) -> None:
    outside = tree.parent / "home" / "posting.md"
    outside.write_text(POSTING, encoding="utf-8")
    (tree / "out.md").symlink_to("../home/posting.md")
    (tree / "target.md").write_text(POSTING, encoding="utf-8")
    (tree / "in.md").symlink_to("target.md")
    code, _, err = run_cli("fix", "--follow-symlinks", ".", cwd=tree)
    assert code == 0, err
    assert (tree / "out.md").is_symlink() and (tree / "in.md").is_symlink()
    assert outside.read_text(encoding="utf-8") == POSTING  # never written through a link that leaves the tree
    assert "out.md: not rewritten" in err
    assert "\u201a\u00c4\u00f4" not in (tree / "target.md").read_text(encoding="utf-8")  # written through, inside
    code, _, err = run_cli("fix", ".", cwd=tree)
    assert code == 0, err
    assert (tree / "out.md").is_symlink()
    assert outside.read_text(encoding="utf-8") == POSTING


def test_a_file_growing_past_its_stated_size_is_read_only_to_the_limit(tmp_path: Path) -> None:
    from postlint.safe_read import ReadPolicy, Refused, open_posting

    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(Refused) as refused:
        open_posting(str(path), ReadPolicy.for_arguments([str(tmp_path)]), 1024)
    assert refused.value.code == "file-too-large"
    assert open_posting(str(path), ReadPolicy.for_arguments([str(tmp_path)]), 4096).data == b"x" * 2048


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path: Path) -> None:
    if os.uname().sysname == "Darwin":
        pytest.skip("macOS refuses file names that are not UTF-8")
    (tmp_path / os.fsdecode(b"caf\xe9.md")).write_text(POSTING, encoding="utf-8")
    for fmt in ("json", "sarif", "text", "github", "html", "junit"):
        code, out, err = run_cli("check", "--no-cache", "--format", fmt, ".", cwd=tmp_path)
        assert code == 1, (fmt, err)
        assert any(form in out for form in ("caf\\xe9.md", "caf\\\\xe9.md", "caf%E9.md")), fmt
    _, out, _ = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert {v["path"] for v in json.loads(out)["violations"]} == {"caf\\xe9.md"}
    _, out, _ = run_cli("check", "--no-cache", "--format", "sarif", ".", cwd=tmp_path)
    run = json.loads(out)["runs"][0]
    assert run["artifacts"][0]["location"]["uri"] == "caf%E9.md"
    code, _, err = run_cli("fix", ".", cwd=tmp_path)
    assert code == 0 and "caf\\xe9.md: applied" in err, err


def test_a_file_name_cannot_inject_lines_into_a_ci_log(tmp_path: Path) -> None:
    name = "x\n::warning file=README.md,line=1::pwned\r::error::also.md"
    (tmp_path / name).write_text(POSTING, encoding="utf-8")
    for command in (["check", "--no-cache", "--format", "text", "."], ["fix", "--check", "."], ["fix", "."]):
        _, out, err = run_cli(*command, cwd=tmp_path)
        for line in (out + err).replace("\r", "\n").split("\n"):
            assert not line.startswith("::"), (command, line)
    _, out, _ = run_cli("check", "--no-cache", "--format", "github", ".", cwd=tmp_path)
    assert all(line.startswith("::") for line in out.splitlines())
    code, _, err = run_cli("check", "--", "nowhere\n::error::x.md", cwd=tmp_path)
    assert code == 2 and "\n::" not in err


ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(ROOT_USER or not hasattr(os, "geteuid"), reason="root can write a read-only folder")
def test_fix_in_a_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "p.md").write_text(POSTING, encoding="utf-8")
    folder.chmod(0o555)
    try:
        code, _, err = run_cli("fix", "ro", cwd=tmp_path)
    finally:
        folder.chmod(0o755)
    assert code == 2, err
    assert "ro/p.md: not rewritten" in err and "internal error" not in err
    assert (folder / "p.md").read_text(encoding="utf-8") == POSTING


@pytest.mark.skipif(ROOT_USER or not hasattr(os, "geteuid"), reason="root can read any folder")
def test_an_unreadable_sub_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "p.md").write_text(POSTING, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        code, out, err = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert code == 1, err
    assert rules_by_file(out)["locked"] == {"postlint/unreadable"}


@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_fix_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    posting = tmp_path / "p.md"
    posting.write_text(POSTING, encoding="utf-8")
    os.chown(posting, 65534, 65534)
    code, _, err = run_cli("fix", "p.md", cwd=tmp_path)
    assert code == 0, err
    status = posting.stat()
    assert (status.st_uid, status.st_gid) == (65534, 65534)
    assert "\u201a\u00c4\u00f4" not in posting.read_text(encoding="utf-8")


def test_init_force_over_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").mkdir()
    code, _, err = run_cli("init", "--force", cwd=tmp_path)
    assert code == 2, err
    assert ".postlint.yaml" in err and "folder" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_config_pack_or_baseline_that_is_a_fifo_or_device_is_exit_2_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(POSTING, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "config.yaml").symlink_to("pipe.yaml")
    for args in (
        ["--config", "config.yaml"],
        ["--config", "zero.yaml"],
        ["--pack", "pipe.yaml"],
        ["--pack", "zero.yaml"],
        ["--baseline", "pipe.yaml"],
    ):
        code, _, err = run_cli("check", "--no-cache", *args, "p.md", cwd=tmp_path)
        assert code == 2, (args, err)
        assert "Traceback" not in err
