"""The attributions layer (`doc._.attributions`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_attributions")
def add_attributions(doc: Doc) -> Doc:
    doc._.attributions = []
    return doc
