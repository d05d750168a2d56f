"""Search requests as query-string parameters: the one validator, and the way back to a URL.

The CLI, the browser UI and the JSON API all read a search through `parse_params`, so one rule
set decides what can be searched:
- unknown parameters are ignored; an empty value means "not given" (HTML forms send `year_from=`);
- a single-valued parameter given twice uses its first value;
- control characters are refused everywhere, except tab, line feed and carriage return in `q`
  (they are whitespace, and pasted queries carry them);
- `publisher` and `language` repeat; their empty values are dropped and duplicates merged.
Every limit is a constant here (or in `indexer.results`), and the README and the OpenAPI
document quote these constants.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from urllib.parse import quote_plus

from indexer.results import MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_TERMS, SORTS, SearchRequest

DEFAULT_PER_PAGE = 10
MAX_PAGE = 10_000  # deep paging is what crawlers do; nobody reads page 10,001
MIN_YEAR, MAX_YEAR = 1, 9999
MAX_VALUE_LENGTH = 200  # one publisher or language name
MAX_VALUES = 50  # values of one repeatable parameter
PARAMS = (
    "q",
    "publisher",
    "language",
    "year_from",
    "year_to",
    "undated",
    "sort",
    "page",
    "per_page",
    "collapse",
)
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")

_DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII only: int() would also take "٣" or "1_000"
_Q_WHITESPACE = frozenset("\t\n\r")
# A term is a word, "a phrase" or a prefix*; the operators between them are not terms.
_PIECE = re.compile(r'"[^"]*"|\S+')
_OPERATORS = frozenset({"OR", "AND", "NOT", "|", "&", "+"})


class ParamError(ValueError):
    """A parameter with a value that cannot be searched; `detail` is meant for the user."""

    def __init__(self, param: str, detail: str):
        super().__init__(detail)
        self.param = param
        self.detail = detail

    def __repr__(self) -> str:
        return f"ParamError({self.param!r}, {self.detail!r})"


def count_terms(q: str) -> int:
    """Words, phrases and prefixes in `q` (a quoted phrase is one term; OR, NOT … are none)."""
    return sum(
        1
        for piece in _PIECE.findall(q)
        if piece not in _OPERATORS and any(ch.isalnum() for ch in piece)
    )


class _Reader:
    """The values of each parameter, and how to name a parameter in an error message."""

    def __init__(self, pairs: Iterable[tuple[str, str]], spell: Callable[[str], str]):
        self.values: dict[str, list[str]] = {}
        for name, value in pairs:
            self.values.setdefault(name, []).append(value)
        self.spell = spell

    def error(self, name: str, detail: str) -> ParamError:
        # the first {name} only, and not format(): the value quoted after it may hold braces
        return ParamError(name, detail.replace("{name}", self.spell(name), 1))

    def check_characters(self) -> None:
        for name in PARAMS:
            allowed = _Q_WHITESPACE if name == "q" else frozenset()
            for value in self.values.get(name, ()):
                for ch in value:
                    if unicodedata.category(ch) == "Cc" and ch not in allowed:
                        detail = f"{{name}} must not contain control characters (U+{ord(ch):04X})"
                        raise self.error(name, detail)

    def first(self, name: str) -> str | None:
        """The parameter's first value, stripped; None when absent or empty."""
        values = self.values.get(name)
        return (values[0].strip() or None) if values else None

    def integer(self, name: str, low: int, high: int, what: str) -> int | None:
        raw = self.first(name)
        if raw is None:
            return None
        if not _DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
            raise self.error(name, f"{{name}} must be {what}, got {raw[:40]!r}")
        return int(raw)

    def boolean(self, name: str, default: bool = False) -> bool:
        raw = self.first(name)
        if raw is None:
            return default
        if raw.lower() in FALSE:
            return False
        if raw.lower() in TRUE:
            return True
        raise self.error(name, f"{{name}} must be true or false, got {raw[:40]!r}")

    def repeated(self, name: str) -> tuple[str, ...]:
        given = self.values.get(name, ())
        # counted as sent, blanks and repeats included: the API document's maxItems counts so
        if len(given) > MAX_VALUES:
            raise self.error(name, f"at most {MAX_VALUES} values of {{name}} can be combined")
        values: list[str] = []
        for raw in given:
            value = raw.strip()
            if not value or value in values:
                continue
            if len(value) > MAX_VALUE_LENGTH:
                detail = f"each {{name}} must be at most {MAX_VALUE_LENGTH} characters"
                raise self.error(name, detail)
            values.append(value)
        return tuple(values)


def parse_params(
    pairs: Iterable[tuple[str, str]], spell: Callable[[str], str] = str
) -> SearchRequest:
    """The search that the (name, value) `pairs` ask for; raises ParamError for the first
    invalid parameter. `spell` names a parameter in messages (the CLI says `--year-from`)."""
    args = _Reader(pairs, spell)
    args.check_characters()

    q = (args.first("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        detail = f"{{name}} must be at most {MAX_QUERY_LENGTH:,} characters, got {len(q):,}"
        raise args.error("q", detail)
    if count_terms(q) > MAX_TERMS:
        detail = f"{{name}} must have at most {MAX_TERMS} terms, got {count_terms(q)}"
        raise args.error("q", detail)

    sort = args.first("sort") or "relevance"
    if sort not in SORTS:
        raise args.error("sort", f"{{name}} must be one of {', '.join(SORTS)}, got {sort[:40]!r}")

    year = f"a year from {MIN_YEAR} to {MAX_YEAR}"
    year_from = args.integer("year_from", MIN_YEAR, MAX_YEAR, year)
    year_to = args.integer("year_to", MIN_YEAR, MAX_YEAR, year)
    if year_from is not None and year_to is not None and year_from > year_to:
        detail = f"{{name}} ({year_from}) is after {args.spell('year_to')} ({year_to})"
        raise args.error("year_from", detail)

    page = args.integer("page", 1, MAX_PAGE, f"a whole number from 1 to {MAX_PAGE:,}")
    per_page = args.integer("per_page", 1, MAX_PER_PAGE, f"a whole number from 1 to {MAX_PER_PAGE}")
    return SearchRequest(
        q=q,
        publisher=args.repeated("publisher"),
        language=args.repeated("language"),
        year_from=year_from,
        year_to=year_to,
        undated=args.boolean("undated"),
        sort=sort,
        page=page or 1,
        per_page=per_page or DEFAULT_PER_PAGE,
        collapse=args.boolean("collapse", default=True),
    )


# to_params writes these first, in this order; the year range and the rest come after them
LEADING = ("q", "publisher", "language")


def to_params(req: SearchRequest, *, page: bool = True) -> list[tuple[str, str]]:
    """The query-string pairs that reproduce `req` (defaults left out)."""
    pairs: list[tuple[str, str]] = []
    if req.q:
        pairs.append(("q", req.q))
    pairs += [("publisher", p) for p in req.publisher]
    pairs += [("language", lang) for lang in req.language]
    if req.year_from is not None:
        pairs.append(("year_from", str(req.year_from)))
    if req.year_to is not None:
        pairs.append(("year_to", str(req.year_to)))
    if req.undated:
        pairs.append(("undated", "true"))
    if req.sort != "relevance":
        pairs.append(("sort", req.sort))
    if page and req.page != 1:
        pairs.append(("page", str(req.page)))
    if req.per_page != DEFAULT_PER_PAGE:
        pairs.append(("per_page", str(req.per_page)))
    if not req.collapse:
        pairs.append(("collapse", "false"))
    return pairs


def query_string(req: SearchRequest) -> str:
    """`req` as a relative query string ("?q=…&publisher=…"), the form toggle links take:
    what urlencode gives with the same quoting, without its checks of each pair."""
    return "?" + "&".join(_encoded(to_params(req)))


def added_value_links(req: SearchRequest, name: str) -> Callable[[str], str]:
    """A function giving the query string of `req`, back on page 1, with one more value of the
    repeated parameter `name` ("publisher" or "language") after those it has: the toggle links
    of a value facet's unselected values (a page has dozens), with the pairs they share encoded
    once."""
    pairs = to_params(replace(req, page=1))
    encoded = _encoded(pairs)
    cut = sum(1 for key, _ in pairs if key in LEADING[: LEADING.index(name) + 1])
    head, tail, key = encoded[:cut], encoded[cut:], _quoted(name) + "="

    def added(value: str) -> str:
        return "?" + "&".join([*head, key + _quoted(value), *tail])

    return added


def year_links(req: SearchRequest) -> tuple[str, Callable[[int], str]]:
    """The query string of `req` without a year range, back on page 1, and a function giving
    it with the range of one year: the toggle links of the year facet (a page has one for each
    year), with the pairs they share encoded once."""
    pairs = to_params(replace(req, year_from=None, year_to=None, page=1))
    encoded = _encoded(pairs)
    cut = sum(1 for key, _ in pairs if key in LEADING)
    head, tail = encoded[:cut], encoded[cut:]

    def one_year(year: int) -> str:
        y = _quoted(str(year))
        return "?" + "&".join([*head, "year_from=" + y, "year_to=" + y, *tail])

    return "?" + "&".join(encoded), one_year


def _encoded(pairs: list[tuple[str, str]]) -> list[str]:
    return [_quoted(key) + "=" + _quoted(value) for key, value in pairs]


# A result page carries a toggle link per facet value (dozens), each repeating the same query,
# publishers and years: each string is quoted once.
_quoted = lru_cache(maxsize=4096)(quote_plus)
