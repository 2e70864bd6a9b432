"""Import of GeoNames dumps: `allCountries.zip`, a country file such as `RU.zip`, or their `.txt`.

The dump's format is GeoNames' own (https://download.geonames.org/export/dump/readme.txt): one place a line,
19 tab-separated fields. First-level division names come from `admin1CodesASCII.txt` when it is given,
else from the division names the index already holds.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from storyline.errors import BadInput
from storyline.geo.records import ALTERNATE, Record

FIELDS = 19


@contextmanager
def _open_text(path: Path) -> Iterator[TextIO]:
    """The dump as text: a `.txt`, or the one data file inside a GeoNames `.zip`."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="") as handle:
            yield handle
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BadInput(f"{path}: not a zip file") from None
    with archive:
        members = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
        if not members:
            raise BadInput(f"{path}: no GeoNames .txt file inside")
        with archive.open(members[0]) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="")


def read_admin1(path: Path) -> dict[str, str]:
    """Division code ("RU.59") -> name (ASCII), from admin1CodesASCII.txt."""
    names = {}
    with _open_text(path) as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3:
                names[row[0]] = row[2] or row[1]
    return names


def read_dump(path: Path, admin1: dict[str, str]) -> Iterator[Record]:
    """The places of a GeoNames dump as records; a malformed line is bad input, with its number."""
    with _open_text(path) as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) != FIELDS:
                raise BadInput(f"{path}:{number}: {len(row)} fields, a GeoNames line has {FIELDS}")
            try:
                yield _record(row, admin1)
            except ValueError as error:
                raise BadInput(f"{path}:{number}: {error}") from None


def _record(row: list[str], admin1: dict[str, str]) -> Record:
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country = row[:9]
    country = country or ""
    r = Record(
        geonameid=int(gid),
        name=name,
        feature=fcode or fclass,
        fclass=fclass,
        country=country or None,
        admin1=admin1.get(f"{country}.{row[10]}") if row[10] else None,
        population=int(row[14] or 0),
        lat=float(lat),
        lon=float(lon),
    )
    r.add_names([ascii_name, *alternates.split(",")], ALTERNATE)
    return r
