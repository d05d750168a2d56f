"""A user's query as one small tree of plain dataclasses: the plan every later step reads.

`parse` turns text into the tree; `resolve` fills in, once per index version, which indexed
words each leaf stands for. Matching and scoring (matching.py), snippets and highlights
(snippets.py), the `matched` lists, "did you mean" (suggest.py) and `normalized_query` all read
the resolved plan, so they cannot disagree about what a query means.

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

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Protocol

from indexer.analysis import exact_key, tokens, variant_keys
from indexer.analysis.endings import is_hyphen_ending
from indexer.analysis.synonyms import in_capitals
from indexer.analysis.whole_names import compound, longest, other_forms, other_names
from indexer.results import MAX_QUERY_LENGTH, MAX_TERMS, QueryError

MAX_CLAUSES = MAX_TERMS
# Other names that the names of one query may bring in all together: a query of many place
# names must not become a thousand phrases to read.
MAX_OTHER_NAMES = 96
PREFIX_MIN_CHARS = 2
HELP = 'Try words, "an exact phrase", OR, NOT or -word, and prefix* (at least two letters).'
# A piece of the query: an optionally negated "phrase", or a run of non-space characters.
PIECE = re.compile(r'(-?)"([^"]*)"|(\S+)')


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


# -- parsing --------------------------------------------------------------------------------


def clean(text: str) -> str:
    """Whitespace controls become spaces, other control characters go; NFC-normalised."""
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    return unicodedata.normalize("NFC", text).strip()


def parse(text: str) -> And:
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}."
        )
    text = clean(text)
    if text.count('"') % 2:  # an unbalanced quote: search the words as they are
        text = text.replace('"', " ")
    items: list[list] = []  # [negated, [leaves], quoted] in query order
    join_next = negate_next = False
    for m in PIECE.finditer(text):
        minus, phrase, raw = m.group(1), m.group(2), m.group(3)
        if raw in ("OR", "|"):
            if items and items[-1][0]:
                raise _or_with_exclusion(text)
            join_next = bool(items)
            continue
        if raw in ("AND", "&", "+"):
            continue
        if raw == "NOT":
            negate_next = True
            continue
        negate = negate_next or bool(minus)
        if raw and raw.startswith("-") and len(raw) > 1:
            negate, raw = True, raw[1:]
        leaf = _leaf(phrase, raw)
        if leaf is None:
            continue
        if negate and join_next:
            raise _or_with_exclusion(text)
        if join_next:
            items[-1][1].append(leaf)
        else:
            items.append([negate, [leaf], phrase is not None])
        join_next = negate_next = False
    if sum(len(leaves) for _, leaves, _ in items) > MAX_CLAUSES:
        raise QueryError(f"The query has more than {MAX_CLAUSES} terms; please shorten it.")
    children = _names(
        [
            Not(leaves[0]) if negated else (Or(tuple(leaves)) if len(leaves) > 1 else leaves[0])
            for negated, leaves, _ in items
        ],
        [quoted for _, _, quoted in items],
    )
    # positives first, exclusions after: the order normalized_query shows
    plan = And(
        tuple(
            [c for c in children if not isinstance(c, Not)]
            + [c for c in children if isinstance(c, Not)]
        )
    )
    if text and plan.empty:
        raise QueryError(f"There is nothing to search for in “{text[:80]}”. {HELP}")
    return plan


def _names(children: list, quoted: list[bool]) -> list:
    """`children` with every run of adjacent words (and hyphenated words: Kasum-Ismailovo is
    one piece) that is a listed name made a Name; longest run first. A quoted phrase is a name
    only as a whole."""
    out: list = []
    budget = MAX_OTHER_NAMES
    i = 0
    while i < len(children):
        for j in range(len(children), i, -1):
            run = children[i:j]
            if len(run) > 1 and any(quoted[i:j]):
                continue
            if not all(isinstance(c, Word | Phrase) for c in run):
                continue
            words = tuple(w for c in run for w in (c.words if isinstance(c, Phrase) else (c,)))
            if len(words) > longest():
                continue
            # a hyphenated word (unquoted) may be a name written as one word (Khan-Kendi)
            hyphenated = j == i + 1 and isinstance(run[0], Phrase) and not quoted[i]
            others = other_names(tuple(w.text for w in words), hyphenated)[:budget]
            if others:
                budget -= len(others)
                if len(words) > 1:  # a name as typed: its words as any scheme writes them
                    # too, and in their Russian cases
                    words = tuple(replace(w, also=other_forms(w.text)) for w in words)
                typed = words[0] if len(words) == 1 else Phrase(words)
                # a match of another name is shown as a match of the name typed
                shown = typed.label()
                alternatives = [
                    Word(n[0], shown=shown, literal=compound(n[0]))
                    if len(n) == 1
                    else Phrase(
                        tuple(Word(w, shown=shown, listed=True, also=other_forms(w)) for w in n),
                        shown=shown,
                    )
                    for n in others
                ]
                out.append(Name((typed, *alternatives)))
                i = j
                break
        else:
            out.append(children[i])
            i += 1
    return out


def _or_with_exclusion(text: str) -> QueryError:
    return QueryError(
        f"“{text[:80]}” joins an exclusion with OR, which would match almost every document. "
        "Use OR between words or phrases, and -word on its own to exclude."
    )


def _leaf(phrase: str | None, raw: str | None) -> Leaf | None:
    if phrase is not None:
        words = [w for _, _, w in tokens(phrase)]
    else:
        words = [w for _, _, w in tokens(raw)]
        if len(words) == 2 and raw == "-".join(words) and in_capitals(words[0]):
            # an acronym with a case ending after a hyphen (BMT-nin, ԵԱՀԿ-ի) is the acronym
            words = words[:1] if is_hyphen_ending(words[1]) else words
        if raw.endswith("*") and len(words) == 1 and len(words[0]) >= PREFIX_MIN_CHARS:
            return Prefix(words[0])
    if not words:
        return None
    return Word(words[0]) if len(words) == 1 else Phrase(tuple(Word(w) for w in words))


# -- resolution against one index version ---------------------------------------------------


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
