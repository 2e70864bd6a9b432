"""Curated data the extractors read. Each file says where its facts come from."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def read_json(name: str) -> Any:
    """A JSON resource, parsed once per process."""
    return json.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))


@cache
def read_sections(name: str) -> dict[str, frozenset[str]]:
    """A text resource of `[section]` headers and one entry per line; `#` starts a comment."""
    sections: dict[str, set[str]] = {}
    current = sections.setdefault("", set())
    for line in files(__package__).joinpath(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        else:
            current.add(line)
    return {key: frozenset(values) for key, values in sections.items()}


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The data lines of a text resource: no blank lines, no `#` comment lines."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
