"""Direct quotes: which reporting verb, dash or speaker label a quotation belongs to.

The parse links most quotes to their verb ("...," Jeon told reporters; she said, "..."). The
rest are found by layout: a speaker after a dash ("..." ― Sonya Herridge), a speaker and
verb on the line before a colon (Trump said:\\n\\n"..."), a transcript or headline label
("PENCE: ..."), or a quote that runs on from the same speaker's previous paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from storyline.extract.quotes.marks import Quote
from storyline.extract.sentences import sentence

DASH_SPEAKER_RE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*([A-Z][^\n,;:()\"“”]{1,60})")
LABEL_RE = re.compile(
    r"^[ \t]*[\"“]?([A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,3})[ \t]*:[ \t]+(?=\S)", re.MULTILINE
)
# Tokens either side of a quote where a "..., X said" cue may sit.
CUE_REACH = 8
# Ancestors of a quoted word that are searched for its cue.
ANCESTOR_STEPS = 3
# Quotes shorter than this, without a verb, are scare quotes or titles, not speech.
SPEECH_WORDS = 4


def _inside(token: Token, quote: Quote) -> bool:
    return quote.start <= token.idx < quote.end


def quote_tokens(doc: Doc, quote: Quote) -> Span | None:
    return doc.char_span(quote.start, quote.end, alignment_mode="expand")


def is_speech(tokens: Span) -> bool:
    """A quotation of speech rather than a quoted name or word: long enough, or a clause ("It's over")."""
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= SPEECH_WORDS or (len(words) >= 2 and any(t.pos_ in {"VERB", "AUX"} for t in tokens))


def cue_of_quote(
    text: str, doc: Doc, quote: Quote, tokens: Span, is_cue: Callable[[Token], bool]
) -> Token | None:
    """The reporting verb a quotation hangs on, or that hangs on it, or that stands right beside it."""
    outside_headed = sorted(
        (t for t in tokens if not _inside(t.head, quote)), key=lambda t: t.left_edge.i - t.right_edge.i
    )

    def near(verb: Token) -> bool:
        """Outside the quote and in its paragraph (a parse may run a sentence over a paragraph break)."""
        if _inside(verb, quote):
            return False
        lo, hi = sorted((verb.idx, quote.start if verb.idx < quote.start else quote.end))
        return "\n" not in text[lo:hi]

    for tok in outside_headed:
        head = tok.head
        for _ in range(ANCESTOR_STEPS):
            if is_cue(head) and near(head):
                return head
            if head.head.i == head.i:
                break
            head = head.head
    for tok in tokens:
        for child in tok.children:
            if is_cue(child) and near(child):
                return child
    after = doc[tokens.end : min(len(doc), tokens.end + CUE_REACH)]
    for tok in after:
        if "\n" in tok.text or tok.text in {"“", '"'}:
            break
        if is_cue(tok):
            return tok
    return None


def cue_before_colon(text: str, doc: Doc, quote: Quote, is_cue: Callable[[Token], bool]) -> Token | None:
    """The verb of a line that ends in a colon just before the quote (Trump said:\\n\\n"...")."""
    end = quote.start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if text[end - 1 : end] != ":" or "\n" not in text[end : quote.start]:
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None:
        return None
    return next((t for t in reversed(list(sentence(doc, colon.start))) if is_cue(t)), None)


def dash_speaker(text: str, doc: Doc, quote: Quote) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "..." ― Sonya Herridge: the speaker's span and the dash (the cue)."""
    m = DASH_SPEAKER_RE.match(text, quote.end)
    if not m:
        return None
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None:
        return None
    words = []
    for tok in name:
        if not (
            tok.is_title or tok.is_upper or tok.pos_ == "PROPN" or tok.lower_ in {"of", "the", "de", "van"}
        ):
            break
        words.append(tok)
    if not words or not any(t.pos_ == "PROPN" for t in words):
        return None
    dash = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u00a0"))
    span = (words[0].idx, words[-1].idx + len(words[-1].text))
    return span, (dash, dash + 1)


def speaker_labels(
    text: str, doc: Doc, not_speakers: frozenset[str]
) -> list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]:
    """Lines like "PENCE: Well, look, ..." or headline "Pence: ...": (speaker, colon, content) spans."""
    found = []
    for m in LABEL_RE.finditer(text):
        label = m.group(1)
        if label.lower() in not_speakers:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or any(t.ent_type_ in {"DATE", "TIME", "CARDINAL"} for t in span):
            continue
        named = any(t.pos_ == "PROPN" or t.is_upper for t in span)
        if not named and not (len(span) <= 2 and all(t.is_title for t in span)):
            continue  # a name tagged as a noun is still a speaker at the head of a line ("Sanders: ...")
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        content = (m.end(), len(text[:line_end].rstrip()))
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        colon = text.index(":", m.end(1))
        found.append(((m.start(1), m.end(1)), (colon, colon + 1), content))
    return found
