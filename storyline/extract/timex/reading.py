"""Reading the words of a match (numbers, months, units, parts of day) and the shapes values share."""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.document import TimeType
from storyline.extract.timex.context import Context
from storyline.extract.timex.lexicon import key, lookup, number
from storyline.extract.timex.values import (
    CENTURY,
    DAY,
    DECADE,
    MONTH,
    QUARTER,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
)

# (type, value, the point it names if it is a calendar date the text may refer back to)
Result = tuple[TimeType, str, Point | None]
Handler = Callable[[re.Match[str], Context], Result | None]


UNIT_GRAIN = {"Y": YEAR, "M": MONTH, "W": WEEK, "D": DAY, "Q": QUARTER, "WE": WEEKEND, "10Y": DECADE,
              "100Y": CENTURY, "2W": WEEK}  # fmt: skip


def unit_code(text: str) -> str:
    word = key(text)
    code = lookup("units", word)
    if code is None and word.endswith("s"):
        code = lookup("units", word[:-1])
    if code is None and word.endswith("ies"):
        code = lookup("units", word[:-3] + "y")
    return code or "Y"


def month_number(text: str) -> int:
    return int(lookup("months", text))


def day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else int(lookup("ordinals", text))


def year_number(text: str) -> int:
    """A year written in digits or in words ("nineteen ninety-six", "two thousand")."""
    if text[:1].isdigit():
        return int(text)
    words = key(text).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(number(" ".join(words[2:])) or 0) if len(words) > 2 else 2000
    century = int(number(words[0]) or 0)
    rest = " ".join(words[1:])
    return century * 100 + (int(number(rest) or 0) if rest != "hundred" else 0)


def first(m: re.Match[str], *names: str) -> str | None:
    """The first of several groups that matched (alternatives of a pattern need distinct group names)."""
    return next((m[name] for name in names if m[name]), None)


def unanchored(point_value: str) -> Result:
    return ("DATE", point_value, None)


def direction(ctx: Context, m: re.Match[str], default: int) -> int:
    tense = ctx.tense(m.start(), m.end())
    return tense if tense else default


def is_proper_noun(ctx: Context, start: int, end: int) -> bool:
    span = ctx.span(start, end)
    return span is not None and span[0].tag_ == "NNP"


def part_code(text: str | None) -> str:
    return "T" + str(lookup("parts_of_day", text)) if text else ""


def with_part(day: Point | None, part: str | None, fallback: str) -> Result:
    """A day, or a part of that day (`2023-09-10TAF`, a TIME)."""
    value = day.value() if day else fallback
    if part:
        return ("TIME", value + part_code(part), day)
    return ("DATE", value, day)


def line_start(text: str, start: int) -> bool:
    """Whether the position opens its line (after a bullet or a dash)."""
    return not text[text.rfind("\n", 0, start) + 1 : start].strip(" -•*\t")


_ENTRY = re.compile(r"\s*:")


def heads_entry(text: str, start: int, end: int) -> bool:
    """Whether the expression heads an entry of an agenda or a timeline ("Friday: ...", "Oct. 27: ...")."""
    return _ENTRY.match(text, end) is not None and line_start(text, start)
