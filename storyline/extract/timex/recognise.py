"""Find the temporal expressions of a text and give each its TIMEX3 type and value.

Every rule's pattern runs over the whole text (compiled regexes, no per-token loop); overlapping
candidates are settled longest first. The kept extents are widened over the modifiers TIMEX3
includes ("early Tuesday", "nearly 4 1/2 years"), then valued in text order so that each can refer
back to the dates before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from storyline.extract.timex import patterns as p
from storyline.extract.timex.context import Context
from storyline.extract.timex.rules import PRIORITY, RULES, Rule

_DATE_MODIFIER = re.compile(rf"(?<![\w-])(?:{p.DATE_MODIFIER})(?:\s+|-)$", re.IGNORECASE)
_QUANTITY_MODIFIER = re.compile(rf"(?<![\w-])(?:{p.QUANTITY_MODIFIER})\s+$", re.IGNORECASE)
_LOOKBEHIND = 40


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
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
    for cand in _select(_candidates(doc.text), ctx):
        result = cand.rule.value(cand.match, ctx)
        if result is None:
            continue
        kind, value, point = result
        start = _widen(doc.text, cand.start, kind, value)
        found.append(Found(start, cand.end, kind, value))
        if point is not None:
            ctx.ref = point
    return found


def _candidates(text: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), rule, m) for rule in RULES for m in rule.pattern.finditer(text) if m.end() > m.start()
    ]


def _select(cands: list[_Candidate], ctx: Context) -> list[_Candidate]:
    """Non-overlapping candidates, the longest first (then the earlier rule), in text order.

    A candidate whose rule rejects it in this context (a verb "may", a "fall" in prices) leaves its
    room to shorter ones; the check runs with the context as it stands, so rules that need the
    dates before them are valued again, in order, by `find`."""
    taken: list[tuple[int, int]] = []
    kept: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start - c.end, PRIORITY[c.rule.name], c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        if cand.rule.value(cand.match, ctx) is None:
            continue
        taken.append((cand.start, cand.end))
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return kept


def _widen(text: str, start: int, kind: str, value: str) -> int:
    """The start moved left over a modifier the extent includes."""
    before = text[max(0, start - _LOOKBEHIND) : start]
    quantity = kind == "DURATION" or (kind == "DATE" and value.endswith("_REF") is False and _is_shift(text, start))
    for pattern in (_QUANTITY_MODIFIER, _DATE_MODIFIER) if quantity else (_DATE_MODIFIER,):
        m = pattern.search(before)
        if m:
            return start - (len(before) - m.start())
    return start


def _is_shift(text: str, start: int) -> bool:
    """Whether the expression at `start` counts units ("four years ago"), which takes "nearly", "some"."""
    return bool(re.match(r"[\w.,-]+(?:\s+[\w-]+)?\s+(?:ago|earlier|later)\b", text[start : start + 40]))
