"""`storyline route`: a subject's stops in time order, as JSON and as valid GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shapely.geometry import shape
from typer.testing import CliRunner

from storyline.cli import app
from storyline.document import Document
from storyline.route import route, to_geojson

from .conftest import SEED

runner = CliRunner()


@pytest.fixture()
def seed_document(imported_cache: Path, seed_text: str) -> Document:
    """The seed read with a gazetteer that holds Khasan and the Razdolnaya (a GeoNames-format import)."""
    import storyline

    return storyline.extract(seed_text, published="2023-09-12", id="seed")


def test_seed_route_in_order_heading_to_ussuriysk(seed_document: Document) -> None:
    result = route([seed_document], "Kim Jong-un")
    names = [stop.name or stop.place for stop in result.stops]
    order = [n for n in names if n in ("Pyongyang", "Khasan", "Razdol'naya")]
    assert order == ["Pyongyang", "Khasan", "Razdol'naya"], names
    assert "Ussuriysk" in [stop.name for stop in result.heading]
    first = result.stops[0]
    assert (first.time, first.event, first.source) == (
        "2023-09-10TAF",
        "DEPART",
        "Korean Central News Agency",
    )


def test_seed_route_is_valid_geojson(seed_document: Document) -> None:
    collection = to_geojson(route([seed_document], "Kim"))
    assert collection["type"] == "FeatureCollection"
    geometries = [shape(feature["geometry"]) for feature in collection["features"]]
    assert all(geometry.is_valid for geometry in geometries)
    line = next(g for g in geometries if g.geom_type == "LineString")
    pyongyang = line.coords[0]
    assert pyongyang == pytest.approx((125.754, 39.034), abs=0.05)  # GeoJSON is (lon, lat)
    for feature in collection["features"]:
        lon, lat = shape(feature["geometry"]).coords[0]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_route_command_reads_articles_and_documents(tmp_path: Path, imported_cache: Path) -> None:
    table = runner.invoke(app, ["route", "Kim Jong-un", str(SEED), "--published", "2023-09-12"])
    assert table.exit_code == 0, table.output
    assert "Pyongyang" in table.stdout and "Khasan" in table.stdout
    extracted = runner.invoke(app, ["extract", str(SEED), "--published", "2023-09-12"])
    saved = tmp_path / "seed.json"
    saved.write_text(extracted.stdout)
    as_json = runner.invoke(app, ["route", "Kim", str(saved), "--json"])
    assert json.loads(as_json.stdout)["actor"] == "Kim Jong-un"
    geojson = runner.invoke(app, ["route", "Kim", str(saved), "--geojson"])
    assert json.loads(geojson.stdout)["type"] == "FeatureCollection"
    assert runner.invoke(app, ["route", "Kim", str(saved), "--json", "--geojson"]).exit_code == 2


def test_unknown_subject_has_an_empty_route(seed_document: Document) -> None:
    result = route([seed_document], "Angela Merkel")
    assert result.stops == [] and result.heading == []


def test_route_over_the_store(tmp_path: Path, imported_cache: Path) -> None:
    db = str(tmp_path / "store.db")
    batch = tmp_path / "in.jsonl"
    batch.write_text(json.dumps({"id": "seed", "text": SEED.read_text(), "published": "2023-09-12"}) + "\n")
    ingested = runner.invoke(app, ["ingest", str(batch), "--jsonl", "--db", db])
    assert ingested.exit_code == 0, ingested.output
    result = runner.invoke(app, ["route", "Kim Jong Un", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    places = [stop["name"] or stop["place"] for stop in json.loads(result.stdout)["stops"]]
    assert places[0] == "Pyongyang" and "Khasan" in places
    missing = runner.invoke(app, ["route", "Nobody Here", "--db", db])
    assert missing.exit_code == 3 and "not in the store" in missing.stderr


def test_an_undated_report_orders_its_weekdays_by_its_week(imported_cache: Path, seed_text: str) -> None:
    """Without a publication date, "left on Sunday afternoon ... arrived early Tuesday" still starts on
    Sunday: the report's week starts after the longest stretch none of its weekdays falls in."""
    import storyline

    undated = storyline.extract(seed_text, id="seed")
    stops = route([undated], "Kim Jong-un").stops
    assert (stops[0].name, stops[0].time) == ("Pyongyang", "XXXX-WXX-7TAF"), stops
    assert all(stop.time == "XXXX-WXX-2" for stop in stops[1:]), stops
