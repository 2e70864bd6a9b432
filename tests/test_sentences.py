"""The sentence helper agrees with spaCy's own sentences on real text."""

from __future__ import annotations

from spacy.language import Language

from storyline.extract.sentences import sentence


def test_sentence_of_every_token_is_spacys(nlp: Language, seed_text: str) -> None:
    doc = nlp(seed_text[:3000])
    assert len(list(doc.sents)) > 5
    for token in doc:
        assert sentence(doc, token.i) == token.sent


def test_a_doc_made_from_another_reads_its_own_sentences(nlp: Language) -> None:
    doc = nlp("Kim left Pyongyang on Sunday. He arrived in Khasan early Tuesday.")
    assert sentence(doc, 8).text == "He arrived in Khasan early Tuesday."
    shorter = nlp("Kim left. He arrived.")
    shorter.user_data.update(doc.user_data)  # a copied cache of another length is read again
    assert sentence(shorter, 3).text == "He arrived."
