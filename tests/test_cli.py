"""The `storyline extract` command: inputs, outputs, and each kind of bad input."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from storyline.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None) -> Result:
    return runner.invoke(app, list(args), input=input)


def test_file_with_published(tmp_path: Path) -> None:
    result = run("extract", str(SAMPLES / "gdansk-wire.txt"), "--published", "2025-03-03", "--id", "wire")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == "storyline.document/1"
    assert doc["id"] == "wire" and doc["published"] == "2025-03-03" and doc["outlet"] == "Reuters"
    for entity in doc["entities"]:
        for mention in entity["mentions"]:
            assert doc["text"][mention["start"] : mention["end"]] == mention["text"]


def test_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "doc.json"
    text = (SAMPLES / "gdansk-followup.txt").read_text()
    result = run("extract", "-", "-o", str(out), input=text)
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text())
    assert doc["title"] == "Investigators blame navigation error for Gdansk grounding"
    assert doc["id"]  # derived from the text


def test_no_clean_keeps_offsets_into_the_input() -> None:
    text = (SAMPLES / "gdansk-scraped.txt").read_text()
    doc = json.loads(run("extract", "--no-clean", input=text).stdout)
    assert doc["text"] == text and doc["captions"] == [] and doc["removed"] == []


def test_html_file_is_sniffed() -> None:
    doc = json.loads(run("extract", str(SAMPLES / "gdansk-page.html")).stdout)
    assert doc["title"] == "Salvage crews free cargo ship stuck off Gdansk"
    assert doc["published"].startswith("2025-03-05")
    assert "Most read" not in doc["text"]


def test_jsonl_batch_goes_on_past_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "good",
                "text": "Kim Jong-un arrived in Russia, officials said.",
                "published": "2023-09-12",
            }
        ),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "nothing"}),
        json.dumps({"id": "html", "html": (SAMPLES / "gdansk-page.html").read_text()}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = run("extract", str(source), "--jsonl")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["good", "line-2", "empty", "nothing", "html"]
    assert [("error" in o) for o in out] == [False, True, True, True, False]
    assert out[1]["error"]["code"] == "bad_input"
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"\x00\x01\x02binary\x00data" * 10, "binary input"),
        (bytes(range(128, 256)) * 3, "not valid UTF-8"),
    ],
)
def test_bad_files_exit_3_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code == 3
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Le président Emmanuel Macron a parlé à Bruxelles, a déclaré l'Élysée.".encode("latin-1")
    )
    result = run("extract", str(path), "--no-clean")
    assert result.exit_code == 0
    assert "président" in json.loads(result.stdout)["text"]


def test_file_over_the_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_MAX_BYTES", "100")
    path = tmp_path / "big.txt"
    path.write_text("Kim arrived in Russia. " * 20)
    result = run("extract", str(path))
    assert result.exit_code == 3 and "size cap" in result.stderr


def test_missing_path_and_bad_usage(tmp_path: Path) -> None:
    missing = run("extract", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 3 and "no such file" in missing.stderr
    assert run("extract", str(SAMPLES / "gdansk-wire.txt"), "--format", "pdf").exit_code == 2
    assert run("extract", str(SAMPLES / "gdansk-wire.txt"), "--published", "yesterday").exit_code == 2
    assert run("extract", "--no-such-option").exit_code == 2


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    """A loopback web server over a folder holding the sample page and a robots.txt."""
    (tmp_path / "article.html").write_text((SAMPLES / "gdansk-page.html").read_text())
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_url_is_fetched_politely(site: str) -> None:
    result = run("extract", f"{site}/article.html")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["url"] == f"{site}/article.html" and doc["title"].startswith("Salvage crews")
    blocked = run("extract", f"{site}/private/article.html")
    assert blocked.exit_code == 3 and "robots.txt" in blocked.stderr
    missing = run("extract", f"{site}/gone.html")
    assert missing.exit_code == 3 and "HTTP 404" in missing.stderr


def test_unreachable_url() -> None:
    result = run("extract", "http://127.0.0.1:9/nothing-listens-here")
    assert result.exit_code == 3 and "cannot fetch" in result.stderr


def test_schema_command() -> None:
    schema = json.loads(run("schema").stdout)
    assert (
        "entities" in schema["properties"]
        and schema["properties"]["schema"]["default"] == "storyline.document/1"
    )


def test_published_schema_is_current() -> None:
    published = json.loads(
        (Path(__file__).resolve().parent.parent / "docs" / "document.schema.json").read_text()
    )
    assert published == json.loads(run("schema").stdout), (
        "regenerate with: storyline schema > docs/document.schema.json"
    )


def test_jsonl_size_cap_holds_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_MAX_BYTES", "400")
    short = json.dumps({"id": "short", "text": "Kim Jong-un arrived in Russia, officials said."})
    long = json.dumps({"id": "long", "text": "Kim arrived in Russia. " * 40})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([short, long, short.replace("short", "again")] * 3) + "\n")
    result = run("extract", str(source), "--jsonl")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 9 and source.stat().st_size > 400
    assert ["error" in o for o in out] == [False, True, False] * 3
    assert "size cap" in out[1]["error"]["message"]


def test_jsonl_from_stdin() -> None:
    lines = json.dumps({"id": "a", "text": "The Kremlin said talks were planned."}) + "\n"
    result = run("extract", "-", "--jsonl", input=lines)
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "a"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "--no-such-option"], "No such option"),
        (["no-such-command"], "No such command"),
        (["route"], "Missing argument"),
    ],
)
def test_usage_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "storyline", *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
