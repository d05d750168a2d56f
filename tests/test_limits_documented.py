"""Every limit the validator enforces is the one the README and the OpenAPI document state."""

from __future__ import annotations

import re

import pytest

from indexer.params import (
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_VALUE_LENGTH,
    MAX_VALUES,
    MAX_YEAR,
    MIN_YEAR,
    ParamError,
    parse_params,
)
from indexer.results import MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_TERMS
from tests.conftest import ROOT
from webapp.openapi_parameters import SEARCH_PARAMETERS

# README row (its first cell) → the numbers it must quote, in order
README_ROWS = {
    "`q`": [MAX_QUERY_LENGTH, MAX_TERMS],
    "`page`": [1, MAX_PAGE],
    "`per_page`": [1, MAX_PER_PAGE, DEFAULT_PER_PAGE],
    "`year_from`, `year_to`": [MIN_YEAR, MAX_YEAR],
    "`publisher`, `language`": [MAX_VALUES, MAX_VALUE_LENGTH],
}


def _limits_table() -> dict[str, list[int]]:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### Limits", 1)[1].split("\n#", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`"):
            rows[cells[0]] = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", cells[1])]
    return rows


def test_readme_limits_are_the_code_constants():
    assert _limits_table() == README_ROWS


def test_readme_query_syntax_quotes_the_term_limit():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"up to {MAX_TERMS} terms" in readme


def _parameter(name: str) -> dict:
    return next(p for p in SEARCH_PARAMETERS if p["name"] == name)


def test_openapi_limits_are_the_code_constants():
    q = _parameter("q")
    assert q["schema"]["maxLength"] == MAX_QUERY_LENGTH
    assert f"{MAX_QUERY_LENGTH:,} characters and {MAX_TERMS} terms" in q["description"]
    page = _parameter("page")["schema"]["anyOf"][0]
    assert (page["minimum"], page["maximum"]) == (1, MAX_PAGE)
    per_page = _parameter("per_page")["schema"]
    assert (per_page["anyOf"][0]["maximum"], per_page["default"]) == (
        MAX_PER_PAGE,
        DEFAULT_PER_PAGE,
    )
    for name in ("year_from", "year_to"):
        year = _parameter(name)["schema"]["anyOf"][0]
        assert (year["minimum"], year["maximum"]) == (MIN_YEAR, MAX_YEAR)
    for name in ("publisher", "language"):
        schema = _parameter(name)["schema"]
        assert (schema["maxItems"], schema["items"]["maxLength"]) == (MAX_VALUES, MAX_VALUE_LENGTH)


@pytest.mark.parametrize(
    ("pairs", "param"),
    [
        ([("q", "x" * (MAX_QUERY_LENGTH + 1))], "q"),
        ([("q", " ".join(["x"] * (MAX_TERMS + 1)))], "q"),
        ([("page", str(MAX_PAGE + 1))], "page"),
        ([("per_page", str(MAX_PER_PAGE + 1))], "per_page"),
        ([("year_to", str(MAX_YEAR + 1))], "year_to"),
        ([("language", "x" * (MAX_VALUE_LENGTH + 1))], "language"),
        ([("publisher", str(n)) for n in range(MAX_VALUES + 1)], "publisher"),
        # blanks and repeats count as sent: the API document's maxItems counts them too
        (
            [("publisher", "0"), ("publisher", "")] * (MAX_VALUES // 2) + [("publisher", "0")],
            "publisher",
        ),
    ],
)
def test_one_past_each_documented_limit_is_refused(pairs, param):
    with pytest.raises(ParamError) as err:
        parse_params(pairs)
    assert err.value.param == param
