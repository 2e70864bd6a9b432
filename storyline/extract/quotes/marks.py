"""Quotations found by their marks: straight and curly, across paragraphs, robust to odd marks.

A quotation is kept to its paragraph unless the next paragraph opens with a mark, the newspaper
convention for a quote running on. A mark that opens but never closes ends at its paragraph, so
one stray mark cannot swallow the rest of the article; a closing mark with nothing open is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_RE = re.compile(r"[\"“”„«»]")
LINE_RE = re.compile(r"[^\n]*\n?")
OPENERS = "“„«"
CLOSERS = "”»"
# Characters before a straight mark that show it opens a quotation rather than closing one.
BEFORE_OPEN = " \t\n([{—–-―/:"


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include its marks; `closed` is False when the mark never closed."""

    start: int
    end: int
    closed: bool


def _opens(text: str, i: int) -> bool:
    """Could the mark at i open a quotation? (A curly closer at a word's start is often a typo for an opener.)"""
    mark, before = text[i], text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if mark in OPENERS:
        return True
    return before in BEFORE_OPEN and not after.isspace()


def _closes(text: str, i: int) -> bool:
    mark, before = text[i], text[i - 1] if i else "\n"
    return mark in CLOSERS or (mark == '"' and not before.isspace())


def _starts_with_opener(line: str) -> bool:
    stripped = line.lstrip()
    return bool(stripped) and stripped[0] in OPENERS + '"'


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes(text: str) -> list[Quote]:
    """The quotations of a text, in order."""
    quotes: list[Quote] = []
    lines = [(m.start(), m.end()) for m in LINE_RE.finditer(text) if m.end() > m.start()]
    open_at: int | None = None
    continuing = False
    for n, (line_start, line_end) in enumerate(lines):
        if not text[line_start:line_end].strip():
            continue
        first = True
        for m in MARK_RE.finditer(text, line_start, line_end):
            i = m.start()
            if continuing and first:
                # The run-on paragraph's opening mark continues the quotation already open.
                continuing = first = False
                continue
            first = False
            if open_at is None:
                if _opens(text, i):
                    open_at = i
            elif _closes(text, i) or text[i] == '"':
                quotes.append(Quote(open_at, i + 1, True))
                open_at = None
            else:
                # A second opener while one is open: the first never closed; end it here.
                quotes.append(Quote(open_at, _trimmed_end(text, open_at, i), False))
                open_at = i
        continuing = False
        if open_at is None:
            continue
        following = next((text[s:e] for s, e in lines[n + 1 :] if text[s:e].strip()), "")
        if _starts_with_opener(following):
            continuing = True
        else:
            quotes.append(Quote(open_at, _trimmed_end(text, open_at, line_end), False))
            open_at = None
    if open_at is not None:
        quotes.append(Quote(open_at, _trimmed_end(text, open_at, len(text)), False))
    return quotes
