"""A process reads the slow tables that an earlier one worked out (indexer/analysis/stored.py),
and finds every spelling as a process that works them out itself does."""

from __future__ import annotations

import csv
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.analysis import stored

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "indexer" / "analysis" / "eval"

# Loads the tables as a build does, then prints whether they came from the stored file and
# the keys a document's word and a query's word get, for each word given. With "--stored",
# working out a table fails: every table must come from the file.
_PROBE = """
import json, sys
from indexer.analysis import lexicon, stored, synonym_table
from indexer.analysis.keys import links
from indexer.analysis.keys import index_keys, load_tables, variant_keys
if "--stored" in sys.argv:
    def refuse():
        raise AssertionError("a table was worked out, not read")
    synonym_table._read_table = links._groups_by_skeleton = links._vowels_by_group = refuse
    lexicon._read_websters = refuse
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


def _probe(cache: str, home: Path, *flags: str, timeout: float = 300) -> dict:
    env = {**os.environ, stored.CACHE_DIR_ENV: cache, "HOME": str(home)}
    env.pop("XDG_CACHE_HOME", None)
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *flags],
        input=json.dumps(_words()),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
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
    assert not probe["read"]
    assert not (home / ".cache").exists()
    return probe


@pytest.fixture(scope="module")
def written(tmp_path_factory, worked_out) -> Path:
    """The file a first process writes, after finding the spellings a process without it
    finds."""
    home = tmp_path_factory.mktemp("home")
    folder = home / "tables"  # made by the first process
    first = _probe(str(folder), home)
    assert not first["read"]
    assert first["keys"] == worked_out["keys"]
    return _stored_file(folder)


def test_a_later_process_reads_the_tables_and_finds_the_same_spellings(written, worked_out):
    assert written.stat().st_mode & 0o077 == 0  # the owner's alone
    assert written.parent.stat().st_mode & 0o077 == 0
    later = _probe(str(written.parent), written.parent.parent, "--stored")
    assert later["read"]
    assert later["keys"] == worked_out["keys"]
    assert len(worked_out["keys"]) > 3000


def _damaged(tmp_path: Path, written: Path, damage) -> Path:
    path = tmp_path / written.name
    shutil.copyfile(written, path)
    damage(path)
    return path


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"not a pickle"),
        lambda p: p.write_bytes(pickle.dumps({"table": None})),
        lambda p: p.chmod(0o666),  # others could have written it: a pickle runs code
    ],
    ids=["empty", "not-a-pickle", "other-tables", "writable-by-others"],
)
def test_a_file_that_is_damaged_or_not_ours_alone_is_replaced(
    tmp_path, written, worked_out, damage
):
    path = _damaged(tmp_path, written, damage)
    again = _probe(str(tmp_path), tmp_path)
    assert not again["read"]
    assert again["keys"] == worked_out["keys"]
    assert path.stat().st_mode & 0o077 == 0
    with path.open("rb") as f:
        assert set(pickle.load(f)) == set(stored.NAMES)


def test_a_fifo_in_its_place_neither_blocks_nor_is_read(tmp_path, written, worked_out):
    os.mkfifo(tmp_path / written.name, 0o600)
    again = _probe(str(tmp_path), tmp_path, timeout=60)  # a read from a FIFO would wait
    assert not again["read"]
    assert again["keys"] == worked_out["keys"]


def test_the_default_folder_is_in_the_users_cache(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    for name in (stored.CACHE_DIR_ENV, "XDG_CACHE_HOME"):
        env.pop(name, None)
    code = "from indexer.analysis.keys.words import load_tables; load_tables()"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, timeout=300, check=True)
    _stored_file(home / ".cache" / "khojaly-search")


@pytest.mark.parametrize(
    ("env", "folder"),
    [
        ({stored.CACHE_DIR_ENV: "off"}, None),
        ({stored.CACHE_DIR_ENV: " OFF "}, None),
        ({stored.CACHE_DIR_ENV: "~/tables"}, "{home}/tables"),
        ({"XDG_CACHE_HOME": "/var/cache/me"}, "/var/cache/me/khojaly-search"),
        ({"XDG_CACHE_HOME": "relative"}, "{home}/.cache/khojaly-search"),  # the spec: ignore it
        ({"HOME": ""}, None),
        ({stored.CACHE_DIR_ENV: "~nosuchuser/tables"}, None),
    ],
)
def test_the_folder_the_environment_names(monkeypatch, tmp_path, env, folder):
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in (stored.CACHE_DIR_ENV, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    expected = None if folder is None else Path(folder.format(home=tmp_path))
    assert stored.cache_dir() == expected


def test_a_change_to_the_rules_or_their_data_changes_the_fingerprint(tmp_path):
    copy = tmp_path / "analysis"
    shutil.copytree(stored.SOURCES[0], copy, ignore=shutil.ignore_patterns("__pycache__"))
    first = stored.fingerprint_of((copy,))
    assert stored.fingerprint_of((copy,)) == first
    data = copy / "data" / "names.tsv"
    data.write_text(data.read_text(encoding="utf-8") + "Hojalu\tkhojaly\n", encoding="utf-8")
    second = stored.fingerprint_of((copy,))
    rule = copy / "skeleton.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# one line more\n", encoding="utf-8")
    third = stored.fingerprint_of((copy,))
    assert len({first, second, third}) == 3
    # neither the evaluation's files nor an editor's hidden ones make the tables
    (copy / "eval" / "README.md").write_text("changed", encoding="utf-8")
    (copy / ".skeleton.py.swp").write_bytes(b"swap")
    assert stored.fingerprint_of((copy,)) == third


def _all_built(monkeypatch, tmp_path, tables: dict) -> None:
    monkeypatch.setenv(stored.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.setattr(stored, "_built", dict(tables))


def test_nothing_is_written_when_the_rules_changed_since_they_were_read(monkeypatch, tmp_path):
    _all_built(monkeypatch, tmp_path, {n: {} for n in stored.NAMES})
    monkeypatch.setattr(stored, "FINGERPRINT", "read-before-a-change")
    assert stored.save() is None
    assert list(tmp_path.iterdir()) == []


def test_a_table_that_cannot_be_written_is_a_warning_not_a_failure(monkeypatch, tmp_path, caplog):
    _all_built(monkeypatch, tmp_path, {n: (lambda: None) for n in stored.NAMES})
    assert stored.save() is None
    assert "spelling tables not stored" in caplog.text
    assert list(tmp_path.iterdir()) == []  # nor a temporary file left


def test_files_of_other_versions_and_killed_writers_are_cleared(tmp_path):
    old = []
    for i in range(stored.KEEP + 2):
        path = tmp_path / f"tables-old{i}.pickle"
        path.write_bytes(b"")
        os.utime(path, (time.time() - 1000 + i, time.time() - 1000 + i))
        old.append(path)
    left = tmp_path / ".tables-left"
    left.write_bytes(b"")
    os.utime(left, (time.time() - 2 * stored.STALE_SECONDS,) * 2)
    writing = tmp_path / ".tables-writing"
    writing.write_bytes(b"")
    stored._forget_old(tmp_path)
    assert sorted(tmp_path.iterdir()) == sorted([writing, *old[-stored.KEEP :]])
