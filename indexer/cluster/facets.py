"""Facets on the cluster: the same facet classes as the embedded engine (indexer.search.facets)
for what a request means and how values are shown; Typesense for the filters and counts.

Typesense's multi-search gives each facet its own search with every filter but its own, so
counts are disjunctive as in the embedded engine.
"""

from __future__ import annotations

import numpy as np

from indexer.cluster.translate import quote
from indexer.params import query_string
from indexer.results import FacetValue, SearchRequest, UnknownFilter
from indexer.search.facets import BY_NAME, UNDATED
from indexer.search.facets.columns import CodedColumn
from indexer.search.facets.values import LanguageFacet, PublisherFacet, ValueFacet
from indexer.search.facets.year import YearFacet

FIELDS = {"publisher": "publisher", "language": "languages", "year": "year"}
MAX_FACET_VALUES = 10_000


class ClusterFacets:
    """The facets of one collection version: its known publisher and language values."""

    def __init__(self, publishers: list[str], languages: list[str], years: int = 0):
        # how many values each facet has in the whole collection: a search asks for no more
        # (Typesense's facet time grows with max_facet_values, not only with the values found)
        self.sizes = {"publisher": len(publishers), "language": len(languages), "year": years}
        self.facets = {
            "publisher": PublisherFacet(CodedColumn.from_lists([v] for v in publishers)),
            "language": LanguageFacet(CodedColumn.from_lists([v] for v in languages)),
            "year": YearFacet(np.zeros(0, np.int32)),
        }

    @classmethod
    def from_counts(cls, result: dict) -> ClusterFacets:
        """From a match-all search with `facet_by=publisher,languages,year`."""
        values = {
            block["field_name"]: [c["value"] for c in block["counts"]]
            for block in result.get("facet_counts", [])
        }
        years = len(values.get("year", []))
        return cls(values.get("publisher", []), values.get("languages", []), years)

    def max_values(self, names: list[str]) -> int:
        """The max_facet_values that brings every value of these facets."""
        return min(MAX_FACET_VALUES, max([self.sizes[n] for n in names] + [0]) + 1)

    def resolve(self, req: SearchRequest) -> tuple[SearchRequest, list[UnknownFilter]]:
        """Filter values as the collection spells them, and those it does not have."""
        unknown: list[UnknownFilter] = []
        for facet in self.facets.values():
            req, missing = facet.resolve(req)
            unknown += missing
        for u in unknown:
            for s in u.suggestions:
                s.url = query_string(BY_NAME[u.parameter].replaced(req, u.value, s.value))
        return req, unknown

    def counts(self, name: str, result: dict, req: SearchRequest) -> list[FacetValue]:
        found: dict[str, int] = {}
        for block in result.get("facet_counts", []):
            if block["field_name"] == FIELDS[name]:
                found.update((c["value"], c["count"]) for c in block["counts"] if c["count"] > 0)
        facet = self.facets[name]
        if isinstance(facet, ValueFacet):
            selected = facet.selected(req)
            for v in selected:
                found.setdefault(v, 0)
            order = sorted(found, key=lambda v: (-found[v], v))
            return [facet.value(req, v, found[v], v in selected) for v in order]
        ranged = req.year_from is not None or req.year_to is not None
        lo, hi = req.year_from or 0, req.year_to or np.iinfo(np.int32).max
        years = sorted(int(v) for v in found if int(v) > 0)
        out = [facet.value(req, str(y), found[str(y)], ranged and lo <= y <= hi) for y in years]
        undated = found.get("0", 0)
        if undated or req.undated:
            out.append(facet.value(req, UNDATED, undated, req.undated))
        return out


def filters(req: SearchRequest) -> dict[str, str]:
    """Each active facet's Typesense filter (values of one facet ORed)."""
    out = {}
    if req.publisher:
        out["publisher"] = f"publisher:=[{','.join(quote(p) for p in req.publisher)}]"
    if req.language:
        out["language"] = f"languages:=[{','.join(quote(c) for c in req.language)}]"
    years = []
    if req.year_from is not None or req.year_to is not None:
        lo = req.year_from if req.year_from is not None else 1
        hi = req.year_to if req.year_to is not None else np.iinfo(np.int32).max
        years.append(f"(year:>={lo} && year:<={hi})")
    if req.undated:
        years.append("year:=0")
    if years:
        out["year"] = "(" + " || ".join(years) + ")"
    return out
