"""The build's one step beyond pyproject.toml: the package's tables of compiled code.

After the package is copied into the build, `python -m postlint.prebuild` runs on that copy
and writes `postlint/tables/`: the compiled code of the regexes and dataclass methods a run
uses, and the built-in packs as built, for the Python doing the build (see
`postlint/prebuild.py`). The first run after installing then starts as fast as a later one.
If it cannot run (a dependency missing from the build environment), the build goes on without
the tables and postlint compiles at run time, as it would anyway for another Python. An
editable install gets none: its sources keep changing.
"""

from __future__ import annotations

import os
import subprocess
import sys

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTables(build_py):
    """`build_py`, then the tables, built by the package just copied."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        built = os.path.abspath(self.build_lib)
        command = [sys.executable, "-m", "postlint.prebuild", os.path.join(built, "postlint", "tables")]
        done = subprocess.run(command, cwd=built, check=False)  # run from there: `-m` imports the copy
        if done.returncode != 0:
            print("postlint: could not build the tables of compiled code; runs will compile instead", file=sys.stderr)


setup(cmdclass={"build_py": BuildPyWithTables})
