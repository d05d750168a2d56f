"""The API reference page in a real browser: the vendored viewer draws every operation from
the OpenAPI document, under the page's Content-Security-Policy, on a phone too."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from webapp.openapi import document

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_reference_draws_operations_and_parameters(browser, ui_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    blocked = []
    page.on(
        "console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None
    )
    try:
        page.goto(ui_server + "/api/docs")
        operation = page.locator("#operations-default-search")
        expect(operation).to_be_visible()
        expect(page.locator(".opblock")).to_have_count(len(document()["paths"]))
        operation.locator(".opblock-summary-control").click()
        expect(operation.locator(".parameters")).to_contain_text("per_page")
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert blocked == []
    finally:
        context.close()
