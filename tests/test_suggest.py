"""Did you mean …?: corrections are the documents' own words within a few edits, found without
walking the whole term list in Python."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.support.levenshtein import damerau_levenshtein

from indexer.index.store import IndexStore
from indexer.results import SearchRequest
from indexer.search.postings import IndexReader

LETTERS = "abcdefghijklmnopqrstuvwxyzəışğçöü"


@pytest.fixture(scope="module")
def reader(seed_index):
    store = IndexStore(seed_index)
    ours = IndexReader(whoosh_index.open_dir(str(store.versions / store.current_name())))
    yield ours
    ours.close()


def _typo(word: str, data) -> str:
    """One edit of the kinds a reader makes: a letter dropped, added, changed or swapped."""
    i = data.draw(st.integers(0, len(word) - 1))
    kind = data.draw(st.sampled_from(["drop", "add", "change", "swap"]))
    letter = data.draw(st.sampled_from(LETTERS))
    if kind == "drop":
        return word[:i] + word[i + 1 :]
    if kind == "add":
        return word[:i] + letter + word[i:]
    if kind == "change":
        return word[:i] + letter + word[i + 1 :]
    return word[:i] + word[i + 1 : i + 2] + word[i] + word[i + 2 :]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_corrections_are_every_word_within_the_edits(reader, data):
    """Against a brute-force pass of Whoosh's own edit distance over every indexed word."""
    words = reader.terms("body")
    typo = _typo(data.draw(st.sampled_from([w for w in words if len(w) >= 4])), data)
    maxdist = data.draw(st.sampled_from([1, 2]))
    truth = sorted((damerau_levenshtein(typo, w), w) for w in words)
    expected = [w for d, w in truth if d <= maxdist]
    assert reader.corrections("body", typo, 10_000, maxdist) == expected
    assert reader.corrections("body", typo, 3, maxdist) == expected[:3]


def test_a_misspelt_name_gets_a_suggestion_that_finds_more(seed_engine):
    result = seed_engine.search(SearchRequest(q="massacer"))
    assert result.suggestion == "massacre"
    assert seed_engine.search(SearchRequest(q=result.suggestion)).total > result.total
