"""The sentence around a token, found by bisection over the doc's sentence starts.

spaCy's `Token.sent` and `Span.sent` walk back to the sentence start on every call, which is
quadratic on a long page without full stops (a table, a list of dates). The starts are read once
per doc, after the parser has fixed them, and kept in `Doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

_KEY = "storyline.sentence_starts"


def sentence(doc: Doc, i: int) -> Span:
    """The sentence holding the token at index `i`."""
    cached = doc.user_data.get(_KEY)
    if cached is None or cached[0] != len(doc):  # a doc made from another one keeps its user data
        cached = (len(doc), [sent.start for sent in doc.sents])
        doc.user_data[_KEY] = cached
    starts: list[int] = cached[1]
    k = max(0, bisect_right(starts, i) - 1)
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end] if starts else doc[:]
