"""Name keys: one spelling-insensitive form for every way a place name is written.

The index stores and the look-up asks for the same key, so "Primorsky Krai", "Primorskiy kray" and
"PRIMORSKY KRAI" meet, as do "U.S." and "US", "São Paulo" and "Sao Paulo".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[.'’`ʹʼ]")  # "U.S." -> "US", "Razdol'naya" -> "Razdolnaya"
_SPACE = re.compile(r"[^0-9a-z]+")
# Romanisations of Russian (and other Cyrillic) names differ on endings and a few letters;
# folding both sides to one form lets GeoNames' "Primorskiy kray" meet the press's "Primorsky Krai".
_TRANSLIT = (
    (re.compile(r"(?:iy|yy|ij|yj|ii)\b"), "y"),
    (re.compile(r"\bkray\b"), "krai"),
)
_ARTICLE = re.compile(r"^the ")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The look-up key of a place name: ASCII, lower case, no punctuation, one spelling of endings."""
    text = _POSSESSIVE.sub("", name.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _SPACE.sub(" ", _DROP.sub("", text)).strip()
    for pattern, replacement in _TRANSLIT:
        text = pattern.sub(replacement, text)
    return _ARTICLE.sub("", text)


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (other scripts never occur in English news text)."""
    return all(ord(c) < 0x250 or unicodedata.combining(c) or not c.isalpha() for c in name)
