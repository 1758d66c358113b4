"""The built-in rule packs, shipped inside the installed package as `postlint.rules`."""
