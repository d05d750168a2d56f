"""Human-readable search results for the terminal."""

from __future__ import annotations

import re
import shutil
import sys
from html import unescape

from indexer.results import SearchResult

MARK = re.compile(r"<mark>(.*?)</mark>")


def _marks(snippet: str, color: bool) -> str:
    replacement = "\x1b[1;33m\\1\x1b[0m" if color else "[\\1]"
    return unescape(MARK.sub(replacement, snippet))


def format_result(result: SearchResult, color: bool | None = None) -> str:
    color = sys.stdout.isatty() if color is None else color
    width = min(shutil.get_terminal_size().columns, 100)
    lines = [
        f"{result.total} documents for {result.normalized_query or 'everything'} "
        f"(page {result.page} of {result.total_pages}, {result.took_ms:.1f} ms)"
    ]
    for unknown in result.unknown_filters:
        close = ", ".join(s.label for s in unknown.suggestions)
        lines.append(
            f"No {unknown.parameter} “{unknown.value}” in the archive"
            + (f"; did you mean: {close}?" if close else ".")
        )
    if result.suggestion:
        lines.append(f"Did you mean: {result.suggestion}?")
    for n, hit in enumerate(result.hits, (result.page - 1) * result.per_page + 1):
        lines.append("")
        lines.append(f"{n}. {hit.title}  [{hit.id}]")
        meta = " · ".join(filter(None, [hit.publisher, hit.published, ",".join(hit.languages)]))
        lines.append(f"   {meta}")
        for snippet in hit.snippets:
            lines.append("   " + _marks(snippet, color)[: width * 3])
        also = {t: s for t, s in hit.matched.items() if any(x.lower() != t for x in s)}
        if also:
            lines.append(
                "   matched: " + "; ".join(f"{t} → {', '.join(s)}" for t, s in also.items())
            )
    for facet, values in result.facets.items():
        if values:
            shown = ", ".join(
                f"{'*' if v.selected else ''}{v.label} ({v.count})" for v in values[:10]
            )
            lines.append(f"\n{facet}: {shown}")
    return "\n".join(lines)
