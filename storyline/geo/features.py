"""Words that name a kind of place ("city", "river", "station") and the GeoNames features they point to."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def feature_words() -> dict[str, tuple[str, ...]]:
    """word -> GeoNames feature classes or codes it names (resources/geo_feature_words.tsv)."""
    text = resources.files("storyline.resources").joinpath("geo_feature_words.tsv").read_text("utf-8")
    words = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, codes = line.split("\t")
            words[word] = tuple(codes.split("|"))
    return words


def feature_fits(codes: tuple[str, ...], feature: str, fclass: str) -> bool:
    """Whether a place of this feature code and class is one of `codes` (classes are one letter)."""
    return any(c == fclass if len(c) == 1 else feature.startswith(c) for c in codes)
