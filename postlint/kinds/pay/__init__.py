"""The `pay-range`, `pay-width` and `pay-period` kinds: `spec.py` (what a pack writes), `check.py` (what runs)."""
