"""A segment's text postings read from its arrays are those its W3 blocks hold and those stock
Whoosh's own matchers read: for every term of every text field, documents, weights and
positions; segments Whoosh merged (which have no arrays) are read from their blocks, and the
arrays of the segments it merged away are deleted with them."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from indexer.index import segments
from indexer.index.build import fields_of
from indexer.index.posting_arrays import file_name
from indexer.index.schema import build_schema
from indexer.ingest.documents import analyse
from indexer.ingest.jsonl import load_jsonl
from indexer.search.postings import FIELDS, IndexReader
from indexer.search.w3_blocks import SHIFT
from tests.conftest import write_jsonl

WORDS = ["Khojaly", "Xocalı", "Ходжалы", "memorial", "village", "winter", "refugees", "the"]


def _docs(rng: random.Random, n: int, first: int = 0, words=WORDS) -> list[dict]:
    return [
        {
            "id": f"d{first + i}",
            "title": " ".join(rng.choices(words, k=rng.randint(0, 4))),
            "text": " ".join(rng.choices(words, k=rng.randint(1, 60))),
        }
        for i in range(n)
    ]


def _commit(folder: Path, docs: list[dict], remove=()) -> None:
    records = load_jsonl(write_jsonl(folder.with_suffix(".jsonl"), docs)).records
    segments.commit_segment(folder, build_schema(), records, analyse, fields_of, remove)


def _whoosh_postings(reader, field: str, word: str) -> dict[int, tuple[float, list[int]]]:
    """document -> (weight, positions) of the live documents with the term, as stock Whoosh
    reads them."""
    if (field, word) not in reader:
        return {}
    m = reader.postings(field, word)
    found = {}
    while m.is_active():
        found[m.id()] = (m.weight(), list(m.value_as("positions")))
        m.next()
    return found


def _check_every_term(folder: Path) -> int:
    """Compare every term of the text fields; returns how many segments had arrays."""
    ix = whoosh_index.open_dir(str(folder))
    index = IndexReader(ix)
    try:
        everyone = np.arange(index.doc_count_all, dtype=np.int64)
        with ix.reader() as reader:
            for field in FIELDS:
                for btext in reader.lexicon(field):
                    word = btext.decode("utf-8")
                    expected = _whoosh_postings(reader, field, word)
                    ids, weights = index.postings(field, word)
                    live = index.live[ids]
                    assert ids[live].tolist() == sorted(expected), word
                    assert weights[live].tolist() == [w for w, _ in expected.values()], word
                    keys = index.occurrences(field, word, everyone[index.live])
                    assert keys.tolist() == [
                        d * SHIFT + p for d, (_, ps) in sorted(expected.items()) for p in ps
                    ], word
                    for seg in index._segments:
                        _same_as_blocks(seg, field, word)
        return sum(seg.arrays is not None for seg in index._segments)
    finally:
        index.close()
        ix.close()


def _same_as_blocks(seg, field: str, word: str) -> None:
    """The segment's arrays and its blocks give the same postings, deleted documents included,
    and the same positions for any set of documents."""
    arrays = seg.arrays
    ours = seg.postings(field, word)
    if arrays is not None and ours is not None:
        assert seg._rows(seg.info(field, word)) is not None, word  # read from the arrays
        assert not arrays.lacks(field, word), word
    every = list(range(seg.offset, seg.offset + seg.doc_count))
    some = every[::3]
    ours_positions = [seg.positions(field, word, wanted) for wanted in (every, some)]
    seg.arrays = None
    try:
        blocks = seg.postings(field, word)
        blocks_positions = [seg.positions(field, word, wanted) for wanted in (every, some)]
    finally:
        seg.arrays = arrays
    if blocks is None:
        assert ours is None
        return
    assert ours[0].tolist() == blocks[0].tolist(), word
    assert ours[1].tolist() == blocks[1].tolist(), word
    for a, b in zip(ours_positions, blocks_positions, strict=True):
        assert a.tolist() == b.tolist(), word


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of a few documents, so that a term's postings come in many pieces."""
    monkeypatch.setattr(segments, "MAX_CHUNK_DOCS", 7)


def test_an_updated_index_reads_every_term_as_whoosh_does(tmp_path, small_chunks, monkeypatch):
    monkeypatch.setattr(segments, "PARALLEL_MIN_DOCS", 10)  # helper processes, as in a build
    rng = random.Random(5)
    folder = tmp_path / "ix"
    folder.mkdir()
    docs = _docs(rng, 400)
    _commit(folder, docs)
    # an update: documents changed (deleted, then added again) and new ones
    changed = [{**d, "text": d["text"] + " Xocalı winter"} for d in docs[10:40:3]]
    _commit(folder, changed + _docs(rng, 30, first=400), remove=[d["id"] for d in changed])
    assert _check_every_term(folder) == 2
    # words no segment has are known absent without a look-up in the term table
    ix = whoosh_index.open_dir(str(folder))
    index = IndexReader(ix)
    for seg in index._segments:
        assert all(seg.arrays.lacks("body", w) for w in ["absent", "Khojal", "memorials"])
    index.close()
    # small chunks of short documents: documents (within their chunk), frequencies and
    # positions in two bytes each
    for name in ("docs", "freqs", "positions"):
        for path in folder.glob(f"*.pa_{name}.npy"):
            assert np.load(path, mmap_mode="r").dtype == np.uint16, name


def test_segments_whoosh_merged_are_read_from_their_blocks(tmp_path, small_chunks, monkeypatch):
    rng = random.Random(6)
    folder = tmp_path / "ix"
    folder.mkdir()
    _commit(folder, _docs(rng, 150))
    monkeypatch.setattr(segments, "MAX_SEGMENTS", 2)
    for n in range(2):  # the third segment makes Whoosh merge the two small ones
        _commit(folder, _docs(rng, 5, first=150 + 5 * n), remove=[f"d{n}"])
    ix = whoosh_index.open_dir(str(folder))
    names = [s.segment_id() for s in ix._segments()]
    ix.close()
    assert len(names) == 2
    assert _check_every_term(folder) == 1
    # the arrays of the merged-away segments went with their other files
    kept = {file_name(n, "docs") for n in names}
    assert {p.name for p in folder.glob("*.pa_docs.npy")} <= kept


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    docs=st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), max_size=5),
            st.lists(st.sampled_from(WORDS), max_size=80),
        ),
        min_size=1,
        max_size=40,
    ),
    chunk=st.integers(1, 9),
)
def test_any_documents_read_from_arrays_as_whoosh_reads_them(docs, chunk, monkeypatch):
    monkeypatch.setattr(segments, "MAX_CHUNK_DOCS", chunk)
    records = [
        {"id": f"d{i}", "title": " ".join(title), "text": " ".join(text) or "-"}
        for i, (title, text) in enumerate(docs)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ix"
        folder.mkdir()
        _commit(folder, records)
        assert _check_every_term(folder) == 1


def test_positions_past_two_bytes_are_kept_whole(tmp_path):
    """A document longer than 65,536 words: its segment keeps four-byte positions."""
    rng = random.Random(8)
    folder = tmp_path / "ix"
    folder.mkdir()
    long = {"id": "long", "title": "transcript", "text": " ".join(rng.choices(WORDS, k=70_000))}
    _commit(folder, [*_docs(rng, 20), long])
    assert _check_every_term(folder) == 1
    (positions,) = folder.glob("*.pa_positions.npy")
    assert np.load(positions, mmap_mode="r").max() >= 2**16


def test_frequencies_past_two_bytes_are_kept_whole(tmp_path):
    """A word said more than 65,535 times in one document: its segment keeps four-byte
    frequencies, and the positions after it are still found."""
    rng = random.Random(9)
    folder = tmp_path / "ix"
    folder.mkdir()
    chant = {"id": "chant", "title": "winter", "text": " ".join(["winter"] * 70_000 + ["Xocalı"])}
    _commit(folder, [*_docs(rng, 20), chant, *_docs(rng, 20, first=20)])
    assert _check_every_term(folder) == 1
    (freqs,) = folder.glob("*.pa_freqs.npy")
    assert np.load(freqs, mmap_mode="r").max() == 70_000


def test_a_chunk_of_more_than_65536_documents_keeps_whole_document_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "MAX_CHUNK_DOCS", 70_000)
    monkeypatch.setattr(segments, "PARALLEL_MIN_DOCS", 10**6)  # one process: one chunk
    folder = tmp_path / "ix"
    folder.mkdir()
    docs = [
        {"id": f"d{i}", "title": "", "text": WORDS[i % 7] if i % 5 else "the"}
        for i in range(66_000)
    ]
    _commit(folder, docs)
    (path,) = folder.glob("*.pa_docs.npy")
    assert np.load(path, mmap_mode="r").dtype == np.uint32
    assert _check_every_term(folder) == 1
