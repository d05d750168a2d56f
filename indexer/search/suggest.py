""" "Did you mean …?": a better spelling, taken from the words the documents really contain.

Corrections come from the exact-spelling field (`body`), whose terms are the documents' own
words lower-cased, so a suggestion is never an internal folded key.
"""

from __future__ import annotations

from indexer.analysis import exact_key
from indexer.results import QueryError
from indexer.search.query import parse, to_whoosh

MIN_WORD = 4  # shorter words have too many one-letter neighbours to guess from


def suggest(searcher, spellings, parsed, original: str, found: int) -> str | None:
    corrector = searcher.corrector("body")
    reader = searcher.reader()
    text = original
    changed = False
    for clause in parsed.positive():
        if clause.kind != "word":
            continue
        word = clause.words[0]
        key = exact_key(word)
        if len(key) < MIN_WORD or _known(reader, spellings, key, word):
            continue
        nearby = corrector.suggest(key, limit=10, maxdist=1 if len(key) < 7 else 2)
        candidates = nearby[:3]
        if not candidates:
            continue
        best = max(candidates, key=lambda c: reader.doc_frequency("body", c))
        text = text.replace(word, best, 1)
        changed = True
    if not changed:
        return None
    try:
        better = parse(text)
    except QueryError:
        return None
    count = sum(1 for _ in searcher.docs_for_query(to_whoosh(better, reader, spellings)))
    return text if count > found else None


def _known(reader, spellings, key: str, word: str) -> bool:
    """The word, or another spelling of it, is in the documents: nothing to correct."""
    if reader.doc_frequency("body", key) > 0:
        return True
    return any(reader.doc_frequency("body", t) > 0 for t in spellings.spellings(word))
