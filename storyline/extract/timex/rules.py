"""One rule per kind of temporal expression: a compiled pattern that finds its extent and a function that
gives its TIMEX3 type and value in a `Context`.

Patterns start at the expression proper, never at a preposition ("on Friday" gives "Friday");
modifiers TIMEX3 keeps inside the extent ("early", "nearly") are added by `recognise.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.lexicon import key, lookup, number, table
from storyline.extract.timex.tense import FUTURE, PAST
from storyline.extract.timex.values import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    SEASON_MONTH,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
    duration,
    nearest_year,
    safe_date,
    weekday_near,
)

# (type, value, the point it names if it is a calendar date the text may refer back to)
Result = tuple[str, str, Point | None]
Handler = Callable[[re.Match[str], Context], Result | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    value: Handler


def compile_rule(body: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w-])", re.IGNORECASE)


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


def unanchored(point_value: str) -> Result:
    return ("DATE", point_value, None)


def direction(ctx: Context, m: re.Match[str], default: int) -> int:
    tense = ctx.tense(m.start(), m.end())
    return tense if tense else default


# ------------------------------------------------------------------------------------------ dates


def calendar_date(m: re.Match[str], ctx: Context) -> Result | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    if day > 31:
        return None
    if m["year"]:
        when = safe_date(year_number(m["year"]), month, day)
        return ("DATE", when.isoformat(), Point(when, DAY)) if when else None
    anchor = ctx.anchor()
    if anchor is None:
        return unanchored(f"XXXX-{month:02d}-{day:02d}")
    year = nearest_year(anchor, month, day, 0 if ctx.narrative else future_only(ctx, m))
    when = safe_date(year, month, day)
    return ("DATE", when.isoformat(), Point(when, DAY)) if when else None


def month_year(m: re.Match[str], ctx: Context) -> Result | None:
    year = year_number(m["year"]) if m["year"] else relative_year(m["rel"], ctx)
    if year is None:
        return unanchored(f"XXXX-{month_number(m['mon']):02d}")
    point = Point(date(year, month_number(m["mon"]), 1), MONTH)
    return ("DATE", point.value(), point)


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


def month_alone(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m["mon"])
    rel = key(m["rel"] or "")
    if month in (3, 5) and not rel and not _is_proper_noun(ctx, m.start("mon"), m.end("mon")):
        return None  # "may" and "march" as verbs at the start of a sentence
    base = ctx.deictic() if rel else ctx.anchor()
    if base is None:
        return unanchored(f"XXXX-{month:02d}")
    if rel:
        year = base.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        year = nearest_year(base, month, None, 0 if ctx.narrative else future_only(ctx, m))
    point = Point(date(year, month, 1), MONTH)
    return ("DATE", point.value(), point)


def _is_proper_noun(ctx: Context, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end)
    return span is not None and span[0].tag_ == "NNP"


def future_only(ctx: Context, m: re.Match[str]) -> int:
    """+1 when the clause is clearly about what is to come, else 0 (nearest, the past preferred)."""
    return FUTURE if ctx.tense(m.start(), m.end()) == FUTURE else 0


def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    year = int(m["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    when = safe_date(year, int(m["mon"]), int(m["day"]))
    return ("DATE", when.isoformat(), Point(when, DAY)) if when else None


def year_alone(m: re.Match[str], ctx: Context) -> Result | None:
    text = ctx.doc.text
    if re.match(r"\s*(?:%|percent|per\s*cent)", text[m.end() : m.end() + 9], re.I):
        return None
    if text[max(0, m.start() - 1) : m.start()] in ("$", "#", "£", "€") or re.search(
        r"(?:No\.|number|Flight|Route|Highway|Resolution)\s*$", text[max(0, m.start() - 12) : m.start()], re.I
    ):
        return None
    token = ctx.doc.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
    if token is not None and token[0].ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL"):
        return None
    point = Point(date(year_number(m["year"]), 1, 1), YEAR)
    return ("DATE", point.value(), point)


def decade(m: re.Match[str], ctx: Context) -> Result:
    if m["dec"]:
        tens = int(m["dec"][:3])
    else:
        digit = int(m["short"][0]) if m["short"] else int(lookup("decade_words", m["word"]))
        # "the '90s", "the nineties": the last such decade before the creation time
        base = (ctx.dct or date(1999, 1, 1)).year // 100
        tens = base * 10 + digit if base * 100 + digit * 10 <= (ctx.dct or date(1999, 1, 1)).year else (base - 1) * 10 + digit
    return ("DATE", f"{tens:03d}", None)


def century(m: re.Match[str], ctx: Context) -> Result:
    nth = day_number(m["nth"])
    return ("DATE", f"{nth - 1:02d}", None)


def relative_year(word: str | None, ctx: Context) -> int | None:
    """The year of "this year's", "last year's", "next year's", else the reference year."""
    base = ctx.deictic() if word else ctx.anchor()
    if base is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1, None: 0}.get(key(word) if word else None, 0)
    return base.year + shift


def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """"the third quarter", "fiscal 1989's first half", "the year-ago third quarter", "the 1988 period"."""
    count = 2 if key(m["unit"]) == "half" else 4
    grain, letter = (QUARTER, "Q") if count == 4 else (HALF, "H")
    earlier = bool(m["ago"] or m["ago2"] or m["same"])
    explicit_year = m["year"] or m["year2"]
    if not m["nth"] and not (explicit_year or earlier or m["rel"] or m["rel2"]):
        return None  # "the quarter" alone: `quarter_relative`
    if key(m["unit"]) == "period" and not (explicit_year or earlier):
        return None
    reported = reporting_quarter(ctx)
    if m["nth"]:
        nth = key(m["nth"])
        index = min(count, count if nth in ("final", "last") else day_number(nth))
    elif reported is not None:
        index = (reported.day.month - 1) // (12 // count) + 1
    else:
        return unanchored(f"XXXX-{letter}X")
    if explicit_year:
        year: int | None = year_number(explicit_year)
    elif m["rel"] or m["rel2"]:
        year = relative_year(m["rel"] or m["rel2"], ctx)
    else:
        base = reported.day if reported and not m["nth"] else ctx.anchor()
        year = base.year if base else None
        now = ctx.deictic()
        # "the fourth quarter" said in January is the one just ended, unless the clause looks ahead
        if year is not None and now and m["nth"] and date(year, (index - 1) * (12 // count) + 1, 1) > now:
            if ctx.tense(m.start(), m.end()) != FUTURE:
                year -= 1
    if year is None:
        return unanchored(f"XXXX-{letter}{index}")
    point = Point(date(year - earlier, (index - 1) * (12 // count) + 1, 1), grain)
    # the quarter a report is about becomes the reference; a comparison with a year before does not
    return ("DATE", point.value(), None if earlier else point)


def reporting_quarter(ctx: Context) -> Point | None:
    """The quarter a financial report is about: the last one named, else the one just ended."""
    if ctx.ref is not None and ctx.ref.grain == QUARTER:
        return ctx.ref
    now = ctx.deictic()
    return Point(now, QUARTER).shift(-1) if now else None


def quarter_relative(m: re.Match[str], ctx: Context) -> Result | None:
    """"the quarter", "the latest quarter", "this quarter", "the year-ago period"."""
    which = key(m["which"] or "")
    if not which and not m.group(0).lower().startswith("the"):
        return None
    if key(m["unit"]) == "period" and which not in ("latest", "most recent", "comparable", "corresponding", "same"):
        return None
    now = ctx.deictic()
    reported = reporting_quarter(ctx)
    if now is None or reported is None:
        return unanchored("XXXX-QX")
    current = Point(now, QUARTER)
    if which in ("current", "this"):
        point, sets_reference = current, True
    elif which in ("next", "coming"):
        point, sets_reference = current.shift(1), False
    elif which == "last":
        point, sets_reference = current.shift(-1), True
    elif which in ("previous", "prior", "preceding"):
        point, sets_reference = reported.shift(-1), False
    elif which in ("comparable", "corresponding", "same") or m["ago"]:
        point, sets_reference = reported.shift(-1, YEAR), False
    elif which in ("latest", "most recent"):
        point, sets_reference = current.shift(-1) if reported.day > now else reported, True
    else:
        point, sets_reference = reported, True
    return ("DATE", point.value(), point if sets_reference else None)


def season(m: re.Match[str], ctx: Context) -> Result | None:
    code = str(lookup("seasons", m["season"]))
    rel = key(m["rel"] or "")
    if not rel and not m["year"]:
        before = ctx.doc.text[max(0, m.start() - 8) : m.start()].lower()
        if not re.search(r"\b(?:in|during|since|until|by|through|last|next|this|early|late|mid)[\s-]+$", before):
            return None  # "prices fall", "summer" as a modifier
    if m["year"]:
        year = year_number(m["year"])
    else:
        base = ctx.anchor() if rel in ("", "the") else ctx.deictic()
        if base is None:
            return unanchored(f"XXXX-{code}")
        shift = {"last": -1, "this past": -1, "past": -1, "next": 1, "this coming": 1, "coming": 1}.get(rel, 0)
        year = base.year + shift
    point = Point(date(year, SEASON_MONTH[code], 1), SEASON, code)
    return ("DATE", point.value(), point)


def holiday(m: re.Match[str], ctx: Context) -> Result | None:
    name = key(m["name"])
    if name in ("thanksgiving", "thanksgiving day"):
        month, day = 11, None
    else:
        month, day = (int(x) for x in str(lookup("holidays", name)).split("-"))
    if m["year"]:
        year = year_number(m["year"])
    else:
        anchor = ctx.anchor()
        if anchor is None:
            return unanchored(f"XXXX-{month:02d}-{day:02d}" if day else "XXXX-11-XX")
        year = nearest_year(anchor, month, day or 25, direction(ctx, m, 0))
    if day is None:  # the fourth Thursday of November
        first = date(year, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
    point = Point(date(year, month, day), DAY)
    return ("DATE", point.value(), point)


# ------------------------------------------------------------------------------------ days, times


def part_code(text: str | None) -> str:
    return "T" + str(lookup("parts_of_day", text)) if text else ""


def with_part(day: Point | None, part: str | None, fallback: str) -> Result:
    """A day, or a part of that day (`2023-09-10TAF`, a TIME)."""
    value = day.value() if day else fallback
    if part:
        return ("TIME", value + part_code(part), day)
    return ("DATE", value, day)


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
    day = Point(now + timedelta(days=offset), DAY) if now else None
    if day is None and not part and offset == 0:
        return ("DATE", "PRESENT_REF", None)
    return with_part(day, part, "XXXX-XX-XX")


def weekday(m: re.Match[str], ctx: Context) -> Result:
    number_ = int(lookup("weekdays", m["wd"]))
    rel = key(m["rel"] or "")
    part = m["part"]
    anchor = ctx.anchor()
    if anchor is None:
        return with_part(None, part, f"XXXX-WXX-{number_}")
    if rel in ("last", "this past", "past"):
        when = weekday_near(anchor - timedelta(days=1), number_, PAST)
    elif rel in ("next", "this coming", "coming"):
        when = weekday_near(anchor + timedelta(days=1), number_, FUTURE)
    else:
        when = weekday_near(anchor, number_, direction(ctx, m, PAST))
    return with_part(Point(when, DAY), part, "")


def weekday_set(m: re.Match[str], ctx: Context) -> Result:
    return ("SET", f"XXXX-WXX-{lookup('weekdays', m['wd'])}" + part_code(m["part"]), None)


def clock(m: re.Match[str], ctx: Context) -> Result | None:
    if m["named"]:
        hour, minute = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[key(m["named"])], None
        hour, minute = hour[0], hour[1]
    else:
        hour, minute = int(m["hour"]), int(m["minute"] or 0)
        meridiem = key(m["ampm"] or "").replace(".", "").replace(" ", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        elif not meridiem and m["inpart"]:
            hour += 12 if key(m["inpart"]) in ("afternoon", "evening", "night") and hour < 12 else 0
        if hour > 24 or minute > 59:
            return None
    zone = lookup("zones", m["zone"]) if m["zone"] else ""
    day = _clock_day(m, ctx)
    base = day.value() if day else "XXXX-XX-XX"
    return ("TIME", f"{base}T{hour:02d}:{minute:02d}{zone or ''}", day)


def _clock_day(m: re.Match[str], ctx: Context) -> Point | None:
    """The day a clock time is on: the day named beside it, else the text's current day."""
    if m["wd"]:
        anchor = ctx.anchor()
        if anchor is None:
            return None
        return Point(weekday_near(anchor, int(lookup("weekdays", m["wd"])), direction(ctx, m, PAST)), DAY)
    if m["rel"]:
        now = ctx.deictic()
        return Point(now + timedelta(days=RELATIVE_DAYS[key(m["rel"])]), DAY) if now else None
    if m["mon"]:
        anchor = ctx.anchor()
        if anchor is None:
            return None
        when = safe_date(nearest_year(anchor, month_number(m["mon"]), day_number(m["day"]), 0),
                         month_number(m["mon"]), day_number(m["day"]))  # fmt: skip
        return Point(when, DAY) if when else None
    ref = ctx.ref if ctx.ref is not None and ctx.ref.grain == DAY else None
    return ref or (Point(ctx.dct, DAY) if ctx.dct else None)


# -------------------------------------------------------------------------- relative to now, ranges


def relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """"this week", "last month", "next year", "the following day", "that year", "the weekend"."""
    rel = key(m["rel"])
    unit = key(m["unit"])
    code = unit_code(unit)
    if code == "TH":
        return None
    if rel in ("the past", "the last", "the next", "the coming", "past", "the first") and code not in ("WE", "D"):
        return ("DURATION", duration(Fraction(1), code), None)
    grain = YEAR if unit == "fiscal year" else UNIT_GRAIN.get(code, DAY)
    textual = rel in ("the following", "the previous", "the preceding", "that", "the same", "the next", "the prior")
    if textual or (rel == "the" and grain == DAY):
        base = ctx.reference()
        if base is None:
            return None
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}
        point = Point(base.day, grain, base.season).shift(shift.get(rel, 0))
        return ("DATE", point.value(), point)
    now = ctx.deictic()
    if now is None:
        return ("DATE", {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(code, "XXXX"), None)
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1, "the coming": 1}.get(rel, 0)
    if grain == WEEKEND:
        # "the weekend" just past in a report of what happened, the coming one in a plan
        way = shift or direction(ctx, m, PAST)
        saturday = weekday_near(now, 6, way) if way else weekday_near(now, 6, PAST)
        point = Point(saturday, WEEKEND)
        return ("DATE", point.value(), point)
    point = Point(now, grain).shift(shift)
    return ("DATE", point.value(), point)


def shifted(m: re.Match[str], ctx: Context) -> Result | None:
    """"two weeks ago", "a year earlier", "five years from now"."""
    amount = number(m["num"])
    code = unit_code(m["unit"])
    way = key(m["dir"])
    forward = way in ("later", "from now", "hence", "after")
    if amount is None:
        return ("DATE", "FUTURE_REF" if forward else "PAST_REF", None)
    if code.startswith("T"):
        return None
    scale = int(code[:-1]) if code[0].isdigit() and code != "2W" else 1
    code = code if scale == 1 else "Y"
    grain = UNIT_GRAIN.get(code, DAY)
    if way in ("ago", "from now", "hence"):
        base_day = ctx.deictic()
        ref = None
    else:
        ref = ctx.reference()
        base_day = ref.day if ref else None
    if base_day is None:
        return ("DATE", "FUTURE_REF" if forward else "PAST_REF", None)
    steps = int(amount * scale) * (1 if forward else -1)
    # "a year ago" in a report about a quarter is that quarter a year before
    last = ctx.ref
    if grain == YEAR and last is not None and last.grain in (QUARTER, HALF) and abs(steps) == 1:
        point = last.shift(steps, YEAR)
    else:
        point = Point(base_day, grain).shift(steps)
    return ("DATE", point.value(), None)


def year_ago_adjective(m: re.Match[str], ctx: Context) -> Result | None:
    """"year-earlier results": the period a year before the one reported on."""
    if ctx.ref is not None and ctx.ref.grain in (QUARTER, HALF, SEASON):
        point = ctx.ref.shift(-1, YEAR)
    else:
        now = ctx.deictic()
        if now is None:
            return None
        point = Point(now, YEAR).shift(-1)
    return ("DATE", point.value(), None)


# ------------------------------------------------------------------------------- durations, sets


def amount_of(m: re.Match[str]) -> Fraction | None:
    amount = number(m["num"])
    if amount is not None and m["half"]:
        amount += Fraction(1, 2)
    return amount


def span_of_time(m: re.Match[str], ctx: Context) -> Result | None:
    before = ctx.doc.text[max(0, m.start() - 16) : m.start()].lower()
    amount = amount_of(m)
    code = unit_code(m["unit"])
    num = key(m["num"])
    if num in ("a", "an") and re.search(r"(?:\btimes|\bonce|\btwice|\bthrice|\d|\bcents?|\bpence|per)\s*$", before):
        return ("SET", duration(Fraction(1), code), None)
    if num in ("a", "an", "one") and code == "D" and not m["det"] and re.search(r"\bone\s+$", before):
        return None
    if amount is None and num == "recent" and code == "D":
        return ("DATE", "PAST_REF", None)
    return ("DURATION", duration(amount, code), None)


def half_unit(m: re.Match[str], ctx: Context) -> Result:
    return ("DURATION", duration(Fraction(1, 2), unit_code(m["unit"])), None)


def vague_span(m: re.Match[str], ctx: Context) -> Result:
    return ("DURATION", duration(None, unit_code(m["unit"])), None)


def set_word(m: re.Match[str], ctx: Context) -> Result | None:
    span = ctx.doc.char_span(m.start(), m.end())
    if span is not None and span[0].dep_ == "amod":
        return None  # "quarterly earnings", "a daily newspaper": a kind of thing, not when it recurs
    return ("SET", str(lookup("sets", m["word"])), None)


def every(m: re.Match[str], ctx: Context) -> Result:
    if m["wd"]:
        return ("SET", f"XXXX-WXX-{lookup('weekdays', m['wd'])}" + part_code(m["wdpart"]), None)
    if m["mon"]:
        return ("SET", f"XXXX-{month_number(m['mon']):02d}", None)
    if m["part"]:
        return ("SET", "XXXX-XX-XX" + part_code(m["part"]), None)
    amount = number(m["num"]) if m["num"] else Fraction(1)
    if m["other"]:
        amount = (amount or Fraction(1)) * 2
    return ("SET", duration(amount, unit_code(m["unit"])), None)


def frequency(m: re.Match[str], ctx: Context) -> Result:
    return ("SET", duration(Fraction(1), unit_code(m["unit"])), None)


REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present time": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "someday": "FUTURE_REF", "one day": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF",
}  # fmt: skip


def reference_word(m: re.Match[str], ctx: Context) -> Result | None:
    word = key(m["ref"])
    if word == "one day" and ctx.tense(m.start(), m.end()) == PAST:
        return None  # "one day" in a story of the past is a duration or a particular day
    return ("DATE", REFS[word], None)


# ------------------------------------------------------------------------------------- the rules

_DAY_REF = rf"(?P<wd>{p.WEEKDAY})|(?P<rel>today|yesterday|tomorrow|tonight)|(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY_NUMBER})"
_CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![\w])"
    r"|(?P<hour24>(?P<hh>[01]?\d|2[0-3])):(?P<mm>[0-5]\d)(?![\d:])"
    r"|(?P<named>noon|midday|midnight))"
)
_RELS = (
    r"this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|"
    r"the\s+preceding|the\s+prior|the\s+current|the\s+same|the\s+first|this|last|next|coming|past|previous|"
    r"current|that|the"
)


def _clock_rule(m: re.Match[str], ctx: Context) -> Result | None:
    if m["hour24"] and not m["zone"] and not m["wd"] and not m["rel"] and not m["mon"]:
        return None  # a bare "10:30" is as likely a score or a ratio as a time
    if m["hour24"]:
        return clock(_Hour24(m), ctx)
    return clock(m, ctx)


class _Hour24:
    """A 24-hour clock match seen through the group names `clock` reads."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, name: str) -> str | None:
        if name == "hour":
            return self._m["hh"]
        if name == "minute":
            return self._m["mm"]
        if name == "ampm":
            return None
        return self._m[name]

    def start(self, *args: object) -> int:
        return self._m.start()

    def end(self, *args: object) -> int:
        return self._m.end()


RULES: tuple[Rule, ...] = tuple(
    Rule(name, compile_rule(body), handler)
    for name, body, handler in (
        (
            "clock",
            rf"{_CLOCK}(?:\s+in\s+the\s+(?P<inpart>morning|afternoon|evening|night))?"
            rf"(?:\s*\(?(?P<zone>{p.ZONE})\)?)?(?:(?:,\s*|\s+(?:on\s+)?)(?:{_DAY_REF}))?",
            _clock_rule,
        ),
        (
            "month_day",
            rf"(?:{p.WEEKDAY},?\s+)?(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY_NUMBER})(?:(?:,\s*|\s+)(?P<year>{p.YEAR_ANY}))?",
            calendar_date,
        ),
        (
            "day_month",
            rf"(?:{p.WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{p.DAY_NUMBER})\s+(?:of\s+)?(?P<mon>{p.MONTH})"
            rf"(?:,?\s+(?P<year>{p.YEAR}))?",
            calendar_date,
        ),
        (
            "month_year",
            rf"(?P<mon>{p.MONTH}),?\s+(?:of\s+)?(?:(?P<year>{p.YEAR_ANY})|(?P<rel>this|last|next)\s+year)",
            month_year,
        ),
        ("month", rf"(?:(?P<rel>this|last|next)\s+)?(?P<mon>{p.MONTH_FULL})", month_alone),
        (
            "numeric_date",
            rf"(?P<year>{p.YEAR})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            r"|(?P<mon2>0?[1-9]|1[0-2])/(?P<day2>0?[1-9]|[12]\d|3[01])/(?P<year2>\d{4}|\d{2})",
            lambda m, ctx: numeric_date(_Renamed(m), ctx) if m["mon2"] else numeric_date(m, ctx),
        ),
        (
            "quarter",
            rf"(?:(?:the|its|their)\s+)?(?:(?P<year>{p.YEAR_ANY})\s+|(?P<rel>this|last|next)\s+year'?s\s+"
            r"|(?P<same>comparable|corresponding|same)\s+(?:year[\s-]?(?:ago|earlier)\s+)?"
            r"|(?P<ago>year[\s-]?(?:ago|earlier))\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
            r"(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?(?:fiscal[\s-]+)?"
            r"(?P<unit>quarter|half|period)(?!s)"
            rf"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<year2>{p.YEAR})|\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year"
            r"|\s+(?P<ago2>a\s+year\s+(?:ago|earlier)|last\s+year))?",
            quarter,
        ),
        (
            "quarter_relative",
            r"(?:(?:the|its|their)\s+)?(?P<which>latest|current|this|last|next|coming|previous|prior|preceding|"
            r"comparable|corresponding|same|most\s+recent)?\s*(?:fiscal\s+)?(?P<unit>quarter|period)(?!s)"
            r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?",
            quarter_relative,
        ),
        ("year_ago_adjective", r"year[\s-](?:ago|earlier)", year_ago_adjective),
        (
            "year",
            rf"(?:(?:fiscal|calendar|financial)\s+(?:year\s+)?|(?:the\s+)?year\s+)?(?P<year>{p.YEAR_ANY})",
            year_alone,
        ),
        (
            "decade",
            rf"(?:the\s+)?(?:(?P<dec>1\d{{2}}0|20\d0)'?s|['’](?P<short>\d0)s|(?P<word>{p.DECADE_WORD}))",
            decade,
        ),
        ("century", rf"(?:the\s+)?(?P<nth>\d{{1,2}}(?:st|nd|rd|th)|{p.ORDINAL_WORD})[\s-]+century", century),
        (
            "season",
            rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?(?P<season>{p.SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<year>{p.YEAR_ANY}))?",
            season,
        ),
        ("holiday", rf"(?P<name>{p.HOLIDAY}|thanksgiving(?:\s+day)?)(?:,?\s+(?P<year>{p.YEAR}))?", holiday),
        (
            "relative_day",
            rf"(?P<rel>today|tonight|yesterday|tomorrow|overnight|the\s+day\s+before\s+yesterday|"
            rf"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{p.PART_OF_DAY}))?"
            rf"|(?P<rel2>this|last)\s+(?P<part2>{p.PART_OF_DAY})"
            rf"|(?P<part3>{p.PART_OF_DAY})\s+(?P<rel3>today|yesterday|tomorrow)",
            relative_day,
        ),
        (
            "weekday",
            rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|coming|past)\s+)?(?P<wd>{p.WEEKDAY})"
            rf"(?:\s+(?P<part>{p.PART_OF_DAY}))?(?!s)",
            weekday,
        ),
        ("weekday_set", rf"(?P<wd>{p.WEEKDAY})s(?:\s+(?P<part>{p.PART_OF_DAY})s?)?", weekday_set),
        (
            "relative_unit",
            rf"(?P<rel>{_RELS})\s+(?P<unit>fiscal\s+year|week|month|year|decade|century|weekend|day|fortnight)",
            relative_unit,
        ),
        (
            "shifted",
            rf"(?P<num>{p.NUMBER})[\s-]+(?P<unit>{p.UNIT})\s+(?P<dir>ago|earlier|later|from\s+now|hence)",
            shifted,
        ),
        (
            "span",
            rf"(?:(?P<det>the|a|an|this|its|their)\s+)?(?:(?:past|last|next|first|coming|previous|following|final|"
            r"latest|initial|remaining|recent|additional|further|entire|full|whole|other)\s+)?"
            rf"(?P<num>{p.NUMBER})[\s-]+(?P<unit>{p.UNIT})(?P<half>\s+and\s+a\s+half)?(?![\s-]+old)",
            span_of_time,
        ),
        ("half_unit", rf"half\s+(?:an?\s+)?(?P<unit>{p.UNIT})", half_unit),
        (
            "vague_span",
            r"(?:(?<=\bfor\s)|(?<=\bin\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bfor\s\s))"
            r"(?P<unit>years|decades|months|weeks|days|hours|minutes|centuries)(?!\s+(?:ago|of|old))",
            vague_span,
        ),
        ("set_word", rf"(?P<word>{p.SET_WORD})", set_word),
        (
            "every",
            rf"(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{p.NUMBER})\s+)?(?:(?P<unit>{p.UNIT})"
            rf"|(?P<wd>{p.WEEKDAY})(?:\s+(?P<wdpart>{p.PART_OF_DAY}))?|(?P<mon>{p.MONTH_FULL})"
            rf"|(?P<part>{p.PART_OF_DAY}))",
            every,
        ),
        (
            "frequency",
            rf"(?:once|twice|thrice|(?:{p.NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{p.UNIT})",
            frequency,
        ),
        (
            "reference",
            r"(?P<ref>right\s+now|just\s+now|now|currently|at\s+present|presently|nowadays|these\s+days|"
            r"at\s+the\s+moment|the\s+present(?:\s+time)?|current|recently|lately|the\s+past|"
            r"the\s+near\s+future|the\s+future|someday|one\s+day|a\s+later\s+date|"
            r"the\s+coming\s+years|the\s+years\s+ahead)",
            reference_word,
        ),
    )
)


class _Renamed:
    """A US numeric date (`9/12/2023`) match seen through the group names `numeric_date` reads."""

    def __init__(self, m: re.Match[str]) -> None:
        self._m = m

    def __getitem__(self, name: str) -> str | None:
        return self._m[name + "2"]


PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}
UNITS_TABLE = table("units")
