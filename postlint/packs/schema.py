"""The JSON Schema of a rule pack, built from the registered kinds' models."""

from __future__ import annotations

from typing import Any

from postlint.kinds import known_kinds, spec_class


def pack_schema() -> dict[str, Any]:
    """A draft 2020-12 schema: pack fields plus one rule schema per kind, chosen by `kind`."""
    defs: dict[str, Any] = {}
    rule_refs = []
    for kind in known_kinds():
        cls = spec_class(kind)
        if cls is None:
            continue
        schema = cls.model_json_schema(ref_template="#/$defs/{model}", mode="validation")
        defs.update(schema.pop("$defs", {}))
        name = cls.__name__
        defs[name] = schema
        rule_refs.append({"if": {"properties": {"kind": {"const": kind}}}, "then": {"$ref": f"#/$defs/{name}"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://postlint.dev/schema/pack.json",
        "title": "postlint rule pack",
        "type": "object",
        "additionalProperties": False,
        "required": ["pack", "rules"],
        "properties": {
            "pack": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The pack's name."},
            "version": {"type": ["string", "integer"], "description": "The pack's own version."},
            "description": {"type": "string"},
            "places": {
                "type": "array",
                "description": "Jurisdictions the pack adds (the schema of postlint/data/gazetteer.yaml).",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "name"],
                    "properties": {
                        "id": {"type": "string", "pattern": "^[A-Z]{2,3}(-[A-Z0-9]+)*$"},
                        "name": {"type": "string"},
                        "names": {"type": "array", "items": {"type": "string"}},
                        "codes": {"type": "array", "items": {"type": "string"}},
                        "places": {"type": "array", "items": {"type": "string"}},
                        "remote": {"type": "boolean"},
                    },
                },
            },
            "rules": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["id", "kind", "message", "description"],
                    "properties": {"kind": {"enum": known_kinds()}},
                    "allOf": rule_refs,
                },
            },
        },
        "$defs": defs,
    }
