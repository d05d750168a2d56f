"""An analysed document as a Typesense document: its text, its facets, and opaque tokens of
its own words.

Typesense never sees a word as written: it folds accents and would merge what our analysis
keeps apart (Azeri ı and i, ə and e). Each searchable value is a fixed-length token of an
exact key (the word as written, lower-cased our way) that Typesense only compares for
equality:

- `terms`: each distinct word of the title and body;
- `pairs`: each two adjacent words, so a phrase is found where its words stand side by side.

Spellings are not in the document: a query word is resolved to the exact words it stands for
with the collection's spelling map (`vocabulary`), as on the embedded engine, and those words'
tokens are the filter. Everything a hit shows (title, body, metadata) is stored beside the
tokens, unindexed.
"""

from __future__ import annotations

import hashlib

from indexer.analysis import exact_key, words
from indexer.index.schema import date_key
from indexer.ingest.documents import Document

# Fields Typesense indexes; everything else in a document is only stored.
SCHEMA_FIELDS = [
    {"name": "terms", "type": "string[]"},
    {"name": "pairs", "type": "string[]"},
    {"name": "publisher", "type": "string", "facet": True},
    {"name": "languages", "type": "string[]", "facet": True},
    {"name": "year", "type": "int32", "facet": True},
    {"name": "date_key", "type": "int64"},
    {"name": "oldest_key", "type": "int64"},  # date_key with undated documents last, ascending
    {"name": "seq", "type": "int64"},  # order of arrival, the tie-breaker for equal dates
    {"name": "grouped", "type": "int32"},  # 1: the document has copies (`copies`)
    {"name": "doc_id", "type": "string"},  # the id, for `:!=` (Typesense refuses it on `id`)
]
# Typesense's own text processing kept out of the way of the tokens.
COLLECTION_OPTIONS = {"token_separators": [], "symbols_to_index": []}
UNDATED_LAST = 99_999_999  # above every YYYYMMDD date key
SEARCH_ONLY = ("terms", "pairs", "signature", "doc_id")  # never sent back with a hit
NOTHING = "0"  # a token no word has (tokens are 16 hex digits): an empty set of words


def token(text: str) -> str:
    """An opaque, fixed-length token for an exact key: Typesense compares it and folds nothing."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def pair_token(first: str, second: str) -> str:
    return token(first + "\x00" + second)


def exact_words(text: str) -> list[str]:
    """The exact keys of the words of `text`, in order."""
    return [exact_key(w) for w in words(text)]


def search_fields(title: list[str], body: list[str]) -> dict:
    """The tokens of a document whose title and body have these exact words."""
    pairs = {
        pair_token(a, b) for words in (title, body) for a, b in zip(words, words[1:], strict=False)
    }
    return {
        "terms": sorted({token(t) for t in (*title, *body)}),
        "pairs": sorted(pairs),
    }


def to_typesense(
    doc: Document, seq: int, title: list[str], body: list[str], signature: str | None = None
) -> dict:
    """`title` and `body`: the exact words of the document's title and body (`exact_words`);
    `signature`: the MinHash of its text that copy groups are made of (`copies`)."""
    return {
        "id": doc.id,
        "doc_id": doc.id,
        **search_fields(title, body),
        "grouped": 0,  # set once the build has grouped the signatures
        **({"signature": signature} if signature else {}),
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
