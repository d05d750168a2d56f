"""Exports: every match of a search as CSV or JSON, the same documents the API pages through."""

from __future__ import annotations

import csv
import io
import json

import pytest

from webapp import create_app

SEARCHES = [
    "q=Khojaly",
    "q=Khojaly&sort=date",
    "q=Xocal%C4%B1&language=az",
    "",  # the whole archive
    "q=nosuchwordanywhere",
]


def paged_ids(api_client, qs: str) -> tuple[int, list[str]]:
    """The ids the search API returns, page after page: the oracle for an export."""
    ids, page = [], 1
    while True:
        body = api_client.get(f"/api/search?{qs}&per_page=3&page={page}").get_json()
        ids += [h["id"] for h in body["hits"]]
        if page >= body["total_pages"]:
            return body["total"], ids
        page += 1


def read_csv(response) -> list[dict]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("qs", SEARCHES)
def test_csv_export_holds_every_match_in_order(api_client, qs):
    total, ids = paged_ids(api_client, qs)
    response = api_client.get(f"/api/search.csv?{qs}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "Content-Length" not in response.headers  # streamed as it is written
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["X-Total-Count"] == str(total)
    rows = read_csv(response)
    assert [r["id"] for r in rows] == ids
    for row in rows:
        assert row["page_url"].endswith("/doc/" + row["id"])


@pytest.mark.parametrize("qs", SEARCHES)
def test_json_export_holds_every_match_in_order(api_client, qs):
    total, ids = paged_ids(api_client, qs)
    response = api_client.get(f"/api/search.json?{qs}")
    body = json.loads(response.get_data(as_text=True))
    assert body["total"] == body["exported"] == total
    assert body["truncated"] is False
    assert [h["id"] for h in body["hits"]] == ids


def test_csv_rows_carry_the_documents_metadata(api_client):
    rows = {r["id"]: r for r in read_csv(api_client.get("/api/search.csv?q=Hojaly"))}
    hit = rows["test-en-1992"]
    assert hit["title"] == "Refugees describe attack on Hojaly"
    assert (hit["publisher"], hit["published"], hit["languages"]) == ("Reuters", "1992-02-28", "en")
    assert hit["url"] == "https://example.org/hojaly-refugees"


def test_the_file_name_says_what_was_searched(api_client):
    disposition = api_client.get("/api/search.csv?q=Ходжалы").headers["Content-Disposition"]
    assert 'filename="khojaly-search-khodzhaly-' in disposition and disposition.endswith('.csv"')
    disposition = api_client.get("/api/search.json").headers["Content-Disposition"]
    assert 'filename="khojaly-search-all-' in disposition


def test_the_limit_cuts_an_export_short_and_says_so(site_index):
    app = create_app({"TESTING": True, "INDEX": str(site_index), "EXPORT_LIMIT": 3})
    client = app.test_client()
    total = client.get("/api/search").get_json()["total"]
    assert total > 3
    response = client.get("/api/search.csv")
    assert len(read_csv(response)) == 3
    assert response.headers["X-Total-Count"] == str(total)
    assert response.headers["X-Export-Limit"] == "3"
    body = client.get("/api/search.json").get_json()
    assert (body["exported"], body["truncated"], body["limit"]) == (3, True, 3)


def test_bad_parameters_get_a_problem_not_a_file(api_client):
    response = api_client.get("/api/search.csv?year_from=abc")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"


def test_formulas_in_document_text_stay_text(tmp_path):
    from tests.conftest import seeds_plus

    doc = {"id": "formula", "title": "=HYPERLINK(\"http://x\")", "text": "Khojaly formula",
           "publisher": "+Evil", "language": "en"}  # fmt: skip
    app = create_app({"TESTING": True, "INDEX": str(seeds_plus(tmp_path, [doc]))})
    rows = read_csv(app.test_client().get("/api/search.csv?q=formula"))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")' and rows[0]["publisher"] == "'+Evil"


def test_results_page_links_to_both_exports_of_the_same_search(client):
    html = client.get("/?q=Khojaly&publisher=Reuters&page=1", follow_redirects=True).get_data(
        as_text=True
    )
    assert 'href="/api/search.csv?q=Khojaly&amp;publisher=Reuters"' in html
    assert 'href="/api/search.json?q=Khojaly&amp;publisher=Reuters"' in html
