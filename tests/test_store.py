"""The store: migrations, idempotent ingestion, near-duplicate linking, and surviving a killed ingest."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storyline.sources.raw import RawDocument
from storyline.store import database_url, open_store, schema
from storyline.store.ingest import ingest
from storyline.store.migrate import LATEST, current_version

ROOT = Path(__file__).resolve().parent.parent
STORYLINE = Path(sys.executable).parent / "storyline"

WIRE = (
    "SEOUL, Sept. 12 (Yonhap) -- North Korean leader Kim Jong-un arrived in Russia's Far East on Tuesday "
    "aboard his private armoured train for a summit with Russian President Vladimir Putin, the Kremlin "
    "said.\n\nIt is Kim's first trip abroad since the COVID-19 pandemic. Western officials fear the "
    "meeting could lead to a deal under which Pyongyang supplies artillery shells to Moscow for its war "
    "in Ukraine in exchange for food aid and advanced weapons technology.\n\nKim was accompanied by "
    "Foreign Minister Choe Son Hui and senior military officials, according to the state-run Korean "
    "Central News Agency."
)
# The same wire story as a paper re-ran it: its own headline and dateline, one paragraph cut.
COPY = (
    "North Korean leader Kim Jong-un arrived in Russia's Far East on Tuesday aboard his private armoured "
    "train for a summit with Russian President Vladimir Putin, the Kremlin said.\n\nIt is Kim's first trip "
    "abroad since the COVID-19 pandemic. Western officials fear the meeting could lead to a deal under "
    "which Pyongyang supplies artillery shells to Moscow for its war in Ukraine in exchange for food aid "
    "and advanced weapons technology."
)
OTHER = (
    "VLADIVOSTOK -- A green train carrying Kim Jong Un crossed the Tumen River into Russia early "
    "Tuesday, railway workers in the border town of Khasan said, as Moscow prepared for talks between "
    "the North Korean leader and Vladimir Putin. South Korea's foreign minister Choi Sun-hee was not "
    "mentioned."
)


def test_open_store_migrates_once_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    engine = open_store(str(path))
    with engine.connect() as conn:
        assert current_version(conn) == LATEST
    open_store(str(path))  # a second open applies nothing
    with sqlite3.connect(path) as raw:
        assert raw.execute("select count(*) from schema_migrations").fetchone() == (LATEST,)
        assert raw.execute("pragma journal_mode").fetchone() == ("wal",)


def test_database_url_prefers_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_DB", "/data/env.db")
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url() == "sqlite:////data/env.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("STORYLINE_DB")
    assert database_url() == "sqlite:///storyline.db"


def _counts(engine) -> dict[str, int]:
    tables = (
        schema.documents,
        schema.entities,
        schema.mentions,
        schema.stories,
        schema.events,
        schema.times,
        schema.places,
        schema.attributions,
        schema.minhash_bands,
        schema.canonical_entities,
    )
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}


def _raws() -> list[RawDocument]:
    return [
        RawDocument(content=WIRE, id="yonhap", outlet="Yonhap", published="2023-09-12"),
        RawDocument(content=COPY, id="herald", outlet="Korea Herald", published="2023-09-12"),
        RawDocument(content=OTHER, id="tass", outlet="TASS", published="2023-09-12"),
    ]


def test_ingesting_twice_changes_nothing_and_links_the_wire_copy(nlp, tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "s.db"))
    first = list(ingest(engine, _raws()))
    assert [r.status for r in first] == ["stored", "stored", "stored"]
    assert first[1].copy_of == "yonhap" and first[2].copy_of is None
    assert first[1].story_id == first[0].story_id
    before = _counts(engine)
    assert before["entities"] > 0
    again = list(ingest(engine, _raws()))
    assert [r.status for r in again] == ["exists", "exists", "exists"]
    # The same text under another id is the same document.
    renamed = list(ingest(engine, [RawDocument(content=WIRE + "\n", id="yonhap-again")]))
    assert renamed[0].status == "exists" and renamed[0].doc_id == "yonhap"
    assert _counts(engine) == before


def test_bad_input_fails_alone_and_the_batch_goes_on(nlp, tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "s.db"))
    results = list(ingest(engine, [RawDocument(content="   ", id="blank"), _raws()[0]]))
    assert [r.status for r in results] == ["error", "stored"]
    assert results[0].error is not None and results[0].error.exit_code == 3


PLACES = [
    "Springfield",
    "Riverton",
    "Lakeside",
    "Oakdale",
    "Hillcrest",
    "Brookfield",
    "Fairview",
    "Maplewood",
    "Greenville",
    "Ashford",
]
SUBJECTS = [
    "The city council",
    "The school board",
    "The transport authority",
    "The water utility",
    "The mayor",
]
ACTIONS = ["approved a budget of", "postponed a vote on", "announced a review of", "rejected a plan worth"]


def _small_documents(count: int) -> list[dict[str, str]]:
    """Short, distinct local-news items (the kill test needs many, not long ones)."""
    docs = []
    for i in range(count):
        place = PLACES[i % len(PLACES)]
        subject = SUBJECTS[(i // len(PLACES)) % len(SUBJECTS)]
        action = ACTIONS[(i // 50) % len(ACTIONS)]
        text = (
            f"{subject} of {place} {action} {i + 3} million dollars on Monday. "
            f"Residents of {place} said they would attend meeting number {i} next week."
        )
        docs.append({"id": f"k{i:03d}", "text": text, "published": f"2024-03-{1 + i % 28:02d}"})
    return docs


def test_a_killed_ingest_leaves_a_sound_database_and_a_rerun_completes_it(tmp_path: Path) -> None:
    """Slower test (the real pipeline in two subprocesses, about a minute): SIGKILL midway, then re-run."""
    docs = _small_documents(500)
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "s.db"
    command = [str(STORYLINE), "ingest", str(source), "--jsonl", "--db", str(db)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            stored = _stored(db)
            if stored >= 60:
                break
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
    assert 0 < stored < 500, "the kill must land midway"
    with sqlite3.connect(db) as raw:
        assert raw.execute("pragma integrity_check").fetchone() == ("ok",)
        assert raw.execute("pragma foreign_key_check").fetchall() == []
        # Nothing half-stored: every stored document is in a story.
        assert raw.execute("select count(*) from documents where story_id is null").fetchone() == (0,)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as raw:
        ids = [row[0] for row in raw.execute("select id from documents")]
        assert sorted(ids) == sorted(d["id"] for d in docs)
        assert raw.execute("select count(*) from documents where story_id is null").fetchone() == (0,)
        assert raw.execute("pragma integrity_check").fetchone() == ("ok",)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as raw:
            return int(raw.execute("select count(*) from documents").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def test_the_schema_compiles_for_postgresql() -> None:
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    dialect = postgresql.dialect()
    for table in schema.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "CREATE TABLE" in ddl
        for index in table.indexes:
            assert "CREATE INDEX" in str(CreateIndex(index).compile(dialect=dialect))
    assert "BYTEA" in str(CreateTable(schema.documents).compile(dialect=dialect))
