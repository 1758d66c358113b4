"""`postlint inspect`: what postlint read from a posting, each fact with its line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from postlint.document import Document

if TYPE_CHECKING:
    from postlint.engine import RuleEngine


def describe_document(doc: Document, linter: RuleEngine | None = None) -> dict[str, Any]:
    """Facts as plain data: format, front matter, title, sections, fields, links, places, pay, statements."""
    if linter is not None:
        from postlint.reader import retitled

        doc = retitled(doc, linter.front_matter.get("title", "title"))
    index = doc.line_index

    def line(offset: int) -> int:
        return index.position(offset)[0]

    extracted: dict[str, Any] = {}
    if linter is not None:
        extracted = _extracted_facts(doc, linter, line)

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
        **extracted,
    }


def _extracted_facts(doc: Document, linter: RuleEngine, line: Any) -> dict[str, Any]:
    """Places, jurisdictions, pay and statements, as the linter's rules will read them."""
    import datetime as dt

    from postlint.kinds.check_base import Context

    facts = linter.facts(doc)
    gazetteer = facts.gazetteer
    jurisdictions = facts.jurisdictions
    ctx = Context(
        today=linter.today or dt.date.today(), front_matter_names=tuple(linter.front_matter.items()), facts=facts
    )
    statements = []
    for rule in linter.rules:
        # What each rule that looks for a statement (`require`) found where it runs: the statement, or none.
        check: Any = rule.check
        if not check.finds_statement or linter.runs_here(rule, doc, ctx) is None:
            continue
        found = check.find(doc, ctx)
        statements.append(
            {
                "rule": rule.id,
                "found": found is not None,
                "form": found.label if found else None,
                "text": found.text if found else None,
                "line": line(found.start) if found else None,
            }
        )
    guess = facts.language_guess
    page = facts.not_a_posting
    return {
        "not_a_posting": {"reason": page.reason, "line": line(page.start)} if page else None,
        "language": {"code": guess.language, "source": guess.source},
        "gender_coded": _gender_coded(doc, linter, ctx, guess.language),
        "places": [
            {
                "text": p.text,
                "jurisdictions": list(p.jurisdictions),
                "source": p.source,
                "remote": p.remote,
                "line": line(p.start),
            }
            for p in facts.places
        ],
        "jurisdictions": {
            "ids": list(jurisdictions),
            "names": [gazetteer.name(j) if gazetteer else j for j in jurisdictions],
            "source": facts.jurisdiction_source,
        },
        "pay": [
            {
                "text": p.text,
                "kind": p.kind,
                "minimum": p.minimum,
                "maximum": p.maximum,
                "currency": p.currency,
                "currency_implied": p.currency_implied,
                "period": p.period,
                "period_implied": p.period_implied,
                "source": p.source,
                "summary": p.describe(),
                "line": line(p.start),
            }
            for p in facts.pay
        ],
        "statements": statements,
        "visa": _visa(doc, line),
        "employer": _employer(facts),
        "json_ld": _json_ld(doc, line),
    }


def _json_ld(doc: Document, line: Any) -> dict[str, Any]:
    """The page's JSON-LD scripts (with their errors) and each JobPosting's facts, each with source `json-ld`."""
    from postlint.facts.markup import SOURCE, read_markup, span, summarize

    markup = read_markup(doc)
    scripts = [
        {"line": line(s.start), "error": s.error, "error_line": line(s.error_at) if s.error else None}
        for s in markup.scripts
    ]
    postings = [
        [
            {"property": name, "value": value, "source": SOURCE, "line": line(span(posting, name)[0])}
            for name, value in summarize(posting)
        ]
        for posting in markup.postings
    ]
    return {"scripts": scripts, "postings": postings}


def _employer(facts: Any) -> dict[str, Any]:
    """Whether the job is a national government's own (regional laws then do not apply), and the sign read."""
    federal = facts.federal_employer
    return {"federal": federal[0] if federal else None, "sign": federal[1] if federal else None}


def _visa(doc: Document, line: Any) -> dict[str, Any]:
    """What the posting says about visas: the deciding statement's polarity, and every statement."""
    from postlint.facts.visa import visa_polarity, visa_statements

    found = visa_statements(doc)
    deciding = visa_polarity(found)
    return {
        "polarity": deciding.polarity if deciding else None,
        "text": deciding.text if deciding else None,
        "line": line(deciding.start) if deciding else None,
        "statements": [{"polarity": s.polarity, "text": s.text, "line": line(s.start)} for s in found],
    }


def _gender_coded(doc: Document, linter: RuleEngine, ctx: Any, language: str | None) -> dict[str, Any] | None:
    """The masculine- and feminine-coded words, as the gender-coded rule counts them (None: not English)."""
    from postlint.facts.gender_coded import FEMININE, MASCULINE, count_coded_words

    if language != "en":
        return None
    rule = next((r for r in linter.rules if r.check.counts_coded_words), None)
    check: Any = rule.check if rule is not None else None
    coding = check.coding(doc, ctx) if check is not None else count_coded_words(doc)
    return {
        MASCULINE: coding.counts(MASCULINE),
        FEMININE: coding.counts(FEMININE),
        "lean": check.lean(coding) if check is not None else None,
        "rule": rule.id if rule is not None else None,
    }


def render_description(facts: dict[str, Any]) -> str:
    out = [f"{facts['path']} ({facts['format']})"]
    if facts["title"]:
        out.append(f"title: {facts['title']['text']}  (line {facts['title']['line']})")
    else:
        out.append("title: none found")
    if facts.get("not_a_posting"):
        page = facts["not_a_posting"]
        out.append(f"not a job posting: {page['reason']}  (line {page['line']}); only the encoding rules run")
    if facts["front_matter"]:
        out.append("front matter:")
        out += [f"  {k}: {_shown(v['value'])}  (line {v['line']})" for k, v in facts["front_matter"].items()]
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
    if "jurisdictions" in facts:
        out += _render_extracted(facts)
    return "\n".join(out)


def _render_extracted(facts: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if facts["places"]:
        out.append("locations:")
        for place in facts["places"]:
            remote = " remote" if place["remote"] else ""
            ids = ", ".join(place["jurisdictions"])
            out.append(f"  {place['text']!r} -> {ids}{remote}  ({place['source']}, line {place['line']})")
    else:
        out.append("locations: none found")
    found = facts["jurisdictions"]
    if found["ids"]:
        pairs = ", ".join(f"{i} ({n})" if n != i else i for i, n in zip(found["ids"], found["names"], strict=True))
        out.append(f"jurisdictions ({found['source']}): {pairs}")
    else:
        out.append("jurisdictions: none (laws tied to a place do not apply; see --jurisdiction)")
    if facts["pay"]:
        out.append("pay:")
        out += [f"  {p['summary']}: {p['text'].strip()!r}  ({p['source']}, line {p['line']})" for p in facts["pay"]]
    else:
        out.append("pay: none found")
    language = facts["language"]
    out.append(f"language: {language['code']} ({language['source']})" if language["code"] else "language: unknown")
    out += _render_gender_coded(facts["gender_coded"])
    if facts["employer"]["federal"]:
        employer = facts["employer"]
        out.append(
            f"employer: the {employer['federal']} national government ({employer['sign']!r}); "
            "regional laws do not bind it"
        )
    out += _render_json_ld(facts.get("json_ld"))
    visa = facts["visa"]
    if visa["polarity"]:
        out.append(f"visa: {visa['polarity']}: {visa['text'].strip()!r}  (line {visa['line']})")
    else:
        out.append("visa: nothing said")
    if facts["statements"]:
        out.append("statements:")
        for item in facts["statements"]:
            if item["found"]:
                form = f" [{item['form']}]" if item["form"] else ""
                out.append(f"  {item['rule']}{form}: {item['text']!r}  (line {item['line']})")
            else:
                out.append(f"  {item['rule']}: not found")
    return out


def _render_json_ld(found: dict[str, Any] | None) -> list[str]:
    if not found or not found["scripts"]:
        return []
    out = [f"json-ld: {len(found['scripts'])} script(s), {len(found['postings'])} JobPosting(s)"]
    out += [f"  invalid JSON (line {s['error_line']}): {s['error']}" for s in found["scripts"] if s["error"]]
    for facts in found["postings"]:
        out.append("  JobPosting:")
        out += [f"    {f['property']}: {f['value']}  ({f['source']}, line {f['line']})" for f in facts]
    return out


def _render_gender_coded(coded: dict[str, Any] | None) -> list[str]:
    if coded is None:
        return ["gender-coded wording: not counted (the word list is English)"]
    masculine, feminine = coded["masculine"], coded["feminine"]
    lean = f"; leans {coded['lean']} ({coded['rule']})" if coded["lean"] else ""
    out = [f"gender-coded wording: {sum(masculine.values())} masculine, {sum(feminine.values())} feminine{lean}"]
    for side, words in (("masculine", masculine), ("feminine", feminine)):
        if words:
            out.append(f"  {side}: " + ", ".join(f"{w} ×{n}" if n > 1 else w for w, n in words.items()))
    return out


def _shown(value: Any) -> str:
    """A front-matter value as the posting wrote it: dates as 2028-03-31, strings quoted."""
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(value)
