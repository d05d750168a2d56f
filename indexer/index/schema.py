"""The Whoosh schema: what is indexed, what is stored, what has a column for facets/sorting."""

from collections import defaultdict

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions

from indexer.analysis import WORD_RE, exact_analyzer, exact_key

TITLE_BOOST = 3.0


class WordPositions(Positions):
    """Whoosh's Positions format, fed straight from our word regex and exact keys.

    It yields what `exact_analyzer()` would (the same words at the same positions), without a
    Token object and two generator layers per word: indexing spends most of its time here."""

    def word_values(self, value, analyzer, **kwargs):
        positions = defaultdict(list)
        for pos, match in enumerate(WORD_RE.finditer(value)):
            positions[exact_key(match.group())].append(pos)
        boost = self.field_boost
        for word, poslist in positions.items():
            yield word, len(poslist), len(poslist) * boost, self.encode(poslist)


def _text(**kwargs) -> TEXT:
    field = TEXT(analyzer=exact_analyzer(), **kwargs)
    field.format = WordPositions(field_boost=kwargs.get("field_boost", 1.0))
    return field


def build_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True),
        # Exact spellings only: other spellings are found at query time (indexer.index.spellings).
        title=_text(stored=True, field_boost=TITLE_BOOST),
        body=_text(stored=True),
        # Facets: columns are read once per index version into arrays (see indexer.search.facets).
        publisher=ID(stored=True, sortable=True),
        languages=ID(stored=True, sortable=True),  # "en,az": primary language first
        year=NUMERIC(stored=True, sortable=True, signed=False, bits=32),
        date_key=NUMERIC(sortable=True, signed=False, bits=32),  # YYYYMMDD, 0 when unknown
        published=STORED,
        url=STORED,
        provenance=STORED,
        source=STORED,
        format=STORED,  # "html", "warc", "pdf", "docx"; absent for text and JSON Lines
        author=STORED,
        captured=STORED,
        pages=STORED,  # [[first paragraph, page label], ...] for paged formats
    )


def date_key(published: str | None) -> int:
    """ "2023-02-26" → 20230226, "2013" → 20130000; unknown dates sort last."""
    if not published:
        return 0
    digits = "".join(ch for ch in published if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if len(digits) >= 4 else 0
