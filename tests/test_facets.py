"""Facets as a user meets them: exact disjunctive counts for any number of languages and
publishers, the Undated bucket, and forgiving filter values, each checked against a
brute-force count over the documents themselves."""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from urllib.parse import quote_plus, urlencode

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.engine import open_engine
from indexer.index.build import build_index
from indexer.params import to_params
from indexer.results import SearchRequest
from indexer.search.facets.columns import CodedColumn
from indexer.search.facets.year import YearFacet
from tests.conftest import ROOT, write_jsonl

# -- a column with several values per document, against plain Python sets ----------------


@given(
    st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=4), min_size=1, max_size=40),
    st.data(),
)
def test_coded_column_counts_and_filters_like_sets(per_doc, data):
    column = CodedColumn.from_lists(per_doc)
    docs = np.asarray(sorted(data.draw(st.sets(st.integers(0, len(per_doc) - 1)))), dtype=np.int64)
    wanted = data.draw(st.sets(st.sampled_from("abcdefgh")))
    counts = column.counts(docs)
    for code, value in enumerate(column.values):
        assert counts[code] == sum(value in per_doc[d] for d in docs)
    codes = [column.values.index(v) for v in wanted if v in column.values]
    expected = [bool(set(per_doc[d]) & wanted) for d in docs]
    assert column.has_any(docs, codes).tolist() == expected


@given(st.lists(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=3), max_size=6)))
def test_a_column_joined_from_segments_is_the_column_of_all_their_documents(segments):
    """Each segment's column is made once and kept; a version's column joins them."""
    joined = CodedColumn.concat([CodedColumn.from_lists(docs) for docs in segments])
    whole = CodedColumn.from_lists([d for docs in segments for d in docs])
    assert joined.values == whole.values
    assert joined.starts.tolist() == whole.starts.tolist()
    assert joined.codes.tolist() == whole.codes.tolist()
    assert (joined.single is None) == (whole.single is None)


# -- more languages and publishers than a 64-bit mask holds ------------------------------

LANGUAGES = sorted(
    a + b for a in string.ascii_lowercase for b in string.ascii_lowercase if a + b != "xx"
)[:100]


@pytest.fixture(scope="module")
def many_values(tmp_path_factory):
    rng = random.Random(3)
    docs = []
    for i in range(300):
        dated = i % 7 != 0
        docs.append(
            {
                "id": f"m{i}",
                "title": f"Note {i}",
                "text": "memorial " + ("winter " if i % 3 else "") + f"n{i}",
                "publisher": f"Publisher {rng.randrange(90):02d}",
                "published": f"{rng.randint(1992, 1999)}-02-26" if dated else None,
                "language": LANGUAGES[i % len(LANGUAGES)],
            }
        )
    path = tmp_path_factory.mktemp("many")
    build_index(path / "i", jsonl=write_jsonl(path / "d.jsonl", docs))
    return open_engine(path / "i"), docs


def _year(doc) -> str:
    return doc["published"][:4] if doc["published"] else "undated"


def _passes(doc, req: SearchRequest, skip: str | None = None) -> bool:
    year = _year(doc)
    in_range = (req.year_from is not None or req.year_to is not None) and year != "undated"
    if in_range:
        in_range = (req.year_from or 0) <= int(year) <= (req.year_to or 9999)
    checks = {
        "publisher": not req.publisher or doc["publisher"] in req.publisher,
        "language": not req.language or doc["language"] in req.language,
        "year": (req.year_from is None and req.year_to is None and not req.undated)
        or in_range
        or (req.undated and year == "undated"),
    }
    matches_q = not req.q or req.q in doc["text"]
    return matches_q and all(ok for facet, ok in checks.items() if facet != skip)


FILTERS = [
    {},
    {"language": (LANGUAGES[70],)},  # past the 63rd language, where a bit mask ran out
    {"language": (LANGUAGES[5], LANGUAGES[99]), "publisher": ("Publisher 80",)},
    {"publisher": ("Publisher 01", "Publisher 89")},
    {"undated": True},
    {"undated": True, "year_from": 1998},
    {"year_from": 1993, "year_to": 1994, "language": (LANGUAGES[64],)},
]


@pytest.mark.parametrize("q", ["", "winter"])
@pytest.mark.parametrize("filters", FILTERS)
def test_disjunctive_counts_of_every_value_match_a_brute_force_count(many_values, q, filters):
    engine, docs = many_values
    req = SearchRequest(q=q, per_page=100, **filters)
    result = engine.search(req)
    truth = [d["id"] for d in docs if _passes(d, req)]
    assert result.total == len(truth)
    assert {h.id for h in result.hits} <= set(truth)
    for facet in ("publisher", "language", "year"):
        expected: dict[str, int] = {}
        for doc in docs:
            if _passes(doc, req, skip=facet):
                value = _year(doc) if facet == "year" else doc[facet]
                expected[value] = expected.get(value, 0) + 1
        got = {v.value: v.count for v in result.facets[facet] if v.count}
        assert got == expected, facet
    assert len(result.facets["language"]) >= 64 or filters


def test_undated_documents_are_a_bucket_that_filters_like_a_year(many_values):
    engine, docs = many_values
    everything = engine.search(SearchRequest())
    undated = everything.facets["year"][-1]
    assert (undated.value, undated.label, undated.selected) == ("undated", "Undated", False)
    assert undated.count == sum(1 for d in docs if not d["published"])
    assert undated.toggle_url == "?undated=true"

    only = engine.search(SearchRequest(undated=True, per_page=100))
    assert only.total == undated.count
    assert all(h.published is None for h in only.hits)
    assert (
        only.facets["year"][-1].selected and only.facets["year"][-1].toggle_url == "?per_page=100"
    )
    # the year facet's counts ignore its own selection: other years can still be added
    assert sum(v.count for v in only.facets["year"]) == len(docs)


# -- filter values as people type them ---------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ({"publisher": ("anadolu agency",)}, {"publisher": ("Anadolu Agency",)}),
        ({"publisher": ("  ANADOLU   Agency ",)}, {"publisher": ("Anadolu Agency",)}),
        ({"language": ("EN",)}, {"language": ("en",)}),
        ({"language": ("English",)}, {"language": ("en",)}),
        ({"language": ("eng",)}, {"language": ("en",)}),
        ({"language": ("Русский", "azeri")}, {"language": ("ru", "az")}),
    ],
)
def test_filter_values_match_in_any_case_and_by_name(site_engine, given, canonical):
    forgiving = site_engine.search(SearchRequest(**given, per_page=100))
    exact = site_engine.search(SearchRequest(**canonical, per_page=100))
    assert forgiving.total == exact.total > 0
    assert [h.id for h in forgiving.hits] == [h.id for h in exact.hits]
    assert forgiving.unknown_filters == []
    facet, values = next(iter(canonical.items()))
    assert {v.value for v in forgiving.facets[facet] if v.selected} == set(values)
    assert forgiving.facets == exact.facets  # toggle links use the index's spelling


@pytest.mark.parametrize(
    ("given", "suggested"),
    [
        ({"publisher": ("Anadolu",)}, "Anadolu Agency"),
        ({"publisher": ("Reuter",)}, "Reuters"),
        ({"language": ("Englsh",)}, "en"),
        ({"language": ("Azerbajiani",)}, "az"),
    ],
)
def test_an_unknown_value_finds_nothing_and_names_close_values(site_engine, given, suggested):
    result = site_engine.search(SearchRequest(q="Khojaly", **given))
    assert (result.total, result.hits) == (0, [])
    [unknown] = result.unknown_filters
    facet, (value,) = next(iter(given.items()))
    assert (unknown.parameter, unknown.value) == (facet, value)
    assert unknown.suggestions[0].value == suggested
    fixed = site_engine.search(SearchRequest(q="Khojaly", **{facet: (suggested,)}))
    assert unknown.suggestions[0].url.endswith(f"{facet}={suggested.replace(' ', '+')}")
    assert fixed.total > 0
    # the unknown value stays selected, with a link that removes it
    listed = next(v for v in result.facets[facet] if v.value == value)
    assert (listed.count, listed.selected, listed.toggle_url) == (0, True, "?q=Khojaly")


def test_a_language_no_document_is_in_is_unknown_too(site_engine):
    result = site_engine.search(SearchRequest(language=("French",)))
    assert result.total == 0
    assert [u.value for u in result.unknown_filters] == ["French"]
    assert all(s.value != "en" for s in result.unknown_filters[0].suggestions)


@pytest.fixture(scope="module")
def site_engine(site_index):
    return open_engine(site_index)


# -- the same in the CLI, the API and the page -------------------------------------------


def _cli(index, *args) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "indexer", "search", *args, "--index", str(index)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_cli_takes_language_names_and_says_when_a_value_is_unknown(site_index):
    by_name = _cli(site_index, "Khojaly", "--language", "Russian", "--json")
    assert json.loads(by_name.stdout)["total"] == 1
    unknown = _cli(site_index, "Khojaly", "--publisher", "Anadolu")
    assert unknown.returncode == 0
    assert "No publisher “Anadolu” in the archive; did you mean: Anadolu Agency?" in unknown.stdout
    undated = json.loads(_cli(site_index, "", "--undated", "--json").stdout)
    assert undated["total"] == 2 and all(h["published"] is None for h in undated["hits"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year-from", "2020", "--year-to", "1990"], "--year-from (2020) is after --year-to"),
        (["--per-page", "0"], "--per-page must be a whole number from 1 to 100"),
        (["--sort", "size"], "--sort must be one of relevance, date"),
    ],
)
def test_cli_refuses_what_the_api_refuses_with_its_own_flag_names(site_index, args, message):
    out = _cli(site_index, "Khojaly", *args)
    assert out.returncode == 2 and message in out.stderr


def test_api_answers_unknown_filters_with_suggestions_to_follow(api_client):
    body = api_client.get("/api/search?q=Khojaly&language=Englsh").get_json()
    assert body["total"] == 0
    [unknown] = body["unknown_filters"]
    assert unknown["parameter"] == "language" and unknown["value"] == "Englsh"
    assert unknown["suggestions"][0]["label"] == "English"
    followed = api_client.get("/api/search" + unknown["suggestions"][0]["url"]).get_json()
    assert followed["total"] > 0 and followed["unknown_filters"] == []


def test_api_year_facet_has_the_undated_bucket(api_client):
    year = api_client.get("/api/search").get_json()["facets"]["year"]
    assert year[-1] == {
        "value": "undated",
        "label": "Undated",
        "count": 2,
        "selected": False,
        "toggle_url": "?undated=true",
    }
    body = api_client.get("/api/search" + year[-1]["toggle_url"]).get_json()
    assert body["total"] == 2


def test_page_says_which_value_is_unknown_and_links_close_ones(client):
    html = client.get("/?q=Khojaly&publisher=anadolu").get_data(as_text=True)
    assert "There is no publisher “anadolu” in the archive." in html
    assert 'href="/?q=Khojaly&amp;publisher=Anadolu+Agency"' in html


def test_page_shows_canonical_filters_and_the_undated_choice(client):
    # the page first redirects to the canonical spelling of its URL (undated=true)
    html = client.get("/?language=english&undated=TRUE", follow_redirects=True).get_data(
        as_text=True
    )
    assert "Language: English" in html and "Undated" in html
    assert 'name="undated" value="true"' in html and 'data-key="year:undated" checked' in html


requests = st.builds(
    SearchRequest,
    q=st.text(max_size=12),
    publisher=st.lists(st.text(max_size=8), max_size=2).map(tuple),
    language=st.lists(st.sampled_from(["en", "ru", "az"]), max_size=2).map(tuple),
    year_from=st.none() | st.integers(1990, 1995),
    year_to=st.none() | st.integers(1990, 1995),
    undated=st.booleans(),
    sort=st.sampled_from(["relevance", "date", "oldest"]),
    page=st.integers(1, 3),
    per_page=st.sampled_from([10, 25]),
    collapse=st.booleans(),
)


@given(requests, st.lists(st.integers(1990, 1995), min_size=1, max_size=6))
def test_a_years_link_toggles_that_year_as_the_request_spells_it(req, years):
    """The year facet builds its links from the parts they share; each must be the query
    string of the request with that year toggled, as urlencode spells it."""
    facet = YearFacet(np.asarray([0, *years], dtype=np.int32))
    docs = np.arange(len(years) + 1)
    for value in facet.count(docs, req):
        if value.value == "undated":
            continue
        toggled = YearFacet.toggled(req, value.value)
        assert value.toggle_url == "?" + urlencode(to_params(toggled), quote_via=quote_plus)
