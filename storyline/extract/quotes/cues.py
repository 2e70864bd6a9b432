"""The cue of a reporting verb: the verb with the words that belong to it ("called on", "did not say")."""

from __future__ import annotations

from spacy.tokens import Token

# Prepositions that make a verb part of the cue: "called on", "called for".
CUE_PREPS = frozenset({"on", "for"})


def cue_tokens(verb: Token) -> list[Token]:
    """The cue of a reporting verb: the verb with its particle and negation ("called on", "did not say")."""
    toks = [verb]
    for child in verb.children:
        if child.dep_ in {"prt", "neg"} or (
            child.dep_ == "prep"
            and child.lower_ in CUE_PREPS
            and child.i == verb.i + 1
            and not _is_when(child)
        ):
            toks.append(child)
    return sorted(toks, key=lambda t: t.i)


def _is_when(prep: Token) -> bool:
    """'said on Thursday': the preposition introduces a time, not the verb's object ('called on Y')."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in prep.children)
