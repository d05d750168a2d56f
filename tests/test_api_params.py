"""The one validator of search parameters, shared by the CLI, the UI and the API."""

import re
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.params import (
    MAX_PAGE,
    ParamError,
    added_value_links,
    count_terms,
    parse_params,
    to_params,
)
from indexer.results import MAX_PER_PAGE, MAX_TERMS, SORTS, SearchRequest
from indexer.search.facets import facet
from webapp.openapi_parameters import SEARCH_PARAMETERS


def parse(pairs) -> SearchRequest:
    return parse_params(pairs)


def test_no_parameters_browse_everything_with_defaults():
    assert parse([]) == SearchRequest()


def test_every_parameter_is_read():
    req = parse(
        [
            ("q", " Khojaly massacre "),
            ("publisher", "Anadolu Agency"),
            ("publisher", "Reuters"),
            ("language", "en"),
            ("year_from", "1992"),
            ("year_to", "2023"),
            ("undated", "true"),
            ("sort", "date"),
            ("page", "3"),
            ("per_page", "25"),
        ]
    )
    assert req == SearchRequest(
        q="Khojaly massacre",
        publisher=("Anadolu Agency", "Reuters"),
        language=("en",),
        year_from=1992,
        year_to=2023,
        undated=True,
        sort="date",
        page=3,
        per_page=25,
    )


def test_round_trips_with_the_shared_query_string_form():
    req = SearchRequest(q="Xocalı", publisher=("AZERTAC",), year_from=1992, sort="date", page=2)
    assert parse(to_params(req)) == req


@pytest.mark.parametrize(
    "name", ["year_from", "year_to", "undated", "sort", "page", "per_page", "q"]
)
def test_empty_values_mean_not_given(name):
    assert parse([(name, ""), ("publisher", ""), ("language", " ")]) == SearchRequest()


def test_unknown_parameters_are_ignored():
    assert parse([("utm_source", "x"), ("page_size", "0"), ("q", "Shusha")]).q == "Shusha"


def test_repeated_values_are_merged_and_single_values_take_the_first():
    req = parse([("language", "en"), ("language", "en"), ("page", "2"), ("page", "9")])
    assert req.language == ("en",)
    assert req.page == 2


@pytest.mark.parametrize("q", ["Khojaly\tXocalı", "line one\r\nline two"])
def test_whitespace_controls_are_allowed_in_q(q):
    assert parse([("q", q)]).q == q


@pytest.mark.parametrize(
    ("pairs", "param"),
    [
        ([("per_page", "0")], "per_page"),
        ([("per_page", "1000")], "per_page"),
        ([("per_page", "ten")], "per_page"),
        ([("page", "-1")], "page"),
        ([("page", "0")], "page"),
        ([("page", "abc")], "page"),
        ([("page", "1.5")], "page"),
        ([("page", "10001")], "page"),
        ([("page", "٣")], "page"),
        ([("page", "99999999999999999999999")], "page"),
        ([("year_from", "x")], "year_from"),
        ([("year_to", "19920")], "year_to"),
        ([("year_from", "2000"), ("year_to", "1992")], "year_from"),
        ([("sort", "popularity")], "sort"),
        ([("q", "k" * 1001)], "q"),
        ([("q", "Khojaly\x00")], "q"),
        ([("q", "Khojaly\x1b[31m")], "q"),
        ([("publisher", "Anadolu\x07")], "publisher"),
        ([("language", "en\n")], "language"),
        ([("sort", "date\x7f")], "sort"),
        ([("publisher", "p" * 201)], "publisher"),
        ([("publisher", str(n)) for n in range(51)], "publisher"),
        ([("undated", "maybe")], "undated"),
        ([("year_to", "{''}")], "year_to"),
        ([("sort", "{name}{0}")], "sort"),
        ([("q", " ".join(["word"] * (MAX_TERMS + 1)))], "q"),
    ],
)
def test_invalid_values_name_their_parameter(pairs, param):
    with pytest.raises(ParamError) as err:
        parse(pairs)
    assert err.value.param == param
    assert param in err.value.detail


def test_braces_in_a_bad_value_are_quoted_as_they_are():
    with pytest.raises(ParamError) as err:
        parse([("sort", "{name}{0}")])
    assert err.value.detail.endswith("got '{name}{0}'")


def test_limits_themselves_are_accepted():
    req = parse([("q", "k" * 1000), ("page", "10000"), ("per_page", "100"), ("per_page", "1")])
    assert (len(req.q), req.page, req.per_page) == (1000, 10000, 100)
    assert parse([("per_page", "1")]).per_page == 1


# Text as people type it: no control characters, no surrounding whitespace (which is dropped).
_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30).map(str.strip)
_values = st.lists(_text.filter(bool), max_size=3, unique=True).map(tuple)
_years = st.integers(1, 9999)


@st.composite
def requests(draw) -> SearchRequest:
    low, high = sorted([draw(_years), draw(_years)])
    return SearchRequest(
        q=draw(_text),
        publisher=draw(_values),
        language=draw(_values),
        year_from=draw(st.none() | st.just(low)),
        year_to=draw(st.none() | st.just(high)),
        undated=draw(st.booleans()),
        sort=draw(st.sampled_from(SORTS)),
        page=draw(st.integers(1, MAX_PAGE)),
        per_page=draw(st.integers(1, MAX_PER_PAGE)),
    )


@given(requests())
def test_any_valid_request_survives_the_query_string(req):
    assert parse(to_params(req)) == req


@given(requests(), st.sampled_from(["publisher", "language"]), _text.filter(bool))
def test_facet_toggles_parse_back_to_the_toggled_request(req, name, value):
    toggled = facet(name).toggled(req, value)
    assert parse(to_params(toggled)) == toggled


@given(requests(), st.sampled_from(["publisher", "language"]), _text.filter(bool))
def test_a_facet_value_links_to_the_search_with_it_added_as_urlencode_spells_it(req, name, value):
    """The links of a page's unselected values share their encoding; urlencode is the oracle."""
    if value in getattr(req, name):
        return  # selected: its link removes it, a case this shortcut does not cover
    expected = "?" + urlencode(to_params(facet(name).toggled(req, value)))
    assert added_value_links(req, name)(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("TRUE", True), ("1", True), ("On", True), ("false", False)]
)
def test_undated_reads_the_usual_spellings_of_yes_and_no(value, expected):
    assert parse([("undated", value)]).undated is expected


_SPELLINGS = ["true", "false", "1", "0", "yes", "no", "on", "off", "maybe", "truth", "2"]


@given(
    st.sampled_from(["undated", "collapse"]),
    st.one_of(
        # a spelling in any case: each letter lower or upper
        st.sampled_from(_SPELLINGS).flatmap(
            lambda w: st.tuples(*(st.sampled_from([c, c.upper()]) for c in w)).map("".join)
        ),
        st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=6),
    ),
)
def test_a_yes_or_no_parameter_takes_exactly_what_the_api_document_allows(name, value):
    """The OpenAPI document is what clients and the fuzz test check requests against (for a
    value as sent, without the spaces the API trims from every parameter)."""
    schema = next(p["schema"] for p in SEARCH_PARAMETERS if p["name"] == name)
    documented = any(re.fullmatch(s["pattern"], value) for s in schema["anyOf"] if "pattern" in s)
    try:
        parse([(name, value)])
    except ParamError:
        assert not documented
    else:
        assert documented


@pytest.mark.parametrize(
    ("q", "terms"),
    [
        ("Khojaly", 1),
        ('"Khojaly massacre" Hojaly', 2),
        ("Khojaly OR Hojaly NOT Agdam", 3),
        ("-Srebrenica Kho* | ( )", 2),
        ("", 0),
    ],
)
def test_terms_are_words_phrases_and_prefixes_not_operators(q, terms):
    assert count_terms(q) == terms


def test_the_term_limit_itself_is_accepted():
    q = " OR ".join(["word"] * MAX_TERMS)
    assert parse([("q", q)]).q == q


def test_messages_name_parameters_the_way_the_caller_spells_them():
    flags = {"year_from": "--year-from", "year_to": "--year-to"}
    with pytest.raises(ParamError) as err:
        parse_params([("year_from", "2020"), ("year_to", "1990")], spell=flags.get)
    assert err.value.param == "year_from"
    assert err.value.detail == "--year-from (2020) is after --year-to (1990)"


@given(requests(), st.one_of(_years.map(str), st.just("undated")))
def test_year_toggles_parse_back_and_undo_themselves(req, value):
    if value != "undated":  # from no range, a year toggles its own one-year range on and off
        req = replace(req, year_from=None, year_to=None)
    toggled = facet("year").toggled(req, value)
    assert parse(to_params(toggled)) == toggled
    assert facet("year").toggled(toggled, value) == replace(req, page=1)
