"""Checks an API response against the OpenAPI document: documented status, media type, schema.

`ContractClient` is a Flask test client that applies the check to every /api response it gets,
so each test that talks to the API also tests the contract.
"""

from __future__ import annotations

import json
import re

from flask.testing import FlaskClient
from jsonschema import Draft202012Validator

from webapp.openapi import document

PROBLEM = "application/problem+json"


def _operation(path: str, method: str) -> tuple[str, dict | None] | None:
    """(template, operation or None when the method is not offered) for `path`; None if unknown."""
    for template, item in document()["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return template, item.get(method.lower())
    return None


def _schema_validator(schema: dict) -> Draft202012Validator:
    # The component refs ("#/components/schemas/…") resolve against the root we give them.
    return Draft202012Validator({**schema, "components": document()["components"]})


def check_response(method: str, path: str, status: int, content_type: str, body: bytes) -> None:
    """AssertionError unless the response is what the OpenAPI document promises."""
    media = content_type.split(";")[0].strip()
    found = _operation(path, method)
    if found is None or found[1] is None or method.upper() == "OPTIONS":
        if method.upper() == "OPTIONS" and status in (200, 204):
            return
        expected = 404 if found is None else 405
        assert status == expected, f"{method} {path}: {status}, expected {expected}"
        schema = {"$ref": "#/components/schemas/Problem"}
    else:
        template, operation = found
        responses = operation["responses"]
        assert str(status) in responses, f"{method} {template}: undocumented status {status}"
        content = responses[str(status)].get("content")
        if not content:
            assert not body, f"{method} {template} {status}: expected an empty body"
            return
        assert media in content, f"{method} {template} {status}: {media} not in {list(content)}"
        schema = content[media].get("schema")
        if schema is None or method.upper() == "HEAD":
            return
    if status >= 400:
        assert media == PROBLEM, f"{method} {path} {status}: errors must be {PROBLEM}, not {media}"
    errors = list(_schema_validator(schema).iter_errors(json.loads(body)))
    assert not errors, f"{method} {path} {status}: " + "; ".join(e.message for e in errors[:5])


class ContractClient(FlaskClient):
    """A test client that checks every /api response against the contract, and its request id."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = response.request
        if request.path.startswith("/api"):
            assert response.headers.get("X-Request-Id"), f"{request.path}: no X-Request-Id"
            check_response(
                request.method,
                request.path,
                response.status_code,
                response.content_type or "",
                response.get_data(),
            )
        return response
