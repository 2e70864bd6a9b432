"""The times layer (`doc._.times`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_times")
def add_times(doc: Doc) -> Doc:
    doc._.times = []
    return doc
