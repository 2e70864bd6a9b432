"""Benchmark of the gazetteer and the places step.

    python benchmarks/geo.py [--gold ../shared/eval/geo/GWN.xml] [--out DIR] [--docs N]

Measures, on this machine:
- index build: time and size of the embedded default (built into a temporary cache directory);
- look-up latency: median and 99th percentile per name, uncached (SQLite) and cached;
- the places step's share of extract time, per pipeline component, over the corpus texts;
- geoparsing on GeoWebNews with the official scorer, context ranking and the most-populous-candidate
  baseline side by side (same recognition, same index).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score" / "geo.py"
GOLD = ROOT.parent / "shared" / "eval" / "geo" / "GWN.xml"


def build_index() -> dict[str, float]:
    from storyline.geo import build_default, index

    started = time.perf_counter()
    count = build_default(index.default_path())
    seconds = time.perf_counter() - started
    return {
        "places": count,
        "build_s": round(seconds, 1),
        "size_mb": round(index.default_path().stat().st_size / 1e6, 1),
    }


def lookup_latency(sample: int = 5000) -> dict[str, float]:
    from storyline.geo import gazetteer

    gaz = gazetteer()
    keys = [k for (k,) in gaz._db().execute("SELECT key FROM name ORDER BY random() LIMIT ?", (sample,))]
    random.shuffle(keys)
    uncached = []
    for key in keys:
        started = time.perf_counter()
        gaz._query(key)
        uncached.append((time.perf_counter() - started) * 1000)
    cached = []
    for key in keys:
        gaz.candidates_for_key(key)
    for key in keys:
        started = time.perf_counter()
        gaz.candidates_for_key(key)
        cached.append((time.perf_counter() - started) * 1000)
    q = statistics.quantiles(uncached, n=100)
    return {
        "names": len(keys),
        "median_ms": round(statistics.median(uncached), 4),
        "p99_ms": round(q[98], 4),
        "cached_median_ms": round(statistics.median(cached), 5),
    }


def component_times(texts: list[str]) -> dict[str, float]:
    """Seconds spent in each pipeline component over the texts (the tokenizer counted as "tokenizer")."""
    from storyline import pipeline

    nlp = pipeline.load(None)  # the same cached pipeline `storyline.api` uses
    totals: dict[str, float] = {"tokenizer": 0.0}
    for text in texts:
        started = time.perf_counter()
        doc = nlp.make_doc(text)
        totals["tokenizer"] += time.perf_counter() - started
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - started
    return totals


def predict(inputs: list[dict], ranking: str, out: Path) -> None:
    """Run extract over the scorer's input objects with one ranking; write Documents as JSON lines."""
    from storyline import pipeline
    from storyline.api import extract_many
    from storyline.errors import StorylineError
    from storyline.sources.jsonl import read_jsonl

    nlp = pipeline.load(None)  # the same cached pipeline `storyline.api` uses
    nlp.replace_pipe("storyline_places", "storyline_places", config={"ranking": ranking})
    try:
        lines = "\n".join(json.dumps(i) for i in inputs)
        with out.open("w", encoding="utf-8") as handle:
            for result in extract_many(list(read_jsonl(lines)), model=None):
                if not isinstance(result, StorylineError):
                    handle.write(result.to_json() + "\n")
    finally:
        nlp.replace_pipe("storyline_places", "storyline_places", config={"ranking": "context"})


def score(gold: Path, pred: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, str(SCORER), "score", str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=Path(tempfile.mkdtemp(prefix="storyline-geo-")))
    parser.add_argument("--docs", type=int, default=0, help="only the first N documents (0: all)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("STORYLINE_CACHE", str(args.out / "cache"))

    report: dict[str, object] = {"index": build_index()}
    report["lookup"] = lookup_latency()

    made = subprocess.run(
        [sys.executable, str(SCORER), "input", str(args.gold)], capture_output=True, text=True, check=True
    )
    inputs = [json.loads(line) for line in made.stdout.splitlines() if line.strip()]
    if args.docs:
        inputs = inputs[: args.docs]
    totals = component_times([i["text"] for i in inputs])
    whole = sum(totals.values())
    report["extract_s"] = round(whole, 2)
    report["component_share"] = {k: round(v / whole, 4) for k, v in totals.items()}

    for ranking in ("context", "population"):
        pred = args.out / f"pred-{ranking}.jsonl"
        predict(inputs, ranking, pred)
        m = score(args.gold, pred)
        report[f"gwn_{ranking}"] = {
            k: m[k]
            for k in ("p", "r", "f1", "acc161", "acc161_e2e", "gnid_acc", "median_km", "mean_km", "no_coords")
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
