"""Example searches for the home page and the zero-result page, taken from the index.

Candidates are the place names of the gazetteer (`names.tsv`); only spellings that find at least
one document in the index being served are offered, so an example is never a dead link. The
choice is remembered per index version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.analysis.tables import rows
from indexer.results import SearchRequest

MAX_EXAMPLES = 4
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ARMENIAN = re.compile(r"[\u0530-\u058f]")
_AZERBAIJANI = re.compile(r"[əğışçöüı]", re.IGNORECASE)


@dataclass(frozen=True)
class Example:
    text: str
    lang: str | None  # for the link's lang attribute; None for plain Latin names


def _lang(name: str) -> str | None:
    if _CYRILLIC.search(name):
        return "ru"
    if _ARMENIAN.search(name):
        return "hy"
    if _AZERBAIJANI.search(name):
        return "az"
    return None


def _candidates():
    """Names group by group, each group in its file order; one spelling per script."""
    for cells in rows("names.tsv"):
        if len(cells) < 2:
            continue
        seen_langs: set[str | None] = set()
        for name in (n.split(">")[0].strip() for n in cells[1].split(",")):
            lang = _lang(name)
            if name and lang not in seen_langs:
                seen_langs.add(lang)
                yield Example(name, lang)


def find_examples(search_engine, limit: int = MAX_EXAMPLES) -> list[Example]:
    """Up to `limit` names that occur in the index: the spellings of the first name found in
    several scripts, then other names; none when the index is empty."""
    found: list[Example] = []
    for example in _candidates():
        if search_engine.search(SearchRequest(q=example.text, per_page=1)).total:
            found.append(example)
            if len(found) == limit:
                break
    return found


def examples(app) -> list[Example]:
    """`find_examples` for the index the app serves, computed once per index version."""
    search_engine = app.extensions["search_engine"]
    version = search_engine.stats().version
    cached = app.extensions.get("examples")
    if cached is None or cached[0] != version:
        cached = (version, find_examples(search_engine))
        app.extensions["examples"] = cached
    return cached[1]
