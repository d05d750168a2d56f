"""Every match of a search (not only one page), as CSV or JSON, streamed.

The engine is asked page by page through its public `search()`, so memory stays bounded by one
page; an export stops at the app's `EXPORT_LIMIT` (10,000 documents unless configured) and
says so. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an
apostrophe: titles and publishers come from the documents and are untrusted.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, replace
from datetime import UTC, datetime

from unidecode import unidecode

from indexer.results import MAX_PER_PAGE, Hit, SearchRequest, SearchResult

COLUMNS = ("id", "title", "publisher", "published", "languages", "url", "score", "page_url")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def first_page(search_engine, req: SearchRequest) -> SearchResult:
    """The first page of the export; its `total` is known before anything is streamed."""
    return search_engine.search(replace(req, page=1, per_page=MAX_PER_PAGE))


def hits(search_engine, req: SearchRequest, first: SearchResult, limit: int) -> Iterator[Hit]:
    """Up to `limit` hits of `req` in its order, one engine page at a time."""
    result, sent = first, 0
    while True:
        for hit in result.hits:
            if sent == limit:
                return
            yield hit
            sent += 1
        if not result.hits or result.page >= result.total_pages:
            return
        result = search_engine.search(replace(req, page=result.page + 1, per_page=MAX_PER_PAGE))


def _cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_lines(rows: Iterator[Hit], page_url) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        writer.writerow(values)
        out = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return out

    yield "\ufeff" + line(COLUMNS)  # the byte-order mark lets spreadsheets read UTF-8
    for hit in rows:
        yield line(
            [
                _cell(hit.id),
                _cell(hit.title),
                _cell(hit.publisher),
                hit.published or "",
                ";".join(hit.languages),
                _cell(hit.url),
                f"{hit.score:.4f}",
                page_url(hit.id),
            ]
        )


def json_chunks(first: SearchResult, rows: Iterator[Hit], limit: int, page_url) -> Iterator[str]:
    """One JSON object, written as it goes: the query and total first, the hits, then how many
    were exported and whether the limit cut the export short."""
    head = {"query": first.query, "normalized_query": first.normalized_query,
            "total": first.total, "limit": limit}  # fmt: skip
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "hits": ['
    count = 0
    for hit in rows:
        record = asdict(hit)
        del record["snippets"]  # HTML fragments of one page's view; the text is in the API
        record["page_url"] = page_url(hit.id)
        yield ("," if count else "") + json.dumps(record, ensure_ascii=False)
        count += 1
    yield f'], "exported": {count}, "truncated": {json.dumps(count < first.total)}}}'


def filename(req: SearchRequest, extension: str) -> str:
    """khojaly-search-<query words>-<date>.<ext>, in ASCII for every browser."""
    words = re.sub(r"[^a-z0-9]+", "-", unidecode(req.q).casefold()).strip("-")[:40].strip("-")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return f"khojaly-search-{words or 'all'}-{stamp}.{extension}"
