"""Online story clustering: each new document joins the story it is most similar to, or opens one.

Similarity is the cosine of tf-idf vectors (content words plus entity keys, see `terms`)
between the document and a story's profile, damped when the document falls outside the
story's time window. A document similar enough to two stories bridges them: they merge.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from storyline.story.terms import Vocabulary, cosine, normalised

# Cosine above which a document joins a story, and above which it also merges the others it matches.
JOIN = 0.15
MERGE = 0.2
# Days around a story's first and last documents within which time does not count against a match.
WINDOW_DAYS = 30
# Beyond the window the similarity halves every HALF_LIFE_DAYS: old stories fade, not vanish.
HALF_LIFE_DAYS = 120
PROFILE_TERMS = 400
INDEX_KEYS = 40
QUERY_KEYS = 20
CANDIDATES = 30


@dataclass
class StoryProfile:
    id: int
    profile: dict[str, float]
    first_day: int | None
    last_day: int | None
    size: int


def time_factor(day: int | None, story: StoryProfile) -> float:
    """1 inside the window around the story's dates, decaying by half-lives beyond it."""
    if day is None or story.first_day is None or story.last_day is None:
        return 1.0
    gap = max(story.first_day - day, day - story.last_day, 0) - WINDOW_DAYS
    return 1.0 if gap <= 0 else math.pow(0.5, gap / HALF_LIFE_DAYS)


def reach_days() -> float:
    """How far from a story a document can be and still join it: beyond this many days the time
    factor keeps even an identical text under JOIN, so such stories need not be looked at."""
    return WINDOW_DAYS + HALF_LIFE_DAYS * math.log2(1 / JOIN)


def similarity(
    vector: dict[str, float], day: int | None, story: StoryProfile, vocabulary: Vocabulary
) -> float:
    return cosine(vector, vocabulary.weigh(story.profile)) * time_factor(day, story)


def decide(scores: list[tuple[float, StoryProfile]]) -> tuple[StoryProfile | None, list[StoryProfile]]:
    """The story to join (None: open a new one) and the other stories the document bridges into it."""
    matches = sorted((pair for pair in scores if pair[0] >= JOIN), key=lambda pair: -pair[0])
    if not matches:
        return None, []
    best = matches[0][1]
    bridged = [story for score, story in matches[1:] if score >= MERGE]
    return best, bridged


def add_terms(profile: dict[str, float], terms: dict[str, float]) -> dict[str, float]:
    """The profile with one more document's unit-length weights, pruned to its strongest terms."""
    merged = dict(profile)
    for term, weight in normalised(terms).items():
        merged[term] = merged.get(term, 0.0) + weight
    return prune(merged)


def combine(profiles: list[dict[str, float]]) -> dict[str, float]:
    merged: dict[str, float] = {}
    for profile in profiles:
        for term, weight in profile.items():
            merged[term] = merged.get(term, 0.0) + weight
    return prune(merged)


def prune(profile: dict[str, float]) -> dict[str, float]:
    if len(profile) <= PROFILE_TERMS:
        return profile
    kept = sorted(profile.items(), key=lambda item: -item[1])[:PROFILE_TERMS]
    return {term: round(weight, 5) for term, weight in kept}


def top_keys(weights: dict[str, float], vocabulary: Vocabulary, count: int) -> list[str]:
    """The most distinctive terms (weight times idf): what a story is found by, or what a document asks."""
    ranked = sorted(weights, key=lambda term: -weights[term] * vocabulary.idf(term))
    return [term for term in ranked[:count] if len(term) <= 255]
