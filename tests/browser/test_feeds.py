"""Following a search: an Atom feed of the newest matches, valid Atom (RFC 4287) that a feed
parser reads back, with the same documents the API finds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import feedparser
import pytest
from playwright.sync_api import expect

from .ui_docs import XSS_TITLE

ATOM = "{http://www.w3.org/2005/Atom}"
SEARCHES = ["q=Khojaly", "q=Khojaly&publisher=Baku+Review", "q=Xocal%C4%B1&language=az", ""]


def newest_ids(client, qs: str) -> list[str]:
    body = client.get(f"/api/search?{qs}&sort=date&per_page=50").get_json()
    return [h["id"] for h in body["hits"]]


@pytest.mark.parametrize("qs", SEARCHES)
def test_feed_is_valid_atom_with_the_newest_matches(ui_client, qs):
    resp = ui_client.get(f"/feed.atom?{qs}")
    assert resp.status_code == 200 and resp.mimetype == "application/atom+xml"
    parsed = feedparser.parse(resp.get_data())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    ids = newest_ids(ui_client, qs)
    assert [e.link.rsplit("/doc/", 1)[1] for e in parsed.entries] == ids

    # RFC 4287: a feed and each entry have exactly one id, title and updated; authors somewhere
    root = ET.fromstring(resp.get_data())
    for element in [root, *root.findall(f"{ATOM}entry")]:
        for child in ("id", "title", "updated"):
            assert len(element.findall(f"{ATOM}{child}")) == 1, child
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None


def test_feed_entries_carry_the_document_metadata_as_text(ui_client):
    parsed = feedparser.parse(ui_client.get("/feed.atom?q=alert").get_data())
    entry = next(e for e in parsed.entries if e.link.endswith("/doc/ui-xss"))
    assert entry.title == XSS_TITLE
    assert entry.published.startswith("2001-02-26")


def test_a_bad_parameter_gets_a_plain_400(ui_client):
    resp = ui_client.get("/feed.atom?year_from=abc")
    assert resp.status_code == 400 and resp.mimetype == "text/plain"


def test_results_page_offers_the_feed_of_the_same_search(ui_client):
    html = ui_client.get("/?q=Khojaly&publisher=Baku+Review&sort=date").get_data(as_text=True)
    assert (
        'type="application/atom+xml" href="/feed.atom?q=Khojaly&amp;publisher=Baku+Review"' in html
    )


@pytest.mark.browser
def test_the_feed_link_on_the_page_leads_to_a_readable_feed(page):
    page.goto(page.base + "/?q=Hojaly&lang=en")
    link = page.get_by_role("link", name="Follow this search (Atom feed of new documents)")
    expect(link).to_be_visible()
    feed = page.request.get(page.base + link.get_attribute("href"))
    parsed = feedparser.parse(feed.body())
    assert not parsed.bozo and parsed.entries
