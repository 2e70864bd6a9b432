"""A subject's route: its movement events ordered by time, with places, sources and status.

Pure functions over Documents, so the same route comes from one article, a batch, or a store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from storyline.document import Document, Entity, Event
from storyline.extract.lexicon import name_key

MOVEMENT = ("DEPART", "ARRIVE", "PASS", "TRAVEL")
CONFIRMED = ("occurred", "ongoing")
AHEAD = ("ongoing", "planned", "expected", "speculated")


class Stop(BaseModel):
    place: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    time: str | None = None
    event: str
    trigger: str
    status: str
    source: str | None = None
    document: str


class Route(BaseModel):
    actor: str
    stops: list[Stop]
    heading: list[Stop]


def find_entity(doc: Document, query: str) -> Entity | None:
    """The document's entity named by the query, by canonical name or alias, spelling-insensitive."""
    key = name_key(query)
    for entity in doc.entities:
        if key in {name_key(n) for n in (entity.name, *entity.aliases)}:
            return entity
    return None


def route(
    docs: Iterable[Document], query: str, match: Callable[[Document], Entity | None] | None = None
) -> Route:
    """Where the subject went (stops) and where it is heading, across the given documents.

    `match` finds the subject in a document (by default by name or alias; a store passes the
    entities it resolved across documents)."""
    stops: list[tuple[tuple[str, int, int], Stop]] = []
    heading: list[Stop] = []
    actor_name = query
    for order, doc in enumerate(docs):
        entity = match(doc) if match else find_entity(doc, query)
        if entity is None:
            continue
        actor_name = entity.name
        for event in doc.events:
            if event.actor != entity.id or event.type not in MOVEMENT:
                continue
            if event.place and event.status in CONFIRMED:
                stop = _stop(doc, event, event.place)
                stops.append(((_sortable(stop.time), order, event.trigger.start), stop))
            if event.destination and event.type == "TRAVEL" and event.status in AHEAD:
                heading.append(_stop(doc, event, event.destination))
    ordered = [stop for _, stop in sorted(stops, key=lambda item: item[0])]
    deduped = [s for i, s in enumerate(ordered) if i == 0 or _where(s) != _where(ordered[i - 1])]
    unique_heading = list({_where(s): s for s in reversed(heading)}.values())[::-1]
    return Route(actor=actor_name, stops=deduped, heading=unique_heading)


def _stop(doc: Document, event: Event, place_id: str) -> Stop:
    place = next(p for p in doc.places if p.id == place_id)
    time = next((t.value for t in doc.times if t.id == event.time), None)
    attribution = next((a for a in doc.attributions if a.id == event.attribution), None)
    source = None
    if attribution and attribution.source:
        named = next((e.name for e in doc.entities if e.id == attribution.source.entity), None)
        source = named or attribution.source.text
    return Stop(
        place=place.text,
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        time=time,
        event=event.type,
        trigger=event.trigger.text,
        status=event.status,
        source=source,
        document=doc.id,
    )


def _sortable(value: str | None) -> str:
    """Calendar values sort as written; values with no date (PAST_REF, durations) go last."""
    return value if value and value[:4].isdigit() else "9999"


def _where(stop: Stop) -> str:
    return stop.name or stop.place


def to_geojson(result: Route) -> dict[str, Any]:
    """A FeatureCollection: a Point per located stop and heading, and the LineString through the stops."""
    features: list[dict[str, Any]] = []
    line = []
    for role, stops in (("stop", result.stops), ("heading", result.heading)):
        for number, stop in enumerate(stops, 1):
            if stop.lat is None or stop.lon is None:
                continue
            point = [stop.lon, stop.lat]
            if role == "stop":
                line.append(point)
            properties = {"role": role, "order": number, **stop.model_dump(exclude={"lat", "lon"})}
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": point},
                    "properties": properties,
                }
            )
    if len(line) >= 2:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": line},
                "properties": {"role": "route", "actor": result.actor},
            }
        )
    return {"type": "FeatureCollection", "features": features}
