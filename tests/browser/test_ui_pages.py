"""Search and document pages over HTTP (Flask test client): headers, errors, escaping."""

from __future__ import annotations

import re

import pytest

from .ui_docs import XSS_PUBLISHER, XSS_TITLE

PAGES = ["/", "/?q=Khojaly", "/doc/ui-01", "/doc/no-such-doc", "/?sort=sideways"]


@pytest.mark.parametrize("path", [*PAGES, "/static/style.css", "/static/search.js"])
def test_every_response_carries_the_security_headers(ui_client, path):
    headers = ui_client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES)
def test_html_pages_allow_only_our_own_scripts_and_styles(ui_client, path):
    resp = ui_client.get(path)
    assert resp.mimetype == "text/html"
    csp = dict(d.strip().split(" ", 1) for d in resp.headers["Content-Security-Policy"].split(";"))
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    html = resp.get_data(as_text=True)
    assert html.count("<h1") == 1 and html.count("<main") == 1
    assert "<script>" not in html and " style=" not in html and "<style" not in html


@pytest.mark.parametrize("path", ["/doc/no-such-doc", "/doc/..%2F..%2Fetc%2Fpasswd", "/nowhere"])
def test_unknown_pages_are_an_html_404(ui_client, path):
    resp = ui_client.get(path)
    assert resp.status_code == 404
    assert resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "<h1>Not found</h1>" in html and 'href="/"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("sort=sideways", "The sort order cannot be used"),
        ("page=0", "The page number cannot be used"),
        ("q=!!!", "There is nothing to search for"),
    ],
)
def test_invalid_parameters_get_a_friendly_message(ui_client, query, message):
    resp = ui_client.get("/?" + query)
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    assert message in html and 'role="alert"' in html
    assert 'id="q"' in html  # the search box is still there to try again


def test_document_and_query_text_is_escaped(ui_client):
    html = ui_client.get("/?q=%3Cscript%3Ealert(1)%3C/script%3E Khojaly").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    html = ui_client.get("/doc/ui-xss?q=Khojaly").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html  # a source URL is linked only when it is http(s)


def test_payload_publisher_is_a_plain_facet_value(ui_client):
    html = ui_client.get("/?q=Khojaly").get_data(as_text=True)
    assert XSS_PUBLISHER not in html
    assert "Evil &#34;&gt;&lt;svg onload=alert(1)&gt; Press" in html
    assert XSS_TITLE not in html


def test_back_link_is_rebuilt_from_search_parameters_only(ui_client):
    html = ui_client.get(
        "/doc/ui-01?q=Khojaly&back=%3Fq%3DKhojaly%26publisher%3DBaku%2BReview%26page%3D2"
    ).get_data(as_text=True)
    assert 'href="/?q=Khojaly&amp;publisher=Baku+Review&amp;page=2"' in html
    html = ui_client.get("/doc/ui-01?back=https://evil.example/").get_data(as_text=True)
    assert "evil.example" not in html


def test_a_misspelling_gets_did_you_mean_and_an_empty_state_with_ideas(ui_client):
    html = ui_client.get("/?q=genocde").get_data(as_text=True)
    assert re.search(r'Did you mean\s*<a href="/\?q=genocide"', html)
    assert re.search(r"No documents match <q[^>]*>genocde</q>", html)
    assert 'href="/?q=Khojaly"' in html  # an example to try


@pytest.mark.parametrize(("query", "spelling"), [("Xocali", "Xocalı"), ("Hojaly", "Khojaly")])
def test_other_spellings_of_the_query_are_named(ui_client, query, spelling):
    html = ui_client.get(f"/?q={query}").get_data(as_text=True)
    assert re.search(f'Also matched: <span class="spelling"[^>]*>{spelling}</span>', html)
