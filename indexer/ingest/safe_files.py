"""Reading files of a corpus folder without letting the folder reach outside itself.

A corpus folder is untrusted input: a symbolic link may point at a system file, and a FIFO,
socket or device named `*.txt` would block or never end. `read_inside` reads only regular
files that live inside the folder (links that stay inside are followed) and refuses the rest
with UnsafeFile, whose message says what the entry is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 200 * 1024 * 1024  # one document; larger files are refused, not read

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFDIR: "a folder",
}


class UnsafeFile(ValueError):
    """An entry of the corpus folder that is not a regular file inside it."""


def read_inside(path: Path, root: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path` if it is a regular file inside `root` (after following links)."""
    with open_inside(path, root) as handle:
        if os.fstat(handle.fileno()).st_size > max_bytes:
            raise UnsafeFile(f"larger than {max_bytes // (1024 * 1024)} MB")
        return handle.read(max_bytes + 1)


def open_inside(path: Path, root: Path):
    """`path` opened for reading in binary, if it is a regular file inside `root` (after
    following links): for readers that stream a file rather than read it whole."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise UnsafeFile("a broken or looping symbolic link") from None
    if not target.is_relative_to(root.resolve()):
        raise UnsafeFile("a symbolic link to a file outside the corpus folder") from None
    _check_regular(os.stat(target))
    # O_NONBLOCK: opening a FIFO with no writer would wait forever, and the entry may have been
    # swapped for one since the check above, so the open file is checked once more.
    fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        _check_regular(os.fstat(fd))
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "a special file")
        raise UnsafeFile(f"{kind}, not a regular file")
