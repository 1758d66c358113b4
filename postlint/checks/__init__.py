"""Checks: the compiled, pydantic-free bodies of rules that run over documents."""
