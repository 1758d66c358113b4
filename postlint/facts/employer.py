"""Whether a posting is for a national government's own job, which regional laws do not reach.

A state's pay-transparency act or a province's employment standards bind employers within the
state or province, but not the national government: in the US the federal government is immune
from state regulation of its own hiring (intergovernmental immunity; federal pay is set by 5 U.S.C.
ch. 53), and Canada's federal public service is under federal, not provincial, labour law
(Constitution Act, 1867, s. 91). So a USAJOBS posting for a remote GS-15 role is not in breach of
Colorado's law, and a Canadian Digital Service posting not of Ontario's. Only strong signs count:
an agency's own name, its hiring system or its pay grades, never "we work with the federal
government" (contractors are private employers, bound like any other).
"""

from __future__ import annotations

import re

from postlint.document import Document
from postlint.lazy_regex import lazy_regex

__all__ = ["federal_employer"]

# Country id -> signs that the employer is that country's national government.
_FEDERAL: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "US",
        lazy_regex(
            r"\bUSAJOBS\b|\busajobs\.gov\b|\bGS-\d{1,2}\b|\b18F\b|\bTechnology\s+Transformation\s+Services\b"
            r"|\bGeneral\s+Services\s+Administration\b|@gsa\.gov\b|\bU\.?S\.?\s+Digital\s+Service\b"
            r"|\bsuitable\s+for\s+federal\s+employment\b|\bfederal\s+civil\s+service\b"
            r"|\bPresidential\s+Innovation\s+Fellows?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "CA",
        lazy_regex(
            r"\bGovernment\s+of\s+Canada\b|\bCanadian\s+Digital\s+Service\b|\.gc\.ca\b"
            r"|\bfederal\s+public\s+service\b|\bPublic\s+Service\s+Commission\b|\bgouvernement\s+du\s+Canada\b"
            r"|\bfonction\s+publique\s+f[ée]d[ée]rale\b|\bService\s+num[ée]rique\s+canadien\b",
            re.IGNORECASE,
        ),
    ),
)


# Every sign above holds one of these (lower case): a posting with none is read no further.
_HINTS = (
    "usajobs", "gs-", "18f", "technology transformation", "general services administration", "gsa.gov",
    "digital service", "suitable for federal", "federal civil service", "presidential innovation",
    "government of canada", ".gc.ca", "federal public service", "public service commission",
    "gouvernement du canada", "fonction publique", "service numérique canadien",
)  # fmt: skip


def federal_employer(doc: Document) -> tuple[str, str] | None:
    """(country id, the sign found) when the posting is for that country's national government."""
    lowered = doc.text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return None
    for country, signs in _FEDERAL:
        m = signs.search(doc.text)
        if m is not None:
            return country, m.group()
    return None
