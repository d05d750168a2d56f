"""Every error under /api is RFC 9457 problem+json naming what was wrong; never HTML, never 5xx."""

import pytest

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("per_page=0", "per_page"),
        ("per_page=1000", "per_page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=100000", "page"),
        ("year_from=x", "year_from"),
        ("year_to=1992.5", "year_to"),
        ("year_from=2020&year_to=1992", "year_from"),
        ("sort=popular", "sort"),
        ("q=" + "k" * 1001, "q"),
        ("q=Khojaly%00", "q"),
        ("q=%1B%5B2J", "q"),
        ("publisher=AA%07", "publisher"),
        ("q=%22%22", "q"),  # nothing searchable: a QueryError from the core
        ("q=*", "q"),
    ],
)
def test_invalid_parameters_are_400_problems_naming_the_parameter(api_client, query, param):
    response = api_client.get("/api/search?" + query)
    assert response.status_code == 400
    assert response.content_type == PROBLEM
    body = response.get_json()
    assert body["status"] == 400
    assert body["parameter"] == param
    assert body["invalid_params"][0]["name"] == param
    assert body["detail"]


def test_unknown_document_is_a_404_problem(api_client):
    response = api_client.get("/api/documents/no-such-document")
    assert (response.status_code, response.content_type) == (404, PROBLEM)
    assert "no-such-document" in response.get_json()["detail"]


@pytest.mark.parametrize(
    "path", ["/api/", "/api/searches", "/api/search/deeper", "/api/documents/"]
)
def test_unknown_paths_under_api_are_404_problems(api_client, path):
    response = api_client.get(path)
    assert (response.status_code, response.content_type) == (404, PROBLEM)


def test_redirects_under_api_carry_no_html(client):
    response = client.get("/api//search?q=Khojaly")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/api/search?q=Khojaly")
    assert response.data == b""


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/search", "/api/documents/test-az-2012", "/api/health"])
def test_other_methods_are_405_problems_with_allow(api_client, method, path):
    response = api_client.open(path, method=method, data=b"{}")
    assert (response.status_code, response.content_type) == (405, PROBLEM)
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_unexpected_failure_is_a_logged_500_problem_with_the_request_id(tmp_path, caplog):
    from api_contract import ContractClient

    from webapp import create_app

    # A corrupt index: CURRENT names a version folder with no Whoosh index in it.
    index = tmp_path / "index"
    (index / "versions" / "v-broken").mkdir(parents=True)
    (index / "CURRENT").write_text("v-broken\n")
    app = create_app({"TESTING": True, "INDEX": str(index)})
    response = ContractClient(app, app.response_class).get("/api/search?q=Khojaly")
    assert response.status_code == 500
    assert response.content_type == PROBLEM
    request_id = response.headers["X-Request-Id"]
    assert response.get_json()["request_id"] == request_id
    assert request_id in caplog.text
