"""Query-string parsing shared by the UI and the API (webapp.params)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from indexer.params import to_params, toggled
from indexer.results import MAX_PER_PAGE, SORTS, SearchRequest
from webapp.params import MAX_PAGE, ParamError, parse_search_args


def parse(pairs) -> SearchRequest:
    return parse_search_args(MultiDict(pairs))


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
        sort="date",
        page=3,
        per_page=25,
    )


def test_round_trips_with_the_shared_query_string_form():
    req = SearchRequest(q="Xocalı", publisher=("AZERTAC",), year_from=1992, sort="date", page=2)
    assert parse(to_params(req)) == req


@pytest.mark.parametrize("name", ["year_from", "year_to", "sort", "page", "per_page", "q"])
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
    ],
)
def test_invalid_values_name_their_parameter(pairs, param):
    with pytest.raises(ParamError) as err:
        parse(pairs)
    assert err.value.param == param
    assert param in err.value.detail


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
        sort=draw(st.sampled_from(SORTS)),
        page=draw(st.integers(1, MAX_PAGE)),
        per_page=draw(st.integers(1, MAX_PER_PAGE)),
    )


@given(requests())
def test_any_valid_request_survives_the_query_string(req):
    assert parse(to_params(req)) == req


@given(requests(), st.sampled_from(["publisher", "language"]), _text.filter(bool))
def test_facet_toggles_parse_back_to_the_toggled_request(req, facet, value):
    assert parse(to_params(toggled(req, facet, value))) == toggled(req, facet, value)
