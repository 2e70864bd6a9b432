"""Cross-document entity resolution: each document entity is linked to one canonical entity.

A canonical entity is found by any of its spelling keys (name and aliases, romanisation-folded,
see `story.names`) within the same entity type; failing that, by a fuzzy match among keys that
share a prefix. A one-word person name ("Kim") is not linked across documents: it is resolved
within a story, where it is unambiguous.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, and_, select, update

from storyline.document import Document, Entity
from storyline.store import schema
from storyline.story.names import FUZZY_MIN, phonetic_key

_PREFIX = 4


def link_entities(conn: Connection, doc: Document) -> None:
    """Set `canonical_id` on the document's entities, creating canonical entities as needed."""
    for entity in doc.entities:
        keys = entity_keys(entity)
        if not keys:
            continue
        canonical = _find(conn, entity.type, keys)
        if canonical is None:
            canonical = conn.execute(
                schema.canonical_entities.insert().values(name=entity.name, type=entity.type, doc_count=0)
            ).inserted_primary_key[0]
        known = set(conn.execute(
            select(schema.entity_keys.c.key).where(
                schema.entity_keys.c.type == entity.type, schema.entity_keys.c.key.in_(keys)
            )
        ).scalars())
        new = [{"type": entity.type, "key": key, "canonical_id": canonical} for key in keys if key not in known]
        if new:
            conn.execute(schema.entity_keys.insert(), new)
        conn.execute(
            update(schema.canonical_entities).where(schema.canonical_entities.c.id == canonical)
            .values(doc_count=schema.canonical_entities.c.doc_count + 1)
        )
        conn.execute(
            update(schema.entities)
            .where(and_(schema.entities.c.doc_id == doc.id, schema.entities.c.id == entity.id))
            .values(canonical_id=canonical)
        )


def entity_keys(entity: Entity) -> list[str]:
    """The phonetic keys of the entity's name and aliases (one-word person aliases left out)."""
    names = [entity.name, *entity.aliases]
    keys = []
    for name in names:
        if entity.type == "PERSON" and name is not entity.name and len(name.split()) < 2:
            continue
        key = phonetic_key(name)
        if key and len(key) <= 255 and key not in keys:
            keys.append(key)
    return keys


def _find(conn: Connection, type_: str, keys: list[str]) -> int | None:
    table = schema.entity_keys
    exact = conn.execute(
        select(table.c.canonical_id).where(table.c.type == type_, table.c.key.in_(keys)).limit(1)
    ).scalar()
    if exact is not None:
        return int(exact)
    key = keys[0]
    if len(key) < 8:
        return None
    # Prefix range on the (type, key) primary key: an index scan, not a table scan.
    prefix = key[:_PREFIX]
    rows = conn.execute(
        select(table.c.key, table.c.canonical_id).where(
            table.c.type == type_, table.c.key >= prefix, table.c.key < prefix + "\uffff"
        ).limit(2000)
    ).all()
    if not rows:
        return None
    found = process.extractOne(key, [r.key for r in rows], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    return int(rows[found[2]].canonical_id) if found else None
