"""Headline, publication date and authors of an HTML page, from what the publisher declares.

The order of trust: the headline the publisher gives social networks (og:title), the article's
JSON-LD, then the page's own <h1> and <title>. Page titles carry decoration (" | TechCrunch",
"Section: ... - The Times of India") that is not part of the headline, so it is taken off.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_author
from trafilatura.settings import Document as Declared
from trafilatura.settings import set_date_params

from storyline.clean.structured import Structured, text_of, types_of

# Separators between a headline and the site or section name in page titles.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•»:]{1,2}\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A headline found inside the declared title must be most of it, so a short site-name <h1>
# ("The Times") inside "Headline - The Times" is never taken for the headline.
_MIN_HEADLINE_SHARE = 0.5
_MIN_HEADLINE_WORDS = 4
_MAX_SITE_NAME_WORDS = 4
_MIN_NAME_CHARS = 3
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_MAX_OUTLET_WORDS = 5
_FIRST_NEWS_YEAR = 1990
_NAME_WORDS = (2, 4)  # words in a person's name, for telling it from the role after a comma
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_HOST_NOISE = re.compile(r"^(www\d?|m|amp|edition|news)\.")


def read_declared(tree: HtmlElement, url: str | None) -> Declared:
    """Meta-tag authors and site name as trafilatura reads them, and htmldate's original
    publication date.

    The parts of trafilatura's `extract_metadata` storyline needs: its JSON-LD reader is left
    out (`Structured` parses the JSON-LD once, and faster), and so are the title, category, tag
    and licence searches whose results would be thrown away."""
    declared = examine_meta(tree)
    if declared.author and " " not in declared.author:  # a handle or a site name, not a person
        declared.author = None
    declared.date = find_date(tree, url=url, **set_date_params(extensive=True))
    return declared


def pick_title(tree: HtmlElement, data: Structured, site_names: list[str]) -> str | None:
    """The article's headline without the site name or section around it."""
    headings = [" ".join(h.text_content().split()) for h in tree.iterfind(".//h1")]
    ld_headline = data.article_value("headline")
    page_title = " ".join((tree.findtext(".//title") or "").split())
    candidates = (
        data.meta.get("og:title"),
        data.meta.get("twitter:title"),
        ld_headline,
        *headings,
        page_title,
    )
    # a site whose og:title is just its own name says nothing about the article
    declared = next((t for t in candidates if t and not _is_site_name(t, site_names)), None)
    if declared is None:
        return None
    title = strip_site_name(declared, site_names)
    for headline in (*headings, ld_headline):
        if headline and _is_undecorated(headline, title, site_names):
            return headline
    return title


def _is_undecorated(headline: str, declared: str, site_names: list[str]) -> bool:
    """Whether `headline` is `declared` with only decoration around it."""
    h, d = _fold(headline), _fold(declared)
    return (
        h != d
        and h in d
        and len(h.split()) >= _MIN_HEADLINE_WORDS
        and len(h) >= _MIN_HEADLINE_SHARE * len(d)
        and not _is_site_name(headline, site_names)
    )


def strip_site_name(title: str, site_names: list[str]) -> str:
    """Take site names off either end of a page title ("Headline | Site", "Site - Headline")."""
    parts = _TITLE_SEPARATOR.split(title)
    seps = _TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and _is_site_name(parts[-1], site_names):
        parts.pop()
        seps.pop()
    while len(parts) > 1 and _is_site_name(parts[0], site_names):
        parts.pop(0)
        seps.pop(0)
    return "".join(p + s for p, s in zip(parts, [*seps, ""], strict=True)).strip()


def site_names(data: Structured, url: str | None, *extra: str | None) -> list[str]:
    """Names the site goes by: declared site and publisher names, and the host name's label."""
    names = [data.meta.get("og:site_name"), data.meta.get("application-name"), *extra]
    for node in data.nodes:
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(text_of(publisher["name"]))
        if "Organization" in types_of(node) or "NewsMediaOrganization" in types_of(node):
            names.append(node.get("name") if isinstance(node.get("name"), str) else None)
    if url:
        host = _HOST_NOISE.sub("", urlsplit(url).hostname or "")
        names.append(host.split(".")[0])
    return [n for n in dict.fromkeys(names) if n]


def pick_outlet(names: list[str]) -> str | None:
    """The first site name that reads as a name: not a URL or a handle's "@", capitalised, short
    and without a tagline ("Breaking News Headlines - 9News"). Else the first one at all."""
    cleaned = [n.strip() for n in names if not _URL.match(n.strip())]
    for name in cleaned:
        if (
            not name.startswith("@")
            and name != name.lower()
            and len(name.split()) <= _MAX_OUTLET_WORDS
            and not _TITLE_SEPARATOR.search(name)
        ):
            return name
    return cleaned[0].lstrip("@") if cleaned else None


def _is_site_name(segment: str, names: list[str]) -> bool:
    """Loose match: case, a leading "The", spaces and punctuation do not matter, and a short
    segment may add to or drop from the name ("Mirror Online", "Times of India")."""
    seg = _squash(segment)
    if len(seg) < _MIN_NAME_CHARS:
        return False
    short = len(segment.split()) <= _MAX_SITE_NAME_WORDS
    return any(
        seg == n or (short and len(n) >= _MIN_NAME_CHARS and (n in seg or seg in n))
        for n in map(_squash, names)
    )


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", re.sub(r"^the\s+", "", _fold(text)))


def _fold(text: str) -> str:
    """Case- and quote-insensitive form, so ’ and ' or “ and " compare equal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.translate(_QUOTES).split())


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})


def pick_date(data: Structured, found: str | None) -> str | None:
    """The publication day as YYYY-MM-DD: the article's JSON-LD datePublished, else `found`.

    `found` is htmldate's original date (through trafilatura). JSON-LD comes first because on
    live blogs and updated articles the meta tags and visible dates are often the last update,
    while the article node keeps the first publication."""
    for value in (data.article_value("datePublished"), found):
        day = iso_day(value)
        if day:
            return day
    return None


def iso_day(value: str | None) -> str | None:
    """The leading YYYY-MM-DD of an ISO date or datetime, if it is a real day."""
    match = _ISO_DATE.match(value.strip()) if value else None
    if not match:
        return None
    try:
        day = date.fromisoformat(match.group())
    except ValueError:
        return None
    # CMS placeholders ("0001-01-01") and dates past tomorrow are not publication dates.
    return (
        day.isoformat() if day.year >= _FIRST_NEWS_YEAR and day <= date.today() + timedelta(days=1) else None
    )


def pick_authors(tree: HtmlElement, data: Structured, declared: Declared) -> list[str]:
    """Author names: the article's JSON-LD authors, else the meta tags', else the byline's."""
    names = [name for node in data.articles() for name in _person_names(node.get("author"))]
    if not names:
        found = declared.author or extract_author(tree)
        names = (found or "").split(";")
    unique: dict[str, str] = {}
    for name in map(_tidy_name, names):
        if name:
            unique.setdefault(_squash(name.replace("-", " ")), name)
    return list(unique.values())


def _tidy_name(name: str) -> str:
    """A name as people write it: no "By", no affiliation or role after it ("Tom Krisher, AP Auto
    Writer", "Amy Kuperinsky | NJ Advance Media"), an author-page slug ("chuck-ross") spelt out."""
    name = _BY.sub("", " ".join(name.split()))
    name = _TITLE_SEPARATOR.split(name)[0]
    head, comma, _ = name.partition(", ")
    if comma and _NAME_WORDS[0] <= len(head.split()) <= _NAME_WORDS[1]:
        name = head
    if " " not in name and "-" in name and name.islower():
        name = name.replace("-", " ").title()
    return name


def _person_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _person_names(item)]
    if isinstance(value, dict) and "Organization" not in types_of(value):
        value = value.get("name")
    return [text_of(value)] if isinstance(value, str) else []
