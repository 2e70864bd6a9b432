"""Values of calendar expressions: dates, months, years, eras, decades, centuries, quarters, seasons."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from storyline.extract.sentences import sentence
from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.lexicon import key, lookup
from storyline.extract.timex.reading import (
    Result,
    day_number,
    heads_entry,
    is_proper_noun,
    month_number,
    unanchored,
    year_number,
)
from storyline.extract.timex.tense import FUTURE, PAST
from storyline.extract.timex.values import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    SEASON,
    SEASON_MONTH,
    WEEK,
    YEAR,
    Point,
    add_months,
    bc_date,
    nearest_year,
    safe_date,
)

# A year named after a coordinated date or month holds for both: "in August and September 1914", "between
# March 5 and April 9, 1918".
_SHARED_YEAR = re.compile(
    rf"(?:\s*[-–,]\s*|\s+(?:and|or|to|through|until)\s+)(?:{p.MONTH}\s*)?(?:{p.DAY_NUMBER})?\s*"
    rf"(?:(?:{p.MONTH})\s*)?,?\s+(?P<year>{p.YEAR})\b",
    re.IGNORECASE,
)


def shared_year(m: re.Match[str], ctx: Context) -> int | None:
    """The year that the next, coordinated date names, if it names one."""
    following = _SHARED_YEAR.match(ctx.text, m.end(), m.end() + 40)
    return year_number(following["year"]) if following else None


def a_day(when: date | None) -> Result | None:
    """A day, as a value and the point the text may move to."""
    if when is None:
        return None
    point = Point(when, DAY)
    return ("DATE", point.value(), point)


def calendar_date(m: re.Match[str], ctx: Context) -> Result | None:
    month, day = month_number(m["mon"]), day_number(m["day"])
    if day > 31:
        return None
    if m["year"]:
        year_named: int | None = year_number(m["year"])
    elif m.groupdict().get("that"):  # "July 25 of that year": the year the text is at
        reference = ctx.reference()
        if reference is None:
            return unanchored(f"XXXX-{month:02d}-{day:02d}")
        year_named = reference.day.year
    else:
        year_named = shared_year(m, ctx)
    if year_named is not None:
        when = safe_date(year_named, month, day)
        return a_day(when)
    anchor = ctx.anchor()
    if anchor is None:
        return unanchored(f"XXXX-{month:02d}-{day:02d}")
    year = year_for(ctx, m, anchor, month, day)
    if m.groupdict().get("named"):  # "Friday, Oct. 23"
        year = _year_of_weekday(year, month, day, int(lookup("weekdays", m["named"])))
    when = safe_date(year, month, day)
    return a_day(when)


def day_of_month(m: re.Match[str], ctx: Context) -> Result | None:
    """ "On the 20th": that day of the month the text is at, if the text is at a month or a day of one; not
    an ordinal of something else ("on the 3rd floor", "on the 20th anniversary")."""
    span = ctx.span(m.start("day"), m.end("day"))
    if span is None or (
        span.end < len(span.doc) and span.doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    ):
        return None
    day = day_number(m["day"])
    ref = ctx.reference()
    if ref is None or ref.grain not in (DAY, MONTH):
        return unanchored(f"XXXX-XX-{day:02d}")
    when = safe_date(ref.day.year, ref.day.month, day)
    return a_day(when)


_RANGE_START = re.compile(rf"(?P<mon>{p.MONTH})\s+(?P<day>\d{{1,2}})(?:\s*[-–]\s*|\s+(?:and|or|to)\s+)$")


def range_end(m: re.Match[str], ctx: Context) -> Result | None:
    """The second day of a day range or pair: the "25" of "April 24 and 25", the "9, 1918" of "March 5-9,
    1918", in the month (and year) of the first."""
    start = _RANGE_START.search(ctx.text, max(0, m.start() - 16), m.start())
    day = int(m["day"])
    if start is None or not int(start["day"]) < day <= 31:
        return None
    month = month_number(start["mon"])
    if m["year"]:
        year: int | None = year_number(m["year"])
    else:
        placed = (
            ctx.ref if ctx.ref is not None and ctx.ref.grain == DAY and ctx.ref.day.month == month else None
        )
        year = placed.day.year if placed else None
    when = safe_date(year, month, day) if year else None
    if when is None:
        return unanchored(f"XXXX-{month:02d}-{day:02d}") if year is None else None
    return a_day(when)


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year, of this one and its neighbours, in which the date falls on the weekday the text names
    ("Friday, Oct. 23" is in 2020 when the report is from January 2021): this one if none does."""
    for candidate in (year, year - 1, year + 1):
        when = safe_date(candidate, month, day)
        if when is not None and when.isoweekday() == weekday:
            return candidate
    return year


def week_of(m: re.Match[str], ctx: Context) -> Result | None:
    """ "The week of March 6": the (ISO 8601) week holding that day, a DATE of week granularity."""
    day = calendar_date(m, ctx)
    if day is None or day[2] is None:
        return ("DATE", "XXXX-WXX", None) if day else None
    week = Point(day[2].day, WEEK)
    return ("DATE", week.value(), week)


def month_year(m: re.Match[str], ctx: Context) -> Result | None:
    if m["bc"]:  # "September 480 BC"
        return before_era(m, MONTH, month_number(m["mon"]))
    year = year_number(m["year"]) if m["year"] else relative_year(m["rel"], ctx)
    if year is None:
        return unanchored(f"XXXX-{month_number(m['mon']):02d}")
    point = Point(date(year, month_number(m["mon"]), 1), MONTH)
    return ("DATE", point.value(), point)


def month_alone(m: re.Match[str], ctx: Context) -> Result | None:
    month = month_number(m["mon"])
    rel = key(m["rel"] or "")
    if month in (3, 5) and not rel and not is_proper_noun(ctx, m.start("mon"), m.end("mon")):
        return None  # "may" and "march" as verbs at the start of a sentence
    if rel.startswith("the "):  # "the previous April", "the following June": from the text's date
        reference = ctx.reference()
        base = reference.day if reference is not None else None
    else:
        base = ctx.deictic() if rel else ctx.anchor()
    if base is None:
        return unanchored(f"XXXX-{month:02d}")
    if not rel and (named := shared_year(m, ctx)) is not None:
        year = named
    elif rel == "this":
        year = base.year
    elif rel:  # "last June": the latest June before this month; "next June": the first after it
        way = PAST if rel in ("last", "the previous") else FUTURE
        year = nearest_year(base.replace(day=1) + timedelta(days=-1 if way == PAST else 31), month, None, way)
    else:
        year = year_for(ctx, m, base, month, None)
    point = Point(date(year, month, 1), MONTH)
    return ("DATE", point.value(), point)


PAST_TENSE_FUTURE_WEIGHT = 4.0
WRITING_DAYS = 7  # how long before its publication a report may have been written
CLOCK_SLACK_DAYS = 2  # how far a publication date may lag the day of an event it reports (time zones, wires)


def year_for(ctx: Context, m: re.Match[str], anchor: date, month: int, day: int | None) -> int:
    """The year of a year-less date: in a narrative the year the story has reached, in news the one that
    puts it nearest the creation time (ahead only when the clause looks ahead). A past-tense clause leans
    further back ("In January, X brought in a new chief" in an October report is this January) without
    ruling out the months just ahead, which news often reports in the past tense of its sources. A day
    a clause looks ahead to may lie a few days back: the text was written before it was published."""
    if ctx.narrative and ctx.ref is not None:
        return ctx.ref.day.year
    if (framed := _framed_year(ctx, m, month)) is not None:
        return framed
    if heads_entry(ctx.text, m.start(), m.end()):
        return nearest_year(anchor, month, day, 0)  # "Oct. 27: Israel launches ...": a timeline's or agenda's
    tense = ctx.tense(m.start(), m.end())
    if tense == PAST:
        if ctx.done(m.start(), m.end()):  # over by the time of writing, give or take a time zone
            slack = timedelta(days=CLOCK_SLACK_DAYS if day is not None else 0)
            return nearest_year(anchor + slack, month, day, PAST)
        return nearest_year(anchor, month, day, 0, PAST_TENSE_FUTURE_WEIGHT)
    if tense == FUTURE:
        written = anchor - timedelta(days=WRITING_DAYS) if day is not None else anchor
        return nearest_year(written, month, day, FUTURE)
    return nearest_year(anchor, month, day, 0)


FRAME_CHARS = 25  # how near the start of its sentence a date must be to frame the sentence


def _framed_year(ctx: Context, m: re.Match[str], month: int) -> int | None:
    """The year of a date that opens the sentence and frames it, for a later month in it: "In March 2020,
    sales fell by half, and in April she laid off four workers" (not "The firm, founded in March 2015, said
    in April ...")."""
    ref = ctx.ref
    if ref is None or ref.grain not in (MONTH, DAY) or month < ref.day.month:
        return None
    span = ctx.span(m.start(), m.end())
    if span is None:
        return None
    opening = span.doc[sentence(span.doc, span.start).start : span.start].text[:FRAME_CHARS]
    return ref.day.year if str(ref.day.year) in opening else None


def numeric_date(m: re.Match[str], ctx: Context) -> Result | None:
    """Dates in figures: ISO ("2023-09-12", "2023/09/12"), European ("12.09.2023") and slashed ones, read
    month first ("9/12/2023") unless only the other reading is a date, or it lies nearer the publication
    date ("12/09/2023" in a paper of September 13, 2023 is September 12)."""
    if m["year"]:
        when = safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
    elif m["year3"]:
        when = safe_date(int(m["year3"]), int(m["mm"]), int(m["dd"]))
    else:
        year = int(m["year2"])
        if year < 100:
            year += 2000 if year < 50 else 1900
        a, b = int(m["a"]), int(m["b"])
        readings = [d for d in (safe_date(year, a, b), safe_date(year, b, a)) if d is not None]
        if len(readings) == 2 and (dct := ctx.dct) is not None:
            readings.sort(key=lambda d: abs((d - dct).days))
        when = readings[0] if readings else None
    return a_day(when)


_ADDRESS = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Drive|Dr|Lane|Ln|Way|Hwy)\b"
)
_NAME_BEFORE = re.compile(rf"(?<![.!?:]\s)(?<!^)\b(?!{p.MONTH}\b|In\b|By\b|Since\b)[A-Z][\w-]*\s+$")
_NAME_AFTER = re.compile(rf"\s+(?!{p.MONTH}\b)[A-Z]\w*\b")


# "Flight 1990", "Resolution 2334", "02-751-1500": numbers, not years
_NUMBER_BEFORE = re.compile(r"(?:No\.|number|Flight|Route|Highway|Resolution)\s*$|\d[-.]\d{2,4}[-.]$", re.I)


_YEAR_BEFORE = re.compile(r"\b(?:1\d|20)\d\d\s*(?:to|and|or|through|until|-|–)\s*$")


def year_alone(m: re.Match[str], ctx: Context) -> Result | None:
    text = ctx.text
    if re.match(r"\s*(?:%|percent|per\s*cent)", text[m.end() : m.end() + 9], re.I):
        return None
    if text[max(0, m.start() - 1) : m.start()] in ("$", "#", "£", "€") or _NUMBER_BEFORE.search(
        text, max(0, m.start() - 12), m.start()
    ):
        return None
    token = ctx.span(m.start("year"), m.end("year"))
    counted = token is not None and token[0].ent_type_ in ("MONEY", "QUANTITY", "PERCENT", "CARDINAL")
    if counted and not _YEAR_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None  # a count, unless it closes a range of years ("from 2014 to 2022")
    named = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) and _NAME_AFTER.match(text, m.end())
    if named or _ADDRESS.match(text, m.end()):
        return None  # "Bench 1775 Winery", "1775 Naramata Rd.": a name, a house number
    point = Point(date(year_number(m["year"]), 1, 1), YEAR)
    return ("DATE", point.value(), point)


def before_era(m: re.Match[str], grain: str, month: int = 1, season: str = "") -> Result:
    """A month, season or year before the common era ("September 480 BC"), which a history counts on from."""
    point = Point(bc_date(int(m["bc"]), month), grain, season)
    return ("DATE", point.value(), point)


def era_year(m: re.Match[str], ctx: Context) -> Result | None:
    """Years of an era: "241 BC" is `BC0241`, "AD 43" is `0043` (there is no year 0)."""
    year = int(m["ad"] or m["year"])
    if year < 1:
        return None
    before = not m["ad"] and key(m["era"]).replace(".", "").startswith("b")
    point = Point(bc_date(year) if before else date(year, 1, 1), YEAR)
    return ("DATE", point.value(), point)


def era_range_start(m: re.Match[str], ctx: Context) -> Result | None:
    """The first year of a range before the common era ("499-493 BC", "264 to 241 BC"), which counts down."""
    year = int(m["year"])
    if year <= int(m["end"]):
        return None
    point = Point(bc_date(year), YEAR)
    return ("DATE", point.value(), point)


def short_year(m: re.Match[str], ctx: Context) -> Result:
    """A year by its last two digits ("the Club of '89", "the class of '24"): the latest such year not after
    the one the text is at, or the next ("'24" in 2023)."""
    anchor = ctx.anchor()
    if anchor is None:
        return unanchored(f"XX{m['yy']}")
    year = two_digit_year(int(m["yy"]), anchor.year + 1)
    return ("DATE", f"{year:04d}", Point(date(year, 1, 1), YEAR))


YEAR_RANGE_SPAN = 10  # "1999-00" ends a year later; "2019-12" (a month) is no range


def year_range_end(m: re.Match[str], ctx: Context) -> Result | None:
    """The short second year of a range ("1990-94", "the 2007-08 season"), in the century of the first."""
    start = int(ctx.text[m.start() - 5 : m.start() - 1])
    year = start - start % 100 + int(m["yy"])
    if year <= start:
        year += 100
    if year - start > YEAR_RANGE_SPAN:
        return None
    return ("DATE", f"{year:04d}", Point(date(year, 1, 1), YEAR))


def decade(m: re.Match[str], ctx: Context) -> Result | None:
    if m["dec"]:
        tens = int(m["dec"][:3])
    elif m["paired"]:
        first_decade = re.search(r"(1\d|20)\d0['’]?s\s+\w+\s+$", ctx.text[max(0, m.start() - 16) : m.start()])
        if first_decade is None:
            return None  # "her 70s and 80s": ages
        tens = int(first_decade[1]) * 10 + int(m["paired"][0])
    else:
        digit = int(m["short"][0]) if m["short"] else int(lookup("decade_words", m["word"]))
        # "the '90s", "the nineties": the last such decade before the creation time
        tens = two_digit_year(digit * 10, _written(ctx)) // 10
    return ("DATE", f"{tens:03d}", None)


def century(m: re.Match[str], ctx: Context) -> Result | None:
    """Centuries by their first two digits: "the 20th century" (1900-1999) is `19`, "the 4th century BC"
    (400-301 BC) `BC03`."""
    nth = day_number(m["nth"])
    return ("DATE", f"{'BC' if m['era'] else ''}{nth - 1:02d}", None) if nth >= 1 else None


def relative_year(word: str | None, ctx: Context) -> int | None:
    """The year of "this year's", "last year's", "next year's", "that year", else the reference year."""
    base = ctx.deictic() if word and key(word) not in ("that", "the same") else ctx.anchor()
    if base is None:
        return None
    shift = {"this": 0, "last": -1, "next": 1, None: 0}.get(key(word) if word else None, 0)
    return base.year + shift


# "After a flat second quarter, ..." names a quarter in passing, not the one the report is about
_ASIDE = re.compile(
    r"\b(?:after|before|since|following)\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+)?$", re.I
)


def quarter(m: re.Match[str], ctx: Context) -> Result | None:
    """Named quarters and halves: "the third quarter", "the year-ago third quarter", "the 1988 period",
    "the first two quarters of 1990" (a half; without a year, "the last two quarters" is a span of time)."""
    halves = key(m["unit"]) in ("half", "two quarters")
    of_year = m["year2"] or m["rel2"] or m["rel"] or m["ofyear"]
    if key(m["unit"]) == "two quarters" and not (m["nth"] and of_year):
        return None
    count = 2 if halves else 4
    grain, letter = (QUARTER, "Q") if count == 4 else (HALF, "H")
    earlier = bool(m["ago"] or m["ago2"] or m["same"])
    explicit_year = m["year"] or m["year2"]
    if not m["nth"] and not (explicit_year or earlier or m["rel"] or m["rel2"]):
        return None  # "the quarter" alone: `quarter_relative`
    if key(m["unit"]) == "period" and not (explicit_year or earlier):
        return None
    if halves and not (m["nth"] or earlier):
        return None  # "less than half of 1969's totals": a share, not a half of the year
    if not (explicit_year or earlier or of_year) and _of_a_game(ctx, m):
        return None  # "scored twice in the second half", "12 points in the fourth quarter": a game's
    reported, now = reporting_quarter(ctx), ctx.deictic()
    if m["nth"]:
        nth = key(m["nth"])
        ordinal = {"final": count, "last": count, "latter": count, "former": 1}.get(nth) or day_number(nth)
        index = min(count, ordinal)
    elif reported is not None:
        index = (reported.day.month - 1) // (12 // count) + 1
    else:
        return unanchored(f"XXXX-{letter}X")
    if explicit_year:
        year: int | None = year_number(explicit_year)
    elif m["rel"] or m["rel2"]:
        year = relative_year(m["rel"] or m["rel2"], ctx)
    elif m["nth"] and now is not None and (ended := _ENDED.match(ctx.text, m.end())) is not None:
        year = _end_year(ended, now)  # "the second quarter ended Oct. 31" (a year ago): the year it ended in
    else:
        base = reported.day if reported and not m["nth"] else ctx.anchor()
        year = base.year if base else None
        # "the fourth quarter" said in January is the one just ended, unless the clause looks ahead
        starts = date(year, (index - 1) * (12 // count) + 1, 1) if year is not None else None
        if starts and now and m["nth"] and starts > now and ctx.tense(m.start(), m.end()) != FUTURE:
            year = starts.year - 1
    if year is None:
        return unanchored(f"XXXX-{letter}{index}")
    # "a year earlier" moves back from the reported quarter, unless the year is named ("the corresponding
    # period last year", "the same quarter of 1988")
    back = earlier and not (explicit_year or m["rel"] or m["rel2"])
    point = Point(date(year - back, (index - 1) * (12 // count) + 1, 1), grain)
    # the quarter a report is about becomes the reference; a comparison period ("a year earlier",
    # "the 1988 period") does not, nor a quarter still running that the clause looks ahead to
    compared = (
        earlier
        or (explicit_year is not None and not m["nth"])
        or (ctx.tense(m.start(), m.end()) == FUTURE and (now is None or point.shift(1).day > now))
        or bool(_ASIDE.search(ctx.text, max(0, m.start() - 40), m.start()))
    )
    return ("DATE", point.value(), None if compared else point)


_FISCAL = re.compile(r"\bfiscal\b", re.IGNORECASE)


def _named_fiscal(ctx: Context) -> bool:
    """Whether the quarter the text is at was named as a fiscal one ("the fiscal first quarter")."""
    return (
        ctx.ref is not None
        and ctx.ref.grain == QUARTER
        and _FISCAL.search(ctx.text, max(0, ctx.ref_end - 40), ctx.ref_end) is not None
    )


def reporting_quarter(ctx: Context) -> Point | None:
    """The quarter a financial report is about: the last one named that has begun (a fiscal "fourth quarter"
    ended Sept. 30 is still running by the calendar; `quarter` names none the clause looks ahead to), else
    the one just ended."""
    now = ctx.deictic()
    if ctx.ref is not None and ctx.ref.grain == QUARTER and (now is None or ctx.ref.day <= now):
        return ctx.ref
    return Point(now, QUARTER).shift(-1) if now else None


_ENDED = re.compile(
    rf",?\s+(?:that\s+|which\s+)?(?P<verb>ended|ending|ends)\s+(?P<mon>{p.MONTH})\s+(?P<day>\d{{1,2}})"
    rf"(?:,\s*(?P<year>{p.YEAR}))?(?!\d)"
)


# Words of a game told in its halves, quarters and periods (not "assist", "match", "rebound" or "overtime",
# which reports of results use too).
_GAME = re.compile(
    r"\b(?:goals?|touchdowns?|innings?|half-?time|free[\s-]throws?|field\s+goals?|kick-?off|hat-?trick|"
    r"\d+(?:st|nd|rd|th)\s+minute|scored\s+(?:twice|once|three\s+times|\d+|a|an|his|her|their|the))\b",
    re.IGNORECASE,
)


# Words only a report of a game uses: a text with a few of them tells its quarters and halves by the clock
_GAME_REPORT = re.compile(
    r"\b(?:touchdowns?|field\s+goals?|innings|half-?time|free[\s-]throws?|quarterbacks?|fumbled?|"
    r"penalty\s+kicks?|hat-?tricks?|first\s+downs?)\b",
    re.IGNORECASE,
)
GAME_REPORT_WORDS = 2


def _of_a_game(ctx: Context, m: re.Match[str]) -> bool:
    span = ctx.span(m.start(), m.end())
    if span is not None and _GAME.search(sentence(span.doc, span.start).text) is not None:
        return True
    return _reports_a_game(ctx.text)


@lru_cache(maxsize=4)
def _reports_a_game(text: str) -> bool:
    """Whether the text reports a game: read once a text, however many quarters it names."""
    return len(list(islice(_GAME_REPORT.finditer(text), GAME_REPORT_WORDS))) == GAME_REPORT_WORDS


def quarter_ended(m: re.Match[str], now: date) -> Point:
    """ "The quarter ended July 31": the three months ending then, named by the calendar quarter that holds
    most of them (its middle month), so a fiscal quarter of May to July is Q2 and one ended Sept. 30 is Q3."""
    middle = add_months(date(_end_year(m, now), month_number(m["mon"]), 1), -1)
    return Point(middle, QUARTER)


def _end_year(m: re.Match[str], now: date) -> int:
    """The year a period "ended Sept. 30" ended in: a period that "ended" is over, one "ending" lies either
    side of now."""
    if m["year"]:
        return year_number(m["year"])
    return nearest_year(now, month_number(m["mon"]), int(m["day"]), PAST if m["verb"] == "ended" else 0)


_RESULTS = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:loss|losses|profits?|earnings|results|net|income|revenues?|sales)\b",
    re.IGNORECASE,
)
_BY = re.compile(r"\bby\s+(?:the\s+(?:end|close)\s+of\s+)?$", re.IGNORECASE)


def quarter_relative(m: re.Match[str], ctx: Context) -> Result | None:
    """Quarters named by relation: "the quarter", "the latest quarter", "the year-ago period"."""
    which = key(m["which"] or "")
    if not which and not m.group(0).lower().startswith("the"):
        return None
    if key(m["unit"]) == "period" and which not in (
        "latest",
        "most recent",
        "comparable",
        "corresponding",
        "same",
    ):
        return None
    now = ctx.deictic()
    reported = reporting_quarter(ctx)
    if now is None or reported is None:
        return unanchored("XXXX-QX")
    ended = _ENDED.match(ctx.text, m.end())
    if ended and which in ("", "latest", "most recent", "current", "this", "last"):
        # "the fiscal first quarter ... the quarter ended Sept. 29": the period the report named, by its name
        point = reported if _named_fiscal(ctx) else quarter_ended(ended, now)
        return ("DATE", point.value(), point)
    current = Point(now, QUARTER)
    if which == "this" and reported == ctx.ref and _RESULTS.match(ctx.text, m.end()):
        # "This quarter's loss includes ..." in a report on the third quarter: the one reported on, not the
        # one running
        point, sets_reference = reported, True
    elif which in ("current", "this"):
        point, sets_reference = current, True
    elif which in ("next", "coming"):
        point, sets_reference = current.shift(1), False
    elif which == "last":
        point, sets_reference = current.shift(-1), True
    elif which in ("previous", "prior", "preceding"):
        point, sets_reference = reported.shift(-1), False
    elif which in ("comparable", "corresponding", "same") or m["ago"]:
        point, sets_reference = reported.shift(-1, YEAR), False
    elif which in ("latest", "most recent") or reported.day > now:
        point, sets_reference = reported, True
    elif _BY.search(ctx.text, max(0, m.start() - 24), m.start()) and ctx.tense(m.start(), m.end()) == FUTURE:
        point, sets_reference = current, False  # "will cut jobs by the end of the quarter": the one running
    else:
        point, sets_reference = reported, True
    return ("DATE", point.value(), point if sets_reference else None)


SEASON_SHIFT = {"last": -1, "next": 1, "this coming": 1, "coming": 1}
# Seasons counted from the date the text is at: the same one, the next one after it, the one before it.
_TEXTUAL_SEASON = {"that": 0, "that same": 0, "the following": 1, "the next": 1, "the previous": -1}


def _season_year(code: str, at: date, shift: int) -> int:
    """The year of the season `shift` seasons of its kind from the date `at` ("the following spring", "that
    winter"). A winter is named by the year of its January: the winter of 1918-19 is 1919-WI."""
    if code == "WI":
        if shift > 0:
            return at.year + 1
        if shift < 0:
            return at.year if at.month >= 3 else at.year - 1
        return at.year if at.month <= 6 else at.year + 1
    if shift > 0 and SEASON_MONTH[code] <= at.month:
        return at.year + 1  # the next such season after the date the text is at
    if shift < 0 and SEASON_MONTH[code] >= at.month:
        return at.year - 1
    return at.year


def _winter_year(at: date, tense: int) -> int:
    """The winter a report means by "this winter" or "in the winter": the one it is in or nearing, or, from
    spring to summer, the one just past unless the clause looks ahead."""
    if at.month >= 9:
        return at.year + 1
    if at.month <= 3:
        return at.year
    return at.year + 1 if tense == FUTURE else at.year


_SEASON_PREP = re.compile(
    r"\b(?:in|during|since|until|by|through|throughout|over|into|before|after|from|last|next|this|early|late|"
    r"mid)[\s-]+(?:the\s+)?$"
)


def two_digit_year(digits: int, latest: int) -> int:
    """The year of "'80": the latest year ending in the digits and not after `latest`."""
    year = latest // 100 * 100 + digits
    return year - 100 if year > latest else year


def _written(ctx: Context) -> int:
    """The year of writing, for a short year or decade ("summer '80", "the '90s")."""
    return (ctx.dct or date(1999, 1, 1)).year


def has_clause(ctx: Context, start: int, end: int) -> bool:
    """Whether a relative clause names which one the word is ("the summer she turned 17", "the year he
    died"), rather than the calendar around the text. The word must follow its clause's verb: a time put
    first has had the main clause read as its relative one ("Late in the year the French launched ...")."""
    span = ctx.span(start, end)
    if span is None or not any(c.dep_ == "relcl" for c in span.root.children):
        return False
    for token in reversed(span.doc[sentence(span.doc, span.root.i).start : span.start]):
        if token.pos_ in ("VERB", "AUX"):
            return True
        if token.dep_ in ("punct", "cc"):
            return False
    return False


_SHARED_SEASON_YEAR = re.compile(
    rf"\s+(?:and|or|to|through|until)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?{p.SEASON}\s+(?:of\s+)?"
    rf"(?P<year>{p.YEAR})\b",
    re.IGNORECASE,
)
_NOT_OF_A_YEAR = re.compile(
    r"\s+of\s+(?!(?:that|the\s+same|the\s+following|the\s+next|this|last|next)\s+year\b)"
)


def season(m: re.Match[str], ctx: Context) -> Result | None:
    code = str(lookup("seasons", m["season"]))
    if m["bc"]:  # "the spring of 480 BC"
        return before_era(m, SEASON, SEASON_MONTH[code], code)
    rel = key(m["rel"] or "")
    named = m["year"] or m["short"] or m["relyear"]
    if not named and code in ("SP", "FA") and (not rel or (rel == "the" and code == "FA")):
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not _SEASON_PREP.search(before):
            return None  # "prices fall", "behind the fall": the season needs a preposition to be one
    if code in ("SP", "FA") and not named and _NOT_OF_A_YEAR.match(ctx.text, m.end()):
        return None  # "the fall of Budapest": a collapse; "the fall of that year" is a season
    shared = None if m["year"] else _SHARED_SEASON_YEAR.match(ctx.text, m.end())
    if m["year"]:
        year = year_number(m["year"])
    elif shared is not None:  # "the spring and early summer of 1943": both of that year
        year = year_number(shared["year"])
    elif m["short"]:  # "summer '80"
        year = two_digit_year(int(m["short"]), _written(ctx))
    elif m["relyear"]:  # "the spring of next year"
        if (relative := relative_year(m["relyear"], ctx)) is None:
            return unanchored(f"XXXX-{code}")
        year = relative
    elif rel == "the" and has_clause(ctx, m.start("season"), m.end("season")):
        return unanchored(f"XXXX-{code}")  # "the summer she turned 17": a summer the clause names
    elif rel in _TEXTUAL_SEASON:  # "In March 2020 ... That summer", "the following spring"
        reference = ctx.reference()
        if reference is None:
            return unanchored(f"XXXX-{code}")
        year = _season_year(code, reference.day, _TEXTUAL_SEASON[rel])  # a season point's day is its start
    else:
        base = ctx.anchor() if rel in ("", "the") else ctx.deictic()
        if base is None:
            return unanchored(f"XXXX-{code}")
        if rel in ("this past", "past") and code == "WI":
            year = base.year + (base.month == 12)  # "this past winter": the latest winter that has begun
        elif rel in ("this past", "past"):
            year = base.year - (SEASON_MONTH[code] > base.month)  # "this past spring": the latest one begun
        elif code == "WI":
            year = _winter_year(base, ctx.tense(m.start(), m.end())) + SEASON_SHIFT.get(rel, 0)
        else:
            year = base.year + SEASON_SHIFT.get(rel, 0)
    point = Point(date(year, SEASON_MONTH[code], 1), SEASON, code)
    if code == "WI" and not named and ctx.ref is not None and year > ctx.ref.day.year:
        return ("DATE", point.value(), None)  # the winter ahead of the autumn the story is in: it stays there
    return ("DATE", point.value(), point)


_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)


def period_end(m: re.Match[str], ctx: Context) -> Result | None:
    """ "Year-end", "by month's end": the year or month the text is at (TIMEX3 gives the end as a mod); the
    one before it after "since" ("the change since year-end"), as that end has not come yet."""
    now = ctx.deictic()
    grain = MONTH if key(m["unit"]) == "month" else YEAR
    if now is None:
        return ("DATE", "XXXX-XX" if grain == MONTH else "XXXX", None)
    since = _SINCE.search(ctx.text, max(0, m.start() - 8), m.start()) is not None
    return ("DATE", Point(now, grain).shift(-1 if since else 0).value(), None)
