"""`storyline gazetteer build | import | lookup`: the offline gazetteer index."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer

from storyline.cli.common import app, err, fail
from storyline.errors import NotFound, StorylineError

gazetteer_app = typer.Typer(
    help="Build the offline gazetteer, or add a GeoNames dump to it.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command()
def build() -> None:
    """(Re)build the embedded default index in the cache directory. Imported dumps must be imported again."""
    from storyline.geo import build_default, index

    started = time.perf_counter()
    count = build_default()
    path = index.default_path()
    seconds, megabytes = time.perf_counter() - started, path.stat().st_size / 1e6
    err.print(
        f"{count} places in {path} ({megabytes:.1f} MB, {seconds:.1f} s)",
        markup=False,
        highlight=False,
    )


@gazetteer_app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="A GeoNames dump: allCountries.zip, a country file (RU.zip) or .txt.")
    ],
    admin1: Annotated[
        Path | None, typer.Option("--admin1", help="GeoNames admin1CodesASCII.txt, for division names.")
    ] = None,
) -> None:
    """Add the places of a GeoNames dump (villages, stations, rivers, bridges) to the index."""
    from storyline.geo import import_geonames

    try:
        for path in (file, admin1):
            if path is not None and not path.is_file():
                raise NotFound(f"{path}: no such file")
        started = time.perf_counter()
        count = import_geonames(file, admin1)
    except StorylineError as error:
        raise fail(error) from None
    err.print(
        f"{count} places imported from {file.name} ({time.perf_counter() - started:.1f} s)",
        markup=False,
        highlight=False,
    )


@gazetteer_app.command()
def lookup(name: Annotated[str, typer.Argument(help="A place name.")]) -> None:
    """Print, as JSON lines, every place the index knows by this name, the most populous first."""
    from storyline.geo import gazetteer

    for c in sorted(gazetteer().candidates(name), key=lambda c: -c.population):
        print(
            json.dumps(
                {
                    "geonameid": c.geonameid,
                    "name": c.name,
                    "feature": c.feature,
                    "country": c.country,
                    "admin1": c.admin1,
                    "population": c.population,
                    "lat": c.lat,
                    "lon": c.lon,
                },
                ensure_ascii=False,
            )
        )
