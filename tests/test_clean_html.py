"""HTML cleaning: body, metadata, captions and boilerplate, on real-style pages in tests/data/html."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml.html import fromstring
from trafilatura.settings import Document as Declared

from storyline.clean.boilerplate import is_promotion, split_boilerplate
from storyline.clean.captions import html_captions, merge_captions, split_credit
from storyline.clean.html import clean_html, not_portraits
from storyline.clean.metadata import iso_day, pick_authors, pick_outlet, strip_site_name
from storyline.clean.page import Page
from storyline.clean.structured import Structured
from storyline.document import Caption

PAGES = Path(__file__).parent / "data" / "html"
URL = "https://www.example.com/news/2024/story"


@cache
def page(name: str) -> Page:
    return clean_html((PAGES / f"{name}.html").read_text(encoding="utf-8"), url=URL)


def captions_of(name: str) -> dict[str, str | None]:
    return {c.text: c.credit for c in page(name).captions}


# ---------------------------------------------------------------------------- body


def test_body_is_paragraphs_separated_by_a_blank_line():
    text = page("wire_article").text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].startswith("Residents of Millbrook began returning")
    assert paragraphs[-1].startswith("Forecasters warned that further rain")
    assert all(p.strip() == p and "\n" not in p for p in paragraphs)


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("wire_article", "Volunteers steer boats"),  # figcaption
        ("wire_article", "carries sandbags"),  # figcaption with an inline credit
        ("wire_article", "Dam inspection ordered"),  # related-story card
        ("wire_article", "All rights reserved"),  # footer
        ("unmarked_figures", "Crowds gather on the quay"),  # unmarked figure
        ("wordpress_gallery", "charging cable"),  # slideshow description
        ("wordpress_gallery", "604 COMMENTS"),  # sidebar
    ],
)
def test_captions_and_page_furniture_stay_out_of_the_body(name, absent):
    assert absent not in page(name).text


# ---------------------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("name", "title", "outlet", "authors", "published"),
    [
        # og:title loses " | Riverside Herald"; JSON-LD's datePublished (the first publication)
        # wins over article:published_time and the later dateModified.
        (
            "wire_article",
            "Flood waters recede in river town as residents return home",
            "Riverside Herald",
            ["Maria Keller", "Tom Alvarez"],
            "2024-03-11",
        ),
        # no og:title: the <h1>; the outlet is the site name, not the "@" handle; the date from
        # the page's <time> through htmldate.
        (
            "unmarked_figures",
            "Harbour festival draws record crowds",
            "Coastal Times",
            ["Priya Nair"],
            "2023-07-02",
        ),
        # Yoast @graph: the author is a referenced Person node.
        (
            "wordpress_gallery",
            "Startup unveils electric ferry for city commuters",
            "Tech Harbor",
            ["Sam Okafor"],
            "2022-10-05",
        ),
    ],
)
def test_metadata(name, title, outlet, authors, published):
    got = page(name)
    assert (got.title, got.outlet, got.authors, got.published) == (title, outlet, authors, published)


def test_an_og_title_that_is_only_the_site_name_is_passed_over():
    html = (PAGES / "wire_article.html").read_text(encoding="utf-8")
    html = html.replace(
        'content="Flood waters recede in river town as residents return home | Riverside Herald"',
        'content="Riverside Herald"',
        1,
    )
    assert clean_html(html).title == "Flood waters recede in river town as residents return home"


def test_the_url_given_wins_over_the_canonical_link():
    html = (PAGES / "wire_article.html").read_text(encoding="utf-8")
    assert clean_html(html).url == "https://www.riversideherald.example/news/flood-waters-recede"
    assert clean_html(html, url=URL).url == URL


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Amy Kuperinsky | NJ Advance Media for NJ.com"], ["Amy Kuperinsky"]),
        (["TOM KRISHER, AP Auto Writer"], ["TOM KRISHER"]),
        (["chuck-ross"], ["Chuck Ross"]),
        (["By Emma Mackenzie", "Emma-Mackenzie"], ["Emma Mackenzie"]),
    ],
)
def test_author_names_are_tidied(names, expected):
    declared = Declared()
    declared.author = ";".join(names)
    assert pick_authors(fromstring("<p>x</p>"), Structured(), declared) == expected


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        (
            "How RPA vendors aim to remain relevant | TechCrunch",
            ["TechCrunch"],
            "How RPA vendors aim to remain relevant",
        ),
        (
            "Solar streetlights boost women’s businesses - Daily News",
            ["dailynews"],
            "Solar streetlights boost women’s businesses",
        ),
        ("Pakistan blocks sites - Times of India", ["The Times of India"], "Pakistan blocks sites"),
        ("BBC News - Storm hits the coast", ["BBC News"], "Storm hits the coast"),
        # a dash inside the headline is not decoration
        ("Your $1 bill could be worth THOUSANDS - here's how to check", ["Daily Mail"], None),
        # a long segment that merely mentions the site stays
        (
            "Why TechCrunch readers love gadgets | TechCrunch",
            ["TechCrunch"],
            "Why TechCrunch readers love gadgets",
        ),
    ],
)
def test_strip_site_name(title, names, expected):
    assert strip_site_name(title, names) == (expected or title)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-04T13:23:00Z", "2024-08-04"),
        ("2023-08-30T16:45+0100", "2023-08-30"),
        ("2019-11-19", "2019-11-19"),
        ("0001-01-01T00:00:00", None),  # CMS placeholder
        ("2024-02-30", None),
        ("Aug 4, 2024", None),
        (None, None),
    ],
)
def test_iso_day(value, expected):
    assert iso_day(value) == expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Breaking Australian and World News Headlines - 9News", "9News"], "9News"),
        (["https://www.facebook.com/CBSNews", "CBS News"], "CBS News"),
        (["@AJENews", "Al Jazeera"], "Al Jazeera"),
        (["financialpost", "Financial Post"], "Financial Post"),
        (["@SputnikInt"], "SputnikInt"),
        ([], None),
    ],
)
def test_pick_outlet(names, expected):
    assert pick_outlet(names) == expected


# ---------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    ("name", "caption", "credit"),
    [
        # credit element, then a distributor after it
        (
            "wire_article",
            "Volunteers steer boats along Main Street in Millbrook on Saturday.",
            "Ann Lee/AFP via Getty Images",
        ),
        # "(AP Photo/...)" at the end of the caption text
        (
            "wire_article",
            "A resident carries sandbags past a closed shop in Millbrook, Friday, March 8, 2024.",
            "AP Photo/Jordan Reyes",
        ),
        # JSON-LD ImageObject caption with "Photo: X"
        ("wire_article", "An aerial view of the flooded fairground on Sunday.", "Dana Whitfield"),
        # unmarked figure: image, caption div, credit div
        ("unmarked_figures", "Crowds gather on the quay for the opening parade", "Getty Images"),
        # image widget with empty spacer and a labelled credit paragraph
        ("unmarked_figures", "Tall ships line the harbour wall at sunset on Saturday.", "Leo Marsh"),
        # a second figcaption holding only the credit
        ("wordpress_gallery", "The passenger cabin seats 150 commuters.", "Volta Marine"),
        # slideshow description
        (
            "wordpress_gallery",
            "Workers connect a charging cable at the harbour dock, Tuesday, Oct. 4, 2022.",
            "AP Photo/Kari Berg",
        ),
        # Yoast primary image
        ("wordpress_gallery", "The Volta ferry during sea trials in the bay", None),
    ],
)
def test_captions_with_their_credit(name, caption, credit):
    assert captions_of(name).get(caption, "missing") == credit


@pytest.mark.parametrize(
    ("name", "not_caption"),
    [
        ("wire_article", "Dam inspection ordered after record inflows"),  # card inside a link
        ("wire_article", "Riverside Herald logo"),  # publisher logo in JSON-LD
        ("wire_article", "Maria Keller"),  # author box
        ("unmarked_figures", "Get the best of the coast every morning"),  # sign-up form
        ("unmarked_figures", "Coastal Times App"),  # list item
        ("wordpress_gallery", "Sam Okafor"),  # author portrait in JSON-LD
        ("wordpress_gallery", "604 COMMENTS"),  # label beside a linked headline
        ("wordpress_gallery", "Image Credits: Volta Marine"),  # a credit, not a caption
    ],
)
def test_not_captions(name, not_caption):
    assert not any(not_caption in text for text in captions_of(name))


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "President Joe Biden arrives in Pittsburgh, Monday, Sept. 2, 2024. (AP Photo/Susan Walsh)",
            "President Joe Biden arrives in Pittsburgh, Monday, Sept. 2, 2024.",
            "AP Photo/Susan Walsh",
        ),
        (
            "Anti-racism activists in Plymouth tonight (Image: Getty)",
            "Anti-racism activists in Plymouth tonight",
            "Getty",
        ),
        ("Chris Bowen at the launch. Photo: Oliver Lane", "Chris Bowen at the launch.", "Oliver Lane"),
        (
            "Smoke over the town. Chip Somodevilla/Getty Images",
            "Smoke over the town.",
            "Chip Somodevilla/Getty Images",
        ),
        ("Protesters march. Bloomberg via Getty Images", "Protesters march.", "Bloomberg via Getty Images"),
        ("The islands were listed for sale. (Christie's)", "The islands were listed for sale.", "Christie's"),
        ("Trump stayed for an hour. AP", "Trump stayed for an hour.", "AP"),
        ("Christopher Battin Submitted photo", "Christopher Battin", "Submitted photo"),
        (
            "Image 1 of 23 Delegates arrive for the summit. (Reuters)",
            "Delegates arrive for the summit.",
            "Reuters",
        ),
        ("Image caption Fans queue outside the stadium", "Fans queue outside the stadium", None),
        ("Picture: iStock", "", "iStock"),
        ("(The Independent)", "", "The Independent"),
        # no credit: brackets that are part of the caption, and a caption starting with "Photo"
        ("Sir Tony Blair (left) being interviewed", "Sir Tony Blair (left) being interviewed", None),
        (
            "Photographs of the missing are pinned to a fence near the station.",
            "Photographs of the missing are pinned to a fence near the station.",
            None,
        ),
    ],
)
def test_split_credit(text, caption, credit):
    assert split_credit(text) == (caption, credit)


def test_screen_reader_text_is_left_out_of_a_caption():
    tree = fromstring(
        '<div><figure><img src="a.jpg"><figcaption><span class="visually-hidden">Expand image</span>'
        'Fans queue outside the stadium <span class="credit">Photo: Jo Bloggs</span>'
        "</figcaption></figure></div>"
    )
    assert html_captions(tree) == [Caption(text="Fans queue outside the stadium", credit="Jo Bloggs")]


def test_declared_captions_already_on_the_page_are_not_repeated():
    shown = [Caption(text="Kamala Harris’s photo from the 1981 yearbook.", credit="AFP via Getty Images")]
    declared = [
        Caption(text="Kamala Harris’s photo from the 1981 yearbook. Photo by Handout", credit=None),
        Caption(text="Tanner Fischer leads a rally of UPS workers in Des Moines, Iowa.", credit=None),
    ]
    merged = merge_captions(shown, declared)
    assert [c.text for c in merged] == [shown[0].text, declared[1].text]


def test_a_photo_shown_twice_keeps_both_captions():
    twice = [Caption(text="Fans celebrate in the square."), Caption(text="Fans celebrate in the square.")]
    assert len(merge_captions(twice, [])) == 2


def test_byline_portraits_are_not_captions():
    captions = [Caption(text="Paul Sawers"), Caption(text="Paul Sawers speaks at the launch in Lisbon.")]
    kept = not_portraits(captions, ["Paul Sawers"])
    assert [c.text for c in kept] == ["Paul Sawers speaks at the launch in Lisbon."]


# ---------------------------------------------------------------------------- boilerplate


@pytest.mark.parametrize(
    ("name", "removed"),
    [
        ("wire_article", "Sign up for our newsletter to get the latest updates in your inbox."),
        ("wordpress_gallery", "Startup unveils electric ferry for city commuters"),  # headline repeated
        ("wordpress_gallery", "Related: Electric tugboats are coming to European ports"),
        ("wordpress_gallery", "___"),
    ],
)
def test_boilerplate_goes_to_removed(name, removed):
    result = page(name)
    assert removed in result.removed
    assert removed not in result.text.split("\n\n")


@pytest.mark.parametrize(
    ("paragraph", "promotion"),
    [
        ("Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", True),
        ("Get the day’s top headlines delivered to your inbox every morning.", True),
        ("SEE MORE: Hong Kong protests: 800 students under siege in university", True),
        ("DON'T MISS", True),
        ("More:", True),
        ("More than 300 protesters gathered in Middlesbrough on Sunday.", False),
        ("He said he would follow the advice of doctors and stay off Twitter for a month.", False),
    ],
)
def test_is_promotion(paragraph, promotion):
    assert is_promotion(paragraph) is promotion


def test_only_the_first_paragraph_can_be_the_repeated_headline():
    body, removed = split_boilerplate(["Storm hits coast", "Text.", "Storm hits coast"], "Storm hits coast")
    assert (body, removed) == (["Text.", "Storm hits coast"], ["Storm hits coast"])


@pytest.mark.parametrize("html", ["", "<html><head><title>Nothing here</title></head><body></body></html>"])
def test_a_page_without_an_article_gives_empty_text(html):
    result = clean_html(html)
    assert (result.text, result.captions, result.removed) == ("", [], [])
