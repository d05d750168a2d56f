"""Snippets and highlights from the resolved plan: the document's own spelling of each match,
wrapped in <mark>. All text is HTML-escaped; <mark> is the only markup.

A word of the text matches a leaf of the plan when its exact key is one of the indexed words the
leaf was resolved to, so highlights show exactly what matched; a phrase is marked only where its
words stand side by side. The candidate words are found by the first characters of the terms
(`str.find`, a scan in C for each: a regular expression of a few alternatives takes longer
to compile than to run on a page of results; for many, one expression, compiled once and
cached), and the work stops after MAX_MATCHES matches, so a document of any size costs a
bounded amount beyond those scans.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from indexer.analysis import WORD_RE, exact_key, tokens, without_elisions
from indexer.results import Hit
from indexer.search.plan import And, Phrase, Prefix, Word

SNIPPET_CHARS = 200
MAX_SNIPPETS = 3
CONTEXT_BEFORE = 60
MAX_MATCHES = 1000  # per text: enough for any page; bounds the work on a huge document
MAX_PAGE_MATCHES = 20_000  # marks on the document page
CANDIDATE_CHARS = 3  # a term's first characters, as the candidate scan looks for them
CANDIDATE_WINDOW = 1 << 16  # characters of a text scanned for candidates at a time
# More starts than this (a name with many spellings) are found with one regular expression:
# a str.find per start then scans the text once for each, which costs more than compiling
# the expression (0.3 ms for 53 starts) and running it (1 ms against 2 ms for twenty texts)
FIND_MAX_STARTS = 8
# the rest of a candidate word from where its start was found (Kurtan'da: one word)
_REST_RE = re.compile(r"\w*(?:['’]\w+)*")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    term: str  # the query leaf it answers, as shown in `matched`
    typed: bool  # in the spelling the user typed


class Highlighter:
    """Finds the matches of one resolved plan in a text."""

    def __init__(self, plan: And):
        # exact key -> (leaf, slot) pairs it can stand for
        self.lookup: dict[str, list[tuple[object, int]]] = {}
        prefixes: list[str] = []
        for leaf in plan.leaves():
            if isinstance(leaf, Phrase):
                for slot, word in enumerate(leaf.words):
                    for term in word.terms:
                        self.lookup.setdefault(term, []).append((leaf, slot))
            else:
                for term in leaf.terms:
                    self.lookup.setdefault(term, []).append((leaf, 0))
                if isinstance(leaf, Prefix):
                    prefixes += [leaf.exact, leaf.light]
        self.starts = _candidate_starts(self.lookup, prefixes)

    def matches(self, text: str, limit: int = MAX_MATCHES) -> list[Match]:
        """Every match in text order; one word may answer several leaves (Khojaly Hojaly)."""
        if not self.starts:
            return []
        out: list[Match] = []
        lookup = self.lookup
        # a French elided word is no word, and the name after it begins one (l'OSCE): blanked,
        # every offset kept
        text = without_elisions(text)
        for start, end, word in self._words(text):
            key = exact_key(word)
            for leaf, slot in lookup.get(key, ()):
                if slot:
                    continue  # a phrase is found from its first word
                found = self._match(text, leaf, start, end, key)
                if found is not None:
                    out.append(found)
            if len(out) >= limit:
                break
        out.sort(key=lambda m: (m.start, -m.end))
        return out

    def _match(self, text: str, leaf, start: int, end: int, key: str) -> Match | None:
        if isinstance(leaf, Word):
            return Match(start, end, leaf.label(), key == leaf.exact)
        if isinstance(leaf, Prefix):
            return Match(start, end, leaf.label(), key.startswith(leaf.exact))
        typed = key == leaf.words[0].exact
        for following in leaf.words[1:]:
            nxt = WORD_RE.search(text, end)
            nxt_key = exact_key(nxt.group()) if nxt is not None else None
            if nxt_key not in following.terms:
                return None
            typed = typed and nxt_key == following.exact
            end = nxt.end()
        return Match(start, end, leaf.label(), typed)

    def _words(self, text: str):
        """The words worth checking: the candidates, or every word where lower-casing changes
        the text's length (the candidates are found in lower-cased text)."""
        low = text.replace("İ", "i").lower()
        if len(low) != len(text):
            yield from tokens(text)
            return
        for start, end in _candidates(low, self.starts):
            # a start found inside a word is dropped; its candidate runs to that word's end,
            # where no whole word can begin
            if start and (low[start - 1].isalnum() or low[start - 1] in "_'’"):
                continue
            yield start, end, text[start:end]


def _candidate_starts(terms, prefixes: list[str]) -> tuple[str, ...]:
    """What begins each word of str.lower()ed text that may be one of `terms` or start with
    one of `prefixes` (where a Turkic capital I has become i, hence the ı -> i twins, and the
    letters typed for ə are as typed, hence the ǝ and ә twins: exact keys read them as ə):
    each term by its first CANDIDATE_CHARS characters, so a prefix with a thousand
    completions and their spellings still has few; `matches` checks each candidate word."""
    starts = {p for p in prefixes if p}
    starts |= {t[:CANDIDATE_CHARS] for t in terms if not any(t.startswith(p) for p in starts)}
    dotted = {a for s in starts for a in (s, s.replace("ı", "i"))}
    return tuple(sorted({b for a in dotted for b in (a, *_schwa_twins(a))}))


def _schwa_twins(start: str) -> tuple[str, ...]:
    if "ə" not in start:
        return ()
    return start.replace("ə", "ǝ"), start.replace("ə", "ә")


def _candidates(low: str, starts: tuple[str, ...]):
    """(start, end) of each candidate in text order: a place where one of `starts` begins (the
    longest, where several do), to the end of its word, and none inside the one before. A
    window of the text at a time, so the caller's limit bounds the work on a huge text."""
    if len(starts) > FIND_MAX_STARTS:
        for m in _starts_regex(starts).finditer(low):  # lazy: the limit bounds it too
            yield m.span()
        return
    end = 0
    for lo in range(0, len(low), CANDIDATE_WINDOW):
        found = []
        for s in starts:
            # the places in the window where `s` begins: it may end past the window
            hi = lo + CANDIDATE_WINDOW + len(s) - 1
            i = low.find(s, lo, hi)
            while i >= 0:
                found.append((i, -len(s)))
                i = low.find(s, i + 1, hi)
        found.sort()
        for start, minus in found:
            if start >= end:
                end = _REST_RE.match(low, start - minus).end()
                yield start, end


@lru_cache(maxsize=256)
def _starts_regex(starts: tuple[str, ...]) -> re.Pattern:
    """The starts as alternatives, longest first, then the rest of the word: compiled once
    for every query whose terms begin so (a name's spellings, whichever of them was typed)."""
    alternatives = "|".join(re.escape(s) for s in sorted(starts, key=len, reverse=True))
    return re.compile(f"(?:{alternatives})" + _REST_RE.pattern)


def _without_overlaps(matches: list[Match]) -> list[Match]:
    """Matches in text order to mark; where two overlap (a word inside a phrase), the longer."""
    out: list[Match] = []
    for m in matches:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


def matched_spellings(*texts: tuple[str, list[Match]]) -> dict[str, list[str]]:
    """Query leaf → the spellings of it found in the texts, in order of first appearance."""
    out: dict[str, list[str]] = {}
    for text, matches in texts:
        for m in matches:
            spelling = " ".join(text[m.start : m.end].split())
            found = out.setdefault(m.term, [])
            if spelling not in found:
                found.append(spelling)
    return out


def hit_of(stored: dict, languages: list[str], score: float, highlighter: Highlighter) -> Hit:
    """The hit of a stored document, with its snippets and the spellings it matched by, as
    both engines give it (each stores the languages its own way and scores its own way)."""
    body, title = stored.get("body") or "", stored.get("title") or ""
    body_matches = highlighter.matches(body)
    return Hit(
        id=stored["id"],
        title=title,
        publisher=stored.get("publisher") or "Unknown",
        published=stored.get("published"),
        languages=languages,
        url=stored.get("url"),
        score=score,
        snippets=snippets(body, body_matches),
        matched=matched_spellings((title, highlighter.matches(title)), (body, body_matches)),
        format=stored.get("format"),
        snippet_pages=snippet_pages(body, body_matches, stored.get("pages")),
    )


def render(text: str, start: int, end: int, matches: list[Match]) -> str:
    """text[start:end] escaped, with the matches inside it marked."""
    parts, pos = [], start
    for m in _without_overlaps(matches):
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
        space = text.find(" ", start, center_start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > center_start else end
    return start, end


def snippets(text: str, matches: list[Match], limit: int = MAX_SNIPPETS) -> list[str]:
    """The best `limit` fragments, in text order. Best: most distinct query leaves, then most
    matches in the spelling the user typed, then most matches, then earliest."""
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
    """(start, end, matches inside) of the best `limit` windows, in text order."""
    starts = [m.start for m in matches]
    candidates = []
    for m in matches:
        start, end = _window(text, m.start)
        # matches are in text order: those inside the window form one run
        inside = matches[bisect_left(starts, start) : bisect_left(starts, end)]
        inside = [x for x in inside if x.end <= end]
        score = (len({x.term for x in inside}), sum(x.typed for x in inside), len(inside), -start)
        candidates.append((score, start, end, inside))
    candidates.sort(key=lambda c: c[0], reverse=True)
    chosen: list[tuple[int, int, list[Match]]] = []
    for _, start, end, inside in candidates:
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, inside))
        if len(chosen) == limit:
            break
    chosen.sort(key=lambda c: c[0])
    return chosen


def _ellipsis(text: str, start: int, end: int, html: str) -> str:
    html = " ".join(html.split())  # a snippet is one line: paragraph breaks become spaces
    return ("…" if start > 0 else "") + html + ("…" if end < len(text) else "")


def highlight_text(text: str, plan: And) -> str:
    """The whole text escaped, with the resolved plan's matches marked (the document page)."""
    return render(text, 0, len(text), Highlighter(plan).matches(text, MAX_PAGE_MATCHES))
