"""Where a document stands in the search it was opened from: its rank, the total, and the
results before and after it (which may sit on the neighbouring result pages)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from indexer.params import query_string
from indexer.results import Hit, QueryError, SearchRequest


@dataclass
class Neighbour:
    hit: Hit
    back: str  # query string of the result page that lists it


@dataclass
class Place:
    rank: int  # 1-based, over the whole result set
    total: int
    previous: Neighbour | None
    next: Neighbour | None


def place(search_engine, req: SearchRequest, doc_id: str) -> Place | None:
    """`doc_id`'s place in `req`'s results page, or None when that page does not list it."""
    try:
        result = search_engine.search(req)
    except QueryError:
        return None
    ids = [h.id for h in result.hits]
    if doc_id not in ids:
        return None
    i = ids.index(doc_id)
    previous = following = None
    if i > 0:
        previous = Neighbour(result.hits[i - 1], query_string(req))
    elif req.page > 1:
        before = replace(req, page=req.page - 1)
        hits = search_engine.search(before).hits
        previous = Neighbour(hits[-1], query_string(before)) if hits else None
    if i + 1 < len(ids):
        following = Neighbour(result.hits[i + 1], query_string(req))
    elif req.page < result.total_pages:
        after = replace(req, page=req.page + 1)
        hits = search_engine.search(after).hits
        following = Neighbour(hits[0], query_string(after)) if hits else None
    rank = (req.page - 1) * req.per_page + i + 1
    return Place(rank, result.total, previous, following)
