"""The hits of a page of Typesense documents, with snippets, matched spellings and copies,
as the embedded engine gives them."""

from __future__ import annotations

from indexer.cluster import copies as cluster_copies
from indexer.results import Hit
from indexer.search.plan import And
from indexer.search.snippets import Highlighter, hit_of


def hits_of(docs: list[tuple[dict, float]], plan: And, fixed_score, copies, grouped) -> list[Hit]:
    """`grouped`: the matching documents with copies when collapsing, else None."""
    matcher = Highlighter(plan)
    out = []
    for stored, score in docs:
        languages = list(stored.get("languages") or [])
        rounded = round(float(fixed_score if fixed_score is not None else score), 4)
        hit = hit_of(stored, languages, rounded, matcher)
        hit.copy_group = copies.group_of.get(stored["id"])
        out.append(hit)
        if grouped is None:
            hit.copy_count = max(0, len(copies.members.get(hit.copy_group, ())) - 1)
        else:
            others = copies.others(hit.id, grouped)
            hit.copy_count, hit.copies = len(others), cluster_copies.refs(others)
    return out
