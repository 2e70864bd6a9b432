"""storyline: turn news reports into a sourced, structured picture of a developing story.

>>> import storyline
>>> doc = storyline.extract(text_or_html, published="2023-09-12")
>>> [e.name for e in doc.entities]
"""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.api import extract, extract_many, load
from storyline.document import Document

__all__ = ["Document", "__version__", "extract", "extract_many", "load"]
