"""HTTP conventions of the API: caching with ETags, and CORS for GET from any origin.

ETags are weak (`W/"…"`): two answers to one request under one index differ only in `took_ms`.
They are derived from the index version and the canonical request, so they change exactly when
a rebuilt index could change the answer, and a revalidation (If-None-Match) is answered with 304
before any searching is done.
"""

from __future__ import annotations

import hashlib

from flask import Blueprint, Response, request

from indexer.results import IndexStats

SEARCH_MAX_AGE = 60  # short: a rebuild should show within a minute even without revalidation
DOCUMENT_MAX_AGE = 300
SPEC_MAX_AGE = 3600
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, If-None-Match, X-Request-Id"
EXPOSED_HEADERS = "ETag, X-Request-Id, Allow"


def index_etag(stats: IndexStats, *parts: str) -> str:
    """The entity tag of a response computed from the index at `stats` and the request `parts`."""
    version = stats.version or f"{stats.built_at}:{stats.document_count}"
    digest = hashlib.sha256("\x1f".join((version, *parts)).encode()).hexdigest()
    return digest[:32]


def not_modified(etag: str, max_age: int) -> Response | None:
    """A 304 when the client already holds `etag`, else None."""
    if request.if_none_match.contains_weak(etag):
        response = Response(status=304)
        return cacheable(response, etag, max_age)
    return None


def cacheable(response: Response, etag: str, max_age: int) -> Response:
    response.set_etag(etag, weak=True)
    response.headers["Cache-Control"] = f"public, max-age={max_age}"
    return response


def register_cors(bp: Blueprint, prefix: str) -> None:
    """Every response under `prefix` (errors and preflights included) may be read cross-origin.

    Registered app-wide because routing errors and automatic OPTIONS answers never reach the
    blueprint's own hooks.
    """

    @bp.after_app_request
    def _cors(response: Response) -> Response:
        if request.path != prefix and not request.path.startswith(prefix + "/"):
            return response
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response.headers["Access-Control-Max-Age"] = "86400"
        return response
