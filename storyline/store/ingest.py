"""Ingest: extract each raw input, store it with its layers, link copies, resolve entities, cluster.

Every document is written in its own transaction: a killed ingest leaves every finished
document stored and nothing half-stored, and a re-run skips what is already there (by id or
content hash) before spending time on extraction.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice

from sqlalchemy import Connection, Engine, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from storyline.document import Document
from storyline.errors import StorylineError
from storyline.sources.raw import RawDocument
from storyline.store import schema
from storyline.store.canonical import link_entities
from storyline.store.stories import assign_story
from storyline.store.write import insert_document
from storyline.story import dedup
from storyline.story.terms import Vocabulary, document_terms

CHUNK = 32


@dataclass
class IngestResult:
    """What became of one input: stored (in a story), already stored, or an error."""

    doc_id: str | None
    status: str  # stored | exists | error
    story_id: int | None = None
    copy_of: str | None = None
    error: StorylineError | None = None


def ingest(
    engine: Engine, raws: Iterable[RawDocument | StorylineError], model: str | None = None
) -> Iterator[IngestResult]:
    """One result per input, in input order; errors are results too and the batch goes on."""
    vocabulary = load_vocabulary(engine)
    items = iter(raws)
    while chunk := list(islice(items, CHUNK)):
        with engine.connect() as conn:
            known = [_known(conn, raw) if isinstance(raw, RawDocument) else None for raw in chunk]
        todo = [raw for raw, found in zip(chunk, known, strict=True) if found is None]
        extracted = iter(_extract(todo, model))
        for raw, found in zip(chunk, known, strict=True):
            if found is not None:
                yield IngestResult(found, "exists")
                continue
            result = next(extracted)
            if isinstance(result, StorylineError):
                yield IngestResult(result.doc_id, "error", error=result)
            else:
                assert isinstance(raw, RawDocument)
                yield store_document(engine, result, raw_hash(raw), vocabulary)


def _extract(raws: list[RawDocument | StorylineError], model: str | None) -> list[Document | StorylineError]:
    """Documents for a chunk; if the pipeline fails on the chunk, each input alone, so that one
    document an extractor cannot handle fails by itself and the batch goes on."""
    from storyline.api import extract_many

    try:
        return list(extract_many(raws, model=model))
    except StorylineError:
        raise
    except Exception:
        if len(raws) == 1:
            raw = raws[0]
            doc_id = raw.id if isinstance(raw, RawDocument) else raw.doc_id
            message = f"extraction failed: {traceback.format_exc(limit=0).strip().splitlines()[-1]}"
            return [StorylineError(message, doc_id=doc_id)]
        return [result for raw in raws for result in _extract([raw], model)]


def store_document(engine: Engine, doc: Document, raw_digest: str, vocabulary: Vocabulary) -> IngestResult:
    """Store one extracted document in one transaction; the same text stored before is not stored again."""
    digest = content_hash(doc.text)
    terms = document_terms(doc)
    signature = dedup.signature(doc.text)
    day = day_number(doc.published)
    with engine.begin() as conn:
        existing = conn.execute(
            select(schema.documents.c.id).where(
                or_(schema.documents.c.content_hash == digest, schema.documents.c.id == doc.id)
            )
        ).scalar()
        if existing is not None:
            return IngestResult(existing, "exists")
        insert_document(
            conn,
            doc,
            content_hash=digest,
            raw_hash=raw_digest,
            day=day,
            terms=terms,
            minhash=dedup.to_bytes(signature),
        )
        link_entities(conn, doc)
        copy_of = link_copy(conn, doc.id, signature)
        story_id = assign_story(conn, doc, terms, day, copy_of, vocabulary)
        count_terms(conn, terms)
    vocabulary.add(terms)
    return IngestResult(doc.id, "stored", story_id=story_id, copy_of=copy_of)


def link_copy(conn: Connection, doc_id: str, signature: dedup.MinHash) -> str | None:
    """Record the document's LSH bands; return the original it copies (the earliest copy's original)."""
    bands = dedup.bands(signature)
    b = schema.minhash_bands.c
    d = schema.documents.c
    candidates = conn.execute(
        select(d.id, d.minhash, d.duplicate_of)
        .join(schema.minhash_bands, b.doc_id == d.id)
        # OR of (band, hash) pairs: SQLite answers it from the primary key; a row-value IN scans the table.
        .where(or_(*[(b.band == band) & (b.hash == value) for band, value in bands]))
        .distinct()
    ).all()
    copies = [
        row for row in candidates if row.minhash and dedup.is_copy(signature, dedup.from_bytes(row.minhash))
    ]
    conn.execute(
        insert(schema.minhash_bands),
        [{"band": band, "hash": value, "doc_id": doc_id} for band, value in bands],
    )
    if not copies:
        return None
    best = max(copies, key=lambda row: signature.jaccard(dedup.from_bytes(row.minhash)))
    original = best.duplicate_of or best.id
    conn.execute(update(schema.documents).where(d.id == doc_id).values(duplicate_of=original))
    return str(original)


def count_terms(conn: Connection, terms: dict[str, float]) -> None:
    """Add one to the document frequency of each term (an upsert on SQLite and PostgreSQL alike)."""
    rows = [{"term": term, "df": 1} for term in terms if len(term) <= 255]
    if not rows:
        return
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    statement = dialect.insert(schema.term_df)
    conn.execute(
        statement.on_conflict_do_update(index_elements=["term"], set_={"df": schema.term_df.c.df + 1}), rows
    )


def load_vocabulary(engine: Engine) -> Vocabulary:
    with engine.connect() as conn:
        df = {row.term: row.df for row in conn.execute(select(schema.term_df.c.term, schema.term_df.c.df))}
        documents = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
    return Vocabulary(df, documents)


def _known(conn: Connection, raw: RawDocument) -> str | None:
    """The id under which this input is already stored, if it is: the same raw content, or the same
    id (an id names one document; an updated article needs a new id to be stored beside the old)."""
    d = schema.documents.c
    condition = d.raw_hash == raw_hash(raw)
    if raw.id is not None:
        condition = or_(condition, d.id == raw.id)
    found = conn.execute(select(d.id).where(condition).limit(1)).scalar()
    return str(found) if found is not None else None


def raw_hash(raw: RawDocument) -> str:
    return hashlib.sha256(f"{raw.format}\0{raw.no_clean}\0{raw.content}".encode()).hexdigest()


def content_hash(text: str) -> str:
    """The hash of the body with whitespace runs folded: the same article re-spaced is the same document."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def day_number(published: str | None) -> int | None:
    """Days since 0001-01-01 of an ISO date or datetime (the time window's unit); None if unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published).toordinal()
    except ValueError:
        try:
            return date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            return None
