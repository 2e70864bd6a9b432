"""The events layer (`doc._.events`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_events")
def add_events(doc: Doc) -> Doc:
    doc._.events = []
    return doc
