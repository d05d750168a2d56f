"""Answering a query: parsing, matching and scoring, facets, snippets, suggestions."""
