"""What every facet is: a column, a filter, counts and toggle links (after Datasette's facets).

A facet class reads its column once per index version (`from_reader`); a search then asks it
which matching documents pass its filter (`mask`) and how many have each value (`count`). Its
request side needs no index (classmethods): switching a value on or off (`toggled`) and
describing its active filters for removable chips (`active`). The UI, the API and the CLI all
get facet values from here, so they show the same data.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from indexer.params import query_string
from indexer.results import FacetValue, SearchRequest, UnknownFilter


@dataclass(frozen=True)
class ActiveFilter:
    """One filter in force, as a removable chip shows it."""

    label: str  # "Publisher: Reuters"
    without: SearchRequest  # the same search without this filter, back on page 1


class Facet(ABC):
    name: ClassVar[str]  # as in the JSON `facets` object
    title: ClassVar[str]  # as in the sidebar

    # -- request side --------------------------------------------------------------------

    @classmethod
    @abstractmethod
    def toggled(cls, req: SearchRequest, value: str) -> SearchRequest:
        """`req` with `value` switched on or off, back on page 1."""

    @classmethod
    def toggle_url(cls, req: SearchRequest, value: str) -> str:
        return query_string(cls.toggled(req, value))

    @classmethod
    @abstractmethod
    def active(cls, req: SearchRequest) -> list[ActiveFilter]:
        """The filters of this facet that `req` uses."""

    @classmethod
    def label(cls, value: str) -> str:
        return value

    # -- index side ----------------------------------------------------------------------

    def resolve(self, req: SearchRequest) -> tuple[SearchRequest, list[UnknownFilter]]:
        """`req` with this facet's values as the index spells them, and the values it lacks."""
        return req, []

    @abstractmethod
    def mask(self, docs: np.ndarray, req: SearchRequest) -> np.ndarray | None:
        """Which of `docs` pass this facet's filter; None when `req` does not filter on it."""

    @abstractmethod
    def count(self, docs: np.ndarray, req: SearchRequest) -> list[FacetValue]:
        """The facet's values over `docs` with their counts, selection and toggle links."""

    def value(self, req: SearchRequest, value: str, count: int, selected: bool) -> FacetValue:
        return FacetValue(value, count, selected, self.toggle_url(req, value), self.label(value))
