"""The attributions layer (`doc._.attributions`): who said what, citing whom, and how sure.

Cues are found with a spaCy Matcher (reporting verbs and nouns, hedge and attitude adjectives,
hedge adverbs, "according to") and a DependencyMatcher (any verb with a that-clause); quotations
by their marks. Each finder in `storyline.extract.quotes` turns a
cue into a candidate, quotations are tied to their verbs (direct, or mixed when the quote is a
fragment of a reported clause), sources are resolved to entities, and the candidates become
`Attribution` models numbered a1, a2, ... in text order.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token

from storyline.document import Attribution, Span
from storyline.extract.clauses import is_negated, subject_of
from storyline.extract.quotes.candidate import Candidate
from storyline.extract.quotes.cues import cue_tokens
from storyline.extract.quotes.direct import (
    cue_before_colon,
    cue_of_quote,
    dash_speaker,
    is_speech,
    quote_tokens,
    speaker_labels,
)
from storyline.extract.quotes.hedges import adjective_hedge, adverb_hedge, attitude
from storyline.extract.quotes.lexicon import Lexicon, lexicon
from storyline.extract.quotes.marks import Quote, find_quotes
from storyline.extract.quotes.reported import (
    NEGATING_PREPS,
    according_frame,
    is_passive_hedge_only,
    is_reporting_verb,
    noun_frame,
    verb_frame,
)
from storyline.extract.quotes.sources import SourceResolver
from storyline.extract.sentences import sentence

# Words of a reported clause outside its quote that make the quote a fragment of it (mixed): more than
# the subject of a quoted predicate (The KCNA said Kim "left here ...").
MIXED_WORDS = 2
# A quote with no cue of its own continues the previous speaker when it follows this closely.
RUN_ON_CHARS = 400


# A "sentence" longer than this is a list or a table read as one (the sentences of the PolNeAR news articles
# stay under 100 tokens): its parse says little about who said what, and reading it from each of its verbs
# takes time quadratic in its length.
MAX_SENTENCE_TOKENS = 200


def build_matcher(nlp: Language, lex: Lexicon) -> Matcher:
    """One Matcher for every lexical cue, built once per pipeline; match keys name the finder."""
    matcher = Matcher(nlp.vocab)
    matcher.add("VERB", [[{"LEMMA": {"IN": sorted(lex.verbs)}, "POS": "VERB"}]])
    matcher.add("QUOTE_VERB", [[{"LEMMA": {"IN": sorted(lex.quote_verbs)}, "POS": "VERB"}]])
    matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(lex.nouns)}, "POS": "NOUN"}]])
    matcher.add("ADJ", [[{"LOWER": {"IN": sorted(set(lex.adjectives) | lex.negated_unknown)}}]])
    matcher.add("ADV", [[{"LOWER": {"IN": sorted(lex.adverbs)}}]])
    matcher.add("ATTITUDE", [[{"LOWER": {"IN": sorted(lex.attitudes)}, "POS": "ADJ"}]])
    matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    matcher.add("PRONOUN", [[{"LOWER": {"IN": sorted(lex.pronoun_gender)}}]])
    return matcher


def build_that_clause_matcher(nlp: Language) -> DependencyMatcher:
    """Any verb with a that-clause reports something ("X conceded that ...", "X hinted that ...") even
    when the lexicon does not list it; the lexicon only adds its certainty."""
    matcher = DependencyMatcher(nlp.vocab)
    matcher.add(
        "THAT_CLAUSE",
        [
            [
                {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"POS": "VERB"}},
                {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "clause", "RIGHT_ATTRS": {"DEP": "ccomp"}},
                {
                    "LEFT_ID": "clause",
                    "REL_OP": ">",
                    "RIGHT_ID": "mark",
                    "RIGHT_ATTRS": {"DEP": "mark", "LOWER": "that"},
                },
            ]
        ],
    )
    return matcher


class AttributionFinder:
    """The `storyline_attributions` component."""

    def __init__(self, nlp: Language) -> None:
        self.lex = lexicon()
        self.matcher = build_matcher(nlp, self.lex)
        self.that_clauses = build_that_clause_matcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        hits: dict[str, list[Token]] = {}
        for match_id, start, _end in self.matcher(doc):
            hits.setdefault(doc.vocab.strings[match_id], []).append(doc[start])
        hits["THAT"] = [doc[ids[0]] for _, ids in self.that_clauses(doc)]
        hits = {
            key: [t for t in found if len(sentence(doc, t.i)) <= MAX_SENTENCE_TOKENS]
            for key, found in hits.items()
        }
        text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
        candidates = self.find(text, doc, hits)
        resolver = SourceResolver(doc, self.lex, hits.get("PRONOUN", []))
        doc._.attributions = [
            self.to_model(text, f"a{n}", c, resolver) for n, c in enumerate(sorted(candidates, key=order), 1)
        ]
        return doc

    def find(self, text: str, doc: Doc, hits: dict[str, list[Token]]) -> list[Candidate]:
        lex = self.lex
        verbs = {t.i for t in hits.get("VERB", []) if is_reporting_verb(t, lex)}
        verbs |= {t.i for t in hits["THAT"] if not is_passive_hedge_only(t)}

        quote_only = {t.i for t in hits.get("QUOTE_VERB", [])} - verbs

        def is_cue(tok: Token) -> bool:
            return tok.i in verbs or tok.i in quote_only

        by_cue, loose = self.attach_quotes(text, doc, is_cue)
        found: dict[int, Candidate] = {}
        for i in sorted(verbs | (quote_only & set(by_cue))):
            verb = doc[i]
            frame = verb_frame(verb, lex) if i in verbs else None
            quotes = by_cue.pop(i, None)
            if quotes:
                frame = direct_or_mixed(verb, frame, quotes, lex)
            if frame is not None:
                found[i] = frame
        makers = (
            ("NOUN", noun_frame),
            ("ACCORDING", according_frame),
            ("ADJ", adjective_hedge),
            ("ADV", adverb_hedge),
            ("ATTITUDE", attitude),
        )
        for key, make in makers:
            for tok in hits.get(key, []):
                cand = make(tok, lex)
                if cand is not None and cand.cue_token is not None and cand.cue_token.i not in found:
                    found[cand.cue_token.i] = cand
        vias = {c.via.head.i for c in found.values() if c.via is not None}
        result = [c for i, c in found.items() if i not in vias]  # "citing Y" belongs to its reporting verb
        result += self.layout_quotes(text, doc, loose, result)
        result = with_speaker_labels(text, result, speaker_labels(text, doc, lex.not_speakers))
        return [clip_to_paragraph(text, c) for c in without_nested(result)]

    def attach_quotes(
        self, text: str, doc: Doc, is_cue: Callable[[Token], bool]
    ) -> tuple[dict[int, list[Quote]], list[Quote]]:
        """Speech quotations by the index of their cue verb, and those the parse ties to no verb."""
        by_cue: dict[int, list[Quote]] = {}
        loose: list[Quote] = []
        last: tuple[int, Quote] | None = None
        for quote in find_quotes(text):
            tokens = quote_tokens(doc, quote)
            if tokens is None or not is_speech(tokens):
                continue
            verb = cue_of_quote(text, doc, quote, tokens, is_cue) or cue_before_colon(
                text, doc, quote, is_cue
            )
            if verb is not None:
                by_cue.setdefault(verb.i, []).append(quote)
                last = verb.i, quote
            elif last is not None and "\n" not in text[last[1].end : quote.start]:
                # '"...," said X. "..."': a quote that goes on in the same paragraph is the same statement
                by_cue[last[0]].append(quote)
            else:
                loose.append(quote)
        return by_cue, loose

    def layout_quotes(
        self, text: str, doc: Doc, loose: list[Quote], found: list[Candidate]
    ) -> list[Candidate]:
        """Quotes with a speaker after a dash, or running on from the previous quote's speaker."""
        out: list[Candidate] = []
        directs = sorted((c for c in found if c.kind in {"direct", "mixed"}), key=lambda c: c.content[0])
        for quote in loose:
            dash = dash_speaker(text, doc, quote)
            if dash is not None:
                out.append(
                    Candidate("direct", (quote.start, quote.end), dash[1], "asserted", source_span=dash[0])
                )
                continue
            prev = [c for c in directs + out if c.content[1] <= quote.start]
            if (
                prev
                and quote.start - prev[-1].content[1] <= RUN_ON_CHARS
                and text[quote.start - 1 : quote.start] in {"\n", ""}
            ):
                last = prev[-1]
                out.append(
                    Candidate(
                        "direct", (quote.start, quote.end), None, "asserted", last.source, last.source_span
                    )
                )
        return out

    def to_model(self, text: str, aid: str, cand: Candidate, resolver: SourceResolver) -> Attribution:
        quote = cand.content if cand.kind == "direct" else None
        source = resolver.resolve(cand.source, cand.source_span, quote)
        kind = cand.kind if source is not None or cand.kind == "direct" else "unattributed"
        return Attribution(
            id=aid,
            kind=kind,  # type: ignore[arg-type]
            content=span(text, cand.content),
            cue=span(text, cand.cue) if cand.cue else None,
            source=source,
            via=resolver.via(cand.via),
            certainty=certainty(cand, self.lex),  # type: ignore[arg-type]
        )


def direct_or_mixed(verb: Token, frame: Candidate | None, quotes: list[Quote], lex: Lexicon) -> Candidate:
    """A verb with quotes: direct when the quote is the reported clause, mixed when the quote is a piece of
    it (the clause's head is outside the quote, or the clause has more words than the quote around it)."""
    hull = (quotes[0].start, quotes[-1].end)
    if frame is not None and frame.root is not None:
        root = frame.root
        outside = not any(q.start <= root.idx < q.end for q in quotes)
        if outside or words_outside(root, hull, frame.content) >= MIXED_WORDS:
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


def words_outside(root: Token, hull: tuple[int, int], content: tuple[int, int]) -> int:
    """Words of the reported clause outside its quotes, leaving out a "without saying ..." phrase, which
    belongs to the report rather than to what is reported."""
    skip = {d.i for t in root.subtree if t.dep_ == "prep" and t.lower_ in NEGATING_PREPS for d in t.subtree}
    return sum(
        1
        for t in root.subtree
        if content[0] <= t.idx < content[1]
        and not hull[0] <= t.idx < hull[1]
        and t.is_alpha
        and t.i not in skip
    )


def with_speaker_labels(
    text: str, cands: list[Candidate], labels: list[tuple[tuple[int, int], tuple[int, int], tuple[int, int]]]
) -> list[Candidate]:
    """Add transcript lines ("PENCE: ..."). A quote that runs over them (transcripts often open each turn
    with a mark and never close it) ends where the next speaker begins."""
    dropped: set[int] = set()
    for speaker, _colon, _content in labels:
        line = text.rfind("\n", 0, speaker[0]) + 1
        for n, c in enumerate(cands):
            if c.kind != "direct" or not c.content[0] <= line < c.content[1]:
                continue
            if c.content[0] == line:
                dropped.add(n)
            else:
                end = line
                while end > c.content[0] and text[end - 1].isspace():
                    end -= 1
                c.content = (c.content[0], end)
    kept = [c for n, c in enumerate(cands) if n not in dropped]
    return kept + [
        Candidate("direct", content, colon, "asserted", source_span=who) for who, colon, content in labels
    ]


def clip_to_paragraph(text: str, cand: Candidate) -> Candidate:
    """Keep reported content in its cue's paragraph: a parse can run a sentence over a paragraph break.
    (Direct quotes keep their own bounds, which may run on over paragraphs.)"""
    if cand.kind == "direct" or cand.cue is None:
        return cand
    start = text.rfind("\n", 0, cand.cue[0]) + 1
    end = text.find("\n", cand.cue[1])
    end = len(text) if end < 0 else end
    lo, hi = max(cand.content[0], start), min(cand.content[1], end)
    if lo < hi and (lo, hi) != cand.content:
        cand.content = (lo, hi)
    return cand


def without_nested(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions whose cue is inside another's content: "I think ..." within a quote, or "Y believes"
    within "X said Y believes ...", is part of that content (PolNeAR gives each word to one attribution).
    Hedges do not hold others: "it is unclear whether X said ..." keeps X's statement."""
    holders = [c for c in cands if c.kind != "unattributed"]

    def nested(cand: Candidate) -> bool:
        cue = cand.cue
        return cue is not None and any(
            h is not cand and h.content[0] <= cue[0] < h.content[1] for h in holders
        )

    return [c for c in cands if not nested(c)]


def certainty(cand: Candidate, lex: Lexicon) -> str:
    """The cue's certainty, turned by a negated cue, a refusal to speak ("declined to comment") or a modal
    on the reported clause ("the missile may have malfunctioned"; "Kim is expected to meet Putin")."""
    cue = cand.cue_token
    if cue is not None and is_negated(cue) and cue.lemma_ in lex.negated:
        return lex.negated[cue.lemma_]
    refused = cue is not None and cue.lemma_ in lex.refusals
    if refused and cand.root is not None and cand.root.lemma_ in lex.withheld_speech:
        return "unknown"  # "declined to comment": not a denial, and no answer
    if cand.certainty == "asserted" and cand.root is not None:
        root = cand.root
        if root.lower_ in lex.modals and any(c.dep_ == "xcomp" for c in root.children):
            return lex.modals[root.lower_]
        for child in root.children:
            if child.dep_ in {"aux", "advmod", "acomp"} and child.lower_ in lex.modals:
                return lex.modals[child.lower_]
    return cand.certainty


def order(cand: Candidate) -> tuple[int, int]:
    return cand.content[0], cand.cue[0] if cand.cue else -1


def span(text: str, bounds: tuple[int, int]) -> Span:
    start, end = bounds
    return Span(start=start, end=end, text=text[start:end])


@Language.factory("storyline_attributions")
def make_attributions(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp)
