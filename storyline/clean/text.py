"""Scraped plain text: the body without captions, datelines and page boilerplate."""

from __future__ import annotations

from storyline.clean.page import Page


def clean_text(text: str) -> Page:
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Page(text="\n\n".join(paragraphs))
