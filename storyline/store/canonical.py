"""Cross-document entity resolution: each document entity is linked to one canonical entity.

A canonical entity is found by any of its spelling keys (name and aliases, romanisation-folded,
see `story.names`) within the same entity type; failing that, a person or organisation is
matched fuzzily among keys that share a prefix. A one-word person name ("Kim") is not linked
across documents by itself: it is resolved within a story, where it is unambiguous.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy import Connection, bindparam, select, update

from storyline.document import Document, Entity
from storyline.store import schema
from storyline.story.names import FUZZY_MIN, phonetic_key

_PREFIX = 4
_FUZZY_TYPES = {"PERSON", "ORG"}
_FUZZY_ROWS = 200
_k = schema.entity_keys.c
_c = schema.canonical_entities.c


def link_entities(conn: Connection, doc: Document) -> None:
    """Set `canonical_id` on the document's entities, creating canonical entities as needed."""
    places: dict[str, set[int]] = {}
    for place in doc.places:
        if place.entity is not None and place.geonameid is not None:
            places.setdefault(place.entity, set()).add(place.geonameid)
    wanted = {e.id: (e, entity_keys(e, places.get(e.id, set()))) for e in doc.entities}
    pairs: set[tuple[str, str]] = {(entity.type, key) for entity, keys in wanted.values() for key in keys}
    known = _known(conn, pairs)
    links: dict[str, int] = {}
    for entity, keys in wanted.values():
        if not keys:
            continue
        canonical = next((known[(entity.type, k)] for k in keys if (entity.type, k) in known), None)
        if canonical is None and entity.type in _FUZZY_TYPES:
            canonical = _fuzzy(conn, entity.type, next((k for k in keys if not k.startswith("#")), ""))
        if canonical is None:
            canonical = conn.execute(
                schema.canonical_entities.insert()
                .values(name=entity.name, type=entity.type, doc_count=0)
                .returning(_c.id)
            ).scalar_one()
        new = [(entity.type, k) for k in keys if (entity.type, k) not in known]
        if new:
            conn.execute(
                schema.entity_keys.insert(),
                [{"type": t, "key": k, "canonical_id": canonical} for t, k in new],
            )
            known.update(dict.fromkeys(new, canonical))
        links[entity.id] = canonical
    if not links:
        return
    conn.execute(
        update(schema.entities)
        .where(schema.entities.c.doc_id == doc.id, schema.entities.c.id == bindparam("local"))
        .values(canonical_id=bindparam("canonical")),
        [{"local": local, "canonical": canonical} for local, canonical in links.items()],
    )
    conn.execute(
        update(schema.canonical_entities).where(_c.id == bindparam("cid")).values(doc_count=_c.doc_count + 1),
        [{"cid": canonical} for canonical in set(links.values())],
    )
    _link_events(conn, doc.id)


def _link_events(conn: Connection, doc_id: str) -> None:
    """Copy the canonical ids of each event's actor and target onto the event."""
    events, entities = schema.events.c, schema.entities.c
    for column, local in ((events.actor_entity, events.actor), (events.target_entity, events.target)):
        canonical = (
            select(entities.canonical_id)
            .where(entities.doc_id == events.doc_id, entities.id == local)
            .scalar_subquery()
        )
        conn.execute(update(schema.events).where(events.doc_id == doc_id).values({column: canonical}))


def entity_keys(entity: Entity, geonameids: set[int] | frozenset[int] = frozenset()) -> list[str]:
    """The phonetic keys of the entity's name and aliases (one-word person aliases left out), and
    the gazetteer ids its places resolved to: "US", "United States" and "America" meet there."""
    keys = [f"#geo{g}" for g in sorted(geonameids)]
    for name in [entity.name, *entity.aliases]:
        if entity.type == "PERSON" and name is not entity.name and len(name.split()) < 2:
            continue
        key = phonetic_key(name)
        if key and len(key) <= 255 and key not in keys:
            keys.append(key)
    return keys


def _known(conn: Connection, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    if not pairs:
        return {}
    # Two INs use the (type, key) primary key; a row-value IN would scan the table on SQLite.
    rows = conn.execute(
        select(_k.type, _k.key, _k.canonical_id).where(
            _k.type.in_(sorted({t for t, _ in pairs})), _k.key.in_(sorted({k for _, k in pairs}))
        )
    )
    return {(r.type, r.key): int(r.canonical_id) for r in rows if (r.type, r.key) in pairs}


def _fuzzy(conn: Connection, type_: str, key: str) -> int | None:
    """A canonical entity whose key is a near spelling of this one (typos, variants folding missed)."""
    if len(key) < 8:
        return None
    # A prefix range on the (type, key) primary key: an index scan, not a table scan.
    prefix = key[:_PREFIX]
    rows = conn.execute(
        select(_k.key, _k.canonical_id)
        .where(_k.type == type_, _k.key >= prefix, _k.key < prefix + "\uffff")
        .limit(_FUZZY_ROWS)
    ).all()
    if not rows:
        return None
    found = process.extractOne(key, [r.key for r in rows], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
    return int(rows[found[2]].canonical_id) if found else None
