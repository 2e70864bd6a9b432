"""`storyline route`: a subject's stops in order, as a table, JSON or GeoJSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli.common import app, check_iso, fail, output
from storyline.document import Document
from storyline.errors import StorylineError, UsageError
from storyline.route import Route, route, to_geojson
from storyline.sources.raw import RawDocument

_PIPE_WIDTH = 160


@app.command("route")
def route_command(
    entity: Annotated[str, typer.Argument(help="The subject, by name or alias, e.g. 'Kim Jong-un'.")],
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Articles (text or HTML) or Documents (JSON, JSON Lines); none: the store."),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="The store read when no INPUT is given.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date of the articles (ISO 8601).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the route as JSON.")] = False,
    geojson: Annotated[
        bool, typer.Option("--geojson", help="Print GeoJSON: Points and the LineString.")
    ] = False,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """Where ENTITY went, in order of time, with each stop's place, time, source and status."""
    try:
        if as_json and geojson:
            raise UsageError("--json and --geojson exclude each other")
        if published is not None:
            check_iso(published, "--published")
        result = route(_documents(inputs, published), entity) if inputs else _store_route(entity, db)
        with output(out) as stream:
            if geojson:
                stream.write(json.dumps(to_geojson(result), ensure_ascii=False, indent=2) + "\n")
            elif as_json:
                stream.write(result.model_dump_json(indent=2) + "\n")
            else:
                width = None if stream.isatty() else _PIPE_WIDTH  # files and pipes get whole names
                Console(file=stream, width=width).print(_table(result))
    except StorylineError as error:
        raise fail(error) from None


def _store_route(entity: str, db: str | None) -> Route:
    """The route over every stored document that names the entity, as resolved across documents."""
    from storyline.store import open_store
    from storyline.store.read import documents_of, find_entity, local_entities

    with open_store(db).connect() as conn:
        local = local_entities(conn, find_entity(conn, entity))
        docs = documents_of(conn, list(local))
    by_doc = {doc.id: next((e for e in doc.entities if e.id == local[doc.id]), None) for doc in docs}
    return route(docs, entity, match=lambda doc: by_doc.get(doc.id))


def _documents(paths: list[Path], published: str | None) -> list[Document]:
    """Documents read as JSON where the file holds them, extracted from the article otherwise."""
    from storyline.api import extract_one
    from storyline.sources.files import read_path

    docs = []
    for path in paths:
        content = read_path(path)
        parsed = _parse_documents(content)
        if parsed is not None:
            docs.extend(parsed)
        else:
            docs.append(extract_one(RawDocument(content=content, id=path.name, published=published)))
    return docs


def _parse_documents(content: str) -> list[Document] | None:
    """The Documents in a JSON or JSON Lines file of `storyline extract` output; None for an article."""
    if not content.lstrip().startswith("{"):
        return None
    try:
        values = [json.loads(line) for line in content.splitlines() if line.strip()]
    except json.JSONDecodeError:
        try:
            values = [json.loads(content)]
        except json.JSONDecodeError:
            return None
    if not all(isinstance(v, dict) and v.get("schema") == "storyline.document/1" for v in values):
        return None
    return [Document.model_validate(v) for v in values]


def _table(result: Route) -> Table:
    table = Table(
        "#",
        "place",
        "country",
        "time",
        "event",
        "status",
        "source",
        "document",
        title=f"Route of {result.actor}",
    )
    rows = [(str(n), stop) for n, stop in enumerate(result.stops, 1)] + [
        ("→", stop) for stop in result.heading
    ]
    for mark, stop in rows:
        table.add_row(
            mark,
            stop.name or stop.place,
            stop.country or "",
            stop.time or "",
            stop.trigger,
            stop.status,
            stop.source or "",
            stop.document,
        )
    return table
