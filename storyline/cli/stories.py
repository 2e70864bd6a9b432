"""`storyline ingest`, `stories`, `story` and `timeline`: many documents, one picture per story."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline.cli.common import app, err, fail
from storyline.errors import StorylineError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database file or SQLAlchemy URL (default: STORYLINE_DB, else ./storyline.db)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
out = Console(highlight=False, soft_wrap=True)


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursively), http(s) URLs of pages or RSS/Atom feeds, WARC files, "
            "news-please JSON files; '-' for standard input."
        ),
    ],
    db: DbOption = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="The input files are JSON Lines, one document per line.")
    ] = False,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline (default: STORYLINE_MODEL, else installed).")
    ] = None,
) -> None:
    """Extract and store documents, group them into stories (idempotent: a document is stored once)."""
    from storyline.sources.dirs import read_inputs
    from storyline.store import open_store
    from storyline.store.ingest import ingest as run

    try:
        engine = open_store(db)
    except StorylineError as error:
        raise fail(error) from None
    counts = {"stored": 0, "exists": 0, "error": 0}
    codes: set[int] = set()
    with _progress() as advance:
        for result in run(engine, read_inputs(inputs, jsonl), model=model):
            counts[result.status] += 1
            if result.error is not None:
                codes.add(result.error.exit_code)
                name = (
                    f"{result.doc_id}: " if result.doc_id and result.doc_id not in str(result.error) else ""
                )
                err.print(
                    f"storyline: error: {name}{result.error}", markup=False, highlight=False, soft_wrap=True
                )
            advance()
    err.print(
        f"storyline: stored {counts['stored']}, already stored {counts['exists']}, failed {counts['error']}",
        markup=False,
        highlight=False,
    )
    if counts["error"]:
        only_failures = not counts["stored"] and not counts["exists"]
        raise typer.Exit(codes.pop() if only_failures and len(codes) == 1 else 1)


@app.command()
def stories(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the stories: id, documents, first and last seen, title."""
    from storyline.store import open_store
    from storyline.store.read import story_list

    try:
        with open_store(db).connect() as conn:
            items = story_list(conn)
    except StorylineError as error:
        raise fail(error) from None
    if as_json:
        _print_json({"schema": "storyline.stories/1", "stories": items})
        return
    table = Table("id", "docs", "first seen", "last seen", "title", "entities")
    for s in items:
        table.add_row(
            s["id"],
            str(len(s["documents"])),
            s["first_seen"] or "",
            s["last_seen"] or "",
            s["title"] or "",
            ", ".join(s["entities"][:4]),
        )
    out.print(table)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id from `storyline stories`.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """One story merged: entities, sources, timeline of facts with corroboration, contradictions."""
    from storyline.store import open_store
    from storyline.store.read import parse_story_id, story_rows
    from storyline.story.merge import merged_view

    try:
        number = parse_story_id(story_id)
        with open_store(db).connect() as conn:
            rows = story_rows(conn, number)
    except StorylineError as error:
        raise fail(error) from None
    meta = rows["story"]
    view = {
        "schema": "storyline.story/1",
        "id": str(meta["id"]),
        "title": meta["title"],
        "first_seen": meta["first_seen"],
        "last_seen": meta["last_seen"],
        **merged_view(rows),
    }
    if as_json:
        _print_json(view)
    else:
        _print_story(view)


@app.command()
def timeline(
    entity: Annotated[
        str, typer.Argument(help="An entity's name, e.g. 'Kim Jong Un' (spelling variants match).")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Everything the store knows about one entity, across stories, in date order."""
    from storyline.store import open_store
    from storyline.store.read import entity_timeline

    try:
        with open_store(db).connect() as conn:
            view = entity_timeline(conn, entity)
    except StorylineError as error:
        raise fail(error) from None
    if as_json:
        _print_json(view)
        return
    out.print(f"[bold]{view['entity']}[/bold]  ({', '.join(view['matches'])})")
    _print_facts(view["timeline"])
    table = Table("published", "story", "outlet", "title")
    for doc in view["documents"]:
        table.add_row(doc["published"] or "", doc["story"] or "", doc["outlet"] or "", doc["title"] or "")
    out.print(table)


def _print_story(view: dict[str, Any]) -> None:
    out.print(
        f"[bold]{view['title']}[/bold]  (story {view['id']}, {view['first_seen']} .. {view['last_seen']})"
    )
    out.print(
        f"{len(view['documents'])} documents, {view['independent_sources']} independent; outlets: "
        + ", ".join(f"{o['name']} ({o['documents']})" for o in view["outlets"])
    )
    out.print("entities: " + ", ".join(e["name"] for e in view["entities"][:15]))
    _print_facts(view["timeline"])
    for c in view["contradictions"]:
        out.print(f"[red]contradiction[/red] {json.dumps(c, ensure_ascii=False)}", markup=True)
    table = Table("published", "outlet", "copy of", "title")
    for doc in view["documents"]:
        table.add_row(doc["published"] or "", doc["outlet"] or "", doc["copy_of"] or "", doc["title"] or "")
    out.print(table)


def _print_facts(facts: list[dict[str, Any]]) -> None:
    if not facts:
        return
    table = Table("date", "fact", "place", "certainty", "sources", "outlets")
    for f in facts:
        what = " ".join(x for x in (f["actor"], f["type"], f["target"]) if x)
        where = " -> ".join(x for x in (f["place"], f["destination"]) if x)
        table.add_row(
            f["date"] or "",
            what,
            where,
            f["certainty"],
            str(f["independent_sources"]),
            ", ".join(f["outlets"]),
        )
    out.print(table)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


class _progress:
    """A rich progress counter on standard error when it is a terminal; nothing otherwise."""

    def __init__(self) -> None:
        self.bar = (
            Progress(TextColumn("ingest"), MofNCompleteColumn(), TimeElapsedColumn(), console=err)
            if sys.stderr.isatty()
            else None
        )

    def __enter__(self) -> Callable[[], None]:
        bar = self.bar
        if bar is None:
            return lambda: None
        bar.start()
        task = bar.add_task("ingest", total=None)
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
