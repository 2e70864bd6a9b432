"""Names that hold time words: "the Sunday Times", "China Daily", "USA Today", CBS's "60 Minutes". A time
expression inside one is part of the name, not a time.

Known names come from the outlets resource and the lexicon's `names`; the rest are found by their shape.
"""

from __future__ import annotations

import re
from functools import cache

from storyline.extract.timex import patterns as p
from storyline.extract.timex.lexicon import table
from storyline.resources import read_json

_TITLE_WORD = r"[A-Z0-9][\w'’.-]*"
_MINOR_WORD = r"(?:of|the|and|for|on|in|at|a|an|to)"
_NOT_A_DATE = rf"(?!{p.MONTH}\b|{p.WEEKDAY}\b)"
_SHAPES = re.compile(
    # a short quotation in title case: a programme or a film (ABC's "This Week", ``High Noon'')
    rf"(?:[\"“]|``)(?:{_TITLE_WORD})(?:\s+(?:{_TITLE_WORD}|{_MINOR_WORD})){{0,5}}[,.]?(?:[\"”]|'')"
    # "the Sunday Times", "the Tuesday Club": a capitalised weekday or "Daily" heading a name
    rf"|\b[Tt]he\s+(?:{p.WEEKDAY}|Daily)\s+{_NOT_A_DATE}[A-Z][a-z]+"
    # "China Daily", "People's Daily" (but "the daily Granma" is a paper that comes out daily); "the journal
    # Monthly Notices"
    r"|\b[A-Z][\w'’]*\s+Daily\b|(?<=[\w,;] )(?:Daily|Weekly|Monthly|Quarterly)\s+[A-Z]"
    # "Person of the Year", "a Second Assembly": a capitalised unit in a title
    r"|\bof\s+the\s+(?:Year|Month|Week|Day|Decade|Century)\b|\b(?:an?|one)\s+(?:Second|Minute|Hour|Day|Week)\s+[A-Z]"
    # "Midnight Magic", "the Arab Spring": a capitalised hour or season inside a sentence, after a word
    r"|(?<=[\w,;] )(?:Midnight|Noon|Midday)\b|(?<=[a-z] )[A-Z][a-z]+\s+(?:Spring|Summer|Autumn|Winter)\b"
    r"(?!\s+[A-Z])"  # but the "Chinese Winter Offensive" was fought in a winter
    # NBC's Today show, the Today programme; "VOA Today": a capitalised time word after an acronym
    r"|\b[A-Z]\w*\s+(?:show|programme|program)\b|\b[A-Z]{2,}\s+(?:Today|Tonight)\b"
    # a march, not the month: "the Long March", "the March to Versailles", "the March of Dimes" (but "the
    # March 5 vote", "the March quarter", "the Fed's March meeting")
    r"|\b[Tt]he\s+(?:[A-Z][\w-]*\s+){1,2}March\b"
    r"|\b[Tt]he\s+March(?=\s+(?:to|on|from|through|across|of(?!\s+\d))\b|\s*[.;:)])"
)


@cache
def _known() -> re.Pattern[str]:
    outlets = read_json("outlets.json")["outlets"]
    names = [n for o in outlets for n in (o["name"], *o["aliases"])] + list(table("names"))
    # as written, in the capitals of a headline or a masthead ("USA TODAY"), and as a caption's credit may
    # spell it ("Usa Today Sports")
    timed = sorted(
        {v for n in names if p.TRIGGER_WORD.search(n) for v in (n, n.upper(), n.title())},
        key=len,
        reverse=True,
    )
    # after a space or an opening quote mark (''60 Minutes''), not inside a word or after an apostrophe's "s"
    return re.compile(r"(?<!\w)(?<!\w['’])(?:" + "|".join(map(re.escape, timed)) + r")(?!\w)")


def name_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the names in the text that hold time words."""
    return [m.span() for pattern in (_known(), _SHAPES) for m in pattern.finditer(text)]
