"""Checks on a record's metadata before it is indexed: ids, titles, publishers and dates.

An id is part of every URL that names the document, so one that holds invisible or
direction-changing characters is refused; in titles and publishers such characters are
shown as `<U+XXXX>` instead of acting on the page. An impossible date is dropped, and the
document kept undated, rather than sorting it among the newest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

from indexer.ingest.documents import SourceRecord

# C0 and C1 controls, zero-width and direction marks, embeddings, overrides and isolates,
# and the byte order mark.
HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
WHITESPACE = re.compile(r"[\t\n\r]+")
DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
EARLIEST_YEAR = 1000


def describe(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name})"


def check_id(doc_id: str) -> None:
    """ValueError naming the first character that has no place in an id."""
    found = HIDDEN.search(doc_id)
    if found:
        raise ValueError(f"id contains {describe(found.group())}; an id must be plain visible text")


def visible(text: str) -> str:
    """Line breaks and tabs become spaces; other hidden characters become `<U+XXXX>`."""
    text = WHITESPACE.sub(" ", text)
    return HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def date_problem(published: str) -> str | None:
    """Why `published` is not a date we can sort by, or None when it is one."""
    found = DATE.fullmatch(published)
    if not found:
        return "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else None for part in found.groups())
    if not EARLIEST_YEAR <= year <= date.today().year + 1:
        return f"has an implausible year {year}"
    try:
        date(year, month or 1, day or 1)
    except ValueError as exc:
        return f"is not a real date ({exc})"
    return None


def checked(record: SourceRecord, warnings: list[str]) -> SourceRecord:
    """`record` with its metadata made safe, each change noted in `warnings`; ValueError for
    a record that cannot be indexed at all (its id)."""
    check_id(record.id)
    changes = {}
    for key in ("title", "publisher"):
        value = getattr(record, key)
        if not value or not HIDDEN.search(value):
            continue
        changes[key] = visible(value)
        hidden = HIDDEN.search(WHITESPACE.sub(" ", value))
        if hidden:
            warnings.append(
                f"{record.source}: {key} contains {describe(hidden.group())}; "
                f"shown as {changes[key]!r}"
            )
    if record.published:
        problem = date_problem(record.published)
        if problem:
            warnings.append(
                f"{record.source}: published {record.published!r} {problem}; "
                "the document is kept without a date"
            )
            changes["published"] = None
    return replace(record, **changes) if changes else record
