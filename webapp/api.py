"""The JSON API under /api: search, documents, health, and its own OpenAPI description.

The search answer is `SearchResult.to_dict()`, the same structure `indexer search --json`
prints. Errors are problem+json (webapp.problems); caching and CORS follow webapp.api_http.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from flask import Blueprint, Response, current_app, render_template, request, url_for

from indexer.params import ParamError, parse_params, query_string
from indexer.results import QueryError
from webapp import api_http, engine, openapi, problems, request_id
from webapp import export as export_

bp = Blueprint("api", __name__)
problems.register(bp)
request_id.register(bp)
api_http.register_cors(bp, problems.API_PREFIX)


def _json(body: dict, status: int = 200) -> Response:
    # ensure_ascii=False: titles in Azerbaijani and Russian stay readable on the wire
    return Response(
        json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json"
    )


@bp.get("")
def index():
    """Where to start: every endpoint, and where the full description is."""
    body = {
        "endpoints": openapi.endpoints(),
        "openapi": url_for("api.openapi_json"),
        "docs": url_for("api.docs"),
    }
    return _json(body)


@bp.get("/search")
def search():
    try:
        req = parse_params(request.args.items(multi=True))
    except ParamError as exc:
        return problems.invalid_parameter(exc.param, exc.detail)
    search_engine = engine()
    etag = api_http.index_etag(search_engine.stats(), "search", query_string(req))
    cached = api_http.not_modified(etag, api_http.SEARCH_MAX_AGE)
    if cached is not None:
        return cached
    try:
        result = search_engine.search(req)
    except QueryError as exc:
        return problems.problem(
            400, problems.INVALID_QUERY, "Query cannot be searched", str(exc), parameter="q"
        )
    return api_http.cacheable(_json(result.to_dict()), etag, api_http.SEARCH_MAX_AGE)


@bp.get("/search.csv")
@bp.get("/search.json")
def export():
    """Every match of the search (up to the export limit) as a streamed download."""
    try:
        req = parse_params(request.args.items(multi=True))
    except ParamError as exc:
        return problems.invalid_parameter(exc.param, exc.detail)
    search_engine = engine()
    limit = current_app.config["EXPORT_LIMIT"]
    try:
        first = export_.first_page(search_engine, req)
    except QueryError as exc:
        return problems.problem(
            400, problems.INVALID_QUERY, "Query cannot be searched", str(exc), parameter="q"
        )
    rows = export_.hits(search_engine, req, first, limit)
    doc_base = request.host_url.rstrip("/") + "/doc/"

    def page_url(doc_id: str) -> str:
        return doc_base + quote(doc_id, safe="")

    if request.path.endswith(".csv"):
        body, mimetype, ext = export_.csv_lines(rows, page_url), "text/csv", "csv"
    else:
        body = export_.json_chunks(first, rows, limit, page_url)
        mimetype, ext = "application/json", "json"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{export_.filename(req, ext)}"'
    response.headers["X-Total-Count"] = str(first.total)
    response.headers["X-Export-Limit"] = str(limit)
    return response


@bp.get("/documents/<path:doc_id>")
def document(doc_id: str):
    search_engine = engine()
    etag = api_http.index_etag(search_engine.stats(), "document", doc_id)
    cached = api_http.not_modified(etag, api_http.DOCUMENT_MAX_AGE)
    if cached is not None:
        return cached
    record = search_engine.document(doc_id)
    if record is None:
        detail = f"There is no document with id {doc_id!r}"
        return problems.problem(404, problems.NOT_FOUND, "Document not found", detail)
    return api_http.cacheable(_json(record.to_dict()), etag, api_http.DOCUMENT_MAX_AGE)


@bp.get("/health")
def health():
    """For load balancers: 200 while an index can be served, 503 otherwise. Never cached."""
    try:
        stats = engine().stats()
    except Exception:  # an unreadable index is exactly what a health check must report
        current_app.logger.exception("health check failed [request_id=%s]", request_id.request_id())
        stats = None
    if stats is None or stats.version is None:
        detail = "No search index can be served; build one with `python -m indexer build`"
        response = problems.problem(503, problems.UNAVAILABLE, "Search unavailable", detail)
        response.headers["Retry-After"] = "30"
        return response
    body = {
        "status": "ok",
        "document_count": stats.document_count,
        "built_at": stats.built_at,
        "index_version": stats.version,
    }
    if stats.cluster is not None:
        body["cluster"] = stats.cluster
    response = _json(body)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/openapi.json")
def openapi_json():
    text = openapi.document_json()
    etag = openapi.document_etag()
    cached = api_http.not_modified(etag, api_http.SPEC_MAX_AGE)
    if cached is not None:
        return cached
    response = Response(text, mimetype="application/json")
    return api_http.cacheable(response, etag, api_http.SPEC_MAX_AGE)


@bp.get("/docs")
def docs():
    """The API reference: Swagger UI (shipped in static/vendor, no CDN) draws the OpenAPI
    document; the endpoint list and the problem types are in the HTML for readers without it."""
    etag = openapi.document_etag() + "-html"  # another representation, another tag
    cached = api_http.not_modified(etag, api_http.SPEC_MAX_AGE)
    if cached is not None:
        return cached
    html = render_template("api/docs.html", **openapi.reference())
    response = Response(html, mimetype="text/html")
    return api_http.cacheable(response, etag, api_http.SPEC_MAX_AGE)
