"""Every page, in each interface language, at desktop and phone width has no axe-core
violations, and fits the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from . import a11y
from .test_browser_screenshots import ARTIFACTS

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "phone": 375}
PAGES = {
    "home": "/",
    "results": "/?q=Khojaly",
    "filtered": "/?q=Hojaly&publisher=Caucasus+Herald&year_from=1992&year_to=2012",
    "no-results": "/?q=nosuchwordanywhere",
    "year-mistake": "/?q=Khojaly&year_from=2030&year_to=2010",
    "bad-query": "/?q=%22unclosed+AND+OR+(",
    "document": "/doc/ui-01?q=Khojaly&back=%3Fq%3DKhojaly",
    "not-found": "/doc/no-such-doc",
    "api-docs": "/api/docs",
}


@pytest.fixture(scope="module", params=WIDTHS)
def axe_page(request, browser, ui_server):
    context = browser.new_context(
        viewport={"width": WIDTHS[request.param], "height": 900}, bypass_csp=True
    )
    pg = context.new_page()
    pg.base = ui_server
    yield pg
    context.close()


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("name", PAGES)
def test_no_accessibility_violations(axe_page, name, lang):
    path = PAGES[name]
    axe_page.goto(axe_page.base + path + ("&" if "?" in path else "?") + "lang=" + lang)
    assert axe_page.locator("html").get_attribute("lang") == lang
    if name == "api-docs":
        expect(axe_page.locator(".opblock").first).to_be_visible()
    assert a11y.violations(axe_page) == []
    overflow = axe_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "the page is wider than the screen"


@pytest.mark.parametrize("width", WIDTHS)
def test_dark_theme_follows_the_system_and_keeps_contrast(browser, ui_server, width):
    context = browser.new_context(
        viewport={"width": WIDTHS[width], "height": 900}, color_scheme="dark", bypass_csp=True
    )
    page = context.new_page()
    try:
        for name, path in PAGES.items():
            page.goto(ui_server + path + ("&" if "?" in path else "?") + "lang=en")
            if name == "api-docs":
                expect(page.locator(".opblock").first).to_be_visible()
            background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
            assert background == "rgb(21, 24, 28)", name
            assert a11y.violations(page) == [], name
            if name in ("results", "document"):
                page.screenshot(path=ARTIFACTS / f"dark-{name}-{width}.png", full_page=True)
    finally:
        context.close()
