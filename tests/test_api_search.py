"""/api/search, /api/documents and /api/health over a real index (seeds plus test documents).

Every response here also passes through the OpenAPI contract check (`api_client`).
"""

from urllib.parse import parse_qs

from indexer.results import SearchRequest
from tests.conftest import SITE_IDS


def test_search_finds_the_anadolu_article(api_client, seed_engine):
    body = api_client.get("/api/search?q=Khojaly&publisher=Anadolu+Agency").get_json()
    assert [h["id"] for h in body["hits"]] == ["000_a328629233d40734"]
    assert body["hits"][0]["publisher"] == "Anadolu Agency"
    assert "<mark>Khojaly</mark>" in body["hits"][0]["snippets"][0]
    selected = [f["value"] for f in body["facets"]["publisher"] if f["selected"]]
    assert selected == ["Anadolu Agency"]


def test_search_answers_exactly_what_the_engine_returns(api_client, app):
    from webapp import engine

    expected = engine(app).search(SearchRequest(q="Khojaly genocide", per_page=3)).to_dict()
    body = api_client.get("/api/search?q=Khojaly+genocide&per_page=3").get_json()
    for d in (expected, body):
        d.pop("took_ms")
    assert body == expected


def test_empty_query_browses_every_document(api_client):
    body = api_client.get("/api/search?per_page=100").get_json()
    assert body["total"] == len(SITE_IDS)
    assert sorted(h["id"] for h in body["hits"]) == SITE_IDS


def test_non_latin_queries_and_titles_travel_as_readable_utf8(api_client):
    response = api_client.get("/api/search", query_string={"q": "Ходжалы"})
    assert "Трагедия в Ходжалы".encode() in response.data  # not \\u-escaped
    body = response.get_json()
    assert body["query"] == "Ходжалы"
    # the Cyrillic spelling ranks first; documents spelling it Khojaly follow
    assert body["hits"][0]["id"] == "test-ru-1992" and len(body["hits"]) > 1


def test_filters_combine(api_client):
    args = [("language", "ru"), ("language", "az"), ("year_from", "1990"), ("year_to", "1999")]
    body = api_client.get("/api/search", query_string=args).get_json()
    assert [h["id"] for h in body["hits"]] == ["test-ru-1992"]


def test_facet_toggle_urls_lead_to_the_filtered_search(api_client):
    body = api_client.get("/api/search?q=Khojaly").get_json()
    unknown = next(f for f in body["facets"]["publisher"] if f["value"] == "Unknown")
    assert parse_qs(unknown["toggle_url"].lstrip("?")) == {
        "q": ["Khojaly"],
        "publisher": ["Unknown"],
    }
    followed = api_client.get("/api/search" + unknown["toggle_url"]).get_json()
    assert followed["total"] == unknown["count"]
    assert {h["publisher"] for h in followed["hits"]} == {"Unknown"}


def test_date_sort_puts_the_newest_first(api_client):
    hits = api_client.get("/api/search?sort=date&per_page=100").get_json()["hits"]
    dates = [h["published"] for h in hits if h["published"]]
    assert dates == sorted(dates, reverse=True)


def test_a_page_past_the_end_is_empty_and_keeps_the_total(api_client):
    body = api_client.get("/api/search?per_page=5&page=50").get_json()
    assert body["hits"] == []
    assert (body["total"], body["page"], body["total_pages"]) == (len(SITE_IDS), 50, 2)


def test_document_has_metadata_provenance_and_clean_text(api_client):
    doc = api_client.get("/api/documents/000_a328629233d40734").get_json()
    assert doc["publisher"] == "Anadolu Agency"
    assert doc["published"] == "2023-02-26"
    assert "Anadolu" in doc["provenance"]
    assert "Srebrenica" in doc["text"]


def test_document_from_the_jsonl_keeps_its_url(api_client):
    doc = api_client.get("/api/documents/test-en-1992").get_json()
    assert doc["url"] == "https://example.org/hojaly-refugees"
    assert doc["year"] == 1992


def test_health_reports_the_index(api_client):
    response = api_client.get("/api/health")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["document_count"] == len(SITE_IDS)
    assert body["built_at"]


def test_health_is_503_without_an_index(tmp_path):
    from api_contract import ContractClient

    from webapp import create_app

    app = create_app({"TESTING": True, "INDEX": str(tmp_path / "never-built")})
    response = ContractClient(app, app.response_class).get("/api/health")
    assert response.status_code == 503
    assert response.content_type == "application/problem+json"
    assert response.headers["Retry-After"]


def test_the_answer_spells_out_every_field_of_hits_facets_and_unknown_filters(app):
    """The answer's dict is made without `dataclasses.asdict`'s deep copy, for speed; `asdict`
    is the oracle, so no field of a hit, a facet value or a suggestion is left out of the JSON."""
    from dataclasses import asdict

    from webapp import engine

    found = engine(app).search(SearchRequest(q="Hojaly refugees OR genocide", per_page=20))
    unknown = engine(app).search(SearchRequest(q="Khojaly", publisher=("Reuter",)))
    assert any(h.matched for h in found.hits) and unknown.unknown_filters[0].suggestions
    for result in (found, unknown):
        body = result.to_dict()
        assert body["hits"] == [asdict(h) for h in result.hits]
        assert body["facets"] == {k: [asdict(v) for v in vs] for k, vs in result.facets.items()}
        assert body["unknown_filters"] == [asdict(u) for u in result.unknown_filters]
