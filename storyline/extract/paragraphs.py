"""Paragraph breaks as sentence starts (`storyline_paragraphs`, placed before the parser).

News text keeps one paragraph a line with a blank line between; a heading, a caption or a quote
without its closing stop would otherwise run into the next paragraph's sentence ("'Not a swap'
/ Mohammed, the minister, said ..."), and the parse with it. The parser keeps sentence starts
set before it runs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("storyline_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
