"""An analysed document as a Typesense document, with our spelling analysis inside it.

Typesense never sees a word as written. It folds accents and would merge what our analysis
keeps apart (Azeri ı and i, ə and e), so every searchable value is an opaque token that we
compute and it only compares for equality:

- `terms`: the exact key of each word (the exact spelling, for exact-first ranking);
- `keys`: the exact key and every variant key of each word, so a query word matches a document
  when one of its own keys is there (the embedded engine's spelling map, applied per document);
- `pairs`: for each two adjacent words, every pairing of their keys, so a phrase of two or more
  words matches across spellings (Nagorno-Karabagh finds Nagorno-Karabakh);
- `words`: the exact keys hex-encoded, a text field whose prefix search serves `prefix*`.

Everything a hit shows (title, body, metadata) is stored beside them, unindexed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from indexer.analysis import exact_key, tokens, variant_keys
from indexer.index.schema import date_key
from indexer.ingest.documents import Document

# Fields Typesense indexes; everything else in a document is only stored.
SCHEMA_FIELDS = [
    {"name": "terms", "type": "string[]"},
    {"name": "keys", "type": "string[]"},
    {"name": "pairs", "type": "string[]"},
    {"name": "words", "type": "string"},
    {"name": "publisher", "type": "string", "facet": True},
    {"name": "languages", "type": "string[]", "facet": True},
    {"name": "year", "type": "int32", "facet": True},
    {"name": "date_key", "type": "int64"},
    {"name": "oldest_key", "type": "int64"},  # date_key with undated documents last, ascending
    {"name": "seq", "type": "int64"},  # order of arrival, the tie-breaker for equal dates
]
UNDATED_LAST = 99_999_999  # above every YYYYMMDD date key
SEARCH_ONLY = ("terms", "keys", "pairs", "words")  # never sent back with a hit


def token(text: str) -> str:
    """An opaque, fixed-length token for a key: Typesense compares it and folds nothing."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def pair_token(first: str, second: str) -> str:
    return token(first + "\x00" + second)


def hex_word(text: str) -> str:
    """UTF-8 hex: a prefix of the word is a prefix of its hex, and no letter is folded."""
    return text.encode("utf-8").hex()


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, ...]:
    """The exact key first, then the variant keys: the keys a word is found by."""
    exact = exact_key(word)
    return (exact, *(k for k in variant_keys(word) if k != exact))


def query_keys(word: str) -> tuple[str, ...]:
    """The keys of a query word: any document word that shares one is a spelling of it."""
    return word_keys(word)


def search_fields(*texts: str) -> dict:
    terms: set[str] = set()
    keys: set[str] = set()
    pairs: set[str] = set()
    for text in texts:
        previous: tuple[str, ...] = ()
        for _, _, word in tokens(text):
            current = word_keys(word)
            terms.add(current[0])
            keys.update(current)
            pairs.update(pair_token(a, b) for a in previous for b in current)
            previous = current
    return {
        "terms": sorted(token(t) for t in terms),
        "keys": sorted(token(k) for k in keys),
        "pairs": sorted(pairs),
        "words": " ".join(sorted(hex_word(t) for t in terms)),
    }


def to_typesense(doc: Document, seq: int) -> dict:
    return {
        "id": doc.id,
        **search_fields(doc.title, doc.body),
        "publisher": doc.publisher,
        "languages": list(doc.languages),
        "year": doc.year or 0,
        "date_key": date_key(doc.published),
        "oldest_key": date_key(doc.published) or UNDATED_LAST,
        "seq": seq,
        "title": doc.title,
        "body": doc.body,
        "published": doc.published,
        "url": doc.url,
        "provenance": doc.provenance,
        "source": doc.source,
        "content_hash": doc.content_hash,
        "format": doc.format,
        "author": doc.author,
        "captured": doc.captured,
        "pages": [[i, label] for i, label in doc.pages],
    }
