"""The store's tables (SQLAlchemy Core), written so that SQLite and PostgreSQL both take them unchanged.

Portable choices: string primary keys for documents (the user's ids), integer surrogate keys
elsewhere, JSON columns only for lists and span objects that are read whole, no
dialect-specific types, and every index named so migrations can refer to it.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Long enough for any id a user gives (URL-derived ids, 56-hex news-please ids, ...).
ID = String(255)
LOCAL_ID = String(32)


def _layer_key() -> tuple[Column[str], Column[str]]:
    """A layer row's key: its document and its id within the document (e1, a1, t1, p1, v1)."""
    return (
        Column("doc_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        Column("id", LOCAL_ID, primary_key=True),
    )


def _span() -> tuple[Column[int], Column[int], Column[str]]:
    """Where a layer item stands in its document's text."""
    return (
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    )


migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(100), nullable=False),
    Column("applied_at", String(40), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_seen", String(40)),
    Column("last_seen", String(40)),
    # Days since 0001-01-01 of the first and last dated documents: the time window works on these.
    Column("first_day", Integer),
    Column("last_day", Integer),
    Column("size", Integer, nullable=False, default=0),
    # Summed per-document term weights (words and entity keys), pruned; idf is applied when compared.
    Column("profile", JSON, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("raw_hash", String(64), nullable=False, index=True),
    Column("url", Text),
    Column("outlet", String(255), index=True),
    Column("title", Text),
    Column("authors", JSON, nullable=False),
    Column("published", String(40)),
    Column("day", Integer, index=True),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("captions", JSON, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("ingested_at", String(40), nullable=False),
    Column("story_id", Integer, ForeignKey("stories.id"), index=True),
    # The earlier document this one is a near-copy of (wire copy re-run); null for originals.
    Column("duplicate_of", ID, ForeignKey("documents.id"), index=True),
    Column("terms", JSON, nullable=False),
    Column("minhash", LargeBinary),
)

canonical_entities = Table(
    "canonical_entities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("doc_count", Integer, nullable=False, default=0),
)

# Every spelling key (name and aliases, romanisation-folded) that resolves to a canonical entity.
entity_keys = Table(
    "entity_keys",
    metadata,
    Column("type", String(16), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), nullable=False, index=True),
    Index("ix_entity_keys_key", "key"),
)

entities = Table(
    "entities",
    metadata,
    *_layer_key(),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("kind", String(64)),
    Column("aliases", JSON, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("canonical_id", Integer, ForeignKey("canonical_entities.id"), index=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_id", ID, nullable=False),
    Column("entity_id", LOCAL_ID, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["doc_id", "entity_id"], ["entities.doc_id", "entities.id"], ondelete="CASCADE"),
    Index("ix_mentions_doc_entity", "doc_id", "entity_id"),
)

attributions = Table(
    "attributions",
    metadata,
    *_layer_key(),
    Column("kind", String(16), nullable=False),
    Column("certainty", String(16), nullable=False),
    Column("content", JSON, nullable=False),
    Column("cue", JSON),
    Column("source", JSON),
    Column("via", JSON),
    Column("source_entity", LOCAL_ID),
)

times = Table(
    "times",
    metadata,
    *_layer_key(),
    *_span(),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
)

places = Table(
    "places",
    metadata,
    *_layer_key(),
    *_span(),
    Column("entity", LOCAL_ID),
    Column("name", Text),
    Column("geonameid", BigInteger),
    Column("country", String(2)),
    Column("admin1", String(64)),
    Column("lat", Float),
    Column("lon", Float),
    Column("feature", String(16)),
)

events = Table(
    "events",
    metadata,
    *_layer_key(),
    Column("type", String(16), nullable=False),
    Column("plover", String(32)),
    Column("trigger", JSON, nullable=False),
    Column("actor", LOCAL_ID),
    Column("target", LOCAL_ID),
    Column("place", LOCAL_ID),
    Column("destination", LOCAL_ID),
    Column("time", LOCAL_ID),
    Column("attribution", LOCAL_ID),
    Column("status", String(16), nullable=False),
    # The canonical entities of actor and target, so an entity's timeline is one indexed lookup.
    Column("actor_entity", Integer, ForeignKey("canonical_entities.id"), index=True),
    Column("target_entity", Integer, ForeignKey("canonical_entities.id"), index=True),
)

# Inverted index from a story's most distinctive keys to the story: candidate stories for a new document.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_story_keys_story", "story_id"),
)

# Document frequency of every term and entity key: the idf of the online TF-IDF.
term_df = Table(
    "term_df",
    metadata,
    Column("term", String(255), primary_key=True),
    Column("df", Integer, nullable=False),
)

# MinHash LSH bands: documents sharing a band hash are near-duplicate candidates.
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", BigInteger, primary_key=True),
    Column("doc_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
)
