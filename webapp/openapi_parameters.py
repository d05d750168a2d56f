"""The query parameters of the API's searches as the OpenAPI document (openapi.py) describes
them, generated from the limits indexer.params enforces.
"""

from __future__ import annotations

import re

from indexer.params import (
    DEFAULT_PER_PAGE,
    FALSE,
    MAX_PAGE,
    MAX_VALUE_LENGTH,
    MAX_VALUES,
    MAX_YEAR,
    MIN_YEAR,
    TRUE,
)
from indexer.results import MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_TERMS, SORTS
from indexer.search.facets import UNDATED

# Control characters are refused (tab, LF and CR are allowed in q only).
NO_CONTROLS = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$"
Q_PATTERN = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"


def _query(name: str, schema: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description,
            "schema": schema, **extra}  # fmt: skip


def _or_empty(schema: dict, default=None) -> dict:
    """`schema`, or the empty string that an empty HTML form field sends (= not given)."""
    out: dict = {"anyOf": [schema, {"type": "string", "maxLength": 0}]}
    if default is not None:
        out["default"] = default
    return out


def _boolean(default: str) -> dict:
    """A yes-or-no parameter as the API reads one: the usual spellings of yes and no, in any
    case (TRUE, False, on): a pattern, as an enum cannot say that case does not matter."""
    words = (
        "".join(f"[{c.upper()}{c}]" if c.isalpha() else re.escape(c) for c in word)
        for word in TRUE + FALSE
    )
    return _or_empty({"type": "string", "pattern": f"^(?:{'|'.join(words)})$"}, default)


# the spellings _boolean takes besides true and false, for the parameters' descriptions
_YES_NO = (
    f"Also {', '.join(f'`{w}`' for w in TRUE[1:])} and {', '.join(f'`{w}`' for w in FALSE[1:])};"
    " case does not matter."
)


_YEAR = _or_empty({"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR})
_FACET_VALUE = {"type": "string", "maxLength": MAX_VALUE_LENGTH, "pattern": NO_CONTROLS}
SEARCH_PARAMETERS = [
    _query(
        "q",
        {"type": "string", "maxLength": MAX_QUERY_LENGTH, "pattern": Q_PATTERN},
        'Words (all must match), "exact phrases", OR, NOT word or -word, prefix*. Any '
        "spelling of a name finds the others (Khojaly, Hojaly, Xocalı, Ходжалы). Empty: browse "
        f"all documents, newest first. At most {MAX_QUERY_LENGTH:,} characters and "
        f"{MAX_TERMS} terms (a word, a quoted phrase or a prefix is one term; OR, AND and NOT "
        "are none).",
    ),
    _query(
        "publisher",
        {"type": "array", "items": _FACET_VALUE, "maxItems": MAX_VALUES},
        "Only documents from these publishers (repeat the parameter for several: any of them). "
        "Case and spacing do not matter. A publisher no document has gives no hits and an entry "
        "in `unknown_filters` with close values.",
        style="form",
        explode=True,
    ),
    _query(
        "language",
        {"type": "array", "items": _FACET_VALUE, "maxItems": MAX_VALUES},
        "Only documents in these languages (repeatable: any of them), as a code in any case "
        "(`en`, `EN`, `eng`) or a name (`English`, `Azeri`, `Русский`). A language no document "
        "has gives no hits and an entry in `unknown_filters` with close values.",
        style="form",
        explode=True,
    ),
    _query("year_from", _YEAR, "Only documents published in or after this year."),
    _query("year_to", _YEAR, "Only documents published in or before this year."),
    _query(
        "undated",
        _boolean(default="false"),
        "`true`: documents without a date as well (the year facet's "
        f"`{UNDATED}` bucket); alone, only those. With a year range, documents in the range "
        f"or undated. {_YES_NO}",
    ),
    _query(
        "sort",
        _or_empty({"type": "string", "enum": list(SORTS)}, default=SORTS[0]),
        "`relevance` (best first) or `date` (newest first).",
    ),
    _query(
        "page",
        _or_empty({"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, default=1),
        "Page number from 1. A page past the end is empty; `total` stays true.",
    ),
    _query(
        "per_page",
        _or_empty(
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}, default=DEFAULT_PER_PAGE
        ),
        "Hits per page.",
    ),
    _query(
        "collapse",
        _boolean(default="true"),
        "`true`: copies of one text (republications found at build time) are one hit, the "
        "best-ranked, with the other matching copies in its `copies`; `total` and the pages "
        "count hits so grouped. `false`: every document is its own hit. Facets count "
        f"documents either way. {_YES_NO}",
    ),
]
