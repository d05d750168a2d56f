"""The tables that take a process over a second to work out, kept on disk between processes.

The names table (synonyms.table), the skeletons of its names (keys/links.py) and Webster's
words (lexicon.py) are worked out from data/, the rules and the word list's package the first
time a process needs them: about 1.5 s on one core, which
a build spends before its helpers start, and a CLI search or the web app's first search
before it can answer. keys.words.load_tables writes them to one file, named by a fingerprint
of the analysis code, its data, Python's version and the packages the rules read; any later
process whose fingerprint is the same reads them from it in under a tenth of a second.

A file that does not match, or cannot be read, is ignored and written anew; a file is
written whole to a temporary name and then renamed, so a reader never sees half of one.
The folder is `KHOJALY_SEARCH_CACHE_DIR`, else `$XDG_CACHE_HOME/khojaly-search`, else
`~/.cache/khojaly-search`; `KHOJALY_SEARCH_CACHE_DIR=off` keeps nothing on disk. The file is a
pickle, so the folder is made readable by its owner alone.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path

from .tables import settled

CACHE_DIR_ENV = "KHOJALY_SEARCH_CACHE_DIR"
OFF = "off"
# the tables stored, each by the name of the function that gives it
NAMES = ("table", "groups_by_skeleton", "vowels_by_group", "websters")
# what the rules read besides this package: a new version may give other keys
PACKAGES = ("unidecode", "iuliia", "english-words", "rapidfuzz")
KEEP = 4  # files of other fingerprints kept: other checkouts may share the folder
_HERE = Path(__file__).resolve().parent
_SOURCES = (_HERE, _HERE.parent / "caching.py")

_built: dict[str, object] = {}  # tables this process worked out, to be written


def stored(name: str, build: Callable[[], object]):
    """The table `name` as the stored file holds it, or else build() (kept for save)."""
    kept = _read()
    if name in kept:
        return settled(kept[name])
    value = _built[name] = build()
    return value


def save() -> Path | None:
    """Write the tables to the stored file when this process worked any of them out and has
    them all; returns the file written, or None."""
    folder = cache_dir()
    if folder is None or not _built or not all(n in _built or n in _read() for n in NAMES):
        return None
    tables = {n: _built[n] if n in _built else _read()[n] for n in NAMES}
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        path = folder / f"tables-{fingerprint()}.pickle"
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tables-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(tables, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _forget_old(folder)
    except OSError:
        return None  # a folder we may not write: every process works the tables out
    _built.clear()
    return path


def _forget_old(folder: Path) -> None:
    """Remove all but the KEEP newest files: each change to the rules leaves one behind."""
    files = sorted(folder.glob("tables-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)


def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_DIR_ENV)
    if chosen == OFF:
        return None
    if chosen:
        return Path(chosen)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except (RuntimeError, KeyError):
        return None  # a user with no home folder (a service account): nothing kept
    return Path(base) / "khojaly-search"


@cache
def fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    for source in _SOURCES:
        files = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        for file in files:
            if "__pycache__" not in file.parts:
                digest.update(file.relative_to(_HERE.parent).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:24]


@cache
def _read() -> dict[str, object]:
    folder = cache_dir()
    if folder is None:
        return {}
    try:
        with open(folder / f"tables-{fingerprint()}.pickle", "rb") as handle:
            if not _own(os.fstat(handle.fileno())):
                return {}
            tables = pickle.load(handle)
    except FileNotFoundError:
        return {}
    except Exception:  # noqa: BLE001 - a damaged file is worked out again and replaced
        return {}
    if not isinstance(tables, dict) or set(tables) != set(NAMES):
        return {}
    return tables


def _own(status: os.stat_result) -> bool:
    """Whether a file is this user's and no one else may write it: a pickle runs code when
    read, so a file another user could have put in a shared folder is never read."""
    uid = getattr(os, "geteuid", None)
    return (uid is None or status.st_uid == uid()) and not status.st_mode & 0o022
