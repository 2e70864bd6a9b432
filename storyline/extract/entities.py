"""The entities layer (`doc._.entities`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.document import Entity, Span

_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"}


@Language.component("storyline_entities")
def add_entities(doc: Doc) -> Doc:
    groups: dict[tuple[str, str], list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ in _TYPES:
            groups.setdefault((ent.text, ent.label_), []).append(
                Span(start=ent.start_char, end=ent.end_char, text=ent.text)
            )
    doc._.entities = [
        Entity(id=f"e{i}", name=name, type=label, mentions=mentions)  # type: ignore[arg-type]
        for i, ((name, label), mentions) in enumerate(groups.items(), 1)
    ]
    return doc


def entity_at(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span [start, end), the longest overlap first."""
    best, best_overlap = None, 0
    for entity in doc._.entities or []:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best
