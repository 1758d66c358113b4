"""Score how postlint reads a posting's facts against the hand-labelled development set.

    python bench/facts.py [--devset DIR] [--misses] [--json FILE]

The development set (`../shared/corpus/devset/`: postings and `labels.json`) gives, for each
posting, where the job is, its remote scope, the pay it states and which statements it makes.
Each posting is read in-process exactly as `postlint inspect` reads it (same parsers, same
facts, same built-in packs), then scored:

- **place**: postings whose labelled places are all read (an id counts when postlint reads it
  or a place inside it: New York City reads New York State too), and **invented** places: an id
  postlint reads that is neither a labelled place, a place hint, a remote scope, nor the country
  or state around one of them;
- **remote**: postings whose labelled remote scope is read as remote with the right country
  or region (a region label such as `WORLDWIDE` or `unspecified` needs only a remote place);
- **pay**: labelled ranges read with the right minimum and maximum, then currency and period
  among those, and **invented pay**: an amount postlint reads that matches no labelled one;
- **eeo / visa / apply**: presence as the labels have it, and **visa polarity** where labelled;
- **severity**: postings that state no pay range where the labelled place has a pay law in
  force, whose `pay/salary-range` finding is an error.

It prints one table, then (with `--misses`, the default) every miss with its excerpt. It
exits 0 whatever it finds: the figures are for the closing note, not a gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_DEVSET = REPO.parent / "shared" / "corpus" / "devset"

# Region labels and the ids each covers (EU members are `EU-XX`, inside `EU`).
REGIONS: dict[str, tuple[str, ...]] = {
    "EU": ("EU",),
    "EUROPE": ("EU", "GB", "CH", "NO"),
    "EMEA": ("EU", "GB", "CH", "NO"),
    "NORTH-AMERICA": ("US", "CA", "MX"),
    "AMERICAS": ("US", "CA", "MX", "BR", "AR", "CO", "CL", "PE"),
}
OPEN_SCOPES = frozenset({"WORLDWIDE", "unspecified"})  # any remote reading is right


# The labels write the United Kingdom as ISO's GB; postlint's id is UK.
ALIASES = {"UK": "GB"}


def within(inner: str, outer: str) -> bool:
    """True if `inner` is `outer` or nested inside it (US-CO-DEN in US-CO in US)."""
    inner, outer = ALIASES.get(inner, inner), ALIASES.get(outer, outer)
    return inner == outer or inner.startswith(outer + "-")


@dataclass
class Tally:
    """Hits and trials for one row of the table, with the misses' excerpts."""

    hits: int = 0
    trials: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str = "") -> None:
        self.trials += 1
        self.hits += ok
        if not ok:
            self.misses.append(miss)

    def count(self, miss: str) -> None:
        """A row that counts bad events (invented facts): no trials, one miss each."""
        self.hits += 1
        self.misses.append(miss)

    @property
    def rate(self) -> str:
        return f"{100 * self.hits / self.trials:.1f}%" if self.trials else "-"


ROWS = (
    ("place", "job's place read (postings that state one)"),
    ("place-ids", "labelled place ids read"),
    ("invented-place", "invented place ids (count)"),
    ("remote", "remote scope read (remote postings)"),
    ("false-remote", "remote read where none is labelled (count)"),
    ("pay", "labelled pay ranges read (min and max)"),
    ("pay-currency", "currency right (of those read)"),
    ("pay-period", "period right (of those read, labelled)"),
    ("invented-pay", "amounts read that match no label (count)"),
    ("eeo", "EEO statement presence"),
    ("visa", "visa / work-authorization presence"),
    ("visa-polarity", "visa polarity (where labelled)"),
    ("apply", "way to apply presence"),
    ("statements", "statement presence, all three"),
    ("severity", "missing range is an error where a pay law is in force"),
)


def load(devset: Path) -> dict[str, Any]:
    labels = json.loads((devset / "labels.json").read_text(encoding="utf-8"))
    return dict(sorted(labels.items()))


def read_posting(path: Path, linter: Any) -> tuple[dict[str, Any], list[Any]]:
    """What `postlint inspect --format json` shows, and the violations `postlint check` reports."""
    from postlint.inspect import describe_document
    from postlint.runner import read_document

    doc, _ = read_document(str(path), 10 * 1024 * 1024)
    return describe_document(doc, linter), linter.lint_document(doc)


def truth_ids(label: dict[str, Any]) -> tuple[set[str], set[str], list[dict[str, Any]]]:
    """(labelled place ids, every id a reading may name without inventing, remote labels)."""
    places = {p["id"] for p in label["places"] if "id" in p}
    remotes = [p for p in label["places"] if "remote" in p]
    allowed = set(places)
    for hint in label.get("place_hints", []):
        if isinstance(hint, dict) and "id" in hint:
            allowed.add(hint["id"])
    for remote in remotes:
        allowed.update(remote.get("eligible", []))
        for part in str(remote["remote"]).split(" + "):
            allowed.update(REGIONS.get(part, (part,)))
    return places, allowed, remotes


def excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def score(devset: Path) -> dict[str, Tally]:
    from postlint.runner import load_linter

    linter = load_linter()
    tallies = {key: Tally() for key, _ in ROWS}
    with_law = _pay_law_ids(linter)
    for name, label in load(devset).items():
        facts, violations = read_posting(devset / "postings" / name, linter)
        _score_places(name, label, facts, tallies)
        _score_pay(name, label, facts, tallies)
        _score_statements(name, label, facts, violations, tallies)
        _score_severity(name, label, violations, with_law, tallies)
    return tallies


def _score_places(name: str, label: dict[str, Any], facts: dict[str, Any], tallies: dict[str, Tally]) -> None:
    places, allowed, remotes = truth_ids(label)
    read = [p for p in facts["places"]]
    read_ids = {j for p in read for j in p["jurisdictions"]}
    shown = "; ".join(
        f"{p['text']!r}->{','.join(p['jurisdictions']) or '?'}{'(remote)' if p['remote'] else ''}" for p in read
    )
    if places:
        missing = sorted(t for t in places if not any(within(r, t) for r in read_ids))
        labelled = "; ".join(f"{p['id']} {excerpt(p['text'], 50)!r}" for p in label["places"] if "id" in p)
        tallies["place"].add(not missing, f"{name}: missing {missing}; labelled {labelled}; read [{shown}]")
        for place_id in sorted(places):
            tallies["place-ids"].add(place_id not in missing, f"{name}: {place_id}")
    for place in read:
        for jid in place["jurisdictions"]:
            if not any(within(t, jid) or (within(jid, t) and jid.count("-") <= t.count("-")) for t in allowed):
                tallies["invented-place"].count(
                    f"{name}: {jid} from {place['text']!r} ({place['source']}, line {place['line']})"
                )
    remote_read = [p for p in read if p["remote"]]
    if remotes:
        scopes = {part for r in remotes for part in str(r["remote"]).split(" + ")}
        ok = bool(remote_read) and (
            bool(scopes & OPEN_SCOPES)
            or all(
                any(
                    within(j, region)
                    for p in remote_read
                    for j in p["jurisdictions"]
                    for region in REGIONS.get(s, (s,))
                )
                for s in scopes
            )
        )
        tallies["remote"].add(ok, f"{name}: labelled {sorted(scopes)}; read [{shown}]")
    elif remote_read:
        tallies["false-remote"].count(f"{name}: read [{shown}]")


def _score_pay(name: str, label: dict[str, Any], facts: dict[str, Any], tallies: dict[str, Tally]) -> None:
    amounts = [p for p in facts["pay"] if p["kind"] != "vague"]
    labelled = [p for p in label["pay"] if "min" in p]
    seen: set[tuple[Any, Any]] = set()
    for want in labelled:
        key = (want["min"], want.get("max"))
        if key in seen:
            continue
        seen.add(key)
        match = next((p for p in amounts if _same_amount(p, want)), None)
        shown = "; ".join(f"{p['summary']} {excerpt(p['text'], 40)!r}" for p in amounts) or "nothing"
        tallies["pay"].add(
            match is not None, f"{name}: {want['min']}-{want.get('max')} {excerpt(want['text'], 60)!r}; read {shown}"
        )
        if match is not None:
            tallies["pay-currency"].add(
                match["currency"] == want["currency"], f"{name}: {want['currency']} read as {match['currency']}"
            )
            if want.get("period"):
                tallies["pay-period"].add(
                    match["period"] == want["period"], f"{name}: {want['period']} read as {match['period']}"
                )
    for got in amounts:
        if not any(_same_amount(got, want) for want in labelled):
            tallies["invented-pay"].count(
                f"{name}: {got['summary']} from {excerpt(got['text'], 60)!r} (line {got['line']})"
            )


def _same_amount(got: dict[str, Any], want: dict[str, Any]) -> bool:
    low, high = want["min"], want.get("max")
    if high is None or high == low:
        return _near(got["minimum"], low) and (got["maximum"] is None or _near(got["maximum"], low))
    return _near(got["minimum"], low) and _near(got["maximum"], high)


def _near(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= max(0.01, abs(b) * 0.001)


def _score_statements(
    name: str, label: dict[str, Any], facts: dict[str, Any], violations: list[Any], tallies: dict[str, Tally]
) -> None:
    found = {s["rule"]: s for s in facts["statements"]}
    fired = {v.rule for v in violations}
    for row, rule in (("eeo", "eeo/statement"), ("visa", "visa/policy")):
        want = bool(label[row]["value"])
        got = bool(found.get(rule, {}).get("found"))
        shown = excerpt(found.get(rule, {}).get("text") or "", 50)
        miss = f"{name}: labelled {want} {excerpt(label[row].get('text', ''), 60)!r}; read {got} {shown!r}"
        tallies[row].add(got == want, miss)
        tallies["statements"].add(got == want, f"{row} {miss}")
    want_apply = bool(label["apply"]["value"])
    got_apply = "links/apply" not in fired
    miss = f"{name}: labelled {want_apply} {excerpt(label['apply'].get('text', ''), 60)!r}; read {got_apply}"
    tallies["apply"].add(got_apply == want_apply, miss)
    tallies["statements"].add(got_apply == want_apply, f"apply {miss}")
    polarity = label["visa"].get("polarity")
    if polarity and polarity != "other":
        got_polarity = facts.get("visa", {}).get("polarity")
        tallies["visa-polarity"].add(
            got_polarity == polarity,
            f"{name}: labelled {polarity} {excerpt(label['visa'].get('text', ''), 60)!r}; read {got_polarity}",
        )


def _pay_law_ids(linter: Any) -> Any:
    """A function: does a pay-range law apply, today, to a posting at these labelled places?"""
    import datetime as dt

    from postlint.laws import active_laws

    rule = next((r for r in linter.rules if r.id == "pay/salary-range"), None)
    from postlint.engine import builtin_gazetteer

    gazetteer = linter.gazetteer or builtin_gazetteer()

    def applies(ids: Iterable[str], remote_countries: Iterable[str]) -> bool:
        if rule is None:
            return False
        wanted = set(ids)
        for country in remote_countries:
            if gazetteer is not None:
                wanted.update(gazetteer.remote_covered(country))
        return bool(active_laws(rule.laws, tuple(sorted(wanted)), dt.date.today()))

    return applies


def _score_severity(
    name: str, label: dict[str, Any], violations: list[Any], with_law: Any, tallies: dict[str, Tally]
) -> None:
    if any("min" in p for p in label["pay"]):
        return
    places, _, remotes = truth_ids(label)
    countries = [part for r in remotes for part in str(r["remote"]).split(" + ") if len(part) == 2]
    if not with_law(places, countries):
        return
    finding = next((v for v in violations if v.rule == "pay/salary-range"), None)
    severity = str(finding.severity) if finding is not None else "none"
    tallies["severity"].add(severity == "error", f"{name}: places {sorted(places)} remote {countries}; got {severity}")


def render(tallies: dict[str, Tally], misses: bool) -> str:
    out = [f"{'measure':<58} {'right':>6} {'of':>5} {'rate':>7}", "-" * 79]
    for key, title in ROWS:
        t = tallies[key]
        if t.trials:
            out.append(f"{title:<58} {t.hits:>6} {t.trials:>5} {t.rate:>7}")
        else:
            out.append(f"{title:<58} {t.hits:>6} {'':>5} {'':>7}")
    if misses:
        for key, title in ROWS:
            t = tallies[key]
            if t.misses:
                out += ["", f"## {title}"] + [f"- {m}" for m in t.misses]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="the development set folder")
    parser.add_argument("--no-misses", action="store_true", help="print the table only")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    if not (args.devset / "labels.json").is_file():
        print(f"bench/facts.py: no labels.json in {args.devset}; pass --devset DIR", file=sys.stderr)
        return 2
    tallies = score(args.devset)
    print(render(tallies, not args.no_misses))
    if args.json:
        figures = {k: {"hits": t.hits, "trials": t.trials, "misses": t.misses} for k, t in tallies.items()}
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
