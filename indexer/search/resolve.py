"""A parsed plan (plan.py) resolved against one index version: `resolve` fills in the indexed
words each leaf stands for, from what that version's Vocabulary knows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from indexer.analysis import exact_key
from indexer.search.plan import And, Leaf, Name, Not, Or, Phrase, Word

if TYPE_CHECKING:
    from indexer.index.spellings import SpellingMap


class Vocabulary(Protocol):
    """What one index version knows about words."""

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        """Indexed terms that may be another spelling of `word` (without `skeletons`: only
        those its light key and the name tables give)."""

    def completions(self, exact_prefix: str, light_prefix: str) -> list[str]:
        """Words of live documents that, or whose light key, start with either prefix."""

    def group_spellings(self, stem: str) -> set[str]:
        """Indexed spellings of the listed names (names table) that `stem` is a form of."""

    def recorded_spellings(self, term: str) -> set[str]:
        """spellings(term, skeletons=False) of an indexed term, by the keys the build recorded
        for the words documents write so (a prefix's completions are many)."""

    def indexed(self, term: str) -> bool:
        """Some document, live or deleted, has the term."""


class MapSpellings:
    """A Vocabulary's spelling look-ups, from its version's spelling map (`map`): the same on
    both engines, whose vocabularies differ only in where words and completions come from."""

    map: SpellingMap

    def spellings(self, word: str, skeletons: bool = True) -> set[str]:
        return self.map.spellings(word, skeletons)

    def group_spellings(self, stem: str) -> set[str]:
        return self.map.group_spellings(stem)

    def recorded_spellings(self, term: str) -> set[str]:
        return self.map.recorded_spellings(term)


def resolve(plan: And, vocabulary: Vocabulary) -> And:
    """The plan with every leaf's indexed words filled in."""

    def leaf(x: Leaf) -> Leaf:
        if isinstance(x, Word):
            spellings = set() if x.literal else vocabulary.spellings(x.text, not x.listed)
            return replace(x, terms=frozenset({exact_key(x.text), *spellings, *x.also}))
        if isinstance(x, Phrase):
            return replace(x, words=tuple(leaf(w) for w in x.words))
        found = tuple(vocabulary.completions(x.exact, x.light))
        terms = set(found) | vocabulary.group_spellings(x.stem)
        for word in found:
            terms |= vocabulary.recorded_spellings(word)
        return replace(x, completions=found, terms=frozenset(terms))

    def _found(w: Word) -> bool:
        return any(map(vocabulary.indexed, w.terms))

    def node(c):
        if isinstance(c, Name):
            return name(c)
        if isinstance(c, Or):
            return replace(c, children=tuple(leaf(x) for x in c.children))
        if isinstance(c, Not):
            return Not(leaf(c.child))
        return leaf(c)

    def name(c: Name) -> Name:
        """The other names resolved, those that match the same documents as an earlier one
        made one: phrases alike but in one word become one phrase whose word there has the
        spellings of each (Nagorno, Upper, Haut, Dağlıq + Karabakh), so Karabakh's postings
        are read once, not once per translation."""
        typed, *others = (leaf(x) for x in c.children)
        # another name with a word no document has can match nothing: leaving it out spares
        # matching and snippets a phrase per such name (Khojaly's Khodzhalinskij rajon)
        others = [x for x in others if all(map(_found, getattr(x, "words", (x,))))]
        words: dict[frozenset[str], Word] = {}
        phrases: list[Phrase] = []
        where: dict[tuple, int] = {}  # a phrase's words but one -> its place in `phrases`
        for x in others:
            if isinstance(x, Word):
                words.setdefault(x.terms, x)
                continue
            for key in _but_one(x):
                if key in where:
                    at, slot = where[key], key[0]
                    old = phrases[at]
                    spelled = list(old.words)
                    spelled[slot] = replace(
                        spelled[slot], terms=spelled[slot].terms | x.words[slot].terms
                    )
                    phrases[at] = replace(old, words=tuple(spelled))
                    for k in _but_one(old):
                        where.pop(k, None)
                    break
            else:
                phrases.append(x)
                at = len(phrases) - 1
            for k in _but_one(phrases[at]):
                where[k] = at
        return Name((typed, *words.values(), *phrases))

    return And(tuple(node(c) for c in plan.children))


def _but_one(p: Phrase) -> list[tuple]:
    """For each word of a phrase, its slot and the other words' spellings."""
    return [
        (slot, *(w.terms for i, w in enumerate(p.words) if i != slot))
        for slot in range(len(p.words))
    ]
