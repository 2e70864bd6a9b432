"""Reading clauses off spaCy's dependency parse: heads, subjects, phrases and modality.

Shared by the components that tie words to the clause they belong to: events ask for a clause's
actors (`subjects`), attributions for a reporting verb's speaker (`subject_of`); the two differ only
in what a subject may be (a speaker is never an expletive "it", and a passive names it by "by").
"""

from __future__ import annotations

from spacy.tokens import Token

CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj", "pcomp"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
VERB_POS = frozenset({"VERB", "AUX"})
# A verb without its own subject takes its head's: "..., adding that", "saying that", "and said".
INHERITS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_CONTROL = frozenset({"xcomp", "pcomp", "prep", "advcl", "conj", "acl", "acomp"})
_MODAL_DEPS = frozenset({"aux", "auxpass", "advmod", "amod", "neg"})


def child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def clause_head(token: Token) -> Token:
    """The verb whose clause a noun belongs to ("hold a summit" -> hold, "talks took place" -> took,
    "ahead of a meeting" -> the verb "ahead" modifies)."""
    while (
        token.pos_ not in ("VERB", "AUX")
        and token.dep_ in ("dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "advmod", "npadvmod")
        and token.head != token
    ):
        token = token.head
    return token


# Prepositions whose gerund is done by the governing verb's object ("accused X of providing", "blamed X for
# attacking", "stopped X from leaving"); after "after", "before" or "by" it is done by the subject.
_OBJECT_CONTROL = frozenset({"of", "for", "from", "with"})


def subjects(clause: Token) -> list[Token]:
    """The clause's subjects, inherited from the governing clause for conjuncts, 'to' and '-ing' clauses;
    the governing verb's object for a gerund after it ("accused North Korea of providing shells": North
    Korea provides)."""
    token = clause
    for _ in range(6):
        found = [c for c in token.children if c.dep_ in SUBJECTS]
        if found:
            return found
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ in _OBJECT_CONTROL:
            prep = token.head
            obj = next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)
            if obj is not None:
                return [obj]
        if token.dep_ in ("prep", "acomp") or (token.dep_ in INHERITS_SUBJECT and token.head != token):
            token = token.head
        else:
            return []
    return []


def depth_below(token: Token, head: Token) -> int:
    """How many dependency steps lead from head down to token (token is in head's subtree)."""
    steps = 0
    while token != head and token.head != token:
        token = token.head
        steps += 1
    return steps


def agent(token: Token) -> Token | None:
    """'the first visit to Russia by Kim', 'was attacked by rebels': the 'by' phrase's object."""
    by = next(
        (c for c in token.children if c.dep_ == "agent" or (c.lower_ == "by" and token.pos_ == "NOUN")), None
    )
    return child(by, "pobj") if by is not None else None


def phrase(head: Token) -> list[Token]:
    """The head's subtree without the clauses attached to it, in text order (a noun the parser hung as a
    clause, "through the Kerem Shalom crossing on Sunday", is part of the phrase)."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSAL or _noun_as_clause(c))
    return sorted(out, key=lambda t: t.i)


_NOUN_MODIFIERS = frozenset({"det", "compound", "amod", "poss"})


def _noun_as_clause(token: Token) -> bool:
    """A prepositional complement that is a noun, or a gerund used as one ("the Kerem Shalom crossing")."""
    nominal = token.pos_ in ("NOUN", "PROPN") or any(c.dep_ in _NOUN_MODIFIERS for c in token.children)
    return token.dep_ == "pcomp" and nominal


def governing(clause: Token, depth: int = 4) -> list[Token]:
    """The clause and the heads above it, up to `depth` steps ("denied reports that he had met")."""
    chain = [clause]
    while len(chain) <= depth and chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    return chain


def control_chain(clause: Token) -> list[Token]:
    """The clause and the verbs that control it: "may be preparing to launch" -> launch, preparing."""
    chain = [clause]
    while chain[-1].dep_ in _CONTROL and chain[-1].head != chain[-1] and len(chain) < 5:
        chain.append(chain[-1].head)
    return chain


def modal_words(tokens: list[Token]) -> set[str]:
    """Auxiliaries, adverbs, adjectives and negations attached to any of the tokens, lower case."""
    return {c.lower_ for t in tokens for c in t.children if c.dep_ in _MODAL_DEPS}


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


def is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def subject_of(verb: Token, depth: int = 3) -> Token | None:
    """The speaker of a reporting verb: its subject, the agent of a passive, or its head's subject. Of a
    description and a name the parser made two subjects ("state news agency Xinhua reported"), the name."""
    for dependent in verb.children:
        if dependent.dep_ in {"nsubj", "csubj"} and not is_expletive(dependent):
            if dependent.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            name = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.left_edge.i == dependent.right_edge.i + 1
                ),
                None,
            )
            return name or dependent
        if dependent.dep_ == "agent":
            return child(dependent, "pobj")
    if is_passive(verb) or depth == 0:
        return None
    if verb.dep_ in INHERITS_SUBJECT and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head  # "a statement saying that ..."
        if verb.head.pos_ in VERB_POS:
            return subject_of(verb.head, depth - 1)
    return None
