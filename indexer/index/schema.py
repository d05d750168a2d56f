"""The Whoosh schema: what is indexed, what is stored, what has a column for facets/sorting."""

from itertools import groupby
from pickle import dumps

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.system import pack_uint

from indexer.analysis import exact_analyzer, exact_key, words

TITLE_BOOST = 3.0
CACHE_LIMIT = 500_000  # words kept per process; a cache this size is a few tens of MB


class WordPositions(Positions):
    """Whoosh's Positions format, fed straight from our word regex and exact keys.

    It yields what `exact_analyzer()` would (the same words at the same positions, the same
    bytes as `Positions.encode`), without a Token object and two generator layers per word,
    and with each spelling's exact key and each lone position's encoding computed once per
    process: indexing spends most of its time here."""

    def word_values(self, value, analyzer, **kwargs):
        boost = self.field_boost
        for word, poslist in word_positions(value).items():
            yield word, len(poslist), len(poslist) * boost, encode_positions(poslist)


_EXACT: dict[str, str] = {}
_LONE: dict[int, bytes] = {}


def word_positions(text: str, seen: set[str] | None = None) -> dict[str, list[int]]:
    """Exact key -> positions of its words in `text`; the words as written are added to `seen`.

    Per word only C-level work (the regex, dict lookups by map, a keyed sort); Python runs
    once per distinct word of the text."""
    written = words(text)
    distinct = set(written)
    if seen is not None:
        seen |= distinct
    known = _EXACT
    if len(known) >= CACHE_LIMIT:
        known.clear()
    for word in distinct.difference(known):
        known[word] = exact_key(word)
    keys = list(map(known.__getitem__, written))
    order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: positions stay in order
    return {key: list(group) for key, group in groupby(order, keys.__getitem__)}


def encode_positions(poslist: list[int]) -> bytes:
    """`Positions.encode`: the count, then the pickled deltas (most words occur once)."""
    if len(poslist) == 1 and poslist[0] < CACHE_LIMIT:
        pos = poslist[0]
        found = _LONE.get(pos)
        if found is None:
            found = _LONE[pos] = pack_uint(1) + dumps(poslist, 2)
        return found
    deltas = [poslist[0]]
    deltas.extend(b - a for a, b in zip(poslist, poslist[1:], strict=False))
    return pack_uint(len(deltas)) + dumps(deltas, 2)


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
