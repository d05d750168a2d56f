"""Facet columns as numpy arrays indexed by document number, read once per index segment.

A `CodedColumn` holds any number of values per document (a document can be in several
languages) with no limit on how many distinct values there are: each distinct value gets a
code, and the codes of document d are `codes[starts[d]:starts[d + 1]]`. Filtering and counting
gather the codes of the matching documents only, so their cost follows the result size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np


def column_array(index, field: str, dtype) -> np.ndarray:
    """The stored column of `field` as an array by document number (0 where missing), read
    through the index door (`indexer.search.postings.IndexReader`) once per segment: a version
    that keeps the segments of the one before reads only its new ones."""
    parts = index.per_segment(("array", field, np.dtype(dtype).str), _segment_array)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def coded_column(index, field: str, split: Callable[[str], Iterable[str]]) -> CodedColumn:
    """The stored column of `field` as a `CodedColumn`, each document's text split into its
    values by `split` (a function of the module level: it names what is kept per segment)."""
    return CodedColumn.concat(index.per_segment(("coded", field, split), _segment_coded))


def _segment_array(segment, field: str, dtype: str) -> np.ndarray:
    return np.fromiter((v or 0 for v in segment.column(field, 0)), dtype, segment.doc_count)


def _segment_coded(segment, field: str, split) -> CodedColumn:
    return CodedColumn.from_lists(split(v or "") for v in segment.column(field, ""))


@dataclass
class CodedColumn:
    values: list[str]  # code → value
    starts: np.ndarray  # int64, one more than there are documents
    codes: np.ndarray  # int32
    single: np.ndarray | None  # the code per document when every document has exactly one

    @classmethod
    def from_lists(cls, per_doc: Iterable[Iterable[str]]) -> CodedColumn:
        # a document's values once each; most documents have one value, which needs no check
        lists = [v if len(v) < 2 else list(dict.fromkeys(v)) for v in map(list, per_doc)]
        index: dict[str, int] = {}
        codes = [index.setdefault(v, len(index)) for values in lists for v in values]
        sizes = np.fromiter(map(len, lists), np.int64, len(lists))
        starts_arr = np.zeros(len(lists) + 1, dtype=np.int64)
        np.cumsum(sizes, out=starts_arr[1:])
        codes_arr = np.asarray(codes, dtype=np.int32)
        single = codes_arr if np.all(sizes == 1) else None
        return cls(list(index), starts_arr, codes_arr, single)

    @classmethod
    def concat(cls, parts: list[CodedColumn]) -> CodedColumn:
        """The columns of consecutive document ranges (segments) as one; codes are numbered
        in order of first use, as `from_lists` numbers them."""
        index: dict[str, int] = {}
        starts, codes, offset = [np.zeros(1, dtype=np.int64)], [], 0
        for part in parts:
            recode = np.fromiter(
                (index.setdefault(v, len(index)) for v in part.values), np.int32, len(part.values)
            )
            codes.append(recode[part.codes])
            starts.append(part.starts[1:] + offset)
            offset += len(part.codes)
        starts_arr = np.concatenate(starts)
        codes_arr = np.concatenate(codes) if codes else np.zeros(0, dtype=np.int32)
        single = codes_arr if all(p.single is not None for p in parts) else None
        return cls(list(index), starts_arr, codes_arr, single)

    def _gather(self, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The codes of `docs`, one after another, and where each document's run ends."""
        first = self.starts[docs]
        lengths = self.starts[docs + 1] - first
        ends = np.cumsum(lengths)
        runs = np.repeat(first - (ends - lengths), lengths)
        return self.codes[np.arange(int(ends[-1]) if len(ends) else 0) + runs], ends

    def counts(self, docs: np.ndarray) -> np.ndarray:
        """How many of `docs` have each code."""
        codes = self.single[docs] if self.single is not None else self._gather(docs)[0]
        return np.bincount(codes, minlength=len(self.values))

    def has_any(self, docs: np.ndarray, wanted: list[int]) -> np.ndarray:
        """Which of `docs` have at least one of the `wanted` codes."""
        if self.single is not None:
            return np.isin(self.single[docs], wanted)
        codes, ends = self._gather(docs)
        found = np.concatenate(([0], np.cumsum(np.isin(codes, wanted))))
        lengths = np.diff(np.concatenate(([0], ends)))
        return found[ends] - found[ends - lengths] > 0
