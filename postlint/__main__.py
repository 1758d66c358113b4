"""`python -m postlint`."""

from postlint.launch import run

run()
