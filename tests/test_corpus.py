"""Loading a corpus: the catalog, documents it does not know, bad files and JSON Lines."""

from __future__ import annotations

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.ingest.corpus import load_directory
from indexer.ingest.jsonl import load_jsonl
from indexer.results import SearchRequest
from tests.conftest import SEED_IDS, write_jsonl


def test_every_seed_has_a_catalog_entry_with_evidence(corpus_copy):
    report = load_directory(corpus_copy)
    assert sorted(r.id for r in report.records) == SEED_IDS
    assert report.warnings == []
    for record in report.records:
        assert record.title and record.publisher and record.provenance


def test_anadolu_article_metadata_comes_from_the_catalog(seed_engine):
    doc = seed_engine.document("000_a328629233d40734")
    assert doc.publisher == "Anadolu Agency"
    assert doc.published == "2023-02-26" and doc.year == 2023
    assert "AA" in doc.provenance


def test_document_missing_from_the_catalog_is_indexed_with_a_warning(corpus_copy, tmp_path):
    (corpus_copy / "extra_note.txt").write_text(
        "Memories of Xocalı\n\nA survivor remembers the winter night in Khojaly.\n", "utf-8"
    )
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert report.added == len(SEED_IDS) + 1
    assert any("extra_note.txt" in w and "catalog" in w for w in report.warnings)
    doc = open_engine(tmp_path / "index").document("extra_note")
    assert doc.title == "Memories of Xocalı"
    assert doc.publisher == "Unknown"
    assert doc.language == "en"


def test_bad_files_are_skipped_by_name_and_the_rest_is_indexed(corpus_copy, tmp_path):
    (corpus_copy / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus_copy / "utf16.txt").write_bytes(b"\xff\xfeK\x00\x00\xd8")  # cut off mid-character
    (corpus_copy / "empty.txt").write_text("  \n\n", "utf-8")
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert report.skipped == 3
    for name, reason in [("binary.txt", "binary"), ("utf16.txt", "UTF-16"), ("empty", "empty")]:
        assert any(name in w and reason in w for w in report.warnings), (name, report.warnings)
    assert report.document_count == len(SEED_IDS)
    assert open_engine(tmp_path / "index").stats().document_count == len(SEED_IDS)


def test_jsonl_bad_lines_are_reported_with_their_line_number(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text(
        '{"id": "a1", "title": "One", "text": "Khojaly remembered.", "publisher": "AzerTac"}\n'
        "{not json\n"
        '{"id": "a2", "title": "No text"}\n'
        '["a", "list"]\n'
        '{"id": "a3", "title": "Three", "text": "Karabakh today.", "published": "2021-05-01"}\n',
        "utf-8",
    )
    report = load_jsonl(path)
    assert [r.id for r in report.records] == ["a1", "a3"]
    assert report.skipped == 3
    for lineno in (2, 3, 4):
        assert any(w.startswith(f"archive.jsonl:{lineno}:") for w in report.warnings)


def test_jsonl_documents_are_searchable_with_their_metadata(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "id": "j1",
                "title": "Remembrance in Baku",
                "text": "Thousands walked to the memorial for the victims of Khojaly.",
                "publisher": "AzerTac",
                "published": "2019-02-26",
                "url": "https://example.org/j1",
                "language": "en",
            }
        ],
    )
    build_index(tmp_path / "index", jsonl=path)
    engine = open_engine(tmp_path / "index")
    doc = engine.document("j1")
    assert (doc.publisher, doc.published, doc.year) == ("AzerTac", "2019-02-26", 2019)
    assert doc.url == "https://example.org/j1"
    result = engine.search(SearchRequest(q="memorial"))
    assert [h.id for h in result.hits] == ["j1"]
