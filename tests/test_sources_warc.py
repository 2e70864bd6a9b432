"""WARC archives: HTML response records become inputs, other records are passed over."""

from __future__ import annotations

import gzip
from pathlib import Path

from storyline.errors import StorylineError
from storyline.sources.dirs import read_inputs
from storyline.sources.raw import RawDocument
from storyline.sources.warc import read_warc

PAGE = (
    "<html><head><title>Kim arrives</title></head><body><p>Kim Jong Un arrived in Russia.</p></body></html>"
)


def _record(kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    headers = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2023-09-12T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash((kind, uri))):032d}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode() + block + b"\r\n\r\n"


def _http(body: bytes, mime: str) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def _archive(path: Path) -> Path:
    data = b"".join(
        [
            _record(
                "request",
                "https://news.example/kim",
                b"GET /kim HTTP/1.1\r\nHost: news.example\r\n\r\n",
                "application/http; msgtype=request",
            ),
            _record(
                "response",
                "https://news.example/kim",
                _http(PAGE.encode(), "text/html; charset=utf-8"),
                "application/http; msgtype=response",
            ),
            _record(
                "response",
                "https://news.example/logo.png",
                _http(b"\x89PNG....", "image/png"),
                "application/http; msgtype=response",
            ),
            _record(
                "response",
                "https://news.example/empty",
                _http(b"   ", "text/html"),
                "application/http; msgtype=response",
            ),
        ]
    )
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def test_html_responses_are_read_and_the_rest_passed_over(tmp_path: Path) -> None:
    items = list(read_warc(_archive(tmp_path / "crawl.warc")))
    page, empty = items
    assert isinstance(page, RawDocument) and page.content == PAGE and page.url == "https://news.example/kim"
    assert page.format == "html"
    assert isinstance(empty, StorylineError) and empty.doc_id == "https://news.example/empty"


def test_gzipped_archives_in_a_directory(tmp_path: Path) -> None:
    _archive(tmp_path / "crawl.warc.gz")
    raws = [i for i in read_inputs([str(tmp_path)]) if isinstance(i, RawDocument)]
    assert [r.url for r in raws] == ["https://news.example/kim"]
