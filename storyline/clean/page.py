"""What cleaning makes of a page: the article body and its metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.document import Caption


@dataclass
class Page:
    text: str
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    url: str | None = None
    captions: list[Caption] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
