"""Fixtures for the search page: an index of the seed corpus plus `ui_docs`, the app, a live
server on 127.0.0.1 and a headless Chromium driven by Playwright."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.conftest import seeds_plus
from webapp import create_app

from .ui_docs import UI_DOCS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def ui_index(tmp_path_factory) -> Path:
    return seeds_plus(tmp_path_factory.mktemp("ui"), UI_DOCS)


@pytest.fixture(scope="session")
def ui_app(ui_index):
    return create_app({"TESTING": True, "INDEX": str(ui_index)})


@pytest.fixture
def ui_client(ui_app):
    return ui_app.test_client()


@pytest.fixture(scope="session")
def ui_server(ui_app):
    """The app served by werkzeug on a free port of 127.0.0.1, for the browser."""
    server = make_server("127.0.0.1", 0, ui_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run `make browser` (needs root and apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def page(request, browser, ui_server):
    """A fresh page at desktop size, with JavaScript on and off; dialogs are recorded."""
    context = browser.new_context(
        java_script_enabled=request.param, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(5000)
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.base = ui_server
    pg.js = request.param
    yield pg
    context.close()
