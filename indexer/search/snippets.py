"""Snippets and highlights: the document's own spelling of each match, wrapped in <mark>.

A word of the text matches a query word when their exact keys are equal or their variant keys
meet (so the query Hojaly marks "Khojaly"). All text is HTML-escaped; <mark> is the only markup.

With the index's spelling map, the spellings a query can match are known in advance, so one
regular expression finds the candidate words and only those are checked; without it (a single
document page), every word of the text is checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from html import escape

from indexer.analysis import exact_key, tokens, variant_keys
from indexer.search.query import Clause, ParsedQuery

SNIPPET_CHARS = 200
MAX_SNIPPETS = 3
CONTEXT_BEFORE = 60


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str  # the query term it answers, as shown in `matched`


class TermMatcher:
    """Which query term (if any) a word of a document answers."""

    def __init__(self, clauses: list[Clause], spellings=None):
        self.exact: dict[str, str] = {}
        self.variant: dict[str, str] = {}
        self.prefixes: list[tuple[str, str, str]] = []
        for clause in clauses:
            for word in clause.words:
                term = exact_key(word) + ("*" if clause.kind == "prefix" else "")
                if clause.kind == "prefix":
                    self.prefixes.append((exact_key(word), variant_keys(word)[0], term))
                    continue
                self.exact.setdefault(exact_key(word), term)
                for key in variant_keys(word):
                    self.variant.setdefault(key, term)
                for spelling in spellings.spellings(word) if spellings is not None else ():
                    self.exact.setdefault(spelling, term)
        self.candidates = _candidate_regex(self.exact, self.prefixes) if spellings else None

    @classmethod
    def for_query(cls, parsed: ParsedQuery, spellings=None) -> TermMatcher:
        return cls(parsed.positive(), spellings)

    def __bool__(self) -> bool:
        return bool(self.exact or self.variant or self.prefixes)

    def term_for(self, word: str) -> str | None:
        key = exact_key(word)
        if key in self.exact:
            return self.exact[key]
        keys = variant_keys(word)
        for k in keys:
            if k in self.variant:
                return self.variant[k]
        for exact_prefix, variant_prefix, term in self.prefixes:
            if key.startswith(exact_prefix) or any(k.startswith(variant_prefix) for k in keys):
                return term
        return None

    def matches(self, text: str) -> list[Match]:
        if not self:
            return []
        out = []
        for start, end, word in self._words(text):
            term = self.term_for(word)
            if term is not None:
                out.append(Match(start, end, term))
        return out

    def _words(self, text: str):
        """The words worth checking: the regex's candidates, or every word."""
        low = text.replace("İ", "i").lower()
        if self.candidates is None or len(low) != len(text):
            yield from tokens(text)
            return
        for m in self.candidates.finditer(low):
            yield m.start(), m.end(), text[m.start() : m.end()]


def _candidate_regex(terms, prefixes) -> re.Pattern:
    """Any of `terms` or `prefixes` as a whole word of str.lower()ed text (where a Turkic
    capital I has become i, hence the ı -> i twins)."""
    alts = {a for t in terms for a in (t, t.replace("ı", "i"))}
    patterns = sorted((re.escape(a) for a in alts), key=len, reverse=True)
    for exact_prefix, _, _ in prefixes:
        for p in {exact_prefix, exact_prefix.replace("ı", "i")}:
            patterns.append(re.escape(p) + r"\w*")
    return re.compile(r"(?<![\w'’])(?:" + "|".join(patterns) + r")(?:['’]\w+)*(?!\w)")


def matched_spellings(*texts: tuple[str, list[Match]]) -> dict[str, list[str]]:
    """Query term → the spellings of it found in the texts, in order of first appearance."""
    out: dict[str, list[str]] = {}
    for text, matches in texts:
        for m in matches:
            spelling = text[m.start : m.end]
            found = out.setdefault(m.term, [])
            if spelling not in found:
                found.append(spelling)
    return out


def render(text: str, start: int, end: int, matches: list[Match]) -> str:
    """text[start:end] escaped, with the matches inside it marked."""
    parts, pos = [], start
    for m in matches:
        if m.start < start or m.end > end:
            continue
        parts.append(escape(text[pos : m.start], quote=False))
        parts.append("<mark>" + escape(text[m.start : m.end], quote=False) + "</mark>")
        pos = m.end
    parts.append(escape(text[pos:end], quote=False))
    return "".join(parts)


def _window(text: str, center_start: int) -> tuple[int, int]:
    """About SNIPPET_CHARS characters around a match, cut at word boundaries."""
    start = max(0, center_start - CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < center_start else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > center_start else end
    return start, end


def snippets(text: str, matches: list[Match], limit: int = MAX_SNIPPETS) -> list[str]:
    """The best `limit` fragments (most distinct terms, then most matches), in text order."""
    if not matches:
        start, end = _window(text, 0)
        return [_ellipsis(text, start, end, render(text, start, end, []))] if text else []
    chosen = _chosen(text, matches, limit)
    return [_ellipsis(text, s, e, render(text, s, e, inside)) for s, e, inside in chosen]


def snippet_pages(text: str, matches: list[Match], pages, limit: int = MAX_SNIPPETS) -> list[str]:
    """The page label of each of `snippets(text, matches)`, for a text with `pages`
    ([first paragraph, label] per page; paragraphs are separated by blank lines)."""
    if not pages or not text:
        return []
    chosen = _chosen(text, matches, limit) if matches else []
    starts = [inside[0].start if inside else s for s, _, inside in chosen] or [0]
    firsts = [first for first, _ in pages]
    return [pages[max(0, bisect_right(firsts, text.count("\n\n", 0, s)) - 1)][1] for s in starts]


def _chosen(text: str, matches: list[Match], limit: int) -> list[tuple[int, int, list[Match]]]:
    candidates = []
    for m in matches:
        start, end = _window(text, m.start)
        inside = [x for x in matches if x.start >= start and x.end <= end]
        score = (len({x.term for x in inside}), len(inside), -start)
        candidates.append((score, start, end, inside))
    candidates.sort(key=lambda c: c[0], reverse=True)
    chosen: list[tuple[int, int, list[Match]]] = []
    for _, start, end, inside in candidates:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, inside))
        if len(chosen) == limit:
            break
    chosen.sort()
    return chosen


def _ellipsis(text: str, start: int, end: int, html: str) -> str:
    html = " ".join(html.split())  # a snippet is one line: paragraph breaks become spaces
    return ("…" if start > 0 else "") + html + ("…" if end < len(text) else "")


def highlight_text(text: str, query: str) -> str:
    """The whole text escaped, with the query's matches marked (for the document page)."""
    from indexer.results import QueryError
    from indexer.search.query import parse

    try:
        matcher = TermMatcher.for_query(parse(query))
    except QueryError:
        return escape(text, quote=False)
    return render(text, 0, len(text), matcher.matches(text))
