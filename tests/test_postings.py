"""The index door reads posting lists and positions as Whoosh's own matchers do, and a page
sorts only what it shows, in the order a full sort gives.

The reference is Whoosh itself: its matchers for every term's documents, weights and positions,
and its Phrase query for phrases, over an index whose posting lists run over many blocks and
segments and which has deleted documents (what a long-lived archive looks like).
"""

from __future__ import annotations

import random
import zlib
from pickle import dumps, loads

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from indexer.index.build import build_index
from indexer.index.store import IndexStore
from indexer.search import segment_reader, w3_blocks
from indexer.search.matching import Matcher
from indexer.search.plan import Phrase, Word
from indexer.search.postings import IndexReader
from indexer.search.w3_blocks import SHIFT
from indexer.search.whoosh_engine import _first
from tests.conftest import write_jsonl

WORDS = ["river", "night", "town", "winter", "report", "market", "bridge", "snow", "road", "school"]


def _docs(n: int, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    return [
        {
            "id": f"d{i}",
            "title": " ".join(rnd.choices(WORDS, k=3)),
            "text": " ".join(rnd.choices(WORDS, k=rnd.randint(5, 40))),
        }
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def door(tmp_path_factory):
    """An index of 700 documents (posting lists of several blocks), then updated: some
    documents changed, some removed, some added (more segments, deleted documents)."""
    root = tmp_path_factory.mktemp("door")
    docs = _docs(700, 1)
    build_index(root / "i", jsonl=write_jsonl(root / "a.jsonl", docs))
    changed = _docs(60, 2)
    docs = docs[:500] + [{**d, "id": f"d{500 + i}"} for i, d in enumerate(changed[:40])]
    docs += [{**d, "id": f"new{i}"} for i, d in enumerate(changed[40:])]
    build_index(root / "i", jsonl=write_jsonl(root / "b.jsonl", docs))
    store = IndexStore(root / "i")
    ix = store.open_whoosh(store.current_dir())
    index = IndexReader(ix)
    yield ix, index
    index.close()


def _whoosh_postings(ix, field: str, word: str):
    with ix.reader() as reader:
        if (field, word) not in reader:
            return [], [], {}
        m = reader.postings(field, word)
        ids, weights, positions = [], [], {}
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            positions[m.id()] = m.value_as("positions")
            m.next()
        return ids, weights, positions


@pytest.fixture(params=["terms-looked-up", "term-tables-read-whole"])
def term_tables(request, monkeypatch):
    """Segments look terms up in their hashed term table, or (small segments) read it whole."""
    small = 0 if request.param == "terms-looked-up" else 10**9
    monkeypatch.setattr(segment_reader, "SMALL_SEGMENT_DOCS", small)


@pytest.mark.parametrize("field", ["body", "title"])
def test_postings_and_positions_equal_whooshs_matchers(door, term_tables, field):
    ix, _ = door
    index = IndexReader(ix)  # a cache of its own
    assert len(index._segments) > 1 and not index.all_live  # what the test is about
    rnd = random.Random(3)
    for word in [*WORDS, "absent"]:
        ids, weights, positions = _whoosh_postings(ix, field, word)
        ours_ids, ours_weights = index.postings(field, word)  # with deleted
        live = index.live[ours_ids]
        assert ours_ids[live].tolist() == ids, word
        assert ours_weights[live].tolist() == pytest.approx(weights), word
        # positions of a few live documents: some that have the word, some that do not
        sample = rnd.sample(np.flatnonzero(index.live).tolist(), 25)
        wanted = sorted(set(sample + ids[::7]))
        keys = index.occurrences(field, word, np.asarray(wanted, dtype=np.int64))
        expected = [d * SHIFT + p for d in wanted if d in positions for p in positions[d]]
        assert keys.tolist() == expected, word
        for doc in ids:  # one document alone: the one wanted document of its block
            one = index.occurrences(field, word, np.asarray([doc], dtype=np.int64))
            assert one.tolist() == [doc * SHIFT + p for p in positions[doc]], (word, doc)


_weights = st.one_of(
    st.none(),
    st.floats(0.5, 100, width=32),
    st.lists(st.floats(0.5, 100, width=32), min_size=128, max_size=128),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=128),
    _weights,
    st.lists(st.binary(min_size=1, max_size=40), min_size=128, max_size=128),
    st.booleans(),
)
@example([1, 2, 300, 70000], None, [b"(c_codecs\nencode\n", b"K\x01t", b".", b"\x86."] * 32, True)
def test_a_blocks_documents_and_weights_are_read_without_its_positions(
    deltas, weights, values, compressed
):
    """A block as Whoosh's W3 writer stores it: the pickled (deltas, weights, positions),
    compressed or not. Reading only its head gives what reading all of it gives, whatever the
    numbers and the position bytes (even bytes that look like the pickle's own opcodes)."""
    n = len(deltas)
    if isinstance(weights, list):
        weights = tuple(weights[:n])
    data = dumps((tuple(deltas), weights, tuple(values[:n])), 2)
    if compressed:
        data = zlib.compress(data, 3)
    whole = loads(zlib.decompress(data) if compressed else data)
    assert w3_blocks.block(memoryview(data), compressed) == whole
    head = w3_blocks.ids_weights(memoryview(data), compressed, n)
    assert tuple(head[0]) == whole[0] and head[1] == whole[1]


@pytest.mark.parametrize("words", [("river", "night"), ("snow", "road", "school"), ("town",) * 2])
def test_phrases_equal_whooshs_phrase_query(door, words):
    ix, index = door
    matcher = Matcher(index)
    phrase = Phrase(tuple(Word(w, frozenset({w})) for w in words))
    ours, _ = matcher.phrase("body", phrase)
    with ix.searcher() as searcher:
        hits = searcher.search(wq.Phrase("body", list(words)), limit=None)
        theirs = sorted(hit.docnum for hit in hits)
    live = index.live[ours]
    assert ours[live].tolist() == theirs and theirs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-3, 3), max_size=60), st.integers(0, 70))
def test_the_first_results_of_a_page_are_those_of_a_full_sort(keys, limit):
    """A page sorts only its first `limit` results; ties (equal scores) stay in index order,
    exactly as a stable sort of every match would list them."""
    key = np.asarray(keys, dtype=np.float64)
    assert _first(key, limit).tolist() == np.argsort(key, kind="stable")[:limit].tolist()


@pytest.mark.parametrize("prefix", ["r", "ri", "s", "sch", "zz"])
def test_prefixes_and_document_frequencies_equal_whooshs(door, term_tables, prefix):
    ix, _ = door
    index = IndexReader(ix)  # nothing remembered yet
    with ix.reader() as reader:
        theirs = sorted({t.decode() for t in reader.expand_prefix("body", prefix)})
        assert index.terms_with_prefix("body", prefix) == theirs
        for word in [*theirs, prefix + "absent"]:
            assert index.doc_frequency("body", word) == reader.doc_frequency("body", word)


@pytest.mark.parametrize("field", ["body", "title"])
def test_the_word_list_equals_whooshs(door, field):
    ix, index = door
    with ix.reader() as reader:
        assert index.terms(field) == sorted(t.decode() for t in reader.lexicon(field))
