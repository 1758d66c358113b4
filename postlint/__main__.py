"""`python -m postlint`."""

from postlint.cli import run

run()
