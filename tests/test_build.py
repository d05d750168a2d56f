"""Building the index: incremental by content hash, atomic switch, survives kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from indexer.engine import open_engine
from indexer.index import build as build_module
from indexer.index.build import build_index
from indexer.index.store import IndexStore
from indexer.ingest import jsonl, jsonl_state
from indexer.ingest.jsonl import SourceChanged
from indexer.ingest.jsonl import line_digest as digest
from indexer.results import SearchRequest
from tests.conftest import ROOT, SEED_IDS, marked_archive


def test_changing_one_file_updates_one_document(corpus_copy, tmp_path):
    index = tmp_path / "index"
    first = build_index(index, corpus_dir=corpus_copy)
    assert (first.added, first.updated, first.removed) == (len(SEED_IDS), 0, 0)

    path = corpus_copy / f"{SEED_IDS[1]}.txt"
    path.write_text(path.read_text("utf-8") + "\nA new paragraph about Shusha and its castle.\n")
    second = build_index(index, corpus_dir=corpus_copy)
    assert (second.added, second.updated, second.removed) == (0, 1, 0)
    assert second.unchanged == len(SEED_IDS) - 1
    hits = open_engine(index).search(SearchRequest(q="castle")).hits
    assert [h.id for h in hits] == [SEED_IDS[1]]


def test_an_unchanged_corpus_leaves_the_index_alone(corpus_copy, tmp_path):
    index = tmp_path / "index"
    first = build_index(index, corpus_dir=corpus_copy)
    again = build_index(index, corpus_dir=corpus_copy)
    assert (again.added, again.updated, again.removed) == (0, 0, 0)
    assert again.version == first.version


def test_removed_files_leave_the_index_and_rebuild_starts_clean(corpus_copy, tmp_path):
    index = tmp_path / "index"
    build_index(index, corpus_dir=corpus_copy)
    (corpus_copy / f"{SEED_IDS[0]}.txt").unlink()
    report = build_index(index, corpus_dir=corpus_copy)
    assert report.removed == 1
    engine = open_engine(index)
    assert engine.document(SEED_IDS[0]) is None
    assert engine.search(SearchRequest()).total == len(SEED_IDS) - 1
    rebuilt = build_index(index, corpus_dir=corpus_copy, rebuild=True)
    assert rebuilt.added == len(SEED_IDS) - 1


def test_cli_build_prints_a_summary_and_fails_only_when_nothing_is_indexed(tmp_path):
    env = {**os.environ, "KHOJALY_SEARCH_INDEX": str(tmp_path / "index")}
    ok = _cli(["build", "--corpus", str(ROOT / "corpus")], env)
    assert ok.returncode == 0, ok.stderr
    assert f"added {len(SEED_IDS)}, updated 0, removed 0, skipped 0" in ok.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "bad.txt").write_bytes(b"\x00\x01")
    failed = _cli(["build", "--corpus", str(empty), "--index", str(tmp_path / "i2")], env)
    assert failed.returncode == 1
    assert "bad.txt" in failed.stderr and "nothing could be indexed" in failed.stderr


def _cli(args, env):
    return subprocess.run(
        [sys.executable, "-m", "indexer", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_kill_9_during_a_build_leaves_the_old_index_serving(tmp_path):
    index = tmp_path / "index"
    build_index(index, jsonl=marked_archive(tmp_path / "old.jsonl", 20, "oldmarker"))
    engine = open_engine(index)
    before = engine.search(SearchRequest(q="oldmarker")).total
    store = IndexStore(index)
    served = store.current_name()

    big = marked_archive(tmp_path / "new.jsonl", 5000, "newmarker")
    proc = subprocess.Popen(
        [sys.executable, "-m", "indexer", "build", "--jsonl", str(big), "--index", str(index)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list(store.versions.iterdir())) < 2:
        time.sleep(0.05)
    time.sleep(random.uniform(0.05, 0.5))
    assert proc.poll() is None, "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert store.current_name() == served
    assert engine.search(SearchRequest(q="oldmarker")).total == before
    assert open_engine(index).search(SearchRequest(q="newmarker")).total == 0

    report = build_index(index, jsonl=big)
    assert report.added == 5000 and report.removed == 20
    assert open_engine(index).search(SearchRequest(q="newmarker")).total == 5000
    assert len(list(store.versions.iterdir())) <= 3


def test_searches_during_a_build_see_the_old_or_the_new_index(tmp_path):
    index = tmp_path / "index"
    build_index(index, jsonl=marked_archive(tmp_path / "a.jsonl", 30, "alpha"))
    engine = open_engine(index)
    seen: set[tuple[str, int]] = set()
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            seen.add(("all", engine.search(SearchRequest(per_page=1)).total))
            seen.add(("beta", engine.search(SearchRequest(q="beta")).total))

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        docs = marked_archive(tmp_path / "b.jsonl", 300, "beta")
        build_index(index, jsonl=docs)
        time.sleep(0.3)
    finally:
        stop.set()
        thread.join()
    # each search sees one whole index: 30 alpha documents, or 300 beta documents
    assert seen <= {("all", 30), ("beta", 0), ("all", 300), ("beta", 300)}, seen
    assert ("beta", 300) in seen


def test_an_index_made_by_older_analysis_code_is_rebuilt_from_scratch(corpus_copy, tmp_path):
    index = tmp_path / "index"
    build_index(index, corpus_dir=corpus_copy)
    store = IndexStore(index)
    manifest = store.current_dir() / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    manifest.write_text(json.dumps({**data, "analysis": "an-older-release"}), "utf-8")
    report = build_index(index, corpus_dir=corpus_copy)
    assert report.added == len(SEED_IDS) and report.unchanged == 0
    assert any("rebuilding" in w for w in report.warnings)
    assert build_index(index, corpus_dir=corpus_copy).unchanged == len(SEED_IDS)


def test_changing_one_json_line_updates_one_document(tmp_path):
    path = marked_archive(tmp_path / "a.jsonl", 40, "gamma")
    index = tmp_path / "index"
    build_index(index, jsonl=path)
    lines = path.read_text("utf-8").splitlines()
    doc = json.loads(lines[7])
    doc["text"] += " A survivor's testimony from Shusha."
    lines[7] = json.dumps(doc)
    lines.append("{broken")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    report = build_index(index, jsonl=path)
    assert (report.added, report.updated, report.removed, report.skipped) == (0, 1, 0, 1)
    assert report.unchanged == 39
    hits = open_engine(index).search(SearchRequest(q="Shusha")).hits
    assert [h.id for h in hits] == [doc["id"]]


def test_a_changed_an_added_and_a_removed_json_line_are_each_found(tmp_path):
    path = marked_archive(tmp_path / "a.jsonl", 30, "delta")
    index = tmp_path / "index"
    build_index(index, jsonl=path)
    lines = path.read_text("utf-8").splitlines()
    changed = json.loads(lines[4])
    changed["text"] += " Memories of the Shusha castle."
    lines[4] = json.dumps(changed)
    removed = json.loads(lines.pop(9))
    added = {"id": "delta-new", "text": "A new testimony about the castle.", "language": "en"}
    lines.append(json.dumps(added))
    path.write_text("\n".join(lines) + "\n", "utf-8")

    report = build_index(index, jsonl=path)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert report.unchanged == 28
    engine = open_engine(index)
    assert {h.id for h in engine.search(SearchRequest(q="castle")).hits} == {
        changed["id"],
        "delta-new",
    }
    assert engine.document(removed["id"]) is None


def test_an_update_splits_only_the_changed_blocks_of_a_json_lines_file(tmp_path, monkeypatch):
    """Lines before, between and after the changes are checked a block at a time against the
    saved state (one checksum each), not split, hashed and looked up line by line."""
    monkeypatch.setattr(jsonl_state, "BLOCK_BYTES", 10_000)  # blocks of 3-4 lines
    path = marked_archive(tmp_path / "a.jsonl", 120, "eta")
    index = tmp_path / "index"
    build_index(index, jsonl=path)
    lines = path.read_text("utf-8").splitlines()
    changed = json.loads(lines[40])
    changed["text"] += " Memories of the Shusha castle."
    lines[40] = json.dumps(changed)
    removed = json.loads(lines.pop(80))
    lines.append(json.dumps({"id": "eta-new", "text": "A new testimony about the castle."}))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    hashed = []
    monkeypatch.setattr(jsonl, "line_digest", lambda raw: hashed.append(raw) or digest(raw))

    report = build_index(index, jsonl=path)
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 1, 1, 118)
    assert 3 <= len(hashed) <= 12  # the lines of the blocks that changed, of 120
    engine = open_engine(index)
    hits = engine.search(SearchRequest(q="castle")).hits
    assert {h.id for h in hits} == {changed["id"], "eta-new"}
    assert engine.document(removed["id"]) is None
    hashed.clear()
    assert build_index(index, jsonl=path).changed is False and hashed == []


def test_an_unchanged_json_lines_file_is_not_read_again(tmp_path):
    path = marked_archive(tmp_path / "a.jsonl", 30, "epsilon")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    index = tmp_path / "index"
    first = build_index(index, jsonl=path)
    assert first.skipped == 1
    again = build_index(index, jsonl=path)
    # nothing read, yet the same answer: the bad line is still reported
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 30)
    assert again.skipped == 1 and any(":31: skipped" in w for w in again.warnings)
    assert again.version == first.version

    # any write shows in the file's change time, even when size and mtime are put back
    stat = path.stat()
    data = path.read_bytes().replace(b'"Report 0"', b'"Rapport0"', 1)
    assert len(data) == stat.st_size
    path.write_bytes(data)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    report = build_index(index, jsonl=path)
    assert report.updated == 1
    assert [h.id for h in open_engine(index).search(SearchRequest(q="Rapport0")).hits] == [
        "epsilon0"
    ]


def _during_the_write(monkeypatch, change) -> None:
    """Run `change()` once the archive has been read and before its documents are analysed."""
    real = build_module.commit_segment

    def changed_then_written(*args, **kwargs):
        change()
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "commit_segment", changed_then_written)


def test_an_archive_replaced_during_a_build_is_indexed_as_it_was_read(tmp_path, monkeypatch):
    """Documents are read again from the file as it was opened, never from one moved over it
    meanwhile: the index holds what its manifest says, and the next build finds the change."""
    path = marked_archive(tmp_path / "a.jsonl", 30, "theta")
    index = tmp_path / "index"
    newer = tmp_path / "newer.jsonl"
    newer.write_text(path.read_text("utf-8").replace('"theta ', '"kappa '), "utf-8")
    _during_the_write(monkeypatch, lambda: os.replace(newer, path))
    assert build_index(index, jsonl=path).added == 30
    monkeypatch.undo()
    assert len(open_engine(index).search(SearchRequest(q="theta", per_page=50)).hits) == 30
    assert build_index(index, jsonl=path).updated == 30
    assert len(open_engine(index).search(SearchRequest(q="kappa", per_page=50)).hits) == 30


def test_an_archive_overwritten_during_a_build_stops_it_and_the_old_index_serves(
    tmp_path, monkeypatch
):
    path = marked_archive(tmp_path / "a.jsonl", 30, "lambda")
    index = tmp_path / "index"
    first = build_index(index, jsonl=path).version
    text = path.read_text("utf-8")
    path.write_text(text.replace('"lambda ', '"mu '), "utf-8")
    _during_the_write(
        monkeypatch, lambda: path.write_text(text.replace('"lambda ', '"nu '), "utf-8")
    )
    with pytest.raises(SourceChanged, match=r"a\.jsonl:1: the line was changed while the build"):
        build_index(index, jsonl=path)
    monkeypatch.undo()
    assert IndexStore(index).current_name() == first
    assert len(open_engine(index).search(SearchRequest(q="lambda", per_page=50)).hits) == 30
    assert build_index(index, jsonl=path).updated == 30
    assert len(open_engine(index).search(SearchRequest(q="nu", per_page=50)).hits) == 30


def test_kill_9_during_incremental_builds_is_cleaned_up_by_the_next_build(tmp_path):
    index = tmp_path / "index"
    served_archive = marked_archive(tmp_path / "old.jsonl", 300, "oldmarker")
    build_index(index, jsonl=served_archive)
    store = IndexStore(index)
    served = store.current_name()
    lines = served_archive.read_text("utf-8").splitlines()
    changed = tmp_path / "changed.jsonl"  # an incremental update: 1,500 new, 300 kept
    changed.write_text(
        "\n".join(lines)
        + "\n"
        + marked_archive(tmp_path / "n.jsonl", 1500, "newmarker").read_text(),
        "utf-8",
    )
    killed = []
    for delay in (0.0, 0.2, 0.6):
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "indexer",
                "build",
                "--jsonl",
                str(changed),
                "--index",
                str(index),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        before = set(os.listdir(store.versions))
        deadline = time.time() + 60
        while time.time() < deadline and not set(os.listdir(store.versions)) - before:
            time.sleep(0.01)
        time.sleep(delay)
        assert proc.poll() is None, "the build finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        [name] = set(os.listdir(store.versions)) - before
        killed.append(name)
        assert not store.is_finished(name)
        assert store.current_name() == served
        assert open_engine(index).search(SearchRequest(q="newmarker")).total == 0

    # an unchanged build keeps the served version and removes every unfinished one
    report = build_index(index, jsonl=served_archive)
    assert report.version == served and not report.changed
    assert sorted(os.listdir(store.versions)) == [served]

    finished = build_index(index, jsonl=changed)
    assert finished.added == 1500 and finished.unchanged == 300
    assert store.is_finished(finished.version)
    assert open_engine(index).search(SearchRequest(q="newmarker")).total == 1500
    assert sorted(os.listdir(store.versions)) == sorted([served, finished.version])


def test_every_file_of_a_new_version_reaches_the_disk_before_current_names_it(
    corpus_copy, tmp_path, monkeypatch
):
    index = tmp_path / "index"
    build_index(index, corpus_dir=corpus_copy)
    path = corpus_copy / f"{SEED_IDS[0]}.txt"
    path.write_text(path.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")

    synced: set[int] = set()  # inodes flushed so far
    at_switch: set[int] = set()
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        real_fsync(fd)
        synced.add(os.fstat(fd).st_ino)

    def replace(src, dst):
        if str(dst).endswith("CURRENT"):
            at_switch.update(synced)
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    report = build_index(index, corpus_dir=corpus_copy)
    version = IndexStore(index).versions / report.version
    files = {p.name: p.stat().st_ino for p in [version, version.parent, *version.iterdir()]}
    assert {"manifest.json", "meta.json", "spellings.npz", "FINISHED"} <= set(files)
    assert any(name.endswith(".toc") for name in files)
    assert not {name for name, ino in files.items() if ino not in at_switch}


def _deciders():
    """What decides a document's terms, spelling pairs, clean text, languages and copies."""
    from indexer.analysis.keys import index_keys
    from indexer.index.copies import signature
    from indexer.index.schema import build_schema
    from indexer.index.spelling_pairs import pairs_of_words
    from indexer.index.spellings import SpellingMap
    from indexer.ingest.documents import analyse
    from indexer.ingest.furniture import clean_paragraphs
    from indexer.ingest.language import profile

    return (
        index_keys,
        pairs_of_words,
        SpellingMap,
        build_schema,
        analyse,
        clean_paragraphs,
        profile,
        signature,
    )


@pytest.mark.parametrize("decider", _deciders(), ids=lambda f: f.__qualname__)
def test_the_analysis_fingerprint_reads_every_file_that_decides_what_is_indexed(decider):
    """A change to any of them makes the next build start afresh, so an update never mixes
    old and new analysis: each must live in a file the fingerprint reads."""
    import inspect
    from pathlib import Path

    package = Path(build_module.__file__).parent.parent
    source = Path(inspect.getsourcefile(decider)).relative_to(package).as_posix()
    assert any(
        source == name or source.startswith(name + "/") for name in build_module.ANALYSIS_SOURCES
    ), f"{source} is not among ANALYSIS_SOURCES"
