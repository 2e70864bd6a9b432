"""RSS/Atom feeds: each item's page is fetched politely (no network: a mock transport serves the site)."""

from __future__ import annotations

import httpx
import pytest

from storyline.errors import StorylineError
from storyline.sources.feeds import HOST_DELAY, looks_like_feed, read_feed
from storyline.sources.raw import RawDocument

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World news</title>
<item><title>Kim arrives in Russia</title><link>https://news.example/kim</link>
<pubDate>Tue, 12 Sep 2023 08:30:00 GMT</pubDate></item>
<item><title>Putin meets Kim</title><link>https://news.example/summit</link>
<pubDate>Wed, 13 Sep 2023 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Putin met Kim at the Vostochny cosmodrome.</p>]]></content:encoded></item>
<item><title>Private</title><link>https://news.example/private/page</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>One</title><link href="https://other.example/one"/><updated>2023-09-12T08:00:00Z</updated></entry>
</feed>"""


def _site(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/robots.txt":
        return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
    if path == "/kim":
        return httpx.Response(200, html="<html><body><p>Kim Jong Un arrived in Russia.</p></body></html>")
    return httpx.Response(404)


@pytest.fixture()
def client():
    with httpx.Client(transport=httpx.MockTransport(_site)) as c:
        yield c


def test_items_become_pages_with_the_feed_metadata(client: httpx.Client) -> None:
    waits: list[float] = []
    items = list(read_feed(RSS, "feed.xml", client=client, sleep=waits.append))
    first, second, third = items
    assert isinstance(first, RawDocument) and "Kim Jong Un arrived" in first.content
    assert first.url == "https://news.example/kim" and first.title == "Kim arrives in Russia"
    assert first.published == "2023-09-12T08:30:00Z" and first.format == "html"
    # The page is gone (404), so the full text the feed carries is used instead.
    assert isinstance(second, RawDocument) and "Vostochny" in second.content
    # robots.txt forbids the third: one error naming it, the feed went on.
    assert isinstance(third, StorylineError) and "robots.txt" in str(third)
    assert third.doc_id == "https://news.example/private/page"
    # Requests to the same host are spaced.
    assert len(waits) == 2 and all(0 < w <= HOST_DELAY for w in waits)


def test_atom_feeds_and_feed_sniffing(client: httpx.Client) -> None:
    assert looks_like_feed(RSS) and looks_like_feed(ATOM) and looks_like_feed("", "application/rss+xml")
    assert not looks_like_feed("<html><body>x</body></html>", "text/html")
    [item] = list(read_feed(ATOM, "atom.xml", client=client, sleep=lambda _: None))
    assert isinstance(item, StorylineError) and item.doc_id == "https://other.example/one"
