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
# Latin letters that Unicode does not decompose into a base letter and a mark ("Łódź" -> "lodz").
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
# Letters of Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, East Asian and other non-Latin scripts.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u1dbf\u2c00-\u2c5f\u2d00-\u9fff\ua000-\ud7ff\uf900-\ufaff]")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")


def key_of(name: str) -> str:
    """The look-up key of a place name: ASCII, lower case, no punctuation, one spelling of endings."""
    text = _POSSESSIVE.sub("", name.strip())
    text = text.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACE.sub(" ", _DROP.sub("", text)).strip()
    for pattern, replacement in _TRANSLIT:
        text = pattern.sub(replacement, text)
    return _ARTICLE.sub("", text)


# The name key of text read from a document: cached, as news repeats its place names.
name_key = lru_cache(maxsize=65536)(key_of)


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin letters (other scripts never occur in English news text)."""
    return name.isascii() or not _OTHER_SCRIPT.search(name)
