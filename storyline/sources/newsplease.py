"""news-please JSON files: one article per file, already extracted by news-please.

The article body (`maintext` in news-please 1.5+, `text` before) is taken as it is
(`no_clean`), with the description as its lead when the body does not already hold it.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.errors import BadInput
from storyline.sources.raw import RawDocument

# Fields that tell a news-please record from any other JSON object.
_MARKERS = ("date_publish", "source_domain", "maintext", "date_download")


def is_newsplease(obj: Any) -> bool:
    return isinstance(obj, dict) and any(key in obj for key in _MARKERS)


def read_newsplease(text: str, name: str) -> RawDocument:
    """The RawDocument of one news-please JSON record; BadInput if it is not one or has no body."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadInput(f"{name}: not valid JSON ({error.msg})") from None
    if not is_newsplease(obj):
        raise BadInput(f"{name}: not a news-please JSON record")
    return from_record(obj, name)


def from_record(obj: dict[str, Any], name: str) -> RawDocument:
    body = _text(obj.get("maintext")) or _text(obj.get("text"))
    lead = _text(obj.get("description"))
    if lead and lead not in body:
        body = f"{lead}\n\n{body}" if body else lead
    if not body:
        raise BadInput(f"{name}: news-please record without article text")
    doc_id = obj.get("dId") or obj.get("id")
    return RawDocument(
        content=body,
        format="text",
        no_clean=True,
        id=str(doc_id) if doc_id else None,
        url=_text(obj.get("url")) or None,
        title=_text(obj.get("title")) or None,
        outlet=_text(obj.get("source_domain")) or None,
        published=_iso(obj.get("date_publish")),
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _iso(value: Any) -> str | None:
    """news-please writes "YYYY-MM-DD HH:MM:SS"; the contract wants ISO 8601."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace(" ", "T", 1)
