"""One index version opened for searching (a Snapshot): the door to its files, its facet
arrays, matcher, spelling map and copy groups, and what it knows about words (Vocabulary).
A search holds its snapshot from start to end; a retired snapshot is closed once the last
search holding it has finished (whoosh_engine.py).
"""

from __future__ import annotations

import threading
from pathlib import Path

from indexer.index.spellings import SpellingMap
from indexer.index.store import IndexStore
from indexer.search.copies import CopyGroups
from indexer.search.facets import FacetSet
from indexer.search.matching import Matcher
from indexer.search.postings import FIELDS, IndexReader
from indexer.search.resolve import MapSpellings

META = "meta.json"


class Vocabulary(MapSpellings):
    """What one index version knows about words, for `resolve.resolve`."""

    def __init__(self, index: IndexReader, spellings: SpellingMap):
        self.index, self.map = index, spellings

    def indexed(self, term: str) -> bool:
        return any(self.index.doc_frequency(field, term) for field in FIELDS)

    def completions(self, exact_prefix: str, light_prefix: str) -> list[str]:
        prefixes = {exact_prefix, light_prefix}
        indexed: set[str] = set()
        spelled: set[str] = set()
        for prefix in prefixes:
            for field in FIELDS:
                indexed.update(self.index.terms_with_prefix(field, prefix))
            spelled |= self.map.terms_under_prefix(prefix)
        # only words some live document uses: a word seen only in deleted documents would pull
        # in its other spellings although no document has it
        if self.index.all_live:  # then every indexed word is a live document's
            found = indexed | {t for t in spelled - indexed if self._live(t)}
        else:
            found = {t for t in indexed | spelled if self._live(t)}
        return sorted(found)

    def _live(self, term: str) -> bool:
        index = self.index
        for field in FIELDS:
            found = index.doc_frequency(field, term)  # deleted documents counted too
            if found > index.deleted:  # more documents than were deleted: one of them is live
                return True
            if found and index.live[index.postings(field, term)[0]].any():
                return True
        return False


class Snapshot:
    """One index version, closed once retired and no search holds it any more."""

    def __init__(
        self, version: str, folder: Path, store: IndexStore, previous: Snapshot | None = None
    ):
        self.version = version
        before = previous.index if previous is not None else None
        self.index = IndexReader(store.open_whoosh(folder), before)
        self.facets = FacetSet.from_reader(self.index)
        # counted once: every API answer's ETag asks for the stats
        self.document_count = int(self.facets.live.sum())
        self.matcher = Matcher(self.index)
        self.spellings = SpellingMap.load(folder)
        self.vocabulary = Vocabulary(self.index, self.spellings)
        self.meta = store.read_json(version, META)
        self.copies = CopyGroups.load(folder, self.index)
        self.spellings.prepare()  # now, not in the first query that needs it
        self._users = 0
        self._retired = self.closed = False
        self._lock = threading.Lock()

    def acquire(self) -> bool:
        with self._lock:
            if self.closed:
                return False
            self._users += 1
            return True

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            self._close_if_unused()

    def retire(self) -> None:
        with self._lock:
            self._retired = True
            self._close_if_unused()

    def _close_if_unused(self) -> None:
        if self._retired and not self._users and not self.closed:
            self.closed = True
            self.index.close()
