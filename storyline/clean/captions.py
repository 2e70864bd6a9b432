"""Photo captions and their credits, from the page markup and its JSON-LD.

A caption is text a page ties to an image: a <figcaption>, an element whose class names it a
caption (or a slideshow description) next to an image, the short text under an image in an
unmarked figure-like box, or an image's `caption` in the article's JSON-LD. The credit
("AP Photo/Evan Vucci", "Getty Images") is split off, whether it sits in its own element or at
the end of the caption text, so that the caption reads as a sentence about the photo. Each
image gets its own caption, so a photo shown twice (gallery and inline) is listed twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean.structured import Structured, text_of, types_of
from storyline.document import Caption

# Elements that may hold a caption: figcaptions, and class or id names saying "caption", or a
# description inside a slideshow. The XPath is a cheap superset ("aption" matches both cases
# without XPath 1.0's slow translate()); `_CAPTION_NAME` decides.
_CANDIDATES = etree.XPath(
    "//figcaption | //*[contains(@class, 'aption') or contains(@id, 'aption') or contains(@class, 'APTION')"
    " or contains(@class, 'escription')]"
)
_CAPTION_NAME = re.compile(r"caption|(carousel|slide|gallery|lightbox)[\w-]*description", re.IGNORECASE)
# Class or id words of caption-named elements that are not captions: controls, counters, ads,
# sign-up boxes, menus.
_NOT_CAPTION = re.compile(
    r"trigger|drawer|toggle|button|icon|count(?!ry)|\bads?\b|[-_]ad\b|\bad[-_]|dfp|advert|sponsor|"
    r"newsletter|signup|sign-up|menu|\bnav\b|nav[-_]|navigation",
    re.IGNORECASE,
)
_NOT_CAPTION_TAGS = frozenset(
    {"a", "button", "input", "label", "li", "nav", "option", "script", "select", "style"}
)
_UNREAD_TAGS = frozenset({"script", "style", "svg", "button", "noscript", "template"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "figcaption", "h2", "h3", "h4", "h5", "h6", "section"})
_MEDIA = etree.XPath(".//img|.//picture|.//video|.//amp-img")
_MEDIA_TAGS = frozenset({"img", "picture", "video", "amp-img"})
_SHOWS_SOMETHING = etree.XPath("boolean(.//text()[normalize-space()] | .//img | .//picture | .//video)")
# Captions of linked cards and of video players are not photo captions: teasers, playlists.
_IN_LINK_OR_PLAYER = etree.XPath(
    "boolean(ancestor::a or ancestor-or-self::*[position() <= 3]"
    "[contains(@class, 'video') or contains(@class, 'player') or contains(@class, 'playlist')])"
)
_MAX_LINKED_SHARE = 0.5
# How far up from a caption-named element its image may be (caption and image are usually
# siblings under one or two wrappers).
_MEDIA_LEVELS = 4
# Class, id or itemprop words of the credit element inside a caption.
_CREDIT_ELEMENT = re.compile(
    r"credit|copyright|attribution|source|byline|author|photographer|rights|courtesy|distributor",
    re.IGNORECASE,
)
# Text for screen readers only ("Image caption", "Photo credit:" labels).
_HIDDEN = re.compile(
    r"(?:^|\s)(?:hidden|sr-only|visually-hidden|screen-reader-text|off-?screen|u-hidden)(?:\s|$)",
    re.IGNORECASE,
)

# Credit labels ("Photo:", "Picture by", "Image credit:", "©") taken off a credit.
_CREDIT_LABEL = re.compile(
    r"^\W*(?:(?:photo(?:graph)?|image|picture|pic|illustration|video|file photo)s?\s*(?:credits?)?\s*"
    r"(?::|by\b|/)?|credits?\s*:|copyright\b|©)\s*",
    re.IGNORECASE,
)
# A text that starts as a credit does: "Photo: X", "Image Credits: X", "Picture by X", "© X".
_LABELLED_CREDIT = re.compile(
    r"^\W*(?:(?:photo(?:graph)?|image|picture|pic)s?\s*(?:credits?)?\s*(?::|by\b)|credits?\s*:|copyright\b)|^\s*©",
    re.IGNORECASE,
)
# Agencies and picture libraries whose bare name ends a caption as its credit.
_AGENCY = (
    r"(?:AP|AFP|Reuters|EPA|Getty|Shutterstock|iStock|Alamy|PA|Bloomberg|Xinhua|Yonhap|ANI|PTI"
    r"|Supplied|Handout)"
)
_PHOTO_WORD = r"(?:Photo(?:graph)?|Image|Picture|Pic|Credit|Illustration|Video|File)s?"
# Credits at the end of a caption's text, each as a group named `credit`:
_TRAILING_CREDITS = [
    # "... in Pittsburgh. (AP Photo/Jacquelyn Martin)", "(Image: Getty)", "(Reuters)"
    re.compile(rf"\s*[(\[](?P<credit>[^()\[\]]*\b(?:{_PHOTO_WORD}|{_AGENCY})\b[^()\[\]]*)[)\]]\W*$"),
    # "... at the rally. Photo: Jane Doe", "| Photo by Jane Doe/Reuters", "Credit: Supplied"
    re.compile(
        rf"(?:(?<=[.!?\"”’])|\s[|/–—-])\s*(?P<credit>{_PHOTO_WORD}(?:\s+credit)?\s*(?::|by\b)[^|]{{2,150}})$"
    ),
    # "... in Washington. Chip Somodevilla/Getty Images", "Handout / AFP via Getty Images"
    re.compile(
        r"(?<=[.!?\"”’])\s+(?P<credit>[A-Z][^.!?]{0,80}?\s?/\s?[A-Z][^.!?/]{1,60}(?:/[^.!?/]{1,60})?)\.?$"
    ),
    # "... Bloomberg via Getty Images"
    re.compile(r"(?<=[.!?\"”’])\s+(?P<credit>[A-Z][\w.'’ -]{0,60}\bvia\s+[A-Z][\w ]{1,40})\.?$"),
    # "... girls. (Christie's)", "... hour. AP", "... country AP Photo/Edgar H. Cruz"
    re.compile(r"(?<=[.!?\"”’])\s+[(\[](?P<credit>[A-Z][^()\[\]]{1,40})[)\]]$"),
    re.compile(rf"(?<=[.!?\"”’])\s+(?P<credit>{_AGENCY})$"),
    re.compile(rf"\s+(?P<credit>{_AGENCY}\s+(?:Photo|Image|Picture)s?\s*/[^/]{{2,60}})$"),
    # "... © Jane Doe"
    re.compile(r"\s+(?P<credit>©\s*[^.]{2,80})\.?$"),
    # "... Submitted photo", "... File photo"
    re.compile(
        r"\s+(?P<credit>(?:submitted|contributed|supplied|file|handout|courtesy)\s+(?:photo|image|picture)s?)\.?$",
        re.IGNORECASE,
    ),
]
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{2,60}[)\]]\s*")
# Slideshow counters and screen-reader labels before a caption: "Image 1 of 23", "[1/5]",
# "2 of 12 |", "Image caption".
_LEADING_LABEL = re.compile(
    r"^(?:(?:image|photo|picture|slide)\s+\d+\s+of\s+\d+|\[\d+/\d+\]|\d+\s+of\s+\d+|(?:image\s+)?caption\b)"
    r"\s*[|:–—-]?\s*",
    re.IGNORECASE,
)

# An unmarked figure: a box holding one image and, after it, one or two short texts.
_IMAGES = etree.XPath("//picture | //img[not(ancestor::picture)]")
_MAX_CAPTION_WORDS = 80
_MIN_CAPTION_WORDS = 3
_MAX_CREDIT_WORDS = 8
_NOT_FIGURE_ANCESTORS = etree.XPath(
    "boolean(ancestor::figure | ancestor::a | ancestor::nav | ancestor::header | ancestor::footer)"
)
_FORM_PARTS = etree.XPath("boolean(.//input | .//form | .//button | ancestor::form)")
_NOT_FIGURE_TAGS = frozenset({"li", "ul", "ol", "a", "button", "form", "nav", "header", "footer"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def split_credit(text: str) -> tuple[str, str | None]:
    """(caption, credit) from a caption text that may end with its photo credit."""
    text = _LEADING_LABEL.sub("", " ".join(text.split()))
    short = len(text.split()) <= _MAX_CREDIT_WORDS + 2
    if short and (_LABELLED_CREDIT.match(text) or _BRACKETED.fullmatch(text)):  # nothing but a credit
        return "", clean_credit(text)
    for pattern in _TRAILING_CREDITS:
        match = pattern.search(text)
        if match:
            caption = text[: match.start()].rstrip(" |–—-")
            return caption, clean_credit(match.group("credit"))
    return text, None


def clean_credit(credit: str) -> str | None:
    """A credit without its label ("Photo: X" -> "X") and brackets; None if nothing is left."""
    credit = " ".join(credit.replace(" /", "/").replace("/ ", "/").split()).strip("()[] ")
    credit = _CREDIT_LABEL.sub("", credit).strip(" .|-–—:")
    return credit or None


def html_captions(tree: HtmlElement) -> list[Caption]:
    """Captions from the markup, in page order: marked caption elements, then unmarked figures.

    A caption element holding only a credit ("Image Credits: Strava") gives its credit to the
    caption of the same image."""
    found: list[tuple[HtmlElement, Caption]] = []
    credits: dict[HtmlElement, str] = {}
    taken: set[HtmlElement] = set()
    for element in _CANDIDATES(tree):
        if any(ancestor in taken for ancestor in element.iterancestors()) or not _is_caption_element(element):
            continue
        taken.add(element)
        text = " ".join(element.text_content().split())
        credit = clean_credit(text) if _LABELLED_CREDIT.match(text) else None
        if credit and len(credit.split()) <= _MAX_CREDIT_WORDS:
            credits.setdefault(element.getparent(), credit)
            continue
        caption = _read_caption(element)
        if caption is not None:
            found.append((element, caption))
    found.extend(_unmarked_figures(tree, taken))
    for element, caption in found:
        if caption.credit is None:
            caption.credit = credits.get(element.getparent())
    return [caption for _, caption in found]


def _is_caption_element(element: HtmlElement) -> bool:
    if element.tag in _NOT_CAPTION_TAGS or _IN_LINK_OR_PLAYER(element):
        return False
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if _NOT_CAPTION.search(names) or _is_teaser(element):
        return False
    if element.tag == "figcaption":
        return True
    if not _CAPTION_NAME.search(names):
        return False
    return _near_media(element)


def _is_teaser(element: HtmlElement) -> bool:
    """A link card's text (related stories, videos): the caption is mostly link text, or a
    linked headline sits beside it."""
    text = len(element.text_content().strip())
    linked = sum(len(a.text_content().strip()) for a in element.iterfind(".//a"))
    if text and linked >= _MAX_LINKED_SHARE * text:
        return True
    parent = element.getparent()
    return (
        element.tag != "figcaption"
        and parent is not None
        and any(
            len(a.text_content().split()) >= _MIN_CAPTION_WORDS and not _MEDIA(a)
            for a in parent.iterchildren("a")
        )
    )


def _near_media(element: HtmlElement) -> bool:
    """Whether an image is in the element or in one of its few nearest ancestors."""
    node: HtmlElement | None = element
    for _ in range(_MEDIA_LEVELS + 1):
        if node is None:
            return False
        if _MEDIA(node):
            return True
        node = node.getparent()
    return False


@dataclass
class _CaptionText:
    """A caption element's text, split into caption and credit as the markup says."""

    parts: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)

    @property
    def sink(self) -> list[str]:
        """Where text goes: once a credit element is met, what follows it belongs to the credit
        too ("<span class=credit>Photo by X</span> /<span class=distributor>AFP</span>")."""
        return self.credits if self.credits else self.parts

    def read(self, element: HtmlElement) -> None:
        self.sink.append(element.text or "")
        for child in element:
            if (
                not isinstance(child.tag, str)
                or child.tag in _UNREAD_TAGS
                or _HIDDEN.search(child.get("class", ""))
            ):
                pass
            elif _CREDIT_ELEMENT.search(f"{child.get('class', '')} {child.get('itemprop', '')}"):
                self.credits.append(" ".join(child.itertext()))
            else:
                space = " " if child.tag in _BLOCK_TAGS else ""
                self.sink.append(space)
                self.read(child)
                self.sink.append(space)
            self.sink.append(child.tail or "")


def _read_caption(element: HtmlElement) -> Caption | None:
    text = _CaptionText()
    text.read(element)
    caption, inline_credit = split_credit("".join(text.parts))
    credit = clean_credit("".join(text.credits)) if text.credits else None
    if not _has_words(caption):
        return None
    return Caption(text=caption, credit=credit or inline_credit)


def _unmarked_figures(tree: HtmlElement, taken: set[HtmlElement]) -> Iterator[tuple[HtmlElement, Caption]]:
    """Figure-like boxes without caption markup: [image, caption text, credit text?]."""
    for image in _IMAGES(tree):
        if _NOT_FIGURE_ANCESTORS(image):
            continue
        wrapper, parent, children = image, image.getparent(), []
        for _ in range(_MEDIA_LEVELS):
            if parent is None or len(children := _filled(parent)) != 1:
                break
            wrapper, parent = parent, parent.getparent()
        if parent is None or not 2 <= len(children) <= 3 or children[0] is not wrapper:
            continue
        if not _may_be_figure(parent) or any(el in taken for el in parent.iter()):
            continue
        caption = _figure_caption(children[1:])
        if caption is not None:
            taken.add(parent)
            yield parent, caption


def _may_be_figure(box: HtmlElement) -> bool:
    """Not a list item, link card, form or sign-up box, whose image and text are no figure."""
    return (
        box.tag not in _NOT_FIGURE_TAGS
        and not _NOT_CAPTION.search(f"{box.get('class', '')} {box.get('id', '')}")
        and not _FORM_PARTS(box)
    )


def _filled(element: HtmlElement) -> list[HtmlElement]:
    """The children that show something: text or an image (empty spacers and scripts left out)."""
    return [
        child
        for child in element
        if isinstance(child.tag, str)
        and child.tag not in _UNREAD_TAGS
        and (child.tag in _MEDIA_TAGS or _SHOWS_SOMETHING(child))
    ]


def _figure_caption(texts: list[HtmlElement]) -> Caption | None:
    """The caption of an unmarked figure from the elements after its image, if they look like one."""
    if any(el.tag in _HEADINGS or el.xpath(".//a|.//img|.//picture|.//input") for el in texts):
        return None
    words = [" ".join(" ".join(el.itertext()).split()) for el in texts]
    caption, inline_credit = split_credit(words[0])
    if not _MIN_CAPTION_WORDS <= len(caption.split()) <= _MAX_CAPTION_WORDS:
        return None
    credit = None
    if len(words) == 2:
        if len(words[1].split()) > _MAX_CREDIT_WORDS and not _LABELLED_CREDIT.match(words[1]):
            return None
        credit = clean_credit(words[1])
    return Caption(text=caption, credit=credit or inline_credit)


_OWNER_TYPES = frozenset({"Person", "Organization", "NewsMediaOrganization", "Corporation", "WebSite"})


def jsonld_captions(data: Structured) -> list[Caption]:
    """Captions of the images the JSON-LD describes, leaving out logos and portraits."""
    excluded = {id(node) for node in _owner_images(data)}
    captions = []
    for node in data.nodes:
        caption = node.get("caption")
        if "ImageObject" in types_of(node) and isinstance(caption, str) and id(node) not in excluded:
            text, credit = split_credit(text_of(caption))
            if _has_words(text):
                captions.append(Caption(text=text, credit=credit or _jsonld_credit(node)))
    return captions


def _owner_images(data: Structured) -> Iterator[dict]:
    """Image objects that picture the publisher or an author (logos, portraits), not the story."""
    for node in data.nodes:
        if types_of(node) & _OWNER_TYPES:
            yield from _dicts(node.get("image"))
        for key in ("publisher", "author", "creator", "logo", "brand", "sourceOrganization"):
            yield from _dicts(node.get(key))


def _dicts(value: object) -> Iterator[dict]:
    if isinstance(value, list):
        for item in value:
            yield from _dicts(item)
    elif isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _dicts(item)


def _jsonld_credit(node: dict) -> str | None:
    for key in ("creditText", "copyrightHolder", "author", "creator"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return clean_credit(text_of(value))
    return None


def merge_captions(page: list[Caption], declared: list[Caption]) -> list[Caption]:
    """The page's captions, then the declared (JSON-LD) ones the page does not already show.

    A declared caption is the same as a shown one when one text holds the other and most of it
    (declared captions often carry the credit the page shows apart)."""
    keys = [_key(c.text) for c in page]
    merged = list(page)
    for caption in declared:
        key = _key(caption.text)
        if not any(_same(key, other) for other in keys):
            keys.append(key)
            merged.append(caption)
    return merged


def _same(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _has_words(text: str) -> bool:
    return len(re.findall(r"\w+", text)) >= 2
