"""The small interface every search engine implements.

Whoosh (embedded, `indexer.search.whoosh_engine`) is the default; Typesense
(`indexer.cluster.engine`) serves archives that outgrow one machine, chosen with
KHOJALY_SEARCH_ENGINE=typesense.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from indexer.results import DocumentRecord, IndexStats, SearchRequest, SearchResult


class SearchEngine(Protocol):
    def search(self, request: SearchRequest) -> SearchResult: ...

    def document(self, doc_id: str) -> DocumentRecord | None: ...

    def stats(self) -> IndexStats: ...

    def highlight(self, text: str, query: str) -> str:
        """`text` HTML-escaped, with what `query` matches in it marked (for a document page)."""

    def warm_up(self) -> None:
        """Do the one-off work (opening the index, loading tables) before the first request."""


def open_engine(index_dir: str | Path, engine: str | None = None) -> SearchEngine:
    """The engine serving the index at `index_dir` (it follows index switches by itself), or,
    for `typesense` (the default from KHOJALY_SEARCH_ENGINE), the cluster the environment names."""
    from indexer import config

    if (engine or config.engine_name()) == "typesense":
        from indexer.cluster.engine import TypesenseEngine
        from indexer.cluster.nodes import ClusterConfig

        return TypesenseEngine(ClusterConfig.from_env())
    from indexer.search.whoosh_engine import WhooshEngine

    return WhooshEngine(Path(index_dir))
