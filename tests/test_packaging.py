"""Every package folder is listed in pyproject.toml, so a wheel install has all of postlint."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _listed_packages() -> set[str]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return set(data["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_listed() -> None:
    folders = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "postlint").rglob("__init__.py")}
    assert folders <= _listed_packages()
    assert "postlint.rules" in _listed_packages()
