"""Generate realistic synthetic job postings, deterministically, for benchmarks and tests.

    python bench/synth.py COUNT --out DIR [--seed S]      # DIR/000/synth-000001.md, .html, .txt
    python bench/synth.py COUNT --jsonl FILE|- [--seed S]  # one JSON object per line

The real corpus has about 6,000 postings; measuring how postlint scales needs
10 or 100 times more, with the same shape: lengths (median about 5 KB, a long
tail to 70 KB), Markdown with and without front matter, plain text, some HTML,
places with and without pay-transparency laws, pay ranges present, vague or
malformed, equal-opportunity and visa statements present or not, good and bad
apply links, some mojibake and some exclusionary wording. All of it is built
from the word lists below, never from corpus text.

Posting N depends only on the seed and N, so the first 1,000 postings of a
100,000 run are the 1,000 postings of a 1,000 run. Standard library only.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

SHARD_SIZE = 1000
SUFFIXES = {"markdown": ".md", "html": ".html", "text": ".txt"}
FORMAT_WEIGHTS = (("markdown", 58), ("text", 32), ("html", 10))
# Snippets drawn per seed; each posting samples its body from them without replacement.
POOL_SIZE = 3000
# Log-normal body length: with the fixed sections around it, a posting comes out at
# a median near 5 KB, a mean near 6.4 KB and a 99th percentile near 25 KB, as in the real corpus.
MEDIAN_BYTES = 4300
LENGTH_SIGMA = 0.7


@dataclass(frozen=True, slots=True)
class Place:
    """A location as postings write it, with the currency its pay is quoted in."""

    name: str
    currency: str
    weight: int


PLACES = (
    # Places with pay-transparency laws.
    Place("Denver, CO", "USD", 6),
    Place("Boulder, Colorado", "USD", 2),
    Place("San Francisco, CA", "USD", 6),
    Place("Los Angeles, California", "USD", 3),
    Place("San Diego, CA", "USD", 2),
    Place("New York, NY", "USD", 6),
    Place("Brooklyn, New York City", "USD", 2),
    Place("Seattle, WA", "USD", 4),
    Place("Spokane, Washington", "USD", 1),
    Place("Jersey City, NJ", "USD", 1),
    Place("Chicago, IL", "USD", 3),
    Place("Baltimore, MD", "USD", 1),
    Place("Boston, MA", "USD", 3),
    Place("Minneapolis, MN", "USD", 1),
    Place("Honolulu, HI", "USD", 1),
    Place("Burlington, VT", "USD", 1),
    Place("Washington, DC", "USD", 3),
    # Places without one.
    Place("Austin, TX", "USD", 4),
    Place("Atlanta, GA", "USD", 2),
    Place("Miami, FL", "USD", 2),
    Place("Phoenix, AZ", "USD", 2),
    Place("Nashville, TN", "USD", 1),
    Place("Raleigh, NC", "USD", 1),
    Place("Salt Lake City, UT", "USD", 1),
    Place("Pittsburgh, PA", "USD", 1),
    Place("Houston, TX", "USD", 2),
    # European Union, the UK and Switzerland.
    Place("Berlin, Germany", "EUR", 3),
    Place("Munich, Germany", "EUR", 1),
    Place("Amsterdam, Netherlands", "EUR", 3),
    Place("Paris, France", "EUR", 2),
    Place("Dublin, Ireland", "EUR", 2),
    Place("Madrid, Spain", "EUR", 1),
    Place("Stockholm, Sweden", "EUR", 1),
    Place("Warsaw, Poland", "EUR", 1),
    Place("Lisbon, Portugal", "EUR", 1),
    Place("Vienna, Austria", "EUR", 1),
    Place("London, UK", "GBP", 3),
    Place("Zurich, Switzerland", "CHF", 1),
    # Canada.
    Place("Toronto, ON", "CAD", 1),
    Place("Ottawa, Ontario", "CAD", 1),
    Place("Vancouver, BC", "CAD", 2),
    Place("Montreal, QC", "CAD", 1),
    Place("Calgary, AB", "CAD", 1),
    # Elsewhere.
    Place("Bangalore, India", "INR", 2),
    Place("Sydney, Australia", "AUD", 1),
    Place("Singapore", "SGD", 1),
    # Remote and hybrid.
    Place("Remote (US)", "USD", 5),
    Place("Remote - Europe", "EUR", 2),
    Place("Remote (Canada)", "CAD", 1),
    Place("Remote", "USD", 3),
    Place("Hybrid - Denver, CO", "USD", 1),
    Place("Remote, United States", "USD", 2),
)
PLACE_WEIGHTS = tuple(place.weight for place in PLACES)
NO_LOCATION_SHARE = 0.12

SENIORITY = ("", "", "", "Senior ", "Staff ", "Junior ", "Principal ", "Associate ", "Senior ")
ROLES = (
    "Software Engineer",
    "Backend Engineer",
    "Frontend Developer",
    "Data Engineer",
    "Data Analyst",
    "Analytics Engineer",
    "Product Manager",
    "Product Designer",
    "UX Researcher",
    "Site Reliability Engineer",
    "Security Engineer",
    "Machine Learning Engineer",
    "Data Scientist",
    "Technical Writer",
    "Customer Success Manager",
    "Account Executive",
    "Marketing Manager",
    "Recruiter",
    "Financial Analyst",
    "Operations Coordinator",
    "Election Specialist",
    "Policy Advisor",
    "Content Strategist",
    "QA Engineer",
    "Mobile Developer",
    "Engineering Manager",
    "Support Specialist",
    "Program Manager",
)
# Titles the inclusive pack reacts to; a few percent of postings use one.
LOADED_TITLES = (
    "Rockstar Developer",
    "Coding Ninja",
    "Salesman",
    "Chairman of the Data Council",
    "Growth Hacker Guru",
    "Foreman",
    "Waitress",
)
COMPANY_HEADS = (
    "Acme", "Blue", "North", "Bright", "Cedar", "Lumen", "Harbor", "Quartz", "Pioneer", "Summit",
    "Orbit", "Maple", "Copper", "Atlas", "Nimbus", "Vector", "Juniper", "Falcon", "Granite", "Civic",
)  # fmt: skip
COMPANY_TAILS = (
    "Labs", "Works", "Health", "Analytics", "Systems", "Logistics", "Bank", "Energy", "Foods", "Media",
    "Robotics", "Learning", "Mobility", "Insurance", "Software", "Partners", "Digital", "Cloud",
)  # fmt: skip
INDUSTRIES = (
    "healthcare", "logistics", "public services", "retail", "financial services", "clean energy",
    "education", "travel", "insurance", "agriculture", "elections", "manufacturing", "media",
)  # fmt: skip
PRODUCTS = (
    "scheduling platform", "payments API", "patient portal", "data warehouse", "mobile app",
    "analytics dashboards", "search service", "billing system", "design system", "voter registration tools",
    "routing engine", "customer support tooling", "identity service", "reporting pipeline",
)  # fmt: skip
TOOLS = (
    "Python", "SQL", "Go", "TypeScript", "React", "Kubernetes", "Terraform", "AWS", "GCP", "Azure",
    "dbt", "Airflow", "Snowflake", "BigQuery", "Kafka", "PostgreSQL", "Figma", "Looker", "Tableau",
    "Java", "Rust", "Excel", "Salesforce", "Jira", "Spark", "Docker", "GraphQL", "Django",
)  # fmt: skip
VERBS = (
    "Design", "Build", "Maintain", "Own", "Improve", "Run", "Review", "Document", "Ship", "Operate",
    "Measure", "Plan", "Support", "Automate", "Test", "Migrate", "Monitor", "Prototype", "Evaluate",
)  # fmt: skip
OBJECTS = (
    "the services behind our {product}", "internal tools used by {count} colleagues",
    "dashboards that the board reads every week", "the release process for our {product}",
    "data models for the {industry} team", "integrations with partners and vendors",
    "on-call runbooks and incident reviews", "experiments that test new ideas with real users",
    "the roadmap for the {product}", "accessibility improvements across our {product}",
    "the onboarding flow for new customers", "performance budgets and load tests",
    "a small team of {count} engineers", "the budget and forecasts for the {industry} unit",
)  # fmt: skip
PURPOSES = (
    "so that customers get answers faster", "with a focus on reliability", "in close collaboration with design",
    "using {tool} and {tool2}", "and share what you learn with the team", "from first sketch to production",
    "while keeping costs predictable", "for millions of monthly users", "across three time zones",
    "with support from senior colleagues", "and report progress to stakeholders",
)  # fmt: skip
REQUIREMENTS = (
    "{years}+ years of experience with {tool}", "Working knowledge of {tool} and {tool2}",
    "Experience shipping and operating production systems", "Clear written communication in English",
    "Comfort with ambiguity and changing priorities", "Experience mentoring colleagues",
    "Experience in {industry} or a related field", "Familiarity with testing and code review",
    "A degree in a related field, or equivalent practical experience", "Strong analytical and problem-solving skills",
    "Ability to explain technical trade-offs to non-technical audiences", "Experience with {tool} at scale",
)  # fmt: skip
NICE_TO_HAVE = (
    "Experience with {tool}", "Contributions to open-source projects", "Knowledge of {industry} regulations",
    "A second language", "Experience in an early-stage company", "Public speaking or writing about your work",
)  # fmt: skip
BENEFITS = (
    "Medical, dental and vision insurance", "A 401(k) plan with a {pct}% company match",
    "{days} days of paid time off plus public holidays", "Paid parental leave of {weeks} weeks",
    "A yearly learning budget of {money}", "Flexible working hours", "A home-office allowance",
    "Commuter benefits", "Stock options", "Wellness stipend", "Life and disability insurance",
    "Employee assistance program", "Annual team retreat",
)  # fmt: skip
ABOUT = (
    "{company} builds the {product} that {industry} teams rely on every day.",
    "Founded in {year}, {company} now serves more than {count},000 customers in {n} countries.",
    "We are a team of {count} people who care about doing careful, useful work.",
    "Our mission is to make {industry} simpler, fairer and more transparent.",
    "We are backed by investors who share our long-term view, and we are profitable.",
    "Our teams work in small groups with clear ownership and few meetings.",
    "We publish our engineering handbook and our salary bands internally.",
    "Last year we shipped a new {product} and grew revenue by {pct} percent.",
    "We value curiosity, kindness and saying plainly what is not working.",
    "New colleagues join a team that has worked together for several years.",
    "Our office is a short walk from public transport, and most of us come in twice a week.",
    "We believe good documentation is a form of respect for your colleagues.",
)  # fmt: skip
DAY_IN_LIFE = (
    "A typical week mixes focused work on the {product} with a planning meeting and a review.",
    "You will pair with colleagues on hard problems and review their work in turn.",
    "Most plans are written down first, discussed asynchronously and then agreed quickly.",
    "In your first month you will learn our systems and ship a small change to production.",
    "By the end of your first quarter you will own a part of the {product} end to end.",
    "We measure success by outcomes for customers, not by hours spent online.",
    "You will work with {tool} daily and with {tool2} from time to time.",
    "The team holds a short retrospective every two weeks and acts on what it finds.",
)  # fmt: skip
PROCESS = (
    "Our process has {n} steps: a call with a recruiter, a conversation with the hiring manager, "
    "a practical exercise and a final interview with the team.",
    "We reply to every application within {days} days.",
    "The practical exercise takes about two hours and you can do it at home.",
    "We will ask the same questions of every candidate and score answers against a written rubric.",
)  # fmt: skip
HEADINGS = {
    "about": ("About us", "About {company}", "Who we are", "The company"),
    "role": ("About the role", "The role", "Role summary", "What this job is"),
    "do": ("What you'll do", "Responsibilities", "Key responsibilities", "Your day to day"),
    "need": ("What you bring", "Requirements", "Qualifications", "Who you are"),
    "nice": ("Nice to have", "Bonus points", "Preferred qualifications"),
    "benefits": ("Benefits", "What we offer", "Perks and benefits"),
    "pay": ("Compensation", "Salary", "Pay"),
    "life": ("A day in the life", "How we work", "Working here"),
    "process": ("Hiring process", "How we hire", "What to expect"),
    "apply": ("How to apply", "Apply", "Next steps"),
}
EXTRA_HEADINGS = (
    "Our values", "Our team", "Growth and learning", "Tools we use", "Frequently asked questions",
    "Life at {company}", "Where you'll work", "Our commitments", "Your first 90 days", "Why this role matters",
)  # fmt: skip
EEO_STATEMENTS = (
    "{company} is an equal opportunity employer. All qualified applicants will receive consideration for "
    "employment without regard to race, color, religion, sex, sexual orientation, gender identity, national "
    "origin, disability or protected veteran status.",
    "We are committed to diversity and inclusion and welcome applications from people of all backgrounds.",
    "{company} does not discriminate on the basis of race, religion, age, disability or any other protected "
    "characteristic. If you need a reasonable accommodation during the hiring process, tell us.",
    "EOE/AA. Minorities/Females/Veterans/Disability.",
)  # fmt: skip
VISA_STATEMENTS = (
    "We sponsor visas for this role and help with relocation.",
    "We are unable to sponsor work visas for this position; candidates must already be authorized to work in "
    "{country}.",
    "Visa sponsorship is available for exceptional candidates.",
    "This role does not offer visa sponsorship.",
)  # fmt: skip
# Wording the inclusive, fair-chance, pay and visa packs forbid; about one posting in six uses one.
EXCLUSIONARY = (
    "We want a young and energetic team player.",
    "Ideal for digital natives who grew up online.",
    "Recent graduates only.",
    "Native English speaker required.",
    "He will report to the head of engineering.",
    "Must be able to lift 50 pounds and stand for long periods.",
    "We are looking for a strong culture fit.",
    "We work hard and play hard, with beer on Fridays.",
    "No felons will be considered.",
    "Please include your current salary and salary history with your application.",
    "U.S. citizens only.",
    "Canadian experience is required.",
    "You are an aggressive, competitive and dominant self-starter.",
    "You are a supportive, warm and collaborative communicator.",
    "The ideal candidate is a ninja who thrives under pressure.",
)
PLACEHOLDERS = ("[Company Name]", "Lorem ipsum dolor sit amet.", "Salary: TBD", "Location: XXX")
EMPLOYMENT_TYPES = ("Full-time", "Part-time", "Contract", "Full-time, permanent", "Temporary (6 months)")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "CA$", "AUD": "A$", "SGD": "S$", "CHF": "CHF ", "INR": "₹"}
# Typical annual pay, in thousands of the currency, for the middle of a range.
ANNUAL_MIDPOINTS = {"USD": 130, "EUR": 70, "GBP": 65, "CAD": 110, "AUD": 120, "SGD": 100, "CHF": 120, "INR": 2400}
COUNTRIES = {"USD": "the United States", "EUR": "the EU", "GBP": "the UK", "CAD": "Canada", "INR": "India"}
SHORTENERS = ("bit.ly", "tinyurl.com", "ow.ly", "t.co")
ATS = (
    "https://boards.greenhouse.io/{slug}/jobs/{num}",
    "https://jobs.lever.co/{slug}/{uuid}",
    "https://jobs.ashbyhq.com/{slug}/{uuid}",
    "https://{slug}.wd1.myworkdayjobs.com/en-US/careers/job/{num}",
    "https://careers.{slug}.com/jobs/{num}",
)
# Apply-link kinds and their weights: most postings link to an applicant-tracking system.
APPLY_KINDS = (
    ("ats", 44),
    ("email", 6),
    ("http", 6),
    ("shortener", 1),
    ("tracking", 1),
    ("malformed", 1),
    ("none", 41),
)
PAY_KINDS = (("range", 32), ("hourly", 4), ("none", 45), ("vague", 9), ("single", 5), ("malformed", 5))


def postings(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield ``count`` postings: ``{"id", "text", "format", "location"}`` (location "" when none is named)."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, not {count}")
    pools = _pools(seed)
    for number in range(1, count + 1):
        yield _posting(number, seed, pools)


def filename(posting: dict[str, str]) -> str:
    """Return the posting's path relative to an output folder: ``000/synth-000001.md``."""
    number = int(posting["id"].rsplit("-", 1)[1])
    return f"{(number - 1) // SHARD_SIZE:03d}/{posting['id']}{SUFFIXES[posting['format']]}"


def write_files(count: int, folder: Path, seed: int = 0) -> tuple[int, int]:
    """Write ``count`` postings under ``folder`` in shards of 1,000; return (files, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    made: set[str] = set()
    total = 0
    for posting in postings(count, seed):
        relative = filename(posting)
        shard = relative.partition("/")[0]
        if shard not in made:
            (folder / shard).mkdir(exist_ok=True)
            made.add(shard)
        data = posting["text"].encode("utf-8")
        (folder / relative).write_bytes(data)
        total += len(data)
    return count, total


def write_jsonl(count: int, stream: TextIO, seed: int = 0) -> tuple[int, int]:
    """Write ``count`` postings as JSON lines; return (postings, characters written)."""
    total = 0
    for posting in postings(count, seed):
        line = json.dumps(posting, ensure_ascii=False) + "\n"
        stream.write(line)
        total += len(line)
    return count, total


@dataclass(frozen=True, slots=True)
class Pools:
    """Sentences and bullets drawn once per seed, so each posting only samples and joins."""

    about: tuple[str, ...]
    role: tuple[str, ...]
    duties: tuple[str, ...]
    needs: tuple[str, ...]
    nice: tuple[str, ...]
    benefits: tuple[str, ...]
    life: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def _pools(seed: int) -> Pools:
    rng = random.Random(f"postlint-synth-pools:{seed}")

    def fill(templates: Sequence[str], size: int) -> tuple[str, ...]:
        return tuple(_fill(rng.choice(templates), rng) for _ in range(size))

    duties = tuple(
        f"{rng.choice(VERBS)} {_fill(rng.choice(OBJECTS), rng)} {_fill(rng.choice(PURPOSES), rng)}"
        for _ in range(POOL_SIZE)
    )
    role = tuple(
        f"In this role you will {rng.choice(VERBS).lower()} {_fill(rng.choice(OBJECTS), rng)} "
        f"{_fill(rng.choice(PURPOSES), rng)}. {_fill(rng.choice(DAY_IN_LIFE), rng)}"
        for _ in range(POOL_SIZE)
    )
    return Pools(
        about=fill(ABOUT, POOL_SIZE),
        role=role,
        duties=duties,
        needs=fill(REQUIREMENTS, POOL_SIZE),
        nice=fill(NICE_TO_HAVE, POOL_SIZE // 4),
        benefits=fill(BENEFITS, POOL_SIZE // 4),
        life=fill(DAY_IN_LIFE + PROCESS, POOL_SIZE),
    )


def _fill(template: str, rng: random.Random) -> str:
    """Fill a template's slots; slots it does not name are ignored."""
    if "{" not in template:
        return template
    tool, tool2 = rng.sample(TOOLS, 2)
    return template.format(
        product=rng.choice(PRODUCTS),
        industry=rng.choice(INDUSTRIES),
        tool=tool,
        tool2=tool2,
        count=rng.randint(12, 900),
        years=rng.randint(2, 8),
        pct=rng.randint(3, 40),
        days=rng.randint(20, 30),
        weeks=rng.randint(12, 26),
        money=f"${rng.randint(10, 40) * 100:,}",
        year=rng.randint(1995, 2022),
        n=rng.randint(3, 40),
        company="{company}",
    )


@dataclass(frozen=True, slots=True)
class Facts:
    """What one posting says, decided before it is written out in its format."""

    title: str
    show_title: bool
    company: str
    place: Place | None
    pay: str | None
    pay_bounds: tuple[int, int] | None
    employment: str | None
    eeo: str | None
    visa: str | None
    apply: str | None
    extra: tuple[str, ...]


Section = tuple[str, tuple[str, ...], bool]  # heading, paragraphs or bullets, whether bullets


def _posting(number: int, seed: int, pools: Pools) -> dict[str, str]:
    rng = random.Random(f"postlint-synth:{seed}:{number}")
    fmt = _weighted(rng, FORMAT_WEIGHTS)
    facts = _facts(rng)
    target = _target_length(rng)
    sections = _sections(rng, pools, facts, target)
    if fmt == "markdown":
        text = _markdown(rng, facts, sections)
    elif fmt == "html":
        text = _html(rng, facts, sections)
    else:
        text = _plain(rng, facts, sections)
    text = text.replace("{company}", facts.company)
    if rng.random() < 0.45:
        text = text.replace("'", "’")
    if rng.random() < 0.03:
        text = _mojibake(rng, text)
    if rng.random() < 0.19:
        text = _nbsp(rng, text)
    if fmt == "text" and rng.random() < 0.05:
        text = text.replace(" and ", " &amp; ", 1)
    if rng.random() < 0.005:
        text = text.replace("\n\n", "\n\x0c\n", 1)
    return {
        "id": f"synth-{number:06d}",
        "text": text,
        "format": fmt,
        "location": facts.place.name if facts.place else "",
    }


def _weighted(rng: random.Random, table: Sequence[tuple[str, int]]) -> str:
    return rng.choices([name for name, _ in table], [weight for _, weight in table])[0]


def _target_length(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.02:
        return rng.randint(150, 500)
    if roll < 0.03:
        return rng.randint(30_000, 70_000)
    return int(MEDIAN_BYTES * math.exp(rng.gauss(0.0, LENGTH_SIGMA)))


def _facts(rng: random.Random) -> Facts:
    company = f"{rng.choice(COMPANY_HEADS)} {rng.choice(COMPANY_TAILS)}"
    title = rng.choice(LOADED_TITLES) if rng.random() < 0.01 else rng.choice(SENIORITY) + rng.choice(ROLES)
    place = None if rng.random() < NO_LOCATION_SHARE else rng.choices(PLACES, PLACE_WEIGHTS)[0]
    pay, bounds = _pay(rng, place.currency if place else "USD")
    extra: list[str] = []
    if rng.random() < 0.07:
        extra += rng.sample(EXCLUSIONARY, rng.choice((1, 1, 1, 2)))
    if rng.random() < 0.03:
        extra.append("A background check is required.")
    if rng.random() < 0.04:
        extra.append("PLEASE NOTE: WE DO NOT ACCEPT APPLICATIONS FROM AGENCIES OR RECRUITERS.")
    if rng.random() < 0.01:
        extra.append(rng.choice(PLACEHOLDERS))
    # Colorado's law asks for a deadline, and covers remote roles that could be done from there.
    colorado = place is not None and any(word in place.name for word in ("CO", "Colorado", "Remote"))
    if rng.random() < (0.7 if colorado else 0.22):
        year = rng.choice((2019, 2021, 2022, 2023, 2024, 2025, 2027))
        extra.append(f"Application deadline: {rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}.")
    if rng.random() < 0.15:
        extra.append("If you need adjustments during the hiring process, let us know.")
    eeo = _fill(rng.choice(EEO_STATEMENTS), rng) if rng.random() < 0.33 else None
    visa = None
    if rng.random() < 0.22:
        visa = rng.choice(VISA_STATEMENTS).replace(
            "{country}", COUNTRIES.get(place.currency if place else "USD", "this country")
        )
    if place is not None and place.currency == "EUR" and rng.random() < 0.5:
        title += rng.choice((" (m/f/d)", " (all genders)", " (m/w/d)"))
    return Facts(
        title=title,
        show_title=rng.random() < 0.72,
        company=company,
        place=place,
        pay=pay,
        pay_bounds=bounds,
        employment=rng.choice(EMPLOYMENT_TYPES) if rng.random() < 0.6 else None,
        eeo=eeo,
        visa=visa,
        apply=_apply(rng, company),
        extra=tuple(extra),
    )


def _money(currency: str, amount: float, short: bool = False) -> str:
    symbol = SYMBOLS.get(currency, "$")
    if short and amount >= 1000:
        return f"{symbol}{amount / 1000:.0f}k"
    if currency == "EUR" and amount >= 1000:
        return f"{amount:,.0f}".replace(",", ".") + " €"
    return f"{symbol}{amount:,.0f}" if amount >= 100 else f"{symbol}{amount:.2f}"


def _pay(rng: random.Random, currency: str) -> tuple[str | None, tuple[int, int] | None]:
    kind = _weighted(rng, PAY_KINDS)
    mid = ANNUAL_MIDPOINTS.get(currency, 100) * 1000 * rng.uniform(0.6, 1.5)
    low, high = round(mid * 0.88, -3), round(mid * 1.12, -3)
    dash = rng.choice((" - ", "–", " to ", "-"))
    if kind == "range":
        short = rng.random() < 0.25
        period = rng.choice((" per year", " annually", "/year", "", ""))
        return f"{_money(currency, low, short)}{dash}{_money(currency, high, short)}{period}", (int(low), int(high))
    if kind == "hourly":
        low_h = round(rng.uniform(18, 60), 2)
        return f"{_money(currency, low_h)}{dash}{_money(currency, low_h * 1.2)} per hour", None
    if kind == "vague":
        return (
            rng.choice(
                (
                    "Competitive salary and benefits.",
                    "Salary: DOE",
                    "Compensation commensurate with experience.",
                    "Attractive package for the right candidate.",
                )
            ),
            None,
        )
    if kind == "single":
        return rng.choice(("Up to ", "Starting at ", "From ")) + _money(currency, high), None
    if kind == "malformed":
        return (
            rng.choice(
                (
                    f"{_money(currency, low)} - ",
                    f"{_money(currency, high)} - {_money(currency, low)}",
                    f"{_money(currency, 12)} - {_money(currency, high * 10)}",
                    f"{_money(currency, low)}-$?",
                )
            ),
            None,
        )
    return None, None


def _apply(rng: random.Random, company: str) -> str | None:
    slug = company.lower().replace(" ", "")
    kind = _weighted(rng, APPLY_KINDS)
    num = rng.randint(1_000_000, 9_999_999)
    uuid = f"{rng.getrandbits(128):032x}"
    ats = rng.choice(ATS).format(slug=slug, num=num, uuid=f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}")
    if kind == "ats":
        return ats
    if kind == "email":
        return f"mailto:jobs@{slug}.com"
    if kind == "http":
        return ats.replace("https://", "http://", 1)
    if kind == "shortener":
        return f"https://{rng.choice(SHORTENERS)}/{uuid[:7]}"
    if kind == "tracking":
        return f"{ats}?utm_source={rng.choice(('linkedin', 'newsletter', 'twitter'))}&utm_medium=social"
    if kind == "malformed":
        return rng.choice((ats.replace("https://", "https//", 1), ats.replace("https://", "htps://", 1), "https://"))
    return None


def _sections(rng: random.Random, pools: Pools, facts: Facts, target: int) -> list[Section]:
    """Lay out the body: fixed sections first, then more material until the target length."""

    def heading(key: str) -> str:
        return rng.choice(HEADINGS[key])

    # The pools are already shuffled, so each pool is read onwards from a random start:
    # one random number per pool instead of one per sentence, and no sentence repeats
    # within a posting until the pool wraps round.
    cursors: dict[int, int] = {}

    def sample(pool: tuple[str, ...], count: int) -> tuple[str, ...]:
        start = cursors.get(id(pool))
        if start is None:
            start = rng.randrange(len(pool))
        count = min(count, len(pool))
        cursors[id(pool)] = (start + count) % len(pool)
        taken = pool[start : start + count]
        return taken + pool[: count - len(taken)]

    def paragraph(pool: tuple[str, ...]) -> str:
        return " ".join(sample(pool, rng.randint(2, 4)))

    sections: list[Section] = []
    if target < 600:
        sections.append(("", (paragraph(pools.role),), False))
        return sections
    sections.append((heading("about"), (paragraph(pools.about),), False))
    # About one posting in eight never says what the work is, as in the real corpus.
    describes_work = rng.random() < 0.88
    sections.append((heading("role"), (paragraph(pools.role if describes_work else pools.about),), False))
    if describes_work and rng.random() < 0.16:
        # One run-on sentence, as pasted-together postings have.
        run_on = ", and ".join(item[0].lower() + item[1:] for item in sample(pools.duties, 6))
        sections[-1] = (sections[-1][0], (*sections[-1][1], f"You will {run_on}."), False)
    if describes_work:
        sections.append((heading("do"), sample(pools.duties, rng.randint(4, 8)), True))
    if rng.random() < 0.94:
        needs = rng.randint(12, 16) if rng.random() < 0.03 else rng.randint(3, 7)
        sections.append((heading("need"), sample(pools.needs, needs), True))
    if rng.random() < 0.5:
        sections.append((heading("nice"), sample(pools.nice, rng.randint(2, 4)), True))
    if rng.random() < 0.85:
        sections.append((heading("benefits"), sample(pools.benefits, rng.randint(3, 7)), True))
    size = sum(len(p) for _, body, _ in sections for p in body)
    life: list[str] = []
    while size < target:
        pool = pools.about if not describes_work or rng.random() < 0.25 else rng.choice((pools.life, pools.role))
        more = paragraph(pool)
        life.append(more)
        size += len(more) + 2
    if life:
        # Long postings split into several sections, as long real ones do, each with its own heading.
        titles = [heading("life"), *rng.sample(EXTRA_HEADINGS, len(EXTRA_HEADINGS))]
        step = max(6, math.ceil(len(life) / len(titles)))
        for title, start in zip(titles, range(0, len(life), step), strict=False):
            sections.append((title, tuple(life[start : start + step]), False))
    return sections


def _closing(facts: Facts) -> list[str]:
    """The statements real postings put near the end, in a fixed order."""
    lines = list(facts.extra)
    if facts.visa:
        lines.append(facts.visa)
    if facts.eeo:
        lines.append(facts.eeo)
    return lines


def _apply_line(facts: Facts, markdown: bool) -> str | None:
    if facts.apply is None:
        return None
    if facts.apply.startswith("mailto:"):
        return f"Send your CV to {facts.apply.removeprefix('mailto:')}."
    if markdown:
        return f"[Apply here]({facts.apply})"
    return f"Apply at {facts.apply}"


def _markdown(rng: random.Random, facts: Facts, sections: list[Section]) -> str:
    lines: list[str] = []
    front_matter = rng.random() < 0.3
    if front_matter:
        lines.append("---")
        if rng.random() < 0.03:
            lines.append('title: "' + facts.title)
        elif facts.show_title:
            lines.append(f"title: {json.dumps(facts.title)}")
        lines.append(f"company: {json.dumps(facts.company)}")
        if facts.place:
            lines.append(f"location: {json.dumps(facts.place.name)}")
        if facts.pay_bounds and rng.random() < 0.5:
            lines += [f"salary_min: {facts.pay_bounds[0]}", f"salary_max: {facts.pay_bounds[1]}"]
            lines.append(f"salary_currency: {facts.place.currency if facts.place else 'USD'}")
        if facts.apply and facts.apply.startswith("http") and rng.random() < 0.5:
            lines.append(f"apply_url: {facts.apply}")
        lines.append(f"date: 20{rng.randint(19, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        lines += ["---", ""]
    if facts.show_title:
        lines += [f"# {facts.title}", ""]
    marker = rng.choice("-*")
    meta = []
    if facts.place:
        meta.append(f"**Location:** {facts.place.name}")
    if facts.employment:
        meta.append(f"**Type:** {facts.employment}")
    if facts.pay and rng.random() < 0.5:
        meta.append(f"**Salary:** {facts.pay}")
        pay_in_meta = True
    else:
        pay_in_meta = False
    if meta:
        lines += ["  \n".join(meta), ""]
    for title, body, bullets in sections:
        if title:
            lines += [f"## {title}", ""]
        if bullets:
            lines += [f"{marker} {item}" for item in body]
            lines.append("")
        else:
            for paragraph in body:
                lines += [paragraph, ""]
    if facts.pay and not pay_in_meta:
        lines += [f"## {rng.choice(HEADINGS['pay'])}", "", f"The pay range for this role is {facts.pay}.", ""]
    closing = _closing(facts)
    for paragraph in closing:
        lines += [paragraph, ""]
    apply = _apply_line(facts, markdown=True)
    if apply:
        lines += [f"## {rng.choice(HEADINGS['apply'])}", "", apply, ""]
    return "\n".join(lines)


def _plain(rng: random.Random, facts: Facts, sections: list[Section]) -> str:
    lines = [facts.title, facts.company] if facts.show_title else [f"Join {facts.company}"]
    if facts.place:
        lines.append(facts.place.name)
    if facts.employment:
        lines.append(facts.employment)
    lines.append("")
    shout = rng.random() < 0.15
    bullet = rng.choice(("- ", "• ", "* ", ""))
    for title, body, bullets in sections:
        if title:
            lines += [title.upper() if shout else f"{title}:", ""]
        if bullets:
            lines += [f"{bullet}{item}" for item in body]
            lines.append("")
        else:
            for paragraph in body:
                lines += [paragraph, ""]
    if facts.pay:
        lines += [f"Salary: {facts.pay}", ""]
    for paragraph in _closing(facts):
        lines += [paragraph, ""]
    apply = _apply_line(facts, markdown=False)
    if apply:
        lines += [apply, ""]
    return "\n".join(lines)


def _html(rng: random.Random, facts: Facts, sections: list[Section]) -> str:
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        f'<head><meta charset="utf-8"><title>{esc(facts.title)} at {esc(facts.company)}</title></head>',
        "<body>",
    ]
    if facts.show_title:
        parts.append(f"<h1>{esc(facts.title)}</h1>")
    if facts.place:
        parts.append(f'<p class="location"><strong>Location:</strong> {esc(facts.place.name)}</p>')
    if facts.employment:
        parts.append(f"<p><strong>Employment type:</strong> {esc(facts.employment)}</p>")
    for title, body, bullets in sections:
        if title:
            parts.append(f"<h2>{esc(title)}</h2>")
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in body) + "</ul>")
        else:
            parts += [f"<p>{esc(paragraph)}</p>" for paragraph in body]
    if facts.pay:
        parts.append(f"<h2>{esc(rng.choice(HEADINGS['pay']))}</h2><p>{esc(facts.pay)}</p>")
    parts += [f"<p>{esc(paragraph)}</p>" for paragraph in _closing(facts)]
    if facts.apply:
        if facts.apply.startswith("mailto:"):
            parts.append(f'<p>Send your CV to <a href="{esc(facts.apply)}">{esc(facts.apply[7:])}</a>.</p>')
        else:
            parts.append(f'<p><a href="{esc(facts.apply)}">Apply for this job</a></p>')
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _nbsp(rng: random.Random, text: str) -> str:
    """Leave a no-break space beside an ordinary one, as text pasted from a word processor does."""
    for _ in range(rng.randint(1, 3)):
        at = text.find(" ", rng.randrange(len(text)))
        if at > 0:
            text = text[:at] + "\u00a0 " + text[at + 1 :]
    return text


def _mojibake(rng: random.Random, text: str) -> str:
    """Mis-decode one stretch of the text as Windows-1252 or Mac Roman, as copy-paste chains do."""
    if "’" not in text:
        text = text.replace("'", "’")
    codec = rng.choice(("cp1252", "mac_roman"))
    start = text.find("’")
    if start < 0:
        return text
    end = min(len(text), start + rng.randint(200, 3000))
    stretch = text[start:end]
    try:
        broken = stretch.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        broken = stretch.replace("’", "â€™" if codec == "cp1252" else "‚Äô")
    return text[:start] + broken + text[end:]


def main(argv: Sequence[str] | None = None) -> int:
    """Write synthetic postings as files or JSON lines and report the time taken."""
    parser = argparse.ArgumentParser(
        prog="python bench/synth.py",
        description="Generate realistic synthetic job postings (deterministic for a given seed).",
    )
    parser.add_argument("count", type=int, metavar="COUNT", help="how many postings")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="DIR", help="write files, 1,000 per subfolder")
    target.add_argument("--jsonl", metavar="FILE", help="write JSON lines to FILE ('-': standard output)")
    parser.add_argument("--seed", type=int, default=0, help="seed (default: 0)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("COUNT must be 0 or more")
    start = time.perf_counter()
    if args.out is not None:
        made, size = write_files(args.count, args.out, args.seed)
        where = str(args.out)
    elif args.jsonl == "-":
        try:
            made, size = write_jsonl(args.count, sys.stdout, args.seed)
        except BrokenPipeError:
            # The reader stopped early (`| head`): not an error. Point stdout at
            # nothing so the interpreter's final flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
        where = "standard output"
    else:
        with open(args.jsonl, "w", encoding="utf-8") as stream:
            made, size = write_jsonl(args.count, stream, args.seed)
        where = args.jsonl
    seconds = time.perf_counter() - start
    print(f"synth: {made:,} postings, {size / 1e6:,.1f} MB to {where} in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
