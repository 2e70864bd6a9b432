"""Cleaning scraped plain text: each rule on real-style page text."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean, sniff_format
from storyline.clean.text import clean_text, is_boilerplate, is_navigation, parse_caption, split_paragraphs
from storyline.sources.raw import RawDocument

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.mark.parametrize(
    ("paragraph", "text", "credit"),
    [
        (
            "This photo, carried by North Korea's official Korean Central News Agency, Sept. 12, shows the "
            "North's leader Kim Jong-un saluted by soldiers ahead of a trip to Russia. Yonhap",
            "This photo, carried by North Korea's official Korean Central News Agency, Sept. 12, shows the "
            "North's leader Kim Jong-un saluted by soldiers ahead of a trip to Russia.",
            "Yonhap",
        ),
        (
            "Republican presidential nominee former President Donald Trump greets supporters at a town hall, "
            "Thursday, Aug. 29, 2024, in La Crosse, Wis. (AP Photo/Morry Gash)",
            "Republican presidential nominee former President Donald Trump greets supporters at a town hall, "
            "Thursday, Aug. 29, 2024, in La Crosse, Wis.",
            "AP Photo/Morry Gash",
        ),
        (
            "Tugboats stand by near the cargo ship off Gdansk, in this photo taken by a local resident. "
            "Social media",
            "Tugboats stand by near the cargo ship off Gdansk, in this photo taken by a local resident.",
            "Social media",
        ),
        (
            "Firefighters work at the scene of the blast in this handout picture. "
            "Photo: State Emergency Service",
            "Firefighters work at the scene of the blast in this handout picture.",
            "State Emergency Service",
        ),
    ],
)
def test_caption_with_credit(paragraph: str, text: str, credit: str) -> None:
    caption = parse_caption(paragraph)
    assert caption is not None
    assert (caption.text, caption.credit) == (text, credit)


@pytest.mark.parametrize(
    "paragraph",
    [
        # Photo vocabulary but prose: no credit after the last sentence.
        "Photos released by the North's state media showed Kim being accompanied by Pyongyang's Foreign "
        "Minister Choe Son-hui, as well as top military officials Ri Pyong-chol and Pak Jong-chon.",
        '"I saw the pictures of the damage," Smith said.',
        "The pictures, he said, were taken on Monday. Nobody disputes that",
    ],
)
def test_prose_with_photo_words_is_not_a_caption(paragraph: str) -> None:
    assert parse_caption(paragraph) is None


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Sign up for eNewsletter", True),
        ("Top 10 Stories", True),
        ("Share this article", True),
        ("Copyright 2025 Baltic News Online. All rights reserved.", True),
        (
            "The ministry said it would subscribe to the treaty's terms once parliament had voted on it "
            "next spring.",
            False,
        ),
        # a newsletter form flattened into one line
        (
            "Newsletter Sign Up Continue reading the main story Please verify you're not a robot by clicking "
            "the box. Invalid email address. Please re-enter. You must select a newsletter to subscribe to. "
            "Sign Up You agree to receive occasional updates and special offers for The New York Times's "
            "products and services. Thank you for subscribing. An error has occurred. "
            "Please try again later. View all New York Times newsletters.",
            True,
        ),
        (
            "Readers who sign up for the newsletter, the paper said, will get a daily summary of the "
            "investigation into the bank's tax strategy, which regulators have been examining since March.",
            False,
        ),
    ],
)
def test_boilerplate(paragraph: str, expected: bool) -> None:
    assert is_boilerplate(paragraph) is expected


def test_navigation() -> None:
    assert is_navigation("Home | World | Europe")
    assert not is_navigation(
        "Kim arrives in Russia | Putin to host summit in Vladivostok on Wednesday next week"
    )


def test_paragraphs_split_on_blank_lines_or_lines() -> None:
    assert split_paragraphs("One.\n\nTwo\nstill two.\n\n\nThree.") == ["One.", "Two still two.", "Three."]
    assert split_paragraphs("One.\nTwo.\nThree.") == ["One.", "Two.", "Three."]


def test_seed_page_is_cleaned(seed_text: str) -> None:
    page = clean_text(seed_text)
    assert page.title == "N. Korea's Kim arrives in Russia for rare summit with Putin"
    assert page.text.startswith("North Korean leader Kim Jong-un arrived in Russia early Tuesday")
    assert page.text.endswith(
        "DPRK stands for the Democratic People's Republic of Korea, North Korea's official name."
    )
    assert [c.credit for c in page.captions] == ["Yonhap", "Yonhap", "Yonhap"]
    assert "Photos released by the North's state media" in page.text
    for junk in ("Top 10 Stories", "LETTER", "Sign up for eNewsletter", "This photo, carried by"):
        assert junk not in page.text
    assert {"Top 10 Stories", "LETTER", "Sign up for eNewsletter", "(Yonhap)"} <= set(page.removed)
    assert page.outlet == "Yonhap"


def test_dateline_gives_outlet_and_leaves_the_body() -> None:
    page = clean(RawDocument(content=(SAMPLES / "gdansk-wire.txt").read_text()))
    assert page.text.startswith("A Maltese-flagged cargo ship ran aground")
    assert "GDANSK, Poland, March 3 (Reuters) --" in page.removed
    assert page.outlet == "Reuters"
    assert page.title == "Cargo ship runs aground off Gdansk, crew of 18 safe"


def test_agency_initials_become_the_outlet_name() -> None:
    page = clean(RawDocument(content=(SAMPLES / "gdansk-followup.txt").read_text()))
    assert page.outlet == "Associated Press"
    assert page.text.startswith("Polish investigators believe")


def test_scraped_page_byline_navigation_and_copyright() -> None:
    page = clean_text((SAMPLES / "gdansk-scraped.txt").read_text())
    assert page.title == "Ship aground near Gdansk port as tugs wait for high tide"
    assert page.authors == ["Marta Nowak"]
    assert page.outlet == "Baltic News Online"
    assert len(page.captions) == 2
    assert "Home | World | Europe" in page.removed
    assert "Most Read" not in page.text and "newsletter" not in page.text
    assert page.text.endswith("before the ship can be refloated.")


def test_no_clean_keeps_the_input_exactly() -> None:
    content = "Top 10 Stories\n\nSEOUL (Yonhap) -- Body text here."
    assert clean(RawDocument(content=content, no_clean=True)).text == content


def test_format_sniffing() -> None:
    assert sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format("Kim arrives in Russia <for> talks") == "text"


def test_one_paragraph_a_line_and_hard_wrapped_lines() -> None:
    text = (
        "Tarantino breaks silence\n\n"
        "The director says the stunt is the biggest regret of his life.\n"
        "He spoke to Deadline in an extensive interview on Monday.\n"
        "Read More: the actress accuses the producer of assault\n"
        "He does not deny the scene, and defends his choice."
    )
    assert len(split_paragraphs(text)) == 5
    wrapped = "The ministry said on Monday that the\ntrain had crossed the border early on\nTuesday morning."
    assert split_paragraphs(wrapped) == [" ".join(wrapped.split())]


def test_long_prose_with_photo_words_is_never_a_caption() -> None:
    paragraph = " ".join(["The pictures of the scene were shared widely online."] * 12) + " Reuters"
    assert parse_caption(paragraph) is None


def test_a_gallery_keeps_its_captions_as_the_text() -> None:
    gallery = "\n".join(
        f"Photos: North Korea launches rocket {line} Hide Caption {n} of 3"
        for n, line in enumerate(
            [
                "The rocket blasted off from the Sohae launch facility at 9 a.m. Sunday, KCNA reported.",
                "A state TV newsreader said the operation had been ordered by the leader.",
                "State media reported that more satellite launches were planned.",
            ],
            1,
        )
    )
    page = clean_text(gallery)
    assert "Sohae launch facility" in page.text


WIRE_CREDITS = """Modi to visit Moscow next week

NEW DELHI, July 1 (Reuters) - Indian Prime Minister Narendra Modi will travel to Moscow next week, two \
sources familiar with the matter said on Monday.

Reporting by the Reuters bureau showed that the plans had been kept quiet.

Reporting by Krishn Kaushik in New Delhi and Guy Faulconbridge in Moscow; Additional reporting by Ann Poe; \
Editing by Raju Gopalakrishnan
"""


def test_wire_credits_name_the_reporters_not_the_editors() -> None:
    page = clean_text(WIRE_CREDITS)
    assert page.authors == ["Krishn Kaushik", "Guy Faulconbridge", "Ann Poe"]
    assert "Editing by Raju Gopalakrishnan" in page.removed[0]
    assert page.text.endswith("the plans had been kept quiet.")  # prose that opens with the words stays


def test_a_contributors_line_leaves_the_body() -> None:
    page = clean_text(
        "Typhoon hits Taiwan\n\nTAIPEI, Taiwan (AP) — Typhoon Gaemi made landfall on Taiwan's northeastern "
        "coast late Wednesday, killing at least three people, authorities said Thursday.\n\n"
        "Associated Press writer Johnson Lai contributed to this report.\n"
    )
    assert page.text.endswith("authorities said Thursday.")
    assert "Associated Press writer Johnson Lai contributed to this report." in page.removed
