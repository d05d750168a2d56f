"""The small interface every search engine implements.

Whoosh (embedded, `indexer.search.whoosh_engine`) is the default; a clustered engine for
archives that outgrow one machine will implement the same protocol.
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


def open_engine(index_dir: str | Path) -> SearchEngine:
    """The engine serving the index at `index_dir` (it follows index switches by itself)."""
    from indexer.search.whoosh_engine import WhooshEngine

    return WhooshEngine(Path(index_dir))
