"""storyline's attributions beside textacy's `direct_quotations`, on PolNeAR, with the official scorer.

    python benchmarks/attribution_baseline.py [--gold DIR] [--out DIR]

Both read the same spaCy parse of the same dev articles (the text exactly, as the scorer's
`input` gives it). It writes `storyline.jsonl` and `textacy.jsonl` in --out, scores both with
`../shared/eval/score/attribution.py`, then scores the direct-quote subset on its own: gold
contents that open with a quotation mark against storyline's `direct` attributions and all of
textacy's (textacy finds nothing else), matched as the scorer does (token F1 >= 0.5, one to one).
Last, it times the attributions component against the whole pipeline on those documents.
textacy is a benchmark-only dependency (textacy==0.13.0).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORERS = ROOT.parent / "shared" / "eval" / "score"
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "attribution" / "polnear" / "dev"
BAILED: list[str] = []  # documents textacy refused


def span(doc, start: int, end: int) -> dict:  # type: ignore[no-untyped-def]
    return {"start": start, "end": end, "text": doc.text[start:end]}


def textacy_document(doc, key: str) -> dict:  # type: ignore[no-untyped-def]
    """textacy's quotes as a Document; it refuses a whole document with an odd number of marks (ValueError),
    which is what its users get, so such a document scores as having no quotes."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        triples = []
        BAILED.append(key)
    attributions = []
    for n, triple in enumerate(triples, 1):
        speaker, cue, content = triple.speaker, triple.cue, triple.content
        attributions.append(
            {
                "id": f"a{n}",
                "kind": "direct",
                "content": span(doc, content.start_char, content.end_char),
                "cue": span(doc, cue[0].idx, cue[-1].idx + len(cue[-1])) if cue else None,
                "source": span(doc, speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None,
            }
        )
    return {"id": key, "text": doc.text, "entities": [], "attributions": attributions}


def direct_subset(gold: dict, predictions: dict, only_direct: bool) -> dict:
    """Precision and recall on direct quotes, matched the way the official scorer matches."""
    from attribution import Tokens, greedy_match, is_direct, tok_f1

    n_gold = n_pred = n_match = 0
    for key, g in gold.items():
        text = g["text"]
        rels = [r for r in g["relations"] if is_direct(text, r["content"])]
        preds = [p for p in predictions[key]["attributions"] if not only_direct or p["kind"] == "direct"]
        tokens = Tokens(text)
        gold_tok = [
            (tokens.cover(r["content"]), tokens.cover([(r["content"][0][0], r["content"][-1][1])]))
            for r in rels
        ]
        pred_tok = [tokens.cover([(p["content"]["start"], p["content"]["end"])]) for p in preds]
        cands = [
            (f, gi, pi)
            for gi, (frag, hull) in enumerate(gold_tok)
            for pi, pt in enumerate(pred_tok)
            if (f := max(tok_f1(frag, pt), tok_f1(hull, pt))) >= 0.5
        ]
        n_gold, n_pred, n_match = n_gold + len(rels), n_pred + len(preds), n_match + len(greedy_match(cands))
    p, r = n_match / n_pred if n_pred else 0.0, n_match / n_gold if n_gold else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "matched": n_match,
        "pred": n_pred,
        "gold": n_gold,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=Path("/tmp/attribution-baseline"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(SCORERS))
    from attribution import load_gold, make_inputs

    from storyline import pipeline
    from storyline.document import Attribution, Entity

    gold = load_gold(args.gold)
    inputs = make_inputs(args.gold)
    nlp = pipeline.load()
    start = time.perf_counter()
    docs = list(pipeline.parse(nlp, [(i["text"], i["published"]) for i in inputs]))
    total = time.perf_counter() - start
    component = nlp.get_pipe("storyline_attributions")
    start = time.perf_counter()
    for doc in docs:
        component(doc)
    own = time.perf_counter() - start

    ours, theirs = {}, {}
    with (args.out / "storyline.jsonl").open("w") as s_out, (args.out / "textacy.jsonl").open("w") as t_out:
        for item, doc in zip(inputs, docs, strict=True):
            entities: list[Entity] = doc._.entities or []
            attributions: list[Attribution] = doc._.attributions or []
            ours[item["id"]] = {
                "id": item["id"],
                "text": doc.text,
                "entities": [e.model_dump() for e in entities],
                "attributions": [a.model_dump() for a in attributions],
            }
            theirs[item["id"]] = textacy_document(doc, item["id"])
            s_out.write(json.dumps(ours[item["id"]]) + "\n")
            t_out.write(json.dumps(theirs[item["id"]]) + "\n")

    for name in ("storyline", "textacy"):
        print(f"== {name}: official scorer")
        subprocess.run(
            [
                sys.executable,
                str(SCORERS / "attribution.py"),
                "score",
                str(args.gold),
                str(args.out / f"{name}.jsonl"),
            ],
            check=True,
        )
    print("\n== direct-quote subset (gold contents opening with a quotation mark)")
    print("storyline (kind=direct):", direct_subset(gold, ours, only_direct=True))
    print("textacy direct_quotations:", direct_subset(gold, theirs, only_direct=False))
    print(f"textacy refused {len(BAILED)} of {len(docs)} documents (odd number of quotation marks)")
    print(
        f"\n== time: pipeline {total:.1f} s for {len(docs)} docs; attributions component {own:.2f} s "
        f"({100 * own / total:.1f}% of the pipeline)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
