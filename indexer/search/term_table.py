"""A segment's term table (Whoosh's on-disk hash file, `.trm`) looked up through a memory map.

Whoosh's `HashReader` reads each slot, key and length with a seek and a read of its shared
file object, under the door's lock: about four reads per term. A name searched with a hundred
spellings in two fields looks up hundreds of terms, and those reads were a large part of a
rare word's time. The same lookup here unpacks straight from a memory map of the file, with
no lock (a map has no shared offset). It follows the reader's algorithm and layout exactly
(whoosh.filedb.filetables, Whoosh 2.7.5, which indexer.search.postings checks for); a table
that cannot be mapped (a compound file, a file without a descriptor) is read by Whoosh.
"""

from __future__ import annotations

import io
import mmap
import struct

from whoosh.filedb.filetables import HashReader, _hash_functions

_POINTER = struct.Struct("!Iq")  # a slot: the key's hash, the item's position
_LENGTHS = struct.Struct("!ii")  # an item: its key's length, its value's length


class TermTable:
    """Look-ups in one opened `HashReader`'s file, through a memory map of it. Versions that
    share the segment share the table, so the map is never closed by one of them: it goes
    with the last reference to it."""

    def __init__(self, reader: HashReader, data: mmap.mmap):
        self._data = data
        self._hash = _hash_functions[reader.hashtype]
        self._tables = list(reader.tables)  # (position, slot count) for each low hash byte

    @classmethod
    def open(cls, reader: HashReader) -> TermTable | None:
        """A mapped view of `reader`'s file, or None where it cannot be mapped: positions are
        the file's own only for a plain file read from its start."""
        file = getattr(reader.dbfile, "file", None)
        if reader.startoffset or not isinstance(file, io.BufferedReader | io.FileIO):
            return None
        try:
            fileno = file.fileno()
            data = mmap.mmap(fileno, 0, access=mmap.ACCESS_READ)
        except (AttributeError, OSError, ValueError):
            return None
        return cls(reader, data)

    def get(self, key: bytes) -> bytes | None:
        """The value stored under `key`, or None: what `reader[key]` gives, or its KeyError."""
        data = self._data
        keyhash = self._hash(key)
        start, slots = self._tables[keyhash & 255]
        if not slots:
            return None
        size = _POINTER.size
        slot = (keyhash >> 8) % slots
        for _ in range(slots):
            slothash, itempos = _POINTER.unpack_from(data, start + slot * size)
            if not itempos:
                return None
            if slothash == keyhash:
                keylen, datalen = _LENGTHS.unpack_from(data, itempos)
                keystart = itempos + _LENGTHS.size
                if keylen == len(key) and data[keystart : keystart + keylen] == key:
                    return data[keystart + keylen : keystart + keylen + datalen]
            slot += 1
            if slot == slots:
                slot = 0
        return None
