"""The tense of the clause a time expression sits in, from spaCy's tags and parse.

News names days without dates: "arrived early Tuesday" is the last Tuesday, "will meet on
Friday" the next Friday. The governing verb's tense (and its auxiliaries) decides which.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

PAST, FUTURE = -1, 1
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must"}
_PLAN_WORDS = {"scheduled", "expected", "due", "set", "planned", "slated", "poised", "going", "forecast",
               "predicted"}  # fmt: skip
_PAST_TAGS = {"VBD", "VBN"}


_CUE = re.compile(
    r"(?:(?P<future>as\s+soon\s+as|as\s+early\s+as|as\s+late\s+as|until|till|starting|beginning|"
    r"no\s+later\s+than|ahead\s+of)|(?P<past>since)|(?P<deadline>by|effective|through))(?:\s+(?:on|at|in))?\s+"
    r"(?:(?:early|mid|late)-?\s*)?$",
    re.IGNORECASE,
)


def tense_at(text: str, span: Span | None, start_char: int, end_char: int) -> int:
    """-1 if the clause around the span is about the past, +1 about the future, 0 if unclear."""
    cue = _CUE.search(text[max(0, start_char - 24) : start_char])
    if cue and cue["past"]:  # "since Monday"
        return PAST
    verb = _governing_verb(span.root) if span is not None and len(span) else None
    if text[end_char : end_char + 2] in ("'s", "’s") and not (cue and cue["future"]):
        # "Wednesday's ruling", "hit by Friday's storm", "will review Friday's decision": something done,
        # unless it is what a clause looking ahead is about ("Sunday's election is expected to be close")
        subject = span is not None and len(span) > 0 and span.root.head.dep_ in ("nsubj", "nsubjpass")
        return FUTURE if subject and verb is not None and _verb_tense(verb) == FUTURE else PAST
    if verb is not None and verb.lemma_ in _PROLONG and span is not None and _new_end(span, verb):
        return FUTURE  # "extended the loans through January", "postponed to Monday": the new end lies ahead
    if cue and cue["deadline"]:  # "pay down the loan by February", "effective Feb. 1"; not "had sold by May"
        tense = _verb_tense(verb) if verb is not None else 0
        return PAST if tense == PAST and cue["deadline"].lower() != "effective" else FUTURE
    if cue:  # "as soon as Tuesday", "postponed until Tuesday morning"; but "Until Thursday, they had not ..."
        # and "the battle lasted until May 8"
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} if verb else set()
        done = verb is not None and ("had" in auxes or (verb.tag_ == "VBD" and not auxes))
        return PAST if done and cue["future"].lower().startswith(("until", "till")) else FUTURE
    return _verb_tense(verb) if verb is not None else 0


_PROLONG = {"extend", "prolong", "postpone", "delay", "defer", "adjourn", "renew"}
_END_PREPS = {"to", "until", "till", "through", "into"}


def _new_end(span: Span, verb: Token) -> bool:
    """Whether the span is where the verb moves an end to ("postponed to Monday"), not a time of something
    else in its clause ("the figures for January extended a surge")."""
    prep = span.root.head
    return prep.dep_ == "prep" and prep.lower_ in _END_PREPS and prep.head == verb


_TARGET_PREPS = frozenset({"to", "until", "till", "through", "for", "by"})


def done_at(span: Span | None) -> bool:
    """Whether the span is after "since", or an adjunct of a simple past verb or a past passive ("changed to a
    calendar year in December", "the quarter ended Oct. 31", "the vote was held in March"): an act the report
    tells as done, not one a past verb reports for later ("declared a dividend payable Dec. 15" hangs the
    date on a noun)."""
    if span is None or not len(span):
        return False
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ == "since":
        return True  # "the lowest level since Nov. 13": a time before now, whatever the tense
    if head.dep_ == "prep" and head.lower_ in _TARGET_PREPS:
        return False  # "was extended to Nov. 16", "was set for Dec. 5": a time aimed at, not one done
    if head.dep_ == "prep" and head.head != head:
        head = head.head
    if head.lower_ in _PLAN_WORDS or head.lemma_ in _PLAN_LEMMAS:
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if head.tag_ == "VBN":  # a past passive: "the vote was held in March"
        return [a.lower_ for a in auxes] in (["was"], ["were"])
    return head.tag_ == "VBD" and not auxes


_CALLED_OFF = {"postpone", "delay", "cancel", "scrap", "suspend", "reschedule", "defer", "scrub"}
_OFF = {("call", "off"), ("put", "off"), ("push", "back"), ("move", "back"), ("call", "back")}


def called_off(span: Span | None) -> bool:
    """Whether the span times a plan that its clause calls off or moves ("the meeting, originally set for
    Thursday, was postponed", "the Thursday vote was scrapped"): such a day lies near the report, on either
    side of it, not a week back. The span must hang on the plan, not on the verb ("postponed on Monday")."""
    if span is None or not len(span):
        return False
    token, on_a_noun = span.root, False
    for _ in range(6):
        head = token.head
        if head == token:
            return False
        on_a_noun = on_a_noun or head.pos_ in ("NOUN", "PROPN")
        if head.pos_ == "VERB" and head.dep_ in ("acl", "amod", "relcl"):
            if head.lower_ not in _PLAN_WORDS and head.lemma_ not in _PLAN_LEMMAS:
                return False  # "suspend the injunction issued Thursday": a thing done, not a plan
        elif head.pos_ == "VERB":
            particles = {c.lower_ for c in head.children if c.dep_ in ("prt", "advmod")}
            off = head.lemma_ in _CALLED_OFF or any((head.lemma_, p) in _OFF for p in particles)
            return on_a_noun and off
        token = head
    return False


_SPEECH = {"say", "tell", "report", "announce", "add", "confirm", "state", "claim", "deny", "warn", "write"}


_LIKE = ("as", "like", "than")


def aside(span: Span | None) -> bool:
    """Whether the span is an aside a history does not move on to: where something lasts until ("an assault
    that lasted until the fall of Budapest in February 1945"), a time before the story's own, told in the
    past perfect ("the Estates-General had last met in 1614"), or one compared with ("as in 1614"); but a
    date put first is the story's own ("In April 1914, opposition had reached its peak", "By early 1943, the
    army had taken losses")."""
    if span is None or not len(span):
        return False
    if (
        span.start > 1
        and span.doc[span.start - 1].lower_ == "in"
        and span.doc[span.start - 2].lower_ in _LIKE
    ):
        return True  # "arranged as in 1614": a time compared with, not the story's
    verb = _governing_verb(span.root)
    if (
        verb is not None
        and verb.tag_ == "VBN"
        and any(c.lower_ == "had" for c in verb.children)
        and span.start > verb.i
        and span.root.head.lower_ != "by"
    ):
        return True
    token = span.root
    for _ in range(6):
        if token.dep_ == "prep" and token.lower_ in ("until", "till"):
            return True
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            return False
        token = token.head
    return False


def follows_in_plan(first: Token, span: Span) -> bool:
    """Whether the span's clause is coordinated after the one `first` times: "will hear arguments Monday and
    rule by Friday" (but not "resumes on Tuesday after a holiday Monday")."""
    before = _governing_verb(first)
    token = span.root
    for _ in range(6):  # up to the first day's verb, through a conjunct ("rule" even when tagged a noun)
        if token == before or token.head == token:
            return False
        if token.dep_ == "conj" and token.head == before:
            return True
        token = token.head
    return False


def of_speech(span: Span | None) -> bool:
    """Whether the span dates a statement ("authorities said Thursday"), not what the statement is about:
    the day a report was made is no reference for the events it tells."""
    return times_speech(span) and span is not None and span.root.head == clause_verb(span)


def clause_verb(span: Span | None) -> Token | None:
    """The verb whose clause the span is in."""
    return _governing_verb(span.root) if span is not None and len(span) else None


def same_clause(span: Span | None, other: Span | None) -> bool:
    """Whether two spans time one verb: "observed the car [at 6 a.m.] near his home [ten days before]"."""
    verb = clause_verb(span)
    return verb is not None and verb == clause_verb(other)


def times_speech(span: Span | None) -> bool:
    """Whether the span times a verb of saying, directly or through a preposition ("said on Monday")."""
    verb = clause_verb(span)
    return verb is not None and verb.lemma_ in _SPEECH


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):  # a short walk up: the clause's verb, not the sentence's
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if verb.tag_ == "VB" and not auxes and verb.dep_ == "conj" and depth < 3:
        return _verb_tense(verb.head, depth + 1)  # "will arrive Friday and meet Putin on Saturday": shared
    if verb.tag_ == "VBN" and "have" in words:
        return PAST  # "may have been", "would have closed": a modal perfect looks back
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.lemma_ in ("plan", "schedule") and "had" not in words:  # "planned a rally on Saturday"
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and depth < 3:
            # "a service planned for Saturday was canceled": the plan's fate is the clause's
            outer = _governing_verb(verb.head)
            if outer is not None and outer != verb:
                return _verb_tense(outer, depth + 1) or FUTURE
        return FUTURE
    if verb.tag_ in _PAST_TAGS and not auxes and _temporal_clause(verb) and depth < 3:
        # "would buy as soon as trading opened Monday": reported speech backshifts the clause that times
        # another; it lies ahead when that one does
        outer = _governing_verb(verb.head)
        if outer is not None and outer != verb and _verb_tense(outer, depth + 1) == FUTURE:
            return FUTURE
    if any(a.tag_ in _PAST_TAGS for a in auxes) or (verb.tag_ == "VBD"):
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve"}:  # the present perfect reports the past
        return PAST
    # "is set to meet Friday", "is to resume trading Tuesday": an infinitive under a plan, unless the
    # plan itself lies in the past ("had been due to expire Friday").
    if verb.tag_ == "VB" and "to" in words and depth < 3:
        head = verb.head
        planned = (
            head.lower_ in _PLAN_WORDS
            or head.lemma_ in _PLAN_LEMMAS
            or head.lemma_ in _DIRECTIVES
            or head.lower_ in _LIKELY
        )
        if head == verb:
            return 0
        if verb.dep_ in ("nsubj", "csubj"):  # "the first countries to join on Friday were ...": the clause's
            return _verb_tense(head, depth + 1)
        if planned or head.lemma_ == "be":
            # a plan made in the past is still ahead of the report, unless it was already past then
            outer = _governing_verb(head) if head.pos_ != "VERB" else head
            had = outer is not None and any(c.lower_ == "had" for c in outer.children)
            return PAST if had else FUTURE
        return _verb_tense(head, depth + 1) if head.pos_ in ("VERB", "AUX") else 0
    if verb.lemma_ in _MOTION and (
        (verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"})
        or (verb.tag_ in ("VBZ", "VBP") and not auxes)
    ):
        return FUTURE  # "is leaving Friday", "meet separately Monday": a schedule
    if (
        verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "acomp" and c.lower_ in _PLAN_WORDS for c in verb.children)
    ):
        return FUTURE  # "earnings are due on Monday", "the vote is set for Friday"
    # "is scheduled for Friday", "plans a vote Friday"; not "the record set on Aug. 6"
    passive = verb.tag_ == "VBN" and bool(words & {"is", "are", "be", "'s", "'re"})
    if (verb.tag_ in ("VBZ", "VBP") or passive) and (
        verb.lower_ in _PLAN_WORDS or verb.lemma_ in _PLAN_LEMMAS
    ):
        return FUTURE
    if verb.tag_ == "VBG" and not auxes and verb.head != verb and depth < 3:
        # "flights would leave on Monday, with the third departing from August 6": the clause's tense
        outer = _governing_verb(verb.head)
        return _verb_tense(outer, depth + 1) if outer is not None and outer != verb else 0
    return 0


# "told them to mask up on Wednesday", "ordered residents to leave by Friday": what one is told to do lies
# ahead of the telling, which news reports soon after it
_DIRECTIVES = {"tell", "order", "urge", "instruct", "direct", "command", "summon", "invite", "ask"}
_LIKELY = {"likely", "unlikely", "certain", "sure", "bound", "about", "ready"}
_TEMPORAL_MARKS = {"when", "once", "until", "till", "before", "after", "as"}


def _temporal_clause(verb: Token) -> bool:
    """Whether the verb heads a clause that times another one ("as soon as trading opened", "when talks
    ended")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _TEMPORAL_MARKS for c in verb.children
    )


_PLAN_LEMMAS = {"plan", "expect", "schedule", "hope", "intend", "aim", "want", "seek", "agree", "prepare",
                "forecast", "predict"}  # fmt: skip
_MOTION = {"leave", "arrive", "go", "come", "travel", "meet", "visit", "fly", "return", "head", "begin",
           "start", "hold", "open", "resume", "close", "end", "kick", "launch", "debut", "premiere",
           "conclude", "run", "air", "vote", "play", "face", "host", "testify"}  # fmt: skip
