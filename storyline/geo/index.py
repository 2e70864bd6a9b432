"""The gazetteer index: one SQLite file in the cache directory, built on first use.

Two tables: `place` (one row per GeoNames id) and `name` (name key -> place, clustered on the key so
a look-up is one B-tree descent). Imports of GeoNames dumps write into the same file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from storyline import config
from storyline.geo.names import is_latin, key_of
from storyline.geo.records import Record

SCHEMA_VERSION = "1"
FILE_NAME = f"gazetteer-v{SCHEMA_VERSION}.sqlite"
BATCH = 20000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, fclass TEXT NOT NULL,
    country TEXT, admin1 TEXT, population INTEGER NOT NULL, lat REAL, lon REAL, derived INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL);
"""


def default_path() -> Path:
    """Where the index lives: `STORYLINE_CACHE` (or the user cache directory) / gazetteer-v1.sqlite."""
    return config.cache_dir() / FILE_NAME


def connect(path: Path) -> sqlite3.Connection:
    """A connection tuned for bulk writes (the index can always be rebuilt, so no journal is kept)."""
    db = sqlite3.connect(path)
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;")
    db.executescript(_SCHEMA)
    return db


def write(db: sqlite3.Connection, records: Iterable[Record]) -> int:
    """Insert or replace places and their names; returns how many places were written."""
    places: list[tuple[object, ...]] = []
    names: list[tuple[str, int, int]] = []
    count = 0
    for r in records:
        places.append(
            (
                r.geonameid,
                r.name,
                r.feature,
                r.fclass,
                r.country,
                r.admin1,
                r.population,
                r.lat,
                r.lon,
                int(r.derived),
            )
        )
        names.extend(_name_rows(r))
        count += 1
        if len(places) >= BATCH:
            _flush(db, places, names)
    _flush(db, places, names)
    return count


def _name_rows(r: Record) -> Iterable[tuple[str, int, int]]:
    keys: dict[str, int] = {}
    for name, kind in [(r.name, 0), *r.names.items()]:
        if not is_latin(name) or (kind and r.fclass in "PS" and name.isupper() and len(name) <= 4):
            continue  # other scripts, and airport and station codes ("VVO") that read as acronyms
        key = key_of(name)
        if len(key) >= 2 and kind < keys.get(key, 9):
            keys[key] = kind
    return ((key, r.geonameid, kind) for key, kind in keys.items())


def _flush(
    db: sqlite3.Connection, places: list[tuple[object, ...]], names: list[tuple[str, int, int]]
) -> None:
    db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    # A name already given to a place keeps its better kind.
    db.executemany(
        "INSERT INTO name VALUES (?,?,?) ON CONFLICT(key, id) DO UPDATE SET kind=min(kind, excluded.kind)",
        names,
    )
    places.clear()
    names.clear()


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def admin1_names(db: sqlite3.Connection) -> dict[str, str]:
    """GeoNames first-level division codes ("RU.59") -> names, as the index knows them."""
    return dict(db.execute("SELECT code, name FROM admin1").fetchall())


def build(
    path: Path, records: Iterable[Record], source: str, admin1: dict[str, str], fingerprint: str = ""
) -> int:
    """Write a fresh index to `path` through a temporary file renamed, so readers never see half of it.
    `fingerprint` says what it was built from, so that a later version can tell it is stale."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = connect(tmp)
    try:
        count = write(db, records)
        db.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?)", admin1.items())
        set_meta(db, "schema", SCHEMA_VERSION)
        set_meta(db, "source", source)
        set_meta(db, "build", fingerprint)
        db.commit()
        db.execute("ANALYZE")
        db.commit()
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, path)
    return count
