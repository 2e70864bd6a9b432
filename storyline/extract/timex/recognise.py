"""Find the temporal expressions of a text and give each its TIMEX3 type and value.

Every rule's pattern (a compiled regex; no per-token loop) runs over the stretches of text near a
trigger word, a half of a news text or less; overlapping candidates are settled longest first. The
kept extents are widened over the modifiers TIMEX3 includes ("early Tuesday", "nearly 4 1/2 years"),
then valued in text order so that each can refer back to the dates before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from storyline.document import TimeType
from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.names import name_spans
from storyline.extract.timex.reading import Result, line_start, part_code
from storyline.extract.timex.rules import BARE_CLOCK, PRIORITY, RULES, Rule
from storyline.extract.timex.tense import FUTURE
from storyline.extract.timex.values import DAY, HALF, QUARTER, Point

_DATE_MODIFIER = re.compile(rf"(?<![\w-])(?:{p.DATE_MODIFIER})(?:\s+|-)$", re.IGNORECASE)
_QUANTITY_MODIFIER = re.compile(rf"(?<![\w-])(?:{p.QUANTITY_MODIFIER})\s+$", re.IGNORECASE)
_AROUND = re.compile(r"(?<![\w-])(?:around|roughly|approximately)\s+$", re.IGNORECASE)
_LOOKBEHIND = 40
_NAMED_UNPLACED = re.compile(r"XXXX-\d")  # a named month or day of an unknown year
_SPACE = re.compile(r"\s")
_MARGIN = 60  # characters each side of a trigger: more than any prefix or suffix of an expression
_A_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_A_CLOCK = re.compile(r"T\d")
# a date that bounds the clause rather than places it: "fell to $5,967 at 07:59 UTC, the lowest since Nov. 13"
_BOUND = re.compile(r"\b(?:since|until|till|by|from|through|to|before|after|than|between|and|or)\s+$", re.I)
_AT_CLOCK = re.compile(r",?\s+(?:at\s+)?")  # between a day and its clock time: "on Sept. 9 at 10 a.m."
_CLOCK_JOIN = re.compile(r",?\s+")  # between a clock time and its day: "6 a.m. ten days before"
# the day a period ends on, which names the period rather than moving the text: "the quarter ended Sept. 30"
_PERIOD_END = re.compile(r"\b(?:quarter|period|half)\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+$", re.I)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: TimeType
    value: str


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find(doc: Doc) -> list[Found]:
    """The temporal expressions of the doc, in text order, with their TIMEX3 type and value."""
    ctx = Context.for_doc(doc)
    found: list[Found] = []
    for cand in _select(_candidates(ctx.text), ctx):
        result = _value(cand, ctx)
        if result is None:
            continue
        kind, value, point = result
        start = _widen(ctx.text, cand.start, kind, value)
        found.append(Found(start, cand.end, kind, value))
        if point is not None:
            ctx.note_event(cand.start, cand.end, point)
        if point is not None and _closes_the_quarter(ctx, cand):
            continue
        if point is not None and _moves_the_story(ctx, cand, point):
            ctx.ref, ctx.ref_end = point, cand.end
        elif point is not None and point.grain == DAY:
            ctx.said, ctx.said_end = point, cand.end  # "announced Monday that it had struck ... overnight"
        elif point is None and _NAMED_UNPLACED.match(value):
            ctx.ref = None  # the text moved to a day it does not place: "July 8 ... the following day"
    return _quoted_days(_clock_days(_parts_of_days(found, ctx.text), ctx), ctx)


# "the night of April 18, 1775", "early in the morning of 29 April", "the early morning hours of 30 April"
_PART_OF = re.compile(
    rf"(?:(?:early|late)\s+(?:in\s+)?)?\bthe\s+(?:(?:early|late)\s+)?(?P<part>{p.PART_OF_DAY})(?:\s+hours)?\s+of\s+$",
    re.IGNORECASE,
)


def _parts_of_days(found: list[Found], text: str) -> list[Found]:
    """A day named as the part of it something happened in is one time, that part of the day."""
    out: list[Found] = []
    for time in found:
        part = _PART_OF.search(text, max(0, time.start - _LOOKBEHIND), time.start)
        if part is not None and time.type == "DATE" and _A_DAY.fullmatch(time.value):
            time = Found(part.start(), time.end, "TIME", time.value + part_code(part["part"]))
            while out and out[-1].end > time.start:
                out.pop()  # "the morning" found on its own
        out.append(time)
    return out


def _clock_days(found: list[Found], ctx: Context) -> list[Found]:
    """A clock time that names no day is on the day named right before it ("until May 8 1:00AM", "on Sept. 9
    at 10 a.m."), else on the day its clause names after it ("observed the car at 6 a.m. near his home ten
    days before the murder"); a day right beside it makes one time with it ("6 a.m. the next day"). The
    clock's own reading (the day the text was at) is kept when neither is there."""
    out: list[Found] = []
    for i, time in enumerate(found):
        if i and out[-1].end > time.start:
            continue  # joined to the clock before it
        if not _floating(time, ctx):
            out.append(time)
            continue
        clock = time.value[time.value.index("T") :]
        before, after = (out[-1] if out else None), (found[i + 1] if i + 1 < len(found) else None)
        if before is not None and _is_day(before) and _AT_CLOCK.fullmatch(ctx.text, before.end, time.start):
            if _CLOCK_JOIN.fullmatch(ctx.text, before.end, time.start):
                out[-1] = Found(before.start, time.end, "TIME", before.value + clock)
            else:
                out.append(Found(time.start, time.end, "TIME", before.value + clock))
        elif (
            after is not None
            and _is_day(after)
            and ctx.same_clause((time.start, time.end), (after.start, after.end))
            and not _BOUND.search(ctx.text, max(0, after.start - 10), after.start)
        ):
            joined = _CLOCK_JOIN.fullmatch(ctx.text, time.end, after.start)
            out.append(Found(time.start, after.end if joined else time.end, "TIME", after.value + clock))
        else:
            out.append(time)
    return out


def _floating(time: Found, ctx: Context) -> bool:
    """A clock time that names no day, other than one heading an entry of a live report ("4:30 p.m.")."""
    return (
        time.type == "TIME"
        and BARE_CLOCK.fullmatch(ctx.text, time.start, time.end) is not None
        and not line_start(ctx.text, time.start)
    )


def _is_day(found: Found) -> bool:
    return found.type == "DATE" and _A_DAY.fullmatch(found.value) is not None


_SPEAKER_DAYS = re.compile(r"(?i)today|tonight|tomorrow|yesterday|this\s+(?:morning|afternoon|evening)")
_OPENING = re.compile(r"[“\"]|``")
_CLOSING = re.compile(r"[”\"]|''")
ATTRIBUTION_CHARS = 80  # how far after a quote its speaker and the day they spoke may stand


def _quoted_days(found: list[Found], ctx: Context) -> list[Found]:
    """ "Today", "tomorrow" in a quote are the speaker's, counted from the day they spoke when the text
    dates it right after the quote ("“We will strike tomorrow,” the commander said on Monday")."""
    out = list(found)
    for i, time in enumerate(found):
        if not (_SPEAKER_DAYS.fullmatch(ctx.text, time.start, time.end) and _A_DAY.match(time.value)):
            continue
        closing = _quote_end(ctx.text, time.end)
        if closing is None or not _in_quote(ctx.text, time.start):
            continue
        after = (f for f in found[i + 1 :] if closing <= f.start <= closing + ATTRIBUTION_CHARS)
        spoken = next((f for f in after if _is_day(f) and ctx.times_speech(f.start, f.end)), None)
        if spoken is None or ctx.dct is None:
            continue
        shift = date.fromisoformat(spoken.value) - ctx.dct
        moved = date.fromisoformat(time.value[:10]) + shift
        out[i] = Found(time.start, time.end, time.type, moved.isoformat() + time.value[10:])
    return out


def _in_quote(text: str, at: int) -> bool:
    """Whether a quote opened earlier in the paragraph is still open at `at`."""
    before = text[text.rfind("\n", 0, at) + 1 : at]
    return (
        before.count("“") > before.count("”")
        or before.count('"') % 2 == 1
        or before.count("``") > before.count("''")
    )


def _quote_end(text: str, at: int) -> int | None:
    """Where the quote the position is in closes, unless a new one opens or the paragraph ends first."""
    closing = _CLOSING.search(text, at, at + 400)
    if closing is None:
        return None
    between = text[at : closing.start()]
    return closing.end() if "\n\n" not in between and not _OPENING.search(between.replace('"', "")) else None


def _closes_the_quarter(ctx: Context, cand: _Candidate) -> bool:
    """Whether the date ends the quarter or half the text is at ("the quarter ended Sept. 30 ... a year
    ago"): the report stays with the period, which a comparison then moves back from."""
    return (
        ctx.ref is not None
        and ctx.ref.grain in (QUARTER, HALF)
        and _PERIOD_END.search(ctx.text, max(0, cand.start - 30), cand.start) is not None
    )


def _moves_the_story(ctx: Context, cand: _Candidate, point: Point) -> bool:
    """Whether the text is now at this date: a history moves on with what happened, not with what was
    planned for later, the end of what lasted ("until February 1945"), a time before its own, told in the
    past perfect ("had last met in 1614"), or a year in brackets far from its own (a book's, "War on Terror
    (2003)"); a report with the events it tells, not with the day a statement about them was made
    ("officials said Thursday")."""
    if ctx.narrative:
        if ctx.ref is not None and (ctx.aside(cand.start, cand.end) or _cited(ctx, cand, point)):
            return False
        return ctx.ref is None or ctx.tense(cand.start, cand.end) != FUTURE
    return not ctx.of_speech(cand.start, cand.end)


_CITED_GAP = 10  # years between the story's date and a bracketed year that is not the story's


def _cited(ctx: Context, cand: _Candidate, point: Point) -> bool:
    """Whether the date stands alone in brackets, years away from the date the story is at."""
    bracketed = (
        ctx.text[max(0, cand.start - 1) : cand.start] == "(" and ctx.text[cand.end : cand.end + 1] == ")"
    )
    return bracketed and ctx.ref is not None and abs(point.day.year - ctx.ref.day.year) > _CITED_GAP


def _candidates(text: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), rule, m)
        for start, end in _windows(text)
        for rule in RULES
        for m in rule.pattern.finditer(text, start, end)
        if m.end() > m.start()
    ]


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of text around trigger words, merged, each ending before a space so that a pattern's
    word-boundary checks see what they would in the whole text. Running two dozen patterns over these only
    (a third of a news text, or less) keeps the layer cheap next to parsing."""
    windows: list[tuple[int, int]] = []
    for m in p.TRIGGER_WORD.finditer(text):
        start, end = max(0, m.start() - _MARGIN), _space_after(text, m.end() + _MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _space_after(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = _SPACE.search(text, pos)
    return space.start() if space else len(text)


def _select(cands: list[_Candidate], ctx: Context) -> list[_Candidate]:
    """Non-overlapping candidates outside names, the longest first (then the earlier rule), in text order.

    A candidate whose rule rejects it in this context (a verb "may", a "fall" in prices) leaves its
    room to shorter ones; the check runs with the context as it stands, so rules that need the
    dates before them are valued again, in order, by `find`."""
    taken = _Taken(name_spans(ctx.text))  # "the Sunday Times", "China Daily": a name's time word is no time
    kept: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, PRIORITY[c.rule.name], c.start)):
        if taken.overlaps(cand.start, cand.end) or _value(cand, ctx) is None:
            continue
        taken.add(cand.start, cand.end)
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


class _Taken:
    """Character spans already taken, merged and sorted, so that a candidate's overlap is found by
    bisection: a page with thousands of dates stays linear-logarithmic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end)

    def add(self, start: int, end: int) -> None:
        """Adds a span that overlaps none taken."""
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _value(cand: _Candidate, ctx: Context) -> Result | None:
    """The candidate's type and value, or None. Calendar arithmetic on what a text says can leave the
    calendar ("Dec. 31, 9999 and the following day"); such an expression is dropped, not the document."""
    try:
        return cand.rule.value(cand.match, ctx)
    except (ValueError, OverflowError, ArithmeticError):
        return None


def _widen(text: str, start: int, kind: str, value: str) -> int:
    """The start moved left over a modifier the extent includes."""
    before = text[max(0, start - _LOOKBEHIND) : start]
    quantity = (
        kind == "DURATION"
        or _A_CLOCK.search(value) is not None
        or (kind == "DATE" and not value.endswith("_REF") and _is_shift(text, start))
    )
    if text.startswith(("the ", "The "), start):
        quantity = False  # "over the past two months": the word before is a preposition
    # "about 10 a.m." is near a clock time, but "asked about Thursday night's fight" is about a night, which
    # only "around" puts near ("storms will form around midafternoon")
    near = (_QUANTITY_MODIFIER,) if quantity else (_AROUND,) if kind == "TIME" else ()
    for pattern in (*near, _DATE_MODIFIER):
        m = pattern.search(before)
        if m:
            return start - (len(before) - m.start())
    return start


def _is_shift(text: str, start: int) -> bool:
    """Whether the expression at `start` counts units ("four years ago"), which takes "nearly", "some"."""
    return bool(re.match(r"[\w.,-]+(?:\s+[\w-]+)?\s+(?:ago|earlier|later)\b", text[start : start + 40]))
