"""The OpenAPI 3.1 document of /api, generated from the same limits the code enforces.

Generated rather than kept as a static file so that MAX_PER_PAGE, MAX_PAGE, SORTS and friends
cannot drift apart from what `indexer.params` actually checks. The search parameters are in
openapi_parameters.py, the schemas of the answers in openapi_schemas.py.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from webapp import api_http
from webapp.openapi_parameters import SEARCH_PARAMETERS
from webapp.openapi_schemas import SCHEMAS

API_VERSION = "1.0.0"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema_name: str, description: str, headers: tuple[str, ...] = ()) -> dict:
    media = "application/problem+json" if schema_name == "Problem" else "application/json"
    out = {"description": description, "content": {media: {"schema": _ref(schema_name)}}}
    if headers:
        out["headers"] = {h: {"$ref": f"#/components/headers/{h}"} for h in headers}
    return out


_PROBLEMS = {
    "400": _json("Problem", "An invalid parameter, or a query with nothing searchable in it."),
    "404": _json("Problem", "No such document."),
    "500": _json("Problem", "Unexpected failure; `request_id` matches the server's log."),
    "503": _json("Problem", "No index can be served (not built yet)."),
}
_NOT_MODIFIED = {"description": "Not modified: If-None-Match matched the ETag."}
_CACHED = ("ETag", "Cache-Control", "X-Request-Id")


def _get(summary: str, description: str, responses: dict, **extra) -> dict:
    return {"get": {"summary": summary, "description": description, "responses": responses,
                    **extra}}  # fmt: skip


PATHS = {
    "/api": _get(
        "List the endpoints",
        "Every endpoint with a one-line summary, and where the full description is.",
        {"200": _json("Endpoints", "The endpoints.", ("X-Request-Id",))},
        operationId="endpoints",
    ),
    "/api/search": _get(
        "Search the archive",
        "The same search as the web page: matches, snippets, facet counts with toggle links, "
        "and a spelling suggestion when little is found. Unknown parameters are ignored; an "
        "empty value counts as not given.",
        {
            "200": _json("SearchResult", "One page of results.", _CACHED),
            "304": _NOT_MODIFIED,
            "400": _PROBLEMS["400"],
            "500": _PROBLEMS["500"],
        },
        operationId="search",
        parameters=SEARCH_PARAMETERS,
    ),
    "/api/search.csv": _get(
        "Export every match as CSV",
        "Every match of the search (not one page), in its order, up to 10,000 documents: "
        "columns id, title, publisher, published, languages (; between codes), url, score, "
        "page_url. Streamed, UTF-8 with a byte-order mark, as an attachment. `page` and "
        "`per_page` are ignored. `X-Total-Count` gives every match; `X-Export-Limit` the cap.",
        {
            "200": {
                "description": "CSV file.",
                "content": {"text/csv": {}},
            },
            "400": _PROBLEMS["400"],
            "500": _PROBLEMS["500"],
        },
        operationId="exportCsv",
        parameters=SEARCH_PARAMETERS,
    ),
    "/api/search.json": _get(
        "Export every match as JSON",
        "As the CSV export, as one JSON object: `total`, `hits` (search hits without "
        "snippets, with `page_url`), `exported`, and `truncated` when the limit left matches out.",
        {
            "200": _json("Export", "Every match, up to the limit."),
            "400": _PROBLEMS["400"],
            "500": _PROBLEMS["500"],
        },
        operationId="exportJson",
        parameters=SEARCH_PARAMETERS,
    ),
    "/api/documents/{doc_id}": _get(
        "One document",
        "Metadata, provenance (the evidence for them) and the clean text of one document.",
        {
            "200": _json("Document", "The document.", _CACHED),
            "304": _NOT_MODIFIED,
            "404": _PROBLEMS["404"],
            "500": _PROBLEMS["500"],
        },
        operationId="getDocument",
        parameters=[
            {
                "name": "doc_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
                "description": "A document id, as in a search hit's `id`.",
            }  # fmt: skip
        ],
    ),
    "/api/health": _get(
        "Service health",
        "For load balancers and monitoring: 200 while searches can be answered. Never cached.",
        {
            "200": _json("Health", "Ready.", ("X-Request-Id",)),
            "503": _PROBLEMS["503"],
            "500": _PROBLEMS["500"],
        },
        operationId="health",
    ),
    "/api/openapi.json": _get(
        "This document",
        "The OpenAPI 3.1 description of the API.",
        {
            "200": {"description": "OpenAPI document.", "content": {"application/json": {}}},
            "304": _NOT_MODIFIED,
        },
        operationId="openapi",
    ),
    "/api/docs": _get(
        "Reference page",
        "This document as a readable, interactive HTML page (the only HTML under /api).",
        {"200": {"description": "HTML page.", "content": {"text/html": {}}}, "304": _NOT_MODIFIED},
        operationId="docs",
    ),
}

HEADERS = {
    "ETag": {
        "description": "Weak tag; changes when the index is rebuilt.",
        "schema": {"type": "string"},
    },  # fmt: skip
    "Cache-Control": {
        "description": f"`public, max-age={api_http.SEARCH_MAX_AGE}` for searches.",
        "schema": {"type": "string"},
    },
    "X-Request-Id": {
        "description": "Identifies the request in the server's log.",
        "schema": {"type": "string"},
    },  # fmt: skip
}

PROBLEM_TYPES = {
    "invalid-parameter": "400: a query parameter is invalid; `parameter` names it.",
    "invalid-query": "400: the query has nothing searchable in it; `parameter` is `q`.",
    "not-found": "404: no such document, or no such path under /api.",
    "method-not-allowed": "405: only GET, HEAD and OPTIONS; the Allow header lists them.",
    "unavailable": "503: no index can be served yet; retry after the Retry-After seconds.",
    "internal-error": "500: an unexpected failure, logged with the `request_id`.",
}


@cache
def document() -> dict:
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "khojaly-search API",
            "version": API_VERSION,
            "summary": "Full-text search over an archive about the Khojaly massacre (1992) "
            "and the Karabakh conflict.",
            "description": "Read-only; GET from any origin (CORS). Errors are RFC 9457 problem "
            "details (`application/problem+json`). Every response carries `X-Request-Id`. "
            "Problem types: " + "; ".join(f"`{k}`: {v}" for k, v in PROBLEM_TYPES.items()),
        },
        "paths": PATHS,
        "components": {"schemas": SCHEMAS, "headers": HEADERS},
    }


@cache
def document_json() -> str:
    return json.dumps(document(), ensure_ascii=False, indent=2)


@cache
def document_etag() -> str:
    return hashlib.sha256(document_json().encode()).hexdigest()[:32]


def endpoints() -> list[dict]:
    """Method, path, summary and description of every operation, in the document's order."""
    return [
        {"method": method.upper(), "path": path, "summary": op["summary"],
         "description": op["description"]}
        for path, item in PATHS.items()
        for method, op in item.items()
    ]  # fmt: skip


def reference() -> dict:
    """What the HTML reference page renders itself; the viewer draws the rest from the JSON."""
    return {"info": document()["info"], "endpoints": endpoints(), "problem_types": PROBLEM_TYPES}
