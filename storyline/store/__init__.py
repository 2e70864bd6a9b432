"""The store: documents, their layers and stories in one database (SQLite file by default, or PostgreSQL).

`open_store(path)` gives an Engine at the latest schema version. The path is `--db`, else
`$STORYLINE_DB`, else `./storyline.db`; a value with `://` is taken as a SQLAlchemy URL
(e.g. `postgresql+psycopg://...`).
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, create_engine, event

from storyline.errors import ConfigError
from storyline.store.migrate import upgrade

DEFAULT_DB = "storyline.db"

__all__ = ["database_url", "open_store"]


def database_url(path: str | None = None) -> str:
    """The SQLAlchemy URL for an explicit path, else STORYLINE_DB, else ./storyline.db."""
    value = path or os.environ.get("STORYLINE_DB") or DEFAULT_DB
    return value if "://" in value else f"sqlite:///{value}"


def open_store(path: str | None = None) -> Engine:
    """An engine on the database, migrated to the latest schema."""
    url = database_url(path)
    try:
        engine = create_engine(url)
    except Exception as error:  # SQLAlchemy raises several types for a malformed URL or missing driver
        raise ConfigError(f"cannot open database {url!r}: {error}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        upgrade(engine)
    except Exception as error:
        raise ConfigError(f"cannot open database {url!r}: {error.__class__.__name__}: {error}") from None
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers run beside the ingest; NORMAL sync in WAL keeps every committed document
    across a killed process (only a power loss can drop the last commits); foreign keys on."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
