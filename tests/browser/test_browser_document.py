"""Moving around a document: its place in the search it came from, the results before and
after it (across result pages), stepping through its matches, and its own search box."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_walking_through_the_results_from_a_document(page):
    page.goto(page.base + "/?q=Khojaly&per_page=2&lang=en")
    titles = page.locator(".hit-title a").all_inner_texts()
    page.locator(".hit-title a").first.click()
    expect(page).to_have_title(re.compile(r"– result 1 of 14 –"))
    expect(page.locator("h1")).to_have_text(titles[0])
    expect(page.get_by_role("link", name="‹ Previous result")).to_have_count(0)

    page.get_by_role("link", name="Next result ›").click()
    expect(page.locator("h1")).to_have_text(titles[1])
    expect(page.locator(".result-place")).to_have_text("Result 2 of 14")

    page.get_by_role("link", name="Next result ›").click()  # the first hit of result page 2
    expect(page.locator(".result-place")).to_have_text("Result 3 of 14")
    page.get_by_role("link", name="Back to results").click()
    expect(page.locator(".results-meta")).to_contain_text("Showing 3–4")

    page.locator(".hit-title a").first.click()
    page.get_by_role("link", name="‹ Previous result").click()
    expect(page.locator("h1")).to_have_text(titles[1])


def test_stepping_through_the_matches(page):
    if not page.js:
        pytest.skip("without JavaScript the first match is linked (tested over HTTP)")
    page.goto(page.base + "/doc/ui-01?q=Khojaly&lang=en")
    marks = page.locator(".doc-text mark")
    total = marks.count()
    assert total >= 2
    page.get_by_role("button", name="Next match ›").click()
    expect(marks.nth(0)).to_have_class(re.compile("current"))
    page.get_by_role("button", name="Next match ›").click()
    expect(marks.nth(1)).to_have_class(re.compile("current"))
    expect(page.locator(".match-position")).to_have_text(f"Match 2 of {total}")
    page.get_by_role("button", name="‹ Previous match").click()
    page.get_by_role("button", name="‹ Previous match").click()  # wraps round to the last
    expect(marks.nth(total - 1)).to_have_class(re.compile("current"))
    assert marks.nth(total - 1).is_visible()


def test_searching_again_from_a_document(page):
    page.goto(page.base + "/doc/ui-01?q=Khojaly&lang=en")
    box = page.get_by_role("searchbox", name="Search the archive")
    expect(box).to_have_value("Khojaly")
    if page.js:
        page.locator(".doc-text").click()
        page.keyboard.press("/")
        expect(box).to_be_focused()
    box.fill("Xocalı")
    box.press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("results for Xocalı")
