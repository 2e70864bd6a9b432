"""The attributions layer on real news sentences: direct quotes, reported speech, hedges, sources."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.document import Attribution
from storyline.extract.attributions import MAX_SENTENCE_TOKENS
from storyline.extract.quotes.lexicon import lexicon
from storyline.extract.quotes.marks import find_quotes
from storyline.extract.quotes.sources import SourceResolver


def attributions(nlp: Language, text: str) -> tuple[list[Attribution], dict[str, str]]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.entities or []}
    return doc._.attributions, names


def having(found: list[Attribution], words: str) -> Attribution:
    hits = [a for a in found if words in a.content.text]
    assert hits, f"no attribution with {words!r} in {[a.content.text for a in found]}"
    return hits[0]


# (text, words in the content, kind, source text, cue text, certainty)
CASES = [
    pytest.param(
        "The ministry refused to say whether troops had crossed.",
        "whether troops had crossed",
        "indirect",
        "The ministry",
        "refused",
        "unknown",
        id="a-refusal-to-speak-leaves-it-unknown",
    ),
    pytest.param(
        "India has refused to condemn the invasion.",
        "condemn the invasion",
        "indirect",
        "India",
        "refused",
        "denied",
        id="a-refusal-to-act-is-a-refusal",
    ),
    pytest.param(
        "Kim is expected to meet Putin in Vladivostok, the Kremlin said.",
        "expected to meet Putin",
        "indirect",
        "the Kremlin",
        "said",
        "expected",
        id="expected-in-the-reported-clause",
    ),
    pytest.param(
        "Officials said talks are likely to resume next week.",
        "likely to resume",
        "indirect",
        "Officials",
        "said",
        "expected",
        id="likely-in-the-reported-clause",
    ),
    pytest.param(
        '"Considering that a large number of military personnel is accompanying him, we are closely '
        'monitoring the talks," Jeon told reporters.',
        "a large number of military personnel",
        "direct",
        "Jeon",
        "told",
        "asserted",
        id="quote-speaker-after",
    ),
    pytest.param(
        "Watson said: “We urge the DPRK to abide by the public commitments that Pyongyang has made.”",
        "We urge the DPRK",
        "direct",
        "Watson",
        "said",
        "asserted",
        id="quote-speaker-before-colon",
    ),
    pytest.param(
        '“We will keep monitoring whether negotiations over arms trade take place," Jeon told reporters.',
        "keep monitoring",
        "direct",
        "Jeon",
        "told",
        "asserted",
        id="quote-curly-straight-mix",
    ),
    pytest.param(
        "“Mr. Trump embodies the lasting legacy of racism in the United States. He represents our greatest "
        "shame.” ― Sonya Herridge",
        "lasting legacy of racism",
        "direct",
        "Sonya Herridge",
        "―",
        "asserted",
        id="quote-speaker-after-dash",
    ),
    pytest.param(
        'In a statement on Tuesday, the ministry said:\n\n"We are closely monitoring the movements of the '
        'train across the border."',
        "closely monitoring the movements",
        "direct",
        "the ministry",
        "said",
        "asserted",
        id="quote-speaker-on-line-before-colon",
    ),
    pytest.param(
        "PENCE: Gennifer Flowers will not be attending the debate tomorrow night.",
        "Gennifer Flowers will not be attending",
        "direct",
        "PENCE",
        ":",
        "asserted",
        id="speaker-label",
    ),
    pytest.param(
        "The New York Post reports that Hillary Clinton’s team avoided taking her to the emergency room in "
        "order to “keep the details of her medical treatment under wraps.”",
        "avoided taking her",
        "mixed",
        "The New York Post",
        "reports",
        "asserted",
        id="mixed-quote",
    ),
    pytest.param(
        "North Korea's official Korean Central News Agency (KCNA) confirmed early Tuesday that Kim had left "
        "Pyongyang for Russia aboard his train Sunday afternoon.",
        "had left Pyongyang",
        "indirect",
        "North Korea's official Korean Central News Agency",
        "confirmed",
        "confirmed",
        id="confirmed-that",
    ),
    pytest.param(
        "Kim's armored train has crossed the railway bridge over the Razdolnaya River and is moving north, "
        "Russian news service RIA Novosti said early Tuesday.",
        "railway bridge over the Razdolnaya River",
        "indirect",
        "Russian news service RIA Novosti",
        "said",
        "asserted",
        id="clause-then-speaker",
    ),
    pytest.param(
        "The train passed through Khasan station early Tuesday and is already in the Primorsky Krai region, "
        "according to the Russian media report.",
        "passed through Khasan station",
        "indirect",
        "the Russian media report",
        "according to",
        "asserted",
        id="according-to",
    ),
    pytest.param(
        "Hours after the KCNA report, Jeon Ha-kyou, a spokesperson at South Korea's defense ministry, gave "
        "an assessment that Kim's train had crossed into Russia early Tuesday.",
        "crossed into Russia",
        "indirect",
        "Jeon Ha-kyou",
        "gave an assessment",
        "assessed",
        id="gave-an-assessment",
    ),
    pytest.param(
        "As both North Korea and Russia confirmed Kim's visit to Russia, the U.S. called on Pyongyang not to "
        "provide any weapons to Russia.",
        "not to provide any weapons",
        "indirect",
        "the U.S.",
        "called on",
        "asserted",
        id="called-on-to",
    ),
    pytest.param(
        "Officials told Yonhap News Agency that the train had crossed the border before dawn.",
        "the train had crossed the border",
        "indirect",
        "Officials",
        "told",
        "asserted",
        id="told-y-that",
    ),
    pytest.param(
        "It was widely speculated that Kim could travel to Russia's far eastern city of Vladivostok to meet "
        "Putin.",
        "could travel to Russia's far eastern city",
        "unattributed",
        None,
        "speculated",
        "speculated",
        id="it-was-speculated",
    ),
    pytest.param(
        "Still, it remains unknown exactly when and where Kim and Putin would hold a meeting.",
        "when and where Kim and Putin would hold a meeting",
        "unattributed",
        None,
        "remains unknown",
        "unknown",
        id="it-remains-unknown",
    ),
    pytest.param(
        "It is not clear whether the train crossed the border on Monday night.",
        "whether the train crossed the border",
        "unattributed",
        None,
        "is not clear",
        "unknown",
        id="not-clear",
    ),
    pytest.param(
        "The North Korean leader is believed to be traveling to the port city by armored train.",
        "to be traveling to the port city",
        "unattributed",
        None,
        "believed",
        "assessed",
        id="is-believed-to",
    ),
    pytest.param(
        "Kim reportedly left Pyongyang on Sunday afternoon aboard his armored train.",
        "left Pyongyang on Sunday afternoon",
        "unattributed",
        None,
        "reportedly",
        "asserted",
        id="reportedly",
    ),
    pytest.param(
        "The Kremlin said Kim could meet Putin in Vladivostok later this week.",
        "Kim could meet Putin",
        "indirect",
        "The Kremlin",
        "said",
        "speculated",
        id="modal-in-content",
    ),
    pytest.param(
        "The foreign ministry denied that any weapons had been shipped across the border.",
        "any weapons had been shipped",
        "indirect",
        "The foreign ministry",
        "denied",
        "denied",
        id="denied",
    ),
]


@pytest.mark.parametrize(("text", "words", "kind", "source", "cue", "certainty"), CASES)
def test_construction(
    nlp: Language, text: str, words: str, kind: str, source: str | None, cue: str, certainty: str
) -> None:
    found, _ = attributions(nlp, text)
    a = having(found, words)
    assert a.kind == kind
    assert (a.source.text if a.source else None) == source
    assert a.cue is not None and a.cue.text == cue
    assert a.certainty == certainty
    assert text[a.content.start : a.content.end] == a.content.text


def test_quote_split_around_the_cue_is_one_statement(nlp: Language) -> None:
    text = (
        "“This country needs a leader,” he said. “We need a leader with integrity, a leader that sees "
        "goodness in all Americans.”"
    )
    found, _ = attributions(nlp, text)
    assert len(found) == 1
    assert found[0].kind == "direct"
    assert "needs a leader" in found[0].content.text and "with integrity" in found[0].content.text


def test_multi_paragraph_quote(nlp: Language) -> None:
    text = (
        "“The first paragraph of the statement says the train has left the capital.\n\n"
        "“The second paragraph says it will reach the border by Tuesday morning,” the ministry said."
    )
    found, _ = attributions(nlp, text)
    direct = [a for a in found if a.kind == "direct"]
    assert len(direct) == 1
    assert "first paragraph" in direct[0].content.text and "second paragraph" in direct[0].content.text
    assert direct[0].source is not None and direct[0].source.text == "the ministry"


def test_odd_quote_mark_does_not_derail_the_rest(nlp: Language) -> None:
    text = (
        'The spokesman said the deal was "off and left the room.\n\n'
        "The Kremlin said negotiations between North Korean and Russian delegations are planned during the "
        "visit."
    )
    found, _ = attributions(nlp, text)
    kremlin = having(found, "negotiations between North Korean and Russian delegations")
    assert kremlin.source is not None and kremlin.source.text == "The Kremlin"
    assert not any("The Kremlin" in a.content.text for a in found)


def test_via_citing(nlp: Language) -> None:
    text = (
        'Russian media outlet "Vesti Primorye" also reported that Kim\'s train arrived at the Russian border '
        "city of Khasan on Tuesday, citing a railway source."
    )
    found, _ = attributions(nlp, text)
    a = having(found, "arrived at the Russian border city")
    assert a.via is not None and a.via.text == "a railway source"
    assert "citing" not in a.content.text
    assert a.source is not None and "Vesti Primorye" in a.source.text


def test_via_before_a_that_clause_the_parser_took_for_an_adverbial(nlp: Language) -> None:
    text = (
        "The Wall Street Journal reported last week, citing U.S. officials, that China had reached a secret "
        "deal with Cuba to build an eavesdropping facility on the island."
    )
    found, _ = attributions(nlp, text)
    a = having(found, "China had reached a secret deal")
    assert a.source is not None and a.source.text == "The Wall Street Journal"
    assert a.via is not None and a.via.text == "U.S. officials"
    assert len(found) == 1, [(f.cue and f.cue.text, f.content.text) for f in found]


def test_a_trailing_participle_of_a_reported_clause_is_the_reporters(nlp: Language) -> None:
    text = (
        "He denied that Beijing was planning to build a military training facility in Cuba, calling the "
        'reports "pure fabrication."'
    )
    found, _ = attributions(nlp, text)
    calling = next(a for a in found if a.cue is not None and a.cue.text == "calling")
    assert calling.source is not None and calling.source.text == "He"


def test_a_description_and_a_name_as_two_subjects_give_the_name(nlp: Language) -> None:
    text = (
        "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit, the first "
        "foreign trip of his new term, state news agency Xinhua reported."
    )
    found, names = attributions(nlp, text)
    [a] = found
    assert a.source is not None and a.source.text == "Xinhua"
    assert a.source.entity is not None and names[a.source.entity] == "Xinhua"


HEADING_TEXT = (
    "Amina Ali said she did not want to answer.\n\n'Not a swap'\n\n"
    'Mohammed, the Nigerian information minister, said that Thursday\'s release was "not a swap."\n\n'
    '"It is a release, the product of painstaking negotiations," he said.'
)

# (text, words of the content, how the source is written, the entity it must resolve to)
SOURCES = [
    pytest.param(
        "Adrienne Watson, spokesperson for the White House National Security Council, said the talks would "
        "continue. Kim Jong-un had left Pyongyang aboard his train on Sunday.\n\n"
        '"We urge the DPRK to abide by the public commitments that Pyongyang has made," she added.',
        "We urge the DPRK",
        "she",
        "Adrienne Watson",
        id="a-pronoun-goes-to-the-speaker-of-its-gender",
    ),
    pytest.param(
        HEADING_TEXT,
        "Thursday's release",
        "Mohammed",
        "Mohammed",
        id="a-heading-does-not-join-the-next-source",
    ),
    pytest.param(HEADING_TEXT, "It is a release", "he", "Mohammed", id="so-the-pronoun-finds-the-minister"),
    pytest.param(
        "Amina Ali said she wanted to be reunited with her husband. "
        "\"I'm not comfortable with the way I'm being kept from him,\" the 21-year-old said at an "
        "undisclosed location in Abuja.",
        "not comfortable",
        "the 21-year-old",
        "Amina Ali",
        id="an-age-nominal-is-the-person-quoted-last",
    ),
]


@pytest.mark.parametrize(("text", "words", "written", "entity"), SOURCES)
def test_source_resolution(nlp: Language, text: str, words: str, written: str, entity: str) -> None:
    found, names = attributions(nlp, text)
    a = having(found, words)
    assert a.source is not None and a.source.text.startswith(written)
    assert a.source.entity is not None and entity in names[a.source.entity]


def test_a_time_or_an_abstraction_is_not_a_source(nlp: Language) -> None:
    text = (
        "Boko Haram issued videos over a period of months showing some of the kidnapped students. "
        "The 2014 kidnapping led many to support a campaign on social media."
    )
    found, _ = attributions(nlp, text)
    sources = [a.source.text for a in found if a.source is not None]
    assert not any("months" in s or "kidnapping" in s for s in sources), sources


def test_sourcing_ground_rules_are_not_content(nlp: Language) -> None:
    text = (
        "Executives received the shares early, said the source, who spoke on condition of anonymity "
        "because the information was not public."
    )
    found, _ = attributions(nlp, text)
    assert [a.content.text for a in found] == ["Executives received the shares early"]


def test_words_inside_a_quote_are_not_a_second_attribution(nlp: Language) -> None:
    found, _ = attributions(nlp, '"I think the talks will fail before the summer," Jeon told reporters.')
    assert [a.kind for a in found] == ["direct"]


def test_scare_quotes_are_not_speech(nlp: Language) -> None:
    found, _ = attributions(nlp, 'State media called the launch a "success" on Tuesday morning.')
    assert not any(a.kind == "direct" for a in found)


def test_ids_in_text_order(nlp: Language) -> None:
    text = (
        "The Kremlin said the talks are planned. Officials told reporters that the train had crossed the "
        "border. It was widely speculated that the leaders would meet in Vladivostok."
    )
    found, _ = attributions(nlp, text)
    assert [a.id for a in found] == [f"a{n}" for n in range(1, len(found) + 1)]
    assert [a.content.start for a in found] == sorted(a.content.start for a in found)
    assert len(found) == 3


def test_seed_nominal_source_is_linked_to_the_outlet(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text)
    names = {e.id: e.name for e in doc._.entities}
    report = having(doc._.attributions, "passed through Khasan station")
    assert report.source is not None and report.source.entity is not None
    assert "Vesti" in names[report.source.entity]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('He said "we will win" and left.', ['"we will win"']),
        ('Odd "mark here.\nNext "line" ok.', ['"mark here.', '"line"']),
        ("“One paragraph.\n\n“Runs on,” he said.", ["“One paragraph.\n\n“Runs on,”"]),
        ("”Mr. Trump is our shame.” ― Sonya", ["”Mr. Trump is our shame.”"]),
        ('the 6" gun and "quote" here', ['"quote"']),
        ('"Hi," she said, “bye."', ['"Hi,"', '“bye."']),
        (
            "'In the video, one can see her smiling,' Page Six wrote.",
            ["'In the video, one can see her smiling,'"],
        ),
        ("‘It is over,’ she said.", ["‘It is over,’"]),
        ("'We welcome the girls' return,' he said.", ["'We welcome the girls' return,'"]),
        ("He didn't go to Cardi's show in the '80s.", []),
        (
            "Nested 'single' marks inside \"a double 'quote' here\" stay inside.",
            ["\"a double 'quote' here\""],
        ),
    ],
    ids=[
        "straight",
        "odd-mark-ends-at-paragraph",
        "run-on-paragraph",
        "closer-used-as-opener",
        "inch-mark",
        "mixed-marks",
        "british-single",
        "british-curly-single",
        "plural-possessive-inside",
        "apostrophes-are-not-quotes",
        "double-marks-win",
    ],
)
def test_quotation_marks(text: str, quoted: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == quoted


def test_transcript_turns_split_a_run_on_quote(nlp: Language) -> None:
    text = (
        '"WALLACE: If I may, sir, because we have got limited time, will Gennifer Flowers be there?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.'
    )
    found, _ = attributions(nlp, text)
    assert [(a.source.text if a.source else None, a.cue.text if a.cue else None) for a in found] == [
        ("WALLACE", ":"),
        ("PENCE", ":"),
    ]
    assert found[1].content.text.startswith("Gennifer Flowers will not")


def test_report_inside_a_report_is_part_of_its_content(nlp: Language) -> None:
    found, _ = attributions(
        nlp, "The senator said Clinton believes the deal will create jobs in the Midwest by next year."
    )
    assert len(found) == 1
    assert found[0].cue is not None and found[0].cue.text == "said"
    assert "believes the deal will create jobs" in found[0].content.text


def test_quote_that_is_a_piece_of_a_longer_clause_is_mixed(nlp: Language) -> None:
    text = (
        "Spokeswoman Jessica Ditto said that “Of course Mr. Trump is going to defend himself” against what "
        "the campaign sees as a coordinated attack by the media."
    )
    found, _ = attributions(nlp, text)
    a = having(found, "defend himself")
    assert a.kind == "mixed"
    assert "coordinated attack" in a.content.text


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("a railway source", "anonymous"),
        ("an official at south korea's defense ministry", "official"),
        ("the kremlin", "government"),
        ('russian media outlet "vesti primorye"', "media"),
        ("north korea's official korean central news agency", "state_media"),
        ("jeon ha-kyou", None),
    ],
)
def test_source_kind(nlp: Language, phrase: str, kind: str | None) -> None:
    resolver = SourceResolver(nlp("x"), lexicon(), [])
    assert resolver.kind(phrase, None) == kind


@pytest.mark.parametrize(
    ("text", "source", "cue", "certainty", "content"),
    [
        (
            "Trump is critical of the nuclear deal with Iran.",
            "Trump",
            "critical",
            "asserted",
            "the nuclear deal",
        ),
        (
            "Officials are confident that the talks will succeed this week.",
            "Officials",
            "confident",
            "assessed",
            "that the talks will succeed",
        ),
    ],
)
def test_attitude_adjectives(
    nlp: Language, text: str, source: str, cue: str, certainty: str, content: str
) -> None:
    found, _ = attributions(nlp, text)
    a = having(found, content)
    assert (a.source.text if a.source else None, a.cue.text if a.cue else None, a.certainty) == (
        source,
        cue,
        certainty,
    )


def test_aside_after_a_comma_is_not_content(nlp: Language) -> None:
    found, _ = attributions(
        nlp,
        "He cited criticism of NBC's Matt Lauer, who took heat for his questioning of the candidate.",
    )
    a = having(found, "criticism of NBC's Matt Lauer")
    assert "took heat" not in a.content.text


def test_a_time_after_the_verb_is_not_part_of_the_cue(nlp: Language) -> None:
    doc = nlp("The commission said on Thursday that the ship had left the marked fairway before it grounded.")
    assert [a.cue.text for a in doc._.attributions if a.cue] == ["said"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "The book described crass behavior by Trump behind the scenes of the hit show.",
            "crass behavior by Trump behind the scenes of the hit show",
            id="object-modifiers-hung-on-the-verb",
        ),
        pytest.param("Putin likened RT to the BBC.", "RT to the BBC", id="object-and-its-complement"),
        pytest.param(
            "He compared him favorably to President Obama.",
            "him favorably to President Obama",
            id="object-adverb-and-complement",
        ),
    ],
)
def test_nominal_content_is_the_whole_predicate(nlp: Language, text: str, content: str) -> None:
    found, _ = attributions(nlp, text)
    assert [a.content.text for a in found] == [content]


def test_nominal_content_from_any_reporting_verb_but_not_an_addressee(nlp: Language) -> None:
    """A reporting verb outside the object-verb list still reports its object ("proposed a ban"), while a
    tell/see verb's object is its addressee or percept, not a content."""
    found, _ = attributions(nlp, "The senator proposed a ban on assault weapons.")
    assert [a.content.text for a in found] == ["a ban on assault weapons"]
    found, _ = attributions(nlp, "The senator told reporters on Monday.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        pytest.param(
            "In the poll, Clinton was supported by 42 percent of likely voters.",
            "Clinton",
            "supported",
            id="passive-with-agent-reports-its-subject",
        ),
        pytest.param(
            "Yet his determination to act alone inflamed his opponents.",
            "to act alone",
            "determination",
            id="noun-with-to-clause",
        ),
        pytest.param(
            "The senator decided to block the nomination.",
            "to block the nomination",
            "decided",
            id="decision-verb-with-to-clause",
        ),
        pytest.param(
            "The mayor blamed the state for the delays.",
            "the state for the delays",
            "blamed",
            id="judgment-verb",
        ),
    ],
)
def test_class_cues_and_frames(nlp: Language, text: str, content: str, cue: str) -> None:
    found, _ = attributions(nlp, text)
    a = having(found, content)
    assert a.content.text == content
    assert a.cue is not None and a.cue.text == cue


def test_citing_what_rather_than_whom_is_a_report_of_its_own(nlp: Language) -> None:
    """ "citing Y" is a via when Y is a source, and its own attribution when Y is the grounds given."""
    text = (
        "The country has made dramatic changes for the better, McConnell said, citing the release of "
        "political prisoners."
    )
    found, _ = attributions(nlp, text)
    citing = having(found, "the release of political prisoners")
    assert citing.cue is not None and citing.cue.text == "citing"
    assert citing.source is not None and citing.source.text == "McConnell"
    found, _ = attributions(
        nlp, "North Korea's leader arrived in Russia, Yonhap reported, citing a railway source."
    )
    reported = having(found, "arrived in Russia")
    assert reported.via is not None and "railway source" in reported.via.text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Limbaugh continued: "They are demanding this, and they are pressuring him."', id="colon"
        ),
        pytest.param('She continued, "All we are asking for is an opportunity to be heard."', id="comma"),
        pytest.param('"We will not give up," she whispered.', id="manner-of-speaking"),
    ],
)
def test_quote_verbs_introduce_a_quote(nlp: Language, text: str) -> None:
    found, _ = attributions(nlp, text)
    assert [a.kind for a in found] == ["direct"]
    assert found[0].content.text.startswith('"')


def test_quote_verb_without_a_quote_reports_nothing(nlp: Language) -> None:
    found, _ = attributions(nlp, "Prices continued to rise through the summer.")
    assert found == []


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.", "Sanders"),
        ("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.", "Poll"),
        ("The Latest: Trump urges supporters to monitor polling places.", None),
        ("The Gap Goes On: It was under his watch that the assembly set up the agency.", None),
    ],
)
def test_headline_speaker_before_a_colon(nlp: Language, headline: str, source: str | None) -> None:
    found, _ = attributions(nlp, headline + "\n\nThe campaign went on.")
    labelled = [a for a in found if a.cue is not None and a.cue.text == ":"]
    assert [a.source.text for a in labelled if a.source] == ([source] if source else [])


def test_a_run_of_quotes_read_as_one_sentence_is_not_searched(nlp: Language) -> None:
    """Quotes run together with no full stop become one "sentence" hundreds of tokens long: its parse says
    nothing about who said what, and reading it from each verb took minutes, so it is skipped."""
    assert len(attributions(nlp, '"We will stay," he said.')[0]) == 1
    run = " ".join(['"We will stay," he said:'] * 60)
    assert max(len(s) for s in nlp(run).sents) > MAX_SENTENCE_TOKENS
    assert attributions(nlp, run)[0] == []
