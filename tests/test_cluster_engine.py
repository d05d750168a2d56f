"""The Typesense engine gives what the embedded engine gives: the same documents for the same
queries, the same facets, the same marked spellings, over the seeds plus the site documents.

The embedded engine is the oracle here; both are built from the same files by their own
build pipelines.
"""

from __future__ import annotations

import pytest
from typesense_cluster import cluster_env, config_for, local_cluster, require_typesense

from indexer.engine import open_engine
from indexer.results import QueryError, SearchRequest
from tests.conftest import SITE_IDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_typesense()
    with local_cluster(tmp_path_factory.mktemp("typesense"), size=1) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def cluster_engine(server, site_index):
    """The very files the embedded site index was built from, built into the cluster."""
    from indexer.cluster.build import build_collection
    from indexer.cluster.engine import TypesenseEngine

    root = site_index.parent
    cfg = config_for(server, "site")
    report = build_collection(cfg, root / "corpus", root / "extra.jsonl")
    assert report.document_count == len(SITE_IDS)
    return TypesenseEngine(cfg)


@pytest.fixture(scope="module")
def embedded(site_index):
    return open_engine(site_index, "whoosh")


def everything(engine, request: SearchRequest) -> list[str]:
    ids, page = [], 1
    while True:
        result = engine.search(_with(request, page=page, per_page=100))
        ids += [h.id for h in result.hits]
        if page >= result.total_pages:
            return ids
        page += 1


def _with(request: SearchRequest, **changes) -> SearchRequest:
    return SearchRequest(**{**request.__dict__, **changes})


QUERIES = [
    SearchRequest(q="Khojaly"),
    SearchRequest(q="Hojaly"),
    SearchRequest(q="Ходжалы"),
    SearchRequest(q="Xocalı"),
    SearchRequest(q="Azeri"),
    SearchRequest(q="massacre town"),
    SearchRequest(q='"Nagorno Karabakh"'),
    SearchRequest(q="Nagorno-Karabagh refugees"),
    SearchRequest(q="Srebrenica OR Agdam"),
    SearchRequest(q="Khojaly -Srebrenica"),
    SearchRequest(q="massacre -Xocalı"),  # every spelling of the excluded word is excluded
    SearchRequest(q='Khojaly -"Anadolu Agency"'),
    SearchRequest(q='Hojaly OR "Nagorno Karabakh"'),
    SearchRequest(q="NOT genocide"),
    SearchRequest(q="genoc*"),
    SearchRequest(q="Xocal*"),  # a prefix finds its completions' other spellings too
    SearchRequest(q="Ходжал*"),
    SearchRequest(q="Azerb* massac*"),  # several prefixes,
    SearchRequest(q="Srebrenica OR genoc*"),  # joined by OR,
    SearchRequest(q="massacre -genoc*"),  # or excluded
    SearchRequest(q="massacer"),  # no such word: "did you mean"
    SearchRequest(q="Khojaly massacer", publisher=("Reuters",)),
    SearchRequest(q="Khankendi"),
    SearchRequest(q=""),
    SearchRequest(q="Khojaly", publisher=("Anadolu Agency", "Reuters")),
    SearchRequest(q="", language=("ru", "az")),
    SearchRequest(q="Khojaly", year_from=1990, year_to=2012),
    SearchRequest(q="Khojaly", sort="date"),
    SearchRequest(q="Khojaly", sort="oldest"),
    SearchRequest(q="", sort="oldest"),
    SearchRequest(q="nosuchwordanywhere"),
    SearchRequest(q="", undated=True),
    SearchRequest(q="Khojaly", year_from=2010, undated=True),
    SearchRequest(q="Khojaly", publisher=("anadolu  AGENCY",), language=("English",)),
    SearchRequest(q="Khojaly", publisher=("Anadolu",)),  # unknown: nothing, with suggestions
]


@pytest.mark.parametrize("request_", QUERIES, ids=repr)
def test_the_same_query_finds_the_same_documents_and_facets(request_, cluster_engine, embedded):
    ours, theirs = embedded.search(request_), cluster_engine.search(request_)
    assert theirs.total == ours.total
    assert sorted(everything(cluster_engine, request_)) == sorted(everything(embedded, request_))
    assert theirs.to_dict()["facets"] == ours.to_dict()["facets"]
    assert theirs.to_dict()["unknown_filters"] == ours.to_dict()["unknown_filters"]
    assert theirs.request == ours.request
    assert theirs.normalized_query == ours.normalized_query
    assert theirs.suggestion == ours.suggestion
    if request_.sort in ("date", "oldest") or not request_.q:
        assert everything(cluster_engine, request_) == everything(embedded, request_)


@pytest.mark.parametrize(
    "q",
    ["Hojaly", "Ходжалы", '"Nagorno Karabakh"', "genoc*", "Xocal*", "Xocalı massacre -Srebrenica"],
)
def test_hits_mark_the_documents_own_spellings(q, cluster_engine, embedded):
    theirs = {h.id: h for h in cluster_engine.search(SearchRequest(q=q, per_page=100)).hits}
    ours = {h.id: h for h in embedded.search(SearchRequest(q=q, per_page=100)).hits}
    assert theirs.keys() == ours.keys() and theirs
    for doc_id, hit in theirs.items():
        assert hit.matched == ours[doc_id].matched, doc_id
        assert hit.snippets == ours[doc_id].snippets, doc_id


def test_the_spelling_typed_ranks_first(cluster_engine):
    hits = cluster_engine.search(SearchRequest(q="Ходжалы")).hits
    assert hits[0].id == "test-ru-1992" and len(hits) > 1
    assert all("Ходжалы" not in h.matched.get("ходжалы", []) for h in hits[1:])


@pytest.mark.parametrize("per_page", [1, 2, 3])
def test_pages_follow_one_another_without_gaps_or_repeats(per_page, cluster_engine):
    request = SearchRequest(q="Hojaly")
    full = everything(cluster_engine, request)
    paged, page = [], 1
    while True:
        result = cluster_engine.search(_with(request, page=page, per_page=per_page))
        paged += [h.id for h in result.hits]
        if page >= result.total_pages:
            break
        page += 1
    assert paged == full and len(set(full)) == len(full) == result.total
    past = cluster_engine.search(_with(request, page=result.total_pages + 1, per_page=per_page))
    assert past.hits == [] and past.total == result.total


@pytest.mark.parametrize(
    ("q", "marks"),
    [("Hojaly", True), ('"Nagorno Karabakh" Xocalı', True), ("genoc*", True), ("", False)]
    + [("Khojaly OR -Srebrenica", False)],  # a query that cannot be run marks nothing
)
def test_a_document_page_marks_what_the_embedded_engine_marks(q, marks, cluster_engine, embedded):
    pages = []
    for doc_id in SITE_IDS:
        text = embedded.document(doc_id).text
        pages.append(cluster_engine.highlight(text, q))
        assert pages[-1] == embedded.highlight(text, q), doc_id
    assert any("<mark>" in page for page in pages) == marks


@pytest.mark.parametrize("q", ["Khojaly OR -Srebrenica", "-Srebrenica OR Khojaly"])
def test_an_exclusion_joined_by_or_is_refused_by_both_engines(q, cluster_engine, embedded):
    with pytest.raises(QueryError, match="OR"):
        embedded.search(SearchRequest(q=q))
    with pytest.raises(QueryError, match="OR"):
        cluster_engine.search(SearchRequest(q=q))


@pytest.mark.parametrize("q", ["massacer", "Khojaly genocde", "Hojaly", "zzzzqqq"])
def test_did_you_mean_is_the_embedded_engines(q, cluster_engine, embedded):
    ours, theirs = embedded.search(SearchRequest(q=q)), cluster_engine.search(SearchRequest(q=q))
    assert theirs.suggestion == ours.suggestion
    assert (theirs.suggestion is not None) == (q in ("massacer", "Khojaly genocde"))


def test_documents_and_stats_come_from_the_cluster(cluster_engine, embedded):
    for doc_id in SITE_IDS:
        assert cluster_engine.document(doc_id) == embedded.document(doc_id)
    assert cluster_engine.document("no-such-document") is None
    stats = cluster_engine.stats()
    assert stats.document_count == len(SITE_IDS)
    assert stats.cluster["status"] == "ok"
    assert [n["role"] for n in stats.cluster["nodes"]] == ["leader"]


def test_the_spelling_evaluation_matches_the_embedded_engine(server, tmp_path, monkeypatch):
    from indexer.evaluate import DEFAULT_CONFUSABLES, DEFAULT_VARIANTS, evaluate

    for name, value in cluster_env(server).items():
        monkeypatch.setenv(name, value)
    (tmp_path / "w").mkdir()
    (tmp_path / "t").mkdir()
    embedded_report = evaluate(DEFAULT_VARIANTS, DEFAULT_CONFUSABLES, tmp_path / "w", "whoosh")
    cluster_report = evaluate(DEFAULT_VARIANTS, DEFAULT_CONFUSABLES, tmp_path / "t", "typesense")
    print(f"\nembedded: {embedded_report.last_line()}\ncluster:  {cluster_report.last_line()}")
    for figure, value in embedded_report.figures().items():
        assert abs(cluster_report.figures()[figure] - value) <= 0.02, figure
