"""The index our build writes is a Whoosh index: stock Whoosh opens it, reads the same postings,
stored fields and columns as its own writer would have written, and its own searcher finds
the same documents as our engine."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh import query as wq

from indexer.analysis import exact_key
from indexer.engine import open_engine
from indexer.index import segments
from indexer.index.build import build_index, fields_of
from indexer.index.schema import build_schema
from indexer.index.spelling_pairs import variant_pairs
from indexer.index.spellings import SpellingMap, save_pairs
from indexer.index.store import IndexStore
from indexer.ingest.corpus import load_directory
from indexer.ingest.documents import analyse
from indexer.ingest.jsonl import load_jsonl
from indexer.results import SearchRequest
from tests.conftest import SEED_CORPUS, SITE_DOCS, write_jsonl

COMMON = ["memorial", "village", "winter", "refugees", "survivors", "Khojaly", "Xocalı"]


def _archive(path, n):
    """Documents with words common enough that posting lists span several 128-posting blocks."""
    rng = random.Random(7)
    rare = [f"word{i}" for i in range(300)]
    docs = [
        {
            "id": f"doc-{i:04d}",
            "title": f"Report {i} on {rng.choice(COMMON)}",
            "text": " ".join(rng.choice(COMMON + rare) for _ in range(rng.randint(5, 120))),
            "publisher": rng.choice(["Reuters", "AZERTAC", "Anadolu Agency"]),
            "published": f"{rng.randint(1992, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "language": "en",
        }
        for i in range(n)
    ]
    return write_jsonl(path, [*docs, *SITE_DOCS])


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same documents written by Whoosh's own writer and by ours (in small chunks, by
    helper processes, so that terms are joined from several chunks)."""
    root = tmp_path_factory.mktemp("writers")
    jsonl = _archive(root / "a.jsonl", 450)
    records = load_directory(SEED_CORPUS).records + load_jsonl(jsonl).records
    (root / "whoosh").mkdir()
    theirs = whoosh_index.create_in(str(root / "whoosh"), build_schema())
    writer = theirs.writer()
    for record in records:
        writer.add_document(**fields_of(analyse(record)))
    writer.commit()

    mp = pytest.MonkeyPatch()
    mp.setattr(segments, "MAX_CHUNK_DOCS", 100)
    mp.setattr(segments, "PARALLEL_MIN_DOCS", 10)
    try:
        (root / "ours").mkdir()
        segments.commit_segment(root / "ours", build_schema(), records, analyse, fields_of)
    finally:
        mp.undo()
    ours = whoosh_index.open_dir(str(root / "ours"))
    with theirs.reader() as a, ours.reader() as b:
        yield a, b


def _postings(reader, field, btext):
    m = reader.postings(field, btext)
    out = []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def test_every_term_has_the_postings_whoosh_writes(both):
    theirs, ours = both
    assert list(ours.all_terms()) == list(theirs.all_terms())
    long_lists = 0
    for field, btext in theirs.all_terms():
        expected = _postings(theirs, field, btext)
        assert _postings(ours, field, btext) == expected, (field, btext)
        a, b = theirs.term_info(field, btext), ours.term_info(field, btext)
        assert (b.doc_frequency(), b.weight(), b.max_weight()) == (
            a.doc_frequency(),
            a.weight(),
            a.max_weight(),
        )
        assert (b.min_id(), b.max_id(), b.min_length(), b.max_length()) == (
            a.min_id(),
            a.max_id(),
            a.min_length(),
            a.max_length(),
        )
        long_lists += len(expected) > 128
    assert long_lists >= 3  # posting lists of several blocks were compared too


def test_stored_fields_lengths_and_columns_are_whoosh_s(both):
    theirs, ours = both
    assert ours.doc_count_all() == theirs.doc_count_all()
    for docnum in range(theirs.doc_count_all()):
        assert ours.stored_fields(docnum) == theirs.stored_fields(docnum)
        for field in ("title", "body"):
            assert ours.doc_field_length(docnum, field) == theirs.doc_field_length(docnum, field)
    for field in ("title", "body"):
        assert ours.field_length(field) == theirs.field_length(field)
    for field in ("publisher", "languages", "year", "date_key"):
        assert list(ours.column_reader(field)) == list(theirs.column_reader(field))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("built")
    jsonl = _archive(root / "a.jsonl", 400)
    index = root / "index"
    build_index(index, corpus_dir=SEED_CORPUS, jsonl=jsonl)
    return index


def _stock_search(index, word: str) -> set[str]:
    """Whoosh's own searcher over the index folder, for the word and its indexed spellings."""
    folder = IndexStore(index).current_dir()
    spellings = SpellingMap.load(folder)
    terms = {exact_key(word)} | spellings.spellings(word)
    q = wq.Or([wq.Term(f, t) for f in ("title", "body") for t in sorted(terms)])
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        return {hit["id"] for hit in searcher.search(q, limit=None)}


@pytest.mark.parametrize("word", [*COMMON, "word17", "Hojaly", "Ходжалы", "castle", "1992"])
def test_stock_whoosh_finds_what_our_engine_finds(built, word):
    expected = _stock_search(built, word)
    engine = open_engine(built)
    found, page = set(), 1
    while True:
        res = engine.search(SearchRequest(q=word, page=page, per_page=100))
        found |= {h.id for h in res.hits}
        if page * 100 >= res.total:
            break
        page += 1
    assert found == expected
    if word in COMMON:
        assert len(expected) > 50


def test_a_small_update_adds_a_segment_and_leaves_the_others_alone(built, tmp_path):
    jsonl = _archive(tmp_path / "a.jsonl", 400)
    index = tmp_path / "index"
    build_index(index, corpus_dir=SEED_CORPUS, jsonl=jsonl)
    store = IndexStore(index)
    before = {p.name: p.stat().st_ino for p in store.current_dir().iterdir()}
    lines = jsonl.read_text("utf-8").splitlines()
    lines[3] = lines[3].replace('"text": "', '"text": "castle ')
    jsonl.write_text("\n".join(lines) + "\n", "utf-8")
    report = build_index(index, corpus_dir=SEED_CORPUS, jsonl=jsonl)
    assert (report.added, report.updated, report.removed) == (0, 1, 0)
    after = {p.name: p.stat().st_ino for p in store.current_dir().iterdir()}
    old_segment_files = [n for n in before if n.endswith((".pst", ".trm", "_stored.col"))]
    assert old_segment_files and all(after[n] == before[n] for n in old_segment_files)
    assert _stock_search(index, "castle") == {"doc-0003"}
    res = open_engine(index).search(SearchRequest(q="castle"))
    assert [h.id for h in res.hits] == ["doc-0003"]


def test_the_spelling_map_holds_the_pairs_of_every_indexed_word(built):
    folder = IndexStore(built).current_dir()
    expected = SpellingMap()
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        for fields in searcher.all_stored_fields():
            expected.add(variant_pairs(fields["title"] + "\n" + fields["body"]))
    saved = SpellingMap.load(folder).as_dict()
    assert saved == expected.as_dict()
    assert "=khojaly" in saved


def test_the_spelling_map_gives_back_each_term_s_keys(built, tmp_path):
    """A prefix's completions take their other spellings by the keys recorded for them: the
    saved map, one saved before it kept each term's keys, and a map in memory all give every
    term the keys of its pairs."""
    folder = IndexStore(built).current_dir()
    saved = SpellingMap.load(folder)
    keys_of: dict[str, set[str]] = {}
    for key, terms in saved.as_dict().items():
        for term in terms:
            keys_of.setdefault(term, set()).add(key)
    inverse = {"term_starts", "term_keys"}
    with np.load(folder / "spellings.npz") as arrays:
        assert inverse <= set(arrays.files)
        np.savez(tmp_path / "spellings.npz", **{n: arrays[n] for n in set(arrays.files) - inverse})
    in_memory = SpellingMap()
    in_memory.add((k, t) for t, keys in keys_of.items() for k in keys)
    assert "=khojaly" in keys_of["xocalı"]
    for spellings in (saved, SpellingMap.load(tmp_path), in_memory):
        assert {t: set(spellings.recorded_keys(t)) for t in keys_of} == keys_of
        assert spellings.recorded_keys("nosuchword") == []


def test_a_full_build_saves_the_spelling_map_a_map_of_its_pairs_saves(tmp_path):
    """A full build writes its spelling pairs straight to the map's file, without building
    the map in memory first: the file is byte for byte what the map itself writes."""
    index = tmp_path / "index"
    build_index(index, jsonl=_archive(tmp_path / "a.jsonl", 40))
    folder = IndexStore(index).current_dir()
    pairs = {(k, t) for k, terms in SpellingMap.load(folder).as_dict().items() for t in terms}
    assert ("=khojaly", "xocalı") in pairs
    in_memory = SpellingMap()
    in_memory.add(pairs)
    in_memory.save(tmp_path)
    assert (tmp_path / "spellings.npz").read_bytes() == (folder / "spellings.npz").read_bytes()


# keys and terms of any letters, a few longer than those numpy sorts as fixed-width strings
_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=80)


@settings(max_examples=60, deadline=None)
@given(pairs=st.sets(st.tuples(st.sampled_from(["=khojaly", "#kOcAl", "xocalı"]) | _TEXT, _TEXT)))
def test_saved_pairs_are_the_map_a_map_of_them_saves(tmp_path_factory, pairs):
    """However its keys and terms are spelt and sorted, the map a full build writes from its
    pairs reads as the map of those pairs."""
    folder = tmp_path_factory.mktemp("pairs")
    save_pairs(folder, pairs)
    assert SpellingMap.load(folder).as_dict() == {
        k: {t for key, t in pairs if key == k} for k, _ in pairs
    }
    in_memory = SpellingMap()
    in_memory.add(pairs)
    other = tmp_path_factory.mktemp("map")
    in_memory.save(other)
    assert (folder / "spellings.npz").read_bytes() == (other / "spellings.npz").read_bytes()


def test_an_update_adds_its_spellings_without_rewriting_the_map(tmp_path):
    """A new spelling in an updated document is found by the other spellings of the name,
    while the update wrote only the new pairs beside the saved map."""
    jsonl = _archive(tmp_path / "a.jsonl", 30)
    index = tmp_path / "index"
    build_index(index, jsonl=jsonl)
    store = IndexStore(index)
    saved = (store.current_dir() / "spellings.npz").stat().st_ino
    lines = jsonl.read_text("utf-8").splitlines()
    lines[3] = lines[3].replace('"text": "', '"text": "Зарбалиев ')
    jsonl.write_text("\n".join(lines) + "\n", "utf-8")
    build_index(index, jsonl=jsonl)
    folder = store.current_dir()
    assert (folder / "spellings.npz").stat().st_ino == saved
    expected = SpellingMap()
    with whoosh_index.open_dir(str(folder)).searcher() as searcher:
        for fields in searcher.all_stored_fields():
            expected.add(variant_pairs(fields["title"] + "\n" + fields["body"]))
    loaded = SpellingMap.load(folder)
    assert loaded.as_dict() == expected.as_dict()
    hits = open_engine(index).search(SearchRequest(q="Zarbaliev")).hits
    assert [h.id for h in hits] == ["doc-0003"]
