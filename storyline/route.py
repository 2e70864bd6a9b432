"""A subject's route: its movement events ordered by time, with places, sources and status.

Pure functions over Documents, so the same route comes from one article, a batch, or a store.
"""

from __future__ import annotations

import re
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
    stops: list[tuple[int, int, Stop]] = []
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
                stops.append((order, event.trigger.start, _stop(doc, event, event.place)))
            if event.destination and event.type == "TRAVEL" and event.status in AHEAD:
                heading.append(_stop(doc, event, event.destination))
    start = _week_start({int(m[1]) for *_, stop in stops if (m := _WEEKDAY_ONLY.match(stop.time or ""))})
    stops.sort(key=lambda item: (_sortable(item[2].time, start), item[0], item[1]))
    ordered = [stop for *_, stop in stops]
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


# A weekday of a report with no publication date: "XXXX-WXX-2" (Tuesday), "XXXX-WXX-7TAF".
_WEEKDAY_ONLY = re.compile(r"XXXX-WXX-([1-7])")


def _sortable(value: str | None, week_start: int) -> str:
    """Calendar values sort as written; weekdays of an undated report in the order of its week; values
    with no date (PAST_REF, durations) go last."""
    if value and value[:4].isdigit():
        return value
    weekday = _WEEKDAY_ONLY.match(value or "")
    if weekday:
        return f"9998-{(int(weekday[1]) - week_start) % 7}{value[weekday.end() :] if value else ''}"
    return "9999"


def _week_start(days: set[int]) -> int:
    """The weekday an undated report's week starts on: the one after the longest stretch of the week that
    none of its weekdays falls in. A report tells of the days just before it ("left on Sunday ...
    arrived early Tuesday": Sunday comes first)."""
    ordered = sorted(days)
    if not ordered:
        return 1
    gaps = [((ordered[(i + 1) % len(ordered)] - day) % 7 or 7, ordered[(i + 1) % len(ordered)])
            for i, day in enumerate(ordered)]  # fmt: skip
    return max(gaps)[1]


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
