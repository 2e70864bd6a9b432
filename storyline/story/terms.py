"""Document term vectors for the online TF-IDF: content words and entity keys, idf applied when compared.

Weights are stored without idf because idf changes as the store grows; comparisons use the
document frequencies of the moment (`Vocabulary`). scikit-learn's vectorisers are batch-only
(they refit on the whole corpus), which an online store cannot afford per document.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.document import Document
from storyline.story.names import name_key

_WORD = re.compile(r"[^\W\d_]{3,}")
# Plural and possessive endings folded so that "missiles"/"missile" count as one term.
_PLURAL = re.compile(r"(?<=[^s])s$|(?<=[^aeiou])ies$")
ENTITY_PREFIX = "e:"
PLACE_PREFIX = "p:"
# Entity keys weigh more than a word: two reports of one event name the same people and places.
ENTITY_BOOST = 0.5
PRIOR_DOCUMENTS = 10
# The headline and first paragraph say what the event is; the rest adds background shared with other stories.
LEAD_REPEAT = 3
LEAD_CHARS = 400
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"})


def words(text: str) -> list[str]:
    """Lower-cased content words of a text, stop words out, plurals folded."""
    found = (w.lower() for w in _WORD.findall(text))
    return [_fold(w) for w in found if w not in STOP_WORDS]


def lead(doc: Document) -> str:
    """The headline and the opening of the body (which often repeats the headline)."""
    head = doc.text[:LEAD_CHARS]
    return head if not doc.title or doc.title.strip() in head else f"{doc.title}\n{head}"


def _fold(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return _PLURAL.sub("", word) if len(word) > 4 else word


def document_terms(doc: Document) -> dict[str, float]:
    """Sublinear term weights (1 + log tf) of the body, its lead counted more, plus entity and place keys."""
    counts = Counter(words(doc.text))
    counts.update(words(lead(doc)) * LEAD_REPEAT)
    weights = {term: 1.0 + math.log(n) for term, n in counts.items()}
    for entity in doc.entities:
        if entity.type in ENTITY_TYPES and (key := name_key(entity.name)):
            weights[ENTITY_PREFIX + key] = ENTITY_BOOST * (1.0 + math.log(max(1, len(entity.mentions))))
    places = Counter(place_key(p.geonameid, p.name or p.text) for p in doc.places)
    for key, n in places.items():
        if key:
            weights[PLACE_PREFIX + key] = ENTITY_BOOST * (1.0 + math.log(n))
    return weights


def place_key(geonameid: int | None, name: str) -> str:
    """A gazetteer id when the place was resolved (so "Primorsky Krai" = "Primorye"), else its name key."""
    return str(geonameid) if geonameid is not None else name_key(name)


def normalised(weights: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


class Vocabulary:
    """Document frequencies of terms and the document count: the idf of the moment."""

    def __init__(self, df: dict[str, int], documents: int) -> None:
        self.df = df
        self.documents = documents

    def idf(self, term: str) -> float:
        # PRIOR_DOCUMENTS pseudo-documents without the term keep a young store from calling every
        # shared word common; a term in every document still weighs a little.
        return math.log((self.documents + PRIOR_DOCUMENTS) / (self.df.get(term, 0) + 1)) + 0.1

    def weigh(self, weights: dict[str, float]) -> dict[str, float]:
        """The unit-length tf-idf vector of raw weights."""
        return normalised({t: w * self.idf(t) for t, w in weights.items()})

    def add(self, terms: dict[str, float]) -> None:
        self.documents += 1
        for term in terms:
            self.df[term] = self.df.get(term, 0) + 1


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors held as sparse dicts (iterating the smaller one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)
