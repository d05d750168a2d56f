"""A query plan as Typesense filters over our own spelling tokens (see `documents`).

`translate()` is the one place that reads the plan (`indexer.search.plan`): it turns it into
- `match`: which documents answer it (every spelling, as the embedded engine finds them);
- `exact`: which of those use the spelling typed (they rank first, as in the embedded engine);
- `prefix`: the stem of a `prefix*` leaf, searched with Typesense's prefix search.

The plan is the parsed one, not resolved against a spelling map: the cluster has none, and each
word's spellings are found by its variant keys, which every document carries as tokens.
Typesense searches a prefix only as the last word of its text query, so a query can hold one
prefix leaf, not negated and not ORed with others; anything else is a QueryError.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.cluster.documents import hex_word, pair_token, query_keys, token
from indexer.results import QueryError
from indexer.search.plan import And, Leaf, Name, Or, Prefix, Word

# A filter expression: ("in" | "not_in", field, values) or ("all" | "any", [expressions]).
Expr = tuple


@dataclass(frozen=True)
class Translation:
    match: Expr | None  # None: every document
    exact: Expr | None  # None: no tier of exact spellings (an empty or prefix-only query)
    prefix: str | None  # hex-encoded stem for the text query, or None


def translate(plan: And) -> Translation:
    prefixes = [c for c in plan.positive if isinstance(c, Prefix)]
    if len(prefixes) > 1 or any(isinstance(c, Prefix) for c in plan.excluded):
        raise QueryError(_PREFIX_HELP)
    if any(
        isinstance(c, Or) and any(isinstance(x, Prefix) for x in c.children) for c in plan.positive
    ):
        raise QueryError(_PREFIX_HELP)
    match, exact = [], []
    for node in plan.positive:
        if isinstance(node, Prefix):
            continue
        leaves = node.children if isinstance(node, Or) else (node,)
        match.append(_any([_leaf(x) for x in leaves]))
        # a place's other names match, but only the name as typed ranks first
        typed = (node.typed,) if isinstance(node, Name) else leaves
        exact.append(_any([_exact(x) for x in typed]))
    for leaf in plan.excluded:
        match.append(negate(_leaf(leaf)))
    return Translation(
        match=_all(match) if match else None,
        exact=_all(exact) if exact else None,
        prefix=hex_word(prefixes[0].exact) if prefixes else None,
    )


_PREFIX_HELP = (
    "This search engine takes one prefix* per query, not negated and not joined by OR; "
    "write the other words in full."
)


def _leaf(leaf: Leaf) -> Expr:
    if isinstance(leaf, Word):
        return ("in", "keys", [token(k) for k in query_keys(leaf.text)])
    return _all(
        [
            (
                "in",
                "pairs",
                [pair_token(a, b) for a in query_keys(x.text) for b in query_keys(y.text)],
            )
            for x, y in zip(leaf.words, leaf.words[1:], strict=False)
        ]
    )


def _exact(leaf: Leaf) -> Expr:
    if isinstance(leaf, Word):
        return ("in", "terms", [token(leaf.exact)])
    words = [w.exact for w in leaf.words]
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
