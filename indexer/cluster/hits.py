"""The hits of a page of Typesense documents, with snippets, matched spellings and copies,
as the embedded engine gives them."""

from __future__ import annotations

from indexer.cluster import copies as cluster_copies
from indexer.results import Hit
from indexer.search.plan import And
from indexer.search.snippets import Highlighter, matched_spellings, snippet_pages, snippets


def hits_of(docs: list[tuple[dict, float]], plan: And, fixed_score, copies, grouped) -> list[Hit]:
    """`grouped`: the matching documents with copies when collapsing, else None."""
    matcher = Highlighter(plan)
    out = []
    for stored, score in docs:
        body, title = stored.get("body") or "", stored.get("title") or ""
        body_matches = matcher.matches(body)
        out.append(
            Hit(
                id=stored["id"],
                title=title,
                publisher=stored.get("publisher") or "Unknown",
                published=stored.get("published"),
                languages=list(stored.get("languages") or []),
                url=stored.get("url"),
                score=round(float(fixed_score if fixed_score is not None else score), 4),
                snippets=snippets(body, body_matches),
                matched=matched_spellings((title, matcher.matches(title)), (body, body_matches)),
                format=stored.get("format"),
                snippet_pages=snippet_pages(body, body_matches, stored.get("pages")),
                copy_group=copies.group_of.get(stored["id"]),
            )
        )
        hit = out[-1]
        if grouped is None:
            hit.copy_count = max(0, len(copies.members.get(hit.copy_group, ())) - 1)
        else:
            others = copies.others(hit.id, grouped)
            hit.copy_count, hit.copies = len(others), cluster_copies.refs(others)
    return out
