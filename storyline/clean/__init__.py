"""Make the article body and metadata out of a raw page; keep everything removed."""

from __future__ import annotations

import re

from storyline.clean.html import clean_html
from storyline.clean.page import Page
from storyline.clean.text import clean_text
from storyline.errors import BadInput
from storyline.extract.lexicon import lookup
from storyline.sources.raw import RawDocument

_HTML_SNIFF = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p)\b", re.IGNORECASE)

__all__ = ["Page", "clean", "sniff_format"]


def sniff_format(content: str) -> str:
    """`html` when the start of the content looks like markup, else `text`."""
    return "html" if _HTML_SNIFF.search(content[:2048]) else "text"


def canonical_outlet(name: str | None) -> str | None:
    """The lexicon's name for a known outlet ('AP' -> 'Associated Press'), else the name as found."""
    known = lookup(name) if name else None
    return known.name if known and known.type == "ORG" else name


def clean(raw: RawDocument) -> Page:
    """The Page for a raw input; metadata the user gave wins over what the page says."""
    fmt = sniff_format(raw.content) if raw.format == "auto" else raw.format
    if raw.no_clean:
        page = Page(text=raw.content)
    elif fmt == "html":
        page = clean_html(raw.content, url=raw.url)
    else:
        page = clean_text(raw.content)
    if not page.text.strip():
        raise BadInput("no article text found in the input", doc_id=raw.id)
    page.title = raw.title or page.title
    page.outlet = raw.outlet or canonical_outlet(page.outlet)
    page.published = raw.published or page.published
    page.url = raw.url or page.url
    return page
