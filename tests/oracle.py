"""A brute-force reference for which documents a query matches.

It reads the raw titles and texts the tests wrote, tokenizes them, builds its own spelling map
from those texts with the shared analysis, and evaluates a query tree with plain Python sets,
following the semantics the README states. It shares no code with the search core beyond the
analysis (what a word's keys are), so a wrong turn in parsing, resolution, posting lists,
positions, deletions or segments shows up as a different set of documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.analysis import exact_key, tokens, variant_keys
from indexer.analysis.keys import keys_as_recorded
from indexer.index.spelling_pairs import variant_pairs
from indexer.index.spellings import SpellingMap


@dataclass(frozen=True)
class QWord:
    text: str

    def render(self) -> str:
        return self.text


@dataclass(frozen=True)
class QPhrase:
    words: tuple[str, ...]

    def render(self) -> str:
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class QPrefix:
    stem: str

    def render(self) -> str:
        return self.stem + "*"


@dataclass(frozen=True)
class QOr:
    children: tuple

    def render(self) -> str:
        return " OR ".join(c.render() for c in self.children)


@dataclass(frozen=True)
class QNot:
    child: object

    def render(self) -> str:
        return "-" + self.child.render()


@dataclass(frozen=True)
class QAnd:
    children: tuple

    def render(self) -> str:
        return " ".join(c.render() for c in self.children)


class Oracle:
    """The truth over live documents: {id: {"title": ..., "text": ...}}."""

    def __init__(self, docs: dict[str, dict]):
        self.fields = {
            doc_id: [
                [exact_key(w) for _, _, w in tokens(d.get(f) or "")] for f in ("title", "text")
            ]
            for doc_id, d in docs.items()
        }
        self.map = SpellingMap()
        pairs: set[tuple[str, str]] = set()
        for d in docs.values():
            pairs |= variant_pairs((d.get("title") or "") + "\n" + (d.get("text") or ""))
        self.map.add(pairs)
        self.words = {w for fields in self.fields.values() for f in fields for w in f}
        self.keys_of: dict[str, set[str]] = {}
        for key, term in pairs:
            self.keys_of.setdefault(term, set()).add(key)

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        return {exact_key(word)} | self.map.spellings(word, skeletons)

    def prefix_terms(self, stem: str) -> set[str]:
        starts = {exact_key(stem), variant_keys(stem)[0]}
        completions = {
            w
            for w in self.words
            if any(form.startswith(p) for form in {w, *self.keys_of.get(w, ())} for p in starts)
        }
        terms = set(completions)
        for key in variant_keys(stem):
            if key.startswith("="):  # a listed name the prefix belongs to
                terms |= self.map.terms_of(key)
        # a completion's light and listed spellings as its documents' words recorded them, not
        # skeleton guesses
        for w in completions:
            for key in keys_as_recorded(w, self.keys_of.get(w, ())):
                terms |= {key} if key[:1].isalnum() else set()
                terms |= self.map.terms_of(key)
        return terms

    def matches(self, q) -> set[str]:
        if isinstance(q, QAnd):
            positive = [c for c in q.children if not isinstance(c, QNot)]
            out = set(self.fields)
            for c in positive:
                out &= self.matches(c)
            for c in q.children:
                if isinstance(c, QNot):
                    out -= self.matches(c.child)
            return out
        if isinstance(q, QOr):
            return set().union(*(self.matches(c) for c in q.children))
        if isinstance(q, QWord):
            terms = self.spellings(q.text)
            return {d for d, fs in self.fields.items() if any(w in terms for f in fs for w in f)}
        if isinstance(q, QPrefix):
            terms = self.prefix_terms(q.stem)
            return {d for d, fs in self.fields.items() if any(w in terms for f in fs for w in f)}
        if isinstance(q, QPhrase):
            slots = [self.spellings(w) for w in q.words]
            return {d for d, fs in self.fields.items() if any(_has_run(f, slots) for f in fs)}
        raise TypeError(q)


def _has_run(words: list[str], slots: list[set[str]]) -> bool:
    n = len(slots)
    return any(all(words[i + k] in slots[k] for k in range(n)) for i in range(len(words) - n + 1))
