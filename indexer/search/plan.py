"""A user's query as one small tree of plain dataclasses: the plan every later step reads.

`parse` (parse.py) turns text into the tree; `resolve` (resolve.py) fills in, once per index
version, which indexed words each leaf stands for. Matching and scoring (matching.py),
snippets and highlights (snippets.py), the `matched` lists, "did you mean" (suggest.py) and
`normalized_query` all read the resolved plan, so they cannot disagree about what a query
means.

Semantics (the README's "Query syntax" says the same):
- words are ANDed; `a OR b` joins the words or phrases beside it (OR binds tighter than AND);
- a word matches every spelling of itself that the spelling map knows (Hojaly: Khojaly, Xocalı);
- words side by side that make a place's name of several words (Kasum-Ismailovo, Upper
  Karabakh, "Ali Bayramly"), and a one-word name of a place that has such names (Goranboy),
  match every name of that place: a one-word name as a word, a longer one as a phrase
  (indexer.analysis.whole_names). The words of such a name alone name nothing: "upper" is
  only a word. In an OR or an exclusion, words are taken as typed;
- "a phrase" needs its words side by side in one field, each in any of its spellings;
- `prefix*` (two letters or more) matches every word that starts with it, or whose light key
  (romanized form) starts with the prefix or its light key, the spellings of those words that
  the light keys and the name tables give (read from the keys the build recorded for them:
  they are many), and the spellings of a listed name the prefix itself belongs to (`Xocal*`
  finds Khojaly through the names table). Consonant skeletons, which guess at unlisted names,
  are left out: a prefix's completions are many words, and each one's guesses would bring in
  words that share only their consonants;
- `-x` or `NOT x` excludes documents that x matches, with every spelling x matches
  (`-Xocalı` excludes Khojaly too); a phrase can be excluded: `-"Anadolu Agency"`;
- an exclusion cannot be joined by OR (`a OR -b` is refused with a clear error);
- a query of exclusions only lists every other document, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.analysis import exact_key, variant_keys


@dataclass(frozen=True)
class Word:
    text: str  # as typed
    terms: frozenset[str] = field(default=frozenset(), compare=False)  # every indexed spelling
    # the label of the Name this word is (part of) another name in; such a word was not typed,
    # so it has no exact spelling to rank first
    shown: str = field(default="", compare=False)
    # only this spelling: a compound that carries another word's keys too (Bergkarabach is
    # Nagorno and Karabakh), as another name, would find every Karabakh
    literal: bool = field(default=False, compare=False)
    # a word of another name of several words: its spellings are those its light key and the
    # name tables give; consonant skeletons would guess on top of a name not typed, and make
    # each of a place's phrases cost as much as a whole query
    listed: bool = field(default=False, compare=False)
    # more spellings of such a word: a Russian word as every romanization scheme writes it
    also: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def exact(self) -> str:
        return "" if self.shown else exact_key(self.text)

    def label(self) -> str:
        return self.shown or self.exact


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]
    shown: str = field(default="", compare=False)  # the label of the Name it is another name in

    def label(self) -> str:
        return self.shown or " ".join(w.label() for w in self.words)


@dataclass(frozen=True)
class Prefix:
    stem: str  # as typed, without the "*"
    completions: tuple[str, ...] = field(default=(), compare=False)  # indexed words it starts
    # the completions, their other spellings and the stem's own spellings
    terms: frozenset[str] = field(default=frozenset(), compare=False)

    @property
    def exact(self) -> str:
        return exact_key(self.stem)

    @property
    def light(self) -> str:
        return variant_keys(self.stem)[0]

    def label(self) -> str:
        return self.exact + "*"


Leaf = Word | Phrase | Prefix


@dataclass(frozen=True)
class Or:
    children: tuple[Leaf, ...]


@dataclass(frozen=True)
class Name(Or):
    """A place's name as typed (children[0]: a word, or a phrase of the words side by side),
    or any other name of the place (the other children): Kasum-Ismailovo finds Goranboy."""

    @property
    def typed(self) -> Leaf:
        return self.children[0]


@dataclass(frozen=True)
class Not:
    child: Leaf


@dataclass(frozen=True)
class And:
    """The whole query: every child must match; an empty And matches every document."""

    children: tuple[Leaf | Or | Not, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.children

    @property
    def positive(self) -> tuple[Leaf | Or, ...]:
        return tuple(c for c in self.children if not isinstance(c, Not))

    @property
    def excluded(self) -> tuple[Leaf, ...]:
        return tuple(c.child for c in self.children if isinstance(c, Not))

    def leaves(self) -> list[Leaf]:
        """The leaves that must or may match (not the excluded ones), in query order."""
        out: list[Leaf] = []
        for c in self.positive:
            out += c.children if isinstance(c, Or) else [c]
        return out

    def typed_leaves(self) -> list[Leaf]:
        """`leaves()` as the user typed them: a name without the other names it stands for."""
        return [x for c in self.positive for x in _typed(c)]

    def normalized(self) -> str:
        parts = []
        for c in self.positive:
            if isinstance(c, Name):
                parts.append(_label(c.typed))
            elif isinstance(c, Or):
                text = " OR ".join(_label(x) for x in c.children)
                parts.append(f"({text})" if len(self.children) > 1 else text)
            else:
                parts.append(_label(c))
        parts += ["NOT " + _label(c) for c in self.excluded]
        return " ".join(parts)


def _label(leaf: Leaf) -> str:
    return f'"{leaf.label()}"' if isinstance(leaf, Phrase) else leaf.label()


def _typed(c) -> tuple[Leaf, ...]:
    if isinstance(c, Name):
        return (c.typed,)
    return c.children if isinstance(c, Or) else (c,)
