"""The Python API: the same behaviour as `storyline extract`, without the command line."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language

from storyline import pipeline
from storyline.clean import Page, clean
from storyline.document import Document, from_doc
from storyline.errors import StorylineError
from storyline.sources.raw import RawDocument


def load(model: str | None = None) -> Language:
    """The full spaCy pipeline (the model's components, then storyline's), cached per process."""
    return pipeline.load(model)


def extract(
    content: str,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    id: str | None = None,
    format: str = "auto",
    clean: bool = True,
    model: str | None = None,
) -> Document:
    """One Document from a text or an HTML page. Raises a StorylineError for bad input."""
    raw = RawDocument(
        content=content,
        format=format,
        id=id,
        url=url,
        published=published,
        outlet=outlet,
        title=title,
        no_clean=not clean,
    )
    return extract_one(raw, model=model)


def extract_one(raw: RawDocument, model: str | None = None) -> Document:
    """The Document for one raw input; raises its StorylineError if it cannot be read."""
    result = next(extract_many([raw], model=model))
    if isinstance(result, StorylineError):
        raise result
    return result


def extract_many(
    raws: Iterable[RawDocument | StorylineError],
    model: str | None = None,
    batch_size: int = pipeline.BATCH_SIZE,
) -> Iterator[Document | StorylineError]:
    """Documents in input order; an input that cannot be read yields its error and the batch goes on.

    An item may already be an error (e.g. a malformed JSON line): it is passed through in place.
    """
    nlp = load(model)
    items = iter(raws)
    while chunk := list(islice(items, batch_size)):
        yield from _extract_chunk(nlp, chunk)


def _extract_chunk(
    nlp: Language, chunk: list[RawDocument | StorylineError]
) -> Iterator[Document | StorylineError]:
    cleaned: list[tuple[RawDocument, Page] | StorylineError] = []
    for raw in chunk:
        if isinstance(raw, StorylineError):
            cleaned.append(raw)
            continue
        try:
            cleaned.append((raw, clean(raw)))
        except StorylineError as error:
            error.doc_id = error.doc_id or raw.id
            cleaned.append(error)
    pages = [item for item in cleaned if not isinstance(item, StorylineError)]
    docs = iter(
        pipeline.parse(nlp, ((page.text, page.published) for _, page in pages), batch_size=len(chunk))
    )
    for item in cleaned:
        if isinstance(item, StorylineError):
            yield item
        else:
            raw, page = item
            yield from_doc(next(docs), page, doc_id=raw.id or derive_id(page))


def derive_id(page: Page) -> str:
    """A stable id for a document given without one: its URL, else its text, hashed."""
    basis = page.url or page.text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
