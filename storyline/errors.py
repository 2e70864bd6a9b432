"""The few user-facing errors. The CLI maps each to an exit code (see the contract)."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: a problem the user can fix, reported as one line, never a traceback."""

    exit_code = 1
    code = "error"

    def __init__(self, message: str, doc_id: str | None = None) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class UsageError(StorylineError):
    """The command was called wrongly (exit 2)."""

    exit_code = 2
    code = "usage"


class BadInput(StorylineError):
    """The input cannot be read as a news text: empty, binary, undecodable, too large (exit 3)."""

    exit_code = 3
    code = "bad_input"


class NotFound(StorylineError):
    """A file, URL, story or entity the user named does not exist (exit 3: it is bad input)."""

    exit_code = 3
    code = "not_found"


class ConfigError(StorylineError):
    """The environment is not set up as storyline needs, e.g. no spaCy pipeline installed (exit 2)."""

    exit_code = 2
    code = "config"
