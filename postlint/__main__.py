"""`python -m postlint`."""

from postlint.cli import main

raise SystemExit(main())
