"""The attribution lexicon: reporting words with their certainty, and the function words beside them.

Both files live in `storyline.resources` and are read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from storyline.resources import read_json


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    attitudes: dict[str, str]
    adverbs: dict[str, str]
    modals: dict[str, str]
    negated_unknown: frozenset[str]
    negated: dict[str, str]
    light_verbs: frozenset[str]
    via_verbs: frozenset[str]
    pronoun_gender: dict[str, str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    gendered_words: dict[str, str]
    source_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    media_nouns: frozenset[str]
    not_speakers: frozenset[str]
    object_verbs: frozenset[str]
    # reporting verbs whose direct object is an addressee or a percept, not a nominal content
    not_object_verbs: frozenset[str]
    # verbs that are a cue only beside a quotation ("she continued: ...")
    quote_verbs: frozenset[str]
    # objects that say how someone spoke, not what ("spoke on condition of anonymity")
    not_contents: frozenset[str]
    # "declined to comment", "refused to say whether": a refusal to speak leaves the matter unknown
    refusals: frozenset[str]
    withheld_speech: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The lexicon, parsed once per process."""
    by_pos: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "adj": {}, "adv": {}, "attitude": {}}
    text = files("storyline.resources").joinpath("reporting_verbs.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, pos, certainty = line.split("\t")
            by_pos[pos][word] = certainty
    words = read_json("attribution_words.json")
    return Lexicon(
        verbs=by_pos["verb"],
        nouns=by_pos["noun"],
        adjectives=by_pos["adj"],
        attitudes=by_pos["attitude"],
        adverbs=by_pos["adv"],
        modals=words["modals"],
        negated_unknown=frozenset(words["negated_unknown"]),
        negated=words["negated"],
        light_verbs=frozenset(words["light_verbs"]),
        via_verbs=frozenset(words["via_verbs"]),
        pronoun_gender=words["pronoun_gender"],
        plural_pronouns=frozenset(words["plural_pronouns"]),
        neuter_pronouns=frozenset(words["neuter_pronouns"]),
        gendered_words=words["gendered_words"],
        source_kinds=tuple((kind, tuple(ws)) for kind, ws in words["source_kinds"]),
        media_nouns=frozenset(words["media_nouns"]),
        not_speakers=frozenset(words["not_speakers"]),
        object_verbs=frozenset(words["object_verbs"]),
        not_object_verbs=frozenset(words["addressee_or_percept_verbs"]["words"]),
        quote_verbs=frozenset(words["quote_verbs"]["words"]),
        not_contents=frozenset(words["not_contents"]["words"]),
        refusals=frozenset(words["refusals"]),
        withheld_speech=frozenset(words["withheld_speech"]),
    )
