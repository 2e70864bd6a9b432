"""Any mix of inputs for `ingest`: files, directories (recursively), URLs, feeds, WARC, news-please.

Each input becomes RawDocuments or errors; an input that cannot be read gives one error and the
others go on. A file's kind comes from its name where that is unambiguous (.warc, .jsonl), else
from its content (a news-please JSON object, an RSS/Atom feed, or an article as text or HTML).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.errors import StorylineError
from storyline.sources.feeds import looks_like_feed, read_feed
from storyline.sources.files import read_path
from storyline.sources.jsonl import read_jsonl
from storyline.sources.newsplease import is_newsplease, read_newsplease
from storyline.sources.raw import RawDocument
from storyline.sources.url import fetch, is_url
from storyline.sources.warc import read_warc

# What a directory walk picks up; an explicitly named file is read whatever its name.
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml", ".json", ".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4")

Item = RawDocument | StorylineError


def read_inputs(inputs: Iterable[str], jsonl: bool = False) -> Iterator[Item]:
    """Every raw document of every input, in the order given (directories in sorted path order)."""
    for source in inputs:
        if is_url(source):
            yield from _guarded(source, _read_url(source))
        elif source != "-" and Path(source).is_dir():
            for path in walk(Path(source)):
                yield from _guarded(str(path), read_file(path, jsonl))
        else:
            yield from _guarded(source, read_file(Path(source), jsonl))


def walk(root: Path) -> Iterator[Path]:
    """Readable files under a directory, recursively and sorted, hidden ones left out."""
    for path in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(root).parts) or not path.is_file():
            continue
        name = path.name.lower()
        if name.endswith(WARC_SUFFIXES) or path.suffix.lower() in ARTICLE_SUFFIXES | JSONL_SUFFIXES:
            yield path


def read_file(path: Path, jsonl: bool = False) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from read_warc(path)
        return
    text = read_path(path)
    if jsonl or path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(text)
    else:
        yield from _read_content(text, str(path))


def _read_url(url: str) -> Iterator[Item]:
    content, content_type = fetch(url)
    if looks_like_feed(content, content_type):
        yield from read_feed(content, url)
    else:
        yield RawDocument(content=content, format="html" if "html" in content_type else "auto", url=url)


def _read_content(text: str, name: str) -> Iterator[Item]:
    if text.lstrip().startswith("{") and _is_newsplease_text(text):
        yield read_newsplease(text, name)
    elif looks_like_feed(text):
        yield from read_feed(text, name)
    else:
        yield RawDocument(content=text)


def _is_newsplease_text(text: str) -> bool:
    try:
        return is_newsplease(json.loads(text))
    except json.JSONDecodeError:
        return False


def _guarded(name: str, items: Iterator[Item]) -> Iterator[Item]:
    """The items of one input; if reading it fails midway, one error for it and the next input goes on."""
    try:
        yield from items
    except StorylineError as error:
        error.doc_id = error.doc_id or name
        yield error
