"""Reading stories back: the contract's story list, one story's material, an entity's documents."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, func, select

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
        {"id": str(row.id), "title": row.title, "documents": docs.get(row.id, []), "first_seen": row.first_seen,
         "last_seen": row.last_seen, "entities": names.get(row.id, [])}
        for row in conn.execute(select(s.id, s.title, s.first_seen, s.last_seen).order_by(s.id))
    ]


def _story_entities(conn: Connection, story_id: int | None = None) -> dict[int, list[str]]:
    """Per story, its canonical entities named by the most documents."""
    count = func.count(func.distinct(_d.id)).label("n")
    query = (
        select(_d.story_id, _c.name, count)
        .join(schema.entities, _e.doc_id == _d.id)
        .join(schema.canonical_entities, _c.id == _e.canonical_id)
        .group_by(_d.story_id, _c.id, _c.name)
    )
    if story_id is not None:
        query = query.where(_d.story_id == story_id)
    ranked: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in conn.execute(query):
        ranked[row.story_id].append((-row.n, row.name))
    return {sid: [name for _, name in sorted(items)[:STORY_ENTITIES]] for sid, items in ranked.items()}


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
    """Documents (without text) and their entities, attributions, times, places and events."""
    d = schema.documents
    columns = [d.c.id, d.c.url, d.c.outlet, d.c.title, d.c.published, d.c.duplicate_of, d.c.story_id]
    out: dict[str, Any] = {"documents": _rows(conn, select(*columns).where(d.c.id.in_(doc_ids)))}
    for table in (schema.entities, schema.attributions, schema.times, schema.places, schema.events):
        out[table.name] = _rows(conn, select(table).where(table.c.doc_id.in_(doc_ids)))
    canonical = {row["canonical_id"] for row in out["entities"] if row["canonical_id"] is not None}
    out["canonical"] = {
        row["id"]: row for row in _rows(conn, select(schema.canonical_entities).where(_c.id.in_(canonical)))
    }
    return out


def _rows(conn: Connection, query: Any) -> list[dict[str, Any]]:
    return [dict(row) for row in conn.execute(query).mappings()]


def find_entity(conn: Connection, name: str) -> list[int]:
    """Canonical entities a user's name refers to: by spelling key, else by exact lower-cased name."""
    k = schema.entity_keys.c
    ids = list(conn.execute(select(k.canonical_id).where(k.key == phonetic_key(name)).distinct()).scalars())
    if not ids:
        wanted = name_key(name)
        ids = [row.id for row in conn.execute(select(_c.id, _c.name).where(func.lower(_c.name) == name.lower()))
               if name_key(row.name) == wanted]
    if not ids:
        raise NotFound(f"entity {name!r}: not in the store")
    return ids


def entity_documents(conn: Connection, canonical_ids: list[int]) -> list[str]:
    return list(conn.execute(select(_e.doc_id).where(_e.canonical_id.in_(canonical_ids)).distinct()).scalars())
