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
from postlint.prefilter import folds_plainly

__all__ = ["federal_employer"]

# Country id -> signs that the employer is that country's national government, in lower case: they are
# searched case-sensitively in the lower-cased posting, where `re` skips ahead to the characters a sign can
# start with (six times faster than a case-insensitive search, which tries every alternative everywhere).
_SIGNS: tuple[tuple[str, str], ...] = (
    (
        "US",
        r"\b(?:usajobs\b|usajobs\.gov\b|gs-\d{1,2}\b|18f\b|technology\s+transformation\s+services\b"
        r"|general\s+services\s+administration\b|u\.?s\.?\s+digital\s+service\b"
        r"|suitable\s+for\s+federal\s+employment\b|federal\s+civil\s+service\b"
        r"|presidential\s+innovation\s+fellows?\b)|@gsa\.gov\b",
    ),
    (
        "CA",
        r"\b(?:government\s+of\s+canada\b|canadian\s+digital\s+service\b|federal\s+public\s+service\b"
        r"|public\s+service\s+commission\b|gouvernement\s+du\s+canada\b"
        r"|fonction\s+publique\s+f[ée]d[ée]rale\b|service\s+num[ée]rique\s+canadien\b)|\.gc\.ca\b",
    ),
)
_FEDERAL: tuple[tuple[str, re.Pattern[str]], ...] = tuple((country, lazy_regex(signs)) for country, signs in _SIGNS)
# The same signs for a text that lower-casing would change in length or fold unlike `re` (see `folds_plainly`).
_FEDERAL_ANY_CASE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (country, lazy_regex(signs, re.IGNORECASE)) for country, signs in _SIGNS
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
    text = doc.text
    lowered = text.lower()
    if not any(hint in lowered for hint in _HINTS):
        return None
    plain = folds_plainly(text, lowered)
    for country, signs in _FEDERAL if plain else _FEDERAL_ANY_CASE:
        m = signs.search(lowered if plain else text)
        if m is not None:
            return country, text[m.start() : m.end()]
    return None
