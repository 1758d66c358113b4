"""`postlint inspect`: what postlint read from a posting, each fact with its line."""

from __future__ import annotations

from typing import Any

from postlint.document import Document


def describe_document(doc: Document) -> dict[str, Any]:
    """Facts as plain data: format, front matter, title, sections, fields, links, problems."""
    index = doc.line_index

    def line(offset: int) -> int:
        return index.position(offset)[0]

    fm = doc.front_matter
    return {
        "path": doc.path,
        "format": doc.format,
        "front_matter": (
            {
                k: {"value": v, "line": line(fm.key_offsets[k]) if k in fm.key_offsets else None}
                for k, v in fm.data.items()
            }
            if fm
            else None
        ),
        "title": {"text": doc.title, "line": line(doc.title_start)} if doc.title else None,
        "sections": [{"title": s.title, "level": s.level, "line": line(s.heading_start)} for s in doc.sections],
        "fields": [{"name": f.name, "value": f.value, "line": line(f.start)} for f in doc.fields],
        "links": [{"url": link.url, "text": link.text, "line": line(link.start)} for link in doc.links],
        "blocks": {kind: sum(1 for b in doc.blocks if b.kind == kind) for kind in sorted({b.kind for b in doc.blocks})},
        "problems": [{"problem": p.code, "message": p.message, "line": line(p.start)} for p in doc.problems],
    }


def render_description(facts: dict[str, Any]) -> str:
    out = [f"{facts['path']} ({facts['format']})"]
    if facts["title"]:
        out.append(f"title: {facts['title']['text']}  (line {facts['title']['line']})")
    else:
        out.append("title: none found")
    if facts["front_matter"]:
        out.append("front matter:")
        out += [f"  {k}: {v['value']!r}  (line {v['line']})" for k, v in facts["front_matter"].items()]
    for key, label in (("sections", "sections"), ("fields", "fields"), ("links", "links"), ("problems", "problems")):
        items = facts[key]
        if not items:
            continue
        out.append(f"{label}:")
        for item in items:
            if key == "sections":
                out.append(f"  {'#' * item['level']} {item['title']}  (line {item['line']})")
            elif key == "fields":
                out.append(f"  {item['name']}: {item['value']}  (line {item['line']})")
            elif key == "links":
                text = f" [{item['text']}]" if item["text"] and item["text"] != item["url"] else ""
                out.append(f"  {item['url']}{text}  (line {item['line']})")
            else:
                out.append(f"  {item['problem']}: {item['message']}  (line {item['line']})")
    out.append("blocks: " + ", ".join(f"{n} {kind}" for kind, n in facts["blocks"].items()))
    return "\n".join(out)
