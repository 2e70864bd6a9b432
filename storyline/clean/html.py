"""HTML pages: trafilatura for the body and metadata, htmldate for the date, figure captions."""

from __future__ import annotations

import trafilatura

from storyline.clean.page import Page


def clean_html(html: str, url: str | None = None) -> Page:
    """The article body (paragraphs separated by a blank line) and the page's metadata."""
    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if result is None:
        return Page(text="", url=url)
    paragraphs = [line.strip() for line in (result.text or "").split("\n") if line.strip()]
    authors = [a.strip() for a in (result.author or "").split(";") if a.strip()]
    return Page(
        text="\n\n".join(paragraphs),
        title=result.title,
        outlet=result.sitename,
        authors=authors,
        published=result.date,
        url=url or result.url,
    )
