"""Search requests as URL query strings, and facet toggles (Datasette style).

The same parameter names serve the browser UI, the JSON API and the CLI's --json output:
q, publisher (repeatable), language (repeatable), year_from, year_to, sort, page, per_page,
collapse.
A facet value's `toggle_url` is a relative query string ("?q=…&publisher=…"): it resolves against
the page or endpoint it came from, so the UI and the API share it.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from indexer.results import SearchRequest

DEFAULT_PER_PAGE = 10


def to_params(req: SearchRequest, *, page: bool = True) -> list[tuple[str, str]]:
    """The query-string pairs that reproduce `req` (defaults left out)."""
    pairs: list[tuple[str, str]] = []
    if req.q:
        pairs.append(("q", req.q))
    pairs += [("publisher", p) for p in req.publisher]
    pairs += [("language", lang) for lang in req.language]
    if req.year_from is not None:
        pairs.append(("year_from", str(req.year_from)))
    if req.year_to is not None:
        pairs.append(("year_to", str(req.year_to)))
    if req.sort != "relevance":
        pairs.append(("sort", req.sort))
    if page and req.page != 1:
        pairs.append(("page", str(req.page)))
    if req.per_page != DEFAULT_PER_PAGE:
        pairs.append(("per_page", str(req.per_page)))
    if not req.collapse:
        pairs.append(("collapse", "false"))
    return pairs


def query_string(req: SearchRequest) -> str:
    return "?" + urlencode(to_params(req))


def toggled(req: SearchRequest, facet: str, value: str) -> SearchRequest:
    """`req` with `value` of `facet` switched on or off, back on page 1."""
    if facet in ("publisher", "language"):
        current = getattr(req, facet)
        new = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(req, **{facet: new}, page=1)
    if facet == "year":
        year = int(value)
        if req.year_from == year and req.year_to == year:
            return replace(req, year_from=None, year_to=None, page=1)
        return replace(req, year_from=year, year_to=year, page=1)
    raise ValueError(f"unknown facet {facet!r}")


def toggle_url(req: SearchRequest, facet: str, value: str) -> str:
    return query_string(toggled(req, facet, value))
