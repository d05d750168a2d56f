"""A resolved query plan as Typesense filters over the documents' word tokens (`documents`).

`translate()` is the one place that reads the plan (`indexer.search.plan`), resolved against
the collection's spelling map (`vocabulary`) as the embedded engine resolves it against its
index's, and turns it into
- `match`: which documents answer it (every spelling each leaf stands for);
- `exact`: which of those use the spelling typed (they rank first, as in the embedded engine).

A word or a prefix is the set of exact words it was resolved to; a phrase needs each two
adjacent words, in any of their spellings, side by side. So prefixes take part like words:
several in one query, joined by OR, or excluded.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.cluster.documents import NOTHING, pair_token, token
from indexer.search.plan import And, Leaf, Name, Or, Phrase, Prefix, Word

# A filter expression: ("in" | "not_in", field, values) or ("all" | "any", [expressions]).
Expr = tuple


@dataclass(frozen=True)
class Translation:
    match: Expr | None  # None: every document
    exact: Expr | None  # None: no tier of exact spellings (an empty query)


def translate(plan: And) -> Translation:
    """`plan` must be resolved (`indexer.search.resolve.resolve`)."""
    match, exact = [], []
    for node in plan.positive:
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
    )


def _words(terms) -> Expr:
    return ("in", "terms", sorted(token(t) for t in terms) or [NOTHING])


def _leaf(leaf: Leaf) -> Expr:
    if isinstance(leaf, Word | Prefix):
        return _words(leaf.terms)
    return _all(
        [
            ("in", "pairs", sorted({pair_token(a, b) for a in x.terms for b in y.terms}))
            for x, y in zip(leaf.words, leaf.words[1:], strict=False)
        ]
    )


def _exact(leaf: Leaf) -> Expr:
    """The documents that use the spelling typed; a prefix has none of its own."""
    if isinstance(leaf, Word):
        return _words([leaf.exact])
    if isinstance(leaf, Prefix):
        return _leaf(leaf)
    assert isinstance(leaf, Phrase)
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
