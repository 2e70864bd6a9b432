"""The tense of the clause a time expression sits in, from spaCy's tags and parse.

News names days without dates: "arrived early Tuesday" is the last Tuesday, "will meet on
Friday" the next Friday. The governing verb's tense (and its auxiliaries) decides which.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, FUTURE = -1, 1
_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must"}
_PLAN_WORDS = {"scheduled", "expected", "due", "set", "planned", "slated", "poised", "going"}
_PAST_TAGS = {"VBD", "VBN"}


def tense_at(doc: Doc, start_char: int, end_char: int) -> int:
    """-1 if the clause around the span is about the past, +1 about the future, 0 if unclear."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return 0
    verb = _governing_verb(span.root)
    if verb is None:
        return 0
    return _verb_tense(verb)


def _governing_verb(token: Token) -> Token | None:
    for _ in range(6):  # a short walk up: the clause's verb, not the sentence's
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> int:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if any(a.tag_ in _PAST_TAGS for a in auxes) or (verb.tag_ == "VBD"):
        return PAST
    if verb.tag_ == "VBN" and words & {"has", "have", "'ve"}:  # the present perfect reports the past
        return PAST
    # "is set to meet Friday", "is to resume trading Tuesday": an infinitive under a plan, unless the
    # plan itself lies in the past ("had been due to expire Friday").
    if verb.tag_ == "VB" and "to" in words and depth < 3:
        head = verb.head
        planned = head.lower_ in _PLAN_WORDS or head.lemma_ in _PLAN_LEMMAS
        if head is verb:
            return 0
        outer = _verb_tense(_governing_verb(head) or head, depth + 1) if head.pos_ != "VERB" or planned else 0
        if planned or head.lemma_ == "be":
            return PAST if outer == PAST else FUTURE
        return outer
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"} and verb.lemma_ in _MOTION:
        return FUTURE  # "is leaving Friday": a plan
    if verb.tag_ in ("VBZ", "VBP", "VBN") and (verb.lower_ in _PLAN_WORDS or verb.lemma_ in _PLAN_LEMMAS):
        return FUTURE
    return 0


_PLAN_LEMMAS = {"plan", "expect", "schedule", "hope", "intend", "aim", "want", "seek", "agree", "prepare"}
_MOTION = {"leave", "arrive", "go", "come", "travel", "meet", "visit", "fly", "return", "head", "begin", "start",
           "hold", "open", "resume", "close", "end"}  # fmt: skip
