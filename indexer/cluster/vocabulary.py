"""What one collection version knows about words: its spelling map and its words' frequencies.

The embedded engine resolves a query once per index version against the spelling map its build
wrote (indexer.index.spellings); the cluster does the same with the same map. The build makes
it from the same words with the same code and keeps it in a side collection next to the
documents (`<collection>_vocab`, filled before the alias switches to the collection), as JSON
in chunks of stored text; the engine reads it once per version. Typesense itself only sees
opaque tokens of exact spellings (`documents`), so nothing of ours is folded by it.

- `spellings`: the SpellingMap (key -> indexed terms);
- `words`: exact term -> [documents with it in the body, documents with it in the title], so
  prefixes complete to words some live document uses and "did you mean" can rank corrections;
- `copies`: document id -> copy group id, for documents with copies (`copies`).
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer.index.spellings import SpellingMap
from indexer.search.resolve import MapSpellings

SUFFIX = "_vocab"  # the side collection of collection X is X_vocab
CHUNK_CHARS = 500_000  # characters of JSON per stored chunk
META_ID = "meta"
SCHEMA = [{"name": "revision", "type": "int64"}]  # chunks are stored, never searched
BODY, TITLE = 0, 1


def side_collection(collection: str) -> str:
    return collection + SUFFIX


class ClusterVocabulary(MapSpellings):
    """A `resolve.Vocabulary` for one collection version, and the word list "did you mean" reads
    (the `corrections` and `doc_frequency` of `indexer.search.suggest`)."""

    def __init__(
        self, keys: dict | None = None, words: dict | None = None, copies: dict | None = None
    ):
        self.keys: dict[str, list[str] | set[str]] = keys or {}  # the spelling map's data
        self.map = SpellingMap(self.keys)
        self.words: dict[str, list[int]] = words or {}
        self.copies: dict[str, str] = copies or {}
        self._live: list[str] | None = None
        self._body: list[str] | None = None

    # -- resolve.Vocabulary -----------------------------------------------------------------

    def indexed(self, term: str) -> bool:
        return term in self.words

    def completions(self, exact_prefix: str, light_prefix: str) -> list[str]:
        """Words of live documents that, or whose light key, start with either prefix."""
        found: set[str] = set()
        for prefix in {exact_prefix, light_prefix}:
            found.update(self._with_prefix(prefix))
            found.update(t for t in self.map.terms_under_prefix(prefix) if self.live(t))
        return sorted(found)

    def live(self, term: str) -> bool:
        return sum(self.words.get(term, (0, 0))) > 0

    def _with_prefix(self, prefix: str) -> list[str]:
        if self._live is None:
            self._live = sorted(t for t, counts in self.words.items() if sum(counts))
        words, out = self._live, []
        for i in range(bisect_left(words, prefix), len(words)):
            if not words[i].startswith(prefix):
                break
            out.append(words[i])
        return out

    # -- what "did you mean" reads ----------------------------------------------------------

    def doc_frequency(self, field: str, term: str) -> int:
        return self.words.get(term, (0, 0))[TITLE if field == "title" else BODY]

    def corrections(self, field: str, word: str, limit: int, maxdist: int) -> list[str]:
        """Words of the bodies within `maxdist` edits of `word`, nearest first (as
        `indexer.search.postings.IndexReader.corrections`)."""
        if self._body is None:
            self._body = [t for t, counts in self.words.items() if counts[BODY]]
        found = process.extract(
            word, self._body, scorer=OSA.distance, score_cutoff=maxdist, limit=None
        )
        return [term for term, _, _ in sorted(found, key=lambda m: (m[1], m[0]))[:limit]]

    # -- building ---------------------------------------------------------------------------

    def add_pairs(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Spelling pairs (key, exact term) of new words (`indexer.index.spellings`)."""
        pairs = set(pairs)
        self.map.add(pairs)
        for key, term in pairs:
            terms = self.keys.get(key)
            if terms is None:
                self.keys[key] = {term}
            elif isinstance(terms, set):
                terms.add(term)
            elif term not in terms:
                self.keys[key] = {*terms, term}

    def count(self, body: Iterable[str], title: Iterable[str], step: int = 1) -> None:
        """One document's distinct exact terms added (`step` 1) or taken away (-1)."""
        for field, terms in ((BODY, body), (TITLE, title)):
            for term in terms:
                counts = self.words.setdefault(term, [0, 0])
                counts[field] += step
        self._live = self._body = None

    # -- storage ----------------------------------------------------------------------------

    def chunks(self) -> list[str]:
        text = json.dumps(
            {
                "spellings": {k: sorted(v) for k, v in self.keys.items()},
                "words": self.words,
                "copies": self.copies,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]

    @classmethod
    def from_chunks(cls, chunks: list[str]) -> ClusterVocabulary:
        text = "".join(chunks)
        if not text:
            return cls()
        data = json.loads(text)
        return cls(data.get("spellings"), data.get("words"), data.get("copies"))


def documents(vocabulary: ClusterVocabulary, revision: int) -> list[dict]:
    """The side collection's documents for `vocabulary`: its chunks, then the meta document
    that says how many chunks make this revision. Each revision's chunks have ids of their
    own, so a reader finds the chunks its meta document names even while the next revision
    is being written."""
    chunks = vocabulary.chunks()
    out = [
        {"id": _chunk_id(revision, i), "revision": revision, "text": text}
        for i, text in enumerate(chunks)
    ]
    return out + [{"id": META_ID, "revision": revision, "chunks": len(chunks)}]


def _chunk_id(revision: int, number: int) -> str:
    return f"r{revision}c{number:06d}"


def read(
    client, collection: str, call=lambda fetch: fetch()
) -> tuple[int, ClusterVocabulary] | None:
    """(revision, vocabulary) of `collection` as its side collection holds it, or None while a
    build is writing it; `call(fetch)` runs the export (a build's, with retries)."""
    from typesense import exceptions

    side = side_collection(collection)
    try:
        text = call(lambda: client.collections[side].documents.export())
    except exceptions.ObjectNotFound:
        text = ""
    return from_export(text)


def from_export(lines: str) -> tuple[int, ClusterVocabulary] | None:
    """(revision, vocabulary) from the side collection's exported documents, or None when the
    export met a revision being written (its meta document without all of its chunks)."""
    docs = {}
    for line in lines.splitlines():
        if line.strip():
            doc = json.loads(line)
            docs[doc["id"]] = doc
    meta = docs.get(META_ID)
    if meta is None:
        return 0, ClusterVocabulary()
    revision = meta["revision"]
    ids = [_chunk_id(revision, i) for i in range(meta["chunks"])]
    if any(i not in docs for i in ids):
        return None
    return revision, ClusterVocabulary.from_chunks([docs[i]["text"] for i in ids])
