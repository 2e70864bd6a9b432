"""`storyline show`: a readable summary of what storyline reads out of each article."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from storyline.cli.common import app, check_iso, err, fail
from storyline.document import Document
from storyline.errors import StorylineError
from storyline.sources.raw import RawDocument

_PREVIEW_CHARS = 300


@app.command()
def show(
    inputs: Annotated[list[Path], typer.Argument(help="Article files (text or HTML).")],
    published: Annotated[str | None, typer.Option(help="Publication date for all inputs (ISO 8601).")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the Documents as JSON Lines instead.")
    ] = False,
) -> None:
    """Summarise articles: clean text, title, outlet, date, captions and entities, as tables."""
    from storyline.api import extract_many
    from storyline.sources.files import read_path

    if published is not None:
        try:
            check_iso(published, "--published")
        except StorylineError as error:
            raise fail(error) from None
    raws: list[RawDocument | StorylineError] = []
    for path in inputs:
        try:
            raws.append(RawDocument(content=read_path(path), id=path.name, published=published))
        except StorylineError as error:
            error.doc_id = str(path)
            raws.append(error)
    console = Console()
    failed = 0
    for result in extract_many(raws):
        if isinstance(result, StorylineError):
            failed += 1
            err.print(f"storyline: error: {result}", markup=False, highlight=False)
        elif as_json:
            print(result.to_json())
        else:
            console.print(summary(result))
    if failed:
        raise typer.Exit(1)


def summary(doc: Document) -> Panel:
    """A panel with the document's metadata, text preview, captions and entities."""
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    meta.add_row("Title", doc.title or "-")
    meta.add_row("Outlet", doc.outlet or "-")
    meta.add_row("Published", doc.published or "-")
    meta.add_row("Authors", ", ".join(doc.authors) or "-")
    preview = doc.text[:_PREVIEW_CHARS] + ("…" if len(doc.text) > _PREVIEW_CHARS else "")
    meta.add_row("Text", preview)
    for caption in doc.captions:
        meta.add_row("Caption", f"{caption.text} [dim]({caption.credit or 'no credit'})[/dim]")
    if doc.removed:
        meta.add_row("Removed", " | ".join(doc.removed))
    entities = Table("entity", "type", "kind", "also called", "titles", "mentions", expand=True)
    for entity in doc.entities:
        entities.add_row(
            entity.name,
            entity.type,
            entity.kind or "",
            ", ".join(entity.aliases),
            "; ".join(entity.titles),
            str(len(entity.mentions)),
        )
    return Panel(Group(meta, entities, _sources(doc), _events(doc)), title=doc.id, title_align="left")


def _sources(doc: Document) -> Table:
    """Who said what, how sure: one row per attribution."""
    table = Table("source", "cue", "certainty", "says", expand=True, title="Sources")
    for attribution in doc.attributions:
        source = attribution.source.text if attribution.source else "(unattributed)"
        cue = attribution.cue.text if attribution.cue else ""
        table.add_row(source, cue, attribution.certainty, _clip(attribution.content.text))
    return table


def _events(doc: Document) -> Table:
    """What happened, with its arguments resolved to names, places and time values."""
    names = {e.id: e.name for e in doc.entities}
    places = {p.id: p.name or p.text for p in doc.places}
    times = {t.id: t.value for t in doc.times}
    table = Table("event", "actor", "target", "where", "to", "when", "status", expand=True, title="Events")
    for event in doc.events:
        table.add_row(
            f"{event.type} ({event.trigger.text})",
            names.get(event.actor or "", ""),
            names.get(event.target or "", ""),
            places.get(event.place or "", ""),
            places.get(event.destination or "", ""),
            times.get(event.time or "", ""),
            event.status,
        )
    return table


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
