"""Events the text gives a date for ("the Oct. 23 slaying", "was shot on Friday"), so that a time counted from
one of them ("ten days before the shooting", "two weeks after the election") can be placed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from storyline.extract.timex.values import DAY, MONTH, Point

# The event a time is counted from: "(before) the shooting", "(after) his re-election", "(before) Obama's
# speech", "(after) the election results" (the noun may come first or second), "(after) the fall of Girona".
EVENT_NAMED = re.compile(
    r"\s*(?:(?:the|his|her|their|its|[A-Z][\w.-]*['’]s)\s+(?P<first>[a-z-]+)(?:\s+(?!of\b)(?P<second>[a-z]+))?"
    r"(?![\w-])(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]+))?"
    r"|(?:he|she|they|[A-Z][a-z]+)\s+(?:was|were)\s+(?P<done>[a-z]+)\b"  # "(before) Slepian was killed"
    r"|(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?P<act>[a-z]+ed)\b)"  # "(two days after) the KPA invaded"
)
EVENT_REACH = 3000  # characters back to look for the date of an event a time is counted from
NAME_REACH = 40  # how far before a date the name an event is "of" may stand: "Girona on 5 May"


@dataclass
class _Dated:
    start: int
    words: set[str]
    before: str
    point: Point


@dataclass
class Events:
    """The events the text has dated so far, in text order."""

    _dated: list[_Dated] = field(default_factory=list)

    def note(self, text: str, span: Span, point: Point) -> None:
        """Remember what the date in the span of the text is the date of ("the Oct. 23 slaying")."""
        if point.grain in (DAY, MONTH):
            before = text[max(0, span.start_char - NAME_REACH) : span.start_char]
            self._dated.append(_Dated(span.start_char, event_words(span), before, point))

    def date_of(self, text: str, at: int, lemma: Callable[[int, int], str]) -> Point | None:
        """The date last given for the event named at `at` ("[the shooting]" after "was shot on Oct. 23"); for
        "the fall of Girona", the date given right after Girona ("... and Girona on 5 February")."""
        named = EVENT_NAMED.match(text, at)
        if named is None:
            return None
        near = self._near(at)
        if named["of"]:
            return next((d.point for d in near if named["of"] in d.before), None)
        # "(he was) shot": shoot; "(the KPA) invaded": invade
        done = next((lemma(named.start(g), named.end(g)) for g in ("done", "act") if named[g]), None)
        for word in filter(None, (named["second"], named["first"], done)):
            for dated in near:
                if any(same_event(word, w) for w in dated.words):
                    return dated.point
        return None

    def day_of(self, words: set[str], at: int) -> Point | None:
        """The day last given for the event a clause at `at` tells ("was shot to death at 10 p.m." after "was
        shot last Oct. 23")."""
        for dated in self._near(at):
            if dated.point.grain == DAY and any(same_event(a, b) for a in words for b in dated.words):
                return dated.point
        return None

    def _near(self, at: int) -> list[_Dated]:
        """The dated events before `at`, the nearest first; not a battle pages back."""
        return [d for d in reversed(self._dated) if at - d.start <= EVENT_REACH]


_SUBJECTS = ("nsubj", "nsubjpass")
_SUFFIXES = ("ation", "ition", "ing", "ion", "ment", "al", "ed", "es", "e", "s")


def event_words(span: Span) -> set[str]:
    """What the date is the date of: the verb of its clause, that verb's subject noun, and the noun the date
    modifies ("the Oct. 23 slaying", "the election on Tuesday"), as lower-case lemmas."""
    words: set[str] = set()
    token = span.root
    if token.dep_ in ("compound", "nmod", "npadvmod", "poss") and token.head.pos_ == "NOUN":
        words.add(token.head.lemma_.lower())
    if token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
        words.add(token.head.head.lemma_.lower())
    for _ in range(6):
        if token.pos_ == "VERB":  # the verb, and a noun that is its subject: "the invasion began in March"
            words.add(token.lemma_.lower())
            words.update(c.lemma_.lower() for c in token.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN")
            break
        if token.head == token:
            break
        token = token.head
    return words


# A killing is told by many words: "was shot on Oct. 23" ... "the day after his death", "before the murder".
_A_DEATH = frozenset({"death", "die", "kill", "murder", "slay", "shoot", "assassin", "assassinat", "homicid"})


def same_event(word: str, other: str) -> bool:
    """Whether two words name one event: "shooting" and "shoot", "election" and "elect", "invasion" and
    "invade" (an s for a d), "death" and "murder", but not "protest" and "protection"."""
    a, b = _stem(word), _stem(other)
    if a in _A_DEATH and b in _A_DEATH:
        return True
    return a == b or (len(a) == len(b) > 3 and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"s", "d"})


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word
