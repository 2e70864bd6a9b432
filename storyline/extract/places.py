"""The places layer (`doc._.places`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_places")
def add_places(doc: Doc) -> Doc:
    doc._.places = []
    return doc
