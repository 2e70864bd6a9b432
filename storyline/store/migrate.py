"""Versioned migrations: a table of applied versions and numbered functions, applied in order.

A migration is a function of a connection, run inside the transaction that records it, so a
database is always at exactly one version. New versions are appended; applied ones never change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from storyline.store import schema


def _v1_initial(conn: Connection) -> None:
    """The first schema: documents and their layers, canonical entities, stories and their indexes."""
    schema.metadata.create_all(conn)


MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = ((1, "initial", _v1_initial),)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    """The highest applied version; 0 for an empty database."""
    if not inspect(conn).has_table(schema.migrations.name):
        return 0
    return (
        conn.execute(
            select(schema.migrations.c.version).order_by(schema.migrations.c.version.desc())
        ).scalar()
        or 0
    )


def upgrade(engine: Engine) -> int:
    """Apply every migration newer than the database, each in its own transaction; return the version."""
    with engine.begin() as conn:
        version = current_version(conn)
    for number, name, step in MIGRATIONS:
        if number <= version:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(
                schema.migrations.insert().values(
                    version=number, name=name, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
                )
            )
        version = number
    return version
