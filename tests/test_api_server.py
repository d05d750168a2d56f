"""The API over real HTTP: Flask's server (as `make serve` runs it) and gunicorn with workers."""

import json
import urllib.error
import urllib.request

import pytest
from api_contract import check_response
from servers import gunicorn_command, running_server

pytestmark = pytest.mark.slow


def fetch(url: str, method: str = "GET") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def check(base_url: str, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
    status, headers, body = fetch(base_url + path, method)
    check_response(method, path.split("?")[0], status, headers.get("Content-Type", ""), body)
    assert headers.get("X-Request-Id")
    return status, headers, body


def test_search_over_http_returns_the_documented_json(live_server):
    status, headers, body = check(live_server, "/api/search?q=Khojaly&publisher=Anadolu+Agency")
    assert status == 200
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert [h["publisher"] for h in json.loads(body)["hits"]] == ["Anadolu Agency"]


@pytest.mark.parametrize(
    ("path", "method", "status"),
    [
        ("/api/search?per_page=1000", "GET", 400),
        ("/api/search", "POST", 405),
        ("/api/documents/unknown", "GET", 404),
        ("/api/elsewhere", "GET", 404),
    ],
)
def test_errors_over_http_are_problems(live_server, path, method, status):
    got, headers, _ = check(live_server, path, method)
    assert got == status
    assert headers["Content-Type"] == "application/problem+json"


def test_gunicorn_workers_serve_one_index(site_index):
    with running_server(gunicorn_command, site_index) as base_url:
        seen = set()
        for _ in range(6):
            status, _, body = check(base_url, "/api/health")
            assert status == 200
            seen.add(json.loads(body)["index_version"])
        assert len(seen) == 1
        status, _, body = check(base_url, "/api/search?q=Khojaly")
        assert status == 200
        assert json.loads(body)["total"] >= 1
