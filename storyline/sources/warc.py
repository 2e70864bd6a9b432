"""WARC archives (fastwarc): every HTTP response record whose payload is an HTML page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from storyline import config
from storyline.errors import BadInput, StorylineError
from storyline.sources.decode import decode
from storyline.sources.raw import RawDocument


def read_warc(path: str | Path, max_bytes: int | None = None) -> Iterator[RawDocument | StorylineError]:
    """A RawDocument per HTML response (page URL as its `url`), or an error naming the record."""
    cap = config.max_bytes(max_bytes)
    try:
        stream = open(path, "rb")  # noqa: SIM115  (closed below; the iterator reads lazily)
    except OSError as error:
        raise BadInput(f"{path}: cannot read ({error.strerror})") from None
    with stream:
        records = ArchiveIterator(
            stream, record_types=WarcRecordType.response, parse_http=True, fsspec_args=False
        )
        try:
            for record in records:
                if "html" not in (record.http_content_type or ""):
                    continue
                url = record.headers.get("WARC-Target-URI")
                if record.content_length > cap:
                    yield BadInput(f"{path}: {url}: over the size cap of {cap} bytes", doc_id=url)
                    continue
                try:
                    html = decode(record.reader.read(), f"{path}: {url}", max_bytes)
                except BadInput as error:
                    error.doc_id = url
                    yield error
                    continue
                yield RawDocument(content=html, format="html", url=url)
        except OSError as error:
            yield BadInput(f"{path}: not a readable WARC file ({error})")
