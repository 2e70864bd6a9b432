"""Throughput and peak memory of `storyline extract --jsonl`, beside its two big parts run bare.

    python benchmarks/throughput.py [--pages DIR] [--limit N]

On the Scrapinghub dev pages (../shared/eval/extraction/scrapinghub) it times, in one run:
1. bare trafilatura (`trafilatura.extract`) on every page;
2. the bare spaCy pipeline (`nlp.pipe`, no storyline components) on those texts;
3. storyline's `extract_many` on the same pages (cleaning + spaCy + storyline's components);
4. the `storyline extract --jsonl` command end to end, for its wall time and peak memory.
It prints documents per second and the ratio of storyline to bare trafilatura + spaCy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")
DEFAULT_PAGES = ROOT.parent / "shared" / "eval" / "extraction" / "scrapinghub"


def load_pages(folder: Path, limit: int | None) -> list[dict]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, item in sorted(truth.items())[:limit]:
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append({"id": key, "html": html, "url": item.get("url")})
    return pages


def timed(label: str, work: Callable[[], T], n: int, results: dict[str, float]) -> T:
    start = time.perf_counter()
    out = work()
    seconds = time.perf_counter() - start
    results[label] = seconds
    print(f"{label:<32} {seconds:8.2f} s {n / seconds:8.1f} docs/s", flush=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    import spacy
    import trafilatura

    from storyline import pipeline
    from storyline.api import extract_many
    from storyline.sources.raw import RawDocument

    pages = load_pages(args.pages, args.limit)
    n = len(pages)
    print(f"{n} pages from {args.pages}")
    bare_nlp = spacy.load(pipeline.installed_model())
    full_nlp = pipeline.load()
    bare_nlp("warm up")
    full_nlp("warm up")

    results: dict[str, float] = {}
    texts = timed(
        "bare trafilatura", lambda: [trafilatura.extract(p["html"]) or "" for p in pages], n, results
    )
    timed(
        "bare spaCy nlp.pipe", lambda: list(bare_nlp.pipe(texts, batch_size=pipeline.BATCH_SIZE)), n, results
    )
    raws = [RawDocument(content=p["html"], format="html", id=p["id"], url=p["url"]) for p in pages]
    timed("storyline extract_many", lambda: list(extract_many(raws)), n, results)

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        for page in pages:
            handle.write(json.dumps(page) + "\n")
    command = [
        str(Path(sys.executable).parent / "storyline"),
        "extract",
        handle.name,
        "--jsonl",
        "-o",
        "/dev/null",
    ]
    timed("storyline extract --jsonl (CLI)", lambda: subprocess.run(command, check=False), n, results)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    baseline = results["bare trafilatura"] + results["bare spaCy nlp.pipe"]
    ratio = baseline / results["storyline extract_many"]
    print(f"speed ratio storyline / (trafilatura + spaCy): {ratio:.2f}x (target >= 0.60)")
    print(
        f"storyline's own work: {results['storyline extract_many'] / baseline - 1:+.0%} of the baseline time"
    )
    print(f"peak memory of the CLI run: {peak_mb:.0f} MB (target < 700 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
