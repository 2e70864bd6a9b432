"""Side-by-side baseline for the times layer: dateparser's `search_dates` with the document date as base.

Reads the JSON Lines the official time scorer writes (`timex.py input GOLD > in.jsonl`) and writes
Documents with only `times` filled, for `timex.py score GOLD pred.jsonl`:

    python3 ../shared/eval/score/timex.py input ../shared/eval/time/tbaq > /tmp/in.jsonl
    .venv/bin/python benchmarks/timex_baseline.py /tmp/in.jsonl > /tmp/dateparser.jsonl
    python3 ../shared/eval/score/timex.py score ../shared/eval/time/tbaq /tmp/dateparser.jsonl

dateparser finds date strings and resolves them to a `datetime`; it has no durations or sets, so
each hit is typed DATE (TIME when it carries a clock time) and valued as an ISO date (or datetime).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import datetime
from typing import Any

from dateparser.search import search_dates


def times_of(text: str, published: str | None) -> list[dict[str, Any]]:
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(published[:10])
    found = search_dates(text, languages=["en"], settings=settings) or []
    times, cursor = [], 0
    for i, (surface, when) in enumerate(found, 1):
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        clock = when.hour or when.minute
        times.append(
            {
                "id": f"t{i}",
                "start": start,
                "end": cursor,
                "text": surface,
                "type": "TIME" if clock else "DATE",
                "value": when.strftime("%Y-%m-%dT%H:%M") if clock else when.date().isoformat(),
            }
        )
    return times


def main(path: str) -> None:
    started = time.perf_counter()
    count = 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            doc = {
                "id": item["id"],
                "text": item["text"],
                "times": times_of(item["text"], item.get("published")),
            }
            sys.stdout.write(json.dumps(doc) + "\n")
            count += 1
    print(f"dateparser: {count} documents in {time.perf_counter() - started:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
