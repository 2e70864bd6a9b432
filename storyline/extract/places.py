"""The places layer (`doc._.places`): toponyms found in the text and resolved against the gazetteer.

Mentions come from the entities layer (GPE, LOC, FAC; NORP adjectives such as "Russian"; PERSON or ORG
entities whose context says they are places, e.g. "the city of Vladivostok", "Khasan station") and from
capitalised names the NER model missed that the gazetteer knows and the context marks as places
("in the Primorsky Krai region"). Each is ranked (`storyline.geo.rank`) with the document's context;
an entity the NER model typed as a person or organisation but that is a place gets its type corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from storyline.document import Entity, EntityType, Place
from storyline.extract import layer
from storyline.geo import Candidate, gazetteer
from storyline.geo.features import feature_fits, feature_words
from storyline.geo.rank import Context, DocumentContext, best
from storyline.geo.records import ADJECTIVE, NAME

PLACE_TYPES = {"GPE", "LOC", "FAC"}
RETYPABLE = {"PERSON", "ORG"}
WINDOW = 6  # tokens before a mention searched for "the Russian border city of"
LOCATIVE = {"in", "to", "from", "near", "at", "into", "across", "through", "via", "outside", "toward", "towards"}
# A capitalised name the NER model missed: words with an initial capital, joined by spaces or hyphens.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b")
_TRIM_START = re.compile(r"^(?:the|The|THE)\s+")
_TRIM_END = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity | None
    adjective: bool = False
    from_ner: bool = True


@Language.component("storyline_places")
def add_places(doc: Doc) -> Doc:
    """Find, resolve and number the document's places; correct place entities the NER model mistyped."""
    gaz = gazetteer()
    mentions = _entity_mentions(doc) + _missed_names(doc, gaz)
    mentions.sort(key=lambda m: m.start)
    locals_ = [_local_context(doc, m, gaz) for m in mentions]
    context = _document_context(doc, mentions, locals_, gaz)
    places: list[Place] = []
    retyped: dict[str, EntityType] = {}
    resolved: dict[str, Candidate | None] = {}
    for m, local in zip(mentions, locals_, strict=True):
        name = doc.text[m.start : m.end]
        cands = gaz.candidates(name)
        if not cands and local.feature and " " in name:
            # "Razdolnaya River": the name without its feature word, which then says what kind of place it is.
            name = name.rsplit(" ", 1)[0]
            cands = gaz.candidates(name)
        if m.entity is not None and m.entity.type in RETYPABLE:
            kind = _place_type(local, cands)
            if kind is not None:
                retyped.setdefault(m.entity.id, kind)
            elif not (m.entity.type == "ORG" and _names_country(cands)):
                continue  # an organisation named for a country or continent ("EU") is still that place
        elif not m.from_ner and not _accept_missed(doc, m, local, cands):
            continue
        top = best(cands, local, context)
        if m.entity is not None and not local.feature:
            # A mention without a feature word of its own means what its entity's name means ("the North").
            if m.entity.id not in resolved:
                resolved[m.entity.id] = _entity_place(m.entity, top, local, context, gaz)
            top = resolved[m.entity.id] or top
        if m.adjective and (top is None or top.kind != ADJECTIVE):
            continue
        if top is None and not (local.feature or local.country) and (m.entity is None or m.entity.type == "GPE"):
            continue  # a "GPE" the gazetteer does not know and nothing marks as a place is mostly a person
        if top is not None:
            context.add(top)
        places.append(_place(doc, len(places) + 1, m, top, local))
    _retype(doc, retyped)
    doc._.places = places
    return doc


def _entity_place(
    entity: Entity, top: Candidate | None, local: Context, context: DocumentContext, gaz  # type: ignore[no-untyped-def]
) -> Candidate | None:
    """The place an entity's canonical name resolves to, else the one its first mention did."""
    name = _TRIM_END.sub("", _TRIM_START.sub("", entity.name))
    return best(gaz.candidates(name), local, context) or top


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The span without a leading article or a trailing possessive: "the Razdolnaya River's" -> the name."""
    text = doc.text[start:end]
    if m := _TRIM_START.match(text):
        start += m.end()
    if m := _TRIM_END.search(doc.text[start:end]):
        end -= len(m.group())
    return start, end


def _entity_mentions(doc: Doc) -> list[Mention]:
    out = []
    for entity in layer(doc, "entities"):
        if entity.type not in PLACE_TYPES | RETYPABLE | {"NORP"}:
            continue
        for span in entity.mentions:
            start, end = _trimmed(doc, span.start, span.end)
            if start < end:
                out.append(Mention(start, end, entity, adjective=entity.type == "NORP"))
    return out


def _missed_names(doc: Doc, gaz) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Capitalised names outside every entity mention that the gazetteer knows."""
    taken = sorted((s.start, s.end) for e in layer(doc, "entities") for s in e.mentions)
    out = []
    for match in _CAPITALISED.finditer(doc.text):
        start, end = _trimmed(doc, match.start(), match.end())
        if start >= end or any(s < end and start < e for s, e in taken):
            continue
        name = doc.text[start:end]
        if gaz.candidates(name) or (" " in name and gaz.candidates(name.rsplit(" ", 1)[0])):
            out.append(Mention(start, end, None, from_ner=False))
    return out


def _local_context(doc: Doc, m: Mention, gaz) -> Context:  # type: ignore[no-untyped-def]
    """Feature words, countries and first-level divisions named right beside the mention."""
    words = feature_words()
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    local = Context(adjective=m.adjective)
    if span is None:
        return local
    sent = span.sent
    last = span[-1].lower_
    after = doc[span.end] if span.end < sent.end else None
    if last in words and len(span) > 1:
        local.feature = words[last]  # "Razdolnaya River", "Primorsky Krai"
    elif after is not None and after.lower_ in words:
        local.feature = words[after.lower_]  # "Khasan station", "Primorsky Krai region"
    before = doc[max(sent.start, span.start - WINDOW) : span.start]
    for i in range(len(before) - 1, -1, -1):
        word = before[i].lower_
        if word in words:
            # "the city of X", "the city X": the word must lead straight to the mention.
            rest = [t.lower_ for t in before[i + 1 :]]
            if rest in ([], ["of"]):
                local.feature = local.feature or words[word]
                local.country = _country_before(before[:i], gaz)
            break
    if after is not None and after.text == "," and span.end + 1 < sent.end:
        _admin_after(doc, span.end + 1, sent.end, local, gaz)
    return local


def _country_before(tokens, gaz) -> str | None:  # type: ignore[no-untyped-def]
    """A country named in "the Russian border city of", "Russia's far eastern city of"."""
    for t in reversed(tokens):
        if t.is_title or t.is_upper:
            word = t.text if t.tag_ != "POS" else ""
            for c in gaz.candidates(word):
                if c.feature.startswith("PCL") and c.kind in (NAME, ADJECTIVE, 1):
                    return c.country
    return None


def _admin_after(doc: Doc, start: int, stop: int, local: Context, gaz) -> None:  # type: ignore[no-untyped-def]
    """"Bangor, Maine", "Paris, Texas", "Hassan, India": the division or country after a comma."""
    for width in (3, 2, 1):
        if start + width > stop:
            continue
        words = doc[start : start + width]
        if not all(t.is_title or t.is_upper for t in words):
            continue
        for c in gaz.candidates(words.text):
            if c.kind == NAME and c.feature == "ADM1":
                local.admin1, local.country = c.admin1, c.country
                return
            if c.kind != ADJECTIVE and c.feature.startswith("PCL"):
                local.country = c.country
                return


def _document_context(doc: Doc, mentions: list[Mention], locals_: list[Context], gaz) -> DocumentContext:  # type: ignore[no-untyped-def]
    """The countries and regions the document names without ambiguity: the context every mention is read in."""
    context = DocumentContext()
    for m, local in zip(mentions, locals_, strict=True):
        if m.entity is not None and m.entity.type in RETYPABLE:
            continue
        cands = gaz.candidates(doc.text[m.start : m.end])
        top = best(cands, local, DocumentContext())
        if top is not None and top.fclass == "A" and top.feature in ("PCLI", "ADM1") and top.kind != 1:
            context.add(top)
    context.points.clear()
    return context


def _place_type(local: Context, cands: tuple[Candidate, ...]) -> EntityType | None:
    """The entity type a PERSON/ORG mention gets when its context says it is a place; None if it does not."""
    if not local.feature or not cands:
        return None
    fitting = [c for c in cands if feature_fits(local.feature, c.feature, c.fclass)]
    if fitting:
        return _type_of(fitting[0].fclass)
    if local.country is None:
        return None
    return _type_of(local.feature[0][0] if len(local.feature[0]) > 1 else local.feature[0])


def _names_country(cands: tuple[Candidate, ...]) -> bool:
    return any(c.kind != ADJECTIVE and c.feature.startswith(("PCL", "CONT")) for c in cands)


def _type_of(fclass_or_code: str) -> EntityType:
    letter = fclass_or_code[0]
    if fclass_or_code.startswith(("ADM", "PCL", "PPL")) or letter in ("A", "P"):
        return "GPE"
    if fclass_or_code.startswith(("RSTN", "MTRO", "BDG", "AIRP", "DAM", "PRT")) or letter == "S":
        return "FAC"
    return "LOC"


def _accept_missed(doc: Doc, m: Mention, local: Context, cands: tuple[Candidate, ...]) -> bool:
    """Whether a name the NER model missed is a place: its context must say so, or it must be a well-known one."""
    if not cands:
        return False
    if local.feature and any(feature_fits(local.feature, c.feature, c.fclass) for c in cands):
        return True
    token = doc.char_span(m.start, m.end, alignment_mode="expand")
    if token is None or not all(t.pos_ == "PROPN" for t in token):
        return False
    prev = doc[token.start - 1] if token.start > token.sent.start else None
    big = any(c.kind == NAME and (c.feature.startswith(("PCL", "ADM1", "CONT")) or c.population >= 100000)
              for c in cands)
    return big and prev is not None and prev.lower_ in LOCATIVE


def _place(doc: Doc, n: int, m: Mention, top: Candidate | None, local: Context) -> Place:
    entity = m.entity.id if m.entity is not None else None
    text = doc.text[m.start : m.end]
    if top is None:
        # Unresolved: what the context says, and no coordinates.
        return Place(id=f"p{n}", start=m.start, end=m.end, text=text, entity=entity,
                     country=local.country, admin1=local.admin1)
    return Place(
        id=f"p{n}", start=m.start, end=m.end, text=text, entity=entity, name=top.name,
        geonameid=top.geonameid if top.geonameid > 0 else None, country=top.country, admin1=top.admin1,
        lat=top.lat, lon=top.lon, feature=top.feature,
    )


def _retype(doc: Doc, retyped: dict[str, EntityType]) -> None:
    """Correct, in place, the type of entities the NER model gave a person's or organisation's type."""
    for entity in layer(doc, "entities"):
        if entity.id in retyped:
            entity.type = retyped[entity.id]
