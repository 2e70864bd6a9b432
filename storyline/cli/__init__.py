"""The `storyline` command line. Exit codes: 0 ok, 1 some batch lines failed, 2 bad usage,
3 bad input. User errors are one line on standard error, never a traceback."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from typer.exceptions import TyperException

from storyline import __version__
from storyline.cli import extract, gazetteer, route, show, stories  # noqa: F401  (registers their commands)
from storyline.cli.common import app, err


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
    """Run the command; a usage error is one line on standard error and exit 2, like every other error."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        sys.exit(130)
    except TyperException as error:  # click's usage errors ("No such option", "Missing argument")
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        err.print(f"storyline: error: {message} (see --help)", markup=False, highlight=False, soft_wrap=True)
        sys.exit(getattr(error, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
