"""The year facet: a range of years (`year_from`, `year_to`) and an "Undated" bucket.

Documents whose source gives no date are counted in the bucket `undated` and selected with
`undated=true`; with a year range as well, a document passes if it is in the range or undated
(values of one facet are ORed). Years are listed oldest first, the bucket last.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from indexer.params import year_links
from indexer.results import FacetValue, SearchRequest
from indexer.search.facets.base import ActiveFilter, Facet
from indexer.search.facets.columns import column_array

UNDATED = "undated"
# Years below this are counted with an array indexed by year rather than by sorting them.
BINCOUNT_YEARS = 100_000


def range_label(req: SearchRequest) -> str:
    lo, hi = req.year_from, req.year_to
    if lo is not None and lo == hi:
        return str(lo)
    if hi is None:
        return f"{lo} and later"
    if lo is None:
        return f"up to {hi}"
    return f"{lo}–{hi}"


def _ranged(req: SearchRequest) -> bool:
    return req.year_from is not None or req.year_to is not None


class YearFacet(Facet):
    name = "year"
    title = "Year"

    def __init__(self, years: np.ndarray):
        self.years = years  # int32 per document number, 0 when undated

    @classmethod
    def from_reader(cls, reader, n: int) -> YearFacet:
        return cls(column_array(reader, "year", np.int32))

    # -- request side --------------------------------------------------------------------

    @classmethod
    def toggled(cls, req: SearchRequest, value: str) -> SearchRequest:
        if value.casefold() == UNDATED:
            return replace(req, undated=not req.undated, page=1)
        year = int(value)
        if req.year_from == year and req.year_to == year:
            return replace(req, year_from=None, year_to=None, page=1)
        return replace(req, year_from=year, year_to=year, page=1)

    @classmethod
    def active(cls, req: SearchRequest) -> list[ActiveFilter]:
        out = []
        if _ranged(req):
            without = replace(req, year_from=None, year_to=None, page=1)
            out.append(ActiveFilter(f"Years: {range_label(req)}", without))
        if req.undated:
            out.append(ActiveFilter(cls.label(UNDATED), replace(req, undated=False, page=1)))
        return out

    @classmethod
    def label(cls, value: str) -> str:
        return "Undated" if value == UNDATED else value

    # -- index side ----------------------------------------------------------------------

    def mask(self, docs: np.ndarray, req: SearchRequest) -> np.ndarray | None:
        if not _ranged(req) and not req.undated:
            return None
        years = self.years[docs]
        out = np.zeros(len(docs), dtype=bool)
        if _ranged(req):
            lo = req.year_from if req.year_from is not None else 1
            hi = req.year_to if req.year_to is not None else np.iinfo(np.int32).max
            out |= (years >= lo) & (years <= hi)
        if req.undated:
            out |= years == 0
        return out

    def count(self, docs: np.ndarray, req: SearchRequest) -> list[FacetValue]:
        years = self.years[docs]
        dated = years[years > 0]
        if len(dated) and dated.max() < BINCOUNT_YEARS:  # counted in place: no sorting
            counts = np.bincount(dated)
            found = np.flatnonzero(counts)
            counts = counts[found]
        else:
            found, counts = np.unique(dated, return_counts=True)
        lo, hi = req.year_from or 0, req.year_to or np.iinfo(np.int32).max
        # each year's link is what toggled() gives: its one-year range, or none where that
        # range is the one selected
        without, one_year = year_links(req)
        single = req.year_from if req.year_from == req.year_to else None
        out = [
            FacetValue(
                str(year),
                count,
                _ranged(req) and lo <= year <= hi,
                without if year == single else one_year(year),
                self.label(str(year)),
            )
            for year, count in zip(found.tolist(), counts.tolist(), strict=True)
        ]
        undated = len(years) - len(dated)
        if undated or req.undated:
            out.append(self.value(req, UNDATED, undated, req.undated))
        return out
