"""A reader without an Azerbaijani or Turkish keyboard types Semkir for Şəmkir, and many pages
are written so: each spelling finds the other, ranks its own first, and shows what matched."""

import pytest

from indexer.results import SearchRequest
from tests.conftest import engine_of

DOCS = {
    "marked": "Refugees from Daşaltı reached Şəmkir in March.",
    "bare": "Refugees from Dasalti reached Semkir in March.",
    "english": "Sir John wrote to the committee.",
    "turkish": "Bu bir sır değil.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_of(tmp_path_factory.mktemp("bare"), DOCS)


@pytest.mark.parametrize(
    "q, first, spelling",
    [
        ("Semkir", "bare", "Şəmkir"),
        ("Şəmkir", "marked", "Semkir"),
        ("şəmkir", "marked", "Semkir"),
        ("dasalti", "bare", "Daşaltı"),
    ],
)
def test_a_name_with_and_without_its_marks_finds_both_own_first(engine, q, first, spelling):
    result = engine.search(SearchRequest(q=q, per_page=10))
    assert [h.id for h in result.hits][:1] == [first]
    assert {h.id for h in result.hits} == {"marked", "bare"}
    other = next(h for h in result.hits if h.id != first)
    assert any(f"<mark>{spelling}</mark>" in s for s in other.snippets)


def test_an_english_word_does_not_find_the_turkish_word_it_spells_bare(engine):
    hits = engine.search(SearchRequest(q="sir", per_page=10)).hits
    assert [h.id for h in hits] == ["english"]
