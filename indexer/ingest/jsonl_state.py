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
whose digest the index does not hold (indexer.ingest.corpus.iter_jsonl). A block whose bytes
are unchanged, where it was or shifted by the change in the file's size, is checked with one
checksum over its bytes and taken from here; only the lines of the other blocks are split,
hashed and looked up one by one. (Finding an edit in place needs the bytes to be read once:
no file metadata says where a file changed.)
"""

from __future__ import annotations

import os
from pathlib import Path

FILENAME = "jsonl-state.json"


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
