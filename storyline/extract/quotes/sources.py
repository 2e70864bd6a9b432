"""Sources: the phrase that names the speaker, and the entity it refers to.

A named source is looked up with `entity_at`. A pronoun goes to the nearest earlier source or
person that agrees with it in gender and number (speaker continuity first: "she added" follows
the last woman quoted). A nominal ("the Russian media report") is linked to the nearest earlier
source of the same sort when the text names none itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.document import Entity, EntitySpan
from storyline.extract.entities import entity_at
from storyline.extract.quotes.candidate import char_span
from storyline.extract.quotes.lexicon import Lexicon
from storyline.extract.sentences import sentence

# Parts of a noun phrase that describe the speaker rather than name it.
NP_SKIP = frozenset({"relcl", "acl", "advcl", "parataxis", "appos", "cc", "conj", "prep"})
NP_KEEP_PREPS = frozenset({"at", "of", "from", "in", "for", "with"})
MEDIA_KINDS = frozenset(
    {"news_agency", "state_media", "newspaper", "broadcaster", "magazine", "online", "media"}
)
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})
# Entities that stand in a nominal source as modifiers ("the Russian media report"), not as the speaker.
MODIFIER_TYPES = frozenset({"NORP", "GPE"})
# How far back (in characters) a pronoun may look for its antecedent.
PRONOUN_REACH = 2000
FIRST_PERSON = frozenset({"i", "me", "we", "us"})


@dataclass
class Resolved:
    """A source as resolved, kept so later pronouns and nominals can refer back to it."""

    span: EntitySpan
    entity: Entity | None
    kind: str | None  # state_media, news_agency, media, government, official, anonymous
    quote: tuple[int, int] | None  # the content, when it is the speaker's own words


def phrase_tokens(head: Token) -> list[Token]:
    """The words of a source phrase: the head with its modifiers, without clauses or asides.

    A common-noun head keeps a proper-noun apposition ("media outlet Vesti Primorye") and its
    "at/of" phrase ("an official at South Korea's defense ministry").
    """
    keep = [head]
    for child in head.children:
        if (
            (child.dep_ == "appos" and head.pos_ != "PROPN" and child.pos_ == "PROPN")
            or (child.dep_ == "prep" and child.lower_ in NP_KEEP_PREPS and child.i > head.i)
            or child.dep_ not in NP_SKIP
        ):
            keep.extend(child.subtree)
    return keep


class SourceResolver:
    """Resolves the sources of one document, in text order."""

    def __init__(self, doc: Doc, lex: Lexicon, gendered_pronouns: list[Token]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.lex = lex
        self.entities: list[Entity] = doc._.entities or []
        self.gender = self._genders(gendered_pronouns)
        self.previous: list[Resolved] = []

    def _genders(self, pronouns: list[Token]) -> dict[str, str]:
        """Gender of person entities, from their titles and honorifics, else from a lone pronoun that follows
        them in the same sentence ("Kim had left ... aboard his train")."""
        gender: dict[str, str] = {}
        words = self.lex.gendered_words
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            cues = [t.lower() for t in entity.titles]
            for mention in entity.mentions:
                prev = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if prev is not None and prev.start > 0:
                    cues.append(self.doc[prev.start - 1].lower_)
            found = {words[c] for c in cues if c in words} | {
                words[w] for c in cues for w in c.split() if w in words
            }
            if len(found) == 1:
                gender[entity.id] = found.pop()
        for pron in pronouns:
            sent = sentence(pron.doc, pron.i)
            people = [
                e
                for e in self.entities
                if e.type == "PERSON" and any(sent.start_char <= m.start < pron.idx for m in e.mentions)
            ]
            if len(people) == 1 and people[0].id not in gender:
                gender[people[0].id] = self.lex.pronoun_gender[pron.lower_]
        return gender

    def _entity_of(self, head: Token, start: int, end: int) -> Entity | None:
        return entity_at(self.doc, head.idx, head.idx + len(head.text)) or entity_at(self.doc, start, end)

    def _antecedent(self, pron: Token) -> Entity | None:
        word = pron.lower_
        if word in FIRST_PERSON:  # "we" inside a quote is its speaker
            return next(
                (
                    p.entity
                    for p in reversed(self.previous)
                    if p.quote and p.quote[0] <= pron.idx < p.quote[1]
                ),
                None,
            )
        if word in self.lex.pronoun_gender:
            want = self.lex.pronoun_gender[word]

            def fits(e: Entity | None) -> bool:
                return e is not None and e.type == "PERSON" and self.gender.get(e.id, want) == want

        elif word in self.lex.plural_pronouns or word in self.lex.neuter_pronouns:

            def fits(e: Entity | None) -> bool:
                return e is not None and e.type in GROUP_TYPES

        else:
            return None
        for prev in reversed(self.previous):
            if prev.span.start < pron.idx - PRONOUN_REACH:
                break
            if fits(prev.entity):
                return prev.entity
        mentions = sorted(
            (
                (m.start, e)
                for e in self.entities
                for m in e.mentions
                if pron.idx - PRONOUN_REACH < m.start < pron.idx
            ),
            key=lambda pair: -pair[0],
        )
        return next((e for _, e in mentions if fits(e)), None)

    def _person_antecedent(self, before: int) -> Entity | None:
        quoted = next(
            (p.entity for p in reversed(self.previous) if p.entity is not None and p.entity.type == "PERSON"),
            None,
        )
        people = [(m.start, e) for e in self.entities if e.type == "PERSON" for m in e.mentions]
        named = max(((at, e) for at, e in people if at < before), key=lambda pair: pair[0], default=None)
        return quoted or (named[1] if named else None)

    def _media_antecedent(self) -> Entity | None:
        return next(
            (p.entity for p in reversed(self.previous) if p.kind in MEDIA_KINDS and p.entity is not None),
            None,
        )

    def kind(self, words: str, entity: Entity | None) -> str | None:
        """What sort of source this is: the entity's own kind, else the first kind whose words the phrase has
        ("a railway source" -> anonymous, "the defense ministry" -> government)."""
        if entity is not None and entity.kind:
            return entity.kind
        padded = f" {words} "
        return next(
            (k for k, phrases in self.lex.source_kinds if any(f" {p} " in padded for p in phrases)), None
        )

    def resolve(
        self, head: Token | None, span: tuple[int, int] | None, quote: tuple[int, int] | None = None
    ) -> EntitySpan | None:
        """The source as the text names it, with its entity; remembered for later references.

        `quote` is the content when it is a direct quote, so that "we" and "I" inside it find this speaker.
        """
        if head is not None:
            span = char_span(phrase_tokens(head)) or (head.idx, head.idx + len(head.text))
        if span is None:
            return None
        start, end = span
        words = self.text[start:end].lower()
        if head is not None and head.pos_ == "PRON":
            entity = self._antecedent(head)
        else:
            entity = (
                self._entity_of(head, start, end) if head is not None else entity_at(self.doc, start, end)
            )
        if (
            head is not None
            and head.lemma_ in self.lex.media_nouns
            and (entity is None or entity.type in MODIFIER_TYPES)
        ):
            # "the Russian media report": the outlet named before, not the country in the adjective
            entity = self._media_antecedent() or entity
        if entity is None and "-year-old" in words:
            entity = self._person_antecedent(start)  # "the 21-year-old said": the person quoted or named last
        kind = self.kind(words, entity)
        result = EntitySpan(
            start=start, end=end, text=self.text[start:end], entity=entity.id if entity else None, kind=kind
        )
        self.previous.append(Resolved(result, entity, kind, quote))
        return result

    def via(self, head: Token | None) -> EntitySpan | None:
        if head is None:
            return None
        span = char_span(phrase_tokens(head))
        if span is None:
            return None
        entity = self._entity_of(head, *span)
        words = self.text[span[0] : span[1]].lower()
        return EntitySpan(
            start=span[0],
            end=span[1],
            text=self.text[span[0] : span[1]],
            entity=entity.id if entity else None,
            kind=self.kind(words, entity),
        )
