"""Values of expressions relative to now or to the text's current date: "last month", "the following
day", "two weeks ago", "now", "recently"."""

from __future__ import annotations

import re
from fractions import Fraction

from storyline.extract.timex import patterns as p
from storyline.extract.timex.anchors import EVENT_NAMED
from storyline.extract.timex.context import Context
from storyline.extract.timex.dates import has_clause
from storyline.extract.timex.holidays import HOLIDAY_NAMED, date_of_event
from storyline.extract.timex.lexicon import key, number
from storyline.extract.timex.reading import (
    UNIT_GRAIN,
    Result,
    direction,
    part_code,
    unit_code,
    with_part,
)
from storyline.extract.timex.tense import FUTURE, PAST
from storyline.extract.timex.values import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    WEEK,
    WEEKEND,
    YEAR,
    Point,
    duration,
    weekday_near,
)

SPAN_WORDS = {"the past", "the last", "the next", "the coming", "past", "the first"}


_PERIOD_TO = re.compile(r"\s+(?:(?:ended|ending|to)\s+\w|since\b)")
_BESIDE_EVENT = re.compile(
    r"\s+(?P<word>after|following|before|preceding|leading\s+up\s+to)\s+(?!that\b|this\b)\w"
)


def _next_to_event(ctx: Context, beside: re.Match[str], grain: str) -> bool:
    """Whether the unit lies next to an event ("the week following the crash"): not when the word opens a
    clause, and for a day only before a named one ("the day following saw the surrender" is the next day)."""
    if _opens_clause(ctx, beside):
        return False
    at = beside.end("word")
    return (
        grain != DAY
        or EVENT_NAMED.match(ctx.text, at) is not None
        or HOLIDAY_NAMED.match(ctx.text, at) is not None
    )


def _opens_clause(ctx: Context, beside: re.Match[str]) -> bool:
    """Whether the word after the unit opens a clause of its own ("over the weekend, after the offerings
    were revealed"), not a phrase naming the event the unit is beside."""
    span = ctx.span(beside.start("word"), beside.end("word"))
    return span is not None and span[0].dep_ == "mark"


def _in_apposition(ctx: Context, m: re.Match[str]) -> bool:
    """Whether the expression follows the date the text is at after a comma ("Oct. 12, the day before")."""
    return ctx.text[ctx.ref_end : m.start()].strip() == ","


_OF_AN_EVENT = re.compile(
    rf"\s+of\s+(?!(?:the\s+|this\s+|that\s+|next\s+|last\s+)?(?:{p.MONTH}|{p.SEASON}|{p.WEEKDAY}|\d|year|month|"
    r"week|quarter|decade|century))",
    re.IGNORECASE,
)

_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b[^.;]*$", re.IGNORECASE)
_COMPARED_REACH = 60  # characters from "compared with" to the "last year" it compares
_OVER = re.compile(r"\b(?:for|over|during|within|in|through|throughout)\s+$", re.IGNORECASE)
_TO_THE = re.compile(r"\bto\s+$")
_IN_THE_DAY = re.compile(r"\b(?:later|earlier|early|late)\s+in\s+$", re.IGNORECASE)

TEXTUAL_SHIFT = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1,
                 "that": 0, "the same": 0, "that same": 0}  # fmt: skip


def relative_unit(m: re.Match[str], ctx: Context) -> Result | None:
    """Units relative to now or to the text: "this week", "last month", "the following day", "that year"."""
    rel = key(m["rel"])
    unit = key(m["unit"])
    code = unit_code(unit)
    if code == "TH":
        return None
    # "for the next year" lasts; "The next year, Necker was appointed" and "by the next month" are dates
    after = rel == "the next" and not _OVER.search(ctx.text, max(0, m.start() - 12), m.start())
    if rel in SPAN_WORDS and code not in ("WE", "D") and not after:
        return ("DURATION", duration(Fraction(1), code), None)
    if rel == "the" and _PERIOD_TO.match(ctx.text, m.end()):
        # "the year ended March 31" (a fiscal period), "in the year since": a period up to a day or to now
        return ("DURATION", duration(Fraction(1), code), None)
    grain = YEAR if unit == "fiscal year" else UNIT_GRAIN.get(code, DAY)
    unknown: Result = (
        "DATE",
        {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX"}.get(code, "XXXX"),
        None,
    )
    if rel == "the" and grain == DAY and _TO_THE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "a year to the day": an exact count, not a day
    beside = _BESIDE_EVENT.match(ctx.text, m.end()) if rel == "the" else None
    if beside is not None and ctx.ref is not None and ctx.ref.grain == grain and _in_apposition(ctx, m):
        return ("DATE", ctx.ref.value(), None)  # "Oct. 12, the day before the plunge": that date named again
    if beside is not None and _next_to_event(ctx, beside, grain):
        # "the day after the battle", "the week before the vote": next to an event, dated if the text dated it
        dated = date_of_event(ctx, beside.end("word"))
        if dated is None:
            return unknown  # "the week following the crash", "the year after the surgery"
        before = key(beside["word"]).startswith(("before", "preceding", "leading"))
        return ("DATE", Point(dated.day, grain).shift(-1 if before else 1).value(), None)  # the story stays
    if rel == "the" and grain == DAY:
        if _IN_THE_DAY.search(ctx.text, max(0, m.start() - 16), m.start()) and (base := ctx.reference()):
            # "later in the day": the day the text is at, but one not told as ahead is no day still to come
            partial = base.finer(DAY)
            if partial is not None and (ctx.narrative or ctx.dct is None):
                return ("DATE", partial, None)  # a history at a month or a year: a day of it, unsaid
            # a report at a month or a year: its own day
            dct = ctx.dct
            day = dct if partial is not None and dct is not None else base.day
            if dct is not None and not ctx.narrative and day > dct and ctx.tense(*m.span()) != FUTURE:
                day = dct
            return ("DATE", Point(day, DAY).value(), None)
        return None  # "the day" is rarely a date ("the day's trading", "the day he left")
    placed = ctx.ref is not None and ctx.ref.grain == DAY  # "On 1 July 1916 ... the first day of the battle"
    of_an_event = _OF_AN_EVENT.match(ctx.text, m.end()) is not None
    if rel in ("the first", "the last") and not placed and (grain == DAY or of_an_event):
        return unknown  # "the first day of his second term", "the last weekend of the festival"
    if rel == "the" and has_clause(ctx, m.start("unit"), m.end("unit")):
        return ("DATE", "XXXX", None) if grain == YEAR else None  # "the year he died"
    if rel in TEXTUAL_SHIFT:  # "the following day", "that year": from the date the text is at
        return _from_reference(ctx, grain, TEXTUAL_SHIFT[rel], unknown[1])
    reference = ctx.reference()
    near = grain in (DAY, WEEK, WEEKEND, MONTH) and rel in ("last", "next", "previous", "coming")
    # "the week" in a history is the one the story is at; in a report too when told as past ("Shares fell on
    # Friday. For the week, the index dropped 3.8%")
    at_story = ctx.narrative or (
        ctx.ref is not None and ctx.ref.grain == DAY and ctx.tense(m.start(), m.end()) == PAST
    )
    from_story = rel != "the" and ctx.narrative and not (near and ctx.dct is not None)
    if from_story and ctx.ref is not None and (partial := ctx.ref.finer(grain)) is not None:
        return ("DATE", partial, None)  # "this day" when a history is at 1948: a day of it, unsaid
    now = reference.day if (rel == "the" and at_story and reference) else ctx.deictic(near)
    if now is None:
        return unknown
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1, "the coming": 1}.get(rel, 0)
    reported = ctx.ref if ctx.ref is not None and ctx.ref.grain in (QUARTER, HALF) else None
    compared = reported and _COMPARED.search(ctx.text, max(0, m.start() - _COMPARED_REACH), m.start())
    if reported and compared and rel == "last" and grain == YEAR:
        # "net of $24 million, compared with a loss of $3 million last year": the quarter a year back
        return ("DATE", reported.shift(-1, YEAR).value(), None)
    if grain == WEEKEND:
        # "the weekend" just past in a report of what happened, the coming one in a plan
        way = shift or direction(ctx, m, PAST)
        saturday = weekday_near(now, 6, way) if way else weekday_near(now, 6, PAST)
        point = Point(saturday, WEEKEND)
    else:
        sunday = grain == WEEK and rel == "this" and now.isoweekday() == 7
        if sunday and ctx.tense(m.start(), m.end()) == FUTURE:
            shift = 1  # "talks resume this week" on a Sunday: the week the Sunday opens, not the one it ends
        point = Point(now, grain).shift(shift)
    story = None if near and ctx.narrative else point  # the writer's last week is not the story's date
    return ("DATE", point.value(), story)


def textual_part(m: re.Match[str], ctx: Context) -> Result | None:
    """Part of the day the text is at, or of the day after it: "that night", "the next morning"."""
    rel = ctx.span(m.start("rel"), m.end("rel"))
    if rel is not None and rel[0].lower_ == "that" and rel[0].dep_ == "mark":
        return None  # "says that night heatmaps will ...": a clause's "that", a noun's modifier
    base = ctx.reference()
    if base is None:
        return ("TIME", "XXXX-XX-XX" + part_code(m["part"]), None)
    if (partial := base.finer(DAY)) is not None:
        return ("TIME", partial + part_code(m["part"]), None)
    day = Point(base.day, DAY).shift(TEXTUAL_SHIFT.get(key(m["rel"]), 0))
    return with_part(day, m["part"], "")


def day_beside_text(m: re.Match[str], ctx: Context) -> Result:
    """ "The day before," "the year after.": a day (week, month, year) from the date the text is at."""
    grain = UNIT_GRAIN[unit_code(m["unit"])]
    unknown = {DAY: "XXXX-XX-XX", WEEK: "XXXX-WXX", MONTH: "XXXX-XX"}.get(grain, "XXXX")
    return _from_reference(ctx, grain, -1 if key(m["beside"]) == "before" else 1, unknown)


def _from_reference(ctx: Context, grain: str, steps: int, unknown: str) -> Result:
    """So many units from the date the text is at; a part of that date when it is coarser ("that day" after
    "in 1987" is a day of 1987); `unknown` when the text is at no date."""
    base = ctx.reference()
    if base is None:
        return ("DATE", unknown, None)
    if (partial := base.finer(grain)) is not None:
        return ("DATE", partial, None)
    point = Point(base.day, grain, base.season).shift(steps)
    return ("DATE", point.value(), point)


def this_time(m: re.Match[str], ctx: Context) -> Result | None:
    """ "This time last year": about this day a unit back, to the month for a year, else to the day."""
    now = ctx.deictic()
    if now is None:
        return None
    grain = UNIT_GRAIN[unit_code(m["unit"])]
    point = Point(now, MONTH if grain == YEAR else DAY).shift(-1 if key(m["way"]) == "last" else 1, grain)
    return ("DATE", point.value(), None)


def shifted(m: re.Match[str], ctx: Context) -> Result | None:
    """Counted shifts: "two weeks ago", "a year earlier", "five years from now"."""
    amount = number(m["num"])
    code = unit_code(m["unit"])
    way = key(m["dir"])
    forward = way in ("later", "from now", "from today", "hence", "after")
    if amount is None:
        return ("DATE", "FUTURE_REF" if forward else "PAST_REF", None)
    if code.startswith("T"):
        return None
    scale = int(code[:-1]) if code[0].isdigit() and code != "2W" else 1
    code = code if scale == 1 else "Y"
    grain = UNIT_GRAIN.get(code, DAY)
    if way in ("ago", "from now", "from today", "hence"):
        base_day = ctx.deictic(grain in (DAY, WEEK, MONTH))
        ref = None
    else:
        ref = ctx.reference()
        base_day = ref.day if ref else None
    if base_day is None:
        return ("DATE", "FUTURE_REF" if forward else "PAST_REF", None)
    steps = int(amount * scale) * (1 if forward else -1)
    if m["today"] or way == "from today":  # "ten years ago today", "two weeks from today": a day
        return ("DATE", Point(base_day, DAY).shift(steps, grain).value(), None)
    if ref is not None and (partial := ref.finer(grain)) is not None:
        return ("DATE", partial, None)  # "a day later" when the text is at "September": a day of it, unsaid
    # "a year ago" in a report about a quarter is that quarter a year before
    last = ctx.ref
    if grain == YEAR and last is not None and last.grain in (QUARTER, HALF) and abs(steps) == 1:
        point = last.shift(steps, YEAR)
    else:
        point = Point(base_day, grain).shift(steps)
    ahead = ref is not None and ctx.dct is not None and not ctx.narrative and point.day > ctx.dct
    if ahead and forward and ctx.tense(m.start(), m.end()) != FUTURE:
        # "They did it! 108 years later": a report's "later" that is not told as ahead is no time after it
        return ("DURATION", duration(Fraction(amount * scale), code), None)
    # "Two days later, he bought a rifle. That evening ...": a story moves on by days, not by the years a
    # report compares ("up from $2 million a year earlier")
    moves = ref is not None and grain == DAY
    return ("DATE", point.value(), point if moves else None)


def year_ago_adjective(m: re.Match[str], ctx: Context) -> Result | None:
    """The adjective in "year-earlier results": the period a year before the one reported on."""
    if ctx.ref is not None and ctx.ref.grain in (QUARTER, HALF, SEASON):
        point = ctx.ref.shift(-1, YEAR)
    else:
        now = ctx.deictic()
        if now is None:
            return None
        point = Point(now, YEAR).shift(-1)
    return ("DATE", point.value(), None)


REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present time": "PRESENT_REF", "current": "PRESENT_REF", "then current": "PAST_REF",
    "recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "someday": "FUTURE_REF", "one day": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the coming years": "FUTURE_REF", "the years ahead": "FUTURE_REF",
    "present day": "PRESENT_REF", "modern day": "PRESENT_REF", "the time being": "PRESENT_REF",
}  # fmt: skip


def reference_word(m: re.Match[str], ctx: Context) -> Result | None:
    word = key(m["ref"])
    if word == "one day" and ctx.tense(m.start(), m.end()) == PAST:
        return None  # "one day" in a story of the past is a duration or a particular day
    return ("DATE", REFS[word], None)
