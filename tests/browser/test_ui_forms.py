"""What a new user trips on, over HTTP: examples that find something, a reversed year range,
a query the engine had to simplify, noisy URLs, control characters, autofocus."""

from __future__ import annotations

import re
from html import unescape

import pytest


def example_links(html: str) -> list[str]:
    block = re.search(r'class="(?:examples|try-examples)".*?</(?:p|li)>', html, re.S)
    assert block, "no examples on the page"
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', block.group())]


@pytest.mark.parametrize("path", ["/", "/?q=nosuchwordanywhere"])
def test_every_example_finds_documents(ui_client, path):
    links = example_links(ui_client.get(path).get_data(as_text=True))
    assert len(links) >= 3
    for link in links:
        html = ui_client.get(link).get_data(as_text=True)
        assert "No documents match" not in html, link
        assert re.search(r"[1-9][\d,]* results? for", html), link


def test_reversed_year_range_keeps_the_results_and_says_so_by_the_fields(ui_client):
    plain = ui_client.get("/?q=Khojaly").get_data(as_text=True)
    resp = ui_client.get("/?q=Khojaly&year_from=2030&year_to=2010")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert (
        re.search(r"\d+ results for", html).group() == re.search(r"\d+ results for", plain).group()
    )
    message = re.search(r'<p id="year-error"[^>]*>(.*?)</p>', html, re.S)
    assert message and "2030" in message.group(1) and "2010" in message.group(1)
    assert 'aria-describedby="year-error"' in html and 'aria-invalid="true"' in html
    assert 'value="2030"' in html and 'value="2010"' in html  # what was typed stays to be fixed
    for words in ("year_from", "year_to", "address bar", "parameter"):
        assert words not in unescape(re.sub(r"<[^>]+>", " ", html)), words


def test_a_year_that_is_not_a_number_is_explained_by_the_fields(ui_client):
    html = ui_client.get("/?q=Khojaly&year_from=abc").get_data(as_text=True)
    assert re.search(r"[1-9]\d* results for", html)
    assert 'id="year-error"' in html and "whole numbers from 1 to 9999" in html
    assert "year_from" not in re.sub(r"<[^>]+>", " ", html)


def test_a_simplified_query_says_what_was_searched(ui_client):
    html = ui_client.get('/?q="unclosed AND OR (').get_data(as_text=True)
    assert re.search(r"Searched for:\s*<q[^>]*>unclosed</q>", html)
    html = ui_client.get("/?q=Khojaly").get_data(as_text=True)
    assert "Searched for" not in html


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/?q=Khojaly&year_from=&year_to=", "/?q=Khojaly"),
        ("/?q=Khojaly&sort=relevance&page=1&per_page=10", "/?q=Khojaly"),
        ("/?q=&sort=relevance", "/"),
        (
            "/?q=Khojaly&publisher=&language=en&year_from=1992&year_to=",
            "/?q=Khojaly&language=en&year_from=1992",
        ),
    ],
)
def test_default_and_empty_values_are_redirected_away(ui_client, path, canonical):
    resp = ui_client.get(path)
    assert resp.status_code in (301, 302, 308)
    assert resp.headers["Location"] == canonical


@pytest.mark.parametrize("path", ["/?q=Khojaly", "/?q=Khojaly&sort=date&page=2", "/"])
def test_canonical_urls_are_served_as_they_are(ui_client, path):
    assert ui_client.get(path).status_code == 200


def test_a_control_character_is_not_echoed_back(ui_client):
    resp = ui_client.get("/?q=Khojaly%00", follow_redirects=True)
    html = resp.get_data(as_text=True)
    assert "\x00" not in html and "&#0;" not in html and "\\x00" not in html
    assert 'value="Khojaly"' in html


@pytest.mark.parametrize(
    ("path", "autofocus"), [("/", True), ("/?q=Khojaly", False), ("/?language=en", False)]
)
def test_only_the_empty_home_page_takes_focus(ui_client, path, autofocus):
    html = ui_client.get(path).get_data(as_text=True)
    assert ("autofocus" in html) is autofocus


@pytest.mark.parametrize("value", ["{", "{name}", "}{0}"])
def test_braces_in_a_bad_value_are_quoted_not_a_server_error(ui_client, value):
    from urllib.parse import quote

    api = ui_client.get(f"/api/search?page={quote(value)}")
    assert api.status_code == 400 and value in api.get_json()["detail"]
    page = ui_client.get(f"/?q=Khojaly&year_from={quote(value)}")
    assert page.status_code == 200 and 'id="year-error"' in page.get_data(as_text=True)
