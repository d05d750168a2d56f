"""Versioned index directories with an atomic switch.

    <index>/CURRENT            name of the version being served (replaced atomically)
    <index>/versions/<name>/   one complete Whoosh index + manifest.json + meta.json

A build writes a new version (starting from hard links to the previous one's immutable files,
so an incremental update is cheap) and only then points CURRENT at it. Readers open whatever
CURRENT names, so they see the old index or the new one, never a mix; a build killed at any
moment leaves CURRENT untouched and its unfinished directory is removed by the next build.
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

    @contextmanager
    def build_lock(self):
        """One build at a time; the lock dies with its process, so kill -9 cannot wedge it."""
        self.versions.mkdir(parents=True, exist_ok=True)
        with open(self.root / "build.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
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
                if src.is_file() and src.name not in LOCK_FILES:
                    os.link(src, path / src.name)
        return name, path

    def write_json(self, path: Path, filename: str, data: dict) -> None:
        tmp = path / (filename + ".tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            # dumps, not dump: the one-shot C encoder is several times faster on large maps
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path / filename)

    def switch_to(self, name: str) -> None:
        _fsync_dir(self.versions / name)
        tmp = self.root / f"CURRENT.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.root / "CURRENT")
        _fsync_dir(self.root)

    def prune(self, background: bool = False) -> None:
        """Drop unfinished versions and all but the newest KEEP_VERSIONS finished ones.

        Call with the build lock held: then no other build is writing a version. Doomed
        versions are first moved to trash/ (a rename); freeing a large index's blocks takes
        seconds, so with `background` a detached process deletes them after the build ends.
        """
        current = self.current_name()
        names = sorted(p.name for p in self.versions.iterdir() if p.is_dir())
        finished = [n for n in names if (self.versions / n / "meta.json").exists()]
        keep = set(finished[-KEEP_VERSIONS:]) | ({current} if current else set())
        trash = self.root / "trash"
        for name in names:
            if name not in keep:
                trash.mkdir(exist_ok=True)
                os.replace(self.versions / name, trash / name)
        for tmp in self.root.glob("CURRENT.*.tmp"):
            tmp.unlink(missing_ok=True)
        if not trash.is_dir() or not any(trash.iterdir()):
            return
        if background:
            code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
            subprocess.Popen(
                [sys.executable, "-c", code, str(trash)],
                start_new_session=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        else:
            shutil.rmtree(trash, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
