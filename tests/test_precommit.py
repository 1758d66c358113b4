"""The hooks in .pre-commit-hooks.yaml, run by a real pre-commit in a postings repository built here.

pre-commit installs postlint from a git repository at a commit. The commit used is a snapshot
of this checkout's working tree (tracked and untracked files, as git lists them), made in a
temporary repository, so uncommitted changes are tested too and the checkout's own git state
is only read. pre-commit builds one virtualenv (postlint and its dependencies from the package
index) in a PRE_COMMIT_HOME shared by the module; later runs reuse it.

The postings repository's .postlint.yaml names the built-in packs these postings are about, so
that packs added to postlint later cannot change what these tests show.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

CLEAN = EXAMPLES / "clean" / "backend-engineer-denver.md"
FLAWED = EXAMPLES / "flawed" / "template-leftovers.md"  # '[Insert location]' at 7:11
CONFIG = "packs: [quality, encoding, eeo, pay, visa]\n"
PACK = """\
pack: acme
version: "1"
description: ACME's own rules.
rules:
  - id: acme/codename
    kind: forbid
    severity: error
    message: "Internal code name '{match}'"
    description: Code names mean nothing to candidates.
    references: [https://example.com/style]
    terms: [Project Falcon]
    examples:
      pass: ["Join our payments team."]
      fail: [%s]
"""
GOOD_PACK = PACK % '"Project Falcon launches in May."'
BAD_PACK = PACK % '"Project Eagle launches in May."'  # the rule does not fire on its own fail example

Run = Callable[..., tuple[int, str]]


def git_env(home: Path) -> dict[str, str]:
    """Git away from the user's configuration; no variable that would make the hook import this checkout."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "GITHUB_ACTIONS", "VIRTUAL_ENV"}}
    env |= {
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(home),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "NO_COLOR": "1",
    }
    return env


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def snapshot(target: Path, env: dict[str, str]) -> str:
    """Commit this checkout's working tree (what git would add with `add -A`) in a new repository at `target`."""
    listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    target.mkdir()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # listed but deleted in the working tree: not part of it
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, env, "init", "--quiet")
    git(target, env, "add", "-A")
    git(target, env, "commit", "--quiet", "-m", "snapshot of the working tree")
    return git(target, env, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Run, Path, dict[str, str]]:
    """`run(*pre_commit_args)` in a postings repository whose hooks come from this checkout."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit needs the hooks in a git repository")
    base = tmp_path_factory.mktemp("precommit")
    env = git_env(base / "home") | {"PRE_COMMIT_HOME": str(base / "pre-commit-home")}
    (base / "home").mkdir()
    rev = snapshot(base / "postlint", env)
    repo = base / "postings"
    repo.mkdir()
    git(repo, env, "init", "--quiet")
    hooks = "\n".join(f"      - id: {hook}" for hook in ("postlint", "postlint-fix", "postlint-packs"))
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {base / 'postlint'}\n    rev: {rev}\n    hooks:\n{hooks}\n", encoding="utf-8"
    )
    (repo / ".postlint.yaml").write_text(CONFIG, encoding="utf-8")
    git(repo, env, "add", "-A")
    git(repo, env, "commit", "--quiet", "-m", "configuration")

    def run_pre_commit(*args: str) -> tuple[int, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        return proc.returncode, proc.stdout + proc.stderr

    code, out = run_pre_commit("install-hooks")  # the one slow step: a virtualenv with postlint in it
    assert code == 0, out
    return run_pre_commit, repo, env


def add(repo: Path, env: dict[str, str], name: str, text: str) -> str:
    """Write a file and stage it (pre-commit sees what a fixer changed by diffing tracked files)."""
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, env, "add", "--", name)
    return name


def test_check_hook_passes_a_clean_posting_and_fails_a_flawed_one(run) -> None:
    run_pre_commit, repo, env = run
    clean = add(repo, env, "postings/clean.md", CLEAN.read_text(encoding="utf-8"))
    flawed = add(repo, env, "postings/flawed.md", FLAWED.read_text(encoding="utf-8"))
    code, out = run_pre_commit("run", "postlint", "--files", clean)
    assert code == 0, out
    assert re.search(r"^postlint\.+Passed$", out, re.M), out
    code, out = run_pre_commit("run", "postlint", "--files", clean, flawed)
    assert code == 1, out
    assert re.search(r"^postlint\.+Failed$", out, re.M), out
    assert re.search(r"^postings/flawed\.md:7:11: error quality/placeholder ", out, re.M), out
    assert not re.search(r"^postings/clean\.md:\d+:\d+: error ", out, re.M), out


def test_hooks_run_on_markdown_html_and_text_only(run) -> None:
    run_pre_commit, repo, env = run
    short = (EXAMPLES / "flawed" / "too-short.txt").read_text(encoding="utf-8")
    text = add(repo, env, "postings/short.txt", short + "\nLorem ipsum dolor sit amet.\n")  # an error: the hook fails
    html = add(repo, env, "postings/page.htm", (EXAMPLES / "clean" / "nurse-educator-seattle.html").read_text("utf-8"))
    other = add(repo, env, "notes.json", '{"title": "[Company Name]"}\n')
    code, out = run_pre_commit("run", "postlint", "--files", text, html, other)
    assert code == 1, out
    assert re.search(r"^postings/short\.txt:\d+:\d+: ", out, re.M), out
    assert not re.search(r"^postings/page\.htm:\d+:\d+: error ", out, re.M), out
    assert "notes.json" not in out
    code, out = run_pre_commit("run", "postlint", "--files", other)
    assert code == 0, out
    assert re.search(r"^postlint\.+\(no files to check\)Skipped$", out, re.M), out


def test_fix_hook_repairs_mojibake(run) -> None:
    run_pre_commit, repo, env = run
    clean = CLEAN.read_text(encoding="utf-8")
    broken = clean.rstrip("\n") + "\n\nWe‚Äôve kept this team together for ten years.\n"
    name = add(repo, env, "postings/mojibake.md", broken)
    code, out = run_pre_commit("run", "postlint", "--files", name)
    assert code == 1 and "encoding/mojibake" in out, out
    code, out = run_pre_commit("run", "postlint-fix", "--files", name)
    assert code == 1, out  # pre-commit fails a hook that changed files, so that the change is reviewed
    assert "files were modified by this hook" in out
    assert (repo / name).read_text(encoding="utf-8") == broken.replace("We‚Äôve", "We’ve")
    git(repo, env, "add", name)
    code, out = run_pre_commit("run", "postlint-fix", "--files", name)
    assert code == 0, out
    code, out = run_pre_commit("run", "postlint", "--files", name)
    assert code == 0, out


def test_packs_hook_tests_changed_packs_only(run) -> None:
    run_pre_commit, repo, env = run
    good = add(repo, env, "postlint-packs/acme.yaml", GOOD_PACK)
    bad = add(repo, env, ".postlint/eagle.yaml", BAD_PACK)
    elsewhere = add(repo, env, "deploy/acme.yaml", BAD_PACK)
    code, out = run_pre_commit("run", "postlint-packs", "--files", good)
    assert code == 0, out
    code, out = run_pre_commit("run", "postlint-packs", "--files", good, bad)
    assert code == 1, out
    assert re.search(r"eagle\.yaml:\d+: acme/codename fail\[0\]", out), out
    code, out = run_pre_commit("run", "postlint-packs", "--files", elsewhere)
    assert code == 0 and "(no files to check)Skipped" in out, out


def test_a_commit_with_a_flawed_posting_is_stopped(run) -> None:
    run_pre_commit, repo, env = run
    code, out = run_pre_commit("install")
    assert code == 0, out
    git(repo, env, "reset", "--quiet")  # unstage what other tests left
    head = git(repo, env, "rev-parse", "HEAD")
    add(repo, env, "postings/leftovers.md", FLAWED.read_text(encoding="utf-8"))
    proc = subprocess.run(
        ["git", "commit", "-m", "a flawed posting"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "quality/placeholder" in proc.stdout + proc.stderr
    assert git(repo, env, "rev-parse", "HEAD") == head
    git(repo, env, "rm", "--quiet", "--cached", "postings/leftovers.md")
    add(repo, env, "postings/denver.md", CLEAN.read_text(encoding="utf-8"))
    proc = subprocess.run(
        ["git", "commit", "-m", "a clean posting"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert git(repo, env, "rev-parse", "HEAD") != head


@pytest.mark.parametrize(
    "name",
    ["--config=cfg.md", "--pack=evil.yaml.md", "--output=README.md", "-o.md", "--select=none.md"],
)
def test_a_file_named_like_an_option_stays_a_file_name(run, name: str) -> None:
    """Staged file names come from whoever opened the pull request: none of them may become an option."""
    run_pre_commit, repo, env = run
    git(repo, env, "reset", "--quiet")
    (repo / "cfg.md").write_text("packs: []\n", encoding="utf-8")  # a config that would turn every rule off
    (repo / "evil.yaml.md").write_text("pack: evil\n", encoding="utf-8")
    readme = add(repo, env, "README.md", "# Our postings\n")
    add(repo, env, "cfg.md", "packs: []\n")
    hostile = add(repo, env, name, FLAWED.read_text(encoding="utf-8"))
    # --all-files: pre-commit's own command line would read the name as its option; a commit passes it as is.
    for hook in ("postlint", "postlint-fix"):
        code, out = run_pre_commit("run", hook, "--all-files")
        assert code == (1 if hook == "postlint" else 0), out
        assert (repo / readme).read_text(encoding="utf-8") == "# Our postings\n"
    code, out = run_pre_commit("run", "postlint", "--all-files")
    assert re.search(rf"^{re.escape(name)}:7:11: error quality/placeholder ", out, re.M), out
    git(repo, env, "rm", "--quiet", "-f", "--", hostile, "cfg.md", readme)


def test_the_hook_skips_files_that_are_not_postings(run) -> None:
    """A postings repository's README and docs are not postings: the hook fails on the posting only."""
    run_pre_commit, repo, env = run
    git(repo, env, "reset", "--quiet")
    readme = add(repo, env, "README.md", "# Our postings\n\nOne file per opening; see docs/.\n")
    guide = add(repo, env, "docs/how-to-post.md", "# How to post\n\nCopy a posting and edit it.\n")
    flawed = add(repo, env, "postings/leftovers.md", FLAWED.read_text(encoding="utf-8"))
    code, out = run_pre_commit("run", "postlint", "--files", readme, guide, flawed)
    assert code == 1, out
    assert re.search(r"^postings/leftovers\.md:7:11: error quality/placeholder ", out, re.M), out
    assert not re.search(r"^(README\.md|docs/how-to-post\.md):\d+:\d+: ", out, re.M), out
    assert "skipped" not in out  # the hook leaves them out quietly, as it does files of other types
    code, out = run_pre_commit("run", "postlint", "--files", readme, guide)
    assert code == 0, out
    git(repo, env, "rm", "--quiet", "-f", "--", readme, guide, flawed)


def test_a_passing_hook_names_its_warnings_in_one_line(run) -> None:
    run_pre_commit, repo, env = run
    git(repo, env, "reset", "--quiet")
    shouted = "\nPLEASE SEND US YOUR RESUME AND A SHORT NOTE ABOUT WHY YOU WANT TO JOIN THE TEAM TODAY.\n"
    warned = add(repo, env, "postings/warned.md", CLEAN.read_text(encoding="utf-8") + shouted)  # quality/all-caps
    code, out = run_pre_commit("run", "postlint", "--files", warned)
    assert code == 0, out
    assert re.search(r"^postlint\.+Passed$", out, re.M), out
    [line] = [line for line in out.splitlines() if line.startswith("postlint: passed with")]
    assert "warning" in line and "postings/warned.md" in line, out
    assert not re.search(r"^postings/warned\.md:\d+:\d+: ", out, re.M), out  # not every finding, on every commit
    git(repo, env, "rm", "--quiet", "-f", "--", warned)


def test_the_check_hook_runs_in_a_warm_server_with_the_same_findings(run) -> None:
    """`entry: postlint check --warm --` as the README shows it; here `POSTLINT_WARM=1` asks the same."""
    from test_warm import SERVED, Runtime

    run_pre_commit, repo, env = run
    git(repo, env, "reset", "--quiet")
    flawed = add(repo, env, "postings/warm.md", FLAWED.read_text(encoding="utf-8"))
    plain_code, plain_out = run_pre_commit("run", "postlint", "--files", flawed)
    runtime = Runtime()
    saved = dict(env)
    env.update({"POSTLINT_WARM": "1", "POSTLINT_DEBUG": "1", "XDG_RUNTIME_DIR": str(runtime.root)})
    try:
        for _ in range(60):
            code, out = run_pre_commit("run", "postlint", "--files", flawed)
            if SERVED in out:
                break
        assert SERVED in out, out
    finally:
        env.clear()
        env.update(saved)
        runtime.close()
        git(repo, env, "rm", "--quiet", "-f", "--", flawed)

    def findings(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("postings/")]

    assert code == plain_code == 1, out
    assert findings(out) == findings(plain_out) != []
