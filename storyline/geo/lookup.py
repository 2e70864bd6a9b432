"""Look-up: every place a name may refer to, read from the SQLite index."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storyline.geo import index
from storyline.geo.names import name_key


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to; `kind` says how the name matched (NAME, ALTERNATE, ADJECTIVE)."""

    geonameid: int
    name: str
    feature: str
    fclass: str
    country: str | None
    admin1: str | None
    population: int
    lat: float | None
    lon: float | None
    derived: bool
    kind: int


_QUERY = (
    "SELECT p.id, p.name, p.feature, p.fclass, p.country, p.admin1, p.population, p.lat, p.lon,"
    " p.derived, n.kind FROM name n JOIN place p ON p.id = n.id WHERE n.key = ?"
)


class Gazetteer:
    """A read-only handle on one index file; look-ups are cached per name key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # The pipeline may run in worker threads; SQLite connections are not shared between them.
        self._local = threading.local()
        self.candidates_for_key = lru_cache(maxsize=50000)(self._query)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def _query(self, key: str) -> tuple[Candidate, ...]:
        rows = self._db().execute(_QUERY, (key,)).fetchall()
        return tuple(Candidate(*row[:9], bool(row[9]), row[10]) for row in rows)  # type: ignore[call-arg]

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place named `name` (any spelling that has the same key)."""
        key = name_key(name)
        return self.candidates_for_key(key) if key else ()

    def meta(self) -> dict[str, str]:
        return dict(self._db().execute("SELECT key, value FROM meta").fetchall())

    def count(self) -> tuple[int, int]:
        """(places, names) in the index."""
        db = self._db()
        places = db.execute("SELECT count(*) FROM place").fetchone()[0]
        return places, db.execute("SELECT count(*) FROM name").fetchone()[0]


_lock = threading.Lock()


@lru_cache(maxsize=4)
def _open(path: Path) -> Gazetteer:
    return Gazetteer(path)


def gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer at `path` (default: the cache directory), building the embedded default if missing,
    and again if an earlier version of storyline built that default from other data (an index holding an
    import is kept: rebuilding it would lose the import; `storyline gazetteer build` does it on request)."""
    path = path or index.default_path()
    with _lock:
        if not path.exists() or (path not in _checked and _stale(path)):
            build_default(path)
        _checked.add(path)
    return _open(path)


_checked: set[Path] = set()  # indexes found current in this process: checked once, not per document


def _stale(path: Path) -> bool:
    from storyline.geo import embedded

    try:
        meta = _open(path).meta()
    except sqlite3.DatabaseError:
        return True  # not an index at all (a truncated or foreign file): build it anew
    built_here = meta.get("source", "").startswith(embedded.SOURCE.split(":")[0])  # the embedded default
    return built_here and not meta.get("imports") and meta.get("build") != embedded.fingerprint()


def build_default(path: Path | None = None) -> int:
    """(Re)build the embedded default index at `path`; returns the number of places."""
    from storyline.geo import embedded

    path = path or index.default_path()
    count = index.build(
        path, embedded.records(), embedded.SOURCE, embedded.admin1_codes(), embedded.fingerprint()
    )
    _open.cache_clear()
    return count


def import_geonames(dump: Path, admin1_file: Path | None = None, path: Path | None = None) -> int:
    """Add the places of a GeoNames dump to the index (built first if missing); returns how many."""
    from storyline.geo import geonames

    path = path or index.default_path()
    if not path.exists():
        build_default(path)
    db = index.connect(path)
    try:
        admin1 = index.admin1_names(db)
        if admin1_file is not None:
            admin1.update(geonames.read_admin1(admin1_file))
        count = index.write(db, geonames.read_dump(dump, admin1))
        imported = dict(db.execute("SELECT key, value FROM meta").fetchall()).get("imports", "")
        index.set_meta(db, "imports", "\n".join(filter(None, [imported, dump.name])))
        db.commit()
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()
    _open.cache_clear()
    return count
