"""What the collection version a search reads knows: its facet values, its vocabulary (the
spelling map, read once per version) and its copy groups. `TypesenseEngine` asks `current()`
for every search; a new version is read by one thread while the others wait.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from indexer.cluster import copies as cluster_copies
from indexer.cluster import facets as cluster_facets
from indexer.cluster import vocabulary as vocab

VOCABULARY_TRIES = 20


@dataclass(frozen=True)
class Version:
    name: str | None
    facets: cluster_facets.ClusterFacets
    vocabulary: vocab.ClusterVocabulary
    copies: cluster_copies.ClusterCopies


class Versions:
    """The current version of the collection behind `alias`. `name` tells the version the
    cluster serves now (the stats'), `multi` runs a multi-search (the engine's, with its
    retries)."""

    def __init__(
        self,
        alias: str,
        client,
        name: Callable[[], str | None],
        multi: Callable[[list[dict]], list[dict]],
    ):
        self.alias = alias
        self.client = client
        self._name = name
        self._multi = multi
        self._version: Version | None = None
        self._vocabulary: tuple | None = None  # ((collection, revision), (vocabulary, copies))
        self._refresh = threading.Lock()  # one thread reads a new version; the others wait

    def current(self) -> Version:
        """What the current collection version knows.

        The facet values are read again when the version changes; the vocabulary (seconds
        to read for a large archive) only when the collection or its revision does. A node
        that is catching up (restarted, or lagging behind the leader) may answer with an
        older version or none: the last version read is kept then, not read over and over."""
        name = self._name()
        cached = self._version
        if cached is not None and (cached.name == name or name is None):
            return cached
        with self._refresh:
            cached = self._version
            if cached is not None and cached.name == name:
                return cached
            return self._read_version(name)

    def _read_version(self, name: str | None) -> Version:
        result = self._multi(
            [
                {
                    "collection": self.alias,
                    "q": "*",
                    "query_by": "terms",
                    "per_page": 0,
                    "facet_by": "publisher,languages,year",
                    "max_facet_values": cluster_facets.MAX_FACET_VALUES,
                }
            ]
        )[0]
        words, copies = self._vocabulary_of(name)
        fresh = Version(name, cluster_facets.ClusterFacets.from_counts(result), words, copies)
        self._version = fresh
        return fresh

    def _vocabulary_of(self, version: str | None):
        """(vocabulary, copy groups) of a version: its collection's at its revision."""
        if version is None:
            return vocab.ClusterVocabulary(), cluster_copies.ClusterCopies()
        collection, _, _, revision = version.rsplit(".", 3)
        cached = self._vocabulary
        if cached is not None and cached[0] == (collection, revision):
            return cached[1]
        words = self.read_vocabulary(collection)[1]
        found = (words, cluster_copies.ClusterCopies.from_groups(words.copies))
        self._vocabulary = ((collection, revision), found)
        return found

    def read_vocabulary(self, collection: str) -> tuple[int, vocab.ClusterVocabulary]:
        """(revision, vocabulary) of `collection`, waiting out a build that is writing it."""
        for _ in range(VOCABULARY_TRIES):
            found = vocab.read(self.client, collection)
            if found is not None:
                return found
            time.sleep(0.2)  # a build is writing it
        raise RuntimeError(f"Typesense: the vocabulary of {collection} cannot be read")
