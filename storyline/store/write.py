"""Writing one Document and its layers into the store (inside the caller's transaction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert

from storyline.document import Document
from storyline.store import schema


def insert_document(
    conn: Connection,
    doc: Document,
    *,
    content_hash: str,
    raw_hash: str,
    day: int | None,
    terms: dict[str, float],
    minhash: bytes | None,
) -> None:
    """The document row and one row per entity, mention, attribution, time, place and event."""
    conn.execute(
        insert(schema.documents).values(
            id=doc.id,
            content_hash=content_hash,
            raw_hash=raw_hash,
            url=doc.url,
            outlet=doc.outlet,
            title=doc.title,
            authors=doc.authors,
            published=doc.published,
            day=day,
            language=doc.language,
            text=doc.text,
            captions=[c.model_dump() for c in doc.captions],
            removed=doc.removed,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            terms=terms,
            minhash=minhash,
        )
    )
    _insert_many(
        conn,
        schema.entities,
        [
            {
                "doc_id": doc.id,
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "kind": e.kind,
                "aliases": e.aliases,
                "titles": e.titles,
            }
            for e in doc.entities
        ],
    )
    _insert_many(
        conn,
        schema.mentions,
        [
            {"doc_id": doc.id, "entity_id": e.id, "start": m.start, "end": m.end, "text": m.text}
            for e in doc.entities
            for m in e.mentions
        ],
    )
    _insert_many(
        conn,
        schema.attributions,
        [
            {
                "doc_id": doc.id,
                "id": a.id,
                "kind": a.kind,
                "certainty": a.certainty,
                "content": a.content.model_dump(),
                "cue": _dump(a.cue),
                "source": _dump(a.source),
                "via": _dump(a.via),
                "source_entity": a.source.entity if a.source else None,
            }
            for a in doc.attributions
        ],
    )
    _insert_many(conn, schema.times, [{"doc_id": doc.id, **t.model_dump()} for t in doc.times])
    _insert_many(conn, schema.places, [{"doc_id": doc.id, **p.model_dump()} for p in doc.places])
    _insert_many(
        conn,
        schema.events,
        [
            {"doc_id": doc.id, **e.model_dump(exclude={"trigger"}), "trigger": e.trigger.model_dump()}
            for e in doc.events
        ],
    )


def _insert_many(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(table), list(rows))


def _dump(model: Any) -> dict[str, Any] | None:
    return model.model_dump() if model is not None else None
