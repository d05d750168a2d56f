"""Property-based fuzzing of /api from its own OpenAPI document (schemathesis).

Schemathesis generates valid and invalid requests for every operation and sends them to the
app in-process; each answer must not be a server error and must match the documented status
codes, media types, headers and schemas.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from webapp.openapi import document
from webapp.problems import INVALID_QUERY

# Loaded from the dict rather than through a pytest fixture: schemathesis' fixture-based
# loader relies on pytest internals that pytest 9 removed.
schema = schemathesis.openapi.from_dict(document())


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case, app):
    response = case.call(app=app)
    assert response.status_code < 500, response.text[:500]
    excluded = [positive_data_acceptance] if _refused_beyond_the_schema(case, response) else []
    if _sent_as_valid(case):
        excluded.append(negative_data_rejection)
    case.validate_response(response, excluded_checks=excluded or None)


def _sent_as_valid(case) -> bool:
    """An invalid value that a query string cannot carry: an object goes as nothing
    (`page=`, which the API documents as the default) and a null as the text "null" (a
    publisher may be called so), so the request sent is a valid one and is rightly answered."""
    values = [v for value in (case.query or {}).values() for v in _items(value)]
    return any(v is None or isinstance(v, dict) for v in values)


def _items(value) -> list:
    return value if isinstance(value, list) else [value]


def _refused_beyond_the_schema(case, response) -> bool:
    """A 400 for a reason OpenAPI cannot express, so schema-valid requests may get it.

    - the query language: a `q` with nothing searchable in it (the core's QueryError);
    - a constraint between two parameters: year_from after year_to.
    """
    if response.status_code != 400:
        return False
    problem = response.json()
    if problem["type"] == INVALID_QUERY:
        return True
    query = case.query or {}
    years = [str(query.get(name, "")) for name in ("year_from", "year_to")]
    return all(y.isdecimal() for y in years) and int(years[0]) > int(years[1])
