"""The index's fast word positions must say exactly what the exact-key analyzer says."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import exact_analyzer
from indexer.index.posting_arrays import ChunkArrays
from indexer.index.schema import build_schema
from indexer.index.text_postings import TextPostings, Vocabulary


@pytest.mark.parametrize(
    "text",
    [
        "Khojaly's İlham ALİYEV, Xocalı'da  KHOJALY khojaly; Ходжалы — 1992 Hocalı'da",
        "Nagorno-Karabakh / Qarabağ: Şuşa, Shusha, ŞUŞA. Əliyev & Məmmədov",
        "",
        "<script>alert(1)</script> 100% Ter-Petrosyan",
    ],
)
def test_word_positions_match_the_analyzer(text):
    expected = defaultdict(list)
    for token in exact_analyzer()(text, positions=True):
        expected[token.text].append(token.pos)
    fmt = build_schema()["title"].format
    got = {word: (freq, weight) for word, freq, weight, _ in fmt.word_values(text, None)}
    assert got == {w: (len(p), len(p) * fmt.field_boost) for w, p in expected.items()}
    for word, _, _, value in fmt.word_values(text, None):
        assert fmt.decode_positions(value) == expected[word]


PIECES = [*"aAıIəƏ xX'’-", "Xocalı", "Ходжалы", "khojaly", " KHOJALY "]
TEXTS = st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), max_size=6)


@given(texts=TEXTS)
@settings(max_examples=60, deadline=None)
def test_a_chunks_text_postings_are_what_the_format_writes_per_document(texts):
    """The build groups a chunk's words by one sort (text_postings); each term's documents,
    weights and values must be those the format gives each document on its own."""
    fmt = build_schema()["title"].format
    expected = defaultdict(list)
    for docnum, text in enumerate(texts):
        for word, _, weight, value in fmt.word_values(text, None):
            expected[word.encode("utf-8")].append((docnum, weight, value))
    field = TextPostings(Vocabulary())
    for docnum, text in enumerate(texts):
        field.add(text, docnum)
    got = {
        btext: list(zip(ids, weights, values, strict=True))
        for btext, ids, weights, values, _ in field.postings(fmt.field_boost, ChunkArrays())
    }
    assert list(got) == sorted(expected)
    assert got == expected
