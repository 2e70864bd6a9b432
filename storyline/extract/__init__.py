"""storyline's extractors: spaCy pipeline components, one layer each.

Each component reads the layers before it and adds its own as a list of contract models
(`storyline.document`) on a `Doc._` extension: `doc._.entities`, `doc._.times`,
`doc._.places`, `doc._.attributions`, `doc._.events`. `doc._.published` carries the
publication date (ISO) that relative times are resolved against.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

LAYERS = ("entities", "times", "places", "attributions", "events")

for _name in (*LAYERS, "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def layer(doc: Doc, name: str) -> list[Any]:
    """The items of one layer; an empty list if its component has not run."""
    return doc._.get(name) or []
