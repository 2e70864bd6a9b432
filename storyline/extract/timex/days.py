"""Values of days and times of day: "yesterday", "early Tuesday", "Sunday afternoon", "5 p.m. EST"."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from storyline.extract.sentences import sentence
from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.dates import calendar_date, year_for
from storyline.extract.timex.lexicon import key, lookup
from storyline.extract.timex.reading import (
    Result,
    day_number,
    direction,
    first,
    heads_entry,
    line_start,
    month_number,
    part_code,
    with_part,
)
from storyline.extract.timex.tense import FUTURE, PAST, follows_in_plan
from storyline.extract.timex.values import (
    DAY,
    Point,
    safe_date,
    weekday_near,
)

RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0,
                 "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip


def relative_day(m: re.Match[str], ctx: Context) -> Result:
    word = key(m["rel"] or m["rel2"] or m["rel3"])
    part = m["part"] or m["part2"] or m["part3"]
    if word in ("this", "last") and part and key(part) in ("night", "evening"):
        offset = -1 if word == "last" else 0
    elif word in ("this", "last"):
        offset = 0
    else:
        offset = RELATIVE_DAYS[word]
    if word in ("tonight", "overnight"):
        part = part or "night"
    now = ctx.deictic()
    if word == "overnight" and now is not None and ctx.tense(m.start(), m.end()) != FUTURE:
        # the night before the day the text is at: "closed lower Friday, hit by overnight losses in New York"
        offset = -1
        if ctx.ref is not None and ctx.ref.grain == DAY and ctx.ref.day <= now:
            now = ctx.ref.day
        if (said := ctx.statement_before(m)) is not None and said.day <= now:
            now = said.day  # "announced Monday that it had struck targets overnight": before the statement
    if ctx.narrative and word == "today" and not part:
        return ("DATE", "PRESENT_REF", None)  # "still used today" in a history
    day = Point(now + timedelta(days=offset), DAY) if now else None
    if day is None and not part and offset == 0:
        return ("DATE", "PRESENT_REF", None)
    return with_part(day, part, "XXXX-XX-XX")


_BESIDE_A_DAY = re.compile(
    r"\(\s*(?:early|late)?\s*$"
    rf"|{p.WEEKDAY}(?:\s+{p.PART_OF_DAY})?,?\s*(?:and/or|and|or|to|through|into|-|–)\s*$",
    re.IGNORECASE,
)


# How far back the day of a plan called off may lie: "A memorial planned for Saturday was canceled" on Sunday.
CALLED_OFF_DAYS_BACK = 2


def weekday(m: re.Match[str], ctx: Context) -> Result:
    number_ = int(lookup("weekdays", m["wd"]))
    rel = key(m["rel"] or "")
    part = m["part"]
    anchor = ctx.anchor()
    if anchor is None:
        return with_part(None, part, f"XXXX-WXX-{number_}")
    placed = ctx.ref if ctx.ref is not None and ctx.ref.grain == DAY else None
    if rel in ("the previous", "the following", "the next") and ctx.ref is not None:
        # "the previous Friday": the one before the day the text is at
        way = PAST if rel == "the previous" else FUTURE
        when = weekday_near(ctx.ref.day + timedelta(days=way), number_, way)
    elif rel in ("last", "this past", "past", "the previous"):
        when = weekday_near(anchor - timedelta(days=1), number_, PAST)
    elif rel in ("next", "this coming", "coming", "the following", "the next"):
        when = weekday_near(anchor + timedelta(days=1), number_, FUTURE)
    elif rel == "this":  # "this Sunday": the coming one, unless the clause tells of the past
        when = weekday_near(anchor, number_, direction(ctx, m, FUTURE))
    elif not rel and placed is not None and _BESIDE_A_DAY.search(ctx.text, max(0, m.start() - 40), m.start()):
        # "on Tuesday (early Wednesday AEST)", "6pm today (Monday)": the same moment named again; "Friday
        # and/or Saturday", "statements made Friday and Thursday": the day nearest the one named with it
        when = weekday_near(placed.day, number_, 0)
    elif not rel and heads_entry(ctx.text, m.start(), m.end()):
        when = weekday_near(anchor, number_, FUTURE)  # "Friday: Canadian Western Bank reports": a schedule
    elif not rel and ctx.called_off(m.start(), m.end()):
        # "the meeting, set for Thursday, was postponed": told soon after, mostly before its day
        when = weekday_near(anchor - timedelta(days=CALLED_OFF_DAYS_BACK), number_, FUTURE)
    else:
        way = direction(ctx, m, PAST)
        # "will hear arguments Monday and rule by Friday": a plan's days follow one another
        if way == FUTURE and placed is not None and placed.day > anchor and _named_before(ctx, m, placed.day):
            anchor = placed.day
        when = _abroad(ctx, m, weekday_near(anchor, number_, way), way)
    return with_part(Point(when, DAY), part, "")


_SHARED_DAY = re.compile(
    r"\s*(?:-|–|and|to|until|till)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s+(?:on\s+)?"
    rf"(?P<wd>{p.WEEKDAY})\b",
    re.IGNORECASE,
)
_LOCAL_TIME = re.compile(r"\s*\(?\s*(?:local|(?-i:[A-Z][a-z]+))\s+time\b", re.IGNORECASE)


def _abroad(ctx: Context, m: re.Match[str], when: date, way: int) -> date:
    """ "Landed at 3:40 a.m. Thursday local time" in a Wednesday report: the day after the report's, in a
    time zone ahead of it, not the Thursday a week back."""
    local = "local time" in m.group(0).lower() or _LOCAL_TIME.match(ctx.text, m.end())
    after = ctx.dct + timedelta(days=1) if ctx.dct is not None else None
    if way == PAST and local and after is not None and when.isoweekday() == after.isoweekday():
        return after
    return when


def _named_before(ctx: Context, m: re.Match[str], day: date) -> bool:
    """Whether the day the text is at is a weekday named earlier in the sentence, in a clause the match's
    clause is coordinated after."""
    span = ctx.span(m.start(), m.end())
    if span is None:
        return False
    for token in span.doc[sentence(span.doc, span.start).start : span.start]:
        if (
            re.fullmatch(p.WEEKDAY, token.text, re.IGNORECASE)
            and lookup("weekdays", token.text) == day.isoweekday()
        ):
            return follows_in_plan(token, span)
    return False


def weekday_set(m: re.Match[str], ctx: Context) -> Result:
    """ "Mondays", "Tuesday nights", "Monday (and Tuesday nights)": a weekday (or a part of it) every week."""
    part = m["part"] or m["parts"] or m["shared"]
    return ("SET", f"XXXX-WXX-{lookup('weekdays', m['wd'])}" + part_code(part), None)


def day_beside(m: re.Match[str], ctx: Context) -> Result | None:
    """ "The day before last Tuesday('s hearing)", "the day after March 5": the named day, one day on."""
    named = weekday(m, ctx) if m["wd"] else calendar_date(m, ctx)
    if named is None or named[2] is None:
        return ("DATE", "XXXX-XX-XX", None) if named else None
    day = Point(named[2].day + timedelta(days=1 if key(m["beside"]) == "after" else -1), DAY)
    return ("DATE", day.value(), day)


NAMED_HOURS = {"noon": 12, "midday": 12, "midnight": 24}
_AT_A_TIME = re.compile(r"\b(?:at|by|until|till|after|before|around|from)\s+$", re.IGNORECASE)
_AT = re.compile(r"\b(?:at|around)\s+$", re.IGNORECASE)  # the moment something happened, not a span's end


def clock(m: re.Match[str], ctx: Context) -> Result | None:
    """Clock times: "5 p.m. EST, Nov. 6", "10:35 a.m.", "midnight Friday", "17:30 GMT"."""
    twenty_four = m["hh"] is not None
    placed = (
        m["zone"]
        or m["dayzone"]
        or m["wd"]
        or m["rel"]
        or m["mon"]
        or m["hrs"]
        or _AT_A_TIME.search(ctx.text, max(0, m.start() - 8), m.start())
    )
    # a bare "10:30" may be a score or a ratio; "at 10:57" and "05:30hrs" are times
    if twenty_four and not placed:
        return None
    if m["named"]:
        hour, minute = NAMED_HOURS[key(m["named"])], 0
    elif m["hhmm"]:
        hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
    else:
        hour, minute = int(first(m, "hour", "hh") or 0), int(first(m, "minute", "mm") or 0)
        meridiem = key(m["ampm"] or "").replace(".", "").replace(" ", "")
        if m["hour12"]:  # "4 in the morning", "10 o'clock at night"
            hour = int(m["hour12"])
            meridiem = (
                "am"
                if key(m["dayhalf"]).endswith("morning") or (hour < 5 and "night" in key(m["dayhalf"]))
                else "pm"
            )
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    day = _clock_day(m, ctx)
    today = day is not None and day.day == ctx.dct and not (m["wd"] or m["rel"] or m["mon"] or m["wmon"])
    if hour == 24 and today and ctx.tense(*m.span()) == PAST:
        hour = 0  # "crossed the border shortly after midnight": the midnight that began the report's day
    named_zone = m["zone"] or m["dayzone"]
    zone = _offset(lookup("zones", named_zone), day, hour, minute) if named_zone else ""
    base = day.value() if day else _named_day(m)
    return ("TIME", f"{base}T{hour:02d}:{minute:02d}{zone}", day)


def _named_day(m: re.Match[str]) -> str:
    """The day a clock time names, as far as the text says it when it has no date to place it by: "10 p.m.
    on Oct. 23" is XXXX-10-23, "10 p.m. Tuesday" XXXX-WXX-2."""
    if m["mon"] or m["wmon"]:
        month, day = month_number(first(m, "mon", "wmon") or ""), day_number(first(m, "day", "wday") or "")
        return f"XXXX-{month:02d}-{day:02d}"
    if m["wd"]:
        return f"XXXX-WXX-{lookup('weekdays', m['wd'])}"
    return "XXXX-XX-XX"


def _offset(zone: str, day: Point | None, hour: int, minute: int) -> str:
    """The UTC offset of a zone: fixed for "EST", the one in force on the day for "ET" (an IANA zone);
    left out when the day is unknown."""
    if "/" not in zone:
        return zone
    if day is None:
        return ""
    moment = datetime.combine(day.day, time(min(hour, 23), minute), ZoneInfo(zone))
    minutes = int((moment.utcoffset() or timedelta()).total_seconds() // 60)
    sign, minutes = ("-" if minutes < 0 else "+"), abs(minutes)
    return f"{sign}{minutes // 60:02d}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def _clock_day(m: re.Match[str], ctx: Context) -> Point | None:
    """The day a clock time is on: the day named beside it or at the end of its range ("between 7pm and 9pm on
    Sunday"), else the text's current day."""
    if m["wd"] and not m["wmon"]:
        return _clock_weekday(m, ctx, m["wd"])
    if (shared := _SHARED_DAY.match(ctx.text, m.end())) is not None:
        return _clock_weekday(m, ctx, shared["wd"])
    if m["rel"]:
        now = ctx.deictic()
        return Point(now + timedelta(days=RELATIVE_DAYS[key(m["rel"])]), DAY) if now else None
    if m["mon"] or m["wmon"]:  # "at 6:38 p.m. on Saturday, May 18"
        anchor = ctx.anchor()
        month, day = month_number(first(m, "mon", "wmon") or ""), day_number(first(m, "day", "wday") or "")
        if m["year"]:  # "at 5:34 a.m. on March 20, 2003"
            when = safe_date(int(m["year"]), month, day)
        elif anchor is not None:  # the year as for the date alone: "9:34 p.m., March 19" told as past
            when = safe_date(year_for(ctx, m, anchor, month, day), month, day)
        else:
            return None
        return Point(when, DAY) if when else None
    if ctx.dct is not None and not ctx.narrative and line_start(ctx.text, m.start()):
        return Point(ctx.dct, DAY)  # "4:30 p.m." heading an entry of a live report: the report's day
    at_moment = _AT.search(ctx.text, max(0, m.start() - 8), m.start())
    if at_moment and (event := ctx.event_day(m.start(), m.end())):
        return event  # "was shot to death at 10 p.m.": the day the shooting was given
    ref = ctx.ref if ctx.ref is not None and ctx.ref.grain == DAY else None
    return ref or (Point(ctx.dct, DAY) if ctx.dct else None)


def _clock_weekday(m: re.Match[str], ctx: Context, name: str) -> Point | None:
    anchor = ctx.anchor()
    if anchor is None:
        return None
    way = direction(ctx, m, PAST)
    return Point(_abroad(ctx, m, weekday_near(anchor, int(lookup("weekdays", name)), way), way), DAY)


def part_of_day(m: re.Match[str], ctx: Context) -> Result:
    """A part of the day the text is at: "in the morning", "mid-afternoon"."""
    day = ctx.ref if ctx.ref is not None and ctx.ref.grain == DAY else None
    if day is None and ctx.dct is not None:
        day = Point(ctx.dct, DAY)
    part = m["part"] or m["part2"] or m["mid"].lower().replace("mid", "").strip(" -")
    return ("TIME", (day.value() if day else "XXXX-XX-XX") + part_code(part), day)
