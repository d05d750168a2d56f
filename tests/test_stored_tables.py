"""A process reads the slow tables that an earlier one worked out (indexer/analysis/stored.py),
and finds every spelling as a process that works them out itself does."""

from __future__ import annotations

import csv
import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.analysis import stored

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "indexer" / "analysis" / "eval"

# Loads the tables as a build does, then prints whether they came from the stored file and
# the keys a document's word and a query's word get, for each word given.
_PROBE = """
import json, sys
from indexer.analysis import stored
from indexer.analysis.keys.words import index_keys, load_tables, variant_keys
load_tables()
words = json.loads(sys.stdin.read())
print(json.dumps({
    "read": bool(stored._read()),
    "keys": {w: [sorted(index_keys(w)), sorted(variant_keys(w))] for w in words},
}))
"""


def _words() -> list[str]:
    """Every spelling of the shared sample and of the tuning half, and their confusables."""
    words: set[str] = set()
    for name in ("sample/variants.tsv", "sample/confusables.tsv", "variants-tuning.tsv"):
        with (EVAL / name).open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                words.update(row.get(c) for c in ("canonical", "variant", "word_a", "word_b"))
    words.discard(None)
    return sorted(words)


def _probe(cache: str, home: Path) -> dict:
    env = {**os.environ, stored.CACHE_DIR_ENV: cache, "HOME": str(home)}
    env.pop("XDG_CACHE_HOME", None)
    run = subprocess.run(
        [sys.executable, "-c", _PROBE],
        input=json.dumps(_words()),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    )
    return json.loads(run.stdout)


def _stored_file(folder: Path) -> Path:
    (path,) = folder.glob("tables-*.pickle")
    return path


@pytest.fixture(scope="module")
def worked_out(tmp_path_factory) -> dict:
    """The keys of a process that keeps nothing on disk: the truth the others must match."""
    home = tmp_path_factory.mktemp("home")
    probe = _probe(stored.OFF, home)
    assert not (home / ".cache").exists()
    return probe


def test_a_later_process_reads_the_tables_and_finds_the_same_spellings(tmp_path, worked_out):
    first = _probe(str(tmp_path), tmp_path)
    assert not first["read"]
    assert _stored_file(tmp_path).stat().st_mode & 0o077 == 0  # the owner's alone
    second = _probe(str(tmp_path), tmp_path)
    assert second["read"]
    assert first["keys"] == worked_out["keys"]
    assert second["keys"] == worked_out["keys"]
    assert len(worked_out["keys"]) > 3000


@pytest.mark.parametrize("damage", [b"", b"not a pickle", pickle.dumps({"table": None})])
def test_a_damaged_file_is_worked_out_again_and_replaced(tmp_path, worked_out, damage):
    _probe(str(tmp_path), tmp_path)
    path = _stored_file(tmp_path)
    path.write_bytes(damage)
    again = _probe(str(tmp_path), tmp_path)
    assert not again["read"]
    assert again["keys"] == worked_out["keys"]
    with path.open("rb") as f:
        assert set(pickle.load(f)) == set(stored.NAMES)


def test_the_default_folder_is_in_the_users_cache(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    for name in (stored.CACHE_DIR_ENV, "XDG_CACHE_HOME"):
        env.pop(name, None)
    code = "from indexer.analysis.keys.words import load_tables; load_tables()"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, timeout=300, check=True)
    _stored_file(home / ".cache" / "khojaly-search")


def test_files_of_other_versions_are_cleared_but_a_few(tmp_path, monkeypatch):
    monkeypatch.setenv(stored.CACHE_DIR_ENV, str(tmp_path))
    old = []
    for i in range(stored.KEEP + 2):
        path = tmp_path / f"tables-old{i}.pickle"
        path.write_bytes(b"")
        os.utime(path, (time.time() - 1000 + i, time.time() - 1000 + i))
        old.append(path)
    stored._forget_old(tmp_path)
    assert sorted(tmp_path.iterdir()) == sorted(old[-stored.KEEP :])


def test_a_file_others_may_write_is_never_read(tmp_path, worked_out):
    _probe(str(tmp_path), tmp_path)
    _stored_file(tmp_path).chmod(0o666)
    again = _probe(str(tmp_path), tmp_path)
    assert not again["read"]
    assert again["keys"] == worked_out["keys"]
