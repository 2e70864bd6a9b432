"""RSS and Atom feeds (feedparser): each item's page is fetched politely and becomes one input.

Politeness: robots.txt and the size cap come with `sources.url.fetch`; one client is shared
(connection reuse) and requests to one host are spaced by `HOST_DELAY` seconds. An item whose
page cannot be fetched falls back to the full text the feed itself carries, if any.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser
import httpx

from storyline.errors import BadInput, StorylineError
from storyline.sources.raw import RawDocument
from storyline.sources.url import TIMEOUT, USER_AGENT, fetch

HOST_DELAY = 1.0
_FEED_TYPES = ("rss", "atom", "xml")


def looks_like_feed(content: str, content_type: str = "") -> bool:
    """An RSS or Atom document, by content type or by its root element."""
    if any(kind in content_type for kind in _FEED_TYPES) and "html" not in content_type:
        return True
    head = content[:1024].lstrip().lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf:rdf" in head)


def read_feed(
    content: str, name: str, client: httpx.Client | None = None, sleep: Callable[[float], None] = time.sleep
) -> Iterator[RawDocument | StorylineError]:
    """A RawDocument per feed item (its page's HTML), or an error naming the item; the feed goes on."""
    feed = feedparser.parse(content)
    if feed.bozo and not feed.entries:
        raise BadInput(f"{name}: not a readable RSS or Atom feed ({feed.get('bozo_exception')})")
    own = client is None
    client = client or httpx.Client(
        headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True
    )
    last_hit: dict[str, float] = {}
    try:
        for entry in feed.entries:
            yield _item(entry, name, client, last_hit, sleep)
    finally:
        if own:
            client.close()


def _item(
    entry: Any, name: str, client: httpx.Client, last_hit: dict[str, float], sleep: Callable[[float], None]
) -> RawDocument | StorylineError:
    link = entry.get("link")
    title = entry.get("title")
    published = _published(entry)
    if not link:
        return BadInput(f"{name}: feed item {title!r} has no link", doc_id=title)
    host = urlsplit(link).netloc
    wait = last_hit.get(host, 0.0) + HOST_DELAY - time.monotonic()
    if wait > 0:
        sleep(wait)
    last_hit[host] = time.monotonic()
    try:
        html, _ = fetch(link, client=client)
    except StorylineError as error:
        carried = _carried_text(entry)
        if not carried:
            error.doc_id = link
            return error
        html = carried
    return RawDocument(content=html, format="html", url=link, title=title, published=published)


def _carried_text(entry: Any) -> str:
    """The item's full content as the feed gives it (content:encoded, Atom content), if any."""
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return ""


def _published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None
