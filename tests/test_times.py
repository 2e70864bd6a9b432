"""The times layer: one row per construction, with the TIMEX3 extent, type and value it must get."""

from __future__ import annotations

from fractions import Fraction

import pytest
from spacy.language import Language

from storyline import pipeline
from storyline.document import TimeExpression
from storyline.extract.timex.values import CENTURY, DAY, DECADE, YEAR, Point, bc_date, duration

PUBLISHED = "2023-09-12"  # a Tuesday, ISO week 37

# (sentence, publication date, expected extent, type, value)
ROWS = [
    # weekdays by tense and news convention; "early Tuesday" is one expression
    (
        "North Korean leader Kim Jong-un arrived in Russia early Tuesday.",
        PUBLISHED,
        "early Tuesday",
        "DATE",
        "2023-09-12",
    ),
    ("Officials said on Friday that the talks had failed.", PUBLISHED, "Friday", "DATE", "2023-09-08"),
    ("The two leaders will meet on Friday in Vladivostok.", PUBLISHED, "Friday", "DATE", "2023-09-15"),
    ("The ministers are scheduled to meet Thursday.", PUBLISHED, "Thursday", "DATE", "2023-09-14"),
    ("He did not say why the meeting was delayed until Monday.", PUBLISHED, "Monday", "DATE", "2023-09-18"),
    ("The drills ended last Wednesday.", PUBLISHED, "last Wednesday", "DATE", "2023-09-06"),
    # "until" looks ahead unless the clause is a past perfect; a modal perfect looks back
    ("Until Thursday, police had not named a suspect.", PUBLISHED, "Thursday", "DATE", "2023-09-07"),
    ("Worry may have caused a drop in the shares on Friday.", PUBLISHED, "Friday", "DATE", "2023-09-08"),
    ("Officials postponed until Friday any decision.", PUBLISHED, "Friday", "DATE", "2023-09-15"),
    # a plan named in passing shares its clause's fate: one cancelled lies behind, one going ahead before
    ("A memorial planned for Saturday was canceled.", "1999-10-24", "Saturday", "DATE", "1999-10-23"),
    ("A rally planned for Saturday will go ahead.", "1999-10-24", "Saturday", "DATE", "1999-10-30"),
    # a plan called off or moved is told soon, mostly before its day; the day of calling it off is past
    (
        "The meeting, originally set for Thursday, was postponed.",
        "2023-09-13",
        "Thursday",
        "DATE",
        "2023-09-14",
    ),
    ("The game, due on Sunday, was pushed back a week.", "2023-09-13", "Sunday", "DATE", "2023-09-17"),
    (
        "They sought to suspend the injunction issued Thursday.",
        "2023-09-13",
        "Thursday",
        "DATE",
        "2023-09-07",
    ),
    ("The meeting was postponed on Monday.", "2023-09-13", "Monday", "DATE", "2023-09-11"),
    # a scheduled present looks ahead; an infinitive subject takes its clause's tense
    ("Putin and Kim meet Wednesday in Vladivostok.", "2023-09-08", "Wednesday", "DATE", "2023-09-13"),
    ("The first leaders to arrive on Friday were from Laos.", PUBLISHED, "Friday", "DATE", "2023-09-08"),
    ("Earnings are due after the bell on Monday.", "2024-03-15", "Monday", "DATE", "2024-03-18"),
    ("This time last year, the shelves were empty.", "2024-05-08", "This time last year", "DATE", "2023-05"),
    # a story moves on by the days it counts
    (
        "He was seen on Friday, March 8. Two days later, he bought a rifle. That evening, he left.",
        "2024-04-02",
        "That evening",
        "TIME",
        "2024-03-10TEV",
    ),
    ("Ten years ago today, the plane vanished.", "2024-03-15", "Ten years ago today", "DATE", "2014-03-15"),
    ("Rain is forecast for Thursday.", "2024-05-08", "Thursday", "DATE", "2024-05-09"),
    ("She lived there in the 1970s and 80s.", PUBLISHED, "80s", "DATE", "198"),
    # dates in figures and compact forms; a slashed date read as the one nearer the publication
    ("Posted 13.09.2023 at 10:45.", "2023-09-13", "13.09.2023", "DATE", "2023-09-13"),
    ("Updated 2023/09/13.", "2023-09-13", "2023/09/13", "DATE", "2023-09-13"),
    ("Filed 13-Sep-2023.", "2023-09-13", "13-Sep-2023", "DATE", "2023-09-13"),
    ("Published 12/09/2023 in London.", "2023-09-13", "12/09/2023", "DATE", "2023-09-12"),
    ("They met on 9/12/2023.", "2023-12-10", "9/12/2023", "DATE", "2023-12-09"),
    ("Sept.13 talks ended.", "2023-09-14", "Sept.13", "DATE", "2023-09-13"),
    # a date opening a sentence frames it; a season counted from the date the text is at
    (
        "In March 2020, sales fell, and in April she laid off four workers.",
        "2024-05-08",
        "April",
        "DATE",
        "2020-04",
    ),
    (
        "In March 2020, sales fell. That summer, a campaign began.",
        "2024-05-08",
        "That summer",
        "DATE",
        "2020-SU",
    ),
    (
        "In June 2020 the shop closed. The following spring it reopened.",
        "2024-05-08",
        "The following spring",
        "DATE",
        "2021-SP",
    ),
    (
        "They camped there in December 1777. That winter, men died. The next spring, they marched.",
        PUBLISHED,
        "The next spring",
        "DATE",
        "1778-SP",
    ),
    (
        "It will cut 5% of its staff by the end of the quarter.",
        "2024-05-10",
        "the end of the quarter",
        "DATE",
        "2024-Q2",
    ),
    (
        "Analysts had expected it to earn 35 cents a share for the quarter.",
        "1989-10-26",
        "the quarter",
        "DATE",
        "1989-Q3",
    ),
    ("The program has run every summer since 2015.", "2024-05-10", "every summer", "SET", "XXXX-SU"),
    # counted seasons are apart, one a year: they recur rather than last
    (
        "Marches have caused violence for the past three summers.",
        "1998-03-22",
        "the past three summers",
        "SET",
        "XXXX-SU",
    ),
    # "overnight" in what a dated statement tells is the night before the statement
    (
        "The Pentagon announced Monday that it had struck targets overnight.",
        "2024-02-14",
        "overnight",
        "TIME",
        "2024-02-11TNI",
    ),
    (
        "Officials said Monday the talks would go on. Rockets hit the city overnight.",
        "2024-02-14",
        "overnight",
        "TIME",
        "2024-02-13TNI",
    ),
    # "today" and "tomorrow" in a quote are the speaker's, when the text dates the speaking
    (
        "“We will strike tomorrow,” the commander said on Monday.",
        "2024-02-14",
        "tomorrow",
        "DATE",
        "2024-02-13",
    ),
    ("“Today is a historic day,” Putin said on Tuesday.", "2024-02-14", "Today", "DATE", "2024-02-13"),
    ("“We will strike tomorrow,” the commander said.", "2024-02-14", "tomorrow", "DATE", "2024-02-15"),
    (
        '"Yes," he said. The vote is today. "Go," she said on Monday.',
        "2024-02-14",
        "today",
        "DATE",
        "2024-02-14",
    ),
    ("Talks resume this week.", "2024-02-18", "this week", "DATE", "2024-W08"),
    ("Talks stalled this week.", "2024-02-18", "this week", "DATE", "2024-W07"),
    (
        "The plant will open in the spring of next year.",
        "2024-03-13",
        "the spring of next year",
        "DATE",
        "2025-SP",
    ),
    # a winter is named by the year of its January (the winter of 1777-78 is 1778-WI)
    (
        "They camped there in December 1777. That winter, men died.",
        PUBLISHED,
        "That winter",
        "DATE",
        "1778-WI",
    ),
    (
        "In October 1918 the army fell back. The following winter was hard.",
        PUBLISHED,
        "The following winter",
        "DATE",
        "1919-WI",
    ),
    (
        "In the spring of 1919, talks began. The previous winter had been hard.",
        PUBLISHED,
        "The previous winter",
        "DATE",
        "1919-WI",
    ),
    ("In the winter, prices rose.", "2024-03-01", "the winter", "DATE", "2024-WI"),
    ("Prices will rise this winter.", "2024-11-20", "this winter", "DATE", "2025-WI"),
    ("This past winter was mild.", "2024-11-20", "This past winter", "DATE", "2024-WI"),
    # a plan's days follow one another; a present schedule looks ahead
    (
        "The court will hear arguments Monday and rule by Friday.",
        "2023-09-13",
        "Friday",
        "DATE",
        "2023-09-22",
    ),
    ("The festival runs from Friday to Sunday.", "2023-09-13", "Sunday", "DATE", "2023-09-17"),
    ("Trading resumes on Tuesday after a holiday Monday.", "2024-03-18", "Monday", "DATE", "2024-03-18"),
    ("Sales fell in January.", "2024-12-30", "January", "DATE", "2024-01"),
    # a time counted from an event the text has dated is a date; from one it has not, a duration
    (
        "He was shot on Oct. 23. A jogger saw the car 10 days before the shooting.",
        "1999-05-05",
        "10 days",
        "DATE",
        "1998-10-13",
    ),
    (
        "Trump won the Nov. 5 election. Two weeks after the election, he named a cabinet.",
        "2024-11-20",
        "Two weeks",
        "DATE",
        "2024-11-19",
    ),
    (
        "The invasion began in March 2003. Three months after the invasion, looting went on.",
        "2023-05-01",
        "Three months",
        "DATE",
        "2003-06",
    ),
    ("The minister resigned two days after the scandal broke.", "2024-05-08", "two days", "DURATION", "P2D"),
    # "the next year" is a date unless something lasts over it; a count "before," names no event: from the
    # date the text is at
    ("Turgot fell in 1776. The next year, Necker was appointed.", PUBLISHED, "The next year", "DATE", "1777"),
    ("Troops will be pulled out by the next month.", "2024-03-01", "the next month", "DATE", "2024-04"),
    ("Growth is expected over the next year.", "2024-03-01", "the next year", "DURATION", "P1Y"),
    (
        "The state was set up in 1948. Two years before, France had refused.",
        PUBLISHED,
        "Two years before",
        "DATE",
        "1946",
    ),
    # a count of days from a month the text is at is a day of that month it does not say
    (
        "Fighting went on in September 2023. A day later, the town fell.",
        PUBLISHED,
        "A day later",
        "DATE",
        "2023-09-XX",
    ),
    # ... and a report's "later", not told as ahead, is no time after the report: a span
    (
        "They did it! 108 years later, the drought is over.",
        "2016-11-03",
        "108 years later",
        "DURATION",
        "P108Y",
    ),
    (
        "He fell ill on Oct. 1. A year later, he was back to normal.",
        "2019-11-18",
        "A year later",
        "DURATION",
        "P1Y",
    ),
    (
        "The Cubs won on Oct. 14, 1908. 108 years later, they won again.",
        "2016-11-03",
        "108 years later",
        "DATE",
        "2016",
    ),
    # "earlier in the day" in a report that names only a year is the report's day
    (
        "Clinton backed the war in 2011. In a speech earlier in the day, Trump attacked her.",
        "2016-09-08",
        "the day",
        "DATE",
        "2016-09-08",
    ),
    # a clause naming the event by its doer: "three days after Germany surrendered"
    (
        "Germany surrendered on 8 May 1945. Three days after Germany surrendered, the troops left.",
        PUBLISHED,
        "Three days",
        "DATE",
        "1945-05-11",
    ),
    # a possessive date dates its noun: "last month's shooting death"
    (
        "He is wanted in last month's shooting death of a doctor. He fled days after the killing.",
        "1998-11-20",
        "days",
        "DATE",
        "1998-10",
    ),
    (
        "Tuesday's vote was close. Three days after the vote, he quit.",
        "1998-11-20",
        "Three days",
        "DATE",
        "1998-11-20",
    ),
    (
        "He was shot on Oct. 23. Two days after he was shot, police came.",
        "1999-05-05",
        "Two days",
        "DATE",
        "1998-10-25",
    ),
    (
        "Revenue fell to $300 million last year from $450 million the year before.",
        "1998-09-07",
        "the year before",
        "DATE",
        "1996",
    ),
    # a holiday is an event of known date
    ("Shoppers crowded stores the day after Christmas.", "2024-12-30", "the day", "DATE", "2024-12-26"),
    ("Traffic peaked the week before Thanksgiving.", "2024-12-30", "the week", "DATE", "2024-W47"),
    ("The virus spread two days after Easter.", "2024-12-30", "two days", "DATE", "2024-04-02"),
    (
        "Children opened gifts on Christmas morning.",
        "2024-12-30",
        "Christmas morning",
        "TIME",
        "2024-12-25TMO",
    ),
    ("Stores close the week before the new year.", "2024-06-01", "the week", "DATE", "2024-W52"),
    ("Eight days before the new year, Franco attacked.", "2024-01-05", "Eight days", "DATE", "2023-12-24"),
    # some time next to a dated event is in its day or month
    (
        "He was shot on Oct. 23. His car was seen in the weeks before he was shot.",
        "1999-05-05",
        "the weeks",
        "DATE",
        "1998-10",
    ),
    (
        "The plant was bombed on March 3. In the hours before the bombing, the sirens sounded.",
        "2024-05-08",
        "the hours",
        "DATE",
        "2024-03-03",
    ),
    (
        "The war began in February 2022. In the months before the war, troops massed.",
        PUBLISHED,
        "the months",
        "DURATION",
        "PXM",
    ),
    # a clock time that names no day: the day its clause names, beside it or after it, or the day given
    # for the event it times
    (
        "He was shot on Oct. 23. A jogger saw the car at 6 a.m. near the house 10 days before the shooting.",
        "1999-05-05",
        "6 a.m.",
        "TIME",
        "1998-10-13T06:00",
    ),
    (
        "The train left Pyongyang on Sunday. It arrived at 6 a.m. the next day.",
        PUBLISHED,
        "6 a.m. the next day",
        "TIME",
        "2023-09-11T06:00",
    ),
    (
        "He was shot to death last Oct. 23. The rifle was found April 8. He was shot at 10 p.m. at home.",
        "1999-04-19",
        "10 p.m.",
        "TIME",
        "1998-10-23T22:00",
    ),
    ("He left at 6 p.m. and met Putin on Wednesday.", PUBLISHED, "6 p.m.", "TIME", "2023-09-12T18:00"),
    ("The train crossed the border after midnight.", PUBLISHED, "midnight", "TIME", "2023-09-12T00:00"),
    ("The curfew starts at midnight.", PUBLISHED, "midnight", "TIME", "2023-09-12T24:00"),
    ("Prices are at their lowest since Nov. 13.", PUBLISHED, "Nov. 13", "DATE", "2022-11-13"),
    ("He had left the party two years prior.", "2024-03-13", "two years prior", "DATE", "2022"),
    ("Deaths in 1970 were less than half of 1969's.", "2009-12-19", "1969", "DATE", "1969"),
    ("In the latter half of 2008, it fell.", "2009-12-19", "the latter half of 2008", "DATE", "2008-H2"),
    ("The percentage change is since year-end.", "1989-10-30", "year-end", "DATE", "1988"),
    ("It will close by year-end.", "1989-10-30", "year-end", "DATE", "1989"),
    ("The truce began at 4 a.m. (0200 GMT).", "2024-10-16", "0200 GMT", "TIME", "2024-10-16T02:00Z"),
    ("He scored 2000 points on Sunday.", "2024-10-16", "Sunday", "DATE", "2024-10-13"),
    ("The vote is due two weeks from today.", "2024-03-13", "two weeks from today", "DATE", "2024-03-27"),
    ("Sanctions ran from 2014 to 2022.", "2024-03-13", "2022", "DATE", "2022"),
    ("The battle lasted until May 8 1:00AM.", "1954-05-20", "May 8 1:00AM", "TIME", "1954-05-08T01:00"),
    ("The meeting began on Sept. 9 at 10 a.m.", PUBLISHED, "10 a.m.", "TIME", "2023-09-09T10:00"),
    (
        "Bitcoin fell as low as $5,967 at 07:59 UTC, the lowest level since Nov. 13.",
        "2018-02-06",
        "07:59 UTC",
        "TIME",
        "2018-02-06T07:59Z",
    ),
    # "the first nine months" of a report is its year: "a year earlier" is the year before
    (
        "Profit was up from last year's $3.27 a share. It lost $673 million through the first nine months,"
        " compared with earnings a year earlier of $382 million.",
        "1989-10-30",
        "a year earlier",
        "DATE",
        "1988",
    ),
    ("Obama's first 100 days were busy.", "2009-05-01", "first 100 days", "DURATION", "P100D"),
    (
        "The Allies attacked on 8 August 1918. The day after the attack, Ludendorff gave up.",
        PUBLISHED,
        "The day",
        "DATE",
        "1918-08-09",
    ),
    (
        "He was killed on Oct. 23. Two men came to his house the day after his death.",
        "1998-11-21",
        "the day",
        "DATE",
        "1998-10-24",
    ),
    (
        "Tarragona fell on 14 January, Girona on 5 February 1939. Five days after the fall of Girona, "
        "the war ended.",
        "2009-12-19",
        "Five days",
        "DATE",
        "1939-02-10",
    ),
    ("Stocks fell after Oct. 12, the day before the plunge.", "1989-10-30", "the day", "DATE", "1989-10-12"),
    # a date heading an entry of a timeline or an agenda is the one nearest the publication
    (
        "Oct. 7: Hamas attacks.\n\nOct. 27: Israel launches a ground invasion.",
        "2024-01-15",
        "Oct. 27",
        "DATE",
        "2023-10-27",
    ),
    # a verb coordinated with one looking ahead looks ahead with it
    ("Kim will arrive on Friday and meet Putin on Saturday.", "2023-09-13", "Saturday", "DATE", "2023-09-16"),
    # later in the day: the day the text is at, not a day still to come that a plan named
    (
        "Kim will visit Khasan on Friday. Talks ran for five hours and a dinner followed later in the day.",
        "2023-09-13",
        "the day",
        "DATE",
        "2023-09-13",
    ),
    ("Officials said the visit would last several days.", PUBLISHED, "several days", "DURATION", "PXD"),
    # what one is told to do lies ahead of the telling
    ("A message told them to mask up on Wednesday.", "2024-08-04", "Wednesday", "DATE", "2024-08-07"),
    (
        "The day before last Tuesday's hearing, he left.",
        "2023-09-14",
        "The day before last Tuesday",
        "DATE",
        "2023-09-11",
    ),
    ("He was seen the day after March 5.", PUBLISHED, "the day after March 5", "DATE", "2023-03-06"),
    # parts of day
    (
        "Kim left Pyongyang aboard his train on Sunday afternoon.",
        PUBLISHED,
        "Sunday afternoon",
        "TIME",
        "2023-09-10TAF",
    ),
    ("The train crossed the border this morning.", PUBLISHED, "this morning", "TIME", "2023-09-12TMO"),
    ("Sirens sounded across the city last night.", PUBLISHED, "last night", "TIME", "2023-09-11TNI"),
    # the day a statement was made is no reference for the events it tells
    (
        "Gaemi made landfall late Wednesday, officials said Thursday. It hit Yilan shortly before midnight.",
        "2024-07-25",
        "midnight",
        "TIME",
        "2024-07-24T24:00",
    ),
    ("He waited a second before answering.", PUBLISHED, "a second", "DURATION", "PT1S"),
    ("Police came in the early hours of Tuesday.", PUBLISHED, "Tuesday", "DATE", "2023-09-12"),
    ("Troops attacked at dawn on Saturday.", PUBLISHED, "dawn on Saturday", "TIME", "2023-09-09TMO"),
    ("The curfew begins at sunset.", PUBLISHED, "sunset", "TIME", "2023-09-12TEV"),
    # "overnight" is the night before the day the text is at; ahead, the coming night
    ("Rebels attacked the town overnight, officials said.", PUBLISHED, "overnight", "TIME", "2023-09-11TNI"),
    ("The road will be closed overnight.", PUBLISHED, "overnight", "TIME", "2023-09-12TNI"),
    ("Shares fell Friday on overnight losses.", "1989-10-30", "overnight", "TIME", "1989-10-26TNI"),
    ("It fell Friday, below the previous Friday.", "1989-10-30", "the previous Friday", "DATE", "1989-10-20"),
    ("The talks were held on Wednesday evening.", PUBLISHED, "Wednesday evening", "TIME", "2023-09-06TEV"),
    (
        "Rescuers worked through the night and resumed yesterday morning.",
        PUBLISHED,
        "yesterday morning",
        "TIME",
        "2023-09-11TMO",
    ),
    # days, weeks, months and years relative to publication
    ("The plan was announced yesterday.", PUBLISHED, "yesterday", "DATE", "2023-09-11"),
    ("The results are due tomorrow.", PUBLISHED, "tomorrow", "DATE", "2023-09-13"),
    ("A summit is planned for next week.", PUBLISHED, "next week", "DATE", "2023-W38"),
    ("Exports fell sharply last month.", PUBLISHED, "last month", "DATE", "2023-08"),
    ("Kim plans to travel to Vladivostok this month.", PUBLISHED, "this month", "DATE", "2023-09"),
    ("Growth slowed last year.", PUBLISHED, "last year", "DATE", "2022"),
    ("The deal could be signed next year.", PUBLISHED, "next year", "DATE", "2024"),
    ("Prices rose earlier this year.", PUBLISHED, "earlier this year", "DATE", "2023"),
    ("The border was closed three days ago.", PUBLISHED, "three days ago", "DATE", "2023-09-09"),
    ("The factory closed two weeks ago.", PUBLISHED, "two weeks ago", "DATE", "2023-W35"),
    ("The company was founded a year ago.", PUBLISHED, "a year ago", "DATE", "2022"),
    # calendar dates; year-less dates nearest publication
    ("The treaty was signed on March 3, 1998.", PUBLISHED, "March 3, 1998", "DATE", "1998-03-03"),
    ("He was released on 9 August 2021.", PUBLISHED, "9 August 2021", "DATE", "2021-08-09"),
    ("The offer expired on Sept. 30.", "2023-10-15", "Sept. 30", "DATE", "2023-09-30"),
    ("The vote is due on Jan. 5.", "2023-11-20", "Jan. 5", "DATE", "2024-01-05"),
    ("The strike began in June.", PUBLISHED, "June", "DATE", "2023-06"),
    # a deadline looks ahead even in a past-tense report, unless the clause is a past perfect
    ("The firm agreed to repay the loan by February.", "1989-10-30", "February", "DATE", "1990-02"),
    ("The board created the post, effective Feb. 1.", "1989-10-26", "Feb. 1", "DATE", "1990-02-01"),
    ("Sales had doubled by June.", "1989-10-30", "June", "DATE", "1989-06"),
    # a day the clause looks ahead to may lie a few days before publication (written earlier)
    ("The boy must be returned to Cuba by Jan. 14.", "2000-01-15", "Jan. 14", "DATE", "2000-01-14"),
    # a day's event is past, unless a clause looking ahead is about it
    ("Sunday's election is expected to be close.", "2024-01-08", "Sunday", "DATE", "2024-01-14"),
    ("Voters go to the polls this Sunday.", "2024-01-08", "this Sunday", "DATE", "2024-01-14"),
    ("Officials will review Friday's decision.", "2024-01-08", "Friday", "DATE", "2024-01-05"),
    # an act told as done two days after publication: the publication date lags (time zones, wires)
    ("The court ruled on Jan. 10.", "2024-01-08", "Jan. 10", "DATE", "2024-01-10"),
    # a past-tense clause leans back: this January, not the nearer next one; a future one still looks ahead
    ("In January, the firm hired a new chief.", "2023-10-25", "January", "DATE", "2023-01"),
    ("In the fiscal year ended Jan. 31, sales rose.", "2023-10-31", "Jan. 31", "DATE", "2023-01-31"),
    ("The board will vote in January.", "2023-10-25", "January", "DATE", "2024-01"),
    # ... but an act told as done is behind the report, even a few days or weeks ahead of it
    ("The operator changed to a calendar year in December.", "1989-10-27", "December", "DATE", "1988-12"),
    ("The second quarter ended Oct. 31.", "1989-10-27", "Oct. 31", "DATE", "1988-10-31"),
    # "the week" told as past is the week of the day the report is at
    (
        "The Nasdaq tumbled 5.39 on Friday. For the week, the index dropped 3.8%.",
        "1989-10-30",
        "the week",
        "DATE",
        "1989-W43",
    ),
    ("Talks ended on Friday. Markets will close for the week.", PUBLISHED, "the week", "DATE", "2023-W37"),
    # a numbered quarter "ended" on a day is of the year it ended in
    (
        "In the comparable year-ago quarter, the second quarter ended Oct. 31, it had a loss.",
        "1989-10-27",
        "the second quarter",
        "DATE",
        "1988-Q2",
    ),
    ("Its fourth quarter ended Sept. 30 was weak.", "1989-11-02", "Its fourth quarter", "DATE", "1989-Q4"),
    ("The shares were listed in November.", "2023-10-25", "November", "DATE", "2022-11"),
    ("The bid was extended to Nov. 16.", "1989-10-30", "Nov. 16", "DATE", "1989-11-16"),
    ("The banks extended the company loans through January.", "1989-10-30", "January", "DATE", "1990-01"),
    ("Sales fell through March.", "1989-10-30", "March", "DATE", "1989-03"),
    ("The meeting was postponed by a week to Monday.", "2024-01-10", "Monday", "DATE", "2024-01-15"),
    ("The job figures for January extended a surge in hiring.", "1998-02-06", "January", "DATE", "1998-01"),
    # what is likely lies ahead; a clause that times a clause looking ahead looks ahead with it
    ("The party is likely to win on Sunday.", "2024-01-10", "Sunday", "DATE", "2024-01-14"),
    (
        "Funds were likely to buy as soon as trading opened Monday.",
        "1989-11-01",
        "Monday",
        "DATE",
        "1989-11-06",
    ),
    ("He said he would leave when the talks ended Friday.", "2024-01-10", "Friday", "DATE", "2024-01-12"),
    ("He left when the talks ended Friday.", "2024-01-10", "Friday", "DATE", "2024-01-05"),
    ("The board declared a dividend payable Dec. 15.", "1989-10-27", "Dec. 15", "DATE", "1989-12-15"),
    # a participle takes the tense of the clause it hangs on
    ("Flights would go, one departing from August 6.", "1998-02-13", "August 6", "DATE", "1998-08-06"),
    ("It gave the firm until mid-November to reply.", "1989-10-30", "mid-November", "DATE", "1989-11"),
    ("Elections are expected in December.", PUBLISHED, "December", "DATE", "2023-12"),
    ("The talks collapsed in July 1997.", PUBLISHED, "July 1997", "DATE", "1997-07"),
    # a year named after a coordinated month or date holds for both
    ("Russia lost at Tannenberg in August and September 1914.", PUBLISHED, "August", "DATE", "1914-08"),
    ("Talks ran from March 5 to April 9, 2019.", PUBLISHED, "March 5", "DATE", "2019-03-05"),
    ("They fought there on 6-7 January 1916.", PUBLISHED, "6", "DATE", "1916-01-06"),
    ("The line was breached on the 28 and 29 August 1918.", PUBLISHED, "the 28", "DATE", "1918-08-28"),
    ("The invasion phase (March 19-April 30, 2003) was short.", PUBLISHED, "March 19", "DATE", "2003-03-19"),
    # a weekday beside a year-less date picks the neighbouring year it falls on
    ("The doctor was shot on Friday, Oct. 23.", "2021-01-08", "Friday, Oct. 23", "DATE", "2020-10-23"),
    ("He previously met Putin in 2019.", PUBLISHED, "2019", "DATE", "2019"),
    ("Stores will close on Christmas Day.", PUBLISHED, "Christmas Day", "DATE", "2023-12-25"),
    ("The city was founded in 241 BC.", PUBLISHED, "241 BC", "DATE", "BC0241"),
    ("The Ionian Revolt lasted from 499 to 493 BC.", PUBLISHED, "499", "DATE", "BC0499"),
    ("The Third Punic War (149 B.C to 146 B.C) ended.", PUBLISHED, "146 B.C", "DATE", "BC0146"),
    ("Life in Baghdad improved in 2007-08.", PUBLISHED, "08", "DATE", "2008"),
    ("The budget for 1999-00 was cut.", PUBLISHED, "00", "DATE", "2000"),
    ("Troops withdrew on February 29.", "2009-12-19", "February 29", "DATE", "2008-02-29"),
    ("The fall took two days, May 6 and 7th, 1954.", PUBLISHED, "7th, 1954", "DATE", "1954-05-07"),
    ("They fought from the 13th to the 19th of October 1950.", PUBLISHED, "the 13th", "DATE", "1950-10-13"),
    # quarters, halves, seasons, decades, centuries
    (
        "It will last the first two quarters of 1990.",
        "1989-10-26",
        "the first two quarters of 1990",
        "DATE",
        "1990-H1",
    ),
    ("Earnings fell in the last two quarters.", "1989-10-26", "the last two quarters", "DURATION", "P2Q"),
    ("Profit rose 9% in the third quarter.", "2023-10-20", "the third quarter", "DATE", "2023-Q3"),
    (
        "Sales in the fourth quarter disappointed investors.",
        "2024-01-26",
        "the fourth quarter",
        "DATE",
        "2023-Q4",
    ),
    # a quarter named by its end: the calendar quarter holding most of its months (a fiscal May-July is Q2)
    ("Sales rose in the quarter ended July 31.", "2023-10-20", "the quarter", "DATE", "2023-Q2"),
    ("For the quarter ended Sept. 30, net income fell.", "2023-10-20", "the quarter", "DATE", "2023-Q3"),
    ("The week of March 6 was quiet.", "2023-03-20", "The week of March 6", "DATE", "2023-W10"),
    # a named year is not moved back again; a quarter named in passing does not become the one reported on
    (
        "Net was $1.8 million for the corresponding period last year.",
        "2023-11-01",
        "the corresponding period last year",
        "DATE",
        "2022-Q3",
    ),
    (
        "Profit rose in the third quarter. After a flat second quarter, sales beat those of a year ago.",
        "2023-11-01",
        "a year ago",
        "DATE",
        "2022-Q3",
    ),
    # the day that closes the reported quarter does not move the report off it; its results are of an
    # ended quarter, so "this quarter's loss" is the one reported on, though "this quarter" ahead is the next
    (
        "Profit rose in the fiscal first quarter ended Sept. 30. It had a loss a year ago.",
        "1989-10-26",
        "a year ago",
        "DATE",
        "1988-Q1",
    ),
    (
        "It posted a loss for the third quarter. This quarter's loss includes charges of $4.9 million.",
        "1989-11-01",
        "This quarter",
        "DATE",
        "1989-Q3",
    ),
    (
        "This quarter's sales look strong, the chief executive said.",
        "1989-11-01",
        "This quarter",
        "DATE",
        "1989-Q4",
    ),
    # "compared with ... last year" in a report on a quarter compares that quarter a year back
    (
        "Profit rose in the third quarter to $24 million, compared with a loss of $3 million last year.",
        "1989-11-02",
        "last year",
        "DATE",
        "1988-Q3",
    ),
    (
        "Profit rose in the third quarter. Last year, the firm had a loss.",
        "1989-11-02",
        "Last year",
        "DATE",
        "1988",
    ),
    # a quarter the report named as fiscal keeps its name when the text gives the day it ended
    (
        "Sun lost money in the fiscal first quarter. It sold $538 million for the quarter ended Sept. 29.",
        "1989-10-26",
        "the quarter",
        "DATE",
        "1989-Q1",
    ),
    # a fiscal quarter named as reported stays the report's quarter; one a clause looks ahead to does not
    (
        "Profit fell in the fiscal fourth quarter. Sales in the latest period rose 13%.",
        "1989-11-02",
        "the latest period",
        "DATE",
        "1989-Q4",
    ),
    (
        "Profit fell in the third quarter. Losses will go on into the fourth quarter. "
        "In the year-ago period, it earned $10 million.",
        "1989-10-26",
        "the year-ago period",
        "DATE",
        "1988-Q3",
    ),
    ("Output fell in the first half of 2022.", PUBLISHED, "the first half of 2022", "DATE", "2022-H1"),
    ("The dam burst last summer.", PUBLISHED, "last summer", "DATE", "2022-SU"),
    (
        "Both sides spent the spring and early summer of 1943 preparing.",
        PUBLISHED,
        "the spring",
        "DATE",
        "1943-SP",
    ),
    ("The offensive started in the spring of 1998.", PUBLISHED, "the spring of 1998", "DATE", "1998-SP"),
    ("The industry boomed in the 1990s.", PUBLISHED, "the 1990s", "DATE", "199"),
    ("Rents peaked in the mid-1990s.", PUBLISHED, "mid-1990s", "DATE", "199"),
    ("Sales fell in the last half of the '80s.", PUBLISHED, "the last half of the '80s", "DATE", "198"),
    ("Sales rose in the first half of the year.", PUBLISHED, "the first half of the year", "DATE", "2023-H1"),
    ("The castle dates from the 11th century.", PUBLISHED, "the 11th century", "DATE", "10"),
    ("The treaty was disputed in the 4th century BC.", PUBLISHED, "the 4th century BC", "DATE", "BC03"),
    ("The fleet sailed in September 480 BC.", PUBLISHED, "September 480 BC", "DATE", "BC0480-09"),
    ("The allies met again in the spring of 480 BC.", PUBLISHED, "the spring of 480 BC", "DATE", "BC0480-SP"),
    # durations, with fractions and approximations
    (
        "It would be his first visit in nearly 4 1/2 years.",
        PUBLISHED,
        "nearly 4 1/2 years",
        "DURATION",
        "P4Y6M",
    ),
    ("The hearing lasted two and a half hours.", PUBLISHED, "two and a half hours", "DURATION", "PT2H30M"),
    ("The crew finished a 16-hour shift.", PUBLISHED, "16-hour", "DURATION", "PT16H"),
    ("Output fell over the past two months.", PUBLISHED, "the past two months", "DURATION", "P2M"),
    ("No plant has been ordered in about a decade.", PUBLISHED, "about a decade", "DURATION", "P10Y"),
    ("The two sides have negotiated for years.", PUBLISHED, "years", "DURATION", "PXY"),
    # TIDES 2005: an unspecified quantity is X, "recent years" a span reaching up to now
    ("Exports have grown in recent years.", PUBLISHED, "recent years", "DURATION", "PXY"),
    ("The town has stood for two thousand years.", PUBLISHED, "two thousand years", "DURATION", "P2000Y"),
    ("The ceasefire held for half an hour.", PUBLISHED, "half an hour", "DURATION", "PT30M"),
    ("The siege of the city lasted 1000 days.", PUBLISHED, "1000 days", "DURATION", "P1000D"),
    # a range of counts is two expressions, as TimeML annotates it: "two" P2W and "three weeks" P3W
    ("Shipments resume within two to three weeks.", PUBLISHED, "two", "DURATION", "P2W"),
    ("Shipments resume within two to three weeks.", PUBLISHED, "three weeks", "DURATION", "P3W"),
    ("The plant will close over the next 12-18 months.", PUBLISHED, "the next 12", "DURATION", "P12M"),
    ("The plant will close over the next 12-18 months.", PUBLISHED, "18 months", "DURATION", "P18M"),
    ("They were trained for ten or fifteen years.", PUBLISHED, "fifteen years", "DURATION", "P15Y"),
    ("An appeal could take a month or two.", PUBLISHED, "a month", "DURATION", "P1M"),
    ("An appeal could take a month or two.", PUBLISHED, "two", "DURATION", "P2M"),
    ("They blamed $12-an-hour workers.", PUBLISHED, "an-hour", "SET", "PT1H"),
    ("A deal could take weeks or months.", PUBLISHED, "weeks or months", "DURATION", "PXW"),
    ("The general left a week or so ago.", PUBLISHED, "a week or so ago", "DATE", "2023-W36"),
    # sets
    ("The ferry sails every Monday.", PUBLISHED, "every Monday", "SET", "XXXX-WXX-1"),
    ("Inspectors visit the plant twice a year.", PUBLISHED, "twice a year", "SET", "P1Y"),
    ("The train runs daily.", PUBLISHED, "daily", "SET", "P1D"),
    ("The festival is held each July.", PUBLISHED, "each July", "SET", "XXXX-07"),
    ("Two flights leave on Tuesday nights.", PUBLISHED, "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("Flights leave on Monday and Tuesday nights.", PUBLISHED, "Monday", "SET", "XXXX-WXX-1TNI"),
    # clock times, with zones
    (
        "The offer expires at 5 p.m. EST, Nov. 6.",
        "1989-10-30",
        "5 p.m. EST, Nov. 6",
        "TIME",
        "1989-11-06T17:00-05",
    ),
    # the zone may follow the day; the day's year is read as the date's alone would be (told as past)
    (
        "The invasion began at 9:34 p.m., March 19 EST.",
        "2003-12-19",
        "9:34 p.m., March 19 EST",
        "TIME",
        "2003-03-19T21:34-05",
    ),
    (
        "The talks will open at 10 a.m. on March 19.",
        "2009-12-19",
        "10 a.m. on March 19",
        "TIME",
        "2010-03-19T10:00",
    ),
    ("The blast was heard at 10:35 a.m.", PUBLISHED, "10:35 a.m.", "TIME", "2023-09-12T10:35"),
    # "about" is near a clock time, but a preposition before a night
    ("The blast came at about 10 a.m.", PUBLISHED, "about 10 a.m.", "TIME", "2023-09-12T10:00"),
    ("He was asked about Thursday night's fight.", PUBLISHED, "Thursday night", "TIME", "2023-09-07TNI"),
    ("Storms will form around midafternoon.", PUBLISHED, "around midafternoon", "TIME", "2023-09-12TAF"),
    # the part of a named day is one time with it
    (
        "On the night of April 18, 1775, Gage sent 700 men.",
        PUBLISHED,
        "the night of April 18, 1775",
        "TIME",
        "1775-04-18TNI",
    ),
    (
        "Schlesinger announced early in the morning of 29 April 1975 the evacuation.",
        PUBLISHED,
        "early in the morning of 29 April 1975",
        "TIME",
        "1975-04-29TMO",
    ),
    ("Trading halted at noon.", PUBLISHED, "noon", "TIME", "2023-09-12T12:00"),
    ("Shots rang out at 4 in the morning.", PUBLISHED, "4 in the morning", "TIME", "2023-09-12T04:00"),
    (
        "The ferry docked at 10 o'clock at night.",
        PUBLISHED,
        "10 o'clock at night",
        "TIME",
        "2023-09-12T22:00",
    ),
    # references to the present, past and future
    ("The train is now in the Primorsky Krai region.", PUBLISHED, "now", "DATE", "PRESENT_REF"),
    ("Talks are currently stalled.", PUBLISHED, "currently", "DATE", "PRESENT_REF"),
    ("Pyongyang has recently been seeking closer ties.", PUBLISHED, "recently", "DATE", "PAST_REF"),
    ("The two may merge in the future.", PUBLISHED, "the future", "DATE", "FUTURE_REF"),
    ("We don't minimize the challenges of the near term.", PUBLISHED, "the near term", "DATE", "FUTURE_REF"),
    ("He replaced the then-current chairman.", PUBLISHED, "then-current", "DATE", "PAST_REF"),
    ("Islam will one day be the second religion of the country.", PUBLISHED, "one day", "DATE", "FUTURE_REF"),
    # without a publication date, values stay partial rather than guessed
    ("Kim arrived in Russia early Tuesday.", None, "early Tuesday", "DATE", "XXXX-WXX-2"),
    ("The photo was released on Sept. 12.", None, "Sept. 12", "DATE", "XXXX-09-12"),
    ("He was shot at 10 p.m. on Oct. 23.", None, "10 p.m. on Oct. 23", "TIME", "XXXX-10-23T22:00"),
    ("He was arrested at 10 p.m. Tuesday.", None, "10 p.m. Tuesday", "TIME", "XXXX-WXX-2T22:00"),
    ("Growth slowed last year.", None, "last year", "DATE", "XXXX"),
    ("The plan was announced in the third quarter.", None, "the third quarter", "DATE", "XXXX-Q3"),
    # a day the text does not place ends the story's last placed date: not February 2, 2022
    (
        "Russia invaded Ukraine in February 2022. Modi arrives on July 8 and meets Putin the following day.",
        None,
        "the following day",
        "DATE",
        "XXXX-XX-XX",
    ),
    # a date of the year the text is at; a month before or after it
    (
        "The war began in 1861. The law passed on July 25 of that year.",
        PUBLISHED,
        "July 25 of that year",
        "DATE",
        "1861-07-25",
    ),
    (
        "In March 1918 they gave up the salient seized the previous April.",
        PUBLISHED,
        "the previous April",
        "DATE",
        "1917-04",
    ),
    # a clock time in a named place's time, on a dated day
    (
        "At 5:34 a.m. Baghdad time on March 20, 2003 the invasion began.",
        PUBLISHED,
        "5:34 a.m. Baghdad time on March 20, 2003",
        "TIME",
        "2003-03-20T05:34",
    ),
    # a weekday in brackets names the moment before it again; a weekday heading a line is a schedule
    (
        "The court ruled on Tuesday (early Wednesday AEST).",
        "2026-06-30",
        "early Wednesday",
        "DATE",
        "2026-07-01",
    ),
    ("Join us from 6pm today (Monday) at the square.", "2024-08-04", "Monday", "DATE", "2024-08-05"),
    (
        "The outlook\nToday: Nvidia reports.\nFriday: a bank reports.",
        "2024-08-28",
        "Friday",
        "DATE",
        "2024-08-30",
    ),
    # a season or a year that a clause or an event names is not the calendar's
    ("She met him the summer she turned 17.", "2024-08-28", "the summer", "DATE", "XXXX-SU"),
    ("He wrote it the year he died.", "2024-08-28", "the year", "DATE", "XXXX"),
    ("She lost 110 pounds in the year after the surgery.", "2025-03-29", "the year", "DATE", "XXXX"),
    ("She lost 22 more in the year since.", "2025-03-29", "the year", "DURATION", "P1Y"),
    (
        "Trump signed it on the first day of his second term.",
        "2026-06-30",
        "the first day",
        "DATE",
        "XXXX-XX-XX",
    ),
    ("Her yearbook says: California, summer ’80.", "2024-08-28", "summer ’80", "DATE", "1980-SU"),
    ("The aircraft fell in the early hours Wednesday.", "2025-05-07", "Wednesday", "DATE", "2025-05-07"),
    (
        "Ten titles were added over the weekend after the first were revealed.",
        "2019-11-19",
        "the weekend",
        "DATE",
        "2019-W46-WE",
    ),
    ("Voting surged the week following the debate.", "2019-11-19", "the week", "DATE", "XXXX-WXX"),
    (
        "The award is presented in the last weekend of the festival.",
        "2018-09-15",
        "the last weekend",
        "DATE",
        "XXXX-WXX-WE",
    ),
    # the second of two weekdays follows the first; a day list shares its year
    (
        "Cities that could see storms Friday and/or Saturday include Dallas.",
        "2024-04-26",
        "Saturday",
        "DATE",
        "2024-04-27",
    ),
    ("The Stones played Oct. 9, 11, 1981.", "2024-04-26", "Oct. 9", "DATE", "1981-10-09"),
    ("The summit is held on April 24 and 25.", "1999-02-10", "25", "DATE", "1999-04-25"),
    ("Talks held between March 5-9, 1918 failed.", PUBLISHED, "9, 1918", "DATE", "1918-03-09"),
    ("Clinton reached Philadelphia later in the day.", "1998-02-13", "the day", "DATE", "1998-02-13"),
    ("His name was crossed out that same day.", "1998-02-13", "that same day", "DATE", "1998-02-13"),
    # how long a thing lasts, as its adjective
    ("They left their third day-long meeting.", PUBLISHED, "day-long", "DURATION", "P1D"),
    ("It was a decades-long battle.", PUBLISHED, "decades-long", "DURATION", "PXY"),
    ("The four-day-long barrage went on.", PUBLISHED, "four-day-long", "DURATION", "P4D"),
    (
        "Following are statements made Friday and Thursday by the lawyer.",
        "1998-02-06",
        "Thursday",
        "DATE",
        "1998-02-05",
    ),
    # a clock time heading an entry of a live report is on the report's day
    (
        "The Latest:\n5:55 p.m.\nTrump spoke about Monday night's debate.\n4:30 p.m.\nClinton spoke.",
        "2016-09-30",
        "4:30 p.m.",
        "TIME",
        "2016-09-30T16:30",
    ),
    # a clock time on a named weekday and date; days counted from Thanksgiving
    (
        "Tickets go on sale at 10 a.m. Friday, Dec. 6.",
        "2019-11-19",
        "10 a.m. Friday, Dec. 6",
        "TIME",
        "2019-12-06T10:00",
    ),
    (
        "He grabbed her at 6:38 p.m. on Saturday, May 18.",
        "2019-11-19",
        "6:38 p.m. on Saturday, May 18",
        "TIME",
        "2019-05-18T18:38",
    ),
    ("Prices will drop on Black Friday.", "2019-11-18", "Black Friday", "DATE", "2019-11-29"),
    # holidays that move: the nth or last weekday of a month, or days from Easter
    ("We spoke on Labor Day.", PUBLISHED, "Labor Day", "DATE", "2023-09-04"),
    ("Parades will be held on Memorial Day.", PUBLISHED, "Memorial Day", "DATE", "2024-05-27"),
    ("The ceasefire began on Good Friday.", "2000-05-02", "Good Friday", "DATE", "2000-04-21"),
    # a holiday's season at hand, whatever the tense; otherwise the tense decides
    ("Dell's Black Friday deals have gone live early.", "2019-11-18", "Black Friday", "DATE", "2019-11-29"),
    ("Christmas sales rose last year.", PUBLISHED, "Christmas", "DATE", "2022-12-25"),
    ("Children hunted eggs on Easter Sunday.", "2024-04-02", "Easter Sunday", "DATE", "2024-03-31"),
    ("Protesters prayed as Easter week began.", "2000-04-17", "Easter week", "DATE", "2000-W16"),
    ("They marched on St. Patrick’s Day, 2019.", PUBLISHED, "St. Patrick’s Day, 2019", "DATE", "2019-03-17"),
    # a day beside the one the text is at; a short year; the end of the month; present-day
    (
        "The Cossacks rose on 23 February 1918. The day before, the army left.",
        PUBLISHED,
        "The day before",
        "DATE",
        "1918-02-22",
    ),
    ("Conscripts of the class of '99 marched.", "1918-11-12", "'99", "DATE", "1899"),
    ("She graduates with the class of '24.", PUBLISHED, "'24", "DATE", "2024"),
    ("Talks should end by month's end.", PUBLISHED, "month's end", "DATE", "2023-09"),
    ("The port lies in present-day Belize.", PUBLISHED, "present-day", "DATE", "PRESENT_REF"),
    ("The troops were deployed by 05:30hrs.", PUBLISHED, "05:30hrs", "TIME", "2023-09-12T05:30"),
    (
        "The attack began on 20 September 1917. The onslaught on the 20th failed.",
        PUBLISHED,
        "the 20th",
        "DATE",
        "1917-09-20",
    ),
    # a clock time opening a range is on the day its end names
    (
        "Anyone who was there between 7pm and 9pm on Sunday should call.",
        "2024-05-08",
        "7pm",
        "TIME",
        "2024-05-05T19:00",
    ),
    # a weekday in local time may be the day after the report's
    (
        "The plane landed at 3:40 a.m. Thursday local time.",
        "2024-05-08",
        "3:40 a.m. Thursday local time",
        "TIME",
        "2024-05-09T03:40",
    ),
    ("The quake struck early Thursday local time.", "2024-05-08", "early Thursday", "DATE", "2024-05-09"),
    # a zone named without its season takes the offset in force on the day
    ("Trading halted at 2:45 p.m. ET.", "2023-09-13", "2:45 p.m. ET", "TIME", "2023-09-13T14:45-04"),
    ("Trading halted at 2:45 p.m. ET.", "2023-01-13", "2:45 p.m. ET", "TIME", "2023-01-13T14:45-05"),
    # a 24-hour clock time after a preposition of time, on the day the text is at
    ("He was shot at 10:57 and died at 10:58.", "1918-11-11", "10:58", "TIME", "1918-11-11T10:58"),
    # a day after a year or a month is a day of it, not its first day
    ("The market crashed in 1987; traders lost money that day.", PUBLISHED, "that day", "DATE", "1987-XX-XX"),
    ("In May 1987 prices fell. That night traders sold.", PUBLISHED, "That night", "TIME", "1987-05-XXTNI"),
    ("On May 5, 1987 prices fell. The next day they sold.", PUBLISHED, "The next day", "DATE", "1987-05-06"),
]


@pytest.fixture(scope="module")
def times_nlp(nlp: Language) -> Language:
    """The pipeline up to the times layer: the later layers do not change it."""
    return nlp


def parse_times(nlp: Language, items: list[tuple[str, str | None]]) -> list[list[TimeExpression]]:
    later = [name for name in pipeline.COMPONENTS if name not in ("storyline_entities", "storyline_times")]
    with nlp.select_pipes(disable=later):
        return [list(doc._.times) for doc in pipeline.parse(nlp, items)]


@pytest.fixture(scope="module")
def row_times(times_nlp: Language) -> list[list[TimeExpression]]:
    return parse_times(times_nlp, [(text, published) for text, published, *_ in ROWS])


@pytest.mark.parametrize(
    "index", range(len(ROWS)), ids=[row[2] + ("" if row[1] else " (no date)") for row in ROWS]
)
def test_construction(index: int, row_times: list[list[TimeExpression]]) -> None:
    text, _, extent, kind, value = ROWS[index]
    found = [(t.text, t.type, t.value) for t in row_times[index]]
    assert (extent, kind, value) in found, f"{text!r}: {found}"


def test_offsets_ids_and_order(times_nlp: Language) -> None:
    text = "On Sunday afternoon Kim left; early Tuesday he arrived, 4 1/2 years after his last visit."
    [times] = parse_times(times_nlp, [(text, PUBLISHED)])
    assert [t.id for t in times] == ["t1", "t2", "t3"]
    assert [t.text for t in times] == ["Sunday afternoon", "early Tuesday", "4 1/2 years"]
    assert all(text[t.start : t.end] == t.text for t in times)


@pytest.mark.parametrize(
    ("text", "not_times"),
    [
        ("You may go now if you wish.", {"May"}),
        ("Shares fall when rates rise.", {"fall"}),
        ("He paid $1990 for 2,000 shares, up 1995 percent.", {"1990", "1995"}),
        ("The company posts quarterly earnings.", {"quarterly"}),
        ("Schools were closed for a second day.", {"a second"}),
        ("Winds reached 227 kilometers per hour.", {"per hour"}),
        ("The ratio was 10:30 in their favour.", {"10:30"}),
        ("He surrendered the next day and the day following saw the end.", {"the day"}),
        ("He died a year to the day after his brother.", {"the day"}),
        ("In May they met on the 3rd floor, on the 20th anniversary.", {"the 3rd", "the 20th"}),
        (
            "Nunez scored twice in the second half and 12 points came in the fourth quarter.",
            {"the second half", "the fourth quarter"},
        ),
        ("Police came in the early hours of Tuesday.", {"the early hours", "early hours"}),
        ("The siege lasted until the fall of Budapest.", {"the fall", "fall"}),
        ("Cars were behind the fall, as was the fall in rates.", {"the fall", "fall"}),
        ("She switched schools for her grade eight year.", {"eight year"}),
        ("Police searched the area in the early hours Wednesday.", {"the early hours"}),
        ("The firm serves over 100 ad clients.", {"100 ad"}),
        ("Strava says that night heatmaps will be a premium feature.", {"that night"}),
        ("Prices rose 5-6 percent as 10 and 12 people left.", {"6", "12"}),
        ("Children aged 6 to 8 years old were hurt.", {"6", "8 years"}),
        ("The rider had the last two falls on a wet track.", {"the last two falls", "the last two"}),
        (
            "Thousands were killed in the years 1955-1957 and in the months of July and August.",
            {"the years", "the months"},
        ),
        (
            "Pittsburgh added a touchdown. Yates fumbled. Johnson injured his knee in the third quarter.",
            {"the third quarter"},
        ),
    ],
)
def test_not_times(times_nlp: Language, text: str, not_times: set[str]) -> None:
    [times] = parse_times(times_nlp, [(text, PUBLISHED)])
    assert not {t.text for t in times} & not_times


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("The Sunday Telegraph said on Sunday that he quit.", ["Sunday"]),
        ("China Daily reported on Monday that talks resumed.", ["Monday"]),
        ("USA Today and The Mail on Sunday ran the story.", []),
        ("A poll by USA TODAY showed a tie. This is VOA Today. Photo: Usa Today Sports", []),
        ("The Communist Party daily Granma printed the letter Tuesday.", ["daily", "Tuesday"]),
        ('Baker said on ABC\'s "This Week" that talks failed this week.', ["this week"]),
        ("He told CBS's 60 Minutes and NBC's Today show that he was innocent.", []),
        ("He said on CBS's ''60 Minutes.'' Kids hunted Easter eggs.", []),
        ("The Easter Rising failed. Christmas Island is remote.", []),
        ("The Long March ended. The March to Versailles began.", []),
        (
            "The Fed's March meeting and the March 5 vote came after the March quarter.",
            ["March", "March 5", "March"],
        ),
        ("Thousands joined the March for Life on Capitol Hill in January.", ["January"]),
        ("He spoke at the Tuesday Club. Rallies were held daily.", ["daily"]),
        ("Necker convened a Second Assembly. She was named Person of the Year.", []),
        ("Super Six and Midnight Magic were dance troupes. The Arab Spring began.", []),
        ("The Good Friday Agreement held.", []),
        ("It appears in the journal Monthly Notices and on a GTX 1660 Ti laptop.", []),
        ("For tickets to the show, call 02-751-1500.", []),
        ("Tastings are at Bench 1775 Winery (1775 Naramata Rd.) in June.", ["June"]),
    ],
)
def test_names_hold_no_times(times_nlp: Language, text: str, times: list[str]) -> None:
    [found] = parse_times(times_nlp, [(text, PUBLISHED)])
    assert [t.text for t in found] == times


@pytest.mark.parametrize("published", [PUBLISHED, "9999-12-31", "0001-01-01", "not a date", None])
def test_impossible_dates_are_dropped_not_raised(times_nlp: Language, published: str | None) -> None:
    texts = [
        "It fell on Feb. 30, 2020.",
        "Dec. 31, 9999 and the following day.",
        "It took 4 1/0 years.",
        "In 0 BC.",
    ]
    found = [[t.text for t in times] for times in parse_times(times_nlp, [(t, published) for t in texts])]
    assert "Feb. 30, 2020" not in found[0]
    assert found[3] == []


# (a history, its creation time, an expression in it and the value it must get)
NARRATIVES = [
    pytest.param(
        "The war began in 1939 and ended in 1945. France fell in 1940, and Germany invaded the Soviet Union "
        "in 1941. The United States entered the war in December 1941. In June, Germany attacked again.",
        "2009-12-19",
        ("June", "1941-06"),
        id="year-less-dates-follow-the-story",
    ),
    pytest.param(
        # years close to publication, but sixteen of them and no "today": a history, not a report
        " ".join(f"Troops rotated in {year}." for year in [2003, 2004, 2006, 2007] * 4)
        + "\n\n2005: Elections\n\nOn January 31, Iraqis elected a transitional assembly.",
        "2007-12-19",
        ("January 31", "2005-01-31"),
        id="a-chronicle-of-recent-years",
    ),
    pytest.param(
        "Darius sent envoys in 493 BC, and again in 492 BC. The revolt lasted from 499 BC to 493 BC. "
        "A fleet sailed in 490 BC. The following year, the Athenians rebuilt their walls.",
        "2009-12-19",
        ("The following year", "BC0489"),
        id="before-the-common-era-the-story-counts-on",
    ),
    pytest.param(
        "Darius sent envoys in 493 BC, and again in 492 BC. The revolt lasted from 499 BC to 493 BC. "
        "A fleet sailed in 490 BC. On 12 September, the Athenians won at Marathon. Two days later, they "
        "marched home.",
        "2009-12-19",
        ("Two days later", "BC0490-09-14"),
        id="a-day-before-the-common-era",
    ),
    pytest.param(
        "Rome fought in 31 BC, 27 BC, 19 BC, 12 BC and 9 BC. Herod died in 4 BC. In 1 BC a census was "
        "taken. Three years later, peace came.",
        "2009-12-19",
        ("Three years later", "0003"),
        id="counting-on-into-the-common-era-skips-year-zero",
    ),
    pytest.param(
        "The war began in 1950. Seoul fell in 1951, and the front held in 1952. The armies met again. "
        "Chinese troops crossed in October 1950. In War on Terror (2003), Bevin Alexander reports their "
        "tactics. In late November, they repelled the UN forces.",
        "2009-12-19",
        ("late November", "1950-11"),
        id="a-book-cited-by-its-year-is-not-the-story's-date",
    ),
    pytest.param(
        "Debt grew in 1783, 1784 and 1785. The crisis began in 1787, and in 1788 the king yielded. The "
        "Estates were arranged as in 1614. The king agreed on 27 December.",
        "2009-12-19",
        ("27 December", "1788-12-27"),
        id="a-year-compared-with-is-not-the-story's-date",
    ),
    pytest.param(
        "The Cubs last won in 1908. The Indians won in 1920 and 1948. The Tigers won in 1935, 1945, 1968 and "
        "1984. Many thought this day would never arrive.",
        "2016-11-03",
        ("this day", "1984-XX-XX"),
        id="a-day-of-a-year-the-story-is-at-is-not-its-first",
    ),
    pytest.param(
        "The war began in 1955. The Paris accords were signed in 1973. Fighting resumed in 1974. "
        "On 10 March 1975, General Dung launched Campaign 275. If the town could be taken, the road "
        "to the coast would be exposed for a planned campaign in 1976. The defenders collapsed on 11 March.",
        "2009-12-19",
        ("11 March", "1975-03-11"),
        id="not-moving-on-to-a-year-only-planned",
    ),
    pytest.param(
        "The war began in 1939. France fell in 1940. The Allies landed in 1943 and again in 1944. Belgrade "
        "was freed on October 20, 1944. The Soviets then besieged Hungary, an assault that lasted until the "
        "fall of Budapest in February 1945. By the end of November, Japan had taken Guilin.",
        "2009-12-19",
        ("the end of November", "1944-11"),
        id="not-moving-on-to-where-something-lasts-until",
    ),
    pytest.param(
        "The revolution began in 1789 and ended in 1799. Debts grew in 1786 and 1787. In 1788 the king "
        "called the Estates-General, which had last met in 1614. The king agreed to double the third estate "
        "on 27 December.",
        "2009-12-19",
        ("27 December", "1788-12-27"),
        id="not-moving-on-to-a-time-told-in-the-past-perfect",
    ),
    pytest.param(
        # years of a band's past, told through what its members said: a report, not a history
        "The band formed in 1970, split in 1982, met in 1987 and played in 1996 and 2005, Johnston said. "
        '"We never stopped," Simmons told reporters. The tour kicks off June 9th, the band said.',
        "2019-11-19",
        ("June 9th", "2020-06-09"),
        id="a-report-telling-past-years-is-no-history",
    ),
    pytest.param(
        "BHOPAL: The state topped the list in 2019, 2020, 2021, 2022 and 2023. A baby was found on June 2.",
        "2026-04-16",
        ("June 2", "2025-06-02"),
        id="a-report-opening-on-its-dateline-is-no-history",
    ),
    pytest.param(
        "The treaty fell apart in 2009. In 2010 a bill died, and in 2012 he barely mentioned it. In 2014 he "
        "acted alone, citing a law of 1970 and a book of 2005. Last week, the president flew to Midway.",
        "2016-09-08",
        ("Last week", "2016-W35"),
        id="a-week-counted-from-now-is-the-writers",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), NARRATIVES)
def test_a_history_anchors_on_its_own_dates(
    times_nlp: Language, text: str, published: str, expected: tuple[str, str]
) -> None:
    [times] = parse_times(times_nlp, [(text, published)])
    assert expected in [(t.text, t.value) for t in times]


@pytest.mark.parametrize(
    ("amount", "unit", "value"),
    [
        (Fraction(9, 2), "Y", "P4Y6M"),
        (Fraction(5, 2), "TH", "PT2H30M"),
        (Fraction(3, 2), "D", "P1DT12H"),
        (Fraction(3, 2), "W", "P1.5W"),
        (Fraction(2), "10Y", "P20Y"),
        (None, "M", "PXM"),
        (None, "TM", "PTXM"),
    ],
)
def test_duration_values(amount: Fraction | None, unit: str, value: str) -> None:
    assert duration(amount, unit) == value


def test_seed_times(times_nlp: Language, seed_text: str) -> None:
    [times] = parse_times(times_nlp, [(seed_text, PUBLISHED)])
    found = {(t.text, t.value) for t in times}
    assert ("Sunday afternoon", "2023-09-10TAF") in found
    assert {v for text, v in found if text == "early Tuesday"} == {"2023-09-12"}
    assert ("nearly 4 1/2 years", "P4Y6M") in found
    assert ("this month", "2023-09") in found
    assert ("2019", "2019") in found


def test_an_undated_report_keeps_weekdays_partial_after_naming_a_year(nlp: Language) -> None:
    doc = nlp("Kim visited Vladivostok in 2019. His train crossed the border early Tuesday, officials said.")
    values = {t.text: t.value for t in doc._.times}
    assert values == {"2019": "2019", "early Tuesday": "XXXX-WXX-2"}


def test_years_before_the_common_era_are_written_as_timex3_does() -> None:
    assert Point(bc_date(480, 9, 12), DAY).value() == "BC0480-09-12"
    assert Point(bc_date(485), DECADE).value() == "BC048"
    assert Point(bc_date(480), CENTURY).value() == "BC04"
    assert Point(bc_date(1), YEAR).shift(1).value() == "0001"  # there is no year 0
    assert Point(bc_date(490), YEAR).shift(-1).value() == "BC0491"
