"""Turn whatever the user has into `RawDocument`s: files, stdin, JSON Lines, URLs."""

from storyline.sources.raw import RawDocument

__all__ = ["RawDocument"]
