"""What a JSON Lines archive looked like at the last build, kept beside each index version.

    {"size", "mtime_ns", "ctime_ns", "inode",     the file's metadata when it was read
     "documents": {id: line digest},              what its lines gave
     "warnings": [...], "skipped": n,             and what was wrong with it
     "blocks": [[offset, length, crc32,           runs of good lines (about a megabyte each)
                 [line digest, ...]], ...]}       and the digest of each of their lines

When the archive's size, modification and change times and inode are all the same, its lines
are taken from here and the file is not opened at all: an update of a large archive whose
JSON Lines file did not change reads none of it. Any write to the file changes its change
time (which no tool can set back), and then the file is read again, parsing only the lines
whose digest the index does not hold (indexer.ingest.jsonl.iter_jsonl). A block whose bytes
are unchanged, where it was or shifted by the change in the file's size, is checked with one
checksum over its bytes and taken from here; only the lines of the other blocks are split,
hashed and looked up one by one. (Finding an edit in place needs the bytes to be read once:
no file metadata says where a file changed.)
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

FILENAME = "jsonl-state.json"
BLOCK_BYTES = 1 << 20  # lines per checksummed block of the saved state: about this many bytes


def file_stamp(path: Path) -> dict | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return {
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "ctime_ns": st.st_ctime_ns,
        "inode": st.st_ino,
    }


def unchanged(path: Path, saved: dict | None) -> bool:
    """Is `path` the very file `saved` describes (same size, times and inode)?"""
    stamp = file_stamp(path)
    return bool(saved and stamp and all(saved.get(k) == v for k, v in stamp.items()))


def state_of(
    stamp: dict | None,
    documents: dict[str, str],
    warnings: list[str],
    skipped: int,
    blocks: list | None = None,
):
    if stamp is None:
        return None
    state = {**stamp, "documents": documents, "warnings": warnings, "skipped": skipped}
    return {**state, "blocks": blocks or []}


class Blocks:
    """Runs of good lines as [start, length, crc32, line digests], for the next build."""

    def __init__(self, out: list | None):
        self.out, self.current = out, None

    def add(self, start: int | None, raw: bytes, digest: str) -> None:
        """One more line, read from `start` (None: one that may not be in a block)."""
        if self.out is None:
            return
        if start is None:
            self.close()
            return
        if self.current is None:
            self.current = [start, 0, 0, []]
        block = self.current
        block[1] += len(raw)
        block[2] = zlib.crc32(raw, block[2])
        block[3].append(digest)
        if block[1] >= BLOCK_BYTES:
            self.close()

    def reuse(self, start: int, length: int, crc: int, digests: list[str]) -> None:
        self.close()
        if self.out is not None:
            self.out.append([start, length, crc, digests])

    def close(self) -> None:
        if self.current is not None:
            self.out.append(self.current)
            self.current = None
