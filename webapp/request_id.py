"""A request id on every response (`X-Request-Id`), and in every log line about a failure.

An id sent by a proxy or client is kept when it looks like an id, so a request can be followed
through a load balancer; anything else is replaced by a fresh random one.
"""

from __future__ import annotations

import re
import uuid

from flask import Blueprint, g, request

HEADER = "X-Request-Id"
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:-]{8,128}")


def request_id() -> str:
    """This request's id, chosen on first use."""
    rid = g.get("request_id")
    if rid is None:
        sent = request.headers.get(HEADER, "")
        rid = sent if _ACCEPTABLE.fullmatch(sent) else uuid.uuid4().hex
        g.request_id = rid
    return rid


def register(bp: Blueprint) -> None:
    """Tag every response of the app, not only the API's: the UI's pages are worth tracing too."""

    @bp.after_app_request
    def _tag(response):
        response.headers[HEADER] = request_id()
        return response
