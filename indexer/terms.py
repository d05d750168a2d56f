"""Index terms: every word's exact key, plus its variant keys where they differ, in one field.

A word is indexed as its exact key ("khojaly") and, at the same position, each variant key
that differs from it, marked with VARIANT ("~xocali"). English words mostly have no differing
key, so they cost one posting, not two; a name costs one more per extra spelling key.

A query word w then asks for: exact_key(w) (boosted: the spelling typed ranks first), "~k" for
each variant key k (documents whose word has that key), and plain k (documents whose word *is*
spelled k, so it needed no mark).
"""

from __future__ import annotations

from functools import lru_cache

from whoosh import query as wq
from whoosh.analysis import Analyzer, Filter

from indexer.analysis import WordTokenizer, exact_key, variant_keys

VARIANT = "~"  # never part of a word: the tokenizer only keeps letters, digits and apostrophes
EXACT_BOOST = 2.0


@lru_cache(maxsize=200_000)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms one word of a document is indexed under."""
    exact = exact_key(word)
    return (exact, *(VARIANT + k for k in variant_keys(word) if k != exact))


def is_variant_term(term: str) -> bool:
    return term.startswith(VARIANT)


class TermsFilter(Filter):
    """Replaces each word by its terms, all at the word's position."""

    def __call__(self, tokens_):
        for t in tokens_:
            for term in word_terms(t.text):
                t.text = term
                yield t


def terms_analyzer() -> Analyzer:
    return WordTokenizer() | TermsFilter()


def word_query(field: str, word: str, boost: float = 1.0) -> wq.Query:
    """Any spelling of `word` in `field`, the exact one scoring higher."""
    exact = exact_key(word)
    parts = [wq.Term(field, exact, boost=EXACT_BOOST * boost)]
    for k in variant_keys(word):
        parts.append(wq.Term(field, VARIANT + k, boost=boost))
        if k != exact:
            parts.append(wq.Term(field, k, boost=boost))
    return wq.Or(parts)


def any_spelling(field: str, word: str) -> wq.Query:
    """One position of a phrase: any spelling of `word`, unboosted (for Sequence)."""
    exact = exact_key(word)
    keys = {exact} | set(variant_keys(word))
    return wq.Or([wq.Term(field, t) for k in sorted(keys) for t in (k, VARIANT + k)])
