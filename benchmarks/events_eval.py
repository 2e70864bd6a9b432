"""Precision and recall of storyline's events on the hand-written gold passages (issue 6).

    python benchmarks/events_eval.py [--gold tests/data/events/passages.jsonl] [--failures N] [--json OUT]

Each gold line is `{"id", "text", "published", "events": [{"type", "actor", "place"?, "destination"?,
"time"?, "status"?, "target"?, "trigger"?}]}`; actor, place, destination and target are names as the
text writes them (a list gives acceptable alternatives), time is a TIMEX3 value.

A predicted event matches a gold event when the type is the same and every field the gold event
gives agrees: actor (by the entity's canonical name or any alias), place and destination (by the
place's text, gazetteer name, or its entity's name and aliases), time (the TIMEX3 value); names
compare case-insensitively and without a leading "the". For the symmetric types (MEET, TALKS,
AGREEMENT) the gold actor may be found as the predicted target and the other way round. A field
the gold event leaves out is not compared. Gold and predictions are paired by a maximum matching
per passage; precision counts every predicted event except OTHER (the gold never uses it).

Status and target are not part of the tuple: they are scored on the matched pairs. Every gold
event left unmatched is explained by its nearest prediction (same type, same trigger word first):
missed trigger, wrong type, missed actor resolution, wrong actor, missing or wrong place,
destination or time; a matched pair with another status counts as a wrong status.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from storyline.document import Document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "data" / "events" / "passages.jsonl"
TYPES = ("DEPART", "ARRIVE", "PASS", "TRAVEL", "MEET", "TALKS", "STATEMENT", "MILITARY", "AGREEMENT")
SYMMETRIC = {"MEET", "TALKS", "AGREEMENT"}
_ARTICLE = re.compile(r"^the\s+")
_SPACE = re.compile(r"\s+")


def norm(name: str) -> str:
    return _ARTICLE.sub("", _SPACE.sub(" ", name.strip().lower()))


def alternatives(value: str | list[str] | None) -> set[str]:
    """The gold field's acceptable names, normalised; empty when the gold leaves the field out."""
    if value is None:
        return set()
    return {norm(v) for v in ([value] if isinstance(value, str) else value)}


@dataclass
class Predicted:
    """One predicted event with its arguments spelled out as the names they can match."""

    type: str
    trigger: str
    actor: set[str]
    target: set[str]
    place: set[str]
    destination: set[str]
    time: str | None
    status: str
    shown: dict = field(default_factory=dict)


def read_prediction(document: Document) -> list[Predicted]:
    """The document's events (OTHER left out) with entity, place and time ids resolved to names."""
    entities = {e.id: {norm(e.name), *map(norm, e.aliases)} for e in document.entities}
    names = {e.id: e.name for e in document.entities}
    places = {}
    for p in document.places:
        places[p.id] = {
            norm(p.text),
            *([norm(p.name)] if p.name else []),
            *entities.get(p.entity or "", set()),
        }
    place_text = {p.id: p.text for p in document.places}
    times = {t.id: t.value for t in document.times}
    out = []
    for event in document.events:
        if event.type == "OTHER":
            continue
        out.append(
            Predicted(
                type=event.type,
                trigger=event.trigger.text,
                actor=entities.get(event.actor or "", set()),
                target=entities.get(event.target or "", set()),
                place=places.get(event.place or "", set()),
                destination=places.get(event.destination or "", set()),
                time=times.get(event.time or ""),
                status=event.status,
                shown={
                    "type": event.type,
                    "trigger": event.trigger.text,
                    "actor": names.get(event.actor or ""),
                    "target": names.get(event.target or ""),
                    "place": place_text.get(event.place or ""),
                    "destination": place_text.get(event.destination or ""),
                    "time": times.get(event.time or ""),
                    "status": event.status,
                },
            )
        )
    return out


def actor_agrees(gold: dict, pred: Predicted) -> bool:
    actor = alternatives(gold.get("actor"))
    if not actor or actor & pred.actor:
        return True
    # "Xi and Putin hold a summit": either side of a symmetric event may be its actor.
    return gold["type"] in SYMMETRIC and bool(actor & pred.target)


def disagreements(gold: dict, pred: Predicted) -> list[str]:
    """The failure kinds that keep a same-type prediction from matching the gold event."""
    kinds = []
    if not actor_agrees(gold, pred):
        kinds.append("missed actor resolution" if not pred.actor else "wrong actor")
    for name, got in (("place", pred.place), ("destination", pred.destination)):
        wanted = alternatives(gold.get(name))
        if wanted and not wanted & got:
            kinds.append(f"missing {name}" if not got else f"wrong {name} choice")
    if "time" in gold and (pred.time or "").lower() != gold["time"].lower():
        kinds.append("missing time" if pred.time is None else "wrong time")
    return kinds


def matches(gold: dict, pred: Predicted) -> bool:
    return gold["type"] == pred.type and not disagreements(gold, pred)


def pair(golds: list[dict], preds: list[Predicted]) -> dict[int, int]:
    """A maximum matching gold index -> prediction index (augmenting paths; passages are small)."""
    edges = [[j for j, p in enumerate(preds) if matches(g, p)] for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def explain(
    gold: dict, preds: list[Predicted], free: set[int], gold_triggers: set[str]
) -> tuple[list[str], dict | None]:
    """Why a gold event found no match: the failure kinds of its nearest unmatched prediction.

    The nearest is the free prediction of the same type on the same trigger word, else one of that
    type whose trigger is no other gold event's (the extractor may name the event by another word).
    """
    trigger = gold.get("trigger", "").lower()
    same_type = [
        j
        for j in free
        if preds[j].type == gold["type"]
        and (preds[j].trigger.lower() == trigger or preds[j].trigger.lower() not in gold_triggers)
    ]
    if not same_type:
        retyped = [j for j in free if trigger and preds[j].trigger.lower() == trigger]
        if retyped:
            return ["wrong type"], preds[retyped[0]].shown
        return ["missed trigger"], None
    best = min(
        same_type, key=lambda j: (preds[j].trigger.lower() != trigger, len(disagreements(gold, preds[j])))
    )
    return disagreements(gold, preds[best]), preds[best].shown


def shown_gold(gold: dict) -> dict:
    return {k: v for k, v in gold.items() if k != "type"}


def evaluate(passages: list[dict], documents: list[Document]) -> dict:
    per_type: dict[str, Counter] = defaultdict(Counter)
    status: Counter[str] = Counter()
    target: Counter[str] = Counter()
    failures: dict[str, list[dict]] = defaultdict(list)
    extra: list[dict] = []
    tp = n_gold = n_pred = lenient_tp = 0
    for passage, document in zip(passages, documents, strict=True):
        golds = passage["events"]
        preds = read_prediction(document)
        n_gold += len(golds)
        n_pred += len(preds)
        for p in preds:
            per_type[p.type]["pred"] += 1
        paired = pair(golds, preds)
        tp += len(paired)
        lenient_tp += len(_lenient_pairs(golds, preds))
        free = set(range(len(preds))) - set(paired.values())
        triggers = {g.get("trigger", "").lower() for g in golds}
        for i, gold in enumerate(golds):
            per_type[gold["type"]]["gold"] += 1
            where = {"id": passage["id"], "gold": shown_gold(gold)}
            if i not in paired:
                kinds, nearest = explain(gold, preds, free, triggers)
                for kind in kinds:
                    failures[kind].append({**where, "predicted": nearest})
                continue
            pred = preds[paired[i]]
            per_type[gold["type"]]["tp"] += 1
            if "status" in gold:
                status["scored"] += 1
                status["right"] += pred.status == gold["status"]
            if "target" in gold:
                target["scored"] += 1
                target["right"] += bool(alternatives(gold["target"]) & (pred.target | pred.actor))
        for i, j in aligned(golds, preds, paired).items():
            if "status" in golds[i]:
                status["aligned"] += 1
                if preds[j].status == golds[i]["status"]:
                    status["aligned_right"] += 1
                else:
                    failures["wrong status"].append(
                        {"id": passage["id"], "gold": shown_gold(golds[i]), "predicted": preds[j].shown}
                    )
        extra += [{"id": passage["id"], "predicted": preds[j].shown} for j in sorted(free)]
    return {
        "passages": len(passages),
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": _ratio(tp, n_pred),
        "recall": _ratio(tp, n_gold),
        "f1": _f1(tp, n_pred, n_gold),
        "lenient": {
            "matched": lenient_tp,
            "precision": _ratio(lenient_tp, n_pred),
            "recall": _ratio(lenient_tp, n_gold),
        },
        "status_accuracy": _ratio(status["right"], status["scored"]),
        "status_scored": status["scored"],
        "status_accuracy_aligned": _ratio(status["aligned_right"], status["aligned"]),
        "status_aligned": status["aligned"],
        "target_accuracy": _ratio(target["right"], target["scored"]),
        "target_scored": target["scored"],
        "per_type": {t: dict(per_type[t]) for t in TYPES if per_type[t]},
        "failures": {k: v for k, v in sorted(failures.items(), key=lambda kv: -len(kv[1]))},
        "unmatched_predictions": extra,
    }


def aligned(golds: list[dict], preds: list[Predicted], paired: dict[int, int]) -> dict[int, int]:
    """Gold index -> the prediction of the same type on the same trigger word (the matched one first).

    Status is a property of the trigger's clause, so it is judged even where an argument is missing.
    """
    out = {}
    for i, gold in enumerate(golds):
        if i in paired:
            out[i] = paired[i]
            continue
        trigger = gold.get("trigger", "").lower()
        same = [j for j, p in enumerate(preds) if p.type == gold["type"] and p.trigger.lower() == trigger]
        free = [j for j in same if j not in paired.values() and j not in out.values()]
        if free:
            out[i] = free[0]
    return out


def _lenient_pairs(golds: list[dict], preds: list[Predicted]) -> dict[int, int]:
    """The matching on (type, actor) alone: how much the place and time choices cost."""
    reduced = [{"type": g["type"], "actor": g["actor"]} for g in golds]
    return pair(reduced, preds)


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def _f1(tp: int, n_pred: int, n_gold: int) -> float | None:
    return round(2 * tp / (n_pred + n_gold), 3) if n_pred + n_gold else None


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def report(result: dict, show: int) -> None:
    print(f"{'type':<10} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6}")
    for kind, c in result["per_type"].items():
        gold, pred, tp = c.get("gold", 0), c.get("pred", 0), c.get("tp", 0)
        print(
            f"{kind:<10} {gold:>5} {pred:>5} {tp:>5} {_fmt(_ratio(tp, pred)):>6} {_fmt(_ratio(tp, gold)):>6}"
        )
    r = result
    row = ("all", r["gold"], r["predicted"], r["matched"], _fmt(r["precision"]), _fmt(r["recall"]))
    print("{:<10} {:>5} {:>5} {:>5} {:>6} {:>6}".format(*row))
    print()
    lenient = r["lenient"]
    print(f"(type, actor) only: P {_fmt(lenient['precision'])} R {_fmt(lenient['recall'])}")
    print(f"status accuracy on matched: {_fmt(r['status_accuracy'])} of {r['status_scored']}")
    print(
        f"status accuracy on trigger-aligned (same type and trigger word): "
        f"{_fmt(r['status_accuracy_aligned'])} of {r['status_aligned']}"
    )
    print(f"target accuracy on matched: {_fmt(r['target_accuracy'])} of {r['target_scored']}")
    print()
    print("failure kinds (gold events affected; one event may show several kinds; first example):")
    for kind, cases in r["failures"].items():
        first = cases[0]
        print(f"  {kind:<26} {len(cases):>3}  {first['id']}: gold {json.dumps(first['gold'])}")
        print(f"  {'':<26}      predicted {json.dumps(first['predicted'])}")
        for case in cases[1:show]:
            gold, predicted = json.dumps(case["gold"]), json.dumps(case["predicted"])
            print(f"  {'':<26}      {case['id']}: gold {gold} predicted {predicted}")
    print(f"\npredictions matching no gold event: {len(r['unmatched_predictions'])}")
    for case in r["unmatched_predictions"][: max(show, 0)]:
        print(f"  {case['id']}: {json.dumps(case['predicted'])}")
    print()
    print(
        f"events: {r['passages']} passages, {r['gold']} gold, {r['predicted']} predicted, "
        f"P {_fmt(r['precision'])} R {_fmt(r['recall'])} F1 {_fmt(r['f1'])}, "
        f"status accuracy {_fmt(r['status_accuracy'])} matched, {_fmt(r['status_accuracy_aligned'])} aligned"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--failures", type=int, default=1, help="examples shown per failure kind")
    parser.add_argument("--json", type=Path, default=None, help="also write the full result as JSON")
    args = parser.parse_args()

    from storyline.api import extract_many
    from storyline.errors import StorylineError
    from storyline.sources.raw import RawDocument

    passages = [
        json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    raws = [
        RawDocument(content=p["text"], format="text", id=p["id"], published=p["published"], no_clean=True)
        for p in passages
    ]
    results = list(extract_many(raws))
    documents = [d for d in results if not isinstance(d, StorylineError)]
    if len(documents) < len(results):
        failed = next(d for d in results if isinstance(d, StorylineError))
        print(f"{len(results) - len(documents)} passages could not be read: {failed}", file=sys.stderr)
        return 1
    result = evaluate(passages, documents)
    report(result, args.failures)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
