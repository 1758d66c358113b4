"""`postlint fix` in real subprocesses: repairs, and never loses or reshapes a user's bytes."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from conftest import cli_env

GARBLED = "# Role\r\n\r\n#### `\uf8ffüí∞ USD 110k~190k` `üåé Phoenix, AZ`\r\n\r\nWe‚Äôve got a role for you."
FIXED = "# Role\r\n\r\n#### `💰 USD 110k~190k` `🌎 Phoenix, AZ`\r\n\r\nWe’ve got a role for you."


def _postlint(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI keeping stdout as bytes: these tests compare bytes exactly."""
    env = cli_env({"POSTLINT_CACHE_DIR": str(cwd / ".cache")})
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args], cwd=cwd, env=env, input=stdin, capture_output=True, check=False
    )


def test_fix_repairs_mojibake_keeping_bom_crlf_mode_and_missing_final_newline(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_bytes(b"\xef\xbb\xbf" + GARBLED.encode("utf-8"))
    posting.chmod(0o640)
    proc = _postlint(tmp_path, "fix", "job.md", "--select", "encoding")
    assert proc.returncode == 0, proc.stderr
    assert posting.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode("utf-8")
    assert stat.S_IMODE(posting.stat().st_mode) == 0o640
    assert list(tmp_path.glob("*.postlint-tmp")) == []


def test_fix_is_idempotent(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("Send your rÃ©sumÃ© â€“ weâ€™re hiring.\n", encoding="utf-8")
    assert _postlint(tmp_path, "fix", "job.md", "--select", "encoding").returncode == 0
    once = posting.read_bytes()
    assert once == "Send your résumé – we’re hiring.\n".encode()
    check = _postlint(tmp_path, "fix", "job.md", "--select", "encoding", "--check")
    assert check.returncode == 0, check.stdout
    assert posting.read_bytes() == once


def test_fix_diff_and_check_write_nothing(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text("We‚Äôve got it.\n", encoding="utf-8")
    diff = _postlint(tmp_path, "fix", "job.md", "--diff")
    assert b"-We\xe2\x80\x9a\xc3\x84\xc3\xb4ve got it." in diff.stdout
    assert "+We’ve got it.".encode() in diff.stdout
    assert _postlint(tmp_path, "fix", "job.md", "--check").returncode == 1
    assert posting.read_text(encoding="utf-8") == "We‚Äôve got it.\n"


def test_lossy_repairs_need_unsafe_fixes(tmp_path: Path) -> None:
    posting = tmp_path / "job.txt"
    posting.write_text("Pay: $74,375 â $95,390; the officeâs work.\n", encoding="utf-8")
    _postlint(tmp_path, "fix", "job.txt", "--select", "encoding")
    assert posting.read_text(encoding="utf-8") == "Pay: $74,375 â $95,390; the officeâs work.\n"
    _postlint(tmp_path, "fix", "job.txt", "--select", "encoding", "--unsafe-fixes")
    assert posting.read_text(encoding="utf-8") == "Pay: $74,375 – $95,390; the office’s work.\n"


def test_fix_reads_standard_input_and_writes_standard_output(tmp_path: Path) -> None:
    proc = _postlint(tmp_path, "fix", "-", "--stdin-filename", "job.txt", stdin="weâ€™re hiring\r\n".encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "we’re hiring\r\n".encode()


def test_a_file_that_is_not_utf8_is_rewritten_only_with_unsafe_fixes(tmp_path: Path) -> None:
    legacy = "Café staff wanted in Montréal – apply now.\r\n".encode("cp1252")
    posting = tmp_path / "job.txt"
    posting.write_bytes(legacy)
    safe = _postlint(tmp_path, "fix", "job.txt")
    assert b"not valid UTF-8" in safe.stderr
    assert posting.read_bytes() == legacy
    unsafe = _postlint(tmp_path, "fix", "job.txt", "--unsafe-fixes", "--select", "encoding")
    assert unsafe.returncode == 0, unsafe.stderr
    assert posting.read_bytes() == "Café staff wanted in Montréal – apply now.\r\n".encode()


def test_standard_input_that_is_not_utf8_is_refused_not_mangled(tmp_path: Path) -> None:
    proc = _postlint(tmp_path, "fix", "-", "--stdin-filename", "job.txt", stdin="Café \x81".encode("latin-1"))
    assert proc.returncode == 2
    assert proc.stdout == b""
