"""Copies of one text: grouped at build time, folded into one hit unless collapse=false,
counted as documents by the facets, and kept right by incremental updates."""

from __future__ import annotations

import random

import numpy as np
import pytest

from indexer.engine import open_engine
from indexer.index import copies
from indexer.index.build import build_index
from indexer.results import SearchRequest
from tests.conftest import write_jsonl

STORY = (
    "Thousands of people marched in Baku on Sunday to commemorate the victims of the Khojaly "
    "tragedy, carrying red carnations to the monument in the Khatai district. The marchers "
    "included members of parliament, diplomats and the families of the victims, who laid "
    "wreaths and observed a minute of silence at noon. Similar ceremonies were held in Ankara, "
    "Istanbul and Tbilisi, where the communities organised exhibitions of photographs."
)
OTHER = (
    "The foreign minister met his counterpart in Tbilisi on Monday to discuss the pipeline "
    "and the railway to Kars, and both said that the talks on transit fees would go on in "
    "spring. Khojaly was mentioned once, in a statement about the anniversary of the tragedy."
)


def republished(text: str, seed: int, furniture: list[str]) -> str:
    """The story as another site carries it: a few words changed, its own furniture."""
    rnd = random.Random(seed)
    words = text.split()
    for _ in range(3):
        words[rnd.randrange(len(words))] = rnd.choice(["said", "on", "the"])
    return "\n".join([*furniture[:1], " ".join(words), *furniture[1:]])


DOCS = [
    {"id": "aa", "text": STORY, "publisher": "Anadolu Agency", "published": "2024-02-26"},
    {
        "id": "sabah",
        "text": republished(STORY, 1, ["Home | World | Sport", "Share this article"]),
        "publisher": "Daily Sabah",
        "published": "2024-02-26",
    },
    {
        "id": "azertac",
        "text": republished(STORY, 2, ["Main page > Region", "© 2024 AZERTAC"]),
        "publisher": "AZERTAC",
        "published": "2024-02-27",
    },
    {"id": "other", "text": OTHER, "publisher": "AZERTAC", "published": "2024-03-04"},
]


@pytest.fixture
def archive(tmp_path):
    build_index(tmp_path / "index", jsonl=write_jsonl(tmp_path / "a.jsonl", DOCS))
    return tmp_path


def test_copies_share_a_group_and_others_have_none(archive):
    engine = open_engine(archive / "index")
    groups = {d["id"]: engine.document(d["id"]).copy_group for d in DOCS}
    assert groups["aa"] == groups["sabah"] == groups["azertac"] is not None
    assert groups["other"] is None
    doc = engine.document("aa")
    assert sorted(c.id for c in doc.copies) == ["azertac", "sabah"]
    assert all(0.5 < c.similarity < 1 for c in doc.copies)


def test_a_collapsed_search_shows_one_hit_per_group_and_counts_documents(archive):
    engine = open_engine(archive / "index")
    folded = engine.search(SearchRequest(q="Khojaly"))
    assert folded.total == 2
    first = next(h for h in folded.hits if h.copy_group)
    assert first.copy_count == 2 and len(first.copies) == 2
    assert {first.id, *(c.id for c in first.copies)} == {"aa", "sabah", "azertac"}
    publishers = {v.value: v.count for v in folded.facets["publisher"]}
    assert publishers == {"AZERTAC": 2, "Anadolu Agency": 1, "Daily Sabah": 1}

    every = engine.search(SearchRequest(q="Khojaly", collapse=False))
    assert every.total == 4 and all(h.copies == [] for h in every.hits)
    assert {h.id: h.copy_count for h in every.hits} == {
        "aa": 2,
        "sabah": 2,
        "azertac": 2,
        "other": 0,
    }
    counts = {k: [(v.value, v.count) for v in vals] for k, vals in every.facets.items()}
    assert counts == {k: [(v.value, v.count) for v in vals] for k, vals in folded.facets.items()}


def test_filters_choose_the_representative_among_matching_copies(archive):
    engine = open_engine(archive / "index")
    result = engine.search(SearchRequest(q="carnations", publisher=("Daily Sabah",)))
    assert [h.id for h in result.hits] == ["sabah"] and result.hits[0].copies == []


def test_an_update_regroups(archive):
    changed = [d for d in DOCS if d["id"] != "azertac"]
    changed.append({**DOCS[2], "text": OTHER + " Another paragraph on transit through Kars."})
    report = build_index(archive / "index", jsonl=write_jsonl(archive / "a.jsonl", changed))
    assert report.updated == 1
    engine = open_engine(archive / "index")
    assert engine.document("azertac").copy_group == engine.document("other").copy_group
    assert engine.document("aa").copy_group == engine.document("sabah").copy_group
    assert engine.document("aa").copy_group != engine.document("other").copy_group


def test_unrelated_texts_on_one_subject_are_not_copies():
    a, b = copies.signature(STORY), copies.signature(OTHER)
    assert copies.similarity(a, b) < copies.THRESHOLD
    assert copies.signature("Too short to tell.") is None


@pytest.mark.parametrize("value, total", [("false", 4), ("0", 4), ("true", 2), ("", 2)])
def test_the_api_collapse_parameter(tmp_path, value, total):
    from webapp import create_app

    build_index(tmp_path / "index", jsonl=write_jsonl(tmp_path / "a.jsonl", DOCS))
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")}).test_client()
    data = client.get(f"/api/search?q=Khojaly&collapse={value}").get_json()
    assert data["total"] == total
    bad = client.get("/api/search?q=Khojaly&collapse=maybe")
    assert bad.status_code == 400 and bad.get_json()["parameter"] == "collapse"


def _near_copies(rnd: random.Random, n: int) -> dict[str, np.ndarray]:
    """Signatures of `n` documents: unrelated ones, and some copies of others (a few values
    changed: most stay copies, some drift just below the threshold)."""
    out: dict[str, np.ndarray] = {}
    for k in range(n):
        if out and rnd.random() < 0.4:
            sig = out[rnd.choice(list(out))].copy()
            for pos in rnd.sample(range(copies.NUM_PERM), rnd.choice([2, 8, 20, 34])):
                sig[pos] = rnd.getrandbits(32)
        else:
            sig = np.array([rnd.getrandbits(32) for _ in range(copies.NUM_PERM)], np.uint32)
        out[f"d{k:03d}"] = sig
    return out


@pytest.mark.parametrize("seed", range(8))
def test_an_update_groups_as_a_full_build_would(tmp_path, seed):
    """Comparing only the changed documents with the stored signatures gives the groups that
    comparing all documents again gives, after documents are added, changed and removed."""
    rnd = random.Random(seed)
    before = _near_copies(rnd, 120)
    copies.update(tmp_path, before)
    after = dict(before)
    removed = set(rnd.sample(sorted(after), 10))
    for doc_id in removed:
        del after[doc_id]
    more = _near_copies(rnd, 150)
    changed = {i: more[i] for i in rnd.sample(sorted(after), 10)}  # now like other texts
    added = {f"new{i}": more[i] for i in sorted(more)[120:]}
    changed.update(added)
    after.update(changed)
    groups = copies.update(tmp_path, changed, removed, incremental=True)
    ids = sorted(after)
    expected = copies.group(ids, np.array([after[i] for i in ids]))
    assert groups == expected and copies.load_groups(tmp_path) == expected
    assert len(set(expected.values())) > 3  # there were groups to keep right


def test_a_collapsed_hit_lists_its_copies_in_the_json_as_dataclasses_would(archive):
    from dataclasses import asdict

    folded = open_engine(archive / "index").search(SearchRequest(q="Khojaly"))
    body = folded.to_dict()
    assert body["hits"] == [asdict(h) for h in folded.hits]
    first = next(i for i, h in enumerate(folded.hits) if h.copies)
    assert body["hits"][first]["copies"][0]["similarity"] == folded.hits[first].copies[0].similarity
