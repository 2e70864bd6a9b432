"""The places component on real sentences, with the embedded gazetteer built in a temporary cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from storyline.document import Place

DATA = Path(__file__).parent / "data" / "geonames"


def places_named(places: list[Place], text: str) -> list[Place]:
    return [p for p in places if p.text == text]


def test_seed_places_with_the_embedded_default(nlp: Language, seed_text: str, default_cache: Path) -> None:
    doc = nlp(seed_text)
    expected = {
        "Pyongyang": ("KP", "PPLC"),
        "Ussuriysk": ("RU", "PPL"),
        "Vladivostok": ("RU", "PPL"),
        "Primorsky Krai": ("RU", "ADM1"),
        "Moscow": ("RU", "PPLC"),
    }
    for text, (country, feature) in expected.items():
        found = places_named(doc._.places, text)
        assert found, text
        assert all((p.country, p.feature) == (country, feature) for p in found), found
    assert [p.id for p in doc._.places] == [f"p{i}" for i in range(1, len(doc._.places) + 1)]
    # Khasan is not in the embedded data: Hassan, India, must not stand in for it; the country stays known.
    khasan = places_named(doc._.places, "Khasan")
    assert khasan and all(p.country == "RU" and p.lat is None for p in khasan)


def test_seed_entities_the_ner_model_mistyped_become_places(
    nlp: Language, seed_text: str, default_cache: Path
) -> None:
    doc = nlp(seed_text)
    types = {(e.name, e.type) for e in doc._.entities}
    for name, wrong in (("Vladivostok", "PERSON"), ("Khasan", "ORG"), ("Ussuriysk", "ORG")):
        assert (name, wrong) not in types
    assert any(e.name == "Khasan" and e.type in ("GPE", "FAC") for e in doc._.entities)


def test_seed_places_after_a_geonames_import(nlp: Language, seed_text: str, imported_cache: Path) -> None:
    doc = nlp(seed_text)
    features = {(p.text, p.feature, p.country) for p in doc._.places}
    assert ("Khasan", "PPL", "RU") in features  # "the Russian border city of Khasan"
    assert ("Khasan", "RSTN", "RU") in features  # "Khasan station"
    river = places_named(doc._.places, "Razdolnaya River")
    assert river and river[0].feature == "STM" and river[0].lat == pytest.approx(43.54, abs=0.01)


@pytest.mark.parametrize(
    ("sentence", "name", "country", "admin1"),
    [
        ("Snow closed schools in Bangor, Maine, on Monday.", "Bangor", "US", "Maine"),
        ("The ferry left Bangor, Northern Ireland, for Scotland.", "Bangor", "GB", "Northern Ireland"),
    ],
)
def test_a_division_after_the_name_resolves_namesakes(
    nlp: Language, default_cache: Path, sentence: str, name: str, country: str, admin1: str
) -> None:
    found = places_named(nlp(sentence)._.places, name)
    assert found and found[0].country == country and found[0].admin1 == admin1


def test_metonyms_keep_their_place_and_entity(nlp: Language, default_cache: Path) -> None:
    doc = nlp("Pyongyang has recently been seeking to bolster military ties with Moscow.")
    by_text = {p.text: p for p in doc._.places}
    assert by_text["Pyongyang"].country == "KP" and by_text["Moscow"].country == "RU"
    entities = {e.id: e for e in doc._.entities}
    assert entities[by_text["Pyongyang"].entity].name == "Pyongyang"


def test_country_adjectives_are_places(nlp: Language, default_cache: Path) -> None:
    doc = nlp("The Russian border guards met Chinese officials.")
    assert {(p.text, p.country) for p in doc._.places} >= {("Russian", "RU"), ("Chinese", "CN")}


# (sentence, a mention in it, its country and the start of its feature code; no country: it has no point)
RESOLVED = [
    pytest.param("Zelensky, who left Kyiv on Tuesday, arrived in Washington.", "Kyiv", "UA", "PPL",
                 id="a-big-city-the-ner-took-for-a-person"),
    pytest.param("The aid reached Khan Younis on Monday.", "Khan Younis", "PS", "PPL",
                 id="by-another-of-its-names"),
    pytest.param("Biden departed for Tel Aviv on Tuesday night.", "Tel Aviv", "IL", "PPL",
                 id="the-city-not-the-division-named-after-it"),
    pytest.param("Police in Cologne arrested two men.", "Cologne", "DE", "PPL", id="by-its-english-name"),
    pytest.param("Since the attacks in Cologne, German cities set up safety zones.", "Cologne", "DE", "PPL",
                 id="a-nationality-after-a-comma-is-no-division"),
    pytest.param("Two Russian Tu-95 strategic bombers flew over the Sea of Japan on Friday.", "Sea of Japan",
                 None, "SEA", id="a-sea-named-for-a-country"),
    pytest.param("The frigate is heading toward the Caribbean, Spain's defense ministry said.", "Caribbean",
                 None, None, id="a-possessive-after-a-comma-gives-no-country"),
    pytest.param("The probe that left Earth for Mars flew over the Korean Peninsula.", "Korean Peninsula",
                 None, "PEN", id="a-region-the-gazetteer-lacks"),
    pytest.param("Two Chinese vessels are sailing toward Second Thomas Shoal.", "Second Thomas Shoal",
                 None, "SHOL", id="a-shoal-the-ner-took-for-a-facility"),
    pytest.param("Zelensky arrived in Washington after a stop in New York. Kremlin spokesman Dmitry Peskov "
                 "told reporters in Moscow that nothing would change.", "Moscow", "RU", "PPLC",
                 id="a-capital-over-a-namesake-near-the-story's-other-places"),
    pytest.param("She grew up in New York and speaks Mandarin.", "New York", "US", "PPL",
                 id="the-city-that-is-much-of-its-namesake-state"),
    pytest.param("A convoy crossed into Gaza through the Kerem Shalom crossing.", "Kerem Shalom", None, None,
                 id="a-crossing-named-for-a-place-the-gazetteer-lacks"),
    pytest.param("Biden departed Joint Base Andrews on Tuesday.", "Joint Base Andrews", None, None,
                 id="an-installation-the-ner-and-the-gazetteer-miss"),
    pytest.param("A Saudi-led coalition struck the port on Monday.", "Saudi", "SA", "PCLI",
                 id="a-country-s-short-name-as-its-adjective"),
    pytest.param("The Kyiv-based analyst said the talks failed.", "Kyiv", "UA", "PPLC",
                 id="a-place-made-a-modifier-by-a-participle"),
    pytest.param("Shelling hit Donetsk on Monday.", "Donetsk", "UA", "PPL",
                 id="the-city-whose-name-the-region-has-only-as-another-name"),
    pytest.param("Protests spread across Quebec on Monday, officials said.", "Quebec", "CA", "ADM1",
                 id="the-province-whose-namesake-city-is-a-small-part-of-it"),
    pytest.param("Floods in Rio de Janeiro killed 12 people on Monday.", "Rio de Janeiro", "BR", "PPL",
                 id="a-name-with-a-particle-the-ner-missed"),
    pytest.param("Russian forces shelled Kharkiv and Odesa overnight, officials said.", "Odesa", "UA",
                 "PPL", id="the-ner-missed-the-objects-of-a-verb-of-force-and-their-conjunct"),
    pytest.param("Israeli strikes hit Rafah and Khan Younis in southern Gaza.", "Khan Younis", "PS", "PPL",
                 id="the-ner-took-the-objects-of-a-strike-for-people"),
    pytest.param("Trump held a rally in Atlanta. Georgia is a key swing state.", "Georgia", "US", "ADM1",
                 id="the-state-that-holds-a-city-named-before"),
    pytest.param("Georgia applied to join the European Union in 2022.", "Georgia", "GE", "PCLI",
                 id="the-country-of-that-name-without-such-a-city"),
]  # fmt: skip


def test_a_person_hit_is_no_county(nlp: Language, default_cache: Path) -> None:
    """'hit Smith': a verb of force takes places for objects, but not a county named for a person."""
    places = nlp("Jones hit Smith with a left hook in the third round.")._.places
    assert not places_named(places, "Smith"), places


@pytest.mark.parametrize(("text", "name", "country", "feature"), RESOLVED)
def test_resolution(
    nlp: Language, default_cache: Path, text: str, name: str, country: str | None, feature: str | None
) -> None:
    found = places_named(nlp(text)._.places, name)
    assert found, f"{name} is no place"
    assert found[0].country == country and (found[0].lat is None) == (country is None)
    assert (found[0].feature or "").startswith(feature) if feature else found[0].feature is None


# (sentence, a name in it that is no place)
NOT_PLACES = [
    pytest.param("U.S. Secretary of State Antony Blinken held talks in Riyadh.", "Antony Blinken",
                 id="a-place-word-in-a-title"),
    pytest.param("The letter was sent to Mayor Aurora on Monday.", "Aurora", id="a-titled-person"),
    pytest.param("Two Russian Tu-95 bombers flew over the Sea of Japan on Friday.", "Japan",
                 id="the-country-a-sea-is-named-for"),
    pytest.param("Two China Coast Guard vessels are sailing toward Second Thomas Shoal.", "Coast",
                 id="a-generic-word-in-an-organisation"),
    pytest.param("The probe that left Earth for Mars flew over the Korean Peninsula.", "Mars", id="a-planet"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name"), NOT_PLACES)
def test_not_a_place(nlp: Language, default_cache: Path, text: str, name: str) -> None:
    assert not places_named(nlp(text)._.places, name)


def test_ordinary_capitalised_words_are_not_places(nlp: Language, default_cache: Path) -> None:
    doc = nlp("Still, the Central Committee met in the West Wing. Top officials said so.")
    assert not {p.text for p in doc._.places} & {"Still", "Central", "West", "Top"}


@pytest.mark.parametrize(("ranking", "country"), [("context", "RU"), ("population", "IN")])
def test_population_ranking_is_the_baseline(imported_cache: Path, ranking: str, country: str) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("storyline_places", config={"ranking": ranking})
    doc = nlp("The train reached the Russian border city of Khasan on Tuesday.")
    assert {(p.text, p.country) for p in doc._.places} >= {("Khasan", country)}


def test_an_unknown_ranking_is_refused() -> None:
    import spacy

    with pytest.raises(ValueError, match="ranking"):
        spacy.blank("en").add_pipe("storyline_places", config={"ranking": "nearest"})
