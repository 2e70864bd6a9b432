"""Reported speech on the dependency parse: "X said (that) ...", "..., X said", "according to X",
"X urged Y to ...", "X gave an assessment that ...", "X, citing Y, reported ...", passives.

Each finder starts from a cue the Matcher found and reads the content clause and the speaker
off the parse. The content is the whole reported clause, complementizer included, as PolNeAR
annotates it.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from storyline.extract.clauses import VERB_POS, is_expletive, is_passive, subject_of
from storyline.extract.quotes.candidate import Candidate, asides, char_span, subtree_without
from storyline.extract.quotes.cues import cue_tokens
from storyline.extract.quotes.lexicon import Lexicon, lexicon

CLAUSE_DEPS = frozenset({"ccomp"})
# Entity types that can be a cited source.
SOURCE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
INFINITIVE_DEPS = frozenset({"xcomp", "advcl", "ccomp"})
# Prepositions a verb is "without" cannot report: "without saying whether ..." reports nothing.
NEGATING_PREPS = frozenset({"without"})
# Endings of nouns made of verbs and adjectives that name an act or a quality, never a speaker.
ABSTRACT_SUFFIXES = ("ness", "ity", "ities", "ing", "ings")
# Prepositions whose object is what a verb or noun reports: "called for", "spoke of", "claims of".
OBJECT_PREPS = frozenset({"for", "to", "of", "about", "on"})


def _infinitive(verb: Token) -> Token | None:
    """A "to" clause of the verb, directly or through its object's preposition ("called on Y to")."""
    for child in verb.children:
        if (
            child.dep_ in INFINITIVE_DEPS
            and child.i > verb.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        ):
            return child
    return None


def _object_before(verb: Token, clause: Token) -> list[Token]:
    """The addressee between a verb and its "to" clause ("urged Pyongyang not to"): part of the content."""
    for child in verb.children:
        if child.dep_ == "dobj" and verb.i < child.i < clause.i:
            return list(child.subtree)
        if child.dep_ == "prep" and verb.i < child.i < clause.i:
            return [t for g in child.children if g.dep_ == "pobj" for t in g.subtree]
    return []


def _via(verb: Token, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """The "citing Y" clause under a reporting verb and Y's head."""
    for tok in verb.subtree:
        if tok.lemma_ in lex.via_verbs and tok.dep_ in {"advcl", "xcomp", "conj"} and tok.i != verb.i:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and _names_a_source(obj, lex):
                return tok, obj
    return None, None


def _names_a_source(token: Token, lex: Lexicon) -> bool:
    """Whether "citing Y" names who Y's words come from (a person, body, outlet or anonymous source) rather
    than what supports the claim ("citing the release of prisoners"), which is a report of its own."""
    if token.ent_type_ in SOURCE_ENTS or token.pos_ in {"PROPN", "PRON"}:
        return True
    words = _source_words()
    return token.lemma_.lower() in words or token.lower_ in words


def could_speak(token: Token) -> bool:
    """Whether a subject can be the source of a noun phrase or a "to" clause a verb reports. Most can (people,
    bodies, records, polls, speeches); a time, a demonstrative or an abstraction made of a verb or adjective
    cannot ("videos over a period of months showing ...", "this", "the kidnapping", "his inability")."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return False
    if token.pos_ == "PRON":
        return token.lower_ not in {"this", "that", "which"}
    return token.pos_ == "PROPN" or not token.lower_.endswith(ABSTRACT_SUFFIXES)


@cache
def _source_words() -> frozenset[str]:
    """The nouns that name a kind of source, built once."""
    lex = lexicon()
    return frozenset({w for _kind, ws in lex.source_kinds for w in ws} | lex.media_nouns)


def _object_content(verb: Token) -> tuple[list[Token], Token] | None:
    """A nominal content: "called for a ban", "blasted Clinton as a disgrace", "likened RT to the BBC".
    PolNeAR's content is the whole predicate after the cue, so it runs from the object to the verb's last
    complement: parses often hang the object's modifiers on the verb ("cited remarks Trump had made")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        prep = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and verb.i < c.i <= verb.i + 2
            ),
            None,
        )
        obj = next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None) if prep else None
        if obj is None:
            return None
    rest = [
        t
        for c in verb.children
        if c.i > obj.i and _completes_object(c) and c not in asides(verb)
        for t in subtree_without(c, asides(c))
    ]
    return [*subtree_without(obj, asides(obj)), *rest], obj


def _completes_object(child: Token) -> bool:
    """A complement after the object that belongs to the content, not a conjoined predicate ("and said"),
    punctuation or a time ("on Monday")."""
    if child.dep_ in {"punct", "cc", "mark", "aux", "neg"}:
        return False
    if child.dep_ == "conj" and child.pos_ in VERB_POS:
        return False
    if child.dep_ == "advcl" and any(g.dep_ == "mark" for g in child.children):
        return False
    return not any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree) or child.dep_ in {
        "dobj",
        "oprd",
        "ccomp",
    }


def _outer_asides(token: Token) -> list[Token]:
    """The comma-set asides of a content that are not part of it."""
    return [a for a in asides(token) if not _inside_clause(a)]


def _inside_clause(aside: Token) -> bool:
    """A comma-set modifier that PolNeAR keeps in a reported clause: a relative clause or participle on one of
    its nouns (", who live ..."). Asides on the clause itself (", he said,", ", arguing ...") stay out."""
    return aside.dep_ in {"relcl", "acl"}


def _content_of_verb(verb: Token, skip: list[Token], lex: Lexicon) -> tuple[list[Token], Token] | None:
    """The reported clause's tokens and its root."""
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS or _that_clause(c, verb)]
    if clauses:
        clause = next((c for c in clauses if c.i > verb.i), clauses[-1])
        return subtree_without(clause, [*skip, *_outer_asides(clause)]), clause
    infinitive = _infinitive(verb)
    if infinitive is not None:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and not is_expletive(c)), None)
        if subject is not None:  # "X is believed to be ...": the content is X with the clause
            return [*subject.subtree, *subtree_without(infinitive, skip)], infinitive
        if subject_of(verb) is None:
            return None
        return [*_object_before(verb, infinitive), *subtree_without(infinitive, skip)], infinitive
    if verb.dep_ == "parataxis" and subject_of(verb) is not None:
        # "Kim left, officials said" / "The museum, Mr. Bush said, celebrated ...": the verb hangs off
        # the clause it reports.
        return subtree_without(verb.head, [verb]), verb.head
    if not _has_nominal_content(verb, lex):
        return None
    if not is_passive(verb):
        return _object_content(verb)
    return _passive_subject(verb)


_THAT_JOINED = frozenset({"so", "such", "now", "given", "except", "order", "provided"})  # "so that", ...


def _that_clause(child: Token, verb: Token) -> bool:
    """A "that" clause after the verb the parser hung as an adverbial one ("reported last week, citing U.S.
    officials, that China had reached a deal"): "that" opens no adverbial clause ("so that" does)."""
    if child.dep_ != "advcl" or child.i < verb.i:
        return False
    that = next((g for g in child.children if g.dep_ == "mark" and g.lower_ == "that"), None)
    return that is not None and that.nbor(-1).lower_ not in _THAT_JOINED


def _passive_subject(verb: Token) -> tuple[list[Token], Token] | None:
    """A passive with its agent reports its subject: "Clinton was endorsed by the union"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and not is_expletive(c)), None)
    if subject is None or not any(c.dep_ == "agent" for c in verb.children):
        return None
    return subtree_without(subject, asides(subject)), subject


def _has_nominal_content(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb can report a noun phrase: the listed object verbs, and any reporting verb whose
    object is not an addressee or a percept ("proposed a ban", not "told reporters", "saw him")."""
    return verb.lemma_ in lex.object_verbs or verb.lemma_ not in lex.not_object_verbs


def verb_frame(verb: Token, lex: Lexicon) -> Candidate | None:
    """The attribution a reporting verb introduces, if it has a clause to report."""
    if verb.head.lower_ in NEGATING_PREPS:
        return None
    via_clause, via = _via(verb, lex)
    found = _content_of_verb(verb, [via_clause] if via_clause is not None else [], lex)
    if found is None:
        return None
    tokens, root = found
    content = char_span(tokens)
    if content is None or not any(t.is_alpha or t.is_digit for t in tokens):
        return None  # a blank to fill ("did not respond to ___") reports nothing
    if verb.doc.text[content[0] : content[1]].lower().rstrip(" .,") in lex.not_contents:
        return None  # "spoke on condition of anonymity", "said on the record"
    source = _speaker_of(verb, lex)
    if source is None and not is_passive(verb):
        return None  # a verb without a speaker reports nothing ("Considering that ...")
    if source is not None and root.dep_ not in CLAUSE_DEPS and not could_speak(source):
        return None  # "the pressure ... to prove", "a period of months showing some of the students"
    cue = char_span(cue_tokens(verb))
    return Candidate(
        kind="indirect" if source is not None else "unattributed",
        content=content,
        cue=cue,
        certainty=lex.verbs.get(verb.lemma_, "asserted"),
        source=source,
        via=via,
        cue_token=verb,
        root=root,
    )


def _speaker_of(verb: Token, lex: Lexicon) -> Token | None:
    """The verb's subject; but a participle set off by a comma at the end of a reported clause is the
    reporter's ("He denied that Beijing was planning ..., calling the reports fabrication": he calls)."""
    clause = verb.head
    reporter = clause.head
    trailing = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","
    if trailing and clause.dep_ in CLAUSE_DEPS and is_reporting_verb(reporter, lex) and reporter.i < clause.i:
        return subject_of(reporter)
    return subject_of(verb)


def noun_frame(noun: Token, lex: Lexicon) -> Candidate | None:
    """ "X gave an assessment that ...", "Jeon's assessment that ...", "his decision to act alone": a
    reporting noun with a that-clause or a "to" clause."""
    light = noun.head if noun.dep_ == "dobj" and noun.head.lemma_ in lex.light_verbs else None
    holders = [noun] + ([light] if light is not None else [])
    clause = next(
        (
            c
            for h in holders
            for c in h.children
            if c.dep_ in {"acl", "ccomp", "appos"}
            and c.i > noun.i
            and any(
                (g.dep_ == "mark" and g.lower_ == "that") or (g.dep_ == "aux" and g.lower_ == "to")
                for g in c.children
            )
        ),
        None,
    )
    if clause is None:
        # "allegations of fraud", "reports of the explosion": the preposition's object is the content
        prep = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS and c.i == noun.i + 1),
            None,
        )
        clause = (
            next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)
            if prep is not None
            else None
        )
        if clause is None:
            return None
    content = char_span(clause.subtree)
    if content is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None and light is not None:
        source = subject_of(light)
    cue = char_span([light, noun] if light is not None else [noun])
    return Candidate(
        kind="indirect" if source is not None else "unattributed",
        content=content,
        cue=cue,
        certainty=lex.nouns[noun.lemma_],
        source=source,
        cue_token=light if light is not None else noun,
        root=clause,
    )


def according_frame(according: Token, lex: Lexicon) -> Candidate | None:
    """ "..., according to X": the content is the clause the phrase hangs on, less the phrase."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    root = according.head
    while root.pos_ not in VERB_POS and root.head.i != root.i:
        root = root.head
    while root.dep_ == "conj" and root.i < according.i:
        root = root.head  # "A and B, according to X" reports both
    if source is None or root.i == according.i:
        return None
    content = char_span(subtree_without(root, [according]))
    if content is None:
        return None
    cue_end = to.idx + len(to.text) if to is not None else according.idx + len(according.text)
    return Candidate(
        kind="indirect",
        content=content,
        cue=(according.idx, cue_end),
        certainty="asserted",
        source=source,
        cue_token=according,
    )


def is_reporting_verb(token: Token, lex: Lexicon) -> bool:
    return token.pos_ in VERB_POS and token.lemma_ in lex.verbs and not is_passive_hedge_only(token)


def is_passive_hedge_only(token: Token) -> bool:
    """A participle used as an adjective ("the reported deal") or a reduced passive ("when asked to
    comment") introduces nothing."""
    if token.dep_ == "amod" or (is_passive(token) and token.dep_ == "acl"):
        return True
    return (
        token.tag_ == "VBN"
        and token.dep_ in {"advcl", "acl"}
        and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in token.children)
    )
