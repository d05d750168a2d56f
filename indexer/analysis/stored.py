"""The tables that take a process over a second to work out, kept on disk between processes.

The names table (synonym_table.table), the skeletons of its names (keys/links.py) and Webster's
words (lexicon.py) are worked out from data/, the rules and the word list's package the first
time a process needs them: about 1.5 s on one core, which a build spends before its helpers
start, and a CLI search or the web app's first search before it can answer. The process that
has worked all of them out writes them to one file, named by a fingerprint of the analysis
code, its data, Python's version and the packages the rules read, taken when this module is
imported and again before writing (a file changed in between writes nothing); any later
process with the same fingerprint reads them from it in about a tenth of the time.

A file that does not match, cannot be read, is not a plain file or is not this user's alone
is ignored and written anew; a file is written whole to a temporary name and then renamed,
so a reader never sees half of one. The folder is `KHOJALY_SEARCH_CACHE_DIR`, else
`$XDG_CACHE_HOME/khojaly-search`, else `~/.cache/khojaly-search`; `off` keeps nothing on
disk. The file is a pickle, which runs code when read: a folder this module makes is its
owner's alone, and a file another user could have written is never read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import sys
import tempfile
import threading
import time
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
KEEP = 4  # files kept in the folder, this one's among them: other checkouts may share it
STALE_SECONDS = 3600  # a temporary file this old was left by a writer that was killed
_HERE = Path(__file__).resolve().parent
SOURCES = (_HERE, _HERE.parent / "caching.py")

_built: dict[str, object] = {}  # tables this process worked out, to be written
_SAVING = threading.Lock()  # two threads that work out the last table write once
_LOG = logging.getLogger(__name__)


def stored(name: str, build: Callable[[], object]):
    """The table `name` as the stored file holds it, or else build(); the process that has
    worked out every table of NAMES writes them."""
    kept = _read()
    if name in kept:
        return settled(kept[name])
    value = _built[name] = build()
    if all(n in _built for n in NAMES):
        save()
    return value


def save() -> Path | None:
    """Write the tables this process worked out, all of NAMES, to the stored file; returns
    the file written, or None (nothing to write, no folder, or the sources changed)."""
    folder = cache_dir()
    with _SAVING:
        if folder is None or FINGERPRINT is None or not all(n in _built for n in NAMES):
            return None
        tables = {n: _built.pop(n) for n in NAMES}
    try:
        if _fingerprint() != FINGERPRINT:
            return None  # the code or data on disk is not what this process read
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tables-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(tables, out, protocol=pickle.HIGHEST_PROTOCOL)
            path = folder / f"tables-{FINGERPRINT}.pickle"
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _forget_old(folder)
    except OSError:
        return None  # a folder we may not write: each process works the tables out
    except Exception as exc:  # noqa: BLE001 - a cache must never stop a build or a search
        _LOG.warning("spelling tables not stored in %s: %r", folder, exc)
        return None
    return path


def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_DIR_ENV, "").strip()
    if chosen.lower() == OFF:
        return None
    if chosen:
        try:
            return Path(chosen).expanduser()
        except RuntimeError:
            return None  # ~ of a user with no home folder: nothing kept
    base = Path(os.environ.get("XDG_CACHE_HOME", ""))
    if not base.is_absolute():  # unset, or relative, which the XDG spec says to ignore
        try:
            home = Path.home()
        except (RuntimeError, KeyError):
            return None  # a user with no home folder (a service account): nothing kept
        if not home.is_absolute() or home == Path(home.anchor):
            return None  # HOME empty or the root: no folder of the user's own
        base = home / ".cache"
    return base / "khojaly-search"


def fingerprint_of(sources: tuple[Path, ...]) -> str:
    """A digest of Python's version, the PACKAGES' versions and the code (.py files) and
    data/ files of `sources` (folders or files); raises OSError if one cannot be read."""
    digest = hashlib.sha256(sys.version.encode())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    for source in sources:
        files = sorted(_read_by_rules(source)) if source.is_dir() else [source]
        for file in files:
            digest.update(os.fsencode(file.relative_to(source.parent)))
            digest.update(file.read_bytes())
    return digest.hexdigest()[:24]


def _read_by_rules(folder: Path):
    """The code and the data files of the analysis package (not an editor's hidden files)."""
    for file in folder.rglob("*"):
        parts = file.relative_to(folder).parts
        if any(p.startswith(".") or p == "__pycache__" for p in parts) or not file.is_file():
            continue
        if file.suffix == ".py" or parts[0] == "data":
            yield file


def _fingerprint() -> str | None:
    try:
        return fingerprint_of(SOURCES)
    except OSError:
        return None  # a file of the package cannot be read: nothing is stored or read


# taken as the analysis is imported, before any rule or table is read
FINGERPRINT = _fingerprint()


def _forget_old(folder: Path) -> None:
    """Remove all but the KEEP newest files (each change to the rules leaves one behind), and
    temporary files of writers that were killed."""
    files = sorted(folder.glob("tables-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
    for left in folder.glob(".tables-*"):
        if left.stat().st_mtime < time.time() - STALE_SECONDS:
            left.unlink(missing_ok=True)


@cache
def _read() -> dict[str, object]:
    folder = cache_dir()
    if folder is None or FINGERPRINT is None:
        return {}
    path = folder / f"tables-{FINGERPRINT}.pickle"
    try:
        # no blocking on a FIFO, no following a link: only a plain file of this user's
        flags = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | flags)
    except OSError:
        return {}
    try:
        with os.fdopen(fd, "rb") as handle:
            if not _own(os.fstat(handle.fileno())):
                return {}
            tables = pickle.load(handle)
    except Exception:  # noqa: BLE001 - a damaged file is worked out again and replaced
        return {}
    if not isinstance(tables, dict) or set(tables) != set(NAMES):
        return {}
    return tables


def _own(status: os.stat_result) -> bool:
    """Whether a file is a plain file of this user's that no one else may write: a pickle runs
    code when read, so a file another user could have put in a shared folder is never read."""
    uid = getattr(os, "geteuid", None)
    mine = uid is None or status.st_uid == uid()
    return stat.S_ISREG(status.st_mode) and mine and not status.st_mode & 0o022
