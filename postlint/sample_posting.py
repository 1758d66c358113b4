"""postlint's own sample posting: what the warm server and the package's tables are built on.

Both must warm up without reading anything of a user's, so they lint this, with the built-in
packs, in each of the forms a posting comes in.
"""

from __future__ import annotations

SAMPLE = """---
location: Denver, CO
---
# Backend Engineer

Acme Corp is hiring a backend engineer in Denver, CO. The salary range is $120,000 - $150,000 a year.
You will build APIs in Python and review code with a small team. Apply at https://example.com/jobs/1.

Acme is an equal opportunity employer. We do not sponsor visas for this role.
"""

# The sample in each format postlint reads, with the suffix of a file in that format.
SAMPLES = {
    "markdown": (".md", SAMPLE),
    "text": (".txt", SAMPLE),
    "html": (".html", f"<html><body><pre>{SAMPLE}</pre></body></html>"),
}
