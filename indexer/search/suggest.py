""" "Did you mean …?": a better spelling, taken from the words the documents really contain.

Corrections come from the exact-spelling field (`body`), whose terms are the documents' own
words lower-cased, so a suggestion is never an internal folded key. A suggestion is offered
only when the corrected query finds more documents under the same filters than the query did:
`count` answers that for a plan, like with like.
"""

from __future__ import annotations

from collections.abc import Callable

from indexer.results import QueryError
from indexer.search.parse import parse
from indexer.search.plan import And, Word
from indexer.search.postings import IndexReader

MIN_WORD = 4  # shorter words have too many one-letter neighbours to guess from


def suggest(
    index: IndexReader, plan: And, original: str, found: int, count: Callable[[And], int]
) -> str | None:
    """A corrected query text, or None. `plan` is resolved; `count(plan)` resolves, matches
    and filters a plan the way the search did and returns its total."""
    text = original
    changed = False
    for leaf in plan.typed_leaves():
        if not isinstance(leaf, Word) or len(leaf.exact) < MIN_WORD or _known(index, leaf):
            continue
        nearby = index.corrections("body", leaf.exact, 10, 1 if len(leaf.exact) < 7 else 2)
        candidates = nearby[:3]
        if not candidates:
            continue
        best = max(candidates, key=lambda c: index.doc_frequency("body", c))
        text = text.replace(leaf.text, best, 1)
        changed = True
    if not changed:
        return None
    try:
        better = parse(text)
    except QueryError:
        return None
    return text if count(better) > found else None


def _known(index: IndexReader, word: Word) -> bool:
    """The word, or another spelling of it, is in the documents: nothing to correct."""
    return any(index.doc_frequency("body", t) > 0 for t in word.terms)
