"""Rule packs: loading YAML, validating it, compiling rules."""
