"""A segment's term table and postings file joined from its chunks (the parent side of a build).

Each chunk's helper wrote every term's postings of that chunk as finished W3 blocks, with
document numbers already final (indexer.index.chunk_encoder). Here each term's pieces from
every chunk are copied end to end, in document order, behind one header, and the term's
W3TermInfo is summed from the pieces' statistics: the same .trm and .pst files Whoosh writes
but that a term's postings may be cut into more blocks (a block never spans two chunks). The
chunks' text posting arrays are joined the same way (indexer.index.posting_arrays).
"""

from __future__ import annotations

import heapq
import itertools
from pathlib import Path

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.system import pack_int, pack_ushort

from indexer.index.chunk_encoder import Chunk, read_index
from indexer.index.posting_arrays import SegmentArrays

_LAST = object()


def join_postings(storage, segment, chunks: list[Chunk], work: Path) -> None:
    """The term table and postings file: each term's pieces from every chunk, in document order,
    copied end to end behind one header; only the final block's length changes sign."""
    codec = segment.codec()
    terms = OrderedHashWriter(segment.create_file(storage, codec.TERMS_EXT))
    fieldmap: dict[str, int] = {}
    terms.extras["fieldmap"] = fieldmap
    postfile = segment.create_file(storage, codec.POSTS_EXT)
    arrays = SegmentArrays([c.sizes for c in chunks])
    sources = [open(c.blocks, "rb") for c in chunks]  # noqa: SIM115 (closed below)
    try:
        # One entry at a time: the entries of a large build (every term of every chunk) would
        # take more memory than all else the build holds.
        entries = heapq.merge(*(read_index(c.index) for c in chunks))
        current, pieces = None, []
        position = postfile.tell()  # then counted here: tell() is a system call
        for entry in itertools.chain(entries, [(_LAST,)]):
            key = entry[0]
            if key != current and pieces:
                name, btext = current
                if name not in fieldmap:
                    fieldmap[name] = len(fieldmap)
                info = _write_term(postfile, position, sources, pieces)
                position += info._length
                terms.add(pack_ushort(fieldmap[name]) + btext, info.to_bytes())
                if pieces[0][5] is not None:
                    arrays.add_term(name, btext, info._offset, pieces)
                pieces = []
            current = key
            if key is not _LAST:
                pieces.append(entry)
    finally:
        for source in sources:
            source.close()
        terms.close()
        postfile.close()
    arrays.write(storage.folder, segment.segment_id(), work)


def _write_term(postfile, start: int, sources, pieces) -> W3TermInfo:
    """Write a term's pieces at `start`, where the postings file stands."""
    info = W3TermInfo()
    postfile.write(WHOOSH3_HEADER_MAGIC)
    end = start + len(WHOOSH3_HEADER_MAGIC)
    for n, (_key, chunk, offset, size, stats, _first) in enumerate(pieces):
        source = sources[chunk]
        source.seek(offset)
        data = source.read(size)
        df, weight, min_len, max_len, max_weight, first, last, last_block = stats
        if n == len(pieces) - 1:  # the end of the posting list: a negative block length
            length = int.from_bytes(data[last_block : last_block + 4], "big", signed=True)
            data = data[:last_block] + pack_int(-length) + data[last_block + 4 :]
        postfile.write(data)
        end += len(data)
        info._weight += weight
        info._df += df
        if min_len is not None:
            info._minlength = min_len if info._minlength is None else min(info._minlength, min_len)
        info._maxlength = max(info._maxlength, max_len)
        info._maxweight = max(info._maxweight, max_weight)
        if info._minid is None:
            info._minid = first
        info._maxid = last
    info.set_extent(start, end - start)
    return info
