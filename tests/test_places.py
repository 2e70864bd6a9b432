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


def test_a_big_city_taken_for_a_person_after_a_place_word_is_a_place(
    nlp: Language, default_cache: Path
) -> None:
    doc = nlp("Zelensky, who left Kyiv on Tuesday, arrived in Washington on Thursday morning.")
    kyiv = places_named(doc._.places, "Kyiv")
    assert kyiv and kyiv[0].country == "UA" and kyiv[0].feature == "PPLC"
    assert {e.name: e.type for e in doc._.entities}["Kyiv"] == "GPE"


def test_a_city_taken_for_a_person_resolves_by_another_of_its_names(
    nlp: Language, default_cache: Path
) -> None:
    doc = nlp("The aid reached Khan Younis on Monday.")
    place = places_named(doc._.places, "Khan Younis")
    assert place and place[0].country == "PS" and place[0].lat is not None


def test_a_city_is_meant_over_the_division_named_after_it(nlp: Language, default_cache: Path) -> None:
    doc = nlp("Biden departed for Tel Aviv on Tuesday night.")
    city = places_named(doc._.places, "Tel Aviv")
    assert city and city[0].feature.startswith("PPL") and city[0].country == "IL"


@pytest.mark.parametrize(
    "text",
    [
        "Police in Cologne arrested two men.",
        "Since the attacks in Cologne, German cities have set up safety zones.",
    ],
)
def test_a_big_city_by_its_english_name(nlp: Language, default_cache: Path, text: str) -> None:
    cologne = places_named(nlp(text)._.places, "Cologne")
    assert cologne and cologne[0].country == "DE" and cologne[0].lat is not None


def test_a_title_with_a_place_word_does_not_make_a_person_a_place(nlp: Language, default_cache: Path) -> None:
    doc = nlp("U.S. Secretary of State Antony Blinken held talks in Riyadh on Monday.")
    assert {e.name: e.type for e in doc._.entities}["Antony Blinken"] == "PERSON"
    assert not places_named(doc._.places, "Antony Blinken")


def test_a_titled_person_is_never_taken_for_a_city(nlp: Language, default_cache: Path) -> None:
    doc = nlp("The letter was sent to Mayor Aurora on Monday.")
    assert not places_named(doc._.places, "Aurora")


def test_a_sea_named_for_a_country_is_not_the_country(nlp: Language, default_cache: Path) -> None:
    doc = nlp("Two Russian Tu-95 strategic bombers flew over the Sea of Japan on Friday.")
    sea = places_named(doc._.places, "Sea of Japan")
    assert sea and sea[0].feature == "SEA" and sea[0].lat is None
    assert not places_named(doc._.places, "Japan")


def test_a_possessive_after_a_comma_is_not_the_country_of_the_name_before(
    nlp: Language, default_cache: Path
) -> None:
    doc = nlp("The frigate is heading toward the Caribbean, Spain's defense ministry said.")
    caribbean = places_named(doc._.places, "Caribbean")
    assert caribbean and caribbean[0].country is None


def test_a_generic_word_inside_an_organisation_is_not_a_place(nlp: Language, default_cache: Path) -> None:
    doc = nlp("Two China Coast Guard vessels are sailing toward Second Thomas Shoal.")
    assert not places_named(doc._.places, "Coast")


def test_a_region_the_gazetteer_lacks_is_kept_but_a_planet_is_not(nlp: Language, default_cache: Path) -> None:
    doc = nlp("The probe that left Earth for Mars flew over the Korean Peninsula.")
    peninsula = places_named(doc._.places, "Korean Peninsula")
    assert peninsula and peninsula[0].lat is None
    assert not places_named(doc._.places, "Mars") and not places_named(doc._.places, "Earth")


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
