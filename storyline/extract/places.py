"""The places layer (`doc._.places`): toponyms found in the text and resolved against the gazetteer.

Mentions come from the entities layer (GPE, LOC, FAC; NORP adjectives such as "Russian"; PERSON or ORG
entities whose context says they are places, e.g. "the city of Vladivostok", "Khasan station") and from
capitalised names the NER model missed that the gazetteer knows and the context marks as places
("in the Primorsky Krai region"). Each is ranked (`storyline.geo.rank`) with the document's context;
an entity the NER model typed as a person or organisation but that is a place gets its type corrected.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from storyline.document import Entity, EntityType, Place
from storyline.extract import layer
from storyline.extract.events import triggers
from storyline.extract.sentences import sentence
from storyline.geo import Candidate, Gazetteer, gazetteer
from storyline.geo.features import feature_fits, feature_words, is_natural
from storyline.geo.names import name_key
from storyline.geo.rank import Context, DocumentContext, best, confident, most_populous
from storyline.geo.records import ADJECTIVE, ALTERNATE, NAME

Chooser = Callable[[tuple[Candidate, ...], Context, DocumentContext], Candidate | None]
PLACE_TYPES = {"GPE", "LOC", "FAC"}
RETYPABLE = {"PERSON", "ORG"}
WINDOW = 6  # tokens before a mention searched for "the Russian border city of"
LOCATIVE = frozenset(
    ("in", "to", "from", "near", "at", "into", "across", "through", "via", "outside", "toward", "towards",
     "off", "around", "inside", "along", "beyond", "between")
)  # fmt: skip
# A capitalised name: words with an initial capital (Latin letters with accents too: "São Paulo"),
# all-capital words (datelines, "US", "EU") or initialisms ("U.S."), joined by spaces or hyphens and by
# the small words of Romance and Arabic place names ("Rio de Janeiro", "Deir al-Zor").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĠĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LOWER = "a-zß-öø-ÿā-ž"
_WORD = rf"(?:[{_UPPER}][{_LOWER}]+(?:'[{_LOWER}]+)?|[A-Z]{{2,}}\b|(?:[A-Z]\.){{2,}})"
_PARTICLES = ("de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "al", "el",
              "upon")  # fmt: skip
_PARTICLE = rf"(?:{'|'.join(_PARTICLES)})"
_CAPITALISED = re.compile(rf"(?<![\w.]){_WORD}(?:(?:[ -]{_PARTICLE})*[ -]{_WORD})*")
_WORDS = re.compile(_WORD)
# Verbs whose object is a place that are no event of their own: "fled Kharkiv", "Israeli strikes hit Rafah".
_PLACE_OBJECT_VERBS = frozenset(
    {"enter", "tour", "flee", "evacuate", "hit", "raid", "storm", "capture", "seize", "besiege", "surround",
     "occupy", "liberate", "recapture"}
)  # fmt: skip
EMBEDDED_POPULATION = 100_000  # a city named inside an organisation's name must be well known
_TRIM_START = re.compile(r"^(?:the|The|THE)\s+")
_TRIM_END = re.compile(r"(?:'s|’s|'|’)$")


@dataclass
class Mention:
    start: int
    end: int
    name: str
    entity: Entity | None
    adjective: bool = False
    from_ner: bool = True
    embedded: bool = False


RANKINGS = ("context", "population")


@Language.factory("storyline_places", default_config={"ranking": "context"})
def make_places(nlp: Language, name: str, ranking: str) -> Callable[[Doc], Doc]:
    """The places component. `ranking` "population" is the baseline that ignores context and always takes
    the most populous candidate (recognition unchanged), kept to measure what the context adds."""
    if ranking not in RANKINGS:
        raise ValueError(f"ranking must be one of {RANKINGS}, not {ranking!r}")
    choose = _baseline if ranking == "population" else best
    return lambda doc: add_places(doc, choose)


def _baseline(cands: tuple[Candidate, ...], local: Context, context: DocumentContext) -> Candidate | None:
    return most_populous(tuple(c for c in cands if (c.kind == ADJECTIVE) == local.adjective))


def add_places(doc: Doc, choose: Chooser = best) -> Doc:
    """Find, resolve and number the document's places; correct place entities the NER model mistyped."""
    gaz = gazetteer()
    text = doc.text  # Doc.text joins every token: read it once
    mentions = _entity_mentions(doc, text) + _missed_names(doc, text, gaz)
    mentions += _embedded_names(mentions, gaz)
    mentions.sort(key=lambda m: m.start)
    locals_ = [_local_context(doc, m, gaz) for m in mentions]
    _share_countries(mentions, locals_)
    context = _document_context(doc, mentions, locals_, gaz)
    names = [_candidates(m, local, gaz) for m, local in zip(mentions, locals_, strict=True)]
    retyped = _retyped(doc, mentions, locals_, names)
    places: list[Place] = []
    resolved: dict[str, Candidate | None] = {}
    for m, local, cands in zip(mentions, locals_, names, strict=True):
        if m.entity is not None and m.entity.type in RETYPABLE:
            if m.entity.id not in retyped and not (m.entity.type == "ORG" and _names_country(cands)):
                continue  # an organisation named for a country or continent ("EU") is still that place
        elif not m.from_ner and not m.embedded and not _accept_missed(doc, text, m, local, cands):
            continue
        top = choose(cands, local, context)
        if m.entity is not None and not local.feature:
            # A mention without a feature word of its own means what its entity's name means ("the North").
            if m.entity.id not in resolved:
                resolved[m.entity.id] = _entity_place(m.entity, top, local, context, gaz, choose)
            top = resolved[m.entity.id] or top
        sure = m.entity is not None and m.entity.id in retyped  # its context already said it is a place
        if top is not None and not sure and not confident(top, local, context):
            top = None
        if m.adjective and not _adjective_of(top):
            continue
        if top is None and not (local.feature or local.country or _unknown_region(m)):
            continue  # a name the gazetteer does not know and nothing marks as a place is mostly not one
        if top is not None:
            context.add(top)
        places.append(_place(len(places) + 1, m, top, local))
    _retype(doc, retyped)
    doc._.places = places
    return doc


def _adjective_of(top: Candidate | None) -> bool:
    """Whether a nationality word names the place: its adjective ("Russian"), or a country's short name
    that news uses as one ("Saudi")."""
    if top is None:
        return False
    return top.kind == ADJECTIVE or (top.kind == ALTERNATE and top.feature.startswith("PCL"))


def _share_countries(mentions: list[Mention], locals_: list[Context]) -> None:
    """A country said once of an entity holds for all its mentions: after "the Russian border city of
    Khasan", "Khasan station" is in Russia too."""
    countries: dict[str, str] = {}
    for m, local in zip(mentions, locals_, strict=True):
        if m.entity is not None and local.country:
            countries.setdefault(m.entity.id, local.country)
    for m, local in zip(mentions, locals_, strict=True):
        if m.entity is not None and not local.country:
            local.country = countries.get(m.entity.id)


def _candidates(m: Mention, local: Context, gaz: Gazetteer) -> tuple[Candidate, ...]:
    name = m.name
    cands = gaz.candidates(name)
    if not cands and local.feature and " " in name:
        # "Razdolnaya River": the name without its feature word, which then says what kind of place it is.
        cands = gaz.candidates(name.rsplit(" ", 1)[0])
    return cands


def _retyped(
    doc: Doc, mentions: list[Mention], locals_: list[Context], names: list[tuple[Candidate, ...]]
) -> dict[str, EntityType]:
    """PERSON or ORG entities one of whose mentions the context marks as a place, with their place type."""
    retyped: dict[str, EntityType] = {}
    for m, local, cands in zip(mentions, locals_, names, strict=True):
        titled = m.entity is not None and m.entity.type == "PERSON" and bool(m.entity.titles)
        if m.entity is not None and m.entity.type in RETYPABLE and m.entity.id not in retyped and not titled:
            kind = _place_type(local, cands) or _well_known_after_preposition(doc, m, cands)
            if kind is not None:
                retyped[m.entity.id] = kind
    return retyped


def _well_known_after_preposition(doc: Doc, m: Mention, cands: tuple[Candidate, ...]) -> EntityType | None:
    """A big city or a region the NER took for a person ("left Kyiv", "in Khan Younis"): its name after
    a place preposition or as the object of a movement verb, and never given a title. A county named for
    a person ("hit Smith", Smith County) is no such place. (An organisation's name is not retyped so: one
    mention "in the Centre" would make a city of India's central government everywhere.)"""
    if m.entity is None or m.entity.type != "PERSON":
        return None
    known = [
        c
        for c in cands
        if c.kind != ADJECTIVE
        and not c.feature.startswith("ADM2")
        and (c.population >= EMBEDDED_POPULATION or c.feature == "ADM1")
    ]
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if not known or span is None:
        return None
    return _type_of(known[0].feature) if _placed_by_syntax(span) else None


def _placed_by_syntax(span: SpacySpan) -> bool:
    """A name after a place preposition ("in Khan Younis", "off Hodeidah"), the object of a verb of
    movement or force ("left Kyiv", "shelled Kharkiv"), or joined by "and" to such a name ("shelled
    Kharkiv and Odesa")."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    start = min(root.left_edge.i, span.start)
    doc = span.doc
    before = doc[start - 1] if start > sentence(doc, span.start).start else None
    if before is not None and before.lower_ in LOCATIVE:
        return True
    return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_ in _place_object_verbs()


@lru_cache(maxsize=1)
def _place_object_verbs() -> frozenset[str]:
    """The verbs whose object may be a place: the events layer's verbs of movement and force, and more."""
    kinds = ("DEPART", "ARRIVE", "PASS", "TRAVEL", "MILITARY")
    moving = {lemma for (lemma, pos), trig in triggers().items() if pos == "VERB" and trig.type in kinds}
    return frozenset(moving) | _PLACE_OBJECT_VERBS


def _entity_place(
    entity: Entity,
    top: Candidate | None,
    local: Context,
    context: DocumentContext,
    gaz: Gazetteer,
    choose: Chooser,
) -> Candidate | None:
    """The place an entity's canonical name resolves to, else the one its first mention did."""
    name = _TRIM_END.sub("", _TRIM_START.sub("", entity.name))
    return choose(gaz.candidates(name), local, context) or top


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading article or a trailing possessive: "the Razdolnaya River's" -> the name."""
    if m := _TRIM_START.match(text[start:end]):
        start += m.end()
    if m := _TRIM_END.search(text[start:end]):
        end -= len(m.group())
    return start, end


def _entity_mentions(doc: Doc, text: str) -> list[Mention]:
    out = []
    for entity in layer(doc, "entities"):
        if entity.type not in PLACE_TYPES | RETYPABLE | {"NORP"}:
            continue
        for span in entity.mentions:
            start, end = _trimmed(text, span.start, span.end)
            if start < end:
                out.append(Mention(start, end, text[start:end], entity, adjective=entity.type == "NORP"))
    return out


def _missed_names(doc: Doc, text: str, gaz: Gazetteer) -> list[Mention]:
    """Capitalised names outside every entity mention that the gazetteer knows."""
    taken = sorted((s.start, s.end) for e in layer(doc, "entities") for s in e.mentions)
    out = []
    for match in _CAPITALISED.finditer(text):
        start, end = _trimmed(text, match.start(), match.end())
        if start >= end or any(s < end and start < e for s, e in taken):
            continue
        name = text[start:end]
        if _generic(name):
            continue
        known = gaz.candidates(name) or (" " in name and gaz.candidates(name.rsplit(" ", 1)[0]))
        if known or _structure_word(name):
            out.append(Mention(start, end, name, None, from_ner=False))
    return out


def _embedded_names(mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Well-known places named inside an organisation's name ("Air Zimbabwe", "the US State Department"),
    or inside a place name the gazetteer does not know ("north west London")."""
    out = []
    for m in mentions:
        if m.entity is None or m.entity.type not in ("ORG", *PLACE_TYPES) or m.adjective:
            continue
        text = m.name
        if m.entity.type != "ORG" and gaz.candidates(text):
            continue
        for match in _CAPITALISED.finditer(text):
            # Inside a place name, only a part after lower-case words ("north west London"), and not the
            # name a sea or a strait is called by ("Sea of Japan" is not Japan).
            if _named_for(text[: match.start()]):
                continue
            if m.entity.type == "ORG" or match.start() == 0 or text[: match.start()].rstrip()[-1:].islower():
                chained = m.entity.type != "ORG"
                out += _known_parts(m.start + match.start(), match.group(), (m.start, m.end), gaz, chained)
    return out


_FEATURE_OF = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?$")


def _named_for(before: str) -> bool:
    """Whether a name follows a natural feature's "X of": the name a sea or a strait is called by."""
    m = _FEATURE_OF.search(before)
    words = feature_words()
    return m is not None and m.group(1).lower() in words and is_natural(words[m.group(1).lower()])


def _known_parts(
    offset: int, text: str, whole: tuple[int, int], gaz: Gazetteer, chained: bool
) -> list[Mention]:
    """The longest runs of words in `text` that name a country, region, continent or big city. With
    `chained`, only runs that follow each other from the first word: "Greece Italy", but not the
    "America" of "Latin America"."""
    words = [(w.start(), w.end()) for w in _WORDS.finditer(text)]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            start, end = offset + words[i][0], offset + words[j - 1][1]
            if (start, end) == whole:
                continue
            name = text[words[i][0] : words[j - 1][1]]
            cands = gaz.candidates(name)
            if _plain_word(name) or _generic(name) or not any(_well_known(c) for c in cands):
                continue
            adjective = any(c.kind == ADJECTIVE for c in cands)
            out.append(Mention(start, end, name, None, adjective=adjective, from_ner=False, embedded=True))
            i = j - 1
            break
        else:
            if chained:
                break
        i += 1
    return out


def _plain_word(name: str) -> bool:
    """A short word in title case ("La", "Mass"): an abbreviation of a region only with its capitals or
    full stop ("LA", "Mass.")."""
    return len(name) <= 4 and not name.isupper() and "." not in name


def _well_known(c: Candidate) -> bool:
    """A country, continent or first-level division by any of its names, or a big city by its main name."""
    if c.kind == ADJECTIVE or c.feature.startswith(("PCL", "CONT")):
        return True
    if c.feature == "ADM1":
        return True
    return c.kind == NAME and c.population >= EMBEDDED_POPULATION


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    text = resources.files("storyline.resources").joinpath("geo_generic_words.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


def _generic(name: str) -> bool:
    """Whether a capitalised span is only ordinary words ("South", "Metro", "Central Valley")."""
    return all(w in _generic_words() for w in name_key(name).split())


def _local_context(doc: Doc, m: Mention, gaz: Gazetteer) -> Context:
    """Feature words, countries and first-level divisions named right beside the mention."""
    words = feature_words()
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    local = Context(adjective=m.adjective, ner_type=m.entity.type if m.entity is not None else None)
    if span is None:
        return local
    sent = sentence(doc, span.start)
    last = span[-1].lower_
    after = doc[span.end] if span.end < sent.end else None
    first = span[0].lower_
    if last in words and len(span) > 1:
        local.feature, local.feature_in_name = words[last], True  # "Razdolnaya River", "Primorsky Krai"
    elif len(span) > 2 and span[1].lower_ == "of" and first in words and is_natural(words[first]):
        local.feature, local.feature_in_name = words[first], True  # "Sea of Japan", "Strait of Hormuz"
    elif after is not None and after.lower_ in words:
        local.feature = words[after.lower_]  # "Khasan station", "Primorsky Krai region"
    elif inner := _structure_word(m.name):
        local.feature, local.feature_in_name = words[inner], True  # "Joint Base Andrews"
    before = doc[max(sent.start, span.start - WINDOW) : span.start]
    for i in range(len(before) - 1, -1, -1):
        word = before[i].lower_
        titled = before[i].is_title and i > 0 and before[i - 1].lower_ == "of" and i == len(before) - 1
        if word in words and not titled:  # "the state of X", not "Secretary of State X" (a title)
            # "the city of X", "the city X": the word must lead straight to the mention.
            rest = [t.lower_ for t in before[i + 1 :]]
            if rest in ([], ["of"]):
                local.feature = local.feature or words[word]
                local.country = _country_before(before[:i], gaz)
            break
    if after is not None and after.text == "," and span.end + 1 < sent.end:
        _admin_after(doc, span.end + 1, sent.end, local, gaz)
    return local


# LOC to the NER model, but off the map: the Sun, the Moon, the IAU's planets and our galaxy.
_OFF_EARTH = frozenset(
    {"sun", "moon", "mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto",
     "milky way", "solar system"}
)  # fmt: skip


def _unknown_region(m: Mention) -> bool:
    """A region or sea the gazetteer lacks ("the Middle East", "the Korean Peninsula"), no point."""
    return m.entity is not None and m.entity.type == "LOC" and name_key(m.name) not in _OFF_EARTH


def _country_before(tokens: SpacySpan, gaz: Gazetteer) -> str | None:
    """A country named in "the Russian border city of", "Russia's far eastern city of"."""
    for t in reversed(tokens):
        if t.is_title or t.is_upper:
            word = t.text if t.tag_ != "POS" else ""
            for c in gaz.candidates(word):
                if c.feature.startswith("PCL") and c.kind in (NAME, ADJECTIVE, 1):
                    return c.country
    return None


def _admin_after(doc: Doc, start: int, stop: int, local: Context, gaz: Gazetteer) -> None:
    """The division or country after a comma: "Bangor, Maine", "Paris, Texas", "Hassan, India"."""
    for width in (3, 2, 1):
        if start + width > stop:
            continue
        words = doc[start : start + width]
        if not all(t.is_title or t.is_upper for t in words):
            continue
        if start + width < len(doc) and doc[start + width].tag_ == "POS":
            continue  # "..., Spain's defense ministry said": the next clause's owner, not where X is
        cands = gaz.candidates(words.text)
        if any(c.kind == ADJECTIVE for c in cands):
            continue  # "in Cologne, German cities ...": a nationality, not the division X lies in
        for c in cands:
            if c.kind == NAME and c.feature == "ADM1":
                local.admin1, local.country = c.admin1, c.country
                return
            if c.kind != ADJECTIVE and c.feature.startswith("PCL"):
                local.country = c.country
                return


def _document_context(
    doc: Doc, mentions: list[Mention], locals_: list[Context], gaz: Gazetteer
) -> DocumentContext:
    """The countries and regions the document names without ambiguity, the context of every mention
    ("Georgia", a country and a state, is not one)."""
    context = DocumentContext()
    for m, local in zip(mentions, locals_, strict=True):
        if m.entity is not None and m.entity.type in RETYPABLE:
            continue
        cands = gaz.candidates(m.name)
        top = best(cands, local, DocumentContext())
        if top is None or top.fclass != "A" or top.feature not in ("PCLI", "ADM1") or top.kind == ALTERNATE:
            continue
        namesakes = {c.country for c in cands if c.kind == NAME and c.feature in ("PCLI", "ADM1")}
        if namesakes <= {top.country}:
            context.add(top)
    context.points.clear()
    return context


def _place_type(local: Context, cands: tuple[Candidate, ...]) -> EntityType | None:
    """The entity type a PERSON/ORG mention gets when its context says it is a place; None if it does not.
    The context is a feature word ("city of X", "X station") or the division after a comma ("X, Maine").
    A name the gazetteer lacks is a place when a crossing, an airport or a bridge is named for it ("the
    Kerem Shalom crossing")."""
    if not cands:
        named = local.feature and not local.feature_in_name and set(local.feature) & _NAMED_STRUCTURES
        return "FAC" if named else None
    if not local.feature:
        within = [c for c in cands if local.admin1 and _same_admin1(c, local.admin1)]
        return _type_of(within[0].fclass) if within else None
    fitting = [c for c in cands if feature_fits(local.feature, c.feature, c.fclass)]
    if fitting:
        return _type_of(fitting[0].fclass)
    if local.country is None:
        return None
    return _type_of(local.feature[0])


_NAMED_STRUCTURES = frozenset({"PSTB", "AIRP", "BDG"})  # border crossings, airports, bridges
_INSTALLATIONS = _NAMED_STRUCTURES | {"AIRB", "INSM"}  # and air bases and military installations


def _structure_word(name: str) -> str | None:
    """A word inside a name (not its first) that names a structure or an installation: "Joint Base
    Andrews", "Ben Gurion Airport". Such a name is a place even when no gazetteer knows it."""
    words = feature_words()
    inner = [w.lower() for w in name.split()[1:]]
    return next((w for w in inner if w in words and set(words[w]) <= _INSTALLATIONS), None)


def _same_admin1(c: Candidate, admin1: str) -> bool:
    return c.admin1 is not None and name_key(c.admin1) == name_key(admin1)


def _names_country(cands: tuple[Candidate, ...]) -> bool:
    return any(c.kind != ADJECTIVE and c.feature.startswith(("PCL", "CONT")) for c in cands)


def _type_of(fclass_or_code: str) -> EntityType:
    letter = fclass_or_code[0]
    if fclass_or_code.startswith(("ADM", "PCL", "PPL")) or letter in ("A", "P"):
        return "GPE"
    if fclass_or_code.startswith(("RSTN", "MTRO", "BDG", "AIRP", "DAM", "PRT")) or letter == "S":
        return "FAC"
    return "LOC"


def _accept_missed(doc: Doc, text: str, m: Mention, local: Context, cands: tuple[Candidate, ...]) -> bool:
    """Whether a name the NER model missed is a place: the context says so, or it is well known."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if not cands:  # "departed Joint Base Andrews": an installation named where a place belongs
        return _structure_word(m.name) is not None and _placed_by_syntax(span)
    if local.feature and any(feature_fits(local.feature, c.feature, c.fclass) for c in cands):
        return True
    if local.admin1 and any(_same_admin1(c, local.admin1) for c in cands):
        return True  # "CAMP MURRAY, Wash.", "Bangor, Maine"
    if not any(_well_known(c) for c in cands):
        return False
    if _dateline(text, m.start, m.end) or _HYPHENED_MODIFIER.match(text, m.end):
        return True  # "BEIRUT (AP) -", "a Kyiv-based analyst", "Russian-held"
    return all(t.pos_ == "PROPN" or t.lower_ in _PARTICLES for t in span) and _placed_by_syntax(span)


# A place name made a modifier by a participle: "Kyiv-based", "Saudi-led", "Russian-held".
_HYPHENED_MODIFIER = re.compile(
    r"-(?:based|led|backed|born|made|bound|owned|run|funded|allied|aligned|controlled|held|occupied|annexed)\b"
)


def _dateline(text: str, start: int, end: int) -> bool:
    """A name that opens a paragraph and is followed by a comma or an agency tag: "BEIRUT (AP) -"."""
    return (start == 0 or text[start - 1] == "\n") and text[end : end + 2] in (", ", " (", " -", " —")


def _place(n: int, m: Mention, top: Candidate | None, local: Context) -> Place:
    entity = m.entity.id if m.entity is not None else None
    place = Place(id=f"p{n}", start=m.start, end=m.end, text=m.name, entity=entity)
    if top is None:  # unresolved: what the context says, and no coordinates
        place.country, place.admin1 = local.country, local.admin1
        if local.feature_in_name and len(local.feature) == 1 and len(local.feature[0]) > 1:
            place.feature = local.feature[0]  # "Sea of Japan": SEA, "Razdolnaya River": STM
        return place
    place.name, place.country, place.admin1 = top.name, top.country, top.admin1
    place.geonameid = top.geonameid if top.geonameid > 0 else None
    place.lat, place.lon, place.feature = top.lat, top.lon, top.feature
    return place


def _retype(doc: Doc, retyped: dict[str, EntityType]) -> None:
    """Correct, in place, the type of entities the NER model gave a person's or organisation's type."""
    for entity in layer(doc, "entities"):
        if entity.id in retyped:
            entity.type = retyped[entity.id]
