"""Directories, mixed files and their kinds as `ingest` reads them."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.errors import StorylineError
from storyline.sources.dirs import read_inputs, walk
from storyline.sources.raw import RawDocument

ARTICLE = "Kim Jong Un arrived in Vladivostok on Tuesday for talks with Vladimir Putin, the Kremlin said."


def _tree(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "a" / "page.html").write_text(f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
    (root / "a" / "b" / "np.json").write_text(
        json.dumps(
            {
                "title": "Kim arrives",
                "maintext": ARTICLE,
                "date_publish": "2023-09-12 08:00:00",
                "dId": "np1",
                "source_domain": "example.com",
            }
        )
    )
    (root / "a" / "b" / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE}) + "\n" + "{broken\n", encoding="utf-8"
    )
    (root / ".hidden" / "skip.txt").write_text(ARTICLE)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (root / "empty.txt").write_text("")


def test_walk_is_recursive_sorted_and_skips_hidden_and_unknown_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in walk(tmp_path)]
    assert names == ["a/b/batch.jsonl", "a/b/np.json", "a/page.html", "empty.txt", "one.txt"]


def test_each_file_is_read_by_its_kind_and_errors_do_not_stop_the_rest(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    raws = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, StorylineError)]
    assert [r.id for r in raws] == ["j1", "np1", None, None]
    assert raws[1].published == "2023-09-12T08:00:00" and raws[1].no_clean
    assert "<article>" in raws[2].content and raws[3].content == ARTICLE
    # The broken JSON line and the empty file: one error each, named.
    assert len(errors) == 2
    assert "line 2" in str(errors[0]) and "empty" in str(errors[1])


def test_a_missing_path_is_one_error(tmp_path: Path) -> None:
    [error] = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(error, StorylineError) and error.exit_code == 3
