"""User query text → a safe, structured query → a Whoosh query.

Syntax: plain words (all must match), "exact phrases", OR, NOT word / -word, prefix*.
Anything malformed is searched as plain words; only a query with nothing searchable in it, or
one far too long, is refused with a QueryError whose message is meant for the user.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from whoosh import query as wq

from indexer.analysis import exact_key, tokens, variant_keys
from indexer.index.spellings import SpellingMap
from indexer.results import MAX_QUERY_LENGTH, MAX_TERMS, QueryError
from indexer.search.terms import EXACT_BOOST, any_spelling, word_query

MAX_CLAUSES = MAX_TERMS
PREFIX_MIN_CHARS = 2
PREFIX_MAX_TERMS = 64  # expand a prefix to its most frequent terms only (as Lucene's rewrites do)
HELP = 'Try words, "an exact phrase", OR, NOT or -word, and prefix* (at least two letters).'
PIECE = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Clause:
    kind: str  # "word" | "phrase" | "prefix"
    words: tuple[str, ...]  # as the user typed them (for a prefix: the stem, without "*")

    def label(self) -> str:
        if self.kind == "phrase":
            return '"' + " ".join(self.words) + '"'
        return self.words[0] + ("*" if self.kind == "prefix" else "")


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Clause, ...], ...]  # AND of OR-groups
    excluded: tuple[Clause, ...]

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    def positive(self) -> list[Clause]:
        return [c for group in self.groups for c in group]

    def normalized(self) -> str:
        parts = [" OR ".join(c.label() for c in g) for g in self.groups]
        parts = [f"({p})" if " OR " in p and len(self.groups) > 1 else p for p in parts]
        parts += ["NOT " + c.label() for c in self.excluded]
        return " ".join(parts)


def clean(text: str) -> str:
    """Whitespace controls become spaces, other control characters go; NFC-normalised."""
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    return unicodedata.normalize("NFC", text).strip()


def parse(text: str) -> ParsedQuery:
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}."
        )
    text = clean(text)
    if text.count('"') % 2:  # an unbalanced quote: search the words as they are
        text = text.replace('"', " ")
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    join_next = negate_next = False
    for m in PIECE.finditer(text):
        phrase, raw = m.group(1), m.group(2)
        if raw in ("OR", "|"):
            join_next = bool(groups)
            continue
        if raw in ("AND", "&", "+"):
            continue
        if raw == "NOT":
            negate_next = True
            continue
        negate = negate_next
        if raw and raw.startswith("-") and len(raw) > 1:
            negate, raw = True, raw[1:]
        clause = _clause(phrase, raw)
        if clause is None:
            continue
        if negate:
            excluded.append(clause)
        elif join_next:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = negate_next = False
    if sum(len(g) for g in groups) + len(excluded) > MAX_CLAUSES:
        raise QueryError(f"The query has more than {MAX_CLAUSES} terms; please shorten it.")
    parsed = ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))
    if text and parsed.empty:
        raise QueryError(f"There is nothing to search for in “{text[:80]}”. {HELP}")
    return parsed


def _clause(phrase: str | None, raw: str | None) -> Clause | None:
    if phrase is not None:
        words = tuple(w for _, _, w in tokens(phrase))
    else:
        is_prefix = raw.endswith("*")
        words = tuple(w for _, _, w in tokens(raw))
        if is_prefix and len(words) == 1 and len(words[0]) >= PREFIX_MIN_CHARS:
            return Clause("prefix", words)
    if not words:
        return None
    return Clause("word" if len(words) == 1 else "phrase", words)


def to_whoosh(parsed: ParsedQuery, reader, spellings: SpellingMap | None = None) -> wq.Query:
    spellings = spellings if spellings is not None else SpellingMap()
    if not parsed.groups:
        positive: wq.Query = wq.Every()
    else:
        ands = [wq.Or([_clause_query(c, reader, spellings) for c in g]) for g in parsed.groups]
        positive = ands[0] if len(ands) == 1 else wq.And(ands)
    if parsed.excluded:
        excluded = [_clause_query(c, reader, spellings) for c in parsed.excluded]
        return wq.AndNot(positive, wq.Or(excluded))
    return positive


FIELDS = ("body", "title")


def _clause_query(clause: Clause, reader, spellings: SpellingMap) -> wq.Query:
    if clause.kind == "word":
        return wq.Or([word_query(f, clause.words[0], spellings, reader) for f in FIELDS])
    if clause.kind == "phrase":
        # Each word of a phrase may match any of its spellings (Nagorno-Karabagh finds
        # Nagorno-Karabakh); the phrase as typed scores higher.
        exact = [exact_key(w) for w in clause.words]
        parts = [wq.Phrase(f, exact, boost=EXACT_BOOST) for f in FIELDS]
        parts += [
            wq.Sequence([any_spelling(f, w, spellings, reader) for w in clause.words])
            for f in FIELDS
        ]
        return wq.Or(parts)
    stem = clause.words[0]
    parts = []
    for field in FIELDS:
        for prefix in dict.fromkeys((exact_key(stem), variant_keys(stem)[0])):
            parts += [wq.Term(field, t) for t in expand_prefix(reader, field, prefix)]
    return wq.Or(parts) if parts else wq.NullQuery


def expand_prefix(reader, field: str, prefix: str) -> list[str]:
    """The PREFIX_MAX_TERMS most frequent indexed terms of `field` that start with `prefix`."""
    found = []
    for term in reader.expand_prefix(field, prefix):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        found.append((reader.doc_frequency(field, text), text))
    found.sort(key=lambda pair: (-pair[0], pair[1]))
    return [text for _, text in found[:PREFIX_MAX_TERMS]]
