"""Screenshots of the search and document pages at desktop and phone width, for people to look
at (artifacts/ is git-ignored); the test checks that nothing spills sideways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
WIDTHS = {"desktop": 1280, "phone": 375}
PAGES = {
    "search": "/?q=Hojaly&publisher=Caucasus+Herald&publisher=Baku+Review&per_page=4",
    "document": "/doc/ui-01?q=Khojaly+fleeing&back=%3Fq%3DKhojaly%2Bfleeing",
    "home": "/",
    "search-az": "/?q=Hojaly&publisher=Caucasus+Herald&lang=az",
    "search-ru": "/?q=Hojaly&language=en&lang=ru",
    "document-ru": "/doc/ui-02?q=Khojaly&back=%3Fq%3DKhojaly&lang=ru",
    "year-mistake": "/?q=Khojaly&year_from=2030&year_to=2010&lang=en",
    "searched-for": "/?q=%22unclosed+AND+OR+(&lang=en",
    "short-span-chart": "/?q=genocide&lang=en",
    "api-docs": "/api/docs?lang=en",
}


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_fit_the_screen(browser, ui_server, width):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    page = context.new_page()
    try:
        for name, path in PAGES.items():
            page.goto(ui_server + path)
            if name == "api-docs":
                expect(page.locator(".opblock").first).to_be_visible()
            page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} page is wider than a {WIDTHS[width]} px screen"
    finally:
        context.close()


def test_filters_fold_behind_a_button_on_a_phone(browser, ui_server):
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 800})
    page = context.new_page()
    try:
        page.goto(ui_server + PAGES["search"] + "&lang=en")
        herald = page.get_by_role("checkbox", name=re.compile("^Caucasus Herald"))
        expect(herald).to_be_hidden()
        page.get_by_role("button", name="Filters (2 active)").click()
        expect(herald).to_be_visible()
    finally:
        context.close()
