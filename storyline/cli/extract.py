"""`storyline extract` and `storyline schema`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storyline.cli.common import app, check_iso, err, fail, output
from storyline.errors import StorylineError, UsageError
from storyline.sources.raw import RawDocument

FORMATS = ("auto", "text", "html")


@app.command()
def extract(
    input: Annotated[str, typer.Argument(help="A file, '-' for standard input, or an http(s) URL.")] = "-",
    format: Annotated[str, typer.Option("--format", help="auto, text or html.")] = "auto",
    no_clean: Annotated[
        bool, typer.Option("--no-clean", help="The input is already the article body.")
    ] = False,
    published: Annotated[str | None, typer.Option(help="Publication date or datetime (ISO 8601).")] = None,
    url: Annotated[str | None, typer.Option(help="The page's URL.")] = None,
    outlet: Annotated[str | None, typer.Option(help="The outlet that published it.")] = None,
    doc_id: Annotated[str | None, typer.Option("--id", help="The document id.")] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="INPUT is JSON Lines, one document per line.")
    ] = False,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: STORYLINE_MODEL, else installed).")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
) -> None:
    """Extract a Document (JSON) from a news article: text, entities, sources, times, places, events."""
    try:
        if format not in FORMATS:
            raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
        if published is not None:
            check_iso(published, "--published")
        if jsonl:
            failed = _extract_jsonl(input, out, model)
            if failed:
                err.print(
                    f"storyline: {failed} line(s) failed; their error objects were written", markup=False
                )
                raise typer.Exit(1)
            return
        raw = RawDocument(
            content="",
            format=format,
            id=doc_id,
            url=url,
            published=published,
            outlet=outlet,
            no_clean=no_clean,
        )
        _read_into(raw, input)
        from storyline.api import extract_one

        doc = extract_one(raw, model=model)
        with output(out) as stream:
            stream.write(doc.to_json(indent=2 if pretty else None) + "\n")
    except StorylineError as error:
        raise fail(error) from None


def _read_into(raw: RawDocument, source: str) -> None:
    """Fill the raw document's content from a path, stdin or URL."""
    from storyline.sources.files import read_path
    from storyline.sources.url import fetch, is_url

    if is_url(source):
        raw.content, content_type = fetch(source)
        raw.url = raw.url or source
        if raw.format == "auto" and "html" in content_type:
            raw.format = "html"
    else:
        raw.content = read_path(source)


def _extract_jsonl(source: str, out: Path | None, model: str | None) -> int:
    """Stream one Document (or error object) per input line; return how many lines failed."""
    from storyline.api import extract_many
    from storyline.sources.jsonl import count_lines, read_jsonl_file

    total = count_lines(source) if sys.stderr.isatty() else None
    failed = 0
    with output(out) as stream, _progress(total) as advance:
        for result in extract_many(read_jsonl_file(source), model=model):
            if isinstance(result, StorylineError):
                failed += 1
                _write_error(stream, result)
            else:
                stream.write(result.to_json() + "\n")
            stream.flush()
            advance()
    return failed


def _write_error(stream: TextIO, error: StorylineError) -> None:
    line = {"id": error.doc_id, "error": {"code": error.code, "message": str(error)}}
    stream.write(json.dumps(line, ensure_ascii=False) + "\n")


class _progress:
    """A rich progress bar on standard error when it is a terminal; nothing otherwise."""

    def __init__(self, total: int | None) -> None:
        self.bar = (
            Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
            )
            if sys.stderr.isatty()
            else None
        )
        self.total = total

    def __enter__(self) -> Callable[[], None]:
        if self.bar is None:
            return lambda: None
        self.bar.start()
        task = self.bar.add_task("extract", total=self.total)
        bar = self.bar
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Document."""
    from storyline.document import json_schema

    print(json.dumps(json_schema(), indent=2))
