"""The events layer (`doc._.events`): who did what, where, when, on whose word.

Triggers come from a lexicon of lemmas (`resources/event_triggers.tsv`); arguments come from
the dependency parse: the actor is the clause's subject (inherited through "plans to travel",
"and is moving", "before heading"; "Kim's train" and a later "the train" are Kim), the place
and destination are prepositional or direct objects that hold a resolved place, the time is
the clause's own time expression (else the governing clause's), and the status combines the
clause's modality with the certainty of the attribution whose content holds the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.document import Attribution, Event, Span
from storyline.resources import read_lines

_CLAUSAL = {"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "csubj", "pcomp"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_INHERITS_SUBJECT = {"conj", "xcomp", "advcl", "pcomp", "acl"}
_PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their"}
_NEUTER = {"its", "their"}
_MOVEMENT = {"DEPART", "ARRIVE", "PASS", "TRAVEL"}
_VEHICLES = {
    "train",
    "plane",
    "aircraft",
    "jet",
    "motorcade",
    "convoy",
    "ship",
    "vessel",
    "delegation",
    "car",
}
_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northward",
    "southward",
    "eastward",
    "westward",
    "home",
    "abroad",
}
_PLACE_PREPS = {"at", "in", "near", "outside", "inside", "on", "from", "off"}
_DESTINATION_PREPS = {"to", "toward", "towards", "for", "into"}
_PASS_PREPS = {"through", "via", "over", "across", "past", "into", "by"}
_SPECULATIVE = {"could", "may", "might", "possibly", "perhaps", "possible", "potential", "reportedly"}
_EXPECTED = {"will", "would", "'ll", "shall", "likely", "expected", "upcoming"}
_PLANNING = {"plan", "set", "schedule", "intend", "prepare", "aim", "due", "planned", "scheduled"}
_FROM_CERTAINTY = {
    "speculated": "speculated",
    "unknown": "speculated",
    "expected": "expected",
    "denied": "denied",
}


@dataclass(frozen=True)
class Trigger:
    type: str
    plover: str | None
    needs: str | None  # "place" or "force": what must stand beside the word for it to be an event


@cache
def triggers() -> dict[tuple[str, str], Trigger]:
    """(lemma, VERB|NOUN) -> Trigger, from the resource file."""
    table = {}
    for line in read_lines("event_triggers.tsv"):
        lemma, pos, kind, plover, needs = line.split("\t")
        table[(lemma, pos)] = Trigger(
            kind, None if plover == "-" else plover, None if needs == "-" else needs
        )
    return table


def _dash_none(value: str) -> str | None:
    return None if value == "-" else value


@cache
def force_words() -> frozenset[str]:
    return frozenset(read_lines("force_words.txt"))


@Language.factory("storyline_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        reading = _Reading(doc)
        events: list[Event] = []
        for token in doc:
            trigger = triggers().get(
                (token.lemma_.lower(), "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_)
            )
            if trigger is None:
                continue
            event = reading.event(token, trigger, f"v{len(events) + 1}")
            if event is not None:
                events.append(event)
        doc._.events = events
        return doc


class _Reading:
    """One document's layers indexed by token, and the memory of who the vehicles belong to."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entity = _by_token(doc, [(e.id, m) for e in doc._.entities or [] for m in e.mentions])
        self.entity_type = {e.id: e.type for e in doc._.entities or []}
        self.place = _by_token(doc, [(p.id, p) for p in doc._.places or []])
        self.time = _by_token(doc, [(t.id, t) for t in doc._.times or []])
        self.attributions: list[Attribution] = list(doc._.attributions or [])
        self.vehicle_owner: dict[str, str] = {}

    def event(self, token: Token, trigger: Trigger, event_id: str) -> Event | None:
        clause = _clause_head(token)
        place, destination = self._places(token, trigger)
        if trigger.needs == "place" and not (place or destination or _has_direction(token)):
            return None
        actor = self._actor(token, clause)
        if trigger.needs == "force" and not (place or self._is_force(token, actor)):
            return None
        target = None if trigger.type in _MOVEMENT else self._target(token, clause, actor)
        attribution = self._attribution(token)
        return Event(
            id=event_id,
            type=trigger.type,  # type: ignore[arg-type]
            plover=trigger.plover,
            trigger=Span(start=token.idx, end=token.idx + len(token.text), text=token.text),
            actor=actor,
            target=target,
            place=place,
            destination=destination,
            time=self._time(clause),
            attribution=attribution.id if attribution else None,
            status=_status(token, clause, attribution),  # type: ignore[arg-type]
        )

    # -- arguments

    def _is_force(self, token: Token, actor: str | None) -> bool:
        """A weapon or armed force beside the word, or a state or armed group acting."""
        near = [
            t
            for c in token.children
            if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound")
            for t in c.subtree
        ]
        if token.head is not token:
            near.append(token.head)
        if any(t.lemma_.lower() in force_words() for t in near):
            return True
        return actor is not None and self.entity_type.get(actor) in ("GPE", "NORP")

    def _actor(self, token: Token, clause: Token) -> str | None:
        possessor = _child(token, "poss")
        if token.pos_ == "NOUN" and possessor is not None and possessor.lower_ not in _NEUTER:
            return self._resolve(possessor)
        agent = _agent(token)
        if agent is not None:
            return self._resolve(agent)
        subject = _subject(clause)
        return self._resolve(subject) if subject is not None else None

    def _resolve(self, token: Token) -> str | None:
        """The entity a subject names: itself, its possessor ("Kim's train"), a pronoun or vehicle's owner."""
        possessor = _child(token, "poss")
        if possessor is not None and possessor.lower_ not in _NEUTER:
            owner = self._resolve(possessor)
            if owner and token.lemma_ in _VEHICLES:
                self.vehicle_owner[token.lemma_] = owner
            return owner
        if token.i in self.entity:
            return self.entity[token.i]
        if token.lower_ in _PRONOUNS:
            return self._antecedent(token)
        if token.lemma_ in _VEHICLES:
            return self.vehicle_owner.get(token.lemma_)
        compound = [
            t for t in token.subtree if t.i in self.entity and t.dep_ in ("compound", "nmod", "appos")
        ]
        return self.entity[compound[0].i] if compound else None

    def _antecedent(self, token: Token) -> str | None:
        """The nearest person mentioned before a personal pronoun."""
        for i in range(token.i - 1, -1, -1):
            entity = self.entity.get(i)
            if entity and self.entity_type.get(entity) == "PERSON":
                return entity
        return None

    def _target(self, token: Token, clause: Token, actor: str | None) -> str | None:
        """Whom a meeting or talks are with: the object, a 'with' phrase, or the actor's partner."""
        candidates = [c for c in token.children if c.dep_ == "dobj"]
        candidates += [
            g for c in token.children if c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
        ]
        subject = _subject(clause)
        if subject is not None:
            candidates += [c for c in subject.children if c.dep_ == "conj"]
        for candidate in candidates:
            entity = self._resolve(candidate)
            if entity and entity != actor:
                return entity
        return None

    def _places(self, token: Token, trigger: Trigger) -> tuple[str | None, str | None]:
        """(place, destination) from the trigger's objects and prepositional phrases."""
        place = destination = None
        heads = [token]
        if token.lemma_ == "way" and token.head.dep_ == "prep":  # "is on its way to ..."
            heads.append(token.head.head)
        for head in heads:
            for child in head.children:
                if child is token or token in child.subtree:
                    continue
                found = self._place_in(child)
                if found is None:
                    continue
                role = _role(trigger.type, child)
                if role == "destination" and destination is None:
                    destination = found
                elif role == "place" and place is None:
                    place = found
        return place, destination

    def _place_in(self, child: Token) -> str | None:
        """The first place inside an object or a prepositional phrase, without entering other clauses."""
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        elif child.dep_ in ("dobj", "npadvmod", "advmod"):
            objects = [child]
        else:
            return None
        for obj in objects:
            # The phrase's own name before its modifiers: "the Russian border city of Khasan" is Khasan.
            tokens = [t for t in _phrase(obj) if t.i in self.place]
            named = [t for t in tokens if t.dep_ != "amod" and t.pos_ in ("PROPN", "NOUN")]
            if named or tokens:
                return self.place[(named or tokens)[0].i]
        return None

    def _time(self, clause: Token) -> str | None:
        """The clause's own time expression, else that of the clause it depends on."""
        head: Token | None = clause
        while head is not None:
            for token in _phrase(head):
                if token.i in self.time:
                    return self.time[token.i]
            head = _clause_head(head.head) if head.dep_ in _CLAUSAL and head.head is not head else None
        return None

    def _attribution(self, token: Token) -> Attribution | None:
        """The narrowest attribution whose content holds the trigger."""
        holding = [a for a in self.attributions if a.content.start <= token.idx < a.content.end]
        return min(holding, key=lambda a: a.content.end - a.content.start) if holding else None


def _by_token(doc: Doc, items: list[tuple[str, Span]]) -> dict[int, str]:
    """token index -> id of the item whose character span covers the token."""
    index: dict[int, str] = {}
    for item_id, span in items:
        char_span = doc.char_span(span.start, span.end, alignment_mode="expand")
        if char_span is not None:
            for token in char_span:
                index.setdefault(token.i, item_id)
    return index


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _clause_head(token: Token) -> Token:
    """The verb whose clause a noun trigger belongs to ("hold a summit" -> hold); a verb is its own."""
    while (
        token.pos_ not in ("VERB", "AUX")
        and token.dep_ in ("dobj", "pobj", "prep", "attr")
        and token.head is not token
    ):
        token = token.head
    return token


def _subject(clause: Token) -> Token | None:
    """The clause's subject, inherited from the governing clause for conjuncts, 'to' and '-ing' clauses."""
    token = clause
    for _ in range(6):
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        if token.dep_ == "prep" or (token.dep_ in _INHERITS_SUBJECT and token.head is not token):
            token = token.head
        else:
            return None
    return None


def _agent(token: Token) -> Token | None:
    """'the first visit to Russia by Kim', 'was attacked by rebels': the 'by' phrase's object."""
    by = next(
        (c for c in token.children if c.dep_ == "agent" or (c.lower_ == "by" and token.pos_ == "NOUN")), None
    )
    return next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None


def _phrase(head: Token) -> list[Token]:
    """The head's subtree without the clauses attached to it."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in _CLAUSAL)
    return sorted(out, key=lambda t: t.i)


def _role(event_type: str, child: Token) -> str:
    """Whether a dependent names where the event happens or where it goes."""
    word = child.lower_
    if child.dep_ != "prep":
        return "destination" if event_type == "TRAVEL" and child.dep_ == "dobj" else "place"
    if word in _DESTINATION_PREPS and event_type in ("DEPART", "TRAVEL"):
        return "destination"
    if event_type == "PASS" and word in _PASS_PREPS | _PLACE_PREPS:
        return "place"
    return "place" if word in _PLACE_PREPS | _PASS_PREPS | {"into"} else "none"


def _has_direction(token: Token) -> bool:
    return any(c.lower_ in _DIRECTIONS for c in token.children)


def _status(token: Token, clause: Token, attribution: Attribution | None) -> str:
    """Occurred unless the clause's modality or the source's certainty says otherwise."""
    words = {
        c.lower_
        for c in (*token.children, *clause.children)
        if c.dep_ in ("aux", "auxpass", "advmod", "amod", "neg")
    }
    chain = [clause]
    while chain[-1].dep_ in ("xcomp", "pcomp", "prep") and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    governing = {t.lemma_.lower() for t in chain[1:]} | {t.lower_ for t in chain[1:]}
    if "not" in words or "n't" in words or "never" in words:
        status = "denied"
    elif words & _SPECULATIVE:
        status = "speculated"
    elif governing & _PLANNING or words & _PLANNING:
        status = "planned"
    elif words & _EXPECTED or governing & {"expect"}:
        status = "expected"
    elif _is_ongoing(token, clause):
        status = "ongoing"
    else:
        status = "occurred"
    if attribution is not None and status in ("occurred", "ongoing"):
        status = _FROM_CERTAINTY.get(attribution.certainty, status)
    return status


def _is_ongoing(token: Token, clause: Token) -> bool:
    """'is moving north', 'is on its way': a present progressive or a present-tense 'be on the way'."""
    present_be = any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in clause.children)
    if token.tag_ == "VBG" and present_be:
        return True
    return token.lemma_ == "way" and clause.lemma_ == "be" and clause.tag_ in ("VBZ", "VBP")
