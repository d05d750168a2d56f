"""A query's text made a plan (plan.py): `parse` reads words, "phrases", OR, NOT and -word,
and prefix*, refuses what cannot be searched with a clear QueryError, and makes each run of
words that is a place's name a Name with the place's other names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from indexer.analysis import tokens
from indexer.analysis.endings import is_hyphen_ending
from indexer.analysis.name_forms import in_capitals
from indexer.analysis.whole_names import compound, longest, other_forms, other_names
from indexer.results import MAX_QUERY_LENGTH, MAX_TERMS, QueryError
from indexer.search.plan import And, Leaf, Name, Not, Or, Phrase, Prefix, Word

MAX_CLAUSES = MAX_TERMS
# Other names that the names of one query may bring in all together: a query of many place
# names must not become a thousand phrases to read.
MAX_OTHER_NAMES = 96
PREFIX_MIN_CHARS = 2
HELP = 'Try words, "an exact phrase", OR, NOT or -word, and prefix* (at least two letters).'
# A piece of the query: an optionally negated "phrase", or a run of non-space characters.
PIECE = re.compile(r'(-?)"([^"]*)"|(\S+)')


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
