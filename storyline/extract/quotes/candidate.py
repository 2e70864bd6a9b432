"""What the finders report: an attribution in token terms, before sources are resolved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

# Punctuation trimmed from the edges of a content span (quotation marks are kept: they show a quote).
EDGE_PUNCT = frozenset(",;:—–-―()[]")
ASIDE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "parataxis"})


@dataclass
class Candidate:
    """One attribution as found: char spans into the text, the source's head token if any."""

    kind: str  # direct | indirect | mixed | unattributed
    content: tuple[int, int]
    cue: tuple[int, int] | None
    certainty: str
    source: Token | None = None  # head of the source phrase
    source_span: tuple[int, int] | None = None  # when no single head says it (speaker labels, dashes)
    via: Token | None = None
    cue_token: Token | None = None
    root: Token | None = None  # the content clause's head, for modals and direct-vs-mixed


def char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """The character span from the first to the last token, edge punctuation and spaces trimmed."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_space or toks[0].text in EDGE_PUNCT or _closing_mark(toks[0])):
        toks.pop(0)
    while toks and (
        toks[-1].is_space or toks[-1].text in EDGE_PUNCT or toks[-1].text == "." or _opening_mark(toks[-1])
    ):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _spaced_after(token: Token) -> bool:
    doc = token.doc
    return bool(token.whitespace_) or token.i + 1 == len(doc) or doc[token.i + 1].is_space


def _closing_mark(token: Token) -> bool:
    """A quotation mark that closes a quote before the span (a mark with a space after it)."""
    return token.is_quote and _spaced_after(token)


def _opening_mark(token: Token) -> bool:
    """A quotation mark that opens a quote after the span."""
    return token.is_quote and not _spaced_after(token)


def subtree_without(token: Token, skip: Iterable[Token] = ()) -> list[Token]:
    """The token's subtree minus the subtrees of the given descendants."""
    skipped = {t.i for s in skip for t in s.subtree}
    return [t for t in token.subtree if t.i not in skipped]


def asides(token: Token) -> list[Token]:
    """The token's comma-set asides: ", which ...", ", who ...", ", arguing that ...". They comment on the
    reported words rather than being part of them (PolNeAR leaves them out of the content)."""
    doc = token.doc
    return [
        c
        for c in token.subtree
        if c.dep_ in ASIDE_DEPS and c.i > token.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
    ]
