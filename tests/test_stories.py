"""Stories: name resolution, clustering decisions, the merged view and the stories/story/timeline commands.

Documents here are built by hand (no spaCy) so that each test states exactly which facts the
documents report; ingestion through the real pipeline is tested in test_store_ingest.py.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from storyline.cli.common import app
from storyline.document import Attribution, Document, Entity, EntitySpan, Event, Place, Span, TimeExpression
from storyline.store import open_store, schema
from storyline.store.ingest import load_vocabulary, store_document
from storyline.store.read import story_list
from storyline.story import cluster
from storyline.story.cluster import StoryProfile
from storyline.story.merge import resolve
from storyline.story.names import name_key, phonetic_key, same_name

runner = CliRunner()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kim Jong Un", "Kim Jong-un", True),
        ("Kim Jong Un", "KIM JONG UN", True),
        ("Choe Son Hui", "Choi Sun-hee", True),
        ("Choe Sŏn-hŭi", "Choe Son Hui", True),
        ("Muammar Gaddafi", "Moammar Qaddafi", True),
        ("Vladimir Putin", "Vladimir Poutine", True),
        ("Tim Cook", "Tom Cook", False),
        ("John Smith", "Joan Smith", False),
        ("Kim Jong Un", "Kim Yo Jong", False),
        ("Sergei Lavrov", "Sergei Shoigu", False),
    ],
)
def test_same_name_across_romanisations(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same


def test_name_key_folds_case_hyphens_and_articles() -> None:
    assert name_key("the Kremlin's") == "kremlin"
    assert name_key("Kim Jong-un") == name_key("kim jong un")
    assert phonetic_key("Choi Sun-hee") == phonetic_key("Choe Son Hui")


def test_time_factor_is_flat_inside_the_window_and_decays_outside() -> None:
    story = StoryProfile(1, {}, first_day=1000, last_day=1010, size=2)
    assert cluster.time_factor(1005, story) == 1.0
    assert cluster.time_factor(1010 + cluster.WINDOW_DAYS, story) == 1.0
    later = cluster.time_factor(1010 + cluster.WINDOW_DAYS + cluster.HALF_LIFE_DAYS, story)
    assert later == pytest.approx(0.5)
    assert cluster.time_factor(None, story) == 1.0


def test_a_document_matching_two_stories_bridges_them() -> None:
    a, b, c = (StoryProfile(i, {}, None, None, 1) for i in (1, 2, 3))
    best, bridged = cluster.decide([(cluster.MERGE + 0.1, a), (cluster.MERGE + 0.05, b), (0.01, c)])
    assert best is a and bridged == [b]
    assert cluster.decide([(cluster.JOIN - 0.01, a)]) == (None, [])


def _span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def _trip_doc(
    doc_id: str,
    outlet: str,
    text: str,
    place: str,
    *,
    status: str = "occurred",
    certainty: str = "asserted",
    lat: float = 43.1,
    lon: float = 131.9,
    person: str = "Kim Jong Un",
    published: str = "2023-09-12",
) -> Document:
    """A report that PERSON arrived at PLACE on 2023-09-12, said by a source with a certainty."""
    return Document(
        id=doc_id,
        outlet=outlet,
        title=text[:40],
        published=published,
        text=text,
        entities=[
            Entity(id="e1", name=person, type="PERSON", mentions=[_span(person)]),
            Entity(id="e2", name="Yonhap", type="ORG", kind="news_agency", mentions=[_span("Yonhap")]),
        ],
        places=[
            Place(id="p1", start=0, end=len(place), text=place, name=place, lat=lat, lon=lon, country="RU")
        ],
        times=[TimeExpression(id="t1", start=0, end=7, text="Tuesday", type="DATE", value="2023-09-12")],
        attributions=[
            Attribution(
                id="a1",
                kind="indirect",
                content=_span(text),
                certainty=certainty,
                source=EntitySpan(start=0, end=6, text="Yonhap", entity="e2"),
            )
        ],
        events=[
            Event(
                id="v1",
                type="ARRIVE",
                trigger=_span("arrived"),
                actor="e1",
                place="p1",
                time="t1",
                attribution="a1",
                status=status,
            )
        ],
    )


WIRE = (
    "North Korean leader Kim Jong Un arrived in Vladivostok on Tuesday aboard his armoured train for a "
    "summit with Russian President Vladimir Putin, the Kremlin said, in a rare trip abroad that Western "
    "officials fear could lead to an arms deal supplying Moscow with artillery shells for its war in "
    "Ukraine."
)


@pytest.fixture()
def store(tmp_path):
    return open_store(str(tmp_path / "s.db"))


def _ingest(engine, docs: list[Document]) -> list:
    vocabulary = load_vocabulary(engine)
    return [store_document(engine, doc, doc.id, vocabulary) for doc in docs]


def test_story_view_counts_a_wire_copy_once_and_flags_a_denial(store, tmp_path) -> None:
    docs = [
        _trip_doc("yonhap-1", "Yonhap", WIRE, "Vladivostok", certainty="confirmed"),
        # The same wire copy re-run by a paper with a new first words: a near-duplicate.
        _trip_doc("paper-1", "Korea Herald", "SEOUL -- " + WIRE, "Vladivostok"),
        # An independent report of the same arrival, and a denial of it.
        _trip_doc(
            "tass-1",
            "TASS",
            "Kim Jong-un's train pulled into Vladivostok station on Tuesday, a railway "
            "source told TASS, ahead of talks with Putin on cooperation.",
            "Vladivostok",
            person="Kim Jong-un",
        ),
        _trip_doc(
            "kcna-1",
            "KCNA",
            "Reports that Kim Jong Un arrived in Vladivostok on Tuesday were denied by a "
            "spokesman of the Foreign Ministry in Pyongyang, who called them fabrications.",
            "Vladivostok",
            status="denied",
            certainty="denied",
        ),
    ]
    results = _ingest(store, docs)
    assert results[1].copy_of == "yonhap-1"
    assert len({r.story_id for r in results}) == 1
    out = runner.invoke(app, ["story", str(results[0].story_id), "--db", str(tmp_path / "s.db"), "--json"])
    assert out.exit_code == 0, out.output
    view = json.loads(out.stdout)
    assert view["schema"] == "storyline.story/1"
    assert view["independent_sources"] == 3
    [fact] = view["timeline"]
    assert fact["actor"] == "Kim Jong Un" and fact["place"] == "Vladivostok" and fact["date"] == "2023-09-12"
    assert fact["documents"] == ["kcna-1", "paper-1", "tass-1", "yonhap-1"]
    # Three documents back the arrival but two of them are one wire story: two independent sources.
    assert fact["independent_sources"] == 2
    assert fact["certainty"] == "confirmed"
    [denial] = [c for c in view["contradictions"] if c["kind"] == "denial"]
    assert denial["denying"] == ["kcna-1"]


def test_story_view_flags_one_person_in_two_distant_places_on_one_day(store, tmp_path) -> None:
    results = _ingest(
        store,
        [
            _trip_doc("a", "Yonhap", WIRE, "Vladivostok"),
            _trip_doc(
                "b",
                "Reuters",
                "Kim Jong Un arrived on Tuesday in Khasan near the border, on his way to Russia "
                "for a summit with Vladimir Putin, the Kremlin said of the rare trip abroad.",
                "Moscow",
                lat=55.75,
                lon=37.62,
            ),
        ],
    )
    view = json.loads(
        runner.invoke(
            app, ["story", str(results[0].story_id), "--db", str(tmp_path / "s.db"), "--json"]
        ).stdout
    )
    [conflict] = [c for c in view["contradictions"] if c["kind"] == "place"]
    assert conflict["actor"] == "Kim Jong Un" and conflict["date"] == "2023-09-12"
    assert {p["place"] for p in conflict["places"]} == {"Vladivostok", "Moscow"}


def test_resolve_joins_a_surname_to_the_only_full_name_of_the_story() -> None:
    rows = [
        {
            "doc_id": "a",
            "id": "e1",
            "name": "Kim Jong Un",
            "type": "PERSON",
            "canonical_id": 1,
            "aliases": [],
        },
        {"doc_id": "b", "id": "e1", "name": "Kim", "type": "PERSON", "canonical_id": 2, "aliases": []},
        {
            "doc_id": "b",
            "id": "e2",
            "name": "Choi Sun-hee",
            "type": "PERSON",
            "canonical_id": 3,
            "aliases": [],
        },
        {
            "doc_id": "c",
            "id": "e1",
            "name": "Choe Son Hui",
            "type": "PERSON",
            "canonical_id": 4,
            "aliases": [],
        },
    ]
    resolver = resolve(rows)
    assert resolver.name(resolver.entity("b", "e1")) == "Kim Jong Un"
    assert resolver.entity("b", "e2") == resolver.entity("c", "e1")


def test_stories_json_follows_the_contract_and_timeline_finds_spelling_variants(store, tmp_path) -> None:
    _ingest(
        store,
        [
            _trip_doc("a", "Yonhap", WIRE, "Vladivostok"),
            _trip_doc(
                "b",
                "BBC",
                "Manchester United beat Chelsea 3-1 at Old Trafford on Saturday, with two goals from "
                "the new striker and a late penalty sealing a win that lifts the club to fourth.",
                "Manchester",
                person="Erik ten Hag",
                published="2023-10-01",
            ),
        ],
    )
    db = str(tmp_path / "s.db")
    listing = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert listing["schema"] == "storyline.stories/1"
    assert sorted(d for s in listing["stories"] for d in s["documents"]) == ["a", "b"]
    assert len(listing["stories"]) == 2
    first = next(s for s in listing["stories"] if s["documents"] == ["a"])
    assert set(first) == {"id", "title", "documents", "first_seen", "last_seen", "entities"}
    assert "Kim Jong Un" in first["entities"] and first["first_seen"] == "2023-09-12"
    timeline = json.loads(runner.invoke(app, ["timeline", "Kim Jong-un", "--db", db, "--json"]).stdout)
    assert timeline["entity"] == "Kim Jong Un"
    assert [d["id"] for d in timeline["documents"]] == ["a"]
    assert timeline["timeline"][0]["type"] == "ARRIVE"
    missing = runner.invoke(app, ["timeline", "Nobody Atall", "--db", db])
    assert missing.exit_code == 3 and "not in the store" in missing.stderr
    assert runner.invoke(app, ["story", "999", "--db", db]).exit_code == 3


def test_countries_resolve_across_documents_by_their_gazetteer_id(store) -> None:
    def doc(doc_id: str, name: str) -> Document:
        text = f"{name} imposed new sanctions on Pyongyang on Monday over its missile launches."
        return Document(
            id=doc_id,
            text=text,
            published="2023-09-11",
            entities=[Entity(id="e1", name=name, type="GPE", mentions=[_span(name)])],
            places=[
                Place(
                    id="p1", start=0, end=len(name), text=name, entity="e1", geonameid=6252001, country="US"
                )
            ],
        )

    _ingest(store, [doc("a", "United States"), doc("b", "US"), doc("c", "America")])
    with store.connect() as conn:
        rows = conn.execute(select(schema.entities.c.canonical_id)).scalars().all()
    assert len(rows) == 3 and len(set(rows)) == 1


def test_a_bridging_document_merges_two_stories_in_the_store(store, monkeypatch: pytest.MonkeyPatch) -> None:
    def doc(doc_id: str, text: str) -> Document:
        return Document(id=doc_id, text=text, published="2023-11-10")

    # Opened apart (nothing may join), as two outlets' first reports of one eruption might be.
    monkeypatch.setattr(cluster, "JOIN", 1.1)
    first = _ingest(
        store,
        [
            doc("a", "Lava fountains rose on the Reykjanes peninsula as the volcano erupted near Grindavik."),
            doc("b", "Police evacuated Grindavik after a magma tunnel opened beneath the fishing town."),
        ],
    )
    assert first[0].story_id != first[1].story_id
    monkeypatch.setattr(cluster, "JOIN", 0.05)
    monkeypatch.setattr(cluster, "MERGE", 0.05)
    [bridge] = _ingest(
        store,
        [
            doc(
                "c",
                "The volcano erupted on the Reykjanes peninsula days after police evacuated Grindavik "
                "over the magma tunnel beneath the town.",
            ),
        ],
    )
    with store.connect() as conn:
        stories = conn.execute(select(schema.stories.c.id, schema.stories.c.size)).all()
        homes = set(conn.execute(select(schema.documents.c.story_id)).scalars())
        orphans = conn.execute(
            select(schema.story_keys.c.story_id).where(schema.story_keys.c.story_id != bridge.story_id)
        ).all()
    assert [tuple(s) for s in stories] == [(bridge.story_id, 3)]
    assert homes == {bridge.story_id} and orphans == []


def test_a_storys_entities_lead_with_the_most_mentioned(store) -> None:
    """In a story of one document every entity is named by one document: the most mentioned comes first."""
    text = "Zelensky met Biden. Zelensky thanked Congress. Zelensky left for Ottawa."
    zelensky = [_span("Zelensky", 0), _span("Zelensky", 20), _span("Zelensky", 47)]
    doc = Document(
        id="a",
        text=text,
        published="2023-09-21",
        entities=[
            Entity(id="e1", name="Biden", type="PERSON", mentions=[_span("Biden", 13)]),
            Entity(id="e2", name="Congress", type="ORG", mentions=[_span("Congress", 37)]),
            Entity(id="e3", name="Zelensky", type="PERSON", mentions=zelensky),
        ],
    )
    _ingest(store, [doc])
    with store.connect() as conn:
        [listed] = story_list(conn)
    assert listed["entities"] == ["Zelensky", "Biden", "Congress"]
