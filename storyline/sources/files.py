"""Local inputs: a file path or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from storyline import config
from storyline.errors import BadInput, NotFound
from storyline.sources.decode import decode


def read_path(path: str | Path, max_bytes: int | None = None) -> str:
    """The decoded text of a file; `-` reads standard input."""
    if str(path) == "-":
        return read_stdin(max_bytes)
    path = Path(path)
    if not path.exists():
        raise NotFound(f"{path}: no such file")
    if path.is_dir():
        raise BadInput(f"{path}: is a directory, not a file")
    cap = config.max_bytes(max_bytes)
    if path.stat().st_size > cap:
        raise BadInput(
            f"{path}: {path.stat().st_size} bytes is over the size cap of {cap} bytes (STORYLINE_MAX_BYTES)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadInput(f"{path}: cannot read ({error.strerror})") from None
    return decode(data, str(path), max_bytes)


def read_stdin(max_bytes: int | None = None) -> str:
    cap = config.max_bytes(max_bytes)
    data = sys.stdin.buffer.read(cap + 1)
    return decode(data, "<stdin>", max_bytes)
