"""A segment's per-document columns as a search reads them whole: each document's length in a
field, from Whoosh's one-byte length column, and a stored column's values (the facets' and the
sort keys'), read in one piece where the column's layout allows instead of a value at a time.
`io` is the index version's lock for reads through Whoosh's shared files.
"""

from __future__ import annotations

import threading

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.util.numeric import byte_to_length

_BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def field_lengths(leaf, field: str, n: int, io: threading.Lock) -> np.ndarray:
    """Each of the `n` documents' length in `field`, from the segment's one-byte length
    column."""
    if not leaf._perdoc.has_column(_lenfield(field)):
        return np.zeros(n, dtype=np.float64)
    with io:
        reader = leaf._perdoc.column_reader(_lenfield(field), LENGTHS_COLUMN)
        coded = _numbers(reader, n)
    return _BYTE_LENGTHS[coded]


def column_values(leaf, field: str, n: int, default, io: threading.Lock) -> list:
    """The stored column of `field`, one value per document (`default` without one)."""
    with io:
        if not leaf.has_column(field):
            return [default] * n
        values = _numeric_column(leaf, field, n)
        if values is None:
            values = _bytes_column(leaf, field, n)
        if values is None:
            values = list(leaf.column_reader(field))
    return values if len(values) == n else (values + [default] * n)[:n]


def _numeric_column(leaf, field: str, n: int) -> list | None:
    """A numeric column read as an array instead of a value at a time (opening a version
    of 100,000 documents took seconds); None for other columns. The raw numbers are used
    only where they are what Whoosh's translating reader gives."""
    raw = leaf.column_reader(field, translate=False)
    if not isinstance(raw, NumericColumn.Reader):
        return None
    values = _numbers(raw, n)
    shown = leaf.column_reader(field)
    if any(shown[d] != values[d] for d in range(0, n, max(1, n // 64))):
        return None
    return values.tolist()


def _bytes_column(leaf, field: str, n: int) -> list | None:
    """A column of texts read in one piece and cut into values here, instead of one read
    per document; None for other columns. The values are Whoosh's own translation of each
    document's bytes, so they are what its translating reader gives."""
    raw = leaf.column_reader(field, translate=False)
    if not isinstance(raw, VarBytesColumn.Reader) or len(raw._lengths) != n:
        return None
    lengths = np.asarray(raw._lengths, dtype=np.int64)
    offsets = np.asarray(raw._offsets, dtype=np.int64)
    ends = (offsets + lengths).tolist()
    data = raw._dbfile.get(raw._basepos, max(ends, default=0))
    translate = leaf.schema[field].from_column_value
    return [translate(data[a:b]) for a, b in zip(offsets.tolist(), ends, strict=True)]


def _numbers(reader: NumericColumn.Reader, n: int) -> np.ndarray:
    """The `n` values of a Whoosh numeric column: big-endian numbers, one per document up to
    the last one stored, the column's default after it."""
    count = min(reader._count, n)
    dtype = np.dtype(reader._typecode).newbyteorder(">")
    data = reader._dbfile.get(reader._basepos, count * dtype.itemsize)
    out = np.full(n, reader._default, dtype=dtype.newbyteorder("="))
    out[:count] = np.frombuffer(data, dtype=dtype)
    return out
