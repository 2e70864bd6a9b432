"""The events layer on the hand-written passages of tests/data/events: one case per construction.

Each case names a passage, the event's type and trigger word, and the fields expected of it. Cases
the extractor does not handle yet are strict xfails, so a fix shows up as an XPASS to un-mark.
The whole set is scored by benchmarks/events_eval.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from storyline import pipeline
from storyline.document import EntitySpan

PASSAGES = Path(__file__).parent / "data" / "events" / "passages.jsonl"
TYPES = "DEPART ARRIVE PASS TRAVEL MEET TALKS STATEMENT MILITARY AGREEMENT"
STATUSES = "occurred ongoing planned expected speculated denied"


def _passages() -> dict[str, dict]:
    lines = PASSAGES.read_text(encoding="utf-8").splitlines()
    return {p["id"]: p for p in map(json.loads, lines)}


@pytest.fixture(scope="module")
def docs(nlp: Language) -> dict[str, Doc]:
    """Every passage parsed once, with its publication date."""
    passages = list(_passages().values())
    parsed = pipeline.parse(nlp, [(p["text"], p["published"]) for p in passages])
    # Keyed by the id's first part ("ev15"), which the table below uses.
    return {p["id"].split("-")[0]: doc for p, doc in zip(passages, parsed, strict=True)}


def _names(doc: Doc, entity_id: str | None) -> set[str]:
    entity = next((e for e in doc._.entities if e.id == entity_id), None)
    return {entity.name, *entity.aliases} if entity else set()


def _place_names(doc: Doc, place_id: str | None) -> set[str]:
    place = next((p for p in doc._.places if p.id == place_id), None)
    if place is None:
        return set()
    return {place.text, *([place.name] if place.name else []), *_names(doc, place.entity)}


def _read(doc: Doc, event_type: str, trigger: str) -> dict:
    """The event of that type on that trigger word, with its ids spelled out as names and values."""
    found = [v for v in doc._.events if v.type == event_type and v.trigger.text.lower() == trigger.lower()]
    assert found, (
        f"no {event_type} on {trigger!r}; events: {[(v.type, v.trigger.text) for v in doc._.events]}"
    )
    event = found[0]
    time = next((t.value for t in doc._.times if t.id == event.time), None)
    attribution = next((a for a in doc._.attributions if a.id == event.attribution), None)
    return {
        "actor": _names(doc, event.actor),
        "target": _names(doc, event.target),
        "place": _place_names(doc, event.place),
        "destination": _place_names(doc, event.destination),
        "time": time,
        "status": event.status,
        "source": _source_names(doc, attribution.source) if attribution and attribution.source else set(),
    }


def _source_names(doc: Doc, source: EntitySpan) -> set[str]:
    return {source.text, *_names(doc, source.entity)}


def case(
    name: str, passage: str, event_type: str, trigger: str, fails: str = "", **expected: object
) -> object:
    """One table row; a case with `fails` is a strict xfail, so a fix shows up as an XPASS to un-mark."""
    marks = [pytest.mark.xfail(reason=fails, strict=True)] if fails else []
    return pytest.param(passage, event_type, trigger, expected, marks=marks, id=name)


# One case per construction: name, passage, type, trigger word, the fields expected, and `fails`: what
# the extractor misses today. A name passes when the entity (or place) has it as its name or an alias;
# a tuple gives acceptable alternatives.
# fmt: off
CASES = [
    case("subject-actor", "ev15", "ARRIVE", "arrived",
         actor="Volodymyr Zelensky", place="Washington", time="2023-09-21TMO", status="occurred"),
    case("possessor-of-vehicle-is-actor", "ev01", "PASS", "crossed",
         actor="Alexander Lukashenko", place="Russia", time="2024-03-04", status="occurred"),
    case("the-train-refers-back", "ev01", "PASS", "passed",
         actor="Alexander Lukashenko", place="Smolensk", time="2024-03-04TAF"),
    case("the-convoy-refers-back-to-a-named-convoy", "ev04", "TRAVEL", "heading",
         actor="United Nations", destination="Khan Younis", status="ongoing"),
    case("vehicle-named-by-its-owner", "ev27", "TRAVEL", "sailing",
         actor="China Coast Guard", destination="Second Thomas Shoal", status="ongoing"),
    case("later-surname-mention-is-actor", "ev02", "TALKS", "talks",
         actor="Narendra Modi", target="Karl Nehammer", time="2024-05-14", status="expected"),
    case("pronoun-is-the-last-subject-not-the-nearer-object", "ev33", "TALKS", "talks",
         actor="Volodymyr Zelensky", target="Senate", status="expected"),
    case("talks-with-officials-of-a-nation-not-a-name-in-their-apposition", "ev35", "TALKS", "talks",
         actor="Antony Blinken", target="Chinese"),
    case("a-gerund-after-accused-x-of-is-done-by-x", "ev37", "OTHER", "providing",
         actor="North Korea", target="Russia"),
    case("a-gerund-after-after-is-done-by-the-subject", "ev37", "MEET", "meeting",
         actor="Vladimir Putin", target="Kim Jong-un"),
    case("the-two-leaders-are-the-last-two-titled-leaders-not-a-spokesman", "ev39", "TALKS", "talks",
         actor=("Xi Jinping", "Vladimir Putin"), target=("Xi Jinping", "Vladimir Putin"), time="2023-03-21"),
    case("passive-agent-is-actor", "ev02", "MEET", "met",
         actor="Karl Nehammer", time="2024-05-13TNI"),
    case("passive-subject-is-target", "ev02", "MEET", "met",
         target="Narendra Modi"),
    case("target-is-the-met-party", "ev18", "MEET", "meet",
         actor="Recep Tayyip Erdogan", target="Vladimir Putin", time="2024-08", status="expected"),
    case("target-of-talks-with", "ev13", "TALKS", "talks",
         actor="Antony Blinken", target=("Faisal bin Farhan", "Prince Faisal bin Farhan"), time="2023-10-23"),
    case("place-at", "ev31", "ARRIVE", "arrived",
         actor="Xi Jinping", place=("Vnukovo", "Vnukovo airport", "Moscow"), time="2023-03-20TAF"),
    case("place-in", "ev02", "ARRIVE", "landed",
         actor="Narendra Modi", place="Vienna", time="2024-05-13TNI"),
    case("place-in-beats-the-object's-adjective", "ev20", "MEET", "meet",
         actor="Joe Biden", target="Benjamin Netanyahu", place="Tel Aviv", status="planned"),
    case("destination-to-and-place-via", "ev22", "TRAVEL", "traveled",
         actor="Subrahmanyam Jaishankar", destination="Moscow", place="Tehran", time="2024-07-08"),
    case("destination-toward", "ev03", "TRAVEL", "heading",
         destination="Caribbean", status="ongoing"),
    case("depart-object-is-place-for-is-destination", "ev20", "DEPART", "departed",
         actor="Joe Biden", place="Joint Base Andrews", destination="Tel Aviv", time="2023-10-17TNI"),
    case("a-duration-is-not-the-event's-time", "ev34", "TRAVEL", "fly",
         actor="Narendra Modi", destination="Vienna", time=None, status="expected"),
    case("travel-from-a-place-named-in-its-region", "ev38", "TRAVEL", "flew",
         actor="Vladimir Putin", place="Yakutsk", status="occurred"),
    case("pass-through", "ev03", "PASS", "sailed",
         place="Strait of Gibraltar", time="2023-11-07"),
    case("pass-over", "ev21", "PASS", "flew",
         place="Sea of Japan", time="2024-11-29"),
    case("pass-through-crossing-into-territory", "ev04", "PASS", "crossed",
         place="Kerem Shalom", destination="Gaza", time="2024-07-21"),
    case("relative-clause-own-time-and-actor", "ev15", "DEPART", "left",
         actor="Volodymyr Zelensky", place="Kyiv", time="2023-09-19"),
    case("own-time-not-the-announcement's", "ev12", "MILITARY", "deploy",
         time="2024-07", status="expected"),
    case("noun-event-own-time-not-the-clause's", "ev14", "MEET", "meeting",
         target="Xi Jinping", time="2024-05-08"),
    case("military-deploy-to", "ev12", "MILITARY", "deploy",
         actor="NATO", destination="Romania"),
    case("event-in-attribution-content-carries-source", "ev01", "DEPART", "left",
         actor="Alexander Lukashenko", place="Minsk", time="2024-03-03TEV",
         source=("BelTA", "the state news agency")),
    case("event-in-denied-content", "ev07", "MEET", "met",
         actor="Vladimir Putin", place="Istanbul", time="2024-W35", status="denied"),
    case("status-speculated-could", "ev09", "TRAVEL", "travel",
         actor="Masoud Pezeshkian", destination="New York", time="2024-W38", status="speculated"),
    case("status-planned-plans-to", "ev10", "TRAVEL", "travel",
         actor="Fumio Kishida", destination="Washington", time="2024-04", status="planned"),
    case("status-denied-did-not", "ev08", "TRAVEL", "travel",
         actor="Viktor Orban", destination="Kyiv", time="2024-06-18", status="denied"),
    case("status-ongoing-is-heading", "ev01", "TRAVEL", "heading",
         actor="Alexander Lukashenko", destination="Moscow", status="ongoing"),
    case("status-expected-inherited-by-before-ing", "ev17", "TRAVEL", "returning",
         status="expected", time="2024-09"),
    case("talks-noun-subject-between", "ev25", "TALKS", "Negotiations",
         actor="Serbia", target="Kosovo", place="Brussels", time="2023-07-20", status="planned"),
    case("statement-announced", "ev12", "STATEMENT", "announced",
         actor="Jens Stoltenberg", time="2024-06-18", status="occurred"),
    case("agreement-signed", "ev11", "AGREEMENT", "signed",
         actor="Saudi Arabia", target="Pakistan", place="Riyadh", time="2024-04-10"),
    case("military-fired-from", "ev06", "MILITARY", "fired",
         actor="North Korea", place=("Pyongyang", "Sunan"), time="2023-06-12TMO", status="occurred"),
    case("military-actor-group-not-its-country", "ev26", "MILITARY", "fired",
         actor="Houthi", place="Red Sea", time="2024-01-31"),
]
# fmt: on


@pytest.mark.parametrize(("passage", "event_type", "trigger", "expected"), CASES)
def test_event(docs: dict[str, Doc], passage: str, event_type: str, trigger: str, expected: dict) -> None:
    got = _read(docs[passage], event_type, trigger)
    for field, want in expected.items():
        if field in ("actor", "target", "place", "destination", "source"):
            wanted = {w.lower() for w in ((want,) if isinstance(want, str) else want)}
            assert wanted & {n.lower() for n in got[field]}, f"{field}: {want!r} not in {got[field]}"
        else:
            assert got[field] == want, f"{field}: {got[field]!r} != {want!r}"


def test_signed_agreement_is_one_event(docs: dict[str, Doc]) -> None:
    """'signed a defense cooperation agreement': the verb and its object nouns are one event."""
    doc = docs["ev11"]
    first_sentence = next(iter(doc.sents))
    agreements = [
        v for v in doc._.events if v.type == "AGREEMENT" and v.trigger.end <= first_sentence.end_char
    ]
    assert len(agreements) == 1, [v.trigger.text for v in agreements]


def test_reaching_a_deal_is_no_arrival(docs: dict[str, Doc]) -> None:
    """'reached a secret deal with Cuba': the object is a deal, so 'reach' moves no one to Cuba."""
    assert [v.type for v in docs["ev36"]._.events if v.trigger.text == "reached"] == []


def test_gold_passages_are_well_formed() -> None:
    """The gold set covers every type and status, and every gold name is written in its passage."""
    passages = list(_passages().values())
    events = [(p, e) for p in passages for e in p["events"]]
    assert len(passages) >= 24
    assert {e["type"] for _, e in events} == set(TYPES.split())
    assert {e["status"] for _, e in events if "status" in e} == set(STATUSES.split())
    for passage, event in events:
        text = passage["text"].lower()
        for field in ("actor", "target", "place", "destination"):
            names = event.get(field) or []
            names = [names] if isinstance(names, str) else names
            assert not names or any(n.lower() in text for n in names), (passage["id"], field, names)


@pytest.mark.parametrize(
    ("sentence", "trigger", "actor"),
    [
        ("Yemen's Houthi rebels fired two missiles at a U.S. destroyer on Wednesday.", "fired", "Houthi"),
        ("The Chinese navy hospital ship Peace Ark left Qingdao on Saturday.", "left", "Peace Ark"),
        ("Kim Jong-un's armored train crossed into Russia early on Tuesday.", "crossed", "Kim Jong-un"),
    ],
)
def test_actor_is_the_group_or_vehicle_named_not_an_adjective(
    nlp: Language, sentence: str, trigger: str, actor: str
) -> None:
    doc = nlp(sentence)
    names = {e.id: e.name for e in doc._.entities}
    event = next(v for v in doc._.events if v.trigger.text == trigger)
    assert names.get(event.actor or "") == actor


@pytest.mark.parametrize(
    "sentence",
    [
        "There were blue skies with just a few wisps of clouds and temperatures were expected to reach the "
        "70s (about 22 degrees Celsius) after a chilly night.",
    ],
)
def test_a_movement_verb_with_no_one_going_anywhere_is_no_event(nlp: Language, sentence: str) -> None:
    doc = nlp(sentence)
    assert not [v for v in doc._.events if v.type in ("DEPART", "ARRIVE", "PASS", "TRAVEL")]


def test_an_event_in_a_where_clause_takes_the_place_it_hangs_on(nlp: Language) -> None:
    doc = nlp(
        "U.S. Secretary of State Antony Blinken held talks in Riyadh on Monday. Blinken then flew to Amman, "
        "where he is due to meet King Abdullah II on Tuesday."
    )
    places = {p.id: p.text for p in doc._.places}
    meet = next(v for v in doc._.events if v.trigger.text == "meet")
    assert places.get(meet.place or "") == "Amman"


def test_a_named_vessel_is_remembered_by_what_it_is(nlp: Language) -> None:
    doc = nlp(
        "The Russian frigate Admiral Gorshkov sailed through the Strait of Gibraltar on Tuesday. "
        "The frigate is expected to arrive in Havana next week."
    )
    names = {e.id: e.name for e in doc._.entities}
    arrive = next(v for v in doc._.events if v.trigger.text == "arrive")
    assert names.get(arrive.actor or "") == "Admiral Gorshkov"
