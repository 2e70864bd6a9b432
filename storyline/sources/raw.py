"""The unit every source yields and the cleaner reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawDocument:
    """One input as the user gave it: an HTML page or a text, with what is known about it."""

    content: str
    format: str = "auto"  # auto | text | html
    id: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    no_clean: bool = False
