"""A word searched with all its spellings at once reads what stock Whoosh reads for each
spelling alone: the same postings, weights and positions, over segments with posting arrays and
segments Whoosh merged (read from their blocks), with deleted documents; its score is BM25F over
the spellings taken as one term, computed here by hand; and the shortcuts that count over every
document instead of sorting give what numpy's sorting functions give, to the last bit."""

from __future__ import annotations

import random
import tempfile
from math import log
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index

from indexer.analysis import exact_key
from indexer.index import segments
from indexer.search import matching
from indexer.search.matching import EXACT_BOOST, K1, B, Matcher, best, grouped, intersection
from indexer.search.plan import Word
from indexer.search.postings import FIELDS, IndexReader
from indexer.search.term_table import TermTable
from indexer.search.w3_blocks import SHIFT
from tests.test_posting_arrays import WORDS, _commit, _docs, _whoosh_postings


def _archive(folder: Path, seed: int, merged: bool, monkeypatch) -> None:
    """A first build, then updates that change and add documents: two segments, or with
    `merged` a segment Whoosh merged from small ones (without posting arrays)."""
    rng = random.Random(seed)
    monkeypatch.setattr(segments, "MAX_CHUNK_DOCS", rng.randint(1, 9))
    docs = _docs(rng, rng.randint(20, 60))
    _commit(folder, docs)
    changed = [{**d, "text": d["text"] + " Xocalı winter"} for d in docs[1:12:3]]
    _commit(folder, changed + _docs(rng, 6, first=100), remove=[d["id"] for d in changed])
    if merged:
        monkeypatch.setattr(segments, "MAX_SEGMENTS", 2)
        _commit(folder, _docs(rng, 4, first=200), remove=["d0"])


def _spellings_as_whoosh_reads_them(folder: Path, seed: int) -> None:
    rng = random.Random(seed)
    ix = whoosh_index.open_dir(str(folder))
    index = IndexReader(ix)
    matcher = Matcher(index)
    try:
        with ix.reader() as reader:
            for field in FIELDS:
                for _ in range(6):
                    texts = [exact_key(w) for w in rng.sample(WORDS, rng.randint(1, 4))]
                    texts.append("absent")
                    per_term = {t: _whoosh_postings(reader, field, t) for t in texts}
                    if rng.random() < 0.5 and len(set(texts)) == len(texts):
                        # another spelling of the name read first, with half its spellings or
                        # more and a word of its own: this read builds on that one's postings
                        shared = rng.sample(
                            texts, rng.randint((len(texts) + 1) // 2, len(texts) - 1)
                        )
                        others = sorted({exact_key(w) for w in WORDS} - set(texts))
                        index.spelled(field, [*shared, rng.choice(others)])
                        base = index._read_within(field, sorted(texts))
                        assert len(set(base.texts) & set(texts)) >= len(set(shared))
                    _same_postings(index, field, texts, per_term)
                    chosen = np.asarray([rng.random() < 0.6 for _ in range(index.doc_count_all)])
                    docs = np.flatnonzero(index.live & chosen)
                    expected = sorted(
                        d * SHIFT + p
                        for found in per_term.values()
                        for d, (_, ps) in found.items()
                        if d in set(docs.tolist())
                        for p in ps
                    )
                    assert index.occurrences_of(field, texts, docs).tolist() == expected
                    exact = rng.choice(texts)
                    _same_scores(index, matcher, field, Word(exact, frozenset(texts)), per_term)
            for seg in index._segments:
                _term_table_as_whoosh(seg, rng)
    finally:
        index.close()
        ix.close()


def _same_postings(index: IndexReader, field: str, texts: list[str], per_term: dict) -> None:
    """Live postings as Whoosh reads each term, in the order one term at a time gives them:
    segment after segment, the spellings in sorted order within each."""
    found = index.spelled(field, texts)
    live = index.live[found.ids]
    got = list(
        zip(
            found.ids[live].tolist(),
            [found.texts[t] for t in found.term[live].tolist()],
            found.weights[live].tolist(),
            strict=True,
        )
    )
    starts = [seg.offset for seg in index._segments] + [index.doc_count_all]
    expected = [
        (d, t, w)
        for lo, hi in zip(starts, starts[1:], strict=False)
        for t in sorted(texts)
        for d, (w, _) in sorted(per_term[t].items())
        if lo <= d < hi
    ]
    assert got == expected


def _same_scores(index, matcher: Matcher, field: str, word: Word, per_term: dict) -> None:
    """BM25F of the spellings as one term (summed frequencies, one document frequency with
    deleted documents counted, as Whoosh counts), doubled where the typed spelling is used."""
    found = index.spelled(field, word.terms)
    df = len(set(found.ids.tolist()))
    idf = log(index.doc_count_all / (df + 1)) + 1
    avg = index.avg_length[field]
    weights: dict[int, float] = {}
    exact: set[int] = set()
    postings = zip(found.ids.tolist(), found.term.tolist(), found.weights.tolist(), strict=True)
    for d, t, w in postings:
        weights[d] = weights.get(d, 0.0) + w
        if found.texts[t] == word.exact:
            exact.add(d)
    ids, scores = matcher.word(field, word)
    assert ids.tolist() == sorted(weights)
    for d, score in zip(ids.tolist(), scores.tolist(), strict=True):
        w, length = weights[d], float(index.lengths[field][d])
        bm25 = idf * (w * (K1 + 1)) / (w + K1 * ((1 - B) + B * length / avg))
        assert score == bm25 * (EXACT_BOOST if d in exact else 1.0)
    live_expected = {d for found in per_term.values() for d in found}
    assert set(ids[index.live[ids]].tolist()) == live_expected


def _term_table_as_whoosh(seg, rng: random.Random) -> None:
    """Every entry of the segment's term table, and a miss, read through the memory map."""
    tindex = seg.leaf._terms._tindex
    table = TermTable.open(tindex)
    assert table is not None
    keys = [key for key, _ in tindex.items()]
    for key in rng.sample(keys, min(len(keys), 200)):
        assert table.get(key) == tindex[key]
        assert table.get(key + b"~") is None


# each example builds an archive: a failure is reported as found (its seed names it), not shrunk
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(seed=st.integers(0, 10_000), merged=st.booleans())
def test_a_words_spellings_read_together_are_what_whoosh_reads(seed, merged, monkeypatch):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ix"
        folder.mkdir()
        _archive(folder, seed, merged, monkeypatch)
        _spellings_as_whoosh_reads_them(folder, seed)


sorted_ids = st.lists(st.integers(0, 300), max_size=120).map(
    lambda xs: np.unique(np.asarray(xs, dtype=np.int64))
)


@given(
    parts=st.lists(sorted_ids, min_size=2, max_size=4),
    seed=st.integers(0, 1000),
)
def test_counting_over_every_document_gives_what_sorting_gives(parts, seed):
    rng = np.random.default_rng(seed)
    size = 301
    scored = [(ids, rng.random(len(ids))) for ids in parts]
    # intersection: the documents in every part, their scores added part after part
    ordered = sorted(scored, key=lambda p: len(p[0]))
    expected_ids, expected_scores = ordered[0]
    for other_ids, other_scores in ordered[1:]:
        expected_ids, mine, theirs = np.intersect1d(
            expected_ids, other_ids, assume_unique=True, return_indices=True
        )
        expected_scores = expected_scores[mine] + other_scores[theirs]
    joined = np.concatenate(parts)
    values = rng.random(len(joined))
    unique, inverse = np.unique(joined, return_inverse=True)
    for share in (10**6, 0):  # counted over every document, and by sorting
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(matching, "DENSE_SHARE", share)
            ids, scores = intersection(scored, size)
            assert ids.tolist() == expected_ids.tolist()
            assert scores.tolist() == expected_scores.tolist()
            # grouped: each id's values summed in the order given
            ids, (sums,) = grouped(joined, size, values)
            assert ids.tolist() == unique.tolist()
            assert sums.tolist() == np.bincount(inverse, weights=values).tolist()


@given(
    parts=st.lists(sorted_ids, min_size=0, max_size=4),
    seed=st.integers(0, 1000),
)
def test_a_names_documents_score_their_best_match_among_its_names(parts, seed):
    # best(): each document once, with the highest score any of a place's names gives it
    rng = np.random.default_rng(seed)
    scored = [(ids, rng.random(len(ids))) for ids in parts]
    expected: dict[int, float] = {}
    for ids, scores in scored:
        for i, s in zip(ids.tolist(), scores.tolist(), strict=True):
            expected[i] = max(expected.get(i, -1.0), s)
    for share in (10**6, 0):  # over every document, and by sorting
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(matching, "DENSE_SHARE", share)
            ids, scores = best(scored, 301)
            assert ids.tolist() == sorted(expected)
            assert scores.tolist() == [expected[i] for i in sorted(expected)]
