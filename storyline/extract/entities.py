"""The entities layer (`doc._.entities`): one entity per real-world referent, with every mention.

spaCy's NER gives mentions; this component cleans their boundaries ("the", "'s", paragraph
breaks), fixes labels with the curated lexicon, merges the mentions of one referent (surname to
full name, acronym to expansion, country variants), finds the mentions the model missed, and
reads titles from pre-modifiers ("Foreign Minister Choe Son-hui") and appositions ("Watson,
spokesperson for ...").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyline.document import Entity, Span
from storyline.extract.lexicon import (
    Known,
    known_surface_forms,
    lookup,
    name_key,
    org_kind,
    portfolio_words,
    title_words,
    vehicle_words,
)

LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT"}
_STRIP_START = {"the", "a", "an"}
_STRIP_END = {"'s", "’s", "'", "’"}
_INITIALS_SKIP = {"of", "the", "and", "for", "'s", "’s", "de", "du"}
# "media outlet "Vesti Primorye"", "the newspaper Kommersant": a name the noun before it types.
_OUTLET_NOUNS = re.compile(
    r"\b(?P<noun>(?:news |media )?outlet|newspaper|daily|tabloid|weekly|magazine|news agency|agency|"
    r"news service|broadcaster|(?:tv|television|radio) (?:channel|station)|channel|news site|website)"
    r"\s+[\"“']?(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})[\"”']?",
)
# A vessel's name after what it is, whole even when it starts with a rank: "the frigate Admiral Gorshkov".
_VESSEL_NOUNS = re.compile(
    r"\b(?:(?:aircraft|hospital|cargo|container|research|patrol)\s+)?"
    rf"(?:{'|'.join(sorted(vehicle_words()[0]))})"
    r"\s+(?P<name>(?-i:[A-Z][\w'-]+)(?:\s+(?-i:[A-Z][\w'-]+)){0,3})",
    re.IGNORECASE,
)
_NOT_VESSEL_NAMES = frozenset({"DATE", "TIME", "GPE", "NORP", "CARDINAL", "ORDINAL"})
_OUTLET_KIND = {
    "agency": "news_agency",
    "service": "news_agency",
    "newspaper": "newspaper",
    "daily": "newspaper",
    "tabloid": "newspaper",
    "weekly": "newspaper",
    "magazine": "magazine",
    "broadcaster": "broadcaster",
    "channel": "broadcaster",
    "station": "broadcaster",
    "site": "online",
    "website": "online",
    "outlet": "media",
}
_APPOSITION_MAX = 14
_COMPASS = ("North", "South", "East", "West")
_THE_COMPASS = re.compile(r"\b[Tt]he (North|South|East|West)\b(?!\s+[A-Z])")


@dataclass
class _Mention:
    start: int  # token indices
    end: int
    label: str
    known: Known | None = None

    def span(self, doc: Doc) -> SpacySpan:
        return doc[self.start : self.end]


@dataclass
class _Cluster:
    mentions: list[_Mention] = field(default_factory=list)
    known: Known | None = None
    org_like: bool = False

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@Language.factory("storyline_entities")
def make_entities(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp)


class EntityRecognizer:
    """Builds `doc._.entities` from the NER's spans and the curated lexicon."""

    def __init__(self, nlp: Language) -> None:
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known.add("KNOWN", [nlp.make_doc(name) for name in known_surface_forms()])

    def __call__(self, doc: Doc) -> Doc:
        mentions = [m for ent in doc.ents for m in _clean_mentions(doc, ent)]
        mentions = _add_unseen(
            mentions, self._known_mentions(doc) + _outlet_mentions(doc) + _vessel_mentions(doc)
        )
        clusters = _cluster(doc, mentions)
        _propagate(doc, clusters)
        doc._.entities = [_to_entity(doc, cluster, i) for i, cluster in enumerate(clusters, 1)]
        return doc

    def _known_mentions(self, doc: Doc) -> list[_Mention]:
        found = []
        for _, start, end in self.known(doc):
            known = lookup(doc[start:end].text)
            if known:
                found.append(_Mention(start, end, known.type, known))
        return found


def _clean_mentions(doc: Doc, ent: SpacySpan) -> list[_Mention]:
    """The NER span without a leading article or trailing possessive, split at paragraph breaks."""
    if ent.label_ not in LABELS:
        return []
    pieces, start = [], ent.start
    for token in ent:
        if "\n" in token.text:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, ent.end))
    out = []
    for start, end in pieces:
        while start < end and (doc[start].lower_ in _STRIP_START or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].text in _STRIP_END or doc[end - 1].is_punct):
            end -= 1
        text = doc[start:end].text
        if _era_of_a_year(doc, start, end):
            continue
        if end > start and any(ch.isalpha() for ch in text) and not in_title(doc, start, end):
            known = lookup(text)
            out.append(_Mention(start, end, known.type if known else ent.label_, known))
    return out


_ERAS = frozenset({"bc", "b.c.", "bce", "b.c.e.", "ad", "a.d.", "ce", "c.e."})


def _era_of_a_year(doc: Doc, start: int, end: int) -> bool:
    """Whether the span is the era of the year before it ("490 BC"), which the tagger takes for a name."""
    return end - start == 1 and start > 0 and doc[start].lower_ in _ERAS and doc[start - 1].like_num


def _add_unseen(mentions: list[_Mention], extra: list[_Mention]) -> list[_Mention]:
    """Add mentions over tokens no NER mention covers; an extra mention that covers an NER one replaces it."""
    for candidate in sorted(extra, key=lambda m: m.start - m.end):
        overlapping = [m for m in mentions if m.start < candidate.end and candidate.start < m.end]
        if all(candidate.start <= m.start and m.end <= candidate.end for m in overlapping):
            if any(m.known for m in overlapping) and not candidate.known:
                continue
            mentions = [m for m in mentions if m not in overlapping] + [candidate]
    return sorted(mentions, key=lambda m: m.start)


def _vessel_mentions(doc: Doc) -> list[_Mention]:
    """Ships named after what they are, as one name: 'the Russian frigate Admiral Gorshkov' (OntoNotes
    gives vehicles the PRODUCT type), rather than a person 'Gorshkov' titled admiral."""
    found = []
    for match in _VESSEL_NOUNS.finditer(doc.text):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is not None and not lookup(span.text) and span[0].ent_type_ not in _NOT_VESSEL_NAMES:
            found.append(
                _Mention(span.start, span.end, "PRODUCT")
            )  # not "the ship Tuesday", "the vessel Russia"
    return found


def _outlet_mentions(doc: Doc) -> list[_Mention]:
    """Outlets introduced by what they are: 'Russian media outlet "Vesti Primorye"'."""
    found = []
    for match in _OUTLET_NOUNS.finditer(doc.text):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or lookup(span.text):
            continue
        kind = _OUTLET_KIND.get(match["noun"].split()[-1].lower(), "media")
        found.append(_Mention(span.start, span.end, "ORG", Known(span.text, "ORG", kind, None)))
    return found


# ---------------------------------------------------------------------------- clustering


def _cluster(doc: Doc, mentions: list[_Mention]) -> list[_Cluster]:
    """Group mentions by referent: same known name or same name key, then short forms to full names."""
    by_key: dict[str, _Cluster] = {}
    for mention in mentions:
        key = "known:" + mention.known.name if mention.known else name_key(mention.span(doc).text)
        cluster = by_key.setdefault(key, _Cluster(known=mention.known))
        cluster.mentions.append(mention)
        cluster.org_like = (
            cluster.org_like or org_kind(mention.span(doc).text) is not None or _names_members(doc, mention)
        )
    clusters = list(by_key.values())
    clusters = _merge_short_names(doc, clusters)
    clusters = _merge_acronyms(doc, clusters)
    clusters = _merge_compass_names(doc, clusters)
    return sorted(clusters, key=lambda c: c.first)


# Nouns for the members or holdings of an armed or political group: "Boko Haram militants", "Hamas fighters".
# Never said of one person, so a "person" they follow is a group.
MEMBER_NOUNS = frozenset(
    {"militant", "fighter", "member", "rebel", "insurgent", "gunman", "jihadist", "guerrilla", "operative",
     "stronghold", "cell", "faction", "recruit", "commander", "captivity"}
)  # fmt: skip


def _names_members(doc: Doc, mention: _Mention) -> bool:
    return mention.end < len(doc) and doc[mention.end].lemma_.lower() in MEMBER_NOUNS


def _tokens(doc: Doc, mention: _Mention) -> list[str]:
    return name_key(mention.span(doc).text).split()


def _merge_short_names(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """'Kim' joins 'Kim Jong-un', 'Putin' 'Vladimir Putin': a short mention joins the nearest full name.
    A surname the NER took for a place ("Blinken" as a GPE) joins a full name named before it."""
    people = [c for c in clusters if not c.known and _label(c) == "PERSON" and _longest_tokens(doc, c) >= 2]
    kept = []
    for cluster in clusters:
        label = _label(cluster)
        if cluster.known or cluster in people or label not in ("PERSON", "ORG", "NORP", *_PLACE_LABELS):
            kept.append(cluster)
            continue
        leftover = []
        for mention in cluster.mentions:
            words = _tokens(doc, mention)
            owners = [p for p in people if any(_is_part(words, _tokens(doc, m)) for m in p.mentions)]
            if label in _PLACE_LABELS:
                owners = [p for p in owners if _surname_after_full_name(doc, p, words, mention.start)]
            if owners:
                owner = _nearest_before(owners, mention.start)
                owner.mentions.append(mention)
            else:
                leftover.append(mention)
        if leftover:
            cluster.mentions = leftover
            kept.append(cluster)
    return kept


_PLACE_LABELS = ("GPE", "LOC", "FAC")


def _surname_after_full_name(doc: Doc, person: _Cluster, words: list[str], start: int) -> bool:
    """Whether one word is the surname of a full name of the person that comes before it."""
    return len(words) == 1 and any(
        m.start < start and len(full := _tokens(doc, m)) > 1 and full[-1] == words[0] for m in person.mentions
    )


def _is_part(short: list[str], full: list[str]) -> bool:
    """A surname or given name of a longer name: its first or last words."""
    return len(short) < len(full) and (full[: len(short)] == short or full[-len(short) :] == short)


def _nearest_before(candidates: list[_Cluster], position: int) -> _Cluster:
    def last_before(cluster: _Cluster) -> int:
        before = [m.start for m in cluster.mentions if m.start < position]
        return max(before) if before else -len(cluster.mentions)

    return max(candidates, key=last_before)


def _merge_acronyms(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """'KCNA' joins 'Korean Central News Agency' when its letters are the name's initials."""
    by_initials: dict[str, _Cluster] = {}
    for cluster in clusters:
        name = _canonical_span(doc, cluster).text
        words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _INITIALS_SKIP]
        if len(words) >= 2 and all(w[0].isupper() for w in words):
            by_initials.setdefault("".join(w[0] for w in words), cluster)
    kept = []
    for cluster in clusters:
        text = _canonical_span(doc, cluster).text.replace(".", "")
        target = by_initials.get(text) if text.isupper() and 2 <= len(text) <= 6 else None
        if target is not None and target is not cluster:
            target.mentions.extend(cluster.mentions)
            target.known = target.known or cluster.known
        else:
            kept.append(cluster)
    return kept


def _merge_compass_names(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """'the North' is North Korea in a text whose only 'North ...' country is North Korea."""
    countries = {
        word: [
            c for c in clusters if c.known and c.known.type == "GPE" and c.known.name.startswith(word + " ")
        ]
        for word in _COMPASS
    }
    targets = {word: found[0] for word, found in countries.items() if len(found) == 1}
    if not targets:
        return clusters
    kept = [c for c in clusters if _canonical_span(doc, c).text not in targets or _label(c) == "PERSON"]
    for cluster in clusters:
        if cluster not in kept:
            targets[_canonical_span(doc, cluster).text].mentions.extend(cluster.mentions)
    covered = {i for c in kept for m in c.mentions for i in range(m.start, m.end)}
    for match in _THE_COMPASS.finditer(doc.text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is not None and match[1] in targets and span.start not in covered:
            targets[match[1]].mentions.append(_Mention(span.start, span.end, "GPE", targets[match[1]].known))
    return kept


def _propagate(doc: Doc, clusters: list[_Cluster]) -> None:
    """Add the mentions the NER missed: every other occurrence of a name a cluster already has."""
    covered = {i for c in clusters for m in c.mentions for i in range(m.start, m.end)}
    owners: dict[str, set[int]] = {}
    for index, cluster in enumerate(clusters):
        if _label(cluster) in ("PERSON", "ORG", "GPE"):
            for mention in cluster.mentions:
                owners.setdefault(mention.span(doc).text, set()).add(index)
    for index, cluster in enumerate(clusters):  # a person's surname alone: "Narendra Modi" ... "Modi"
        if _label(cluster) == "PERSON" and not cluster.known:
            words = _canonical_span(doc, cluster).text.split()
            if len(words) >= 2 and len(words[-1]) >= 3:
                owners.setdefault(words[-1], set()).add(index)
    names = [n for n, o in owners.items() if len(o) == 1 and n[:1].isupper() and len(n) >= 2]
    if not names:
        return
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)"
    )
    for match in pattern.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        cluster = clusters[next(iter(owners[match.group()]))]
        cluster.mentions.append(_Mention(span.start, span.end, _label(cluster), cluster.known))
        covered.update(range(span.start, span.end))


# ---------------------------------------------------------------------------- output


def _label(cluster: _Cluster) -> str:
    """The lexicon's type, else the mentions' most common label; a 'person' named like a company is an ORG."""
    if cluster.known:
        return cluster.known.type
    label = Counter(m.label for m in cluster.mentions).most_common(1)[0][0]
    if label == "PERSON" and cluster.org_like:
        return "ORG"
    return label


def _longest_tokens(doc: Doc, cluster: _Cluster) -> int:
    return max(len(_tokens(doc, m)) for m in cluster.mentions)


def _canonical_span(doc: Doc, cluster: _Cluster) -> SpacySpan:
    """The fullest name used: most words, then earliest."""
    best = max(cluster.mentions, key=lambda m: (len(_tokens(doc, m)), -m.start))
    return best.span(doc)


def _to_entity(doc: Doc, cluster: _Cluster, number: int) -> Entity:
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    label = _label(cluster)
    name = cluster.known.name if cluster.known else _canonical_span(doc, cluster).text
    aliases = list(dict.fromkeys(m.span(doc).text for m in mentions))
    aliases = [a for a in aliases if a != name]
    kind = cluster.known.kind if cluster.known else (org_kind(name) if label == "ORG" else None)
    titles = list(dict.fromkeys(t for m in mentions for t in _titles(doc, m))) if label == "PERSON" else []
    return Entity(
        id=f"e{number}",
        name=name,
        type=label,  # type: ignore[arg-type]
        aliases=aliases,
        titles=titles,
        kind=kind,
        mentions=[_span(m.span(doc)) for m in mentions],
    )


def _span(span: SpacySpan) -> Span:
    return Span(start=span.start_char, end=span.end_char, text=span.text)


def _titles(doc: Doc, mention: _Mention) -> list[str]:
    """Titles before the name ('Russian President Vladimir Putin') and in an apposition after it."""
    heads, modifiers = title_words()
    found = []
    start = _portfolio_start(doc, mention.start)
    while start > 0 and _is_title_word(doc[start - 1], heads, modifiers):
        start -= 1
    words = doc[start : mention.start]
    if any(t.lower_ in heads for t in words):
        found.append(words.text)
    after = mention.end
    if after + 1 < len(doc) and doc[after].text == ",":
        first = after + 1 + (doc[after + 1].lower_ in _STRIP_START)
        end = first
        while (
            end < len(doc) and end - first < _APPOSITION_MAX and doc[end].text not in {",", ".", ";", "\n\n"}
        ):
            end += 1
        phrase = doc[first:end]
        if phrase and phrase[0].lower_ in heads | modifiers and any(t.lower_ in heads for t in phrase[:4]):
            found.append(phrase.text)
    return found


def _portfolio_start(doc: Doc, end: int) -> int:
    """Where "of State" or "of Foreign Affairs" begins in a title ending at `end` ("Secretary of State
    Antony Blinken"), or `end` when no title head and portfolio stand there."""
    start = end
    while start > 0 and doc[start - 1].lower_ in portfolio_words():
        start -= 1
    if start < end and start > 0 and doc[start - 1].lower_ == "the":  # "Minister of the Interior"
        start -= 1
    heads = title_words()[0]
    if start < end and start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in heads:
        return start - 1
    return end


def in_title(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are the portfolio of a title: "State" in "Secretary of State",
    "Defense" in "Defense Secretary"."""
    heads, modifiers = title_words()
    before_head = end < len(doc) and doc[end].lower_ in heads
    portfolio = all(t.lower_ in portfolio_words() or t.lower_ in modifiers for t in doc[start:end])
    return _portfolio_start(doc, end) <= start - 1 or (before_head and portfolio)


def _is_title_word(token: Token, heads: frozenset[str], modifiers: frozenset[str]) -> bool:
    word = token.lower_
    titled = word in heads or word in modifiers or word in portfolio_words()
    return titled or token.ent_type_ in ("NORP", "GPE")


def entity_at(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping the character span [start, end), the longest overlap first."""
    best, best_overlap = None, 0
    for entity in doc._.entities or []:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = entity, overlap
    return best
