"""Dependency helpers shared by the finders: who is the subject of a reporting word, what is its cue."""

from __future__ import annotations

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# A verb without its own subject takes its head's: "..., adding that", "saying that", "and said".
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
VERB_POS = frozenset({"VERB", "AUX"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# Prepositions that make a verb part of the cue: "called on", "called for".
CUE_PREPS = frozenset({"on", "for"})


def is_expletive(token: Token) -> bool:
    """An "it" that stands for a clause ("it was speculated that ...", "it remains unclear ...")."""
    if token.dep_ == "expl":
        return True
    if token.lower_ != "it":
        return False
    return any(
        c.dep_ in {"ccomp", "advcl", "csubj", "xcomp"} and c.i > token.i for c in token.head.children
    ) or any(
        c.dep_ == "acomp" and any(g.dep_ in {"ccomp", "advcl", "xcomp"} for g in c.children)
        for c in token.head.children
    )


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def subject_of(verb: Token, depth: int = 3) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or its head's subject."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not is_expletive(child):
            if child.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if is_passive(verb) or depth == 0:
        return None
    if verb.dep_ in INHERIT_DEPS and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head  # "a statement saying that ..."
        if verb.head.pos_ in VERB_POS:
            return subject_of(verb.head, depth - 1)
    return None


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


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)
