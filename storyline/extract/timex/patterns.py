"""Regular-expression pieces of English temporal expressions, built once from the lexicon.

The pieces are combined by `rules.py` into one pattern per construction. Month and weekday names
match only capitalised ("May" the month, not "may" the verb); everything else ignores case.
"""

from __future__ import annotations

import re

from storyline.extract.timex.lexicon import alternation, table

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


def _capitalised(words: list[str]) -> str:
    return "(?-i:" + "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True)) + ")"


_months = table("months")
MONTH_FULL = _capitalised([m for m in _months if len(m) > 4 or m in ("may", "june", "july")])
# Abbreviations take a dot ("Sept. 30"); a full name's dot ends the sentence.
MONTH = "(?:" + MONTH_FULL + "|" + _capitalised([m for m in _months if len(m) <= 4 and m != "may"]) + r"\.?)"
WEEKDAY = _capitalised(list(table("weekdays")))
ORDINAL_WORD = alternation(table("ordinals"))
DAY_NUMBER = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|{ORDINAL_WORD})"
YEAR = r"(?:1[0-9]{3}|20[0-9]{2})(?![\d%]|,\d|\.\d)"
SPOKEN_YEAR = (
    rf"(?:(?:seventeen|eighteen|nineteen)[\s-]+(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|hundred)"
    rf"|two[\s-]thousand(?:[\s-]+(?:and[\s-]+)?(?:{_TEENS}|{_ONES}))?)"
)
YEAR_ANY = rf"(?:{YEAR}|{SPOKEN_YEAR})"
# A year before the common era, in a pattern that names it beside a month, a season or a century.
BC_ERA = r"(?:B\.C\.?(?:E\.?)?|BCE?)"  # "B.C." (or "B.C" before a closing word), "BCE", "BC"
BC_YEAR = rf"(?P<bc>\d{{1,4}})\s*{BC_ERA}(?!\w)"
NUMBER_WORD = (
    rf"(?:(?:{_ONES}|{_TEENS}|a)[\s-]+(?:hundred|thousand)|(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|{_ONES}|a\s+dozen|dozens\s+of|a\s+couple\s+of|a\s+couple|"
    r"couple\s+of|a\s+hundred|hundreds\s+of)"
)
VAGUE = alternation(table("vague_numbers"))
FRACTION = r"(?:\s+\d/\d|[\s-]+and[\s-]+a[\s-]+half)"
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{NUMBER_WORD}|an?|{VAGUE})(?:{FRACTION})?"
UNIT = (
    r"(?:millenni(?:um|a)|centur(?:y|ies)|decades?|years?|months?|quarters?|fortnights?|weeks?|weekends?|"
    r"days?|nights?|hours?|minutes?|seconds?)"
)
PART_OF_DAY = alternation(table("parts_of_day"))
SEASON = alternation(table("seasons"))
ZONE = (
    "(?-i:" + "|".join(sorted((z.upper() for z in table("zones") if len(z) > 1), key=len, reverse=True)) + ")"
)
SET_WORD = alternation(table("sets"))
HOLIDAY = alternation({**table("holidays"), **table("movable_holidays")})
DECADE_WORD = alternation(table("decade_words"))

# Words before a date or time that TIMEX3 keeps inside the extent ("early Tuesday", "the end of 1994").
DATE_MODIFIER = (
    r"(?:early|late|mid|middle|earlier|later|sometime|"
    r"(?:the\s+)?(?:end|beginning|start|middle|close|turn|(?:first|second|last|latter)\s+half|rest|remainder)"
    r"\s+of(?:\s+the)?)"
)
# Words before a duration (or "N years ago") that TIMEX3 keeps inside the extent ("nearly 4 1/2 years").
QUANTITY_MODIFIER = (
    r"(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than|"
    r"at\s+least|at\s+most|up\s+to|over|under|just\s+over|just\s+under|well\s+over|only|barely|close\s+to|"
    r"upwards\s+of|a\s+little\s+over|a\s+little\s+more\s+than|almost\s+exactly|exactly|nearly\s+a)"
)

# Words at least one of which every temporal expression contains: the rules only run near them.
TRIGGER = (
    rf"\d|['’]\d\d|{MONTH}|{WEEKDAY}|{SEASON}|{PART_OF_DAY}|{SET_WORD}|{HOLIDAY}|{DECADE_WORD}|"
    r"(?:millenni|centur|decade|year|month|quarter|fortnight|week|day|night|hour|minute|second|half|period)\w*|"
    r"today|tonight|yesterday|tomorrow|overnight|noon|midday|midnight|now|current\w*|recent\w*|lately|"
    r"present\w*|nowadays|moment|past|future|someday|later|ahead|seventeen|eighteen|nineteen|thousand|"
    r"(?:near|short|long)[\s-]+term"
)
# Where the rules may match, and which names hold a time word (`names.py`).
TRIGGER_WORD = re.compile(rf"(?<![\w'’])(?:{TRIGGER})", re.IGNORECASE)
