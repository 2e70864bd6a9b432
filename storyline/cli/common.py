"""What every command shares: the typer app, one-line errors, and where output goes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import typer
from rich.console import Console

from storyline.errors import StorylineError, UsageError

app = typer.Typer(
    name="storyline",
    help="Turn news reports into a sourced, structured picture of a developing story.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def fail(error: StorylineError) -> typer.Exit:
    """Report a user error in one line and give the exit code that goes with it."""
    err.print(f"storyline: error: {error}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(error.exit_code)


@contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or the file given with -o."""
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: cannot write ({error.strerror})") from None
    with handle:
        yield handle


def check_iso(value: str, option: str) -> str:
    """The value if it is an ISO 8601 date or datetime; a usage error otherwise."""
    from datetime import date, datetime

    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return value
        except ValueError:
            pass
    raise UsageError(f"{option} {value!r} is not an ISO 8601 date or datetime")
