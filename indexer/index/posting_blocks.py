"""One term's postings as Whoosh W3 posting blocks, byte for byte as Whoosh's writer makes them.

The helpers that encode a chunk (indexer.index.chunk_encoder) call this for each term; the
blocks are later copied end to end into the segment's postings file
(indexer.index.postings_join), which only flips the sign of the last block's length.
"""

from __future__ import annotations

import pickle
import zlib

from whoosh.system import pack_int
from whoosh.util.numeric import length_to_byte

BLOCK_LIMIT = 128  # postings per block, as Whoosh's W3 codec writes them
COMPRESSION = 3  # zlib level of Whoosh's W3 codec
# Whoosh compresses every block; a block's info records whether it is. A word met in one
# document of a chunk makes a block of 70 to 130 bytes (most blocks are such): zlib saves
# nothing below about 96 bytes and a tenth of the bytes up to 128, at a call to write and one
# to read each, and blocks of this size were half of a build's zlib calls.
COMPRESS_FROM = 128


def postings_bytes(ids, weights, values, lengths, start, fixed) -> tuple[bytes, tuple]:
    """One term's postings of one chunk as W3 blocks (every length positive: the block that
    ends the whole posting list is marked when the chunks are joined), and their statistics
    (df, weight, min length, max length, max weight, first id, last id, last block offset)."""
    out = []
    offset = last_offset = 0
    min_len = None
    max_len = 0
    max_weight = 0
    total = 0.0
    for i in range(0, len(ids), BLOCK_LIMIT):
        if len(ids) <= BLOCK_LIMIT:
            b_ids, b_weights, b_values = ids, weights, values
        else:
            b_ids, b_weights = ids[i : i + BLOCK_LIMIT], weights[i : i + BLOCK_LIMIT]
            b_values = values[i : i + BLOCK_LIMIT]
        if not all(b_values):  # Whoosh keeps only non-empty values
            b_values = [v for v in b_values if v]
        if lengths is not None:
            b_lengths = [n for n in (lengths[d - start] for d in b_ids) if n]
        else:
            b_lengths = []
        b_min = min(b_lengths) if b_lengths else None
        b_max = max(b_lengths) if b_lengths else 0
        b_weight = max(b_weights)
        block = _block(b_ids, b_weights, b_values, fixed, b_min, b_max, max(b_weight, 0))
        last_offset = offset
        out.append(block)
        offset += len(block)
        if b_min is not None:
            min_len = b_min if min_len is None else min(min_len, b_min)
        max_len = max(max_len, b_max)
        max_weight = max(max_weight, b_weight)
        total += sum(b_weights)
    stats = (len(ids), total, min_len, max_len, max_weight, ids[0], ids[-1], last_offset)
    return b"".join(out), stats


def _block(ids, weights, values, fixed, min_len, max_len, max_weight) -> bytes:
    """What whoosh.codec.whoosh3.W3PostingsWriter._write_block writes (but for compression)."""
    if fixed is None or fixed < 0:
        values = tuple(values)
    elif fixed == 0:
        values = None
    else:
        values = b"".join(values)
    deltas = [ids[0]]
    deltas.extend(b - a for a, b in zip(ids, ids[1:], strict=False))
    w0 = weights[0]
    same = weights.count(w0) == len(weights)
    mini_weights = (None if w0 == 1.0 else w0) if same else tuple(weights)
    data = pickle.dumps((tuple(deltas), mini_weights, values), 2)
    level = COMPRESSION if len(data) >= COMPRESS_FROM else 0
    if level:
        data = _compress(data, level)
    info = pickle.dumps(
        (len(ids), ids[-1], max_weight, level, length_to_byte(min_len), length_to_byte(max_len)),
        2,
    )
    return pack_int(len(info) + len(data)) + info + data


def _compress(data: bytes, level: int) -> bytes:
    """zlib.compress(data, level), with a window and hash table no larger than the data needs:
    the same bytes out for blocks this small, without setting up (and zeroing) 256 KB of
    compressor state per block, which made zlib.compress the slowest call of a build."""
    bits = max(9, min(15, (len(data) - 1).bit_length()))
    compressor = zlib.compressobj(level, zlib.DEFLATED, bits, max(1, bits - 7))
    return compressor.compress(data) + compressor.flush()
