"""A parsed query as Typesense filters over our own spelling tokens (see `documents`).

`translate()` is the one place that reads the parser's output: it turns a query into
- `match`: which documents answer it (every spelling, as the embedded engine finds them);
- `exact`: which of those use the spelling typed (they rank first, as in the embedded engine);
- `prefix`: the stem of a `prefix*` clause, searched with Typesense's prefix search.

Typesense searches a prefix only as the last word of its text query, so a query can hold one
prefix clause, not negated and not ORed with others; anything else is a QueryError.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.analysis import exact_key
from indexer.cluster.documents import hex_word, pair_token, query_keys, token
from indexer.results import QueryError
from indexer.search.query import Clause, ParsedQuery

# A filter expression: ("in" | "not_in", field, values) or ("all" | "any", [expressions]).
Expr = tuple


@dataclass(frozen=True)
class Translation:
    match: Expr | None  # None: every document
    exact: Expr | None  # None: no tier of exact spellings (an empty or prefix-only query)
    prefix: str | None  # hex-encoded stem for the text query, or None


def translate(parsed: ParsedQuery) -> Translation:
    prefixes = [c for c in parsed.positive() if c.kind == "prefix"]
    if len(prefixes) > 1 or any(c.kind == "prefix" for c in parsed.excluded):
        raise QueryError(_PREFIX_HELP)
    if prefixes and any(len(g) > 1 for g in parsed.groups if prefixes[0] in g):
        raise QueryError(_PREFIX_HELP)
    match, exact = [], []
    for group in parsed.groups:
        if group[0].kind == "prefix":
            continue
        match.append(_any([_clause(c) for c in group]))
        exact.append(_any([_exact(c) for c in group]))
    for clause in parsed.excluded:
        match.append(negate(_clause(clause)))
    return Translation(
        match=_all(match) if match else None,
        exact=_all(exact) if exact else None,
        prefix=hex_word(exact_key(prefixes[0].words[0])) if prefixes else None,
    )


_PREFIX_HELP = (
    "This search engine takes one prefix* per query, not negated and not joined by OR; "
    "write the other words in full."
)


def _clause(clause: Clause) -> Expr:
    if clause.kind == "word":
        return ("in", "keys", [token(k) for k in query_keys(clause.words[0])])
    return _all(
        [
            ("in", "pairs", [pair_token(a, b) for a in query_keys(x) for b in query_keys(y)])
            for x, y in zip(clause.words, clause.words[1:], strict=False)
        ]
    )


def _exact(clause: Clause) -> Expr:
    if clause.kind == "word":
        return ("in", "terms", [token(exact_key(clause.words[0]))])
    words = [exact_key(w) for w in clause.words]
    return _all(
        [("in", "pairs", [pair_token(a, b)]) for a, b in zip(words, words[1:], strict=False)]
    )


def _all(parts: list[Expr]) -> Expr:
    return parts[0] if len(parts) == 1 else ("all", parts)


def _any(parts: list[Expr]) -> Expr:
    return parts[0] if len(parts) == 1 else ("any", parts)


def negate(expr: Expr) -> Expr:
    """NOT expr, pushed down to the values (Typesense has no NOT over a group)."""
    kind = expr[0]
    if kind == "in":
        return ("not_in", expr[1], expr[2])
    if kind == "not_in":
        return ("in", expr[1], expr[2])
    inner = [negate(e) for e in expr[1]]
    return ("any", inner) if kind == "all" else ("all", inner)


def render(expr: Expr) -> str:
    kind = expr[0]
    if kind in ("in", "not_in"):
        op = ":=" if kind == "in" else ":!="
        return f"{expr[1]}{op}[{','.join(quote(v) for v in dict.fromkeys(expr[2]))}]"
    joiner = " && " if kind == "all" else " || "
    return "(" + joiner.join(render(e) for e in expr[1]) + ")"


def quote(value: str) -> str:
    """A filter value in backticks (Typesense's quoting); a value holding one cannot be quoted,
    so it is replaced by one that matches nothing."""
    if "`" in value:
        return "`\x01`"
    return f"`{value}`"
