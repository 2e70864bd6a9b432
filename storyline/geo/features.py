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


# The codes of geo_feature_words.tsv that name natural features: GeoNames classes H (water), T (terrain) and
# V (vegetation). Classes A and P are divisions and towns, S buildings and sites ("University of X").
NATURAL_CODES = frozenset(
    {"STM", "LK", "SEA", "OCN", "GULF", "BAY", "STRT", "MT", "MTS", "PEN", "ISL", "ISLS", "VAL", "DSRT",
     "CNL", "FRST", "BCH", "SHOL", "RF", "ATOL"}
)  # fmt: skip


def is_natural(codes: tuple[str, ...]) -> bool:
    """Whether feature codes name only natural features (seas, straits, lakes, mountains): "the Sea of Japan"
    is not Japan, while "the State of Texas" is Texas and "the University of Alberta" is no place at all."""
    return all(code in NATURAL_CODES for code in codes)
