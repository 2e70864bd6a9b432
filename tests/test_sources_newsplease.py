"""news-please JSON records as inputs."""

from __future__ import annotations

import json

import pytest

from storyline.errors import BadInput
from storyline.sources.newsplease import read_newsplease

RECORD = {
    "title": "Rhine cruise ship hits bridge pylon",
    "description": "A passenger cruiser hit a bridge pylon near Duisburg, injuring around 25 people.",
    "maintext": "The accident happened late Tuesday on the Rhine River near the German city of Duisburg.",
    "date_publish": "2017-12-27 06:12:00",
    "source_domain": "www.dw.com",
    "url": "https://www.dw.com/en/a-41946187",
    "dId": "0302058689a7",
}


def test_a_record_becomes_a_raw_document_with_its_metadata() -> None:
    raw = read_newsplease(json.dumps(RECORD), "a.json")
    assert raw.id == "0302058689a7" and raw.outlet == "www.dw.com" and raw.url == RECORD["url"]
    assert raw.published == "2017-12-27T06:12:00" and raw.title == RECORD["title"]
    # The description leads the body; the body is taken as news-please extracted it.
    assert raw.content.startswith(RECORD["description"]) and raw.content.endswith(RECORD["maintext"])
    assert raw.no_clean


def test_older_records_keep_the_body_in_text() -> None:
    old = {**RECORD, "maintext": None, "text": RECORD["description"] + " " + RECORD["maintext"]}
    assert read_newsplease(json.dumps(old), "a.json").content == old["text"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x"}', "not a news-please JSON record"),
        ("{not json", "not valid JSON"),
        (json.dumps({**RECORD, "maintext": "", "description": ""}), "without article text"),
    ],
)
def test_what_is_not_a_record_is_bad_input(content: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        read_newsplease(content, "a.json")
