"""Values of durations ("nearly 4 1/2 years", "a 16-hour shift") and sets ("every Monday", "daily")."""

from __future__ import annotations

import re
from fractions import Fraction

from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.holidays import date_of_event
from storyline.extract.timex.lexicon import key, lookup, number
from storyline.extract.timex.reading import (
    Result,
    month_number,
    part_code,
    unit_code,
)
from storyline.extract.timex.values import DAY, MONTH, YEAR, Point, duration


def amount_of(m: re.Match[str]) -> Fraction | None:
    """The count of units, None when unstated ("several weeks")."""
    amount = number(m["num"])
    if amount is not None and m.re.groupindex.get("half") and m["half"]:
        amount += Fraction(1, 2)
    return amount


_UNIT_OR = re.compile(rf"\b(?:an?|one|two)\s+(?P<unit>{p.UNIT})\s+or\s+$", re.IGNORECASE)


def span_or_more(m: re.Match[str], ctx: Context) -> Result | None:
    """The "two" of "a month or two": so many of the unit counted before it."""
    counted = _UNIT_OR.search(ctx.text, max(0, m.start() - 24), m.start())
    if counted is None:
        return None
    return ("DURATION", duration(number(m["num"]), unit_code(counted["unit"])), None)


_SOMEDAY = re.compile(r"\b(?:will|would|could|may|might|can|shall|should|must|hopes?|hoped|hoping)\s+$")


_LABEL_BEFORE = re.compile(r"\b(?:grade|page|chapter|room|level|phase|stage|number|no\.)\s+$")


def span_of_time(m: re.Match[str], ctx: Context) -> Result | None:
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    if _LABEL_BEFORE.search(before):
        return None  # "her grade eight year": a label's number, not a count of years
    amount = amount_of(m)
    code = unit_code(m["unit"])
    num = key(m["num"])
    if code == "TS" and num in ("a", "an") and _ordinal(ctx, m.start("unit"), m.end("unit")):
        return None  # "for a second day": the ordinal, not a second of time
    if num in ("a", "an") and re.search(
        r"(?:\btimes|\bonce|\btwice|\bthrice|\d-?|\bcents?|\bpence|per)\s*$", before
    ):
        return ("SET", duration(Fraction(1), code), None)
    if num == "one" and code == "D" and not m["det"] and _SOMEDAY.search(before):
        return None  # "will one day be": some future day (the reference rule), not a span of 24 hours
    if amount is not None and (anchored := _from_event(m, ctx, int(amount), code)) is not None:
        return anchored
    if amount is None and (around := _around_event(m, ctx, code)) is not None:
        return around
    if amount is not None and (part := _part_of_year(m, ctx, amount, code)) is not None:
        return part
    # A vague number leaves the amount unstated: "several weeks" PXW, and "recent years" PXY, a span reaching
    # up to now (TIDES 2005 TIMEX2 guidelines: X for an unspecified quantity, "the past few years" -> PXY).
    return ("DURATION", duration(amount, code), None)


_FROM_EVENT = re.compile(r"\s+(?P<way>before|after|prior\s+to|following)\b")


def _from_event(m: re.Match[str], ctx: Context, amount: int, code: str) -> Result | None:
    """ "Ten days before the shooting": so many days from the day the text gave the shooting, as a date
    (TIMEX3 keeps "before the shooting" out of the extent)."""
    event = _FROM_EVENT.match(ctx.text, m.end())
    grain = {"D": DAY, "W": DAY, "M": MONTH, "Y": YEAR}.get(code)
    if event is None or grain is None or (dated := date_of_event(ctx, event.end())) is None:
        return None
    steps = amount * (7 if code == "W" else 1) * (-1 if key(event["way"]) in ("before", "prior to") else 1)
    # at the event's grain when that is coarser: ten days before "the March 2003 invasion" is in a month
    at = Point(dated.day, grain if dated.grain == DAY else dated.grain)
    return ("DATE", at.shift(steps, grain).value(), None)


_OF_WHAT = re.compile(r"\s+of\b", re.IGNORECASE)
_SO_FAR = re.compile(r"the\s+(?:first|latest)\s", re.IGNORECASE)


def _part_of_year(m: re.Match[str], ctx: Context, amount: Fraction, code: str) -> Result | None:
    """ "The first (latest) nine months" of a report's year: a duration that puts the text in that year, so
    that "a year earlier" after it is the year before, not a year before an earlier "last year"."""
    months = amount * 3 if code == "Q" else amount
    if not _SO_FAR.match(m.group(0)) or code not in ("M", "Q"):
        return None
    if not 1 < months < 12 or _OF_WHAT.match(ctx.text, m.end()) or (now := ctx.deictic()) is None:
        return None
    return ("DURATION", duration(amount, code), Point(now, YEAR))


# "in the hours before the attack" is on its day, "the weeks before the shooting" in its month
_AROUND_GRAIN = {"TH": DAY, "TM": DAY, "D": MONTH, "W": MONTH}


def _around_event(m: re.Match[str], ctx: Context, code: str) -> Result | None:
    """ "In the weeks before the shooting": some time next to an event the text has dated, as the day or
    month it is in."""
    event = _FROM_EVENT.match(ctx.text, m.end())
    grain = _AROUND_GRAIN.get(code)
    if event is None or grain is None or (dated := date_of_event(ctx, event.end())) is None:
        return None
    at = dated if grain == DAY and dated.grain != DAY else Point(dated.day, grain)  # known to the month only
    return ("DATE", at.value(), None)


_MEASURE_BEFORE = re.compile(
    r"\b(?:kilomet(?:er|re)s?|km|miles?|met(?:er|re)s?|feet|foot|knots?|liters?|litres?|gallons?|cubic\s+\w+)\s+$",
    re.IGNORECASE,
)


def _ordinal(ctx: Context, start: int, end: int) -> bool:
    """Whether the word is an ordinal before a noun ("a second day"), as the parser reads it."""
    span = ctx.span(start, end)
    if span is None or len(span) != 1:
        return False
    word = span[0]
    return word.dep_ == "amod" and word.head.i > word.i and word.head.pos_ in ("NOUN", "PROPN")


def lasting(m: re.Match[str], ctx: Context) -> Result:
    """ "a four-day-long barrage", "a day-long meeting", "a decades-long battle": so many units, one, or an
    unstated number of them."""
    one = None if m["unit"].lower().endswith("s") else Fraction(1)
    amount = number(m["num"]) if m["num"] else one
    return ("DURATION", duration(amount, unit_code(m["unit"])), None)


def half_unit(m: re.Match[str], ctx: Context) -> Result:
    return ("DURATION", duration(Fraction(1, 2), unit_code(m["unit"])), None)


_OF_A_DAY = re.compile(rf"\s+(?:of\s+)?(?:{p.WEEKDAY}|{p.MONTH}\s+\d|\d{{1,2}}\s+{p.MONTH})", re.IGNORECASE)


_NAMED_AFTER = re.compile(rf"\s+(?:of\s+)?(?:{p.MONTH}\b|\d{{4}}\b)", re.IGNORECASE)


def vague_span(m: re.Match[str], ctx: Context) -> Result | None:
    """A duration of unstated length ("for years", "in the coming months"), when the words are a span of
    time (after "for", "in", "within", "over", or a date or time entity to spaCy), not a count of
    things ("years of war")."""
    before = ctx.text[max(0, m.start() - 8) : m.start()].lower()
    span = ctx.span(m.start("unit"), m.end("unit"))
    entity = span is not None and span[0].ent_type_ in ("DATE", "TIME")
    if not entity and not re.search(r"\b(?:for|in|within|over)\s+$", before):
        return None
    if _OF_A_DAY.match(ctx.text, m.end()):
        return None  # "in the early hours (of) Tuesday": a part of that day, not a span of hours
    if _NAMED_AFTER.match(ctx.text, m.end()):
        return None  # "in the years 1955-1957", "the months of July and August": the dates named
    if (around := _around_event(m, ctx, unit_code(m["unit"]))) is not None:
        return around
    if re.match(r"(?:the\s+)?past\s", m.group(0), re.IGNORECASE):
        return ("DATE", "PAST_REF", None)  # "in past years"
    return ("DURATION", duration(None, unit_code(m["unit"])), None)


def set_word(m: re.Match[str], ctx: Context) -> Result | None:
    span = ctx.span(m.start(), m.end())
    if span is not None and span[0].dep_ == "amod":
        return None  # "quarterly earnings", "a daily newspaper": a kind of thing, not when it recurs
    return ("SET", str(lookup("sets", m["word"])), None)


def every(m: re.Match[str], ctx: Context) -> Result | None:
    if _MEASURE_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None  # "227 kilometers per hour": a speed, not a recurring hour
    if m["wd"]:
        return ("SET", f"XXXX-WXX-{lookup('weekdays', m['wd'])}" + part_code(m["wdpart"]), None)
    if m["mon"]:
        return ("SET", f"XXXX-{month_number(m['mon']):02d}", None)
    if m["part"]:
        return ("SET", "XXXX-XX-XX" + part_code(m["part"]), None)
    if m["season"]:  # "every summer"
        return ("SET", f"XXXX-{lookup('seasons', m['season'])}", None)
    amount = number(m["num"]) if m["num"] else Fraction(1)
    if m["other"]:
        amount = (amount or Fraction(1)) * 2
    return ("SET", duration(amount, unit_code(m["unit"])), None)


def seasons(m: re.Match[str], ctx: Context) -> Result:
    """Counted seasons ("the past three summers"): stretches apart, one a year, so they recur rather than
    last (no ISO unit measures a season)."""
    return ("SET", f"XXXX-{lookup('seasons', m['season'])}", None)


def frequency(m: re.Match[str], ctx: Context) -> Result:
    return ("SET", duration(Fraction(1), unit_code(m["unit"])), None)
