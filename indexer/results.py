"""The search contract: what the CLI, the UI and the API all get from the search core.

`SearchResult.to_dict()` is exactly the JSON that `/api/search` and `search --json` return.
The answer's classes turn into dicts by `plain`, not `dataclasses.asdict`, whose deep copy of
every string and number cost more per request than everything else around the search (a page of
hits and a few hundred facet values); a test holds them to what `asdict` gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SORTS = ("relevance", "date", "oldest")  # date: newest first; oldest: oldest first
MAX_PER_PAGE = 100
MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32  # words, phrases and prefixes in one query


_SHARED = frozenset({str, int, float, bool, type(None)})


def plain(value):
    """`value` as JSON-ready data, as `dataclasses.asdict` gives it (a dataclass as a dict of its
    fields in order, lists, tuples and dicts copied), but sharing strings and numbers instead
    of deep-copying them."""
    if type(value) in _SHARED:
        return value
    if hasattr(value, "__dataclass_fields__"):
        fields = ((name, getattr(value, name)) for name in value.__dataclass_fields__)
        return {name: v if type(v) in _SHARED else plain(v) for name, v in fields}
    if isinstance(value, list | tuple):
        return type(value)(v if type(v) in _SHARED else plain(v) for v in value)
    if isinstance(value, dict):
        return {k: v if type(v) in _SHARED else plain(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    publisher: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    undated: bool = False  # documents without a date (ORed with the year range, if any)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    collapse: bool = True  # copies of one text shown as one hit (see Hit.copies)


@dataclass
class FacetValue:
    value: str
    count: int
    selected: bool
    toggle_url: str = ""  # relative query string that adds or removes this value
    label: str = ""  # how people read the value: "English" for "en", "Undated" for "undated"


@dataclass
class ValueSuggestion:
    """A known value close to one the index does not have."""

    value: str
    label: str
    url: str = ""  # relative query string of the same search with this value instead


@dataclass
class UnknownFilter:
    """A filter value that no document has: the search answers nothing and says so."""

    parameter: str
    value: str
    suggestions: list[ValueSuggestion] = field(default_factory=list)


@dataclass
class CopyRef:
    """Another document of the same copy group (a republication of the same text)."""

    id: str
    title: str
    publisher: str
    published: str | None
    url: str | None
    similarity: float | None = None  # share of word shingles in common with the document


@dataclass
class Hit:
    id: str
    title: str
    publisher: str
    published: str | None
    languages: list[str]
    url: str | None
    score: float
    snippets: list[str]
    # query term -> the spellings of it that this document uses, e.g. {"hojaly": ["Khojaly"]}
    matched: dict[str, list[str]] = field(default_factory=dict)
    format: str | None = None  # "html", "warc", "pdf", "docx"; None for text and JSON Lines
    # for paged documents (PDF), the page label of each snippet: ["12", "13"]
    snippet_pages: list[str] = field(default_factory=list)
    # Copies: the group's id (None without copies); with collapsing, the other matching
    # documents of the group folded into this hit (at most 20 listed, all counted).
    copy_group: str | None = None
    copy_count: int = 0
    copies: list[CopyRef] = field(default_factory=list)


@dataclass
class SearchResult:
    query: str
    normalized_query: str
    total: int
    page: int
    per_page: int
    took_ms: float
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str | None = None
    unknown_filters: list[UnknownFilter] = field(default_factory=list)
    # The search as understood: filter values as the index spells them ("English" → "en").
    request: SearchRequest | None = None

    @property
    def total_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "normalized_query": self.normalized_query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "total_pages": self.total_pages,
            "took_ms": round(self.took_ms, 2),
            "hits": plain(self.hits),
            "facets": plain(self.facets),
            "suggestion": self.suggestion,
            "unknown_filters": plain(self.unknown_filters),
        }


@dataclass
class DocumentRecord:
    id: str
    title: str
    publisher: str
    published: str | None
    year: int | None
    language: str | None
    languages: list[str]
    url: str | None
    provenance: str | None
    source: str
    text: str  # clean text: page furniture removed
    format: str | None = None
    author: str | None = None
    captured: str | None = None  # when a web archive captured the page
    # where each page starts: {"paragraph": index into the text's paragraphs, "label": "12"}
    pages: list[dict] = field(default_factory=list)
    copy_group: str | None = None
    copies: list[CopyRef] = field(default_factory=list)  # the other documents of its group

    @classmethod
    def from_stored(cls, stored: dict, languages: list[str], **more) -> DocumentRecord:
        """A record from a document's stored fields, which every engine names alike."""
        return cls(
            id=stored["id"],
            title=stored.get("title") or stored["id"],
            publisher=stored.get("publisher") or "Unknown",
            published=stored.get("published"),
            year=stored.get("year") or None,
            language=languages[0] if languages else None,
            languages=languages,
            url=stored.get("url"),
            provenance=stored.get("provenance"),
            source=stored.get("source") or "",
            text=stored.get("body") or "",
            format=stored.get("format"),
            author=stored.get("author"),
            captured=stored.get("captured"),
            pages=[{"paragraph": i, "label": label} for i, label in stored.get("pages") or ()],
            **more,
        )

    def to_dict(self) -> dict:
        return plain(self)


@dataclass
class IndexStats:
    document_count: int
    built_at: str | None
    version: str | None
    cluster: dict | None = None  # a clustered engine's state: status and the nodes that answer


class QueryError(ValueError):
    """A query that cannot be searched at all; the message is meant for the user."""
