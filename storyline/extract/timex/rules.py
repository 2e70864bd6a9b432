"""The rule table: for each kind of temporal expression, a compiled pattern that finds its extent and the
function (in `dates`, `days`, `relative`, `spans`) that gives its TIMEX3 type and value in a `Context`.

Patterns start at the expression proper, never at a preposition ("on Friday" gives "Friday");
modifiers TIMEX3 keeps inside the extent ("early", "nearly") are added by `recognise.py`. Earlier
rules win ties between candidates of the same length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.extract.timex import patterns as p
from storyline.extract.timex.dates import (
    calendar_date,
    century,
    day_of_month,
    decade,
    era_range_start,
    era_year,
    month_alone,
    month_year,
    numeric_date,
    period_end,
    quarter,
    quarter_relative,
    range_end,
    season,
    short_year,
    week_of,
    year_alone,
    year_range_end,
)
from storyline.extract.timex.days import clock, day_beside, part_of_day, relative_day, weekday, weekday_set
from storyline.extract.timex.holidays import HOLIDAY, holiday
from storyline.extract.timex.reading import Handler
from storyline.extract.timex.relative import (
    day_beside_text,
    reference_word,
    relative_unit,
    shifted,
    textual_part,
    this_time,
    year_ago_adjective,
)
from storyline.extract.timex.spans import (
    every,
    frequency,
    half_unit,
    lasting,
    seasons,
    set_word,
    span_of_time,
    span_or_more,
    vague_span,
)


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    value: Handler


def compile_rule(body: str) -> re.Pattern[str]:
    """A rule's pattern, matched as whole words (a year range "1915-17" still gives "1915", a date range
    "March 19-April 30" its first date)."""
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w]|-(?!{p.MONTH}\s*\d)[^\W\d])", re.IGNORECASE)


# ------------------------------------------------------------------------------------- the rules

_DAY_REF = (
    rf"(?P<wd>{p.WEEKDAY})(?:,?\s+(?P<wmon>{p.MONTH})\s+(?P<wday>{p.DAY_NUMBER}))?"
    r"|(?P<rel>today|yesterday|tomorrow|tonight)"
    rf"|(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY_NUMBER})(?:,?\s+(?P<year>{p.YEAR}))?"
)
_CLOCK = (
    r"(?:(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![\w])"
    r"|(?P<hour12>1[0-2]|0?[1-9])(?:\s+o['’]clock)?\s+(?P<dayhalf>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)"
    r"|(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?![\d:])(?P<hrs>\s?hrs\b)?"
    r"|(?P<hhmm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?-i:GMT|UTC)\b)"  # wire copy's "(0200 GMT)"
    r"|(?P<named>noon|midday|midnight))"
)
_ZONE = rf"(?:\s*(?P<paren>\()?(?P<zone>{p.ZONE})(?(paren)\)))?"  # "5 p.m. EST", "4 a.m. (0200 GMT)"
_OF_THAT_YEAR = r"|\s+of\s+(?P<that>that|the\s+same)\s+year"  # "July 25 of that year"
_RELS = (
    r"this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|"
    r"the\s+preceding|the\s+prior|the\s+current|the\s+same|the\s+first|the\s+full|the\s+whole|the\s+entire|"
    r"this|last|next|coming|past|previous|"
    r"current|that\s+same|that|the"
)

# Ranges and approximations in a count: "two to three weeks", "12-18 months", "a year or two", "a week or so"
_UP_TO = r"(?:\s*[-–]\s*|\s+(?:to|or)\s+)"
_OR_SO = r"\s+or\s+(?:so|two|three)\b"
_SPAN_OPENING = (
    r"(?:(?P<det>the|this|its|their)\s+(?:last\s+)?)?(?:(?:past|next|first|coming|previous|following|final|"
    r"latest|initial|remaining|recent|additional|further|entire|full|whole|other)\s+)?"
)
_COUNTED = (
    r"(?:\s+(?:more|additional|further|extra|full|straight|consecutive|trading|business|working|calendar))?"
)
# "Monday and Tuesday nights": the plural part of day is both days', and the first is a set too
_SHARED_PART = rf"\s+(?:and|or)\s+{p.WEEKDAY}\s+(?P<shared>{p.PART_OF_DAY})s\b"
_UNITS = r"years|decades|months|weeks|days|nights|hours|minutes|centuries"

RULES: tuple[Rule, ...] = tuple(
    Rule(name, compile_rule(body), handler)
    for name, body, handler in (
        (
            "clock",
            rf"{_CLOCK}"
            rf"{_ZONE}(?:\s+(?:local|(?-i:[A-Z][a-z]+))\s+time)?"
            rf"(?:(?:,\s*|\s+(?:on\s+)?)(?:{_DAY_REF})(?:\s+local\s+time|(?(zone)|\s+(?P<dayzone>{p.ZONE})))?)?",
            clock,  # the zone may follow the day: "9:34 p.m., March 19 EST"
        ),
        (
            "month_day",
            rf"(?:(?P<named>{p.WEEKDAY}),?\s+)?(?P<mon>{p.MONTH})(?:\s+|(?<=\.))(?P<day>{p.DAY_NUMBER})"
            rf"(?:(?:,\s*|\s+)(?P<year>{p.YEAR_ANY}){_OF_THAT_YEAR})?",
            calendar_date,
        ),
        (
            "range_end",
            r"(?:(?<=\d-)|(?<=\d–)|(?<=\d and )|(?<=\d or )|(?<=\d to ))(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
            rf"(?:,\s*(?P<year>{p.YEAR}))?(?!\s*(?:%|percent|[ap]\.?m\b))",
            range_end,
        ),
        (
            "range_start",  # the "6" of "6-7 January 1916", "the 28 and 29 August": the second day's month
            rf"(?:the\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?=\s*(?:[-–]|and|or|to)\s*(?:the\s+)?{p.DAY_NUMBER}\s+"
            rf"(?:of\s+)?(?P<mon>{p.MONTH})\b(?:,?\s+(?P<year>{p.YEAR}))?)",
            calendar_date,
        ),
        (
            "day_of_month",  # "an onslaught on the 20th.": a day of the month the text is at
            r"(?<=\bon\s)the\s+(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))",
            day_of_month,
        ),
        (
            "week_of",
            rf"(?:the\s+)?week\s+of\s+(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY_NUMBER})(?:,?\s+(?P<year>{p.YEAR}))?",
            week_of,
        ),
        (
            "day_mon_year",  # "13-Sep-2023"
            rf"(?P<day>[0-3]?\d)-(?P<mon>{p.MONTH})-(?P<year>{p.YEAR})",
            calendar_date,
        ),
        (
            "day_month",
            rf"(?:(?P<named>{p.WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{p.DAY_NUMBER})\s+(?:of\s+)?(?P<mon>{p.MONTH})"
            rf"(?:,?\s+(?P<year>{p.YEAR}){_OF_THAT_YEAR})?",
            calendar_date,
        ),
        (
            "month_year",
            rf"(?P<mon>{p.MONTH}),?\s+(?:of\s+)?(?:{p.BC_YEAR}|(?P<year>{p.YEAR_ANY})"
            r"|(?P<rel>this|last|next|that|the\s+same)\s+year)",
            month_year,
        ),
        (
            "month",
            rf"(?:(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+next)\s+)?(?P<mon>{p.MONTH_FULL})",
            month_alone,
        ),
        (
            "numeric_date",
            rf"(?P<year>{p.YEAR})(?P<sep>[-/.])(?P<mon>0[1-9]|1[0-2])(?P=sep)(?P<day>0[1-9]|[12]\d|3[01])"
            r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year2>\d{4}|\d{2})(?![\d/])"
            r"|(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<year3>\d{4})(?![\d.]\d)",
            numeric_date,
        ),
        (
            "quarter",
            rf"(?:(?:the|its|their)\s+)?(?:(?P<year>{p.YEAR_ANY})\s+|(?P<rel>this|last|next)\s+year'?s\s+"
            r"|(?P<same>comparable|corresponding|same)\s+(?:year[\s-]?(?:ago|earlier)\s+)?"
            r"|(?P<ago>year[\s-]?(?:ago|earlier))\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
            r"(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter|former)[\s-]+)?(?:fiscal[\s-]+)?"
            r"(?P<unit>quarter|half|period|two\s+quarters)(?!s)(?!\s+of\s+(?:the|this|that)\s+(?!(?:fiscal\s+)?year\b))"
            rf"(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<year2>{p.YEAR})|\s+(?:of\s+)?(?P<rel2>this|last|next)\s+year"
            r"|\s+(?P<ago2>a\s+year\s+(?:ago|earlier)|last\s+year)"
            r"|\s+of\s+the\s+(?P<ofyear>(?:fiscal\s+)?year)(?![\s-]+(?:ago|earlier)))?",
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
        ("period_end", r"(?:the\s+)?(?P<unit>year|month)(?:[\s-]end|['’]s\s+end)", period_end),
        (
            "year",
            rf"(?:(?:fiscal|calendar|financial)\s+(?:year\s+)?|(?:the\s+)?year\s+)?(?P<year>{p.YEAR_ANY})",
            year_alone,
        ),
        (
            "year_range_end",  # "1990-94", "2007-08": the second year, in the century of the first
            r"(?<=\b(?:1\d|20)\d\d[-–])(?P<yy>\d\d)(?![\d-])",
            year_range_end,
        ),
        ("short_year", r"['’](?P<yy>\d{2})(?![\w'’%])", short_year),
        (
            "era_range_start",  # "499-493 BC": the first year, in the era of the second
            rf"(?-i:(?P<year>\d{{1,4}})(?=\s*(?:[-–]|to)\s*(?P<end>\d{{1,4}})\s*(?P<era>{p.BC_ERA})(?!\w)))",
            era_range_start,
        ),
        (
            "era_year",
            rf"(?-i:(?P<year>\d{{1,4}})\s*(?P<era>{p.BC_ERA}|A\.D\.|AD|C\.E\.|CE)|(?:A\.D\.|AD)\s+(?P<ad>\d{{1,4}}))",
            era_year,
        ),
        (
            "decade",
            rf"(?:the\s+)?(?:(?P<dec>1\d{{2}}0|20\d0)'?s|['’](?P<short>\d0)s|(?P<word>{p.DECADE_WORD}))"
            # "the 1970s and 80s": the second decade of a pair, in the century of the first
            r"|(?:(?<=\d0s and )|(?<=\d0s or )|(?<=\d0s to ))(?P<paired>\d0)s\b",
            decade,
        ),
        (
            "century",
            rf"(?:the\s+)?(?P<nth>\d{{1,2}}(?:st|nd|rd|th)|{p.ORDINAL_WORD})[\s-]+century"
            rf"(?:\s+(?P<era>{p.BC_ERA})(?!\w))?",
            century,
        ),
        (
            "season",
            r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|that\s+same|that|the\s+following|"
            rf"the\s+next|the\s+previous|the)\s+)?(?P<season>{p.SEASON})"
            rf"(?:\s+(?:of\s+)?(?:{p.BC_YEAR}|(?P<year>{p.YEAR_ANY}))|\s+['’](?P<short>\d{{2}})(?!\w)"
            r"|\s+of\s+(?P<relyear>this|last|next)\s+year)?",  # "the spring of next year"
            season,
        ),
        (
            "holiday",
            HOLIDAY,
            holiday,
        ),
        (
            "relative_day",
            rf"(?P<rel>today|tonight|yesterday|tomorrow|overnight|the\s+day\s+before\s+yesterday|"
            rf"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{p.PART_OF_DAY}))?"
            rf"|(?P<rel2>this|last)\s+(?P<part2>{p.PART_OF_DAY})"
            rf"|(?P<part3>{p.PART_OF_DAY})\s+(?P<rel3>today|yesterday|tomorrow)",
            relative_day,
        ),
        (
            "day_beside_text",  # "The day before, the army embarked", "the year before.": from the date at
            r"the\s+(?P<unit>day|week|month|year)\s+(?P<beside>before|after|following)(?=\s*[,.;:!?)]|\s*$)",
            day_beside_text,
        ),
        (
            "day_beside",
            r"the\s+day\s+(?P<beside>before|after)\s+(?:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+)?"
            rf"(?:(?P<wd>{p.WEEKDAY})(?P<part>)|(?P<mon>{p.MONTH})\s+(?P<day>{p.DAY_NUMBER})(?P<year>))",
            day_beside,
        ),
        (
            "weekday",
            r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past|the\s+previous|the\s+following|"
            rf"the\s+next)\s+)?(?P<wd>{p.WEEKDAY})"
            rf"(?:\s+(?P<part>{p.PART_OF_DAY}))?(?!s|{_SHARED_PART})",
            weekday,
        ),
        (
            "part_of_weekday",  # "dawn on Saturday"; not "the night of Friday, Oct. 23", which is a date
            rf"(?P<part>dawn|dusk|daybreak|sunrise|sunset|nightfall)\s+on\s+(?P<rel>)(?P<wd>{p.WEEKDAY})"
            rf"(?!s|,?\s+{p.MONTH})",
            weekday,
        ),
        (
            "weekday_set",
            rf"(?P<wd>{p.WEEKDAY})(?:s(?:\s+(?P<part>{p.PART_OF_DAY})s?)?|\s+(?P<parts>{p.PART_OF_DAY})s"
            rf"|(?={_SHARED_PART}))",
            weekday_set,
        ),
        (
            "part_of_day",
            rf"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s))the\s+(?P<part>{p.PART_OF_DAY})"
            r"|(?:(?<=\bat\s)|(?<=\bbefore\s)|(?<=\bafter\s))(?P<part2>dawn|dusk|daybreak|sunrise|sunset|nightfall)"
            rf"|(?P<mid>mid[\s-]?(?:morning|afternoon))",
            part_of_day,
        ),
        (
            "textual_part",
            rf"(?P<rel>that|the\s+next|the\s+following|the\s+same|the\s+previous)\s+(?P<part>{p.PART_OF_DAY})",
            textual_part,
        ),
        (
            "this_time",  # "this time last year": about this day, a year back
            r"(?:this|that)\s+time\s+(?P<way>last|next)\s+(?P<unit>year|month|week)",
            this_time,
        ),
        (
            "relative_unit",
            rf"(?P<rel>{_RELS})\s+(?P<unit>fiscal\s+year|week|month|year|decade|century|weekend|day|fortnight)"
            r"(?!\s+(?:ago|earlier|later|old)\b)",
            relative_unit,
        ),
        (
            "shifted",
            rf"(?P<num>{p.NUMBER})[\s-]+(?P<unit>{p.UNIT})(?:{_OR_SO})?\s+(?P<dir>ago|earlier|later|previously|prior(?!\s+to\b)|from\s+(?:now|today)|hence"
            r"|(?:before|after)(?=\s*[,.;:!?)]))"  # "Two years before, the French had refused"
            r"(?P<today>\s+today)?",
            shifted,
        ),
        (
            "span",
            # "the last three days", but not the verb of "would last several days"
            rf"{_SPAN_OPENING}(?P<num>{p.NUMBER}){_COUNTED}[\s-]+(?P<unit>{p.UNIT})(?P<half>\s+and\s+a\s+half)?"
            r"(?:\s+or\s+so\b)?(?![\s-]+old)(?<!quarters(?=\s+of\b))",
            span_of_time,
        ),
        ("span_or_more", r"(?<=\bor\s)(?P<num>two|three)(?!\s*[\w-])", span_or_more),  # "a month or two"
        (
            "span_range_start",  # the "two" of "two to three weeks", "ten or fifteen years": two TIMEX3s
            rf"{_SPAN_OPENING}(?P<num>{p.NUMBER})(?={_UP_TO}{p.NUMBER}{_COUNTED}[\s-]+(?P<unit>{p.UNIT})(?!\w|[\s-]+old))",
            span_of_time,
        ),
        ("half_unit", rf"half\s+(?:an?\s+)?(?P<unit>{p.UNIT})", half_unit),
        ("lasting", rf"(?:(?!an?\s)(?P<num>{p.NUMBER})[\s-]+)?(?P<unit>{p.UNIT})-long", lasting),
        (
            "vague_span",
            r"(?:the\s+)?(?:(?:early|first|last|final|coming|past|following|next|previous)\s+)?"
            rf"(?P<unit>{_UNITS})(?:\s+(?:or|to)\s+(?:{_UNITS}))?(?:\s+ahead)?"
            r"(?!\s+(?:ago|old)\b)",
            vague_span,
        ),
        ("set_word", rf"(?P<word>{p.SET_WORD})", set_word),
        (
            "seasons",
            r"(?:the\s+)?(?:past|last|next|coming|previous|following|first)\s+"
            rf"(?:{p.NUMBER})\s+(?!fall)(?P<season>{p.SEASON})s",  # not "the last two falls" of a rider
            seasons,
        ),
        (
            "every",
            rf"(?:every|each|per)\s+(?P<other>other\s+)?(?:(?P<num>{p.NUMBER})\s+)?(?:(?P<unit>{p.UNIT})"
            rf"|(?P<wd>{p.WEEKDAY})(?:\s+(?P<wdpart>{p.PART_OF_DAY}))?|(?P<mon>{p.MONTH_FULL})"
            rf"|(?P<part>{p.PART_OF_DAY})|(?P<season>{p.SEASON}))",
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
            r"at\s+the\s+moment|the\s+present(?:\s+time)?|then[\s-]current|current|recently|lately|the\s+past|"
            r"the\s+near\s+future|the\s+future|the\s+(?:near|short|long)\s+term|someday|one\s+day|a\s+later\s+date|"
            r"the\s+coming\s+years|the\s+years\s+ahead|present[\s-]day|modern[\s-]day|the\s+time\s+being)",
            reference_word,
        ),
    )
)


PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}
BARE_CLOCK = compile_rule(rf"{_CLOCK}{_ZONE}")  # a clock time that names no day: "6 a.m."
