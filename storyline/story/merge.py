"""The merged view of many documents: one entity list, one timeline of facts, corroboration, conflicts.

Input is plain rows from the store (`store.read.layer_rows`), so this module does no I/O.
A fact is one event as several documents report it: same type, same (resolved) actor and
target, same place and destination, same date. Each fact carries its supporting documents,
their outlets, how many independent sources back it (a near-copy of another document is not
independent), the best certainty any of them gives, and the contradictions: a source denying
what another confirms, or one actor in two distant places on the same day.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from storyline.story.names import name_key, phonetic_key, same_name

# Strongest first; "denied" is not on this scale, it contradicts.
CERTAINTY_ORDER = ("confirmed", "asserted", "assessed", "expected", "speculated", "unknown")
STATUS_CERTAINTY = {
    "occurred": "asserted",
    "ongoing": "asserted",
    "planned": "expected",
    "expected": "expected",
    "speculated": "speculated",
    "denied": "denied",
}
# Two places this far apart on one day cannot both hold the same traveller's event.
FAR_KM = 300.0
_LOCATED = {"ARRIVE", "MEET", "TALKS", "PASS", "STATEMENT", "MILITARY", "AGREEMENT"}


@dataclass
class Resolver:
    """Maps a document's local entity id to one entity of the merged view."""

    names: dict[int, str] = field(default_factory=dict)
    types: dict[int, str] = field(default_factory=dict)
    local: dict[tuple[str, str], int] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)

    def root(self, key: int) -> int:
        while self.parent.get(key, key) != key:
            key = self.parent[key]
        return key

    def union(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            # The longer name stays the canonical one ("Kim Jong Un" over "Kim").
            keep, gone = (ra, rb) if len(self.names[ra]) >= len(self.names[rb]) else (rb, ra)
            self.parent[gone] = keep

    def entity(self, doc_id: str, local_id: str | None) -> int | None:
        if local_id is None:
            return None
        found = self.local.get((doc_id, local_id))
        return self.root(found) if found is not None else None

    def name(self, key: int | None) -> str | None:
        return self.names[self.root(key)] if key is not None else None


def resolve(entities: list[dict[str, Any]]) -> Resolver:
    """Entities of a set of documents merged: by canonical id, by spelling, one-word names by full name."""
    resolver = Resolver()
    for row in entities:
        key = row["canonical_id"] if row["canonical_id"] is not None else -len(resolver.local) - 1
        resolver.local[(row["doc_id"], row["id"])] = key
        resolver.names.setdefault(key, row["name"])
        resolver.types.setdefault(key, row["type"])
        resolver.parent.setdefault(key, key)
    by_type: dict[str, list[int]] = defaultdict(list)
    for key, type_ in resolver.types.items():
        by_type[type_].append(key)
    for keys in by_type.values():
        _merge_spellings(resolver, keys)
    _merge_short_names(resolver, by_type.get("PERSON", []))
    return resolver


def _merge_spellings(resolver: Resolver, keys: list[int]) -> None:
    """Canonical ids already join exact spelling keys; this catches fuzzy variants resolution missed.
    Only names sharing the first letters of their phonetic key are compared (blocking)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        blocks[phonetic_key(resolver.names[key])[:3]].append(key)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if same_name(resolver.names[a], resolver.names[b]):
                    resolver.union(a, b)


def _merge_short_names(resolver: Resolver, persons: list[int]) -> None:
    """ "Kim" is Kim Jong Un when he is the only person of the story with that name part."""
    full = [k for k in persons if len(name_key(resolver.names[k]).split()) > 1]
    for key in persons:
        words = name_key(resolver.names[key]).split()
        if len(words) != 1:
            continue
        owners = {resolver.root(k) for k in full if words[0] in name_key(resolver.names[k]).split()}
        if len(owners) == 1:
            resolver.union(owners.pop(), key)


def merged_view(rows: dict[str, Any]) -> dict[str, Any]:
    """Entities, documents, outlets, the fact timeline, sources and contradictions of a set of documents."""
    docs = {d["id"]: d for d in rows["documents"]}
    resolver = resolve(rows["entities"])
    facts, contradictions = timeline(rows, resolver)
    return {
        "documents": [_document(d) for d in sorted(docs.values(), key=_published_key)],
        "outlets": _outlets(docs.values()),
        "independent_sources": len({_origin(d) for d in docs.values()}),
        "entities": _entities(rows["entities"], resolver),
        "timeline": facts,
        "sources": _sources(rows, resolver, docs),
        "contradictions": contradictions,
    }


def timeline(
    rows: dict[str, Any], resolver: Resolver, only: set[int] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Facts merged across documents, in date order (undated ones last, by first report), and the
    contradictions among them. With `only`, the facts whose actor or target is one of those entities."""
    docs = {d["id"]: d for d in rows["documents"]}
    times = {(t["doc_id"], t["id"]): t for t in rows["times"]}
    places = {(p["doc_id"], p["id"]): p for p in rows["places"]}
    attributions = {(a["doc_id"], a["id"]): a for a in rows["attributions"]}
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for event in rows["events"]:
        doc_id = event["doc_id"]
        actor = resolver.entity(doc_id, event["actor"])
        target = resolver.entity(doc_id, event["target"])
        if only is not None and not ({actor, target} & only):
            continue
        place = places.get((doc_id, event["place"]))
        destination = places.get((doc_id, event["destination"]))
        time = times.get((doc_id, event["time"]))
        key = (
            event["type"],
            actor,
            target,
            _place_key(place),
            _place_key(destination),
            time and time["value"],
        )
        attribution = attributions.get((doc_id, event["attribution"]))
        grouped[key].append(
            {
                "event": event,
                "doc": docs[doc_id],
                "place": place,
                "destination": destination,
                "time": time,
                "attribution": attribution,
            }
        )
    facts = [_fact(key, items, resolver) for key, items in grouped.items()]
    facts.sort(key=lambda f: (f["date"] is None, f["date"] or "", f["first_reported"] or ""))
    conflicts = [c for f in facts for c in f.pop("_conflicts")] + _place_conflicts(facts)
    for fact in facts:
        del fact["_actor"]
    return facts, conflicts


def _fact(key: tuple[Any, ...], items: list[dict[str, Any]], resolver: Resolver) -> dict[str, Any]:
    type_, actor, target, _, _, date = key
    certainties = {item["doc"]["id"]: _certainty(item) for item in items}
    denying = sorted(d for d, c in certainties.items() if c == "denied")
    supporting = sorted(d for d, c in certainties.items() if c != "denied")
    ranked = [c for c in certainties.values() if c != "denied"]
    first = items[0]
    place, destination = first["place"], first["destination"]
    conflicts = []
    if denying and any(certainties[d] in ("confirmed", "asserted") for d in supporting):
        conflicts.append(
            {
                "kind": "denial",
                "fact": f"{type_} {resolver.name(actor) or ''}".strip(),
                "date": date,
                "confirming": supporting,
                "denying": denying,
            }
        )
    docs = [item["doc"] for item in items]
    return {
        "date": date,
        "type": type_,
        "actor": resolver.name(actor),
        "target": resolver.name(target),
        "place": _place_name(place),
        "destination": _place_name(destination),
        "coordinates": _coordinates(place),
        "status": _status([item["event"]["status"] for item in items]),
        "certainty": min(ranked, key=CERTAINTY_ORDER.index) if ranked else "denied",
        "documents": sorted({d["id"] for d in docs}),
        "outlets": sorted({o for d in docs if (o := _outlet(d))}),
        "independent_sources": len({_origin(d) for d in docs if d["id"] in supporting}),
        "first_reported": min((d["published"] for d in docs if d["published"]), default=None),
        "evidence": [
            {
                "document": item["doc"]["id"],
                "text": item["event"]["trigger"]["text"],
                "source": _source_text(item["attribution"]),
            }
            for item in items
        ],
        "_actor": actor,
        "_conflicts": conflicts,
    }


def _place_conflicts(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One actor at two places too far apart on the same day."""
    by_day: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        if fact["_actor"] is not None and fact["date"] and fact["coordinates"] and fact["type"] in _LOCATED:
            by_day[(fact["_actor"], fact["date"][:10])].append(fact)
    conflicts = []
    for (_, day), located in by_day.items():
        for i, a in enumerate(located):
            for b in located[i + 1 :]:
                if _km(a["coordinates"], b["coordinates"]) > FAR_KM:
                    conflicts.append(
                        {
                            "kind": "place",
                            "actor": a["actor"],
                            "date": day,
                            "places": [{"place": f["place"], "documents": f["documents"]} for f in (a, b)],
                        }
                    )
    return conflicts


def _sources(rows: dict[str, Any], resolver: Resolver, docs: dict[str, Any]) -> list[dict[str, Any]]:
    """Who is cited across the documents: per resolved source, the documents and the best certainty."""
    cited: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for a in rows["attributions"]:
        source = a["source"]
        if not source:
            continue
        entity = resolver.entity(a["doc_id"], a["source_entity"])
        key = entity if entity is not None else name_key(source["text"])
        cited[key].append(a)
    out: list[dict[str, Any]] = []
    for key, items in cited.items():
        name = resolver.name(key) if isinstance(key, int) else items[0]["source"]["text"]
        certainties = [a["certainty"] for a in items if a["certainty"] in CERTAINTY_ORDER]
        out.append(
            {
                "source": name,
                "statements": len(items),
                "documents": sorted({a["doc_id"] for a in items}),
                "independent_sources": len({_origin(docs[a["doc_id"]]) for a in items}),
                "certainty": min(certainties, key=CERTAINTY_ORDER.index) if certainties else None,
                "denies": any(a["certainty"] == "denied" for a in items),
            }
        )
    out.sort(key=lambda s: (-s["independent_sources"], -s["statements"], s["source"]))
    return out


def _entities(entities: list[dict[str, Any]], resolver: Resolver) -> list[dict[str, Any]]:
    docs: dict[int, set[str]] = defaultdict(set)
    spellings: dict[int, set[str]] = defaultdict(set)
    for row in entities:
        key = resolver.entity(row["doc_id"], row["id"])
        if key is None:
            continue
        docs[key].add(row["doc_id"])
        spellings[key].update([row["name"], *row["aliases"]])
    out: list[dict[str, Any]] = [
        {
            "name": resolver.names[k],
            "type": resolver.types[k],
            "documents": len(d),
            "aliases": sorted(spellings[k] - {resolver.names[k]}),
        }
        for k, d in docs.items()
    ]
    out.sort(key=lambda e: (-e["documents"], e["name"]))
    return out


def _document(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": doc["id"],
        "title": doc["title"],
        "outlet": _outlet(doc),
        "url": doc["url"],
        "published": doc["published"],
        "copy_of": doc["duplicate_of"],
    }


def _outlets(docs: Any) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for doc in docs:
        if outlet := _outlet(doc):
            counts[outlet] += 1
    return [
        {"name": n, "documents": c} for n, c in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _outlet(doc: dict[str, Any]) -> str | None:
    return doc["outlet"] or (urlsplit(doc["url"]).netloc or None if doc["url"] else None)


def _origin(doc: dict[str, Any]) -> str:
    """The document a near-copy repeats, else itself: copies of one original are one source."""
    return str(doc["duplicate_of"] or doc["id"])


def _published_key(doc: dict[str, Any]) -> tuple[bool, str, str]:
    return doc["published"] is None, doc["published"] or "", doc["id"]


def _source_text(attribution: dict[str, Any] | None) -> str | None:
    source = attribution["source"] if attribution else None
    return source["text"] if source else None


def _certainty(item: dict[str, Any]) -> str:
    status = STATUS_CERTAINTY.get(item["event"]["status"], "asserted")
    if status == "denied":
        return status
    attribution = item["attribution"]
    return attribution["certainty"] if attribution else status


def _status(statuses: list[str]) -> str:
    """The most common status the reports give (ties: the first reported)."""
    return max(dict.fromkeys(statuses), key=statuses.count)


def _place_key(place: dict[str, Any] | None) -> Any:
    if place is None:
        return None
    return place["geonameid"] or name_key(place["name"] or place["text"])


def _place_name(place: dict[str, Any] | None) -> str | None:
    return (place["name"] or place["text"]) if place else None


def _coordinates(place: dict[str, Any] | None) -> list[float] | None:
    if place is None or place["lat"] is None or place["lon"] is None:
        return None
    return [place["lat"], place["lon"]]


def _km(a: list[float], b: list[float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
