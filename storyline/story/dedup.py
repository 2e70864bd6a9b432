"""Near-duplicate detection: MinHash signatures of word shingles, banded for LSH (datasketch).

Wire copy re-run by another paper keeps most 5-word runs even after a new headline, a cut
paragraph or a changed dateline; unrelated reports of one event share almost none. The bands
are stored in the database (datasketch's own LSH index lives in memory or Redis/Cassandra), so
candidates are one indexed lookup however large the store grows; datasketch picks the band
layout that minimises errors at the threshold.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
# Jaccard similarity of shingle sets above which a document is a copy of another.
THRESHOLD = 0.5
# Fixed so that signatures stored today compare with those made by later datasketch versions.
SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of the text's word 5-shingles (the whole text when it is shorter)."""
    tokens = _TOKEN.findall(text.lower())
    n = min(SHINGLE, len(tokens)) or 1
    shingles = {" ".join(tokens[i : i + n]).encode("utf-8") for i in range(max(1, len(tokens) - n + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


@lru_cache(maxsize=1)
def band_layout() -> tuple[int, int]:
    """(bands, rows per band) that datasketch finds best for THRESHOLD and NUM_PERM."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def bands(minhash: MinHash) -> list[tuple[int, int]]:
    """(band number, signed 64-bit hash of the band's rows): documents sharing one are candidates."""
    count, rows = band_layout()
    values = minhash.hashvalues.astype(np.uint32)
    out = []
    for band in range(count):
        digest = hashlib.blake2b(values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "big", signed=True)))
    return out


def is_copy(a: MinHash, b: MinHash) -> bool:
    return a.jaccard(b) >= THRESHOLD
