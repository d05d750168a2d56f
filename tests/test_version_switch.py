"""A serving process meets a new index version: its first search answers from the new version,
exactly as a process that opened only that version answers (the segments the two versions
share are not read again, so this is where a wrong reuse would show). And the spelling map's
saved format: it round trips, and a version written in the older JSON format still opens and
is rewritten in the new one by its next update."""

from __future__ import annotations

import json
import random
from dataclasses import asdict

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.index.spellings import ADDED, FILENAME, LEGACY, SpellingMap
from indexer.index.store import IndexStore
from indexer.results import SearchRequest
from tests.conftest import write_jsonl

WORDS = ["memorial", "village", "winter", "refugees", "survivors", "Khojaly", "Xocalı", "Hojaly"]
PUBLISHERS = ["Reuters", "AZERTAC", "Anadolu Agency"]


def _docs(n: int) -> list[dict]:
    rng = random.Random(16)
    return [
        {
            "id": f"doc-{i:03d}",
            "title": f"Report {i} on {rng.choice(WORDS)}",
            "text": " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))),
            "publisher": rng.choice(PUBLISHERS),
            "published": f"{rng.randint(1992, 2024)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "language": rng.choice(["en", "en", "ru"]),
        }
        for i in range(n)
    ]


def _seen(result) -> dict:
    """Everything a reader sees of a result, the time it took aside."""
    seen = asdict(result)
    seen.pop("took_ms")
    return seen


REQUESTS = [
    SearchRequest(q="castle"),
    SearchRequest(q="Hojaly", per_page=50),
    SearchRequest(q="memorial", publisher=("Press of the Update",)),
    SearchRequest(q="winter", publisher=("Reuters",), per_page=50),
    SearchRequest(q="survivors", language=("ru",), per_page=50),
    SearchRequest(q="village", year_from=2000, year_to=2010, sort="date", per_page=50),
    SearchRequest(q='"memorial village"', per_page=50),
    SearchRequest(q="refug*", per_page=50),
    SearchRequest(q="", per_page=50),
]


def test_the_first_search_after_an_update_answers_from_the_new_version(tmp_path):
    docs = _docs(120)
    jsonl = write_jsonl(tmp_path / "a.jsonl", docs)
    index = tmp_path / "index"
    build_index(index, jsonl=jsonl)
    engine = open_engine(index)
    engine.warm_up()
    for request in REQUESTS:  # the old version answers, and keeps what it read
        engine.search(request)
    assert engine.search(SearchRequest(q="castle")).total == 0
    removed = docs[5]["id"]
    docs[3]["text"] += " castle"
    docs[3]["publisher"] = "Press of the Update"
    docs[3]["published"] = "2026-02-26"
    docs = [d for d in docs if d["id"] != removed]
    docs.append({**docs[0], "id": "doc-new", "text": "Xocalı memorial village castle"})
    write_jsonl(jsonl, docs)
    report = build_index(index, jsonl=jsonl)
    assert (report.added, report.updated, report.removed) == (1, 1, 1)

    hits = engine.search(SearchRequest(q="castle")).hits
    assert sorted(h.id for h in hits) == ["doc-003", "doc-new"]
    updated = engine.search(SearchRequest(q="memorial", publisher=("Press of the Update",)))
    assert [h.id for h in updated.hits] == ["doc-003"]
    everything = engine.search(SearchRequest(q="", per_page=200))
    assert everything.total == len(docs)
    assert removed not in {h.id for h in everything.hits}
    # a process that never saw the old version answers the same, down to facets and scores
    fresh = open_engine(index)
    for request in REQUESTS:
        assert _seen(engine.search(request)) == _seen(fresh.search(request)), request


def _maps():
    text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1)
    return st.dictionaries(text, st.sets(text, min_size=1, max_size=5), max_size=40)


@settings(max_examples=40, deadline=None)
@example(
    data={"a\U0010ffff": {"x"}, "a\U0010ffffb": {"y"}, "b": {"z"}},
    prefixes=["\U0010ffff", "a\U0010ffff\U0010ffff"],
)
@given(data=_maps(), prefixes=st.lists(st.text(max_size=3), max_size=5))
def test_a_saved_spelling_map_reads_back_the_same(tmp_path_factory, data, prefixes):
    folder = tmp_path_factory.mktemp("map")
    SpellingMap(data).save(folder)
    loaded = SpellingMap.load(folder)
    assert loaded.as_dict() == data
    assert len(loaded) == len(data)
    for key, terms in data.items():
        assert loaded.terms_of(key) == terms
    assert loaded.terms_of("not a key of the map \u0000") == set()
    for prefix in [*prefixes, *(k[:2] for k in data)]:
        expected = {t for k, terms in data.items() if k.startswith(prefix) for t in terms}
        assert loaded.terms_under_prefix(prefix) == expected


@settings(max_examples=40, deadline=None)
@example(keys={"ab", "ab\u0000", "ab\u0000\u0000"}, probes=["ab\u0000\u0000\u0000", "a"])
@given(
    keys=st.sets(st.text("ab\u0000é", min_size=1, max_size=20), min_size=1, max_size=30),
    probes=st.lists(st.text("ab\u0000é", max_size=20), max_size=10),
)
def test_keys_alike_in_their_first_bytes_are_told_apart(tmp_path_factory, keys, probes):
    """Keys are looked up by their first bytes, then among those that share them: long keys
    that differ only near their end, short ones, or keys that differ by NULs, still find their
    own terms only."""
    folder = tmp_path_factory.mktemp("map")
    data = {key: {f"term of {key}"} for key in keys}
    SpellingMap(data).save(folder)
    loaded = SpellingMap.load(folder)
    for probe in [*keys, *probes, *(k[:-1] for k in keys), *(k + "a" for k in keys)]:
        assert loaded.terms_of(probe) == data.get(probe, set())
        expected = {t for k, terms in data.items() if k.startswith(probe) for t in terms}
        assert loaded.terms_under_prefix(probe) == expected


def test_added_pairs_are_read_with_the_saved_map_and_folded_in_when_many(tmp_path):
    SpellingMap({"#khjl": {"khojaly", "xocalı"}, "=khojaly": {"khojaly"}}).save(tmp_path)
    SpellingMap({"#khjl": {"hojaly"}, "zz": {"zzz"}}).save_added(tmp_path)
    assert (tmp_path / ADDED).is_file()  # small beside the map: written apart
    loaded = SpellingMap.load(tmp_path)
    assert loaded.terms_of("#khjl") == {"khojaly", "xocalı", "hojaly"}
    assert loaded.terms_under_prefix("#") == {"khojaly", "xocalı", "hojaly"}
    assert loaded.terms_under_prefix("z") == {"zzz"}
    many = {f"key{i}": {f"term{i}"} for i in range(50)}
    SpellingMap(many).save_added(tmp_path)
    assert not (tmp_path / ADDED).exists()  # folded into the saved map
    folded = SpellingMap.load(tmp_path)
    assert folded.terms_of("#khjl") == {"khojaly", "xocalı", "hojaly"}
    assert folded.terms_of("key7") == {"term7"}


def test_a_map_in_the_older_json_format_opens_and_is_rewritten_by_an_update(tmp_path):
    data = {"#khjl": ["khojaly", "xocalı"], "=khojaly": ["khojaly", "ходжалы"]}
    (tmp_path / LEGACY).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert SpellingMap.load(tmp_path).as_dict() == {k: set(v) for k, v in data.items()}
    SpellingMap({"#khjl": {"hojaly"}}).save_added(tmp_path)
    assert (tmp_path / FILENAME).is_file() and not (tmp_path / LEGACY).exists()
    assert SpellingMap.load(tmp_path).terms_of("#khjl") == {"khojaly", "xocalı", "hojaly"}
    assert SpellingMap.load(tmp_path).terms_of("=khojaly") == {"khojaly", "ходжалы"}


def _to_legacy_format(folder) -> None:
    """Rewrite a version's spelling map as the older builds wrote it: the whole map as JSON."""
    data = {k: sorted(v) for k, v in SpellingMap.load(folder).as_dict().items()}
    (folder / LEGACY).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    (folder / FILENAME).unlink()
    (folder / ADDED).unlink(missing_ok=True)


@pytest.mark.parametrize("spelled", ["Hojaly", "Ходжалы"])
def test_an_index_written_in_the_older_format_serves_and_updates(tmp_path, spelled):
    docs = _docs(40)
    docs[1]["text"] += " Ходжалы"
    jsonl = write_jsonl(tmp_path / "a.jsonl", docs)
    index = tmp_path / "index"
    build_index(index, jsonl=jsonl)
    expected = {h.id for h in open_engine(index).search(SearchRequest(q=spelled, per_page=50)).hits}
    assert "doc-001" in expected
    store = IndexStore(index)
    _to_legacy_format(store.current_dir())
    hits = open_engine(index).search(SearchRequest(q=spelled, per_page=50)).hits
    assert {h.id for h in hits} == expected
    docs.append({**docs[0], "id": "doc-new", "text": "Xodjaly"})  # a spelling never seen
    write_jsonl(jsonl, docs)
    build_index(index, jsonl=jsonl)
    folder = store.current_dir()
    assert (folder / FILENAME).is_file() and not (folder / LEGACY).exists()
    hits = open_engine(index).search(SearchRequest(q=spelled, per_page=50)).hits
    assert {h.id for h in hits} == expected | {"doc-new"}
