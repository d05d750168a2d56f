"""Search parameters from a request's query string, checked the same way for the UI and the API.

`parse_search_args` turns the query-string MultiDict into a `SearchRequest`, or raises
`ParamError` naming the first parameter that is wrong. Rules:
- unknown parameters are ignored; an empty value means "not given" (HTML forms send `year_from=`);
- a single-valued parameter given twice uses its first value;
- control characters are refused everywhere, except tab, line feed and carriage return in `q`
  (they are whitespace, and pasted queries carry them);
- `publisher` and `language` repeat; their empty values are dropped and duplicates merged.
"""

from __future__ import annotations

import re
import unicodedata

from werkzeug.datastructures import MultiDict

from indexer.params import DEFAULT_PER_PAGE
from indexer.results import MAX_PER_PAGE, MAX_QUERY_LENGTH, SORTS, SearchRequest

MAX_PAGE = 10_000  # deep paging is what crawlers do; nobody reads page 10,001
MIN_YEAR, MAX_YEAR = 1, 9999
MAX_VALUE_LENGTH = 200  # one publisher or language name
MAX_VALUES = 50  # values of one repeatable parameter
PARAMS = ("q", "publisher", "language", "year_from", "year_to", "sort", "page", "per_page")

_DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII only: int() would also take "٣" or "1_000"
_Q_WHITESPACE = frozenset("\t\n\r")


class ParamError(ValueError):
    """A parameter with a value that cannot be searched; `detail` is meant for the user."""

    def __init__(self, param: str, detail: str):
        super().__init__(detail)
        self.param = param
        self.detail = detail

    def __repr__(self) -> str:
        return f"ParamError({self.param!r}, {self.detail!r})"


def _check_characters(name: str, value: str) -> None:
    allowed = _Q_WHITESPACE if name == "q" else frozenset()
    for ch in value:
        if unicodedata.category(ch) == "Cc" and ch not in allowed:
            raise ParamError(name, f"{name} must not contain control characters (U+{ord(ch):04X})")


def without_control_characters(value: str) -> str:
    """`value` less its control characters, keeping the whitespace ones `q` allows."""
    return "".join(ch for ch in value if ch in _Q_WHITESPACE or unicodedata.category(ch) != "Cc")


def _first(args: MultiDict, name: str) -> str | None:
    """The parameter's first value, stripped; None when absent or empty."""
    value = args.get(name)
    if value is None:
        return None
    value = value.strip()
    return value or None


def _integer(args: MultiDict, name: str, low: int, high: int, what: str) -> int | None:
    raw = _first(args, name)
    if raw is None:
        return None
    if not _DIGITS.fullmatch(raw) or not low <= int(raw) <= high:
        raise ParamError(name, f"{name} must be {what}, got {raw[:40]!r}")
    return int(raw)


def _repeated(args: MultiDict, name: str) -> tuple[str, ...]:
    values: list[str] = []
    for raw in args.getlist(name):
        value = raw.strip()
        if not value or value in values:
            continue
        if len(value) > MAX_VALUE_LENGTH:
            raise ParamError(name, f"each {name} must be at most {MAX_VALUE_LENGTH} characters")
        values.append(value)
    if len(values) > MAX_VALUES:
        raise ParamError(name, f"at most {MAX_VALUES} values of {name} can be combined")
    return tuple(values)


def parse_search_args(args: MultiDict) -> SearchRequest:
    """The search that `args` asks for; raises ParamError for the first invalid parameter."""
    for name in PARAMS:
        for value in args.getlist(name):
            _check_characters(name, value)

    q = (args.get("q") or "").strip()
    if len(q) > MAX_QUERY_LENGTH:
        raise ParamError("q", f"q must be at most {MAX_QUERY_LENGTH} characters, got {len(q)}")

    sort = _first(args, "sort") or "relevance"
    if sort not in SORTS:
        raise ParamError("sort", f"sort must be one of {', '.join(SORTS)}, got {sort[:40]!r}")

    year = f"a year from {MIN_YEAR} to {MAX_YEAR}"
    year_from = _integer(args, "year_from", MIN_YEAR, MAX_YEAR, year)
    year_to = _integer(args, "year_to", MIN_YEAR, MAX_YEAR, year)
    if year_from is not None and year_to is not None and year_from > year_to:
        raise ParamError("year_from", f"year_from ({year_from}) is after year_to ({year_to})")

    page = _integer(args, "page", 1, MAX_PAGE, f"a whole number from 1 to {MAX_PAGE}")
    per_page = _integer(
        args, "per_page", 1, MAX_PER_PAGE, f"a whole number from 1 to {MAX_PER_PAGE}"
    )
    return SearchRequest(
        q=q,
        publisher=_repeated(args, "publisher"),
        language=_repeated(args, "language"),
        year_from=year_from,
        year_to=year_to,
        sort=sort,
        page=page or 1,
        per_page=per_page or DEFAULT_PER_PAGE,
    )
