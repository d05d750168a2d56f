"""JSON Schemas of what a search and a document answer: hits, facets, copies, unknown
filters, and the document's metadata, provenance and text (openapi_schemas.py lists them
with the others).
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


def object_schema(properties: dict, description: str) -> dict:
    """A strict object: every property required, and no other."""
    return {
        "type": "object",
        "description": description,
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


FACET_VALUE = object_schema(
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

COPY_REF = object_schema(
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

UNKNOWN_FILTER = object_schema(
    {
        "parameter": {"type": "string", "enum": ["publisher", "language"]},
        "value": {"type": "string", "description": "The value as it was given."},
        "suggestions": {
            "type": "array",
            "description": "Close values that documents do have, closest first (may be empty).",
            "items": object_schema(
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

HIT = object_schema(
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

SEARCH_RESULT = object_schema(
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

DOCUMENT = object_schema(
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
