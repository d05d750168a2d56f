"""Facets whose filter is a list of values, ORed: publisher and language.

Values given in a request are matched forgivingly (case and spacing do not matter; a language
can be named): the request is rewritten to the values as the index spells them. A value that
no document has makes the search answer nothing, with the close values the index does have
(rapidfuzz's weighted ratio, which also finds "Anadolu" in "Anadolu Agency").
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import numpy as np
from rapidfuzz import fuzz, process, utils

from indexer.params import added_value_links
from indexer.results import FacetValue, SearchRequest, UnknownFilter, ValueSuggestion
from indexer.search.facets.base import ActiveFilter, Facet
from indexer.search.facets.columns import CodedColumn, coded_column
from indexer.search.facets.languages import find_languages, language_name

MAX_SUGGESTIONS = 5
SUGGESTION_CUTOFF = 70  # rapidfuzz score out of 100


def fold(text: str) -> str:
    """The form in which two spellings of one value compare equal: case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class ValueFacet(Facet):
    def __init__(self, column: CodedColumn):
        self.column = column
        self.codes = {value: code for code, value in enumerate(column.values)}
        self.by_fold: dict[str, list[str]] = {}
        for value in column.values:
            self.by_fold.setdefault(fold(value), []).append(value)

    # -- request side --------------------------------------------------------------------

    @classmethod
    def selected(cls, req: SearchRequest) -> tuple[str, ...]:
        return getattr(req, cls.name)

    @classmethod
    def toggled(cls, req: SearchRequest, value: str) -> SearchRequest:
        current = cls.selected(req)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(req, **{cls.name: new}, page=1)

    @classmethod
    def replaced(cls, req: SearchRequest, old: str, new: str) -> SearchRequest:
        values = [new if v == old else v for v in cls.selected(req)]
        return replace(req, **{cls.name: tuple(dict.fromkeys(values))}, page=1)

    @classmethod
    def active(cls, req: SearchRequest) -> list[ActiveFilter]:
        return [
            ActiveFilter(f"{cls.title}: {cls.label(v)}", cls.toggled(req, v))
            for v in cls.selected(req)
        ]

    # -- index side ----------------------------------------------------------------------

    def lookup(self, given: str) -> list[str]:
        """The index's values that `given` means."""
        return self.by_fold.get(fold(given), [])

    def choices(self) -> dict[str, str]:
        """Texts to find close values in, each with the value it stands for."""
        return {value: value for value in self.column.values}

    def resolve(self, req: SearchRequest) -> tuple[SearchRequest, list[UnknownFilter]]:
        values: list[str] = []
        unknown: list[UnknownFilter] = []
        for given in self.selected(req):
            found = self.lookup(given)
            if not found:
                unknown.append(UnknownFilter(self.name, given, self.suggestions(given)))
            values += found or [given]  # an unknown value stays selected, so it can be removed
        return replace(req, **{self.name: tuple(dict.fromkeys(values))}), unknown

    def suggestions(self, given: str) -> list[ValueSuggestion]:
        choices = self.choices()
        close = process.extract(
            given,
            list(choices),
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            score_cutoff=SUGGESTION_CUTOFF,
            limit=MAX_SUGGESTIONS * 2,
        )
        values = dict.fromkeys(choices[text] for text, _, _ in close)
        return [ValueSuggestion(v, self.label(v)) for v in list(values)[:MAX_SUGGESTIONS]]

    def mask(self, docs: np.ndarray, req: SearchRequest) -> np.ndarray | None:
        selected = self.selected(req)
        if not selected:
            return None
        if any(v not in self.codes for v in selected):
            return np.zeros(len(docs), dtype=bool)  # an unknown value: nothing matches
        return self.column.has_any(docs, [self.codes[v] for v in selected])

    def count(self, docs: np.ndarray, req: SearchRequest) -> list[FacetValue]:
        """Most frequent first; a selected value stays listed even when its count drops to 0."""
        counts = self.column.counts(docs)
        selected = self.selected(req)
        values = self.column.values
        found = {values[c]: int(counts[c]) for c in np.flatnonzero(counts).tolist()}
        for v in selected:
            found.setdefault(v, int(counts[self.codes[v]]) if v in self.codes else 0)
        order = sorted(found, key=lambda v: (-found[v], v))
        added = added_value_links(req, self.name)

        def link(v: str) -> str:
            return self.toggle_url(req, v) if v in selected else added(v)

        return [FacetValue(v, found[v], v in selected, link(v), self.label(v)) for v in order]


class PublisherFacet(ValueFacet):
    name = "publisher"
    title = "Publisher"

    @classmethod
    def from_reader(cls, reader, n: int) -> PublisherFacet:
        return cls(coded_column(reader, "publisher", _one_value))


class LanguageFacet(ValueFacet):
    """Language codes as the index stores them; labels and lookups use the language's name."""

    name = "language"
    title = "Language"

    @classmethod
    def from_reader(cls, reader, n: int) -> LanguageFacet:
        return cls(coded_column(reader, "languages", _listed))  # "en,az": main language first

    @classmethod
    def label(cls, value: str) -> str:
        return language_name(value)

    def lookup(self, given: str) -> list[str]:
        return find_languages(given, self.column.values)

    def choices(self) -> dict[str, str]:
        # names only: a two-letter code is "close" to any word that contains it
        return {self.label(v): v for v in self.column.values}


def _one_value(text: str) -> list[str]:
    return [text]


def _listed(text: str) -> list[str]:
    return [v for v in text.split(",") if v]
