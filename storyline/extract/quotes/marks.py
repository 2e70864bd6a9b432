"""Quotations found by their marks: straight and curly, across paragraphs, robust to odd marks.

A quotation is kept to its paragraph unless the next paragraph opens with a mark, the newspaper
convention for a quote running on. A mark that opens but never closes ends at its paragraph, so
one stray mark cannot swallow the rest of the article; a closing mark with nothing open is ignored.
A paragraph without double marks may quote in single ones, as British papers do ('It is over,' she
said); there an opening mark starts a word and a closing one ends a phrase, so the apostrophes of
"don't", "Cardi's" and "the '80s" are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes stand for a double mark in some newspaper archives (''Quote,'' he said) and `` opens one.
MARK_RE = re.compile(r"''|``|[\"“”„«»]")
LINE_RE = re.compile(r"[^\n]*\n?")
OPENERS = ("“", "„", "«", "``")
CLOSERS = ("”", "»")
STRAIGHT = ('"', "''")
# Characters before a straight mark that show it opens a quotation rather than closing one.
BEFORE_OPEN = " \t\n([{—–-―/:"
SINGLE_OPEN_RE = re.compile(r"(?<![\w'‘’])['‘](?=[A-Za-z])")
# A closing single mark ends a phrase; one after an "s" and before a lower-case word is a plural possessive.
SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?…])['’](?![\w])")
PLURAL_POSSESSIVE_RE = re.compile(r"s['’]\s+[a-z]")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include its marks; `closed` is False when the mark never closed."""

    start: int
    end: int
    closed: bool


def _opens(text: str, m: re.Match[str]) -> bool:
    """Could the mark open a quotation? (A curly closer before a word is often a typo for an opener.)"""
    before = text[m.start() - 1] if m.start() else "\n"
    after = text[m.end()] if m.end() < len(text) else "\n"
    if m.group() in OPENERS:
        return True
    return before in BEFORE_OPEN and not after.isspace()


def _closes(m: re.Match[str]) -> bool:
    return m.group() in CLOSERS or m.group() in STRAIGHT


def _starts_with_opener(line: str) -> bool:
    return line.lstrip().startswith(OPENERS + STRAIGHT)


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in single marks within one paragraph: each opener to the first closer after it that is not
    a plural possessive (the last closer of the paragraph always closes)."""
    quotes: list[Quote] = []
    closers = [m.start() for m in SINGLE_CLOSE_RE.finditer(text, start, end)]
    pos = start
    while opener := SINGLE_OPEN_RE.search(text, pos, end):
        after = [c for c in closers if c > opener.end()]
        close = next(
            (c for c in after if c == after[-1] or not PLURAL_POSSESSIVE_RE.match(text, c - 1)), None
        )
        if close is None:
            break
        quotes.append(Quote(opener.start(), close + 1, True))
        pos = close + 1
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """The quotations of a text, in order."""
    return sorted(_double_quotes(text) + _single_quoted_paragraphs(text), key=lambda q: q.start)


def _single_quoted_paragraphs(text: str) -> list[Quote]:
    return [
        quote
        for m in LINE_RE.finditer(text)
        if m.end() > m.start() and not MARK_RE.search(text, m.start(), m.end())
        for quote in _single_quotes(text, m.start(), m.end())
    ]


def _double_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    lines = [(m.start(), m.end()) for m in LINE_RE.finditer(text) if m.end() > m.start()]
    open_at: int | None = None
    continuing = False
    for n, (line_start, line_end) in enumerate(lines):
        if not text[line_start:line_end].strip():
            continue
        first = True
        for m in MARK_RE.finditer(text, line_start, line_end):
            if continuing and first:
                # The run-on paragraph's opening mark continues the quotation already open.
                continuing = first = False
                continue
            first = False
            if open_at is None:
                if _opens(text, m):
                    open_at = m.start()
            elif _closes(m):
                quotes.append(Quote(open_at, m.end(), True))
                open_at = None
            else:
                # A second opener while one is open: the first never closed; end it here.
                quotes.append(Quote(open_at, _trimmed_end(text, open_at, m.start()), False))
                open_at = m.start()
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
