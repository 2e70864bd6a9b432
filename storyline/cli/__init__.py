"""The `storyline` command line. Exit codes: 0 ok, 1 some batch lines failed, 2 bad usage,
3 bad input. User errors are one line on standard error, never a traceback."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline import __version__
from storyline.cli import extract, gazetteer, route, show, stories  # noqa: F401  (registers their commands)
from storyline.cli.common import app


def _version(value: bool) -> None:
    if value:
        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """Turn news reports into a sourced, structured picture of a developing story."""


def main() -> None:
    app()
