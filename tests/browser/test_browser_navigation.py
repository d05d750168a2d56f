"""Moving around the search page as a new user does: the skip link, Back from a document,
URLs without noise, typing mid-word, and a year chart whose labels sit under their bars."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_skip_link_moves_focus_to_the_results(page):
    page.goto(page.base + "/?q=Khojaly")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to results")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#results")).to_be_focused()
    page.wait_for_timeout(300)  # a refetch (the old bug) would replace the region by now
    expect(page.locator("#results")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the results, not back at the top
    inside = page.evaluate("document.getElementById('results').contains(document.activeElement)")
    assert inside


def test_back_from_a_document_keeps_the_place_in_the_results(page):
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(page.base + "/?q=Khojaly&per_page=20")
    last = page.locator(".hit-title a").last
    last.scroll_into_view_if_needed()
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 200
    last.click()
    expect(page).to_have_url(re.compile("/doc/"))
    page.go_back()
    expect(page.locator("#results-heading")).to_be_visible()
    page.wait_for_timeout(300)
    assert abs(page.evaluate("window.scrollY") - scrolled) < 50
    expect(page.locator("#q")).not_to_be_focused()


def test_ticking_a_filter_adds_no_default_values_to_the_url(page):
    if not page.js:
        pytest.skip("without JavaScript the server redirects noisy URLs (tested over HTTP)")
    page.goto(page.base + "/?q=Khojaly")
    page.get_by_role("checkbox", name=re.compile("^Baku Review")).check()
    expect(page.locator(".chip")).to_have_count(1)
    assert page.url == page.base + "/?q=Khojaly&publisher=Baku+Review"


def test_escape_in_the_search_box_leads_home_without_noise(page):
    if not page.js:
        pytest.skip("Esc clears the box; only the live search acts on it")
    page.goto(page.base + "/?q=Khojaly")
    page.locator("#q").focus()
    page.keyboard.press("Escape")
    expect(page).to_have_url(page.base + "/")


def test_the_no_js_form_leaves_no_empty_fields_in_the_url(page):
    page.goto(page.base + "/?q=Khojaly")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_be_visible()
    assert page.url == page.base + "/?q=Khojaly"


def test_typing_does_not_flash_zero_results_mid_word(page):
    if not page.js:
        pytest.skip("without JavaScript nothing is searched before Enter")
    page.goto(page.base + "/?q=Khojaly")
    box = page.locator("#q")
    box.fill("")
    box.press_sequentially("Xoc", delay=60)
    page.wait_for_timeout(700)
    expect(page.locator("#results-heading")).not_to_contain_text("0 results")
    expect(page.locator(".hit").first).to_be_visible()
    box.press_sequentially("alı", delay=60)
    expect(page.locator("#results-heading")).to_contain_text("results for Xocalı")
    box.fill("nosuchwordanywhere")
    box.press("Enter")  # a search the user asks for is answered, even with nothing
    expect(page.locator(".empty")).to_contain_text("No documents match")


@pytest.mark.parametrize(
    "path",
    [
        "/?q=Khojaly",  # a long span fills the chart
        "/?q=genocide",  # a short span (2013-2023) is drawn centred
        "/?q=Agdam",  # one year
    ],
)
def test_year_labels_sit_under_their_bars(page, path):
    if not page.js:
        pytest.skip("layout does not depend on JavaScript")
    page.goto(page.base + path)
    bars = page.locator(".year-chart .year-bar .bar")
    labels = page.locator(".year-axis span")
    assert labels.count() in (1, 2)
    for label in labels.all():
        years = [int(y) for y in label.inner_text().split("–")]  # one year, or a close range
        label_box = label.bounding_box()
        for year in years:
            bar_box = (
                page.locator(".year-chart .year-bar")
                .filter(has=page.locator("title", has_text=re.compile(rf"^{year}:")))
                .locator(".bar")
                .bounding_box()
            )
            assert bar_box and label_box, year
            # the label overlaps its bar horizontally and lies below it
            assert label_box["x"] <= bar_box["x"] + bar_box["width"], year
            assert label_box["x"] + label_box["width"] >= bar_box["x"], year
            assert label_box["y"] >= bar_box["y"] + bar_box["height"] - 1, year
    if labels.count() == 2:  # and the two do not overlap each other
        first, last = (label.bounding_box() for label in labels.all())
        assert first["x"] + first["width"] < last["x"]
    assert bars.count() >= 1


def test_choosing_how_many_results_a_page_shows(page):
    page.goto(page.base + "/?q=Khojaly&lang=en")
    expect(page.locator(".hit")).to_have_count(10)
    page.get_by_label("Per page").select_option("20")
    if not page.js:
        page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator(".results-meta")).to_contain_text("Showing 1–14")
    assert page.url == page.base + "/?q=Khojaly&per_page=20"
    expect(page.locator(".hit")).to_have_count(14)
    expect(page.get_by_label("Per page")).to_have_value("20")


def test_slash_jumps_to_the_search_box(page):
    if not page.js:
        pytest.skip("a keyboard shortcut needs JavaScript")
    page.goto(page.base + "/?q=Khojaly")
    page.locator(".hit-title a").first.focus()
    page.keyboard.press("/")
    expect(page.locator("#q")).to_be_focused()
    expect(page.locator("#q")).to_have_value("Khojaly")  # the slash is not typed into it
