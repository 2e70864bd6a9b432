"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from storyline import pipeline
from storyline.geo import gazetteer, import_geonames, index

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GEONAMES = Path(__file__).resolve().parent / "data" / "geonames"
SEED = SHARED / "seed" / "yonhap-2023-09-12-kim-arrives-in-russia.txt"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the gazetteer once per test session in a temporary cache, never in the user's."""
    cache = tmp_path_factory.getbasetemp() / "storyline-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORYLINE_CACHE", str(cache))
        yield cache


@pytest.fixture(scope="session")
def default_cache(cache_dir: Path) -> Path:
    """The session cache with the embedded default gazetteer built in it."""
    gazetteer()
    return cache_dir


@pytest.fixture(scope="session")
def imported_index(default_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the default index with the GeoNames-format fixture imported (Khasan, the Razdolnaya)."""
    path = tmp_path_factory.mktemp("imported-cache") / index.FILE_NAME
    shutil.copy(default_cache / index.FILE_NAME, path)
    import_geonames(GEONAMES / "RU-sample.txt", GEONAMES / "admin1CodesASCII.txt", path)
    return path


@pytest.fixture()
def imported_cache(imported_index: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache directory of the imported index, for one test."""
    monkeypatch.setenv("STORYLINE_CACHE", str(imported_index.parent))
    return imported_index.parent


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside the checkout")
    return SEED.read_text(encoding="utf-8")
