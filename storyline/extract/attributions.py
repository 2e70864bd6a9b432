"""The attributions layer (`doc._.attributions`): who said what, citing whom, and how sure.

Cues are found with one spaCy Matcher (reporting verbs, nouns, hedge adjectives and adverbs,
"according to"); quotations by their marks. Each finder in `storyline.extract.quotes` turns a
cue into a candidate, quotations are tied to their verbs (direct, or mixed when the quote is a
fragment of a reported clause), sources are resolved to entities, and the candidates become
`Attribution` models numbered a1, a2, ... in text order.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from storyline.document import Attribution, Span
from storyline.extract.quotes.candidate import Candidate
from storyline.extract.quotes.clauses import cue_tokens, is_negated, subject_of
from storyline.extract.quotes.direct import (
    cue_before_colon,
    cue_of_quote,
    dash_speaker,
    is_speech,
    quote_tokens,
    speaker_labels,
)
from storyline.extract.quotes.hedges import adjective_hedge, adverb_hedge
from storyline.extract.quotes.lexicon import Lexicon, lexicon
from storyline.extract.quotes.marks import Quote, find_quotes
from storyline.extract.quotes.reported import according_frame, is_reporting_verb, noun_frame, verb_frame
from storyline.extract.quotes.sources import SourceResolver

# A quote with no cue of its own continues the previous speaker when it follows this closely.
RUN_ON_CHARS = 400


def build_matcher(nlp: Language, lex: Lexicon) -> Matcher:
    matcher = Matcher(nlp.vocab)
    matcher.add("VERB", [[{"LEMMA": {"IN": sorted(lex.verbs)}, "POS": "VERB"}]])
    matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(lex.nouns)}, "POS": "NOUN"}]])
    matcher.add("ADJ", [[{"LOWER": {"IN": sorted(set(lex.adjectives) | lex.negated_unknown)}}]])
    matcher.add("ADV", [[{"LOWER": {"IN": sorted(lex.adverbs)}}]])
    matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    matcher.add("PRONOUN", [[{"LOWER": {"IN": sorted(lex.pronoun_gender)}}]])
    return matcher


class AttributionFinder:
    """The `storyline_attributions` component."""

    def __init__(self, nlp: Language) -> None:
        self.lex = lexicon()
        self.matcher = build_matcher(nlp, self.lex)

    def __call__(self, doc: Doc) -> Doc:
        hits: dict[str, list[Token]] = {}
        for match_id, start, _end in self.matcher(doc):
            hits.setdefault(doc.vocab.strings[match_id], []).append(doc[start])
        candidates = self.find(doc, hits)
        resolver = SourceResolver(doc, self.lex, hits.get("PRONOUN", []))
        doc._.attributions = [
            self.to_model(doc, f"a{n}", c, resolver) for n, c in enumerate(sorted(candidates, key=order), 1)
        ]
        return doc

    def find(self, doc: Doc, hits: dict[str, list[Token]]) -> list[Candidate]:
        lex = self.lex
        verbs = {t.i for t in hits.get("VERB", []) if is_reporting_verb(t, lex)}

        def is_cue(tok: Token) -> bool:
            return tok.i in verbs

        by_cue, loose = self.attach_quotes(doc, is_cue)
        found: dict[int, Candidate] = {}
        for i in sorted(verbs):
            verb = doc[i]
            frame = verb_frame(verb, lex)
            quotes = by_cue.pop(i, None)
            if quotes:
                frame = direct_or_mixed(verb, frame, quotes, lex)
            if frame is not None:
                found[i] = frame
        makers = (("NOUN", noun_frame), ("ACCORDING", according_frame), ("ADJ", adjective_hedge), ("ADV", adverb_hedge))
        for key, make in makers:
            for tok in hits.get(key, []):
                cand = make(tok, lex)
                if cand is not None and cand.cue_token is not None and cand.cue_token.i not in found:
                    found[cand.cue_token.i] = cand
        result = list(found.values())
        result += self.layout_quotes(doc, loose, result, is_cue)
        taken = [c.content for c in result]
        for speaker, colon, content in speaker_labels(doc, lex.not_speakers):
            if not any(s <= content[0] < e for s, e in taken):
                result.append(Candidate("direct", content, colon, "asserted", source_span=speaker))
        return without_nested(result)

    def attach_quotes(self, doc: Doc, is_cue) -> tuple[dict[int, list[Quote]], list[Quote]]:
        """Speech quotations by the index of their cue verb, and those the parse ties to no verb."""
        by_cue: dict[int, list[Quote]] = {}
        loose: list[Quote] = []
        last: tuple[int, Quote] | None = None
        for quote in find_quotes(doc.text):
            tokens = quote_tokens(doc, quote)
            if tokens is None or not is_speech(tokens):
                continue
            verb = cue_of_quote(doc, quote, tokens, is_cue) or cue_before_colon(doc, quote, is_cue)
            if verb is not None:
                by_cue.setdefault(verb.i, []).append(quote)
                last = verb.i, quote
            elif last is not None and "\n" not in doc.text[last[1].end : quote.start]:
                # '"...," said X. "..."': a quote that goes on in the same paragraph is the same statement
                by_cue[last[0]].append(quote)
            else:
                loose.append(quote)
        return by_cue, loose

    def layout_quotes(self, doc: Doc, loose: list[Quote], found: list[Candidate], is_cue) -> list[Candidate]:
        """Quotes with a speaker after a dash, or running on from the previous quote's speaker."""
        out: list[Candidate] = []
        directs = sorted((c for c in found if c.kind in {"direct", "mixed"}), key=lambda c: c.content[0])
        for quote in loose:
            dash = dash_speaker(doc, quote)
            if dash is not None:
                out.append(Candidate("direct", (quote.start, quote.end), dash[1], "asserted", source_span=dash[0]))
                continue
            prev = [c for c in directs + out if c.content[1] <= quote.start]
            if prev and quote.start - prev[-1].content[1] <= RUN_ON_CHARS and doc.text[quote.start - 1 : quote.start] in {"\n", ""}:
                last = prev[-1]
                out.append(
                    Candidate("direct", (quote.start, quote.end), None, "asserted", last.source, last.source_span)
                )
        return out

    def to_model(self, doc: Doc, aid: str, cand: Candidate, resolver: SourceResolver) -> Attribution:
        quote = cand.content if cand.kind == "direct" else None
        source = resolver.resolve(cand.source, cand.source_span, quote)
        kind = cand.kind if source is not None or cand.kind == "direct" else "unattributed"
        return Attribution(
            id=aid,
            kind=kind,  # type: ignore[arg-type]
            content=span(doc, cand.content),
            cue=span(doc, cand.cue) if cand.cue else None,
            source=source,
            via=resolver.via(cand.via),
            certainty=certainty(cand, self.lex),  # type: ignore[arg-type]
        )


def direct_or_mixed(verb: Token, frame: Candidate | None, quotes: list[Quote], lex: Lexicon) -> Candidate:
    """A verb with quotes: direct when the quote holds the reported clause's head, else mixed."""
    hull = (quotes[0].start, quotes[-1].end)
    if frame is not None and frame.root is not None and not any(q.start <= frame.root.idx < q.end for q in quotes):
        frame.kind = "mixed"
        return frame
    cue = cue_tokens(verb)
    return Candidate(
        kind="direct",
        content=hull,
        cue=(cue[0].idx, cue[-1].idx + len(cue[-1].text)),
        certainty=lex.verbs.get(verb.lemma_, "asserted"),
        source=subject_of(verb),
        via=frame.via if frame is not None else None,
        cue_token=verb,
        root=frame.root if frame is not None else None,
    )


def without_nested(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions whose cue is inside someone's quoted words: "I think ..." within a quote is part of
    the quote (PolNeAR gives each word to one attribution)."""
    quoted = sorted(c.content for c in cands if c.kind == "direct")
    starts = [s for s, _ in quoted]

    def in_quote(cand: Candidate) -> bool:
        if cand.cue is None:
            return False
        i = bisect_right(starts, cand.cue[0]) - 1
        return i >= 0 and quoted[i][0] <= cand.cue[0] < quoted[i][1] and quoted[i] != cand.content

    return [c for c in cands if not in_quote(c)]


def certainty(cand: Candidate, lex: Lexicon) -> str:
    """The cue's certainty, turned by a negated cue or a modal on the reported clause."""
    cue = cand.cue_token
    if cue is not None and is_negated(cue) and cue.lemma_ in lex.negated:
        return lex.negated[cue.lemma_]
    if cand.certainty == "asserted" and cand.root is not None:
        for child in cand.root.children:
            if child.dep_ in {"aux", "advmod"} and child.lower_ in lex.modals:
                return lex.modals[child.lower_]
    return cand.certainty


def order(cand: Candidate) -> tuple[int, int]:
    return cand.content[0], cand.cue[0] if cand.cue else -1


def span(doc: Doc, bounds: tuple[int, int]) -> Span:
    start, end = bounds
    return Span(start=start, end=end, text=doc.text[start:end])


@Language.factory("storyline_attributions")
def make_attributions(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
