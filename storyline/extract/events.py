"""The events layer (`doc._.events`): who did what, where, when, on whose word.

Triggers come from a lexicon of lemmas (`resources/event_triggers.tsv`); arguments come from
the dependency parse: the actor is the clause's subject (inherited through "plans to travel",
"and is moving", "before heading"; "Kim's train" and a later "the train" are Kim), the place
and destination are prepositional or direct objects that hold a place, the time is the
clause's own time expression (else the governing clause's), and the status combines the
clause's modality with the certainty of the attribution whose content holds the trigger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.document import Attribution, Event, Span
from storyline.extract import clauses
from storyline.extract.lexicon import leader_words, vehicle_words
from storyline.extract.sentences import sentence
from storyline.geo.features import feature_words
from storyline.resources import read_json, read_lines

_PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "their"}
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = {"who", "which", "that"}
_NEUTER = {"its", "their"}
_MOVEMENT = {"DEPART", "ARRIVE", "PASS", "TRAVEL"}
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
_SPECULATIVE = {"could", "may", "might", "possibly", "perhaps", "possible", "potential", "reportedly"}
_EXPECTED = {"will", "would", "'ll", "shall", "likely", "expected", "upcoming"}
_PLANNING = {"plan", "set", "schedule", "intend", "prepare", "aim", "due", "planned", "scheduled"}
_DENYING = {"deny", "reject", "dismiss", "refute"}
_NEGATION = {"not", "n't", "never"}
_FROM_CERTAINTY = {
    "speculated": "speculated",
    "unknown": "speculated",
    "expected": "expected",
    "denied": "denied",
}

# Which preposition (or "dobj") names the place or the destination of each event type, best first.
_PLACE_WORDS = {
    "DEPART": ("dobj", "from", "in", "at"),
    "ARRIVE": ("at", "in", "into", "on", "dobj"),
    "PASS": ("through", "via", "over", "across", "past", "dobj", "by", "in", "near"),
    "TRAVEL": ("through", "via", "over", "across", "past", "in", "at", "from"),
    "MILITARY": ("in", "near", "over", "off", "into", "across", "from"),
}
_DESTINATION_WORDS = {
    "DEPART": ("for", "to", "toward", "towards"),
    "PASS": ("into", "to", "toward", "towards"),
    "TRAVEL": ("to", "toward", "towards", "for", "into", "dobj"),
    "MILITARY": ("to", "toward", "towards"),
}
_DEFAULT_PLACE_WORDS = ("in", "at", "near", "on")
_PAIR_NOUNS = {
    "leader": "PERSON",
    "president": "PERSON",
    "minister": "PERSON",
    "man": "PERSON",
    "official": "PERSON",
    "country": "GPE",
    "nation": "GPE",
    "state": "GPE",
    "government": "GPE",
    "side": "GPE",
    "neighbour": "GPE",
    "neighbor": "GPE",
}
_PLACE_DEPTH = 3
# Events whose place the parser often hangs on a participant: "talks with X in Riyadh", "fired a missile
# at a destroyer in the Red Sea". A movement's nested "in X" belongs to its goal ("left for talks in Y").
_PLACE_ON_PARTICIPANT = {"MEET", "TALKS", "AGREEMENT", "MILITARY"}
_CROSSING = {"through", "via", "over", "across", "past"}
_TOWARD = {"into", "to", "toward", "towards", "from"}


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
        table[(lemma, pos)] = Trigger(kind, _dash_none(plover), _dash_none(needs))
    return table


def _dash_none(value: str) -> str | None:
    return None if value == "-" else value


@cache
def referring_nouns() -> dict[str, list[str]]:
    return dict(read_json("referring_nouns.json")["nouns"])


@cache
def force_words() -> frozenset[str]:
    return frozenset(read_lines("force_words.txt"))


def trigger_of(token: Token) -> Trigger | None:
    return triggers().get((token.lemma_.lower(), "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_))


@Language.factory("storyline_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()


class EventExtractor:
    def __call__(self, doc: Doc) -> Doc:
        reading = _Reading(doc)
        events: list[Event] = []
        for token in doc:
            trigger = trigger_of(token)
            if trigger is None or _restates(token, trigger):
                continue
            event = reading.event(token, trigger, f"v{len(events) + 1}")
            if event is not None:
                events.append(event)
        doc._.events = events
        return doc


def _restates(token: Token, trigger: Trigger) -> bool:
    """A noun that only restates another trigger: "signed an agreement", "a cooperation agreement",
    "said in a statement"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    head = token.head
    if token.dep_ == "compound" and trigger_of(head) is not None:
        return True
    if (
        token.dep_ in ("dobj", "attr")
        and (other := trigger_of(head)) is not None
        and other.type == trigger.type
    ):
        return True
    return trigger.type == "STATEMENT" and token.dep_ == "pobj" and head.lower_ == "in"


class _Reading:
    """One document's layers indexed by token, and the memory of whom the vehicles carry."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entity = _by_token(doc, [(e.id, m) for e in doc._.entities or [] for m in e.mentions])
        self.entity_type = {e.id: e.type for e in doc._.entities or []}
        self.entity_kind = {e.id: e.kind for e in doc._.entities or [] if e.type == "ORG"}
        self.title_words = {
            e.id: {w.lower() for text in (e.name, *e.titles) for w in text.split()}
            for e in doc._.entities or []
            if e.type == "PERSON"
        }
        self.place = _by_token(doc, [(p.id, p) for p in doc._.places or []])
        # An event happens at a date or a time; a duration or a set in its clause is not when
        # ("the first visit ... in more than four decades").
        self.time = _by_token(doc, [(t.id, t) for t in doc._.times or [] if t.type in ("DATE", "TIME")])
        self.attributions: list[Attribution] = list(doc._.attributions or [])
        self.vehicle_owner: dict[str, str] = {}

    def event(self, token: Token, trigger: Trigger, event_id: str) -> Event | None:
        clause = clauses.clause_head(token)
        place, destination, crossing, named = self._places(token, clause, trigger.type)
        if trigger.needs == "place" and not (place or destination or named or _has_direction(token)):
            return None
        actor, target = self._participants(token, clause)
        if trigger.needs == "force" and not (place or self._is_force(token, actor)):
            return None
        if trigger.type in _MOVEMENT and not (actor or place or destination):
            return None  # "temperatures were expected to reach the 70s": nobody goes anywhere
        kind = "PASS" if trigger.type == "TRAVEL" and crossing and not destination else trigger.type
        attribution = self._attribution(token)
        return Event(
            id=event_id,
            type=kind,  # type: ignore[arg-type]
            plover=trigger.plover,
            trigger=Span(start=token.idx, end=token.idx + len(token.text), text=token.text),
            actor=actor,
            target=None if kind in _MOVEMENT else target,
            place=place,
            destination=destination,
            time=self._own_time(token, clause) or self._time(clause),
            attribution=attribution.id if attribution else None,
            status=_status(token, clause, attribution),  # type: ignore[arg-type]
        )

    # -- participants

    def _participants(self, token: Token, clause: Token) -> tuple[str | None, str | None]:
        """(actor, target): "Kim's visit", "a visit by Kim", "talks between X and Y", else the subject."""
        between = next((c for c in token.children if c.lower_ == "between"), None)
        pair = [t for t in between.subtree if t.dep_ in ("pobj", "conj")] if between is not None else []
        if len(pair) >= 2:
            return self._resolve(pair[0]), self._resolve(pair[1])
        possessor = clauses.child(token, "poss")
        subjects = [s for s in clauses.subjects(clause) if s != token]
        actor = None
        if token.pos_ == "NOUN" and possessor is not None and possessor.lower_ not in _NEUTER:
            actor = self._resolve(possessor)
        elif (by := clauses.agent(token)) is not None:  # "he was met by Nehammer": the met party is "he"
            actor = self._resolve(by)
            passive = next((s for s in subjects if s.dep_ == "nsubjpass"), None)
            if passive is not None and (target := self._resolve(passive)) not in (None, actor):
                return actor, target
        elif subjects:
            if (two := self._pair(subjects[0])) is not None:
                return two
            actor = next((found for s in subjects if (found := self._resolve(s))), None)
            for subject in subjects:  # "the hospital ship Peace Ark": later "the ship" is Peace Ark
                self._remember(subject, actor)
        elif clause.dep_ == "acl" and (clause.tag_ != "VBN" or _heads_somewhere(clause)):
            actor = self._resolve(clause.head)  # "a convoy of 12 trucks crossed into Gaza", misparsed
        return actor, self._target(token, clause, actor)

    def _pair(self, subject: Token) -> tuple[str, str] | None:
        """'the two leaders', 'both countries': the last two people or states named before; for leaders,
        the last two whose titles say they lead, passing over a spokesman named in between."""
        counted = any(c.lower_ in ("two", "both") for c in subject.children) or subject.lower_ == "both"
        if not counted or subject.lemma_ not in _PAIR_NOUNS:
            return None
        wanted = _PAIR_NOUNS[subject.lemma_]
        if subject.lemma_ in ("leader", "president"):
            leaders = self._last_two(subject, lambda e: bool(self.title_words.get(e, set()) & leader_words()))
            if leaders is not None:
                return leaders
        return self._last_two(subject, lambda e: self.entity_type.get(e) == wanted)

    def _last_two(self, subject: Token, fits: Callable[[str], bool]) -> tuple[str, str] | None:
        found: list[str] = []
        for i in range(subject.i - 1, -1, -1):
            entity = self.entity.get(i)
            if entity and fits(entity) and entity not in found:
                found.append(entity)
                if len(found) == 2:
                    return found[1], found[0]
        return None

    def _resolve(self, token: Token) -> str | None:
        """The entity a noun phrase names: itself, the armed group named in it ("Yemen's Houthi rebels"), its
        possessor ("Kim's train"), a pronoun's antecedent, the head of a relative clause, a name beside it
        ("the ship Peace Ark"), or a vehicle's owner."""
        group = next(
            (c for c in token.children if c.dep_ in ("compound", "amod") and self._is_group(c)), None
        )
        if group is not None and token.i not in self.entity and token.lemma_.lower() in force_words():
            return self.entity[group.i]
        possessor = clauses.child(token, "poss")
        if possessor is not None and possessor.lower_ not in _NEUTER:
            return self._remember(token, self._resolve(possessor))
        if token.i in self.entity:
            return self.entity[token.i]
        if token.lower_ in _PRONOUNS:
            return self._antecedent(token)
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            return self._resolve(token.head.head)
        named = sorted(
            (c for c in token.children if c.i in self.entity and self._names_its_head(c)),
            key=lambda c: c.dep_ == "amod",  # "the Chinese navy ship Peace Ark" is the ship, then its navy's
        )
        if named:
            return self._remember(token, self.entity[named[0].i])
        if token.lemma_ in self.vehicle_owner:
            return self.vehicle_owner[token.lemma_]
        if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
            return self._by_title(token) or self._by_kind(token)
        if token.dep_ == "pobj" and token.head.lower_ == "of":  # "a convoy of 12 trucks"
            return self._resolve(token.head.head)
        return None

    def _names_its_head(self, child: Token) -> bool:
        """A name beside a noun that says who it is ("the ship Peace Ark", "Chinese officials"); not one
        deeper in the phrase ("officials, the highest-level U.S. visit")."""
        if child.dep_ in ("compound", "nmod", "appos"):
            return True
        nationality = child.dep_ == "amod" and self.entity_type.get(self.entity[child.i]) in ("NORP", "GPE")
        # a ship is its name's, or its owner's, not its flag's
        return nationality and child.head.lemma_ not in vehicle_words()[1]

    def _is_group(self, token: Token) -> bool:
        entity = self.entity.get(token.i)
        return entity is not None and self.entity_type.get(entity) in ("NORP", "ORG")

    def _remember(self, token: Token, owner: str | None) -> str | None:
        """Remember whom the vehicles of the phrase carry ("the frigate X", later "the frigate")."""
        if owner:
            for word in clauses.phrase(token):
                if word.lemma_ in vehicle_words()[1]:
                    self.vehicle_owner[word.lemma_] = owner
        return owner

    def _by_title(self, token: Token) -> str | None:
        """'the pope', 'the president': the last person before it whose name or title holds the word."""
        for i in range(token.i - 1, -1, -1):
            entity = self.entity.get(i)
            if entity and token.lower_ in self.title_words.get(entity, ()):
                return entity
        return None

    def _by_kind(self, token: Token) -> str | None:
        """'the alliance', 'the company': the last organisation before it of a kind the noun refers to."""
        kinds = referring_nouns().get(token.lemma_.lower())
        if not kinds:
            return None
        for i in range(token.i - 1, -1, -1):
            entity = self.entity.get(i)
            if entity and self.entity_kind.get(entity) in kinds:
                return entity
        return None

    def _antecedent(self, token: Token) -> str | None:
        """The person a personal pronoun refers to: in its sentence or the one before, the last person
        who is a clause's subject ("Zelensky will meet Biden and visit Capitol Hill, where he ..." is
        Zelensky), else the nearest person; never the subject of the pronoun's own clause ("Kim said Putin
        would meet him")."""
        own_subject = {c.i for c in token.head.subtree if c.dep_ in _SUBJECTS and c.head == token.head}
        start = sentence(self.doc, token.i).start
        if start > 0:
            start = sentence(self.doc, start - 1).start
        nearest = None
        for i in range(token.i - 1, -1, -1):
            entity = self.entity.get(i)
            if not entity or self.entity_type.get(entity) != "PERSON":
                continue
            name_head = _name_head(self.doc[i])
            if name_head.i in own_subject:
                continue
            if i < start:
                return nearest or entity
            if name_head.dep_ in _SUBJECTS:
                return entity
            nearest = nearest or entity
        return nearest

    def _target(self, token: Token, clause: Token, actor: str | None) -> str | None:
        """Whom a meeting or talks are with: the object, a 'with' phrase, or the actor's partner."""
        candidates = [c for c in token.children if c.dep_ == "dobj"]
        for head in (token, clause):
            candidates += [
                g for c in head.children if c.lower_ in ("with", "at", "against") for g in c.children
            ]
        for subject in clauses.subjects(clause):
            candidates += [c for c in subject.children if c.dep_ == "conj"]
        for candidate in candidates:
            entity = self._resolve(candidate)
            if entity and entity != actor:
                return entity
        return None

    def _is_force(self, token: Token, actor: str | None) -> bool:
        """A weapon or armed force beside the word, or a state acting."""
        arguments = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "compound")]
        near = [t for c in arguments for t in c.subtree]
        if token.head != token:
            near.append(token.head)
        if any(t.lemma_.lower() in force_words() for t in near):
            return True
        return actor is not None and self.entity_type.get(actor) in ("GPE", "NORP")

    # -- place and time

    def _places(self, token: Token, clause: Token, kind: str) -> tuple[str | None, str | None, bool, bool]:
        """(place, destination, whether the place is crossed, whether any proper name is the goal)."""
        heads = [token, *_carriers(token, clause)]
        place_words = _PLACE_WORDS.get(kind, _DEFAULT_PLACE_WORDS)
        goal_words = _DESTINATION_WORDS.get(kind, ())
        found: dict[str, list[tuple[int, int, str, str]]] = {"place": [], "destination": []}
        named = False
        for head in heads:
            for dependent in head.children:
                if dependent == token or token in dependent.subtree:
                    continue
                word = "dobj" if dependent.dep_ == "dobj" else dependent.lower_
                role = "destination" if word in goal_words else "place" if word in place_words else None
                if role is None:
                    continue
                named = named or _names_a_place(dependent)
                if (where := self._place_in(dependent)) is not None:
                    crossing_first = kind == "PASS" and word not in _CROSSING | {"dobj"}
                    found[role].append((int(crossing_first), abs(dependent.i - token.i), where, word))
        if not found["place"] and kind in _PLACE_ON_PARTICIPANT:
            nested = [
                t
                for head in heads
                for t in clauses.phrase(head)
                if t.lower_ in ("in", "at") and t.dep_ == "prep"
            ]
            found["place"] = [(0, 0, p, "in") for t in nested if (p := self._place_in(t)) is not None]
        if not found["place"] and (where := self._where(clause)) is not None:
            found["place"] = [(0, 0, where, "where")]  # "flew to Amman, where he is due to meet the king"
        best = min(found["place"], default=None)
        goal = min(found["destination"], default=None)
        if kind == "PASS" and best is None:  # "crossed into Russia": the border crossed is Russia's
            best, goal = goal, None
        crossing = best is not None and best[3] in _CROSSING
        return (best[2] if best else None), (goal[2] if goal else None), crossing, named

    def _where(self, clause: Token) -> str | None:
        """The place a "where" clause the event sits in hangs on: "Amman, where he is due to meet ..."."""
        for head in clauses.governing(clause):
            if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
                return self.place.get(head.head.i)
        return None

    def _place_in(self, dependent: Token) -> str | None:
        """The place an object or prepositional phrase names: its head name, not an adjective in it
        ("the Russian border city of Khasan" is Khasan, not Russia), nor a name that only says whose
        a thing is ("at a U.S. destroyer"; but "at Khasan station"), nor a place deep inside it
        ("at the start of a tour of Asia")."""
        is_prep = dependent.dep_ == "prep"
        if not is_prep and dependent.i not in self.place and dependent.lemma_.lower() not in feature_words():
            return None  # "reached a deal with Cuba": the object is no place ("left the port of Qingdao" is)
        objects = [g for g in dependent.children if g.dep_ in ("pobj", "pcomp")] if is_prep else [dependent]
        for obj in objects:
            if obj.i in self.place:  # the phrase's head is a place: "in Russia's Far East" is the Far East
                return self.place[obj.i]
            names = [
                t
                for t in clauses.phrase(obj)
                if t.i in self.place
                and t.dep_ != "amod"
                and t.pos_ != "ADJ"
                and not _owner_of_thing(t)
                and clauses.depth_below(t, obj) <= _PLACE_DEPTH
            ]
            if names:
                return self.place[names[0].i]
        return None

    def _own_time(self, token: Token, clause: Token) -> str | None:
        """A noun event's own time ("a meeting with Xi on Wednesday"), or that of the verbs that carry
        it ("talks are scheduled to resume on Thursday")."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        carriers = [c for c in _carriers(token, clause) if c != clause]
        phrases = [t for head in (token, *carriers) for t in clauses.phrase(head)]
        return next((self.time[t.i] for t in phrases if t.i in self.time), None)

    def _time(self, clause: Token) -> str | None:
        """The clause's own time expression, else that of the clause it depends on."""
        head: Token | None = clause
        while head is not None:
            for token in clauses.phrase(head):
                if token.i in self.time:
                    return self.time[token.i]
            parent = head.head
            head = clauses.clause_head(parent) if head.dep_ in clauses.CLAUSAL and parent != head else None
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


def _owner_of_thing(token: Token) -> bool:
    """A name compounded onto a thing that is not a place: "a U.S. destroyer" (but "Khasan station")."""
    return token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.lower_ not in feature_words()


def _name_head(token: Token) -> Token:
    """The token a name hangs on the sentence by: "Zelensky" of "Volodymyr Zelensky"."""
    while token.dep_ in ("compound", "flat") and token.head != token:
        token = token.head
    return token


def _names_a_place(dependent: Token) -> bool:
    """Whether an object or a prepositional phrase is headed by a name ("reached Khasan", "into Bhutan"),
    which may be a place the gazetteer lacks; "reached a deal with Cuba" is headed by a deal."""
    heads = (
        [g for g in dependent.children if g.dep_ in ("pobj", "pcomp")]
        if dependent.dep_ == "prep"
        else [dependent]
    )
    return any(h.pos_ == "PROPN" for h in heads)


def _carriers(token: Token, clause: Token) -> list[Token]:
    """The verbs a noun event hangs on: "held talks in Riyadh", "talks took place in Lima", "on its way
    to", "talks are scheduled to resume in Brussels" (the clause and its 'to' clause)."""
    if token == clause or token.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return []
    return [clause, *(c for c in clause.children if c.dep_ == "xcomp")]


def _heads_somewhere(verb: Token) -> bool:
    """A participle that goes somewhere ("trucks crossed into Gaza") is a finite verb the parse took for a
    reduced relative; a passive one ("trucks seized by police") is not."""
    return clauses.agent(verb) is None and any(
        c.dep_ == "prep" and c.lower_ in _CROSSING | _TOWARD for c in verb.children
    )


def _has_direction(token: Token) -> bool:
    return any(c.lower_ in _DIRECTIONS for c in token.children)


def _status(token: Token, clause: Token, attribution: Attribution | None) -> str:
    """Occurred unless the clause's modality or the source's certainty says otherwise."""
    chain = clauses.control_chain(clause)
    words = clauses.modal_words([token, *chain])
    controlling = {t.lemma_.lower() for t in chain[1:]} | {t.lower_ for t in chain[1:]}
    if token != clause and token.dep_ in clauses.SUBJECTS:  # "talks are scheduled to resume"
        controlling |= {clause.lemma_.lower(), clause.lower_}
    if words & _NEGATION or any(t.lemma_.lower() in _DENYING for t in clauses.governing(clause)[1:]):
        status = "denied"
    elif words & _SPECULATIVE:
        status = "speculated"
    elif (controlling | words) & _PLANNING:
        status = "planned"
    elif words & _EXPECTED or "expect" in controlling:
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
