"""Whoosh's W3 posting blocks, decoded without its matchers: the blocks of a term's posting run
(`walk`), a block's document numbers and weights read from its head alone (`ids_weights`) or
the whole block (`block`), and encoded positions as occurrence keys (`occurrence_keys`). This
leans on the codec's private layout, so it is written for one Whoosh release, and
`check_whoosh_version` refuses any other with an error naming both versions, rather than read a
changed structure wrongly.
"""

from __future__ import annotations

import struct
import zlib
from itertools import chain
from pickle import dumps, loads

import numpy as np
import whoosh
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

WHOOSH_VERSION = (2, 7, 5)  # the release whose W3 codec this module reads
SHIFT = 1 << 32  # positions below 2**32, document numbers below 2**31: keys fit in int64
NO_IDS = np.zeros(0, dtype=np.int64)
_INT_SIZE = 4  # W3 position lists: a 4-byte count, then the pickled position deltas
_BLOCK_LENGTH = struct.Struct("!i")  # before each block; negative for a list's last block
# What the first byte of a block's data is: a zlib stream's names its method (8: deflate) in
# its low four bits; an uncompressed pickle starts with its protocol opcode.
_DEFLATE, _PICKLE_PROTO = 8, 0x80
# A block's head, (deltas, weights): at most an int opcode (5 bytes) and a float opcode (9) per
# posting, and the few opcodes around them; the positions start at the first bytes object,
# which protocol 2 pickles as a call of this global, right after the MARK of their tuple.
_HEAD_BYTES, _HEAD_SLACK = 14, 64
_BYTES_GLOBAL = b"c_codecs\nencode\n"
_STR_ENCODE = b"cbuiltins\nstr.encode\n"
_PROTO_2, _PROTO_4 = b"\x80\x02", b"\x80\x04"
_MARK = ord("(")
_PAIR_STOP = b"\x86."  # TUPLE2, STOP
_PICKLE_HEAD = b"\x80\x02("  # PROTO 2, MARK: the start of one pickle of many position lists


class IndexFormatError(RuntimeError):
    """The installed Whoosh stores its index differently from the release this door reads."""


def check_whoosh_version(version: tuple = whoosh.__version__) -> None:
    if tuple(version[:3]) != WHOOSH_VERSION:
        raise IndexFormatError(
            "indexer.search.postings reads Whoosh "
            + ".".join(map(str, WHOOSH_VERSION))
            + "'s on-disk structures, but Whoosh "
            + ".".join(map(str, version[:3]))
            + " is installed: install whoosh-reloaded=="
            + ".".join(map(str, WHOOSH_VERSION))
        )


def walk(run: bytes):
    """(last document number, posting count, compressed?, data) of each block of a posting
    run, without decompressing anything: the caller decides which blocks it needs."""
    if run[:4] != WHOOSH3_HEADER_MAGIC:
        raise IndexFormatError(f"a posting list starts with {run[:4]!r}, not W3's block tag")
    view = memoryview(run)
    pos, end = 4, len(run)
    while pos < end:
        length = abs(_BLOCK_LENGTH.unpack_from(run, pos)[0])
        piece = view[pos + 4 : pos + 4 + length]
        header = loads(piece)  # (count, last id, max weight, compression, min/max length)
        data = piece[len(dumps(header, 2)) :]  # the header pickles to the bytes it came from
        compressed = bool(header[3])
        first = data[0] if data else None
        if first is None or (first & 0x0F != _DEFLATE if compressed else first != _PICKLE_PROTO):
            raise IndexFormatError("a W3 posting block's data does not follow its header")
        yield header[1], header[0], compressed, data
        pos += 4 + length


def block(data, compressed: bool) -> tuple:
    """A block's (document number deltas, weights, encoded positions).

    Protocol 2 pickles each encoded position list (a bytes object) as a call of
    `_codecs.encode(text, "latin1")`, which looks the codec up for every posting;
    `str.encode(text, "latin1")` gives the same bytes in a third less time. Protocol 4 reads
    every opcode of protocol 2 and may name a method, so the stream is read as protocol 4 with
    that one global renamed (its first occurrence: the deltas and weights before it cannot
    contain it); a stream of another shape is read as it is."""
    raw = zlib.decompress(data) if compressed else bytes(data)
    if raw[:2] == _PROTO_2:
        try:
            return loads(_PROTO_4 + raw[2:].replace(_BYTES_GLOBAL, _STR_ENCODE, 1))
        except Exception:  # noqa: BLE001 - not the expected shape: read it as written
            pass
    return loads(raw)


def ids_weights(data, compressed: bool, count: int) -> tuple:
    """A block's (document number deltas, weights) without its positions.

    The block pickles the tuple (deltas, weights, positions) in that order, and the positions
    are most of it: each is a bytes object, which protocol 2 rebuilds with a call of
    `_codecs.encode`, and unpickling those calls was most of a search's time. So only the
    head of the stream is decompressed (at most `_HEAD_BYTES` per posting: an int opcode and
    a float opcode), cut where the positions start (the first `_codecs.encode`, which no int
    or float opcode can contain) and closed as a pair. Anything of another shape is decoded
    whole."""
    if compressed:
        head = zlib.decompressobj().decompress(data, _HEAD_BYTES * count + _HEAD_SLACK)
    else:
        head = bytes(data[: _HEAD_BYTES * count + _HEAD_SLACK])
    start = head.find(_BYTES_GLOBAL)
    if count > 3:  # a tuple of more than three items opens with a MARK
        start = start - 1 if start > 0 and head[start - 1] == _MARK else -1
    if start > 0:
        try:
            pair = loads(head[:start] + _PAIR_STOP)
        except Exception:  # noqa: BLE001 - not the expected shape: decode the block whole
            pair = None
        if isinstance(pair, tuple) and len(pair) == 2 and len(pair[0]) == count:
            return pair
    return block(data, compressed)[:2]


def listed_weights(stored, count: int):
    """A block's weights as a list: W3 stores none when all are 1.0, one float when all are
    equal."""
    if stored is None:
        return [1.0] * count
    if isinstance(stored, float):
        return [stored] * count
    return stored


def occurrence_keys(docs: np.ndarray, values: list) -> np.ndarray:
    """document * SHIFT + position for each position in W3's encoded position lists."""
    lists = _position_lists(values)
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lengths.sum()))
    if not len(deltas):
        return NO_IDS
    # positions are stored as deltas: a running sum that restarts with each document
    running = np.cumsum(deltas)
    firsts = np.cumsum(lengths) - lengths
    before = running[firsts] - deltas[firsts]
    return np.repeat(docs, lengths) * SHIFT + (running - np.repeat(before, lengths))


def _position_lists(values: list) -> list:
    """The position deltas of each encoded value: a 4-byte count, then a protocol-2 pickle of
    the list. The pickles' bodies are joined into one pickle of a list of lists, so that one
    call of the C unpickler decodes them all."""
    if not values:
        return []
    body = b"".join([v[_INT_SIZE + 2 : -1] for v in values])  # without PROTO 2 and STOP
    lists = loads(_PICKLE_HEAD + body + b"l.")  # MARK ... LIST: the lists, in one list
    if len(lists) != len(values) or values[0][_INT_SIZE : _INT_SIZE + 2] != _PICKLE_HEAD[:2]:
        return [loads(v[_INT_SIZE:]) for v in values]  # not the expected shape: one by one
    return lists
