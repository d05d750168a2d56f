"""Facet arrays, filters and disjunctive counts over a set of matching documents.

Per index version, each facet's column is read once into a numpy array indexed by document
number. A search then needs only the matching document numbers: filtering and counting are
array operations, with no scoring and no stored-field reads.

Counts are disjunctive: a facet's counts apply every filter except its own, so a second value of
the same facet can be added (several values of one facet are ORed, facets are ANDed).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexer.params import toggle_url
from indexer.results import FacetValue, SearchRequest


@dataclass
class FacetArrays:
    publishers: list[str]  # code → name
    publisher: np.ndarray  # int32 code per docnum
    languages: list[str]  # bit → language code
    language_bits: np.ndarray  # int64 bit set per docnum
    year: np.ndarray  # int32 per docnum, 0 when unknown
    date_key: np.ndarray  # int64 YYYYMMDD per docnum, 0 when unknown
    live: np.ndarray  # bool per docnum (False for deleted documents)

    @classmethod
    def from_index(cls, index) -> FacetArrays:
        """The facet columns of one index version (an `indexer.search.postings.IndexReader`)."""
        n = index.doc_count_all
        pub_names, pub_codes = _encode(index.column("publisher", ""))
        lang_names: list[str] = []
        bits = np.zeros(n, dtype=np.int64)
        for docnum, value in enumerate(index.column("languages", "")):
            for code in filter(None, (value or "").split(",")):
                if code not in lang_names:
                    lang_names.append(code)
                bits[docnum] |= 1 << min(lang_names.index(code), 62)
        years = np.fromiter((v or 0 for v in index.column("year", 0)), np.int32, n)
        dates = np.fromiter((v or 0 for v in index.column("date_key", 0)), np.int64, n)
        return cls(pub_names, pub_codes, lang_names, bits, years, dates, index.live)

    def all_docs(self) -> np.ndarray:
        return np.flatnonzero(self.live)

    def masks(self, docs: np.ndarray, req: SearchRequest) -> dict[str, np.ndarray]:
        """Per facet, which of `docs` pass that facet's own filter."""
        out = {}
        if req.publisher:
            wanted = [self.publishers.index(p) for p in req.publisher if p in self.publishers]
            out["publisher"] = np.isin(self.publisher[docs], wanted)
        if req.language:
            wanted_bits = 0
            for code in req.language:
                if code in self.languages:
                    wanted_bits |= 1 << min(self.languages.index(code), 62)
            out["language"] = (self.language_bits[docs] & wanted_bits) != 0
        if req.year_from is not None or req.year_to is not None:
            years = self.year[docs]
            lo = req.year_from if req.year_from is not None else 1
            hi = req.year_to if req.year_to is not None else 9999
            out["year"] = (years >= lo) & (years <= hi)
        return out

    def filter_and_count(
        self, docs: np.ndarray, req: SearchRequest
    ) -> tuple[np.ndarray, dict[str, list[FacetValue]]]:
        """Which of `docs` pass every filter (a mask), and each facet's disjunctive counts."""
        masks = self.masks(docs, req)
        everything = np.ones(len(docs), dtype=bool)

        def keep(except_facet: str | None) -> np.ndarray:
            out = everything
            for facet, mask in masks.items():
                if facet != except_facet:
                    out = out & mask
            return out

        def passing(except_facet: str) -> np.ndarray:
            return docs[keep(except_facet)]

        facets = {
            "publisher": self._count_publishers(passing("publisher"), req),
            "language": self._count_languages(passing("language"), req),
            "year": self._count_years(passing("year"), req),
        }
        return keep(None), facets

    def _count_publishers(self, docs, req) -> list[FacetValue]:
        counts = np.bincount(self.publisher[docs], minlength=len(self.publishers))
        values = {name: int(counts[code]) for code, name in enumerate(self.publishers)}
        return _values(values, set(req.publisher), req, "publisher")

    def _count_languages(self, docs, req) -> list[FacetValue]:
        bits = self.language_bits[docs]
        values = {
            code: int(np.count_nonzero(bits & (1 << min(i, 62))))
            for i, code in enumerate(self.languages)
        }
        return _values(values, set(req.language), req, "language")

    def _count_years(self, docs, req) -> list[FacetValue]:
        years = self.year[docs]
        years = years[years > 0]
        found, counts = np.unique(years, return_counts=True)
        active = req.year_from is not None or req.year_to is not None
        lo, hi = req.year_from or 0, req.year_to or 9999
        out = []
        for year, count in zip(found.tolist(), counts.tolist(), strict=True):
            value = str(year)
            selected = active and lo <= year <= hi
            out.append(FacetValue(value, count, selected, toggle_url(req, "year", value)))
        return out  # oldest first: the UI draws them as a time line


def _values(counts: dict[str, int], selected: set[str], req, facet: str) -> list[FacetValue]:
    """Most frequent first; a selected value stays listed even when its count drops to 0."""
    names = [n for n, c in counts.items() if c > 0 or n in selected]
    names += [n for n in selected if n not in counts]
    names.sort(key=lambda n: (-counts.get(n, 0), n))
    return [
        FacetValue(n, counts.get(n, 0), n in selected, toggle_url(req, facet, n)) for n in names
    ]


def _encode(values: list[str]) -> tuple[list[str], np.ndarray]:
    names: dict[str, int] = {}
    codes = np.fromiter((names.setdefault(v or "", len(names)) for v in values), np.int32)
    return list(names), codes
