"""Entities: one canonical entity per referent, with its mentions, aliases, titles and kind."""

from __future__ import annotations

import pytest
from spacy.language import Language

from storyline.document import Entity


def entities(nlp: Language, text: str) -> list[Entity]:
    return nlp(text)._.entities


def named(found: list[Entity], name: str) -> Entity:
    matches = [e for e in found if e.name == name]
    assert matches, f"no entity named {name!r} in {[e.name for e in found]}"
    return matches[0]


def test_surname_joins_full_name(nlp: Language) -> None:
    found = entities(
        nlp,
        "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow. "
        "Putin said the talks were useful, and Xi agreed.",
    )
    putin = named(found, "Vladimir Putin")
    assert putin.type == "PERSON" and "Putin" in putin.aliases and len(putin.mentions) == 2
    assert not [e for e in found if e.name == "Putin"]


def test_possessive_and_article_are_not_part_of_the_name(nlp: Language) -> None:
    found = entities(nlp, "Kim Jong-un's train left Pyongyang. Officials said Kim's visit would last a week.")
    kim = named(found, "Kim Jong-un")
    assert all(not m.text.endswith("'s") for m in kim.mentions)
    assert len(kim.mentions) == 2


def test_acronym_joins_its_expansion(nlp: Language) -> None:
    found = entities(
        nlp,
        "The International Committee of the Red Cross (ICRC) sent a team. The ICRC said it needed access.",
    )
    icrc = [e for e in found if "ICRC" in e.aliases or e.name == "ICRC"]
    assert len(icrc) == 1 and icrc[0].name == "International Committee of the Red Cross"
    assert [m.text for m in icrc[0].mentions] == ["International Committee of the Red Cross", "ICRC", "ICRC"]


def test_country_variants_are_one_entity(nlp: Language) -> None:
    found = entities(
        nlp,
        "N. Korea fired a missile on Monday. The DPRK said the test was a success, "
        "and the U.S. and the United States Navy responded. Washington said the United States would act.",
    )
    north = named(found, "North Korea")
    assert north.type == "GPE" and {"N. Korea", "DPRK"} <= set(north.aliases)
    us = named(found, "United States")
    assert "U.S." in us.aliases


def test_outlets_get_type_and_kind(nlp: Language) -> None:
    found = entities(
        nlp,
        "Yonhap News Agency reported the launch, citing the Joint Chiefs of Staff. "
        'Russian media outlet "Vesti Primorye" said the train had arrived, and RIA Novosti confirmed it.',
    )
    assert named(found, "Yonhap").kind == "news_agency" and named(found, "Yonhap").type == "ORG"
    assert named(found, "Vesti Primorye").type == "ORG"
    assert named(found, "RIA Novosti").kind == "state_media"


def test_titles_before_the_name_and_in_apposition(nlp: Language) -> None:
    found = entities(
        nlp,
        "Photos showed Pyongyang's Foreign Minister Choe Son-hui. Adrienne Watson, spokesperson for the "
        "White House National Security Council, said talks would continue.",
    )
    assert "Foreign Minister" in named(found, "Choe Son-hui").titles
    assert (
        "spokesperson for the White House National Security Council" in named(found, "Adrienne Watson").titles
    )


def test_a_surname_the_ner_took_for_a_place_joins_the_full_name(nlp: Language) -> None:
    found = entities(
        nlp,
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday. Blinken is expected to meet "
        "Foreign Minister Qin Gang on Sunday.",
    )
    blinken = named(found, "Antony Blinken")
    assert len(blinken.mentions) == 2 and not [e for e in found if e.name == "Blinken"]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        ("U.S. Secretary of State Antony Blinken arrived.", "Antony Blinken", "U.S. Secretary of State"),
        ("Minister of the Interior Nancy Faeser spoke.", "Nancy Faeser", "Minister of the Interior"),
        ("Defense Secretary Lloyd Austin visited Kyiv.", "Lloyd Austin", "Defense Secretary"),
        ("Treasury Secretary Janet Yellen spoke.", "Janet Yellen", "Treasury Secretary"),
    ],
)
def test_a_title_names_its_department_and_the_department_is_no_entity(
    nlp: Language, text: str, person: str, title: str
) -> None:
    found = entities(nlp, text)
    assert title in named(found, person).titles
    assert not [e for e in found if e.name in ("State", "Interior", "Defense", "Treasury")], found


def test_company_named_like_a_person_is_an_organisation(nlp: Language) -> None:
    found = entities(
        nlp, "The ship's operator, Meridian Shipping, said it was cooperating with the authorities."
    )
    assert named(found, "Meridian Shipping").type == "ORG"


def test_group_named_like_a_person_is_an_organisation(nlp: Language) -> None:
    found = entities(
        nlp,
        "Boko Haram militants handed over 21 schoolgirls on Thursday. Boko Haram kidnapped 276 girls "
        "from a school in Chibok in April 2014.",
    )
    assert named(found, "Boko Haram").type == "ORG"


def test_a_ship_named_after_a_rank_keeps_its_whole_name(nlp: Language) -> None:
    found = entities(
        nlp, "The Russian frigate Admiral Gorshkov sailed through the Strait of Gibraltar on Tuesday."
    )
    ship = named(found, "Admiral Gorshkov")
    assert ship.type == "PRODUCT" and ship.titles == []


def test_disease_is_not_an_organisation(nlp: Language) -> None:
    found = entities(nlp, "It was his first trip abroad since the outbreak of the COVID-19 pandemic.")
    assert all(e.type != "ORG" for e in found if e.name == "COVID-19")


def test_the_north_is_north_korea(nlp: Language) -> None:
    found = entities(nlp, "North Korea fired a missile. The launch was the North's third this year.")
    assert "North" in named(found, "North Korea").aliases


def test_the_era_of_a_year_is_no_entity(nlp: Language) -> None:
    found = entities(nlp, "Darius sent envoys in 493 BC, and a Persian fleet sailed in 490 BC.")
    assert "BC" not in {e.name for e in found}
    assert named(found, "Darius").type == "PERSON"


def test_seed_entities(nlp: Language, seed_text: str) -> None:
    from storyline.clean.text import clean_text

    found = entities(nlp, clean_text(seed_text).text)
    kim = named(found, "Kim Jong-un")
    assert len(kim.mentions) >= 15 and "Kim" in kim.aliases
    assert any("leader" in t for t in kim.titles)
    assert "KCNA" in named(found, "Korean Central News Agency").aliases
    assert "Russian Federation" in named(found, "Russia").aliases
    assert named(found, "Jeon Ha-kyou").titles
    for mention in (m for e in found for m in e.mentions):
        assert "\n" not in mention.text
