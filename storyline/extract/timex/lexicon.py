"""The words of temporal expressions (`resources/time_lexicon.json`), loaded once, and regex alternations
built from them."""

from __future__ import annotations

import json
import re
from fractions import Fraction
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon() -> dict[str, Any]:
    text = resources.files("storyline.resources").joinpath("time_lexicon.json").read_text(encoding="utf-8")
    return json.loads(text)


def table(name: str) -> dict[str, Any]:
    return lexicon()[name]


def alternation(words: list[str] | dict[str, Any]) -> str:
    """A regex group matching any of the words, longest first so "sept" is tried before "sep";
    a space or hyphen in a phrase matches either."""
    ordered = sorted(words, key=len, reverse=True)
    return (
        "(?:"
        + "|".join(
            re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?").replace("'", "['’]")
            for w in ordered
        )
        + ")"
    )


def key(text: str) -> str:
    """The lexicon key for matched text: lower case, a dot dropped, spaces and hyphens as one space, a
    curly apostrophe as a straight one."""
    return re.sub(r"[\s-]+", " ", text.lower().rstrip(".").replace("’", "'")).strip()


def lookup(name: str, text: str) -> Any:
    entries = table(name)
    k = key(text)
    if k in entries:
        return entries[k]
    return entries.get(k.replace(" ", "-"))


def number(text: str) -> Fraction | None:
    """The value of a written number: "4", "4.5", "four", "twenty-four", "4 1/2", "a dozen";
    None for a vague one ("several", "a few")."""
    text = key(text)
    if text in table("vague_numbers"):
        return None
    if text in table("numbers"):
        return Fraction(table("numbers")[text])
    total = Fraction(0)
    for part in re.split(r"\s+(?:and\s+)?", text):
        if re.fullmatch(r"\d+/\d+", part):
            num, den = part.split("/")
            if int(den) == 0:
                return None
            total += Fraction(int(num), int(den))
        elif re.fullmatch(r"\d+(?:\.\d+)?", part.replace(",", "")):
            total += Fraction(part.replace(",", ""))
        elif part == "half":
            total += Fraction(1, 2)
        elif part in ("a", "an") and total:  # "four and a half"
            continue
        else:
            value = table("numbers").get(part)
            if value is None:
                return None
            total = total * value if value in (100, 1000) and total else total + value
    return total
