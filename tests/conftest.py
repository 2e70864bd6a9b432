"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from storyline import pipeline

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "yonhap-2023-09-12-kim-arrives-in-russia.txt"


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the gazetteer once per test session in a temporary cache, never in the user's."""
    cache = tmp_path_factory.getbasetemp() / "storyline-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STORYLINE_CACHE", str(cache))
        yield cache


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside the checkout")
    return SEED.read_text(encoding="utf-8")
