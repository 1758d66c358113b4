"""The `require` kind: `spec.py` is what a pack writes (pydantic), `check.py` what runs."""
