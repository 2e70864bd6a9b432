"""Scraped plain text: the body without captions, datelines, bylines and page boilerplate.

A page copied as text keeps its junk: photo captions with their credit, "Top 10 Stories",
"Sign up for eNewsletter", share buttons. Each rule below looks at one paragraph and at its
position in the page (before the first prose paragraph, after the last, or inside the body),
never at a particular site's strings. Nothing is dropped: captions go to `Page.captions`,
everything else taken out goes to `Page.removed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.clean.page import Page
from storyline.document import Caption

# A photo caption talks about a picture ...
_PHOTO_WORDS = re.compile(
    r"\b(?:photos?|photograph(?:ed|s)?|pictures?|pictured|images?|file photo|screen ?(?:grab|shot)|"
    r"handout|footage|video grab|seen here|this (?:photo|picture|image))\b",
    re.IGNORECASE,
)
# ... and ends with (or contains) who took it: "... to Russia. Yonhap", "(AP Photo/Jae C. Hong)".
_CREDIT_IN_PARENS = re.compile(
    r"\s*\((?P<credit>(?:[A-Z][\w.&'-]*\s?)*(?:Photo|Pool|Images?|Handout|File)\b[^()]{0,80}|"
    r"(?:Photo|Image|Picture|Credit)s?\s*(?::|by)\s*[^()]{1,80})\)\s*$"
)
_CREDIT_LABELLED = re.compile(r"\s*(?:Photo|Image|Picture|Credit)s?\s*(?::|by)\s*(?P<credit>[^.!?]{1,80})$")
_CREDIT_TRAILING = re.compile(r"(?<=[.!?\"”')])\s+(?P<credit>[A-Z][\w&'-]*(?:[ /][\w&'.-]+){0,5})(?<!\.)\s*$")
_CREDIT_SLASH = re.compile(
    r"\s+(?P<credit>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)\s*$"
)

_CREDIT_LOWER = {
    "handout",
    "photo",
    "photos",
    "media",
    "file",
    "pool",
    "via",
    "of",
    "and",
    "for",
    "images",
    "agency",
    "news",
    "service",
    "press",
    "courtesy",
    "staff",
    "contributor",
    "supplied",
    "archive",
    "de",
    "von",
}
_NOT_CREDIT = {"said", "says", "told", "added", "reported", "wrote", "is", "was", "are", "were", "the", "a"}

# Page furniture: sign-ups, sharing, navigation, ads, copyright.
_BOILERPLATE = re.compile(
    r"\b(?:sign ?up|subscribe|newsletter|e-?newsletter|share (?:this|on)|follow us|click here|read more|"
    r"most (?:read|popular|viewed)|top \d+ (?:stories|news)|related (?:stories|articles|news)|advertisement|"
    r"all rights reserved|copyright|terms of (?:use|service)|privacy policy|cookie|download (?:the|our) app|"
    r"recommended (?:for you|stories)|trending now|back to top|skip to (?:main )?content|"
    r"continue reading(?: the main story)?|not a robot|invalid email|thank you for subscribing|"
    r"you agree to receive|an error has occurred|please try again later)\b|©",
    re.IGNORECASE,
)
_BOILERPLATE_MAX_WORDS = 15
_BOILERPLATE_WORDS_PER_HIT = 12  # a longer run of sign-up form text: one furniture phrase every dozen words
_SHORT_LINE_WORDS = 6
_TITLE_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 80

# "SEOUL, Sept. 12 (Yonhap) -- ", "WASHINGTON (AP) — ", "LONDON, March 3 (Reuters) - "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\- ]+(?:, [A-Z][\w.' ]+?)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}))?\s*"
    r"(?:\((?P<agency>[A-Z][\w&.' -]{0,40})\)\s*)?"
    r"(?:--|—|–|-|_)\s+"
)
_AGENCY_TAIL = re.compile(r"\s*\((?P<agency>[A-Z][\w&.' -]{0,40})\)\s*$")
_BYLINE = re.compile(
    r"^By\s+(?P<names>[A-Z][\w.'-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'-]+)*)(?:,\s*(?P<outlet>.+))?$"
)
# A wire's closing credits: "Reporting by Jane Doe in Seoul and John Roe; Editing by Ann Poe". The
# reporters and writers are the authors; editors and graphic artists are not.
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s+in\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?"
_CREDIT = re.compile(
    r"(?P<role>(?i:(?:additional\s+)?(?:reporting|writing|editing|graphics)(?:\s+and\s+(?:reporting|writing|editing))?))"
    rf"\s+(?i:by)\s+(?P<names>{_NAME}(?:(?:,\s*|,?\s+and\s+){_NAME})*)"
)
# "Associated Press writers Jane Doe in Kyiv and John Roe contributed to this report."
_CONTRIBUTORS = re.compile(
    r"^[\w.&' -]{0,40}\b(?:writers?|reporters?|correspondents?|journalists?)\s+[A-Z].{0,160}\bcontributed"
    r"(?:\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article))?\.?$"
)
_NAV_SEPARATOR = re.compile(r"\s+[|›»>/·•]\s+")
_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
    r"(?P<owner>[A-Z][\w&' -]{1,60}?)\.?\s*(?:all rights|$)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\"”'’)]$")


@dataclass
class _Paragraph:
    text: str
    role: str = "body"  # body | title | caption | removed | byline


def clean_text(text: str) -> Page:
    """The Page of a scraped text: title, body, captions, removed boilerplate, byline, outlet."""
    paragraphs = [_Paragraph(p) for p in split_paragraphs(text)]
    page = Page(text="")
    if not paragraphs:
        return page
    _mark_title(paragraphs, page)
    _mark_captions(paragraphs, page)
    _mark_boilerplate(paragraphs)
    _mark_bylines(paragraphs, page)
    body = [p for p in paragraphs if p.role == "body"]
    if not body:  # a photo gallery: its captions are all the text there is
        body = [p for p in paragraphs if p.role == "caption"]
    if body:
        _strip_dateline(body[0], page)
        _strip_agency_tail(body[-1], page)
    page.removed[:0] = [p.text for p in paragraphs if p.role == "removed"]
    page.outlet = page.outlet or _copyright_owner(page.removed)
    page.text = "\n\n".join(p.text for p in body if p.text)
    return page


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, or by single line breaks where the lines end like
    sentences (one paragraph a line); lines broken at a fixed width are joined again."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        ending = sum(bool(_SENTENCE_END.search(line.rstrip())) for line in lines)
        parts = lines if len(lines) > 1 and ending > len(lines) / 2 else [block]
        paragraphs += [" ".join(part.split()) for part in parts if part.strip()]
    return paragraphs


def parse_caption(paragraph: str) -> Caption | None:
    """A photo caption with its credit, or None for a paragraph of prose.

    A caption speaks of a picture and names who took or released it at its end; "Photos released
    by state media showed ..." in the body has the vocabulary but no credit.
    """
    if len(paragraph.split()) > _CAPTION_MAX_WORDS or not _PHOTO_WORDS.search(paragraph):
        return None
    for pattern in (_CREDIT_IN_PARENS, _CREDIT_LABELLED, _CREDIT_SLASH, _CREDIT_TRAILING):
        match = pattern.search(paragraph)
        if match and _plausible_credit(match["credit"]):
            return Caption(text=paragraph[: match.start()].strip(), credit=match["credit"].strip())
    return None


def _plausible_credit(credit: str) -> bool:
    """A name, not the tail of a sentence ('Smith said')."""
    words = credit.replace("/", " ").split()
    return (
        0 < len(words) <= 8
        and not _SENTENCE_END.search(credit.rstrip(")"))
        and not any(w.lower() in _NOT_CREDIT for w in words)
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _CREDIT_LOWER for w in words)
    )


def is_boilerplate(paragraph: str) -> bool:
    """Page furniture: a short line of sign-up, sharing, navigation or copyright vocabulary, or a longer
    one made of little else (a newsletter form flattened into one line)."""
    words = len(paragraph.split())
    if words <= _BOILERPLATE_MAX_WORDS:
        return bool(_BOILERPLATE.search(paragraph))
    return len(_BOILERPLATE.findall(paragraph)) * _BOILERPLATE_WORDS_PER_HIT >= words


def is_prose(paragraph: str) -> bool:
    """A paragraph that reads as article text: several words ending like a sentence."""
    return len(paragraph.split()) > _SHORT_LINE_WORDS and bool(_SENTENCE_END.search(paragraph))


def _mark_title(paragraphs: list[_Paragraph], page: Page) -> None:
    """The headline: the first short line above the body that is not navigation, furniture or a byline."""
    for paragraph in paragraphs[:-1]:
        text = paragraph.text
        if is_prose(text) or _DATELINE.match(text) or parse_caption(text):
            return
        if is_navigation(text) or is_boilerplate(text) or _BYLINE.match(text):
            continue
        if len(text.split()) <= _TITLE_MAX_WORDS and not text.endswith("."):
            paragraph.role = "title"
            page.title = text
            return


def is_navigation(paragraph: str) -> bool:
    """A breadcrumb or menu: short items between separators ('Home | World | Europe')."""
    items = _NAV_SEPARATOR.split(paragraph)
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items)


def _mark_captions(paragraphs: list[_Paragraph], page: Page) -> None:
    for paragraph in paragraphs:
        if paragraph.role == "body" and (caption := parse_caption(paragraph.text)):
            paragraph.role = "caption"
            page.captions.append(caption)


def _mark_boilerplate(paragraphs: list[_Paragraph]) -> None:
    """Furniture vocabulary anywhere; short non-sentence lines before the first or after the last prose."""
    prose = [i for i, p in enumerate(paragraphs) if p.role == "body" and is_prose(p.text)]
    first, last = (prose[0], prose[-1]) if prose else (0, len(paragraphs))  # a short text is all body
    for i, paragraph in enumerate(paragraphs):
        if paragraph.role != "body":
            continue
        outside = i < first or i > last
        if is_boilerplate(paragraph.text) or (outside and not is_prose(paragraph.text)):
            paragraph.role = "removed"


def _mark_bylines(paragraphs: list[_Paragraph], page: Page) -> None:
    """'By Jane Doe, Associated Press' above the body gives the authors (and the outlet), and so do a
    wire's closing credits ('Reporting by Jane Doe; Editing by John Roe'); a line thanking contributors
    leaves the body."""
    for paragraph in paragraphs:
        if paragraph.role not in ("body", "removed") or len(paragraph.text.split()) > 30:
            continue
        match = _BYLINE.match(paragraph.text) if len(paragraph.text.split()) <= 15 else None
        if match:
            page.authors.extend(_names(match["names"]))
            page.outlet = page.outlet or (match["outlet"] or "").strip() or None
            paragraph.role = "removed"
        elif credits := _credits(paragraph.text):
            page.authors.extend(n for n in credits if n not in page.authors)
            paragraph.role = "removed"
        elif _CONTRIBUTORS.match(paragraph.text):  # those who helped the authors are no authors
            paragraph.role = "removed"


def _names(names: str) -> list[str]:
    """ "Jane Doe, John Roe and Ann Poe" -> the three names; "Jane Doe in Seoul" is Jane Doe."""
    parts = re.split(r"\s*(?:,|\band\b)\s*", names.strip().rstrip("."))
    return [re.sub(r"\s+in\s+[A-Z].*$", "", part).strip() for part in parts if part.strip()]


def _credits(text: str) -> list[str] | None:
    """The reporters and writers of a line that is nothing but a wire's credits, else None."""
    segments = [segment.strip() for segment in re.split(r";|\.\s+(?=[A-Z])", text.strip()) if segment.strip()]
    matches = [_CREDIT.fullmatch(segment.rstrip(".")) for segment in segments]
    if not segments or not all(matches):
        return None
    return [
        name
        for m in matches
        if m is not None and re.search(r"reporting|writing", m["role"], re.IGNORECASE)
        for name in _names(m["names"])
    ]


def _copyright_owner(removed: list[str]) -> str | None:
    """'Copyright 2025 Baltic News Online. All rights reserved.' names the outlet."""
    for text in removed:
        if match := _COPYRIGHT.search(text):
            return match["owner"].strip()
    return None


def _strip_dateline(paragraph: _Paragraph, page: Page) -> None:
    match = _DATELINE.match(paragraph.text)
    if match and (match["agency"] or match["date"]):
        page.removed.append(match.group(0).strip())
        paragraph.text = paragraph.text[match.end() :]
        page.outlet = page.outlet or match["agency"]


def _strip_agency_tail(paragraph: _Paragraph, page: Page) -> None:
    """'... official name. (Yonhap)': the wire's closing tag names the outlet."""
    match = _AGENCY_TAIL.search(paragraph.text)
    if match and _SENTENCE_END.search(paragraph.text[: match.start()]) and len(match["agency"].split()) <= 4:
        page.removed.append(match.group(0).strip())
        paragraph.text = paragraph.text[: match.start()]
        page.outlet = page.outlet or match["agency"]
