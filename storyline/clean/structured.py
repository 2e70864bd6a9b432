"""The page's structured data, read once from the parsed tree: JSON-LD objects and meta tags.

Publishers declare their headline, date, authors and photo captions there for search engines
and social networks; it is more reliable than guessing from the layout, so the metadata and
caption rules read it first.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

# schema.org types whose object describes the article itself (not the site, a person or an image).
_ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNews",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SatiricalArticle",
        "TechArticle",
    }
)


@dataclass
class Structured:
    """JSON-LD objects (every node with an @type, nested ones included) and meta tag contents."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    def articles(self) -> list[dict[str, Any]]:
        """The nodes that describe an article, in page order."""
        return [node for node in self.nodes if _ARTICLE_TYPES & types_of(node)]

    def article_value(self, key: str) -> str | None:
        """The first non-empty string `key` of an article node, unescaped."""
        for node in self.articles():
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return text_of(value)
        return None


def types_of(node: dict[str, Any]) -> set[str]:
    """The node's @type values without a schema.org prefix (@type may be a string or a list)."""
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)}


def text_of(value: str) -> str:
    """A JSON-LD or meta string as plain text: some CMSs leave HTML entities in it."""
    return " ".join(html.unescape(value).split())


def read_structured(tree: HtmlElement) -> Structured:
    """Parse the JSON-LD scripts and the named meta tags of a page."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:  # a broken block hides nothing the others or the HTML don't also say
            continue
        nodes.extend(_typed_nodes(data))
    meta: dict[str, str] = {}
    for tag in tree.iterfind(".//meta[@content]"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content", "").strip()
        if key and content:
            meta.setdefault(key.strip().lower(), text_of(content))
    return Structured(nodes=nodes, meta=meta)


def _typed_nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every dict with an @type, depth first (@graph lists and nested objects included)."""
    if isinstance(data, list):
        for item in data:
            yield from _typed_nodes(item)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for value in data.values():
            if isinstance(value, dict | list):
                yield from _typed_nodes(value)
