"""JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of everything the API answers.

They are strict (`additionalProperties: false`) on purpose: the tests check every response
against them, so a field added or renamed anywhere shows up as a contract change. A search's
and a document's answers are in openapi_search_schemas.py; the others, and the list of all
(SCHEMAS), here.
"""

from __future__ import annotations

from indexer.results import MAX_QUERY_LENGTH
from webapp.openapi_search_schemas import (
    COPY_REF,
    DOCUMENT,
    FACET_VALUE,
    HIT,
    SEARCH_RESULT,
    STRING_OR_NULL,
    UNKNOWN_FILTER,
    object_schema,
)

HEALTH = object_schema(
    {
        "status": {"const": "ok"},
        "document_count": {"type": "integer", "minimum": 0},
        "built_at": {**STRING_OR_NULL, "description": "When the index was built (ISO 8601)."},
        "index_version": {"type": "string", "description": "Changes with every rebuild."},
    },
    "The service can answer searches.",
)
CLUSTER_NODE = object_schema(
    {
        "url": {"type": "string"},
        "ok": {"type": "boolean", "description": "The node answers its health check."},
        "role": {"enum": ["leader", "follower", "unknown", "down"]},
    },
    "One node of the cluster.",
)
HEALTH["properties"]["cluster"] = {
    **object_schema(
        {
            "engine": {"const": "typesense"},
            "status": {"enum": ["ok", "degraded", "down"]},
            "nodes": {"type": "array", "items": CLUSTER_NODE},
        },
        "Only with a clustered engine: which nodes answer and which one leads.",
    )
}

EXPORT_HIT = object_schema(
    {
        **{k: v for k, v in HIT["properties"].items() if k != "snippets"},
        "page_url": {"type": "string", "description": "The document's page on this site."},
    },
    "One matching document in an export: a search hit without snippets, with its permalink.",
)

EXPORT = object_schema(
    {
        "query": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        "normalized_query": {"type": "string"},
        "total": {"type": "integer", "minimum": 0, "description": "Every match of the search."},
        "limit": {"type": "integer", "minimum": 1, "description": "Most documents exported."},
        "hits": {"type": "array", "items": {"$ref": "#/components/schemas/ExportHit"}},
        "exported": {"type": "integer", "minimum": 0},
        "truncated": {"type": "boolean", "description": "True when the limit left matches out."},
    },
    "Every match of a search, in the search's order, up to the export limit.",
)

ENDPOINTS = object_schema(
    {
        "endpoints": {
            "type": "array",
            "items": object_schema(
                {
                    "method": {"const": "GET"},
                    "path": {"type": "string"},
                    "summary": {"type": "string"},
                    "description": {"type": "string"},
                },
                "One endpoint, as the OpenAPI document describes it.",
            ),
        },
        "openapi": {"type": "string", "description": "Where the OpenAPI document is."},
        "docs": {"type": "string", "description": "Where the readable reference is."},
    },
    "Every endpoint of the API.",
)

PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail", "request_id"],
    "properties": {
        "type": {"type": "string", "description": "URI reference of the problem type."},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string", "description": "What went wrong, for people."},
        "instance": {"type": "string"},
        "request_id": {"type": "string", "description": "Same as the X-Request-Id header."},
        "parameter": {"type": "string", "description": "The query parameter at fault."},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "reason"],
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
            },
        },
    },
}

SCHEMAS = {
    "SearchResult": SEARCH_RESULT,
    "Hit": HIT,
    "CopyRef": COPY_REF,
    "FacetValue": FACET_VALUE,
    "UnknownFilter": UNKNOWN_FILTER,
    "Document": DOCUMENT,
    "Health": HEALTH,
    "Endpoints": ENDPOINTS,
    "Export": EXPORT,
    "ExportHit": EXPORT_HIT,
    "Problem": PROBLEM,
}
