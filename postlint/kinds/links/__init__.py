"""The `link`, `apply-link` and `link-status` kinds: `spec.py` (what a pack writes), `check.py` (what runs)."""
