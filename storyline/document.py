"""The contract's types: the Document JSON (`storyline.document/1`) as pydantic models.

Every extractor adds instances of these models to a spaCy `Doc` (see `storyline.extract`);
`from_doc` assembles them with the cleaned page's metadata into one `Document`. Offsets are
Python `str` indices into `Document.text`, `end` exclusive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from storyline.extract import layer

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.clean.page import Page

SCHEMA = "storyline.document/1"

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "OTHER"]
AttributionKind = Literal["direct", "indirect", "mixed", "unattributed"]
Certainty = Literal["confirmed", "asserted", "assessed", "expected", "speculated", "unknown", "denied"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal[
    "DEPART", "ARRIVE", "PASS", "TRAVEL", "MEET", "TALKS", "STATEMENT", "MILITARY", "AGREEMENT", "OTHER"
]
EventStatus = Literal["occurred", "ongoing", "planned", "expected", "speculated", "denied"]


class Span(BaseModel):
    start: int
    end: int
    text: str


class EntitySpan(Span):
    """A span that may name an entity of the document (attribution source and via), and what sort of
    source it is: state_media, news_agency, media, government, official, anonymous (an extension)."""

    entity: str | None = None
    kind: str | None = None


class Caption(BaseModel):
    text: str
    credit: str | None = None


class Entity(BaseModel):
    id: str
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    kind: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Attribution(BaseModel):
    id: str
    kind: AttributionKind
    content: Span
    cue: Span | None = None
    source: EntitySpan | None = None
    via: EntitySpan | None = None
    certainty: Certainty = "asserted"


class TimeExpression(BaseModel):
    id: str
    start: int
    end: int
    text: str
    type: TimeType
    value: str


class Place(BaseModel):
    id: str
    start: int
    end: int
    text: str
    entity: str | None = None
    name: str | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


class Event(BaseModel):
    id: str
    type: EventType
    plover: str | None = None
    trigger: Span
    actor: str | None = None
    target: str | None = None
    place: str | None = None
    destination: str | None = None
    time: str | None = None
    attribution: str | None = None
    status: EventStatus = "occurred"


class Document(BaseModel):
    """One article and everything storyline read out of it."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    language: str = "en"
    text: str
    captions: list[Caption] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = {"populate_by_name": True}

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict:
    """The JSON Schema of the Document, as published with the docs (`storyline schema`)."""
    return Document.model_json_schema(by_alias=True)


def from_doc(doc: Doc, page: Page, doc_id: str) -> Document:
    """The Document for a processed spaCy Doc and the page it was made from."""
    return Document(
        id=doc_id,
        url=page.url,
        outlet=page.outlet,
        title=page.title,
        authors=page.authors,
        published=page.published,
        text=doc.text,
        captions=page.captions,
        removed=page.removed,
        entities=layer(doc, "entities"),
        attributions=layer(doc, "attributions"),
        times=layer(doc, "times"),
        places=layer(doc, "places"),
        events=layer(doc, "events"),
    )
