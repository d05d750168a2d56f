"""The search core as a user meets it: results, snippets, filters, facets, odd queries."""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys

import pytest

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.results import QueryError, SearchRequest
from tests.conftest import ROOT, SEED_IDS, write_jsonl

ANADOLU = "000_a328629233d40734"


def test_khojaly_finds_every_seed_with_marked_snippets(seed_engine):
    result = seed_engine.search(SearchRequest(q="Khojaly"))
    assert sorted(h.id for h in result.hits) == SEED_IDS
    for hit in result.hits:
        assert 1 <= len(hit.snippets) <= 3
        assert any("<mark>Khojaly</mark>" in s for s in hit.snippets)
        assert all(len(s) < 260 for s in hit.snippets)
        # the document's own spellings of the name, Khojaly first (one seed also says Hojaly)
        assert list(hit.matched) == ["khojaly"] and hit.matched["khojaly"][0] == "Khojaly"


def test_publisher_filter_narrows_and_keeps_other_publishers_countable(seed_engine):
    result = seed_engine.search(SearchRequest(q="Khojaly", publisher=("Anadolu Agency",)))
    assert [h.id for h in result.hits] == [ANADOLU]
    publishers = {v.value: (v.count, v.selected) for v in result.facets["publisher"]}
    assert publishers == {
        "Anadolu Agency": (1, True),
        "Unknown": (3, False),
        "Embassy of the Republic of Azerbaijan": (1, False),
    }
    assert result.facets["year"] == [v for v in result.facets["year"] if v.value == "2023"], (
        "the year facet applies the publisher filter"
    )


def test_empty_query_browses_everything_newest_first(seed_engine):
    result = seed_engine.search(SearchRequest())
    assert result.total == len(SEED_IDS)
    dates = [h.published for h in result.hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None, "undated documents come last"


def test_sort_by_date_and_pagination(seed_engine):
    seen = []
    for page in (1, 2, 3):
        result = seed_engine.search(SearchRequest(q="genocide", sort="date", page=page, per_page=2))
        assert result.total == 5 and result.total_pages == 3
        seen += [h.published for h in result.hits]
    assert len(seen) == 5
    assert [d for d in seen if d] == sorted([d for d in seen if d], reverse=True)
    past = seed_engine.search(SearchRequest(q="genocide", page=9))
    assert past.hits == [] and past.total == 5


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (
            '"Khojaly genocide"',
            {
                "001_c789e00b426436a5",
                "002_e5a54278f5ce035e",
                "003_157ca68bc35a757b",
                "004_f0194c78374355c2",
            },
        ),
        ("Srebrenica", {ANADOLU}),
        ("Srebren*", {ANADOLU}),
        ("Srebrenica OR Songmi", {ANADOLU, "004_f0194c78374355c2"}),
        ("genocide -Srebrenica", set(SEED_IDS) - {ANADOLU}),
        ("genocide NOT Srebrenica", set(SEED_IDS) - {ANADOLU}),
    ],
)
def test_query_syntax(seed_engine, q, expected):
    result = seed_engine.search(SearchRequest(q=q, per_page=100))
    assert {h.id for h in result.hits} == expected


@pytest.mark.parametrize(
    "q",
    [
        '"Khojaly genocide',
        "Khojaly OR",
        "NOT",
        "Khojaly -",
        "*",
        "a*",
        '""',
        "((",
        "x" * 5000,
        "Kho\x00jaly\x1b[31m",
        "title:Khojaly",
        "Khojaly AND AND OR",
        "\u202eKhojaly",
        "🙂",
    ],
)
def test_malformed_queries_never_raise_anything_but_a_clear_error(seed_engine, q):
    try:
        result = seed_engine.search(SearchRequest(q=q))
    except QueryError as exc:
        assert str(exc) and "Traceback" not in str(exc)
    else:
        assert result.total >= 0


def test_unbalanced_quote_is_searched_as_plain_words(seed_engine):
    result = seed_engine.search(SearchRequest(q='"Khojaly Srebrenica'))
    assert [h.id for h in result.hits] == [ANADOLU]


def test_overlong_query_is_refused_with_its_length(seed_engine):
    with pytest.raises(QueryError, match="5000 characters"):
        seed_engine.search(SearchRequest(q="x" * 5000))


def test_document_text_is_escaped_in_snippets(tmp_path):
    payload = 'Khojaly <script>alert(1)</script> and <img src=x onerror="alert(2)"> here.'
    build_index(
        tmp_path / "i",
        jsonl=write_jsonl(
            tmp_path / "x.jsonl", [{"id": "x", "title": "<b>t</b>", "text": payload}]
        ),
    )
    hit = open_engine(tmp_path / "i").search(SearchRequest(q="Khojaly")).hits[0]
    snippet = hit.snippets[0]
    assert "<script>" not in snippet and "<img" not in snippet
    assert "&lt;script&gt;" in snippet and "&lt;img" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_did_you_mean_offers_a_real_word(seed_engine):
    result = seed_engine.search(SearchRequest(q="genocde"))
    assert result.total == 0
    assert result.suggestion == "genocide"


PUBLISHERS = ["AzerTac", "Trend", "APA", "Unknown"]
LANGS = ["en", "ru", "tr", "az"]


@pytest.fixture(scope="module")
def facet_corpus(tmp_path_factory):
    rng = random.Random(7)
    docs = []
    for i in range(60):
        docs.append(
            {
                "id": f"d{i}",
                "title": f"Doc {i}",
                # too few letters for language detection: the declared language is the only one
                "text": "memorial " + ("winter " if i % 3 else "") + f"n{i}",
                "publisher": rng.choice(PUBLISHERS),
                "published": f"{rng.randint(1992, 1996)}-02-26",
                "language": rng.choice(LANGS),
            }
        )
    path = tmp_path_factory.mktemp("facets")
    build_index(path / "i", jsonl=write_jsonl(path / "d.jsonl", docs))
    return open_engine(path / "i"), docs


FILTERS = [
    {},
    {"publisher": ("AzerTac",)},
    {"publisher": ("AzerTac", "Trend")},
    {"language": ("ru",)},
    {"publisher": ("APA",), "language": ("en", "tr")},
    {"year_from": 1993, "year_to": 1994},
    {"publisher": ("Unknown",), "language": ("az",), "year_from": 1995},
]


@pytest.mark.parametrize("q", ["", "winter"])
@pytest.mark.parametrize("filters", FILTERS)
def test_disjunctive_facet_counts_match_a_brute_force_count(facet_corpus, q, filters):
    engine, docs = facet_corpus
    request = SearchRequest(q=q, per_page=100, **filters)
    result = engine.search(request)

    def passes(doc, skip=None):
        year = int(doc["published"][:4])
        checks = {
            "publisher": not request.publisher or doc["publisher"] in request.publisher,
            "language": not request.language or doc["language"] in request.language,
            "year": (request.year_from or 0) <= year <= (request.year_to or 9999),
        }
        matches_q = not q or q in doc["text"]
        return matches_q and all(ok for facet, ok in checks.items() if facet != skip)

    assert sorted(h.id for h in result.hits) == sorted(d["id"] for d in docs if passes(d))
    for facet, key in (("publisher", "publisher"), ("language", "language"), ("year", "year")):
        expected: dict[str, int] = {}
        for doc in docs:
            if passes(doc, skip=facet):
                value = doc["published"][:4] if key == "year" else doc[key]
                expected[value] = expected.get(value, 0) + 1
        got = {v.value: v.count for v in result.facets[facet] if v.count}
        assert got == expected, facet


def test_facet_values_carry_toggle_urls(facet_corpus):
    engine, _ = facet_corpus
    result = engine.search(SearchRequest(q="winter", publisher=("Trend",)))
    trend = next(v for v in result.facets["publisher"] if v.value == "Trend")
    apa = next(v for v in result.facets["publisher"] if v.value == "APA")
    assert trend.selected and trend.toggle_url == "?q=winter"
    assert apa.toggle_url == "?q=winter&publisher=Trend&publisher=APA"


def test_cli_json_is_the_api_structure(seed_index):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "indexer",
            "search",
            "Khojaly",
            "--index",
            str(seed_index),
            "--publisher",
            "Anadolu Agency",
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    ).stdout
    data = json.loads(out)
    assert set(data) == {
        "query",
        "normalized_query",
        "total",
        "page",
        "per_page",
        "total_pages",
        "took_ms",
        "hits",
        "facets",
        "suggestion",
        "unknown_filters",
    }
    assert data["total"] == 1 and data["hits"][0]["id"] == ANADOLU
    assert set(data["hits"][0]) == {
        "id",
        "title",
        "publisher",
        "published",
        "languages",
        "url",
        "score",
        "snippets",
        "matched",
        "format",
        "snippet_pages",
        "copy_group",
        "copy_count",
        "copies",
    }
    assert {v["value"]: v["count"] for v in data["facets"]["publisher"]}["Unknown"] == 3


def test_cli_human_output_and_errors(seed_index):
    ok = subprocess.run(
        [sys.executable, "-m", "indexer", "search", "Srebrenica", "--index", str(seed_index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert ok.returncode == 0 and "[Srebrenica]" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "indexer", "search", "*", "--index", str(seed_index)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert bad.returncode == 2 and "nothing to search" in bad.stderr


def test_combined_filters_never_break(facet_corpus):
    engine, _ = facet_corpus
    for pubs, langs in itertools.product([(), ("Nope",), ("APA",)], [(), ("xx",), ("ru",)]):
        result = engine.search(SearchRequest(publisher=pubs, language=langs))
        assert result.total >= 0


@pytest.fixture(scope="module")
def tied_engine(tmp_path_factory):
    """The seeds plus eight reports that score exactly alike."""
    path = tmp_path_factory.mktemp("ties")
    reports = [
        {"id": f"r{i}", "title": f"Report {i} on Khojaly", "text": "Khojaly, Karabakh. " * 3}
        for i in range(8)
    ]
    build_index(
        path / "i", corpus_dir=ROOT / "corpus", jsonl=write_jsonl(path / "r.jsonl", reports)
    )
    return open_engine(path / "i")


@pytest.mark.parametrize("q", ["Khojaly", "Xocalı Karabakh", "Karabakh OR genocide", "Kho*"])
@pytest.mark.parametrize("per_page", [2, 3, 4])
def test_pages_add_up_to_the_whole_result_list(tied_engine, q, per_page):
    whole = tied_engine.search(SearchRequest(q=q, per_page=100))
    paged = []
    for page in range(1, whole.total_pages * 100 // per_page + 2):
        paged += [
            h.id for h in tied_engine.search(SearchRequest(q=q, page=page, per_page=per_page)).hits
        ]
    assert paged == [h.id for h in whole.hits]
    assert len(paged) == whole.total


@pytest.mark.parametrize(("q", "spelling"), [("Khojaly", "Khojaly"), ("Xocalı", "Xocalı")])
def test_the_typed_spelling_ranks_first_even_when_another_is_rarer(tmp_path, q, spelling):
    docs = [
        {"id": f"en{i}", "title": f"Report {i}", "text": f"Khojaly was shelled that night. {i}"}
        for i in range(6)
    ]
    docs.append({"id": "az", "title": "Xəbər", "text": "Xocalı. Xocalı faciəsi."})
    build_index(tmp_path / "i", jsonl=write_jsonl(tmp_path / "d.jsonl", docs))
    hits = open_engine(tmp_path / "i").search(SearchRequest(q=q)).hits
    assert len(hits) == 7, "every spelling is found"
    assert spelling in hits[0].matched[q.lower()]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('"mass grave"', {"p1", "p3"}),
        ('"grave mass"', set()),
        ('"mass grave near Xocalı"', {"p3"}),
        ('"Khojaly massacre"', {"p2", "p3"}),
    ],
)
def test_phrases_need_their_words_side_by_side_in_any_spelling(tmp_path, q, expected):
    docs = [
        {"id": "p1", "title": "One", "text": "A mass grave was found."},
        {"id": "p2", "title": "Two", "text": "The mass of the grave. Khojaly massacre."},
        {"id": "p3", "title": "Three", "text": "Xocalı massacre: a mass grave near Khojaly."},
        {"id": "p4", "title": "Four", "text": "Mass and grave, massacre and Khojaly: all apart."},
    ]
    build_index(tmp_path / "i", jsonl=write_jsonl(tmp_path / "d.jsonl", docs))
    result = open_engine(tmp_path / "i").search(SearchRequest(q=q))
    assert {h.id for h in result.hits} == expected
