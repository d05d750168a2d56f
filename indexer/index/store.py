"""Versioned index directories with an atomic switch.

    <index>/CURRENT            name of the version being served (replaced atomically)
    <index>/versions/<name>/   one complete Whoosh index + manifest.json + meta.json + FINISHED

A build writes a new version (starting from hard links to the previous one's immutable files,
so an incremental update is cheap), flushes every file of it to disk, writes FINISHED last,
and only then points CURRENT at it. Readers open whatever CURRENT names, so they see the old
index or the new one, never a mix; a build killed at any moment leaves CURRENT untouched, and
its directory, which has no FINISHED of its own, is removed by the next build.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

KEEP_VERSIONS = 3  # the current one and two before it, for readers still holding them open
LOCK_FILES = ("_MAIN_WRITELOCK", "MAIN_WRITELOCK")
FINISHED = "FINISHED"  # written last by a finished build; never carried over to a new version
LOCK_TIMEOUT = 600.0  # seconds a build waits for another one before giving up


class BuildLocked(RuntimeError):
    """Another build holds the index for longer than this one is willing to wait."""


class IndexStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.versions = self.root / "versions"

    def current_name(self) -> str | None:
        try:
            name = (self.root / "CURRENT").read_text(encoding="utf-8").strip()
        except (FileNotFoundError, NotADirectoryError):
            return None
        return name if name and (self.versions / name).is_dir() else None

    def current_dir(self) -> Path | None:
        name = self.current_name()
        return self.versions / name if name else None

    def read_json(self, name: str, filename: str) -> dict:
        try:
            return json.loads((self.versions / name / filename).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def is_finished(self, name: str) -> bool:
        return (self.versions / name / FINISHED).is_file()

    @contextmanager
    def build_lock(self, timeout: float = LOCK_TIMEOUT):
        """One build at a time. The lock dies with its process, so kill -9 cannot wedge it;
        a holder that lives on but never ends (stopped, hung) makes the next build give up
        after `timeout` seconds with BuildLocked naming it, instead of waiting forever."""
        self.versions.mkdir(parents=True, exist_ok=True)
        path = self.root / "build.lock"
        with open(path, "a+") as handle:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        handle.seek(0)
                        holder = handle.read().strip() or "unknown"
                        raise BuildLocked(
                            f"another build (process {holder}) has held {path} for over "
                            f"{timeout:.0f} s; the index was not changed"
                        ) from None
                    time.sleep(min(0.2, timeout))
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def open_whoosh(self, path: Path):
        """The Whoosh index in `path`, read with plain file reads.

        Whoosh's default memory-maps each segment and then copies much of it onto the heap:
        1.2 GB resident for a 100k-document index before the first search, 140 MB without."""
        return FileStorage(str(path), supports_mmap=False).open_index()

    def new_version(self, base: str | None) -> tuple[str, Path]:
        """A fresh version directory, holding hard links to `base`'s files when given."""
        name = f"v{time.time_ns()}"
        path = self.versions / name
        path.mkdir(parents=True)
        if base:
            for src in (self.versions / base).iterdir():
                if src.is_file() and src.name not in (*LOCK_FILES, FINISHED):
                    os.link(src, path / src.name)
        return name, path

    def finish(self, path: Path) -> None:
        """Make the version in `path` durable, then mark it finished.

        Every file (segments, table of contents, spellings, manifest, meta) and the folder
        itself reach the disk before FINISHED is written, and FINISHED before CURRENT may name
        the version: after a power loss CURRENT never points at data that was not written."""
        for file in path.iterdir():
            if file.is_file():
                _fsync_file(file)
        _fsync_dir(path)
        marker = path / FINISHED
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write(path.name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        _fsync_dir(path)
        _fsync_dir(self.versions)

    def write_json(self, path: Path, filename: str, data: dict) -> None:
        tmp = path / (filename + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            # dumps, not dump: the one-shot C encoder is several times faster on large maps
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path / filename)

    def switch_to(self, name: str) -> None:
        if not self.is_finished(name):
            raise RuntimeError(f"version {name} is not finished; CURRENT stays where it is")
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.root / "CURRENT")
        _fsync_dir(self.root)

    def prune(self, background: bool = False) -> None:
        """Drop unfinished versions (no FINISHED marker) and all but the newest KEEP_VERSIONS
        finished ones; the version CURRENT names is always kept.

        Call with the build lock held: then no other build is writing a version. Doomed
        versions are first moved to trash/ (a rename); freeing a large index's blocks takes
        seconds, so with `background` a detached process deletes them after the build ends.
        """
        current = self.current_name()
        names = sorted(p.name for p in self.versions.iterdir() if p.is_dir())
        finished = [n for n in names if self.is_finished(n)]
        keep = set(finished[-KEEP_VERSIONS:]) | ({current} if current else set())
        trash = self.root / "trash"
        doomed = [n for n in names if n not in keep]
        if doomed:
            trash.mkdir(exist_ok=True)
            for name in doomed:
                os.replace(self.versions / name, trash / name)
        for tmp in self.root.glob("CURRENT.*.tmp"):
            tmp.unlink(missing_ok=True)
        # Each folder in trash/ is deleted by name, never trash/ itself: a deleter still
        # running from an earlier build must not remove the folder this one is moving into.
        leftovers = [str(p) for p in trash.iterdir()] if trash.is_dir() else []
        if not leftovers:
            return
        if background:
            code = "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, ignore_errors=True)"
            subprocess.Popen(
                [sys.executable, "-c", code, *leftovers],
                start_new_session=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        else:
            for path in leftovers:
                shutil.rmtree(path, ignore_errors=True)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
