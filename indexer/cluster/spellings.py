"""Resolving a query plan on the cluster, where there is no index-wide spelling map.

The embedded engine resolves a plan once per index version against its spelling map. The
cluster finds spellings by variant keys, which every document carries as tokens; for snippets,
highlights and `matched` the plan is resolved against the words of the texts being shown, with
the same keys: a word of those texts is a spelling of a query word when they share a key.
"""

from __future__ import annotations

from indexer.analysis import tokens, variant_keys
from indexer.analysis.keys import SKELETON
from indexer.cluster.documents import query_keys, word_keys
from indexer.search.plan import And, resolve
from indexer.search.snippets import Highlighter
from indexer.search.whoosh_engine import GROUP


class TextVocabulary:
    """The words of a few texts, by key (a `plan.Vocabulary`)."""

    def __init__(self, *texts: str):
        self.by_key: dict[str, set[str]] = {}
        self.words: set[str] = set()  # exact keys
        for text in texts:
            for _, _, word in tokens(text):
                keys = word_keys(word)
                self.words.add(keys[0])
                for key in keys:
                    self.by_key.setdefault(key, set()).add(keys[0])

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        found: set[str] = set()
        for key in query_keys(word):
            if not skeletons and key.startswith(SKELETON):
                continue
            found |= self.by_key.get(key, set())
        return found

    def completions(self, exact_prefix: str, light_prefix: str) -> list[str]:
        prefixes = tuple(p for p in {exact_prefix, light_prefix} if p)
        return sorted(
            w
            for w in self.words
            if w.startswith(prefixes) or variant_keys(w)[0].startswith(prefixes)
        )

    def group_spellings(self, stem: str) -> set[str]:
        found: set[str] = set()
        for key in variant_keys(stem):
            if key.startswith(GROUP):
                found |= self.by_key.get(key, set())
        return found


def resolved(plan: And, *texts: str) -> And:
    """`plan` resolved against the words of `texts`."""
    return resolve(plan, TextVocabulary(*texts))


def highlighter(plan: And, *texts: str) -> Highlighter:
    """A highlighter for `plan`, resolved against the words of `texts`."""
    return Highlighter(resolved(plan, *texts))
