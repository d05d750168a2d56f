"""The Whoosh schema: what is indexed, what is stored, what has a column for facets/sorting."""

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from indexer.analysis import exact_analyzer

TITLE_BOOST = 3.0


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        # Exact spellings only: other spellings are found at query time (indexer.spellings).
        title=TEXT(analyzer=exact_analyzer(), stored=True, field_boost=TITLE_BOOST),
        body=TEXT(analyzer=exact_analyzer(), stored=True),
        # Facets: columns are read once per index version into arrays (see indexer.facets).
        publisher=ID(stored=True, sortable=True),
        languages=ID(stored=True, sortable=True),  # "en,az": primary language first
        year=NUMERIC(stored=True, sortable=True, signed=False, bits=32),
        date_key=NUMERIC(sortable=True, signed=False, bits=32),  # YYYYMMDD, 0 when unknown
        published=STORED,
        url=STORED,
        provenance=STORED,
        source=STORED,
    )


def date_key(published: str | None) -> int:
    """ "2023-02-26" → 20230226, "2013" → 20130000; unknown dates sort last."""
    if not published:
        return 0
    digits = "".join(ch for ch in published if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if len(digits) >= 4 else 0
