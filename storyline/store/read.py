"""Reading stories back: the contract's story list, one story's material, an entity's documents."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from storyline.document import Document
from storyline.errors import NotFound
from storyline.store import schema
from storyline.story.names import name_key, phonetic_key

STORY_ENTITIES = 10
_d = schema.documents.c
_e = schema.entities.c
_c = schema.canonical_entities.c


def story_list(conn: Connection) -> list[dict[str, Any]]:
    """Every story as the contract's `stories --json` item, oldest story first."""
    docs: dict[int, list[str]] = defaultdict(list)
    for row in conn.execute(select(_d.story_id, _d.id).order_by(_d.story_id, _d.published, _d.id)):
        docs[row.story_id].append(row.id)
    names = _story_entities(conn)
    s = schema.stories.c
    return [
        {
            "id": str(row.id),
            "title": row.title,
            "documents": docs.get(row.id, []),
            "first_seen": row.first_seen,
            "last_seen": row.last_seen,
            "entities": names.get(row.id, []),
        }
        for row in conn.execute(select(s.id, s.title, s.first_seen, s.last_seen).order_by(s.id))
    ]


def _story_entities(conn: Connection, story_id: int | None = None) -> dict[int, list[str]]:
    """Per story, its canonical entities named by the most documents, then most often."""
    m = schema.mentions.c
    count = func.count(func.distinct(_d.id)).label("n")
    mentioned = func.count(m.id).label("mentioned")
    query = (
        select(_d.story_id, _c.name, count, mentioned)
        .join(schema.entities, _e.doc_id == _d.id)
        .join(schema.canonical_entities, _c.id == _e.canonical_id)
        .outerjoin(schema.mentions, (m.doc_id == _e.doc_id) & (m.entity_id == _e.id))
        .group_by(_d.story_id, _c.id, _c.name)
    )
    if story_id is not None:
        query = query.where(_d.story_id == story_id)
    ranked: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for row in conn.execute(query):
        ranked[row.story_id].append((-row.n, -row.mentioned, row.name))
    return {sid: [name for *_, name in sorted(items)[:STORY_ENTITIES]] for sid, items in ranked.items()}


def parse_story_id(value: str) -> int:
    digits = value.removeprefix("s")
    if not digits.isdigit():
        raise NotFound(f"story {value!r}: not a story id (see `storyline stories`)")
    return int(digits)


def story_rows(conn: Connection, story_id: int) -> dict[str, Any]:
    """Everything the merged view of one story is built from, as plain rows."""
    s = schema.stories.c
    story = conn.execute(select(schema.stories).where(s.id == story_id)).mappings().first()
    if story is None:
        raise NotFound(f"story {story_id}: no such story (see `storyline stories`)")
    doc_ids = list(conn.execute(select(_d.id).where(_d.story_id == story_id)).scalars())
    return {"story": dict(story), **layer_rows(conn, doc_ids)}


def layer_rows(conn: Connection, doc_ids: list[str]) -> dict[str, Any]:
    """Documents (without text) and the columns of their layers that the merged view reads."""
    d, e, a = schema.documents.c, schema.entities.c, schema.attributions.c
    out: dict[str, Any] = {
        "documents": _rows(
            conn,
            select(d.id, d.url, d.outlet, d.title, d.published, d.duplicate_of, d.story_id).where(
                d.id.in_(doc_ids)
            ),
        ),
        "entities": _rows(
            conn,
            select(e.doc_id, e.id, e.name, e.type, e.aliases, e.canonical_id).where(e.doc_id.in_(doc_ids)),
        ),
        # Contents, cues and vias stay in the store: the view cites sources, not their words.
        "attributions": _rows(
            conn, select(a.doc_id, a.id, a.certainty, a.source, a.source_entity).where(a.doc_id.in_(doc_ids))
        ),
    }
    for table in (schema.times, schema.places, schema.events):
        out[table.name] = _rows(conn, select(table).where(table.c.doc_id.in_(doc_ids)))
    canonical = {row["canonical_id"] for row in out["entities"] if row["canonical_id"] is not None}
    out["canonical"] = {
        row["id"]: row for row in _rows(conn, select(schema.canonical_entities).where(_c.id.in_(canonical)))
    }
    return out


def event_rows(conn: Connection, condition: Any) -> dict[str, Any]:
    """The events matching a condition and only the rows they refer to (their documents, actors and
    targets, times, places, attributions), each read by a join on the event's reference, so an
    entity's timeline across a large store reads no row it does not show."""
    d, e, a, v = schema.documents.c, schema.entities.c, schema.attributions.c, schema.events.c
    refs: dict[str, tuple[list[Any], tuple[Any, ...]]] = {
        "entities": ([e.doc_id, e.id, e.name, e.type, e.aliases, e.canonical_id], (v.actor, v.target)),
        "times": (list(schema.times.c), (v.time,)),
        "places": (list(schema.places.c), (v.place, v.destination)),
        "attributions": ([a.doc_id, a.id, a.certainty, a.source, a.source_entity], (v.attribution,)),
    }
    out: dict[str, Any] = {"events": _rows(conn, select(schema.events).where(condition))}
    for name, (columns, references) in refs.items():
        table = schema.metadata.tables[name]
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for reference in references:
            joined = and_(v.doc_id == table.c.doc_id, reference == table.c.id)
            for row in _rows(conn, select(*columns).join(schema.events, joined).where(condition)):
                found[(row["doc_id"], row["id"])] = row
        out[name] = list(found.values())
    doc_ids = sorted({event["doc_id"] for event in out["events"]})
    out["documents"] = _rows(
        conn,
        select(d.id, d.url, d.outlet, d.title, d.published, d.duplicate_of, d.story_id).where(
            d.id.in_(doc_ids)
        ),
    )
    return out


def _rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    # Zipping with the keys once is several times faster than a mapping per row.
    result = conn.execute(query)
    keys = list(result.keys())
    return [dict(zip(keys, row, strict=True)) for row in result]


def find_entity(conn: Connection, name: str) -> list[int]:
    """Canonical entities a user's name refers to: by spelling key, else by exact lower-cased name."""
    k = schema.entity_keys.c
    ids = list(conn.execute(select(k.canonical_id).where(k.key == phonetic_key(name)).distinct()).scalars())
    if not ids:
        wanted = name_key(name)
        ids = [
            row.id
            for row in conn.execute(select(_c.id, _c.name).where(func.lower(_c.name) == name.lower()))
            if name_key(row.name) == wanted
        ]
    if not ids:
        raise NotFound(f"entity {name!r}: not in the store")
    return ids


def entity_documents(conn: Connection, canonical_ids: list[int]) -> list[str]:
    return list(
        conn.execute(select(_e.doc_id).where(_e.canonical_id.in_(canonical_ids)).distinct()).scalars()
    )


def entity_timeline(conn: Connection, name: str) -> dict[str, Any]:
    """The facts about one entity across the whole store, and the documents that name it."""
    from storyline.story.merge import resolve, timeline

    ids = find_entity(conn, name)
    names = list(conn.execute(select(_c.name).where(_c.id.in_(ids)).order_by(_c.doc_count.desc())).scalars())
    v = schema.events.c
    rows = event_rows(conn, or_(v.actor_entity.in_(ids), v.target_entity.in_(ids)))
    resolver = resolve(rows["entities"])
    facts, contradictions = timeline(
        rows, resolver, only={resolver.root(i) for i in ids if i in resolver.names}
    )
    naming = select(_e.doc_id).where(_e.canonical_id.in_(ids))
    docs = conn.execute(
        select(_d.id, _d.title, _d.outlet, _d.published, _d.story_id)
        .where(_d.id.in_(naming))
        .order_by(_d.published, _d.id)
    ).all()
    return {
        "schema": "storyline.timeline/1",
        "entity": names[0],
        "matches": names,
        "timeline": facts,
        "contradictions": contradictions,
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "outlet": d.outlet,
                "published": d.published,
                "story": str(d.story_id) if d.story_id is not None else None,
            }
            for d in docs
        ],
    }


def documents_of(conn: Connection, doc_ids: list[str]) -> list[Document]:
    """Whole Documents as they were extracted, rebuilt from the store's rows, in publication order."""
    rows = {row["id"]: row for row in _rows(conn, select(schema.documents).where(_d.id.in_(doc_ids)))}
    layers: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in (schema.entities, schema.attributions, schema.times, schema.places, schema.events):
        for row in _rows(conn, select(table).where(table.c.doc_id.in_(doc_ids))):
            layers.setdefault(table.name, defaultdict(list))[row["doc_id"]].append(row)
    mentions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in _rows(conn, select(schema.mentions).where(schema.mentions.c.doc_id.in_(doc_ids))):
        mentions[(row["doc_id"], row["entity_id"])].append({k: row[k] for k in ("start", "end", "text")})
    documents = []
    for doc_id, row in sorted(rows.items(), key=lambda item: (item[1]["published"] or "", item[0])):
        layer = {name: layers.get(name, {}).get(doc_id, []) for name in _LAYERS}
        for entity in layer["entities"]:
            entity["mentions"] = sorted(mentions[(doc_id, entity["id"])], key=lambda m: m["start"])
        fields = {key: row[key] for key in _DOCUMENT_FIELDS}
        documents.append(Document.model_validate({**fields, **layer}))
    return documents


def local_entities(conn: Connection, canonical_ids: list[int]) -> dict[str, str]:
    """document id -> the document's own id of the entity resolved to one of the canonical entities."""
    query = select(_e.doc_id, _e.id).where(_e.canonical_id.in_(canonical_ids))
    return {row.doc_id: row.id for row in conn.execute(query)}


_LAYERS = ("entities", "attributions", "times", "places", "events")
_DOCUMENT_FIELDS = (
    "id",
    "url",
    "outlet",
    "title",
    "authors",
    "published",
    "language",
    "text",
    "captions",
    "removed",
)
