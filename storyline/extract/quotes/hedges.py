"""Adjectives and adverbs that frame a statement.

Unattributed hedges: "it remains unknown / unclear ...", "it is likely that ...", "reportedly".
Attitudes: "Trump is critical of ...", "officials are confident that ..." (the subject is the source).

(Passive hedges with an empty subject, "it was widely speculated that ...", and "X is believed
to ..." come out of the verb frames in `reported`, since they are reporting verbs without a source.)
"""

from __future__ import annotations

from spacy.tokens import Token

from storyline.extract.clauses import is_expletive, is_negated
from storyline.extract.quotes.candidate import Candidate, char_span, subtree_without
from storyline.extract.quotes.lexicon import Lexicon

LINKING_VERBS = frozenset({"be", "remain", "seem", "appear", "become", "look", "stay"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "csubj", "xcomp"})


def _clause_after(tokens: list[Token], after: int) -> Token | None:
    return next((c for t in tokens for c in t.children if c.dep_ in CLAUSE_DEPS and c.i > after), None)


def adjective_hedge(adj: Token, lex: Lexicon) -> Candidate | None:
    """ "it remains unknown when ...", "X's whereabouts remain unclear", "it is not clear whether ..."."""
    word = adj.lower_
    if word in lex.adjectives:
        certainty = lex.adjectives[word]
    elif word in lex.negated_unknown and (is_negated(adj) or is_negated(adj.head)):
        certainty = "unknown"
    else:
        return None
    verb = adj.head
    if adj.dep_ != "acomp" or verb.lemma_ not in LINKING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    clause = _clause_after([adj, verb], adj.i)
    if clause is not None and (subject is None or is_expletive(subject)):
        tokens = list(clause.subtree)
    elif clause is not None and subject is not None:  # "Kim is likely to travel"
        tokens = [*subject.subtree, *clause.subtree]
    elif subject is not None and subject.pos_ != "PRON" and certainty == "unknown":
        tokens = list(subject.subtree)
    else:
        return None
    content = char_span(tokens)
    if content is None:
        return None
    return Candidate(
        kind="unattributed",
        content=content,
        cue=char_span([verb, adj]),
        certainty=certainty,
        cue_token=adj,
    )


def adverb_hedge(adverb: Token, lex: Lexicon) -> Candidate | None:
    """ "Kim reportedly left ...": the clause the adverb modifies."""
    head = adverb.head
    if adverb.dep_ != "advmod" or head.i == adverb.i:
        return None
    content = char_span(subtree_without(head, [adverb]))
    if content is None:
        return None
    return Candidate(
        kind="unattributed",
        content=content,
        cue=(adverb.idx, adverb.idx + len(adverb.text)),
        certainty=lex.adverbs[adverb.lower_],
        cue_token=adverb,
    )


def attitude(adj: Token, lex: Lexicon) -> Candidate | None:
    """ "X is critical of Y", "X was confident that Y", "X is worried about Y": X's stance on Y."""
    verb = adj.head
    if adj.dep_ != "acomp" or verb.lemma_ not in LINKING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and not is_expletive(c)), None)
    if subject is None:
        return None
    clause = _clause_after([adj, verb], adj.i)
    if clause is None:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.i > adj.i), None)
        clause = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep else None
    if clause is None:
        return None
    content = char_span(clause.subtree)
    if content is None:
        return None
    return Candidate(
        kind="indirect",
        content=content,
        cue=(adj.idx, adj.idx + len(adj.text)),
        certainty=lex.attitudes[adj.lower_],
        source=subject,
        cue_token=adj,
    )
