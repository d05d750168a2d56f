"""JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of everything the API answers.

They are strict (`additionalProperties: false`) on purpose: the tests check every response
against them, so a field added or renamed anywhere shows up as a contract change.
"""

from __future__ import annotations

from indexer.params import MAX_PAGE
from indexer.results import MAX_PER_PAGE, MAX_QUERY_LENGTH
from indexer.search.facets import FACETS, UNDATED

FACET_NAMES = [facet.name for facet in FACETS]

STRING_OR_NULL = {"type": ["string", "null"]}
STRINGS = {"type": "array", "items": {"type": "string"}}
FORMAT = {
    "enum": ["html", "warc", "pdf", "docx", None],
    "description": "The original file format: a web page, a page or PDF from a web archive "
    "(WARC), a PDF, a Word file; null for plain text and JSON Lines.",
}
DATE = {
    "type": ["string", "null"],
    "description": "Publication date as precise as the source allows: YYYY, YYYY-MM or "
    "YYYY-MM-DD; null when the source gives none.",
}


def _object(properties: dict, description: str) -> dict:
    return {
        "type": "object",
        "description": description,
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


FACET_VALUE = _object(
    {
        "value": {
            "type": "string",
            "description": "As the filter takes it: a publisher, a language code, a year, or "
            f"`{UNDATED}` for the year facet's bucket of documents without a date (selected "
            "with `undated=true`).",
        },
        "label": {
            "type": "string",
            "description": "How people read the value: `English` for `en`, `Undated` for "
            f"`{UNDATED}`.",
        },
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean", "description": "This value is one of the filters."},
        "toggle_url": {
            "type": "string",
            "description": "Relative query string (`?q=…&publisher=…`) of the same search with "
            "this value switched on or off, back on page 1; resolve it against /api/search.",
        },
    },
    "One value of a facet and how many matching documents have it.",
)

COPY_REF = _object(
    {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "published": DATE,
        "url": STRING_OR_NULL,
        "similarity": {
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": 1,
            "description": "Share of four-word runs the two texts have in common (document "
            "pages only; null in hits).",
        },
    },
    "Another document with the same text (a republication).",
)
COPY_GROUP = {
    **STRING_OR_NULL,
    "description": "Id shared by the copies of one text; null for a document without copies.",
}

UNKNOWN_FILTER = _object(
    {
        "parameter": {"type": "string", "enum": ["publisher", "language"]},
        "value": {"type": "string", "description": "The value as it was given."},
        "suggestions": {
            "type": "array",
            "description": "Close values that documents do have, closest first (may be empty).",
            "items": _object(
                {
                    "value": {"type": "string"},
                    "label": {"type": "string"},
                    "url": {
                        "type": "string",
                        "description": "Relative query string of the same search with this "
                        "value instead of the unknown one.",
                    },
                },
                "A known value close to the unknown one.",
            ),
        },
    },
    "A filter value that no document has: the search answers no hits because of it.",
)

HIT = _object(
    {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "publisher": {"type": "string", "description": "`Unknown` where the source names none."},
        "published": DATE,
        "languages": {**STRINGS, "description": "ISO 639-1 codes, main language first."},
        "url": STRING_OR_NULL,
        "score": {"type": "number", "description": "Relevance; 0 when sorted by date."},
        "snippets": {
            **STRINGS,
            "description": "HTML-escaped excerpts with matches wrapped in <mark>…</mark>.",
        },
        "matched": {
            "type": "object",
            "description": "Query term → the spellings of it this document uses "
            '(e.g. {"hojaly": ["Khojaly"]}); a phrase is one term '
            '({"khojaly massacre": ["Khojaly massacre"]}), a prefix ends in * '
            '({"xocal*": ["Khojaly"]}).',
            "additionalProperties": STRINGS,
        },
        "format": FORMAT,
        "snippet_pages": {
            **STRINGS,
            "description": "For paged documents (PDF): the page label of each snippet, in "
            'the same order ("12" is shown as "p. 12"); empty otherwise.',
        },
        "copy_group": COPY_GROUP,
        "copy_count": {
            "type": "integer",
            "minimum": 0,
            "description": "With collapse: the other matching copies folded into this hit. "
            "Without: all other documents of its copy group.",
        },
        "copies": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/CopyRef"},
            "description": "With collapse: the other matching copies (at most 20 listed; "
            "`copy_count` counts them all), best-ranked first. Empty without collapse.",
        },
    },
    "One matching document.",
)

SEARCH_RESULT = _object(
    {
        "query": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        "normalized_query": {
            "type": "string",
            "description": "The query as it was understood (words, phrases, OR, NOT, prefixes).",
        },
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        "total_pages": {"type": "integer", "minimum": 1},
        "took_ms": {"type": "number", "minimum": 0},
        "hits": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/Hit"},
            "description": "Empty for a page past the end; `total` stays true.",
        },
        "facets": {
            "type": "object",
            "required": FACET_NAMES,
            "properties": {
                name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                for name in FACET_NAMES
            },
            "additionalProperties": False,
        },
        "suggestion": {
            **STRING_OR_NULL,
            "description": "A query that would find more, offered when this one finds little.",
        },
        "unknown_filters": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/UnknownFilter"},
            "description": "Filter values no document has (then `total` is 0); empty otherwise.",
        },
    },
    "One page of a search, with facet counts over all matches.",
)

DOCUMENT = _object(
    {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "published": DATE,
        "year": {"type": ["integer", "null"]},
        "language": {**STRING_OR_NULL, "description": "Main language (ISO 639-1)."},
        "languages": STRINGS,
        "url": STRING_OR_NULL,
        "provenance": {
            **STRING_OR_NULL,
            "description": "Where the metadata came from, one line per field for files "
            '(`publisher: <meta property="og:site_name"> "Anadolu Ajansı"`), or the evidence '
            "in the text for the title, publisher and date.",
        },
        "source": {"type": "string", "description": "The file (and line) it was read from."},
        "text": {"type": "string", "description": "Clean text, page furniture removed."},
        "format": FORMAT,
        "author": STRING_OR_NULL,
        "captured": {
            **STRING_OR_NULL,
            "description": "When a web archive captured the page (its WARC-Date).",
        },
        "pages": {
            "type": "array",
            "description": "Where each page of a paged document (PDF) starts: the index of "
            "its first paragraph in `text` (paragraphs are separated by blank lines) and its "
            "page label.",
            "items": {
                "type": "object",
                "required": ["paragraph", "label"],
                "properties": {
                    "paragraph": {"type": "integer", "minimum": 0},
                    "label": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "copy_group": COPY_GROUP,
        "copies": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/CopyRef"},
            "description": "The other documents of its copy group, with their similarity.",
        },
    },
    "A document's metadata, provenance and clean text.",
)

HEALTH = _object(
    {
        "status": {"const": "ok"},
        "document_count": {"type": "integer", "minimum": 0},
        "built_at": {**STRING_OR_NULL, "description": "When the index was built (ISO 8601)."},
        "index_version": {"type": "string", "description": "Changes with every rebuild."},
    },
    "The service can answer searches.",
)
CLUSTER_NODE = _object(
    {
        "url": {"type": "string"},
        "ok": {"type": "boolean", "description": "The node answers its health check."},
        "role": {"enum": ["leader", "follower", "unknown", "down"]},
    },
    "One node of the cluster.",
)
HEALTH["properties"]["cluster"] = {
    **_object(
        {
            "engine": {"const": "typesense"},
            "status": {"enum": ["ok", "degraded", "down"]},
            "nodes": {"type": "array", "items": CLUSTER_NODE},
        },
        "Only with a clustered engine: which nodes answer and which one leads.",
    )
}

EXPORT_HIT = _object(
    {
        **{k: v for k, v in HIT["properties"].items() if k != "snippets"},
        "page_url": {"type": "string", "description": "The document's page on this site."},
    },
    "One matching document in an export: a search hit without snippets, with its permalink.",
)

EXPORT = _object(
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

ENDPOINTS = _object(
    {
        "endpoints": {
            "type": "array",
            "items": _object(
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
