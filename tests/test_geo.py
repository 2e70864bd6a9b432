"""The gazetteer: name keys, the index, GeoNames import, ranking and the `storyline gazetteer` commands.

These tests use small indexes built from the GeoNames-format fixture in tests/data/geonames/ (real facts
for a handful of places), never the embedded default, so they run in a second.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli.common import app
from storyline.errors import BadInput
from storyline.geo import Gazetteer, index, lookup
from storyline.geo.geonames import read_admin1, read_dump
from storyline.geo.lookup import import_geonames
from storyline.geo.names import name_key
from storyline.geo.rank import Context, DocumentContext, best, most_populous

DATA = Path(__file__).parent / "data" / "geonames"
DUMP = DATA / "RU-sample.txt"
ADMIN1 = DATA / "admin1CodesASCII.txt"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Primorsky Krai", "Primorskiy kray"),
        ("U.S.", "US"),
        ("São Paulo", "Sao Paulo"),
        ("Razdol'naya", "Razdolnaya"),
        ("North Korea's", "North Korea"),
        ("the Russian Federation", "Russian Federation"),
        ("KHASAN", "Khasan"),
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Khasan", "Hassan"), ("Bangor", "Bangkok"), ("Niger", "Nigeria")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.fixture()
def gaz(tmp_path: Path) -> Gazetteer:
    """An index holding only the fixture's places, imported as `storyline gazetteer import` does."""
    path = tmp_path / index.FILE_NAME
    index.build(path, [], "test", {})
    import_geonames(DUMP, ADMIN1, path)
    return Gazetteer(path)


def test_import_reads_every_field(gaz: Gazetteer) -> None:
    stations = [c for c in gaz.candidates("Khasan") if c.feature == "RSTN"]
    assert len(stations) == 1
    station = stations[0]
    assert (station.country, station.admin1, station.fclass) == ("RU", "Primorskiy Kray", "S")
    assert station.lat == pytest.approx(42.4275) and station.lon == pytest.approx(130.64611)


def test_alternate_names_are_looked_up(gaz: Gazetteer) -> None:
    river = [c for c in gaz.candidates("Razdolnaya") if c.feature == "STM"]
    assert [c.name for c in river] == ["Razdol'naya"]
    assert {c.name for c in gaz.candidates("Suifen He")} == {"Razdol'naya"}


def test_import_reads_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "RU.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(DUMP, "RU.txt")
        z.writestr("readme.txt", "not data")
    names = {r.name for r in read_dump(archive, read_admin1(ADMIN1))}
    assert {"Khasan", "Razdol'naya", "Bangor"} <= names


def test_a_malformed_line_is_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("2022083\tKhasan\tKhasan\n", encoding="utf-8")
    with pytest.raises(BadInput, match=r"bad\.txt:1"):
        list(read_dump(bad, {}))


@pytest.mark.parametrize(
    ("local", "country", "feature"),
    [
        # "the Russian border city of Khasan"
        (Context(feature=("P",), country="RU"), "RU", "PPL"),
        # "Khasan station"
        (Context(feature=("RSTN", "MTRO")), "RU", "RSTN"),
    ],
)
def test_context_picks_the_place_the_text_means(
    gaz: Gazetteer, local: Context, country: str, feature: str
) -> None:
    top = best(gaz.candidates("Khasan"), local, DocumentContext())
    assert top is not None and (top.country, top.feature) == (country, feature)


def test_without_context_the_biggest_namesake_wins(gaz: Gazetteer) -> None:
    top = most_populous(gaz.candidates("Khasan"))
    assert top is not None and top.name == "Hassan" and top.country == "IN"


def test_a_namesake_outside_the_named_country_is_refused(tmp_path: Path) -> None:
    path = tmp_path / index.FILE_NAME
    index.build(path, [r for r in read_dump(DUMP, {}) if r.country == "IN"], "test", {})
    assert (
        best(Gazetteer(path).candidates("Khasan"), Context(feature=("P",), country="RU"), DocumentContext())
        is None
    )


@pytest.mark.parametrize(("admin1", "country"), [("Maine", "US"), ("Northern Ireland", "GB")])
def test_the_division_after_a_comma_decides(gaz: Gazetteer, admin1: str, country: str) -> None:
    top = best(gaz.candidates("Bangor"), Context(admin1=admin1, country=country), DocumentContext())
    assert top is not None and top.country == country and top.admin1 == admin1


def test_document_context_decides_between_namesakes(gaz: Gazetteer) -> None:
    doc = DocumentContext()
    doc.countries["US"] += 3
    top = best(gaz.candidates("Bangor"), Context(), doc)
    assert top is not None and top.country == "US"


@pytest.fixture()
def cli_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    index.build(index.default_path(), [], "test", {})
    return tmp_path


def test_cli_import_then_lookup(cli_cache: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "import", str(DUMP), "--admin1", str(ADMIN1)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["gazetteer", "lookup", "Khasan"])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert '"Hassan"' in first and '"IN"' in first  # the most populous first
    assert '"RSTN"' in result.stdout


def test_cli_import_of_a_missing_file_fails_cleanly(cli_cache: Path) -> None:
    result = CliRunner().invoke(app, ["gazetteer", "import", str(cli_cache / "nope.zip")])
    assert result.exit_code == 3
    assert "no such file" in result.output


@pytest.mark.parametrize(
    ("source", "build", "imports", "rebuilt"),
    [
        ("embedded: an earlier version", "an-earlier-build", "", True),  # an upgrade changed the data
        ("embedded: an earlier version", "an-earlier-build", "RU.zip", False),  # rebuilding would lose it
        ("a custom index", "", "", False),  # built by the user, not from the embedded default
    ],
)
def test_a_default_index_built_by_an_earlier_version_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, build: str, imports: str, rebuilt: bool
) -> None:
    path = tmp_path / index.FILE_NAME
    index.build(path, [], source, {}, build)
    if imports:
        db = index.connect(path)
        index.set_meta(db, "imports", imports)
        db.commit()
        db.close()
    calls: list[Path] = []
    monkeypatch.setattr(lookup, "build_default", lambda p=None: calls.append(p) or 0)
    lookup.gazetteer(path)
    assert calls == ([path] if rebuilt else [])
