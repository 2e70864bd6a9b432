"""The times layer (`doc._.times`): every date, time, duration and set, with its TIMEX3 value.

Values are resolved against `doc._.published` (the document creation time): "early Tuesday"
in a report of 2023-09-12 is `2023-09-12`, "last month" `2023-08`. Without a publication date,
values stay unanchored (`XXXX-WXX-2`, `XXXX-09-12`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.document import TimeExpression
from storyline.extract.timex.recognise import find


@Language.component("storyline_times")
def add_times(doc: Doc) -> Doc:
    text = doc.text  # built from the tokens on each read: once here
    doc._.times = [
        TimeExpression(
            id=f"t{i}", start=f.start, end=f.end, text=text[f.start : f.end], type=f.type, value=f.value
        )
        for i, f in enumerate(find(doc), 1)
    ]
    return doc
