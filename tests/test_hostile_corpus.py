"""A corpus folder is untrusted: it cannot reach outside itself, hang a build, or strip the
metadata of the index being served."""

from __future__ import annotations

import fcntl
import os
import socket
import stat
import subprocess
import sys

import pytest

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.index.store import BuildLocked, IndexStore
from indexer.ingest.catalog import CatalogError
from indexer.results import SearchRequest
from tests.conftest import ROOT, SEED_IDS

SECRET = "Confidential ledger of the quartermaster, zanzibarite entries only.\n"


def cli_build(corpus, index, *extra, timeout=60):
    """The build command as a user runs it; a hang fails the test instead of wedging it."""
    return subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index)]
        + list(extra),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


@pytest.fixture
def outside_file(tmp_path):
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, "utf-8")
    return path


def test_symlinks_out_of_the_folder_are_skipped_by_name(corpus_copy, outside_file, tmp_path):
    (corpus_copy / "passwd.txt").symlink_to(outside_file)
    (corpus_copy / "deep.txt").symlink_to(os.path.relpath(outside_file, corpus_copy))
    (corpus_copy / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    for name in ("passwd.txt", "deep.txt"):
        assert any(name in w and "outside the corpus folder" in w for w in report.warnings)
    assert any("dangling.txt" in w and "broken" in w for w in report.warnings)
    assert report.skipped == 3 and report.document_count == len(SEED_IDS)
    engine = open_engine(tmp_path / "index")
    assert engine.search(SearchRequest(q="zanzibarite")).total == 0
    assert engine.document("passwd") is None


def test_a_symlink_that_stays_inside_the_folder_is_read(corpus_copy, tmp_path):
    (corpus_copy / "drafts").mkdir()
    (corpus_copy / "drafts" / "note.txt").write_text("A zanzibarite memorial note.\n", "utf-8")
    (corpus_copy / "note.txt").symlink_to("drafts/note.txt")
    report = build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert report.skipped == 0
    assert [
        h.id for h in open_engine(tmp_path / "index").search(SearchRequest(q="zanzibarite")).hits
    ] == ["note"]


def _make_special(kind, path):
    if kind == "FIFO":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        return server
    elif kind == "character device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
        except PermissionError:
            pytest.skip("creating a device node needs root")
    elif kind == "folder":
        path.mkdir()
    return None


@pytest.mark.parametrize("kind", ["FIFO", "socket", "character device", "folder"])
def test_special_files_named_txt_are_skipped_without_hanging_the_build(kind, corpus_copy, tmp_path):
    held = _make_special(kind, corpus_copy / "special.txt")
    try:
        result = cli_build(corpus_copy, tmp_path / "index")
    finally:
        if held is not None:
            held.close()
    assert result.returncode == 0, result.stderr
    assert f"special.txt: skipped: a {kind}" in result.stderr or (
        f"special.txt: skipped: {kind}" in result.stderr
    ), result.stderr
    assert f"added {len(SEED_IDS)}," in result.stdout


def test_a_fifo_catalog_does_not_hang_the_build(corpus_copy, tmp_path):
    (corpus_copy / "catalog.toml").unlink()
    os.mkfifo(corpus_copy / "catalog.toml")
    result = cli_build(corpus_copy, tmp_path / "index")
    assert result.returncode == 1
    assert "catalog.toml" in result.stderr and "FIFO" in result.stderr


def test_a_live_build_that_never_ends_makes_the_next_one_give_up_with_its_name(tmp_path):
    store = IndexStore(tmp_path / "index")
    store.versions.mkdir(parents=True)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX)\n"
            "f.write(f'{os.getpid()}\\n'); f.flush(); print('locked', flush=True); time.sleep(60)",
            str(store.root / "build.lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(BuildLocked, match=f"process {holder.pid}"):
            build_index(store.root, corpus_dir=ROOT / "corpus", lock_timeout=0.5)
        result = cli_build(ROOT / "corpus", store.root, "--wait", "0.5")
        assert result.returncode == 1 and f"process {holder.pid}" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    # the holder is gone, and so is its lock
    assert build_index(store.root, corpus_dir=ROOT / "corpus", lock_timeout=5).added == len(
        SEED_IDS
    )


def test_the_lock_of_a_killed_build_is_free_at_once(tmp_path):
    index = tmp_path / "index"
    (index / "versions").mkdir(parents=True)
    with open(index / "build.lock", "a+") as handle:  # a dead holder's file, lock released
        handle.write("999999\n")
    fcntl_free = build_index(index, corpus_dir=ROOT / "corpus", lock_timeout=0.1)
    assert fcntl_free.added == len(SEED_IDS)
    with open(index / "build.lock") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # nobody holds it afterwards


# -- the catalog -----------------------------------------------------------------------------


def test_a_broken_catalog_stops_the_build_and_the_served_metadata_stays(corpus_copy, tmp_path):
    index = tmp_path / "index"
    build_index(index, corpus_dir=corpus_copy)
    served = IndexStore(index).current_name()
    catalog = corpus_copy / "catalog.toml"
    lines = catalog.read_text("utf-8").splitlines()
    typo_line = next(n for n, line in enumerate(lines, 1) if line.startswith("publisher"))
    lines[typo_line - 1] = "publisher = Anadolu Agency"  # the quotes forgotten
    catalog.write_text("\n".join(lines) + "\n", "utf-8")
    path = corpus_copy / f"{SEED_IDS[2]}.txt"
    path.write_text(path.read_text("utf-8") + "\nA changed paragraph.\n", "utf-8")

    result = cli_build(corpus_copy, index)
    assert result.returncode == 1
    assert f"catalog.toml: Invalid value (at line {typo_line}, column 13)" in result.stderr
    assert "the index was not changed" in result.stderr
    assert IndexStore(index).current_name() == served
    doc = open_engine(index).document("000_a328629233d40734")
    assert (doc.publisher, doc.published) == ("Anadolu Agency", "2023-02-26")

    with pytest.raises(CatalogError, match=f"line {typo_line}"):
        build_index(index, corpus_dir=corpus_copy)


def test_a_catalog_that_is_not_utf8_names_the_place_of_the_bad_byte(corpus_copy, tmp_path):
    catalog = corpus_copy / "catalog.toml"
    catalog.write_bytes(catalog.read_bytes() + b'\n[documents.x]\ntitle = "caf\xe9"\n')
    lines = catalog.read_bytes().count(b"\n")
    with pytest.raises(CatalogError, match=f"not valid UTF-8 \\(at line {lines}, column 13\\)"):
        build_index(tmp_path / "index", corpus_dir=corpus_copy)
    assert IndexStore(tmp_path / "index").current_name() is None


def test_a_catalog_linked_from_outside_is_refused(corpus_copy, outside_file, tmp_path):
    (corpus_copy / "catalog.toml").unlink()
    (corpus_copy / "catalog.toml").symlink_to(outside_file)
    with pytest.raises(CatalogError, match="outside the corpus folder"):
        build_index(tmp_path / "index", corpus_dir=corpus_copy)
