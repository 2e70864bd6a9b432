"""What a time expression is resolved against: the document creation time, the tense of its clause and
the last date the text mentioned (for "that year", "the following day", "a year earlier", and for
narratives that move through history rather than speak from their publication day)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from storyline.extract.timex.anchors import Events
from storyline.extract.timex.tense import (
    aside,
    called_off,
    clause_verb,
    done_at,
    of_speech,
    same_clause,
    tense_at,
    times_speech,
)
from storyline.extract.timex.values import DAY, Point

_YEAR = re.compile(r"(?<![\d$.,])(1[0-9]{3}|20[0-9]{2})(?![\d%]|,\d|\.\d)|\b\d{1,4}\s?(?:BCE?|B\.C\.?)(?!\w)")
# Words that speak from the day of writing; a news report uses them, a history hardly ever.
_DEICTIC = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:this|last|next)\s+(?:week|month|year)|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A report tells what people said: a history quotes now and then (at most 2.5 times per 1,000 words in the
# WikiWars dev texts), a news feature full of past years far more often (3 to 11 in the dev articles).
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to)\b")
NARRATIVE_MAX_REPORTS_PER_1000_WORDS = 3.0
# A report that opens on its dateline: "BHOPAL: ...", "LINDI: ...", "WASHINGTON (AP) -- ...".
_DATELINE = re.compile(r"\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][\w.]+)?\s*(?::|\(|--|—|–)")
NARRATIVE_MIN_YEARS = 5
NARRATIVE_MAX_NEAR_SHARE = 0.3
NARRATIVE_YEARS_PER_DEICTIC = 5
NARRATIVE_CHRONICLE_YEARS = 15
NARRATIVE_CHRONICLE_YEARS_PER_DEICTIC = 20


@dataclass
class Context:
    doc: Doc
    text: str
    dct: date | None
    narrative: bool
    ref: Point | None = None
    ref_end: int = 0  # where the expression that set `ref` ends
    said: Point | None = None  # the day of the last statement the text dated ("officials said Monday")
    said_end: int = 0
    events: Events = field(default_factory=Events)
    _tenses: dict[tuple[int, int], int] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def for_doc(cls, doc: Doc) -> Context:
        dct, text = parse_dct(doc._.published), doc.text  # `Doc.text` is rebuilt from the tokens on each read
        return cls(
            doc=doc, text=text, dct=dct, narrative=is_narrative(text, dct), _starts=[t.idx for t in doc]
        )

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering the characters [start, end) (`Doc.char_span` walks the whole doc each call)."""
        first = bisect_right(self._starts, start) - 1
        last = bisect_left(self._starts, end)
        if first < 0 or last <= first:
            return None
        return self.doc[first:last]

    def tense(self, start: int, end: int) -> int:
        if (start, end) not in self._tenses:
            self._tenses[(start, end)] = tense_at(self.text, self.span(start, end), start, end)
        return self._tenses[(start, end)]

    def of_speech(self, start: int, end: int) -> bool:
        return of_speech(self.span(start, end))

    def times_speech(self, start: int, end: int) -> bool:
        return times_speech(self.span(start, end))

    def aside(self, start: int, end: int) -> bool:
        return aside(self.span(start, end))

    def called_off(self, start: int, end: int) -> bool:
        return called_off(self.span(start, end))

    def done(self, start: int, end: int) -> bool:
        return done_at(self.span(start, end))

    def statement_before(self, m: re.Match[str]) -> Point | None:
        """The day of a statement dated earlier in the sentence of `m`, after any date the story moved to."""
        if self.said is None or self.said_end <= self.ref_end:
            return None
        said, here = self.span(self.said_end - 1, self.said_end), self.span(m.start(), m.end())
        return self.said if said is not None and here is not None and said.sent == here.sent else None

    def same_clause(self, first: tuple[int, int], second: tuple[int, int]) -> bool:
        return same_clause(self.span(*first), self.span(*second))

    def note_event(self, start: int, end: int, point: Point) -> None:
        if (span := self.span(start, end)) is not None:
            self.events.note(self.text, span, point)

    def event_date(self, at: int) -> Point | None:
        return self.events.date_of(self.text, at, self._lemma)

    def _lemma(self, start: int, end: int) -> str:
        span = self.span(start, end)
        return span.lemma_.lower() if span is not None else ""

    def event_day(self, start: int, end: int) -> Point | None:
        """The day the text gave before for what the verb of [start, end) tells, unless it is a saying."""
        span = self.span(start, end)
        verb = clause_verb(span)
        if verb is None or of_speech(span):
            return None
        return self.events.day_of({verb.lemma_.lower()}, start)

    def deictic(self, near: bool = False) -> date | None:
        """What "today", "yesterday", "this week" are relative to: the creation time, or in a narrative
        the story's current date ("the next spring", "this day"); a narrative that has named no date yet
        has none, rather than its creation time. A day, week or month counted from now (`near`: "last
        week", "three days ago", "next month") is the writer's even there: a history hardly speaks so of its
        own dates, a long report full of past years does."""
        if self.narrative and not (near and self.dct is not None):
            return self.ref.day if self.ref is not None else None
        return self.dct

    def anchor(self) -> date | None:
        """What a year-less date or a weekday is placed near: the story's current date in a narrative,
        else the creation time."""
        return self.deictic()

    def reference(self) -> Point | None:
        """The date a text-relative expression ("the next day", "that year") moves from."""
        if self.ref is not None:
            return self.ref
        return Point(self.dct, DAY) if self.dct and not self.narrative else None


def parse_dct(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def is_narrative(text: str, dct: date | None) -> bool:
    """A text about history (most years it names lie far from its creation time) anchors on its own
    dates; a news report anchors on the day it was written."""
    years = _YEAR.findall(text)  # a year before the common era ("480 BC") is far from any creation time
    if len(years) < NARRATIVE_MIN_YEARS:
        return False  # an undated news report stays unanchored: "Tuesday" is XXXX-WXX-2, not a day of 2019
    near = sum(bool(y) and abs(int(y) - dct.year) <= 2 for y in years) if dct else 0
    deictic = len(_DEICTIC.findall(text))
    chronicle = deictic * NARRATIVE_CHRONICLE_YEARS_PER_DEICTIC < len(years)
    if len(years) >= NARRATIVE_CHRONICLE_YEARS and chronicle:
        return True  # a chronicle of recent years: many years named, hardly ever "today" or "on Monday"
    if dct is not None and (
        _DATELINE.match(text)
        or len(_REPORTED.findall(text)) * 1000 >= NARRATIVE_MAX_REPORTS_PER_1000_WORDS * len(text.split())
    ):
        return False  # a feature that looks back over years, told from a dateline or through what people say
    return near / len(years) < NARRATIVE_MAX_NEAR_SHARE and deictic * NARRATIVE_YEARS_PER_DEICTIC < len(years)
