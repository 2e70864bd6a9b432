"""JSON Lines input: one object per line, `{"id", "text" | "html", "published"?, ...}`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline import config
from storyline.errors import BadInput, NotFound
from storyline.sources.raw import RawDocument

_OPTIONAL = ("url", "published", "outlet", "title")


def read_jsonl(text: str) -> Iterator[RawDocument | BadInput]:
    """A RawDocument per line, or a BadInput naming the line that cannot be read."""
    return _parse_lines(enumerate(text.split("\n"), 1))


def read_jsonl_file(source: str, max_bytes: int | None = None) -> Iterator[RawDocument | BadInput]:
    """Stream a JSON Lines file (or standard input for '-'): the size cap holds for each line, so a
    batch may be as large as the disk allows, and a line that cannot be read fails alone."""
    cap = config.max_bytes(max_bytes)
    if source == "-":
        yield from _parse_lines(_decoded(sys.stdin.buffer, cap))
        return
    path = Path(source)
    if not path.is_file():
        raise NotFound(f"{path}: no such file")
    with path.open("rb") as handle:
        yield from _parse_lines(_decoded(handle, cap))


def count_lines(source: str) -> int | None:
    """How many lines a batch file has (None for standard input), for a progress bar."""
    if source == "-":
        return None
    with Path(source).open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _decoded(handle: Iterable[bytes], cap: int) -> Iterator[tuple[int, str | BadInput]]:
    for number, raw in enumerate(handle, 1):
        if len(raw) > cap:
            yield number, _line_error(number, None, f"{len(raw)} bytes is over the size cap of {cap} bytes")
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as error:
            yield number, _line_error(number, None, f"not valid UTF-8 (byte {error.start})")


def _parse_lines(lines: Iterable[tuple[int, str | BadInput]]) -> Iterator[RawDocument | BadInput]:
    for number, line in lines:
        if isinstance(line, BadInput):
            yield line
        elif line.strip():
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
