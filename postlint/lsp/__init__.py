"""`postlint lsp`: a language server over stdio, a thin layer over `postlint.api.Linter`.

Nothing here is imported by `postlint check`; the CLI imports `postlint.lsp.server`
only when `postlint lsp` runs, and it needs the `lsp` extra (pygls, lsprotocol).
"""
