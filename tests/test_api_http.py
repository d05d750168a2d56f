"""HTTP behaviour of /api: caching and ETags, CORS, request ids, the OpenAPI document and page."""

import pytest
from openapi_spec_validator import validate

from webapp.openapi import document

CACHED = [
    "/api/search?q=Khojaly",
    "/api/documents/test-az-2012",
    "/api/openapi.json",
    "/api/docs",
]


def test_openapi_document_is_valid_openapi_3_1(api_client):
    served = api_client.get("/api/openapi.json").get_json()
    validate(served)
    assert served["openapi"].startswith("3.1")
    assert served == document()


def test_openapi_documents_every_api_route(app):
    routes = {
        rule.rule.replace("<path:doc_id>", "{doc_id}")
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
    }
    assert routes == set(document()["paths"])


def test_reference_page_lists_endpoints_and_problem_types(api_client):
    response = api_client.get("/api/docs")
    assert response.content_type.startswith("text/html")
    html = response.get_data(as_text=True)
    for text in (
        "GET /api/search",
        "GET /api/documents/{doc_id}",
        'id="problem-invalid-parameter"',
    ):
        assert text in html
    # the viewer is served from our own static folder: the page works offline
    assert 'src="/static/vendor/swagger-ui/swagger-ui-bundle.js"' in html
    assert "https://" not in html.split("<main", 1)[0]


def test_api_root_lists_every_endpoint(api_client):
    body = api_client.get("/api").get_json()
    assert {e["path"] for e in body["endpoints"]} == set(document()["paths"])
    assert body["openapi"] == "/api/openapi.json" and body["docs"] == "/api/docs"
    search = next(e for e in body["endpoints"] if e["path"] == "/api/search")
    assert search["method"] == "GET" and search["summary"]


@pytest.mark.parametrize("url", CACHED)
def test_revalidation_with_the_etag_gets_304(api_client, url):
    first = api_client.get(url)
    etag = first.headers["ETag"]
    assert "max-age" in first.headers["Cache-Control"]
    again = api_client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag


def test_etag_differs_between_requests(api_client):
    tags = {api_client.get(u).headers["ETag"] for u in ["/api/search?q=Khojaly", "/api/search"]}
    assert len(tags) == 2


def test_etag_changes_when_the_index_is_rebuilt(tmp_path, corpus_copy):
    from api_contract import ContractClient

    from indexer.index.build import build_index
    from webapp import create_app

    build_index(tmp_path / "index", corpus_dir=corpus_copy)
    app = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")})
    client = ContractClient(app, app.response_class)
    before = client.get("/api/search?q=Khojaly").headers["ETag"]
    (corpus_copy / "new.txt").write_text("Khojaly remembered\n\nA new text about Khojaly.", "utf-8")
    build_index(tmp_path / "index", corpus_dir=corpus_copy)
    response = client.get("/api/search?q=Khojaly", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert response.headers["ETag"] != before
    assert response.get_json()["total"] == 6


@pytest.mark.parametrize(
    "url", ["/api/search", "/api/health", "/api/nowhere", "/api/search?page=0"]
)
def test_any_origin_may_read_every_api_response(api_client, url):
    response = api_client.get(url, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "X-Request-Id" in response.headers["Access-Control-Expose-Headers"]


def test_cors_preflight_is_answered(api_client):
    response = api_client.options(
        "/api/search",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]


def test_request_ids_are_unique_and_a_sane_incoming_one_is_kept(api_client):
    ids = {api_client.get("/api/health").headers["X-Request-Id"] for _ in range(3)}
    assert len(ids) == 3
    mine = "lb-7f3a9c2e-0001"
    assert (
        api_client.get("/api/health", headers={"X-Request-Id": mine}).headers["X-Request-Id"]
        == mine
    )
    forged = api_client.get("/api/health", headers={"X-Request-Id": "<script>"})
    assert forged.headers["X-Request-Id"] != "<script>"


def test_problem_carries_the_request_id_of_its_response(api_client):
    response = api_client.get("/api/search?sort=popular")
    assert response.get_json()["request_id"] == response.headers["X-Request-Id"]
