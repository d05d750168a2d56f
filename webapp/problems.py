"""Errors under /api as RFC 9457 problem details (`application/problem+json`), never HTML.

Routing failures (unknown path, wrong method) happen before any blueprint is chosen, so they
are caught in a before-request hook for /api paths; failures inside API views go through the
blueprint's error handlers. An unexpected exception is logged with the request id and answered
with a 500 problem that carries the same id, so a report can be matched to the log.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.routing import RequestRedirect

from webapp.request_id import request_id

MEDIA_TYPE = "application/problem+json"
API_PREFIX = "/api"
# Problem types are documented on the API's reference page, one anchor each.
DOCS = "/api/docs#problem-"
INVALID_PARAMETER = DOCS + "invalid-parameter"
INVALID_QUERY = DOCS + "invalid-query"
NOT_FOUND = DOCS + "not-found"
METHOD_NOT_ALLOWED = DOCS + "method-not-allowed"
UNAVAILABLE = DOCS + "unavailable"
INTERNAL = DOCS + "internal-error"


def problem(
    status: int,
    type_: str,
    title: str,
    detail: str,
    *,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """A problem+json response; `parameter` names the offending query parameter, if one."""
    body: dict = {
        "type": type_,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        "request_id": request_id(),
    }
    if parameter is not None:
        body["parameter"] = parameter
        body["invalid_params"] = [{"name": parameter, "reason": detail}]
    response = Response(
        json.dumps(body, ensure_ascii=False), status=status, mimetype=MEDIA_TYPE, headers=headers
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def invalid_parameter(parameter: str, detail: str) -> Response:
    return problem(400, INVALID_PARAMETER, "Invalid parameter", detail, parameter=parameter)


def from_http_exception(exc: HTTPException) -> Response:
    """The problem form of a werkzeug HTTP error (404, 405, …), keeping its headers (Allow)."""
    status = exc.code or 500
    headers = {}
    if isinstance(exc, MethodNotAllowed):
        allowed = sorted(set(exc.valid_methods or ()) | {"OPTIONS", "HEAD"})
        headers["Allow"] = ", ".join(allowed)
        detail = f"{request.method} is not allowed here; use one of {headers['Allow']}"
        return problem(status, METHOD_NOT_ALLOWED, "Method not allowed", detail, headers=headers)
    if status == 404:
        detail = f"{request.path} is not part of this API; see /api/openapi.json"
        return problem(status, NOT_FOUND, "Not found", detail)
    return problem(status, "about:blank", exc.name, exc.description or exc.name)


def internal_error(exc: BaseException) -> Response:
    current_app.logger.exception(
        "unexpected failure in %s %s [request_id=%s]", request.method, request.path, request_id()
    )
    detail = f"The request failed unexpectedly; quote request id {request_id()} when reporting it"
    return problem(500, INTERNAL, "Internal error", detail)


def register(bp: Blueprint) -> None:
    """Make every error of the /api blueprint (and of paths under /api) a problem response."""

    @bp.before_app_request
    def _routing_errors():
        path = request.path
        exc = request.routing_exception
        if exc is not None and (path == API_PREFIX or path.startswith(API_PREFIX + "/")):
            if isinstance(exc, RequestRedirect):
                # e.g. /api//search: still a redirect, but without werkzeug's HTML body
                return Response(status=exc.code, headers={"Location": exc.new_url})
            if isinstance(exc, HTTPException):
                return from_http_exception(exc)
            return internal_error(exc)
        return None

    def _http_error(exc: HTTPException):
        if (exc.code or 500) < 400:
            return exc
        return from_http_exception(exc)

    # Flask prefers an app-wide handler for a status code over a blueprint's handler for a
    # class, so the codes an API view can raise are registered by code as well.
    for code in (400, 404, 405):
        bp.register_error_handler(code, _http_error)
    bp.register_error_handler(HTTPException, _http_error)

    @bp.errorhandler(Exception)
    def _unexpected(exc: Exception):
        return internal_error(exc)
