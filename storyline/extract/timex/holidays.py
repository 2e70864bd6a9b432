"""Holidays: on a fixed date ("Christmas"), or moving with the calendar ("Thanksgiving", "Good Friday"), as
`resources/time_lexicon.json` defines them."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.lexicon import lookup
from storyline.extract.timex.reading import Result, direction, unanchored, with_part, year_number
from storyline.extract.timex.values import DAY, WEEK, Point, days_in_month, nearest_year

# A holiday, but not a name it heads ("the Easter Rising", "Christmas Island"), nor Easter eggs
HOLIDAY = (
    rf"(?P<name>{p.HOLIDAY})(?!\s+(?:(?-i:[A-Z][a-z])|eggs?\b|bunn))(?:,?\s+(?P<year>{p.YEAR}))?"
    rf"(?:\s+(?P<part>{p.PART_OF_DAY})\b)?"  # "Christmas night"
)
# a holiday as the event a time is counted from: "the day after Christmas", "two days after Easter"
HOLIDAY_NAMED = re.compile(rf"\s*{HOLIDAY}(?!\w)", re.IGNORECASE)


# "(eight days before) the new year": the coming January 1, not the year ("in the new year")
_NEW_YEAR = re.compile(r"\s*the\s+new\s+year\b(?!['’]s)", re.IGNORECASE)
NEW_YEAR_PAST_DAYS = 14  # how long into January "the new year" is still the one just begun


def date_of_event(ctx: Context, at: int) -> Point | None:
    """The date of the event named at `at`: one the text has dated ("the shooting"), or a holiday."""
    if (dated := ctx.event_date(at)) is not None:
        return dated
    if _NEW_YEAR.match(ctx.text, at) and (anchor := ctx.anchor()) is not None:
        return Point(date((anchor - timedelta(days=NEW_YEAR_PAST_DAYS)).year + 1, 1, 1), DAY)
    named = HOLIDAY_NAMED.match(ctx.text, at)
    found = holiday(named, ctx) if named is not None else None
    return found[2] if found is not None else None


def holiday(m: re.Match[str], ctx: Context) -> Result | None:
    """A holiday on a fixed date ("Christmas"), or one that moves with the calendar ("Thanksgiving", the
    fourth Thursday of November; "Good Friday", two days before Easter), in the year the clause points to."""
    name = m["name"]
    if m["year"]:
        year = year_number(m["year"])
    else:
        anchor = ctx.anchor()
        if anchor is None:
            return unanchored(_unplaced_holiday(name))
        near = holiday_day(name, anchor.year)
        way = 0 if _in_season(ctx, m, anchor, near) else direction(ctx, m, 0)
        year = nearest_year(anchor, near.month, near.day, way)
    week = (lookup("movable_holidays", name) or {}).get("week")
    point = Point(holiday_day(name, year), WEEK if week else DAY)
    return with_part(point, None if week else m["part"], point.value())


HOLIDAY_SEASON_DAYS = 31  # how long before a holiday its season ("Black Friday deals") is talked of


def _in_season(ctx: Context, m: re.Match[str], anchor: date, day: date) -> bool:
    """Whether the holiday names a season at hand: a modifier of a noun ("Black Friday deals have gone live",
    "the Christmas rush") in the weeks before it is this year's, whatever the tense of its clause."""
    span = ctx.span(m.start("name"), m.end("name"))
    modifier = span is not None and span.root.dep_ == "compound"
    return modifier and 0 <= (day - anchor).days <= HOLIDAY_SEASON_DAYS


def holiday_day(name: str, year: int) -> date:
    """The day of a holiday in a year: its fixed date, the nth (or last, -1) weekday of its month, or so
    many days from Easter, then `plus` days more (Black Friday is the day after Thanksgiving)."""
    fixed = lookup("holidays", name)
    if fixed:
        month, day = (int(x) for x in fixed.split("-"))
        return date(year, month, day)
    rule: dict[str, int] = lookup("movable_holidays", name)
    if "easter" in rule:
        return easter(year) + timedelta(days=rule["easter"])
    month, weekday, nth = rule["month"], rule["weekday"] - 1, rule["nth"]
    if nth > 0:
        first_day = date(year, month, 1)
        when = first_day + timedelta(days=(weekday - first_day.weekday()) % 7 + 7 * (nth - 1))
    else:
        last_day = date(year, month, days_in_month(year, month))
        when = last_day - timedelta(days=(last_day.weekday() - weekday) % 7)
    return when + timedelta(days=rule.get("plus", 0))


def _unplaced_holiday(name: str) -> str:
    fixed = lookup("holidays", name)
    if fixed:
        return f"XXXX-{fixed}"
    rule = lookup("movable_holidays", name)
    if rule.get("week"):
        return "XXXX-WXX"
    return f"XXXX-{rule['month']:02d}-XX" if "month" in rule else "XXXX-XX-XX"  # Easter's month varies
