"""Ranking: which of the places a name may refer to is the one the text means.

A candidate's score adds up evidence, each term a log-odds-like weight:
- how the name matched (main name, alternate name, adjective) and how big the place is;
- what kind of place it is (countries and first-level divisions are named far more often than their
  namesakes; a capital more than a town of the same name);
- a feature word beside the name ("city of X", "X River", "X station") that fits or does not fit;
- the document's context: a country or region named next to the mention ("the Russian border city of X",
  "Bangor, Maine"), the countries and regions the whole document names, and closeness to places already
  resolved in it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from storyline.geo.features import feature_fits
from storyline.geo.lookup import Candidate
from storyline.geo.names import name_key
from storyline.geo.records import ADJECTIVE, ALTERNATE, NAME

MATCH = {NAME: 1.0, ALTERNATE: 0.3, ADJECTIVE: 1.0}
FEATURE_PRIOR = {"CONT": 2.5, "PCLI": 2.5, "ADM1": 0.8, "PPLC": 1.2, "ADM2": 0.0}
# A capital called by its own name is what news means by it, whatever namesakes lie near the story's other
# places ("in Moscow" in a report from Washington; "In Washington" in one about Salisbury).
CAPITAL_BY_NAME = 2.5
POPULATION = 0.4  # per factor of ten
FEATURE_FITS, FEATURE_MISFITS = 3.0, -1.5
LOCAL_COUNTRY, LOCAL_COUNTRY_MISS = 3.0, -2.0
LOCAL_ADMIN1 = 4.0
DOC_COUNTRY = 2.0  # times the share of the document's country mentions
DOC_ADMIN1 = 1.0
NEAR_KM, NEAR = 400.0, 1.5
# The NER model's type says which GeoNames classes fit: GPE populated places and divisions, LOC natural and
# regional features, FAC buildings and structures.
NER_CLASSES = {"GPE": "AP", "LOC": "HTLVU", "FAC": "S"}
NER_AGREES, NER_DISAGREES = 0.5, -1.0
CONFIDENT_POPULATION = 5000
LOC_TOWN_POPULATION = 100_000
CITY_FOR_DIVISION = 100_000  # a city this big is what its namesake division's name means in news ...
CITY_SHARE = 0.25  # ... if it holds this share of the division's people
EARTH_KM = 6371.0


@dataclass
class Context:
    """What the document says around a mention."""

    feature: tuple[str, ...] = ()  # feature classes or codes a neighbouring word names
    feature_in_name: bool = False  # that word ends the name itself ("Razdolnaya River", "Primorsky Krai")
    country: str | None = None  # a country named next to the mention
    admin1: str | None = None  # a first-level division named next to the mention ("Bangor, Maine")
    adjective: bool = False  # the mention is an adjective ("Russian"), not a name
    ner_type: str | None = None  # the entity type the NER model gave the mention


@dataclass
class DocumentContext:
    """The countries, regions and points the document has named so far."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: set[tuple[str, str]] = field(default_factory=set)
    holding: set[tuple[str, str]] = field(default_factory=set)  # the divisions of the places named
    points: list[tuple[float, float]] = field(default_factory=list)

    def add(self, c: Candidate) -> None:
        if c.country:
            self.countries[c.country] += 1
        if c.country and c.admin1 and c.fclass == "A" and c.feature.startswith("ADM1"):
            self.admin1s.add((c.country, name_key(c.admin1)))
        elif c.country and c.admin1:
            self.holding.add((c.country, name_key(c.admin1)))
        if c.lat is not None and c.lon is not None and c.fclass != "L" and not c.feature.startswith("PCL"):
            self.points.append((c.lat, c.lon))


def score(c: Candidate, local: Context, doc: DocumentContext) -> float:
    """The evidence that the mention means candidate `c`; higher is better."""
    if c.kind == ADJECTIVE and not local.adjective:
        return -math.inf  # "Russian" names Russia only as an adjective
    s = MATCH[c.kind] + POPULATION * math.log10(c.population + 1)
    s += CAPITAL_BY_NAME if c.feature == "PPLC" and c.kind == NAME else FEATURE_PRIOR.get(c.feature, 0.0)
    if local.feature:
        s += FEATURE_FITS if feature_fits(local.feature, c.feature, c.fclass) else FEATURE_MISFITS
    if local.country and not c.feature.startswith(("PCL", "CONT")):
        s += LOCAL_COUNTRY if c.country == local.country else LOCAL_COUNTRY_MISS
    if local.admin1 and c.admin1 and name_key(local.admin1) == name_key(c.admin1):
        s += LOCAL_ADMIN1
    if local.ner_type in NER_CLASSES:
        s += NER_AGREES if c.fclass in NER_CLASSES[local.ner_type] else NER_DISAGREES
    total = sum(doc.countries.values())
    if total and c.country:
        s += DOC_COUNTRY * doc.countries[c.country] / total
    region = (c.country, name_key(c.admin1 or c.name)) if c.country else None
    if c.admin1 and not c.feature.startswith("ADM1") and region in doc.admin1s:
        s += DOC_ADMIN1  # a place in a region the document names
    if c.feature.startswith("ADM1") and region in doc.holding:
        s += DOC_ADMIN1  # a region holding a place the document names ("Atlanta" ... "Georgia")
    if (
        doc.points
        and c.lat is not None
        and c.lon is not None
        and c.fclass != "L"
        and _near(c.lat, c.lon, doc)
    ):
        s += NEAR
    return s


def _near(lat: float, lon: float, doc: DocumentContext) -> bool:
    """Within NEAR_KM of one of the last places the document resolved."""
    return min(distance_km(lat, lon, a, b) for a, b in doc.points[-20:]) <= NEAR_KM


def best(candidates: tuple[Candidate, ...], local: Context, doc: DocumentContext) -> Candidate | None:
    """The best-scoring candidate; None when there is none, or when the best lies outside the country the
    text names beside the mention (Hassan, India, is not "the Russian border city of Khasan")."""
    scored = [(score(c, local, doc), c) for c in candidates]
    scored = [(s, c) for s, c in scored if s > -math.inf]
    if not scored:
        return None
    _, top = max(scored, key=lambda sc: (sc[0], sc[1].population))
    if top.feature == "ADM1" and not local.feature:
        top = _capital_named_alike(top, scored) or top
    if local.country and top.country != local.country and top.fclass not in "AL":
        return None
    if (
        local.feature
        and (top.kind == ALTERNATE or local.feature_in_name)
        and not feature_fits(local.feature, top.feature, top.fclass)
    ):
        # Not what the text names: the town Hassan is no "Khasan station", the state no "Mississippi River".
        return None
    return top


def _capital_named_alike(division: Candidate, scored: list[tuple[float, Candidate]]) -> Candidate | None:
    """The big city a division is named after ("Tel Aviv" for the Tel Aviv District, "New York" for the state
    holding New York City): news naming both by one name, with no "state" or "region" beside it, means
    the city: when the division goes by the city's name only as another name ("Donetsk" for the Donetska
    oblast), or when the city is much of the division ("Quebec" alone is the province, whose city of that
    name holds a twentieth of its people)."""
    cities = [
        c
        for _, c in scored
        if c.fclass == "P"
        and c.kind in (NAME, ALTERNATE)
        and c.country == division.country
        and c.admin1 is not None
        and name_key(c.admin1) == name_key(division.admin1 or division.name)
        and c.population >= CITY_FOR_DIVISION
        and (_by_its_own_name(c, division) or c.population >= CITY_SHARE * division.population)
    ]
    return max(cities, key=lambda c: c.population, default=None)


def _by_its_own_name(city: Candidate, division: Candidate) -> bool:
    """The name is the city's own and only another name of the division: "Donetsk", "Tel Aviv"."""
    return city.kind == NAME and division.kind == ALTERNATE


def confident(c: Candidate, local: Context, doc: DocumentContext) -> bool:
    """Whether a resolution stands on more than a bare name: context, a well-known place, or a big one.
    A small namesake in a country the document never names ("Salah", a footballer, is not a village)
    is not enough."""
    if c.feature.startswith(("PCL", "CONT", "ADM1")) and not (local.ner_type == "LOC" and c.kind != NAME):
        return True
    if local.feature or local.country or local.admin1 or c.kind == ADJECTIVE:
        return True
    if local.ner_type == "LOC" and c.fclass in "PA" and c.population < LOC_TOWN_POPULATION:
        return False  # "the Atlantic", "the Middle East": a region or sea, not the small town of that name
    if c.country and c.country in doc.countries:
        return True
    if c.kind == ALTERNATE and local.ner_type == "GPE":  # "Cologne" for Köln: a big city by its English name
        return c.population >= LOC_TOWN_POPULATION
    return c.kind == NAME and c.population >= CONFIDENT_POPULATION


def most_populous(candidates: tuple[Candidate, ...]) -> Candidate | None:
    """The baseline: the most populous candidate, whatever the context."""
    return max(candidates, key=lambda c: c.population, default=None)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))
