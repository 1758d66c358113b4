"""The format of standard input when no file name tells it: HTML is recognised by its markup.

Read as Markdown, an HTML posting's tags hide its headings and statements and give wrong
findings; Markdown with a little inline HTML (`<br>`, a suppression comment) stays Markdown.
"""

from __future__ import annotations

import re

from postlint.document import Format
from postlint.regex_store import regex

_SAMPLE = 64 * 1024  # enough of any posting to tell; a sniff never reads it all
_DOCUMENT = regex(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_BLOCK_TAG = regex(rb"</(?:p|div|ul|ol|li|h[1-6]|table|tr|td|section|article|strong|b|em|a|span)\s*>", re.I)
_MARKDOWN_LINE = regex(rb"^(?:#{1,6}\s|[-*+]\s|\d+\.\s|>\s|```)", re.M)


def sniff_format(data: bytes, default: Format = "markdown") -> Format:
    """'html' if the bytes are an HTML page or mostly HTML markup, else `default`."""
    sample = data[:_SAMPLE].removeprefix(b"\xef\xbb\xbf")
    if _DOCUMENT.match(sample):
        return "html"
    closing = len(_BLOCK_TAG.findall(sample))
    if closing >= 2 and closing > 2 * len(_MARKDOWN_LINE.findall(sample)):
        return "html"
    return default
