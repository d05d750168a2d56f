"""Bad input in a JSON Lines archive or a catalog costs only itself: every other document is
indexed, and each problem is a warning naming its line."""

from __future__ import annotations

import json

import pytest

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.ingest import jsonl
from indexer.ingest.jsonl import load_jsonl
from indexer.results import SearchRequest
from tests.conftest import write_jsonl


def good(i: int) -> bytes:
    doc = {"id": f"good{i}", "title": f"Good {i}", "text": f"Survivors of Khojaly, part {i}."}
    return json.dumps(doc).encode() + b"\n"


BAD_LINES = {
    "nested 1,000 levels": b'{"id": "deep", "text": "x", "extra": '
    + b"[" * 1000
    + b"]" * 1000
    + b"}",
    "nested 100,000 levels": b"[" * 100_000 + b"]" * 100_000,
    "Latin-1 bytes": '{"id": "latin", "text": "caf\xe9"}'.encode("latin-1"),
    "id a number": b'{"id": 7, "text": "seven"}',
    "title an object": b'{"id": "t", "title": {"en": "x"}, "text": "t"}',
    "text a list": b'{"id": "l", "text": ["a", "b"]}',
    "published true": b'{"id": "p", "text": "p", "published": true}',
    "unpaired surrogate": b'{"id": "s", "text": "broken \\ud800 text"}',
    "NUL in the id": b'{"id": "a\\u0000b", "text": "nul"}',
    "bidi override in the id": b'{"id": "report\\u202eexe.txt", "text": "rlo"}',
    "not an object": b'["id", "text"]',
    "cut short": b'{"id": "cut", "text": "the line ends',
}


@pytest.mark.parametrize("bad", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_one_bad_line_is_skipped_by_number_and_every_other_line_is_indexed(bad, tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(good(1) + good(2) + bad + b"\n" + good(4))
    report = build_index(tmp_path / "index", jsonl=path)
    assert report.skipped == 1
    assert [w for w in report.warnings if w.startswith("archive.jsonl:3: skipped: ")], report
    assert report.added == 3
    engine = open_engine(tmp_path / "index")
    assert sorted(h.id for h in engine.search(SearchRequest(q="Khojaly")).hits) == [
        "good1",
        "good2",
        "good4",
    ]


def test_an_overlong_line_is_skipped_without_being_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_LINE_MB", 1)
    path = tmp_path / "archive.jsonl"
    huge = b'{"id": "huge", "text": "' + b"word " * 400_000 + b'"}\n'
    path.write_bytes(good(1) + huge + good(3))
    report = load_jsonl(path)
    assert [r.id for r in report.records] == ["good1", "good3"]
    assert report.warnings == ["archive.jsonl:2: skipped: longer than 1 MB"]


def test_a_byte_order_mark_on_the_first_line_does_not_cost_it(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good(1) + good(2))
    report = load_jsonl(path)
    assert [r.id for r in report.records] == ["good1", "good2"]
    assert report.skipped == 0


# -- duplicate ids ---------------------------------------------------------------------------


def test_duplicate_ids_the_last_line_wins_and_an_unchanged_file_updates_nothing(tmp_path):
    docs = [
        {"id": "dup", "title": "First copy", "text": "The first copy mentions Aghdam."},
        {"id": "other", "title": "Other", "text": "Another document about Shusha."},
        {"id": "dup", "title": "Second copy", "text": "The second copy mentions Lachin."},
        {"id": "twice", "title": "T", "text": "Twice."},
        {"id": "twice", "title": "T", "text": "Twice, again."},
    ]
    path = write_jsonl(tmp_path / "archive.jsonl", docs)
    index = tmp_path / "index"
    first = build_index(index, jsonl=path)
    dup_warnings = [w for w in first.warnings if "more than one line" in w]
    assert dup_warnings == [
        "archive.jsonl: 2 ids are on more than one line; the last line of each is indexed: "
        "'dup' on lines 1, 3; 'twice' on lines 4, 5"
    ]
    assert first.added == 3
    for _ in range(3):
        again = build_index(index, jsonl=path)
        assert (again.added, again.updated, again.removed) == (0, 0, 0)
        assert again.version == first.version
        engine = open_engine(index)
        assert engine.document("dup").title == "Second copy"
        assert engine.search(SearchRequest(q="Aghdam")).total == 0


def test_a_changed_earlier_duplicate_does_not_replace_the_later_line(tmp_path):
    docs = [
        {"id": "dup", "title": "First copy", "text": "Aghdam."},
        {"id": "dup", "title": "Second copy", "text": "Lachin."},
    ]
    path = write_jsonl(tmp_path / "archive.jsonl", docs)
    index = tmp_path / "index"
    build_index(index, jsonl=path)
    docs[0]["text"] = "Aghdam, edited."
    write_jsonl(path, docs)
    report = build_index(index, jsonl=path)
    assert (report.added, report.updated) == (0, 0)
    assert open_engine(index).document("dup").title == "Second copy"
    docs[1]["text"] = "Lachin, edited."
    write_jsonl(path, docs)
    assert build_index(index, jsonl=path).updated == 1
    assert open_engine(index).search(SearchRequest(q="edited")).hits[0].title == "Second copy"


# -- metadata: dates, titles, ids ------------------------------------------------------------


@pytest.mark.parametrize("published", ["2023-13-45", "2023-02-30", "9999-01-01", "26.02.1992"])
def test_an_impossible_date_is_dropped_with_a_warning_and_the_document_kept(published, tmp_path):
    docs = [
        {"id": "bad-date", "text": "Khojaly remembered.", "published": published},
        {"id": "good-date", "text": "Khojaly mourned.", "published": "1992-02-28"},
    ]
    index = tmp_path / "index"
    report = build_index(index, jsonl=write_jsonl(tmp_path / "a.jsonl", docs))
    assert any(
        w.startswith("a.jsonl:1: published ") and published in w and "without a date" in w
        for w in report.warnings
    ), report.warnings
    engine = open_engine(index)
    doc = engine.document("bad-date")
    assert (doc.published, doc.year) == (None, None)
    newest_first = engine.search(SearchRequest(q="Khojaly", sort="date")).hits
    assert [h.id for h in newest_first] == ["good-date", "bad-date"]


def test_an_impossible_catalog_date_is_dropped_too(corpus_copy, tmp_path):
    catalog = corpus_copy / "catalog.toml"
    catalog.write_text(
        catalog.read_text("utf-8").replace('published = "2023-02-26"', 'published = "2023-13-45"'),
        "utf-8",
    )
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert any("000_a328629233d40734.txt: published '2023-13-45'" in w for w in report.warnings)
    doc = open_engine(tmp_path / "index").document("000_a328629233d40734")
    assert doc.published is None and doc.publisher == "Anadolu Agency"


def test_hidden_characters_in_titles_are_shown_not_obeyed(tmp_path):
    docs = [
        {
            "id": "rlo",
            "title": "Invoice\u202egnp.exe\u0000 and\ttab",
            "publisher": "Agency\u2066X",
            "text": "Khojaly.",
        }
    ]
    report = build_index(tmp_path / "index", jsonl=write_jsonl(tmp_path / "a.jsonl", docs))
    doc = open_engine(tmp_path / "index").document("rlo")
    assert doc.title == "Invoice<U+202E>gnp.exe<U+0000> and tab"
    assert doc.publisher == "Agency<U+2066>X"
    assert any("U+202E (RIGHT-TO-LEFT OVERRIDE)" in w for w in report.warnings)


def test_a_file_name_with_a_bidi_override_is_refused(corpus_copy, tmp_path):
    (corpus_copy / "report\u202etxt.exe.txt").write_text("Khojaly.\n", "utf-8")
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert report.skipped == 1
    assert any("U+202E" in w and "skipped" in w for w in report.warnings)


# -- encodings of text files -----------------------------------------------------------------

LEGACY = {
    "latin-1": "Les réfugiés de Khodjaly ont décrit l'attaque. Le président a déclaré que la "
    "tragédie était un génocide.",
    "cp1251": "Беженцы из Ходжалы рассказали о погибших на дороге к Агдаму.",
    "koi8-r": "Беженцы из Ходжалы рассказали о погибших на дороге к Агдаму.",
    "utf-16": "Refugees from Khojaly and Ходжалы, a UTF-16 file with its byte order mark.",
}


@pytest.mark.parametrize("encoding", LEGACY)
def test_a_legacy_encoded_file_is_recovered_and_the_warning_says_how(
    encoding, corpus_copy, tmp_path
):
    text = LEGACY[encoding]
    (corpus_copy / "legacy.txt").write_bytes(text.encode(encoding))
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert report.skipped == 0
    note = [w for w in report.warnings if w.startswith("corpus/legacy.txt: ") and "read as" in w]
    assert note, report.warnings
    if encoding != "utf-16":
        assert "charset-normalizer" in note[0]
    assert open_engine(tmp_path / "index").document("legacy").text.strip() == text
