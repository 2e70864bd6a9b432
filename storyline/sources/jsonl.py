"""JSON Lines input: one object per line, `{"id", "text" | "html", "published"?, ...}`."""

from __future__ import annotations

import json
from collections.abc import Iterator

from storyline.errors import BadInput
from storyline.sources.raw import RawDocument

_OPTIONAL = ("url", "published", "outlet", "title")


def read_jsonl(text: str) -> Iterator[RawDocument | BadInput]:
    """A RawDocument per line, or a BadInput naming the line that cannot be read."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, number)
        except BadInput as error:
            yield error


def parse_line(line: str, number: int) -> RawDocument:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise _line_error(number, None, f"not valid JSON ({error.msg})") from None
    if not isinstance(obj, dict):
        raise _line_error(number, None, "not a JSON object")
    doc_id = obj.get("id")
    doc_id = str(doc_id) if doc_id is not None else None
    if isinstance(obj.get("html"), str):
        content, fmt = obj["html"], "html"
    elif isinstance(obj.get("text"), str):
        content, fmt = obj["text"], "text"
    else:
        raise _line_error(number, doc_id, 'needs a "text" or "html" string')
    fields = {key: obj[key] for key in _OPTIONAL if isinstance(obj.get(key), str)}
    return RawDocument(content=content, format=fmt, id=doc_id, no_clean=bool(obj.get("no_clean")), **fields)


def _line_error(number: int, doc_id: str | None, message: str) -> BadInput:
    return BadInput(f"line {number}: {message}", doc_id=doc_id or f"line-{number}")
