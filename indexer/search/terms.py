"""Index terms and the queries for one word: the exact spelling, then every other spelling.

Documents are indexed by exact keys only (`exact_analyzer`); the spelling map
(indexer.index.spellings) turns a query word into the indexed terms that spell the same name. The
exact spelling scores higher, so it ranks first when all else is equal.
"""

from __future__ import annotations

from whoosh import query as wq

from indexer.analysis import exact_key
from indexer.index.spellings import SpellingMap

EXACT_BOOST = 2.0
MAX_SPELLINGS = 64  # the most frequent other spellings of one word, as Lucene caps rewrites


def spelling_terms(word: str, spellings: SpellingMap, reader, field: str) -> list[str]:
    """Other spellings of `word` that occur in `field`, most frequent first, capped."""
    found = [(reader.doc_frequency(field, t), t) for t in spellings.spellings(word)]
    found = [(n, t) for n, t in found if n > 0]
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    return [t for _, t in found[:MAX_SPELLINGS]]


class Spellings(wq.Or):
    """Any spelling of one word in one field, scored as one term (as Lucene scores synonyms):
    document frequency and term frequency are those of all spellings together, so a rare
    spelling does not outweigh the common one; documents using the exact spelling score
    EXACT_BOOST times higher."""

    def __init__(self, field: str, exact: str, others: list[str]):
        super().__init__([wq.Term(field, t) for t in [exact, *others]])
        self.field, self.exact = field, exact


def word_query(field: str, word: str, spellings: SpellingMap, reader) -> wq.Query:
    """Any spelling of `word` in `field`, the exact one scoring higher."""
    return Spellings(field, exact_key(word), spelling_terms(word, spellings, reader, field))


def any_spelling(field: str, word: str, spellings: SpellingMap, reader) -> wq.Query:
    """One position of a phrase: any spelling of `word`, unboosted (for Sequence)."""
    terms = [exact_key(word), *spelling_terms(word, spellings, reader, field)]
    return wq.Or([wq.Term(field, t) for t in terms]) if len(terms) > 1 else wq.Term(field, terms[0])
