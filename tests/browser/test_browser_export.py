"""Exporting from the results page: the downloaded files hold every match the page counts."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("fmt", ["CSV", "JSON"])
def test_download_from_the_results_page_holds_every_match(page, fmt):
    page.goto(page.base + "/?q=Khojaly&publisher=Baku+Review&per_page=2")
    heading = page.locator("#results-heading").inner_text()
    total = int(re.match(r"\d+", heading).group())
    assert total > 2  # more than the page shows
    with page.expect_download() as info:
        page.get_by_role("link", name=fmt, exact=True).click()
    download = info.value
    assert download.suggested_filename.startswith("khojaly-search-khojaly-")
    text = download.path().read_text(encoding="utf-8-sig")
    if fmt == "CSV":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == total and {r["publisher"] for r in rows} == {"Baku Review"}
    else:
        body = json.loads(text)
        assert body["exported"] == body["total"] == total
