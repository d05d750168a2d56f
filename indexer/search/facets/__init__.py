"""Facets: publisher, language and year, each an object with its column, filter, counts and
toggle links (see `base.Facet`), and the set of them over one index version.

Counts are disjunctive: a facet's counts apply every filter except its own, so a second value
of the same facet can be added (several values of one facet are ORed, facets are ANDed).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.params import query_string
from indexer.results import FacetValue, SearchRequest, UnknownFilter
from indexer.search.facets.base import ActiveFilter, Facet
from indexer.search.facets.columns import column_array
from indexer.search.facets.values import LanguageFacet, PublisherFacet
from indexer.search.facets.year import UNDATED, YearFacet

FACETS: tuple[type[Facet], ...] = (PublisherFacet, LanguageFacet, YearFacet)
BY_NAME = {facet.name: facet for facet in FACETS}

__all__ = ["FACETS", "UNDATED", "ActiveFilter", "FacetSet", "Faceted", "active_filters", "facet"]


def facet(name: str) -> type[Facet]:
    return BY_NAME[name]


def active_filters(req: SearchRequest) -> list[ActiveFilter]:
    """Every filter in force, facet by facet."""
    return [active for f in FACETS for active in f.active(req)]


@dataclass
class Faceted:
    keep: np.ndarray  # which of the documents pass every filter
    counts: dict[str, list[FacetValue]]
    request: SearchRequest  # filter values as the index spells them
    unknown: list[UnknownFilter]


class FacetSet:
    """The facets of one index version, with the columns every search needs beside them."""

    def __init__(self, facets: list[Facet], live: np.ndarray, date_key: np.ndarray):
        self.facets = facets
        self.live = live  # bool per document number: False for deleted documents
        self.date_key = date_key  # int64 YYYYMMDD per document number, 0 when unknown

    @classmethod
    def from_reader(cls, reader) -> FacetSet:
        """The facets of the version `reader` (an `indexer.search.postings.IndexReader`) reads."""
        n = reader.doc_count_all
        facets = [f.from_reader(reader, n) for f in FACETS]
        return cls(facets, reader.live, column_array(reader, "date_key", np.int64))

    def all_docs(self) -> np.ndarray:
        return np.flatnonzero(self.live)

    def apply(self, docs: np.ndarray, req: SearchRequest) -> Faceted:
        """Filter `docs` by `req` and count every facet's values over them."""
        unknown: list[UnknownFilter] = []
        for f in self.facets:
            req, missing = f.resolve(req)
            unknown += missing
        for u in unknown:
            for s in u.suggestions:
                s.url = query_string(BY_NAME[u.parameter].replaced(req, u.value, s.value))
        masks = {f.name: m for f in self.facets if (m := f.mask(docs, req)) is not None}

        def keep(except_facet: str | None) -> np.ndarray:
            out = np.ones(len(docs), dtype=bool)
            for name, mask in masks.items():
                if name != except_facet:
                    out &= mask
            return out

        counts = {f.name: f.count(docs[keep(f.name)], req) for f in self.facets}
        return Faceted(keep(None), counts, req, unknown)
