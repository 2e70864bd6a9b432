"""TIMEX3 value arithmetic: calendar shifts at a granularity and the ISO-8601-like value strings.

A resolved point in time is a `Point`: a date plus the granularity it was stated at (a day, a
week, a month, a quarter, a season, a year, a decade, a century), because "last month" is
`2023-08`, not a day in August, and shifting it keeps that granularity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

# Granularities, finest first.
DAY, WEEK, WEEKEND, MONTH, QUARTER, HALF, SEASON, YEAR, DECADE, CENTURY = (
    "D", "W", "WE", "M", "Q", "H", "S", "Y", "DE", "CE",
)  # fmt: skip

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}

# A `date` cannot hold a year before the common era, so such years are kept as astronomical years (1 BC is
# 0, 480 BC is -479) raised by ERA_SHIFT: a history of 490 BC then counts on to "the following year" and
# "the summer" like any other, and `year_code` writes the year back as TIMEX3 does (`BC0489`).
ERA_SHIFT = 9000
_SHIFTED_FROM = 4000  # years from here up are shifted ones: 5000 BC at the earliest, AD 3999 at the latest


def bc_date(year: int, month: int = 1, day: int = 1) -> date:
    """The date that holds a day of the year `year` BC."""
    return date(ERA_SHIFT + 1 - year, month, day)


def year_code(year: int) -> str:
    """A date's year as TIMEX3 writes it: `1998`, or `BC0480` for a shifted year before the common era."""
    if year < _SHIFTED_FROM:
        return f"{year:04d}"
    astronomical = year - ERA_SHIFT
    return f"BC{1 - astronomical:04d}" if astronomical <= 0 else f"{astronomical:04d}"


def _before_era(year: int) -> bool:
    return _SHIFTED_FROM <= year <= ERA_SHIFT


_GRAIN_RANK = {DAY: 0, WEEK: 1, WEEKEND: 1, MONTH: 2, QUARTER: 3, HALF: 4, SEASON: 4, YEAR: 5, DECADE: 6,
               CENTURY: 7}  # fmt: skip


@dataclass(frozen=True)
class Point:
    """A calendar unit that contains `day`, at granularity `grain` (`season` for SEASON)."""

    day: date
    grain: str
    season: str = ""

    def value(self) -> str:
        d = self.day
        year = year_code(d.year)
        if self.grain == DAY:
            return f"{year}-{d.month:02d}-{d.day:02d}"
        if self.grain in (WEEK, WEEKEND):
            iso_year, week, _ = d.isocalendar()
            return f"{year_code(iso_year)}-W{week:02d}" + ("-WE" if self.grain == WEEKEND else "")
        if self.grain == MONTH:
            return f"{year}-{d.month:02d}"
        if self.grain == QUARTER:
            return f"{year}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == HALF:
            return f"{year}-H{(d.month - 1) // 6 + 1}"
        if self.grain == SEASON:
            return f"{year}-{self.season}"
        if self.grain == YEAR:
            return year
        if _before_era(d.year):  # the 480s BC are `BC048`, the fifth century BC (500-401 BC) `BC04`
            bc = ERA_SHIFT + 1 - d.year
            return f"BC{bc // 10:03d}" if self.grain == DECADE else f"BC{(bc - 1) // 100:02d}"
        if self.grain == DECADE:
            return year[:3]
        return year[:2]

    def finer(self, grain: str) -> str | None:
        """This point's value with the parts a finer `grain` adds left unknown ("that day" after "in 1987"
        is `1987-XX-XX`), or None if this point is no coarser than `grain` or too coarse to say."""
        rank = _GRAIN_RANK
        if rank.get(grain, 0) >= rank[self.grain] or self.grain in (DECADE, CENTURY):
            return None
        d, year = self.day, year_code(self.day.year)
        if self.grain == MONTH:
            return f"{year}-{d.month:02d}-XX" if grain == DAY else f"{year}-WXX"
        return {DAY: f"{year}-XX-XX", MONTH: f"{year}-XX"}.get(grain, f"{year}-WXX")

    def shift(self, n: int, unit: str | None = None) -> Point:
        """The unit `n` steps of `unit` (default: this point's grain) away, at this point's grain."""
        unit = unit or self.grain
        d = self.day
        if unit == DAY:
            d = d + timedelta(days=n)
        elif unit in (WEEK, WEEKEND):
            d = d + timedelta(weeks=n)
        elif unit == MONTH:
            d = add_months(d, n)
        elif unit == QUARTER:
            d = add_months(d, 3 * n)
        elif unit == HALF:
            d = add_months(d, 6 * n)
        elif unit in (SEASON, YEAR):
            d = add_months(d, 12 * n)
        elif unit == DECADE:
            d = add_months(d, 120 * n)
        else:
            d = add_months(d, 1200 * n)
        return Point(d, self.grain, self.season)


def add_months(d: date, n: int) -> date:
    """`d` moved by n calendar months, the day clipped to the target month's length."""
    months = d.year * 12 + d.month - 1 + n
    year, month = divmod(months, 12)
    year = max(1, min(9999, year))
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The day with ISO `weekday` (1 = Monday) nearest `anchor` on one side of it, `anchor` included:
    direction -1 looks back (news reporting what happened), +1 ahead (plans), 0 either way."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction < 0 or (direction == 0 and back <= ahead):
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


def nearest_year(
    anchor: date, month: int, day: int | None, direction: int, future_weight: float = 2.0
) -> int:
    """The year that puts a year-less month (and day) nearest the anchor, on the side `direction` asks for
    (-1: not after the anchor, +1: not before it), or nearest (0) with the past preferred: news reports
    mostly what has happened, so a date ahead counts as `future_weight` times as far (twice by default)."""
    best_year, best_gap = anchor.year, 0.0
    found = False
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if day is not None:  # a year the day exists in: February 29 in the nearest leap years
        years = [y for y in years if safe_date(y, month, day)] or [
            y for y in range(anchor.year - 4, anchor.year + 5) if safe_date(y, month, day)
        ]
    for year in years:
        if day is None:  # a whole month: count months, so the current month is on both sides
            gap = float((year * 12 + month) - (anchor.year * 12 + anchor.month))
        else:
            gap = float((date(year, month, day) - anchor).days)
        if (direction < 0 and gap > 0) or (direction > 0 and gap < 0):
            continue
        cost = gap * future_weight if gap > 0 and direction == 0 else abs(gap)
        if not found or cost < best_gap:
            best_year, best_gap, found = year, cost, True
    return best_year


# How a fraction of a unit is written in the next smaller one (TIMEX3 has no fractions in practice).
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def duration(amount: Fraction | None, unit: str) -> str:
    """A TIMEX3 duration: `P4Y6M` for 4 1/2 years, `PT5H` for five hours, `PXM` for a vague number of months.

    `unit` is a code from the lexicon: `Y`, `M`, `W`, `D`, `Q`, `WE`, `TH`, `TM`, `TS` or a multiple
    such as `10Y` (a decade) or `2W` (a fortnight)."""
    scale = 1
    if unit[0].isdigit():
        digits = "".join(c for c in unit if c.isdigit())
        scale, unit = int(digits), unit[len(digits) :]
    if amount is None:
        return f"PTX{unit[1]}" if unit.startswith("T") else f"PX{unit}"
    amount *= scale
    parts: list[tuple[int, str]] = []
    whole = int(amount)
    parts.append((whole, unit))
    rest = amount - whole
    if rest and unit in SMALLER:
        smaller, factor = SMALLER[unit]
        parts.append((int(rest * factor), smaller))
        rest = rest * factor - int(rest * factor)
    if rest:  # not expressible in whole smaller units: keep a decimal
        number = f"{float(amount):g}"
        return f"PT{number}{unit[1]}" if unit.startswith("T") else f"P{number}{unit}"
    return _duration_string([p for p in parts if p[0]] or [(0, unit)])


def _duration_string(parts: list[tuple[int, str]]) -> str:
    dated = "".join(f"{n}{u}" for n, u in parts if not u.startswith("T"))
    timed = "".join(f"{n}{u[1]}" for n, u in parts if u.startswith("T"))
    return "P" + dated + ("T" + timed if timed else "")
