"""Ingest speed, clustering cost as the store grows, and query latency of `story` and `timeline`.

    python benchmarks/ingest.py speed   [--input IN.jsonl] [--limit N]
    python benchmarks/ingest.py scale   --docs DOCS.jsonl [--sizes 1000,5000,10000] [--db PATH]
    python benchmarks/ingest.py queries --db PATH

`speed` runs `extract` alone, then `ingest` (extract + store + cluster) on the same inputs in
one process (the pipeline is loaded before timing), and reports documents per second of each.
By default the inputs are the Giveme5W1H dev clusters as the stories scorer writes them.

`scale` skips spaCy: it stores pre-extracted Documents (`storyline extract --jsonl` output of
the dev sets) repeated under new ids until the store holds the largest size. Each repeat keeps a
random 80% of every document's words (so it is a new text, not a copy the content hash or
MinHash would catch) and moves its date by ROUND_DAYS (about 5.5 years) per round, so repeats
form their own stories as a real archive would. It reports, per size, the mean cost per document over the last
500 documents stored, split into its parts (writing the rows, entity resolution, near-duplicate
lookup, story assignment).

`queries` times the merged `story` view (largest and median story) and `timeline` (the most
and a moderately mentioned entity) in process, the median of 5 runs each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
SCORERS = ROOT.parent / "shared" / "eval" / "score"
GIVEME = ROOT.parent / "shared" / "eval" / "stories" / "giveme-clusters"
# Longer than the dev sets' whole span (2013 to 2018), so each round's dates are an era of their own.
ROUND_DAYS = 2000
PARTS = ("insert_document", "link_entities", "link_copy", "assign_story")


def speed(args: argparse.Namespace) -> None:
    from storyline.api import extract_many, load
    from storyline.sources.files import read_path
    from storyline.sources.jsonl import read_jsonl
    from storyline.store import open_store
    from storyline.store.ingest import ingest

    source = args.input or _giveme_input()
    raws = list(read_jsonl(read_path(source)))[: args.limit]
    load()
    start = time.perf_counter()
    extracted = sum(1 for _ in extract_many(raws))
    extract_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        statuses = [r.status for r in ingest(engine, raws)]
        ingest_s = time.perf_counter() - start
    print(f"documents: {extracted} ({statuses.count('stored')} stored, {statuses.count('error')} failed)")
    print(f"extract alone: {extract_s:.1f} s, {extracted / extract_s:.2f} docs/s")
    print(
        f"ingest:        {ingest_s:.1f} s, {extracted / ingest_s:.2f} docs/s "
        f"(store and cluster add {1000 * (ingest_s - extract_s) / extracted:.1f} ms/doc)"
    )


def _giveme_input() -> str:
    path = Path(tempfile.gettempdir()) / "storyline-bench-giveme.jsonl"
    with path.open("w") as out:
        subprocess.run(
            [sys.executable, str(SCORERS / "stories.py"), "input", str(GIVEME)], stdout=out, check=True
        )
    return str(path)


def scale(args: argparse.Namespace) -> None:
    from storyline.document import Document
    from storyline.store import ingest as ingest_module
    from storyline.store import open_store
    from storyline.store.ingest import load_vocabulary, store_document

    timings = _instrument(ingest_module)
    lines = Path(args.docs).read_text(encoding="utf-8").splitlines()
    base = [Document.model_validate_json(line) for line in lines if '"error"' not in line[:300]]
    sizes = sorted(int(s) for s in args.sizes.split(","))
    engine = open_store(args.db)
    vocabulary = load_vocabulary(engine)
    rng = random.Random(7)
    costs: list[float] = []
    stored = 0
    for round_ in range(sizes[-1] // len(base) + 1):
        for doc in base:
            if stored == sizes[-1]:
                break
            variant = _variant(doc, round_, rng)
            start = time.perf_counter()
            store_document(engine, variant, variant.id, vocabulary)
            costs.append(time.perf_counter() - start)
            stored += 1
            if stored in sizes:
                _report(stored, costs, timings)
    print(f"database: {args.db}")


def _variant(doc: Any, round_: int, rng: random.Random) -> Any:
    """A new document made from one: new id, 80% of its words, its date moved by ROUND_DAYS a round.

    Dropping one word in five breaks most 5-word shingles, so the variant is a new text to MinHash
    (Jaccard about 0.2), while its vocabulary, and so its story similarity, stays close."""
    if round_ == 0:
        return doc
    words = doc.text.split(" ")
    kept = [w for w in words if rng.random() < 0.8] or words[:1]
    published = date.fromisoformat((doc.published or "2020-01-01")[:10]) + timedelta(days=ROUND_DAYS * round_)
    text = " ".join(kept)
    return doc.model_copy(
        update={"id": f"{doc.id}~{round_}", "text": text, "published": published.isoformat()}
    )


def _instrument(module: Any) -> dict[str, list[float]]:
    """Wrap the parts of `store_document` with timers (names looked up in the ingest module)."""
    timings: dict[str, list[float]] = defaultdict(list)
    for name in PARTS:
        original = getattr(module, name)

        def timed(*a: Any, _original: Callable[..., Any] = original, _name: str = name, **k: Any) -> Any:
            start = time.perf_counter()
            try:
                return _original(*a, **k)
            finally:
                timings[_name].append(time.perf_counter() - start)

        setattr(module, name, timed)
    return timings


def _report(size: int, costs: list[float], timings: dict[str, list[float]]) -> None:
    window = 500
    parts = ", ".join(f"{n} {1000 * statistics.mean(timings[n][-window:]):.1f}" for n in PARTS)
    mean = 1000 * statistics.mean(costs[-window:])
    print(f"{size:>6} docs: {mean:.1f} ms/doc over the last {window} ({parts})")


def queries(args: argparse.Namespace) -> None:
    from storyline.store import open_store, schema
    from storyline.store.read import entity_timeline, story_rows
    from storyline.story.merge import merged_view

    engine = open_store(args.db)
    s, c = schema.stories.c, schema.canonical_entities.c
    with engine.connect() as conn:
        documents = conn.execute(select(func.count()).select_from(schema.documents)).scalar_one()
        by_size = conn.execute(select(s.id, s.size).order_by(s.size.desc(), s.id)).all()
        entities = conn.execute(select(c.name, c.doc_count).order_by(c.doc_count.desc())).all()
        largest, median = by_size[0], by_size[len(by_size) // 2]
        top = entities[0]
        middle = next(e for e in entities if e.doc_count <= max(2, top.doc_count // 20))
        print(f"store: {documents} documents, {len(by_size)} stories")
        for label, story in (("largest", largest), ("median", median)):
            ms = _median_ms(lambda sid=story.id: merged_view(story_rows(conn, sid)))
            print(f"story {label} (id {story.id}, {story.size} docs): {ms:.1f} ms")
        for label, entity in (("most named", top), ("moderately named", middle)):
            ms = _median_ms(lambda name=entity.name: entity_timeline(conn, name))
            print(f"timeline {label} ({entity.name!r}, {entity.doc_count} docs): {ms:.1f} ms")


def _median_ms(run: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("speed")
    p.add_argument("--input")
    p.add_argument("--limit", type=int)
    p.set_defaults(run=speed)
    p = commands.add_parser("scale")
    p.add_argument("--docs", required=True)
    p.add_argument("--sizes", default="1000,5000,10000")
    p.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "storyline-bench-scale.db"))
    p.set_defaults(run=scale)
    p = commands.add_parser("queries")
    p.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "storyline-bench-scale.db"))
    p.set_defaults(run=queries)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
