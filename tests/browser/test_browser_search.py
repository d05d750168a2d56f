"""The search page in a real headless Chromium, each flow with JavaScript on and off."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def total(page) -> int:
    heading = page.locator("#results-heading").inner_text()
    return int(re.match(r"[\d,]+", heading).group().replace(",", ""))


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def search(page, text: str) -> None:
    """Type a query the way a user does: live with JavaScript, Enter without."""
    page.locator("#q").press_sequentially(text)
    if not page.js:
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(page.locator("#results-heading")).to_contain_text(text.split()[0])


def apply_filters(page, button: str = "Apply filters") -> None:
    """Without JavaScript a ticked box waits for the form's button; with it, it applies itself."""
    if not page.js:
        page.get_by_role("button", name=button).click()


def checkbox(page, label: str):
    return page.get_by_role("checkbox", name=re.compile("^" + re.escape(label)))


def facet_count(page, facet: str, label: str) -> int:
    item = page.locator(f".facet-{facet} li", has_text=label)
    return int(re.match(r"\d+", item.locator(".count").inner_text()).group())


def test_typed_query_shows_highlighted_snippets(page):
    page.goto(page.base + "/")
    expect(page.locator("#q")).to_be_focused()
    search(page, "Khojaly")
    assert params(page)["q"] == ["Khojaly"]
    marks = page.locator(".hit .snippet mark")
    expect(marks.first).to_be_visible()
    assert marks.first.inner_text().lower() == "khojaly"


def test_publisher_filter_changes_results_and_counts_and_chip_removes_it(page):
    page.goto(page.base + "/?q=Khojaly")
    before, english_before = total(page), facet_count(page, "language", "English")
    herald = facet_count(page, "publisher", "Caucasus Herald")

    checkbox(page, "Caucasus Herald").check()
    apply_filters(page)
    chip = page.get_by_role("link", name="Remove filter Publisher: Caucasus Herald")
    expect(chip).to_be_visible()
    assert params(page)["publisher"] == ["Caucasus Herald"]
    assert total(page) == herald < before
    assert set(page.locator(".hit .publisher").all_inner_texts()) == {"Caucasus Herald"}
    assert facet_count(page, "language", "English") < english_before
    # Counts are disjunctive: other publishers can still be added.
    assert facet_count(page, "publisher", "Baku Review") > 0

    if page.js:  # the back button undoes the filter, forward redoes it
        page.go_back()
        expect(page.locator(".chip")).to_have_count(0)
        assert total(page) == before
        page.go_forward()
        expect(page.locator(".chip")).to_have_count(1)

    chip.click()
    expect(page.locator(".chip")).to_have_count(0)
    assert "publisher" not in params(page)
    assert total(page) == before


def test_year_bar_filters_by_that_year(page):
    page.goto(page.base + "/?q=Khojaly")
    page.get_by_role("link", name=re.compile(r"^2022: \d+ documents?")).click()
    expect(page.get_by_role("link", name="Remove filter Years: 2022")).to_be_visible()
    assert params(page)["year_from"] == params(page)["year_to"] == ["2022"]
    for date in page.locator(".hit time").all():
        assert date.get_attribute("datetime").startswith("2022")


def test_undated_bucket_filters_to_documents_without_a_date(page):
    page.goto(page.base + "/?q=Khojaly")
    undated = facet_count(page, "year", "Undated")
    checkbox(page, "Undated").check()
    apply_filters(page)
    expect(page.get_by_role("link", name="Remove filter Undated")).to_be_visible()
    assert params(page)["undated"] == ["true"]
    assert total(page) == undated > 0
    expect(page.locator(".hit")).to_have_count(undated)
    expect(page.locator(".hit time")).to_have_count(0)


def test_unknown_filter_value_is_named_with_a_close_value_to_follow(page):
    page.goto(page.base + "/?q=Khojaly&publisher=caucasus+heral")
    expect(page.locator(".unknown-filter")).to_contain_text("no publisher “caucasus heral”")
    page.get_by_role("link", name="Caucasus Herald").first.click()
    expect(
        page.get_by_role("link", name="Remove filter Publisher: Caucasus Herald")
    ).to_be_visible()
    assert total(page) > 0


def test_year_range_from_the_form(page):
    page.goto(page.base + "/?q=Khojaly")
    page.get_by_label("From").fill("1992")
    page.get_by_label("to", exact=True).fill("1994")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_role("link", name="Remove filter Years: 1992–1994")).to_be_visible()
    years = {int(t.get_attribute("datetime")[:4]) for t in page.locator(".hit time").all()}
    assert years and years <= {1992, 1993, 1994}


def test_did_you_mean_runs_the_better_spelling(page):
    page.goto(page.base + "/?q=genocde")
    page.get_by_role("link", name="genocide").click()
    expect(page.locator("#q")).to_have_value("genocide")
    expect(page.locator(".hit .snippet mark").first).to_be_visible()


def test_pagination_and_sort_by_date(page):
    page.goto(page.base + "/?q=Khojaly&per_page=4")
    first_page = page.locator(".hit-title").all_inner_texts()
    page.get_by_role("link", name="Next ›").click()
    expect(page.locator(".results-meta")).to_contain_text("Showing 5–8")
    assert params(page)["page"] == ["2"]
    assert not set(page.locator(".hit-title").all_inner_texts()) & set(first_page)
    expect(page.get_by_role("link", name="Page 2")).to_have_attribute("aria-current", "page")

    page.get_by_label("Sort by").select_option("date")
    apply_filters(page, "Sort")
    expect(page).to_have_url(re.compile("sort=date"))
    assert "page" not in params(page)  # a new order starts on page 1
    dates = [t.get_attribute("datetime") for t in page.locator(".hit time").all()]
    assert len(dates) == 4 and dates == sorted(dates, reverse=True)


def test_document_page_highlights_and_leads_back_to_the_same_search(page):
    page.goto(page.base + "/?q=Khojaly&publisher=Baku+Review&sort=date")
    search_url = page.url
    page.locator(".hit-title a").first.click()
    expect(page).to_have_url(re.compile(r"/doc/"))
    expect(page.locator(".doc-text mark").first).to_be_visible()
    expect(page.locator("h1")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(search_url)
    expect(page.locator("#q")).to_have_value("Khojaly")

    page.locator(".hit-title a").first.click()
    page.get_by_role("link", name="Back to results").click()
    expect(page).to_have_url(search_url)
    expect(page.get_by_role("link", name="Remove filter Publisher: Baku Review")).to_be_visible()


def assert_inert(page) -> None:
    assert page.locator("img[src='x'], svg[onload], b").count() == 0
    assert page.locator("script").count() == 1  # ours: search.js or document.js
    assert page.dialogs == []


def test_markup_in_queries_and_documents_stays_text(page):
    page.goto(page.base + "/")
    search(page, "<script>alert(1)</script> <img src=x onerror=alert(1)>")
    title = page.locator(".hit-title a", has_text="Khojaly report")
    expect(title).to_contain_text("<script>alert(1)</script>")
    expect(page.locator(".facet-publisher")).to_contain_text('Evil "><svg onload=alert(1)> Press')
    assert_inert(page)

    title.click()
    expect(page.locator("h1")).to_contain_text("<img src=x onerror=alert(1)>")
    expect(page.locator(".provenance")).to_contain_text("<script>alert(2)</script>")
    assert_inert(page)


def test_keyboard_only_filtering_keeps_focus(page):
    if not page.js:
        pytest.skip("without JavaScript the form's button applies filters (covered above)")
    page.goto(page.base + "/?q=Khojaly")
    box = checkbox(page, "Baku Review")
    box.focus()
    page.keyboard.press("Space")
    expect(page.locator(".chip")).to_have_count(1)
    expect(checkbox(page, "Baku Review")).to_be_focused()
    expect(checkbox(page, "Baku Review")).to_be_checked()
