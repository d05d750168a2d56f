"""What the search page shows, derived from a `SearchRequest` and its `SearchResult`.

Templates stay declarative: links, chips, year bars and pages are computed here.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from babel.dates import format_date, format_skeleton
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from indexer.params import query_string
from indexer.results import FacetValue, Hit, SearchRequest, UnknownFilter
from indexer.search.facets import facet
from indexer.search.facets.languages import language_name as facet_language_name

CHART_HEIGHT = 60  # px, the tallest year bar
MAX_CONTINUOUS_YEARS = 60  # wider spans show only the years that have documents


def language_name(code: str | None) -> str:
    """The language's name in the interface language (CLDR names, from Babel)."""
    if not code:
        return _("Unknown")
    locale = get_locale()
    name = locale.languages.get(code) if locale else None
    if not name:
        return facet_language_name(code)
    first = name[:1]
    if first == "i" and locale.language in ("az", "tr"):
        first = "İ"  # the dotted capital of these alphabets (ingilis → İngilis)
    return first.upper() + name[1:]


def page_url(req: SearchRequest, **changes) -> str:
    """The search page URL for `req` with some fields changed."""
    return "/" + query_string(replace(req, **changes))


@dataclass
class Chip:
    label: str
    remove_url: str


def chips(req: SearchRequest) -> list[Chip]:
    """One removable chip per active filter."""
    out = [
        Chip(
            _("Publisher: %(name)s", name=p), "/" + query_string(facet("publisher").toggled(req, p))
        )
        for p in req.publisher
    ]
    out += [
        Chip(
            _("Language: %(name)s", name=language_name(c)),
            "/" + query_string(facet("language").toggled(req, c)),
        )
        for c in req.language
    ]
    if req.year_from is not None or req.year_to is not None:
        out.append(
            Chip(
                _("Years: %(range)s", range=year_range_label(req)),
                page_url(req, year_from=None, year_to=None, page=1),
            )
        )
    if req.undated:
        out.append(Chip(_("Undated"), page_url(req, undated=False, page=1)))
    return out


def year_range_label(req: SearchRequest) -> str:
    lo, hi = req.year_from, req.year_to
    if lo is not None and lo == hi:
        return str(lo)
    if hi is None:
        return _("%(year)s and later", year=lo)
    if lo is None:
        return _("up to %(year)s", year=hi)
    return f"{lo}–{hi}"


def clear_all_url(req: SearchRequest) -> str:
    return page_url(
        req, publisher=(), language=(), year_from=None, year_to=None, undated=False, page=1
    )


def unknown_filter_message(unknown: UnknownFilter) -> str:
    """ "There is no publisher “Anadolu” in the archive." (suggestions are linked by the page)"""
    return _(
        "There is no %(what)s “%(value)s” in the archive.",
        what=FILTER_NAMES.get(unknown.parameter, unknown.parameter),
        value=unknown.value,
    )


FILTER_NAMES = {"publisher": _l("publisher"), "language": _l("language")}


@dataclass
class YearBar:
    year: int
    count: int
    selected: bool
    url: str
    x: int
    height: int


@dataclass
class YearChart:
    bars: list[YearBar]
    width: int  # viewBox units; a chart of few years keeps narrow bars, centred

    @property
    def first(self) -> int:
        return self.bars[0].year

    @property
    def last(self) -> int:
        return self.bars[-1].year


BAR_STEP = 8  # viewBox units per year: a 6-unit bar and a gap
MIN_CHART_YEARS = 16


def year_chart(req: SearchRequest, values: list[FacetValue]) -> YearChart | None:
    """Bars for the year chart, oldest first; gaps in short spans are drawn as empty years."""
    counts = {int(v.value): v for v in values if v.value.isdigit()}
    if not counts:
        return None
    lo, hi = min(counts), max(counts)
    years = range(lo, hi + 1) if hi - lo < MAX_CONTINUOUS_YEARS else sorted(counts)
    width = max(len(years), MIN_CHART_YEARS) * BAR_STEP
    offset = (width - len(years) * BAR_STEP) // 2
    tallest = max(v.count for v in counts.values()) or 1
    bars = []
    for i, year in enumerate(years):
        value = counts.get(year)
        count = value.count if value else 0
        height = max(2, round(CHART_HEIGHT * count / tallest)) if count else 0
        selected = bool(value and value.selected)
        url = "/" + query_string(facet("year").toggled(req, str(year)))
        bars.append(YearBar(year, count, selected, url, offset + i * BAR_STEP, height))
    return YearChart(bars, width)


def also_matched(hit: Hit) -> list[str]:
    """Spellings the document uses that differ from the words the user typed."""
    seen: list[str] = []
    for word, spellings in hit.matched.items():
        for spelling in spellings:
            if spelling.casefold() != word.casefold() and spelling not in seen:
                seen.append(spelling)
    return seen


def pages(current: int, total_pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to link, with None where a run of pages is left out."""
    wanted = {1, total_pages, *range(current - around, current + around + 1)}
    out: list[int | None] = []
    for n in sorted(p for p in wanted if 1 <= p <= total_pages):
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def human_date(value: str | None) -> str:
    """ISO dates as people read them in the interface language (2023-02-26 → 26 February 2023);
    partial dates stay partial (2023-02 → February 2023, 2023 → 2023)."""
    if not value:
        return ""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return format_date(datetime.date(*numbers), format="long", locale=get_locale())
        if len(numbers) == 2:
            month = datetime.date(numbers[0], numbers[1], 1)
            return format_skeleton("yMMMM", month, locale=get_locale())
    except ValueError:
        return value
    return parts[0]


_NOT_A_MARK_TAG = re.compile(r"<(?!/?mark>)")


def safe_snippet(html: str) -> Markup:
    """A core snippet as markup: it is escaped already; any `<` other than <mark> is re-escaped."""
    return Markup(_NOT_A_MARK_TAG.sub("&lt;", html))


def mark_first(html: str) -> tuple[Markup, int]:
    """Highlighted document text with an anchor on the first match, and the number of matches."""
    count = html.count("<mark>")
    html = _NOT_A_MARK_TAG.sub("&lt;", html).replace("<mark>", '<mark id="first-match">', 1)
    return Markup(html), count


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines (marks never span one); markup stays markup."""
    parts = re.split(r"\n\s*\n", text)
    wrap = Markup if isinstance(text, Markup) else str
    return [wrap(p.strip("\n")) for p in parts if p.strip()]


def link_url(url: str | None) -> str | None:
    """`url` if it is safe to link (http or https), else None: the page shows it as text."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


PARAM_LABELS = {
    "q": _l("The query"),
    "publisher": _l("A publisher"),
    "language": _l("A language"),
    "year_from": _l("The first year"),
    "year_to": _l("The last year"),
    "undated": _l("The choice of undated documents"),
    "sort": _l("The sort order"),
    "page": _l("The page number"),
    "per_page": _l("The number of results per page"),
    "collapse": _l("Grouping copies"),
}


def param_message(param: str, detail: str) -> str:
    label = PARAM_LABELS.get(param, _l("A parameter"))
    return _("%(what)s cannot be used: %(detail)s.", what=label, detail=detail)


def year_message(year_from: str | None, year_to: str | None) -> str:
    """Why the typed year range was not applied, in the words of the form's own fields."""
    lo, hi = (year_from or "").strip()[:20], (year_to or "").strip()[:20]
    if lo.isdigit() and hi.isdigit() and int(lo) > int(hi):
        return _("“From” (%(first)s) is after “to” (%(last)s). Swap them or change one.",
                 first=lo, last=hi)  # fmt: skip
    return _("Years are whole numbers from 1 to 9999. Change the years and try again.")


FORMAT_NAMES = {
    "html": _l("Web page (HTML)"),
    "warc": _l("Web archive (WARC)"),
    "pdf": "PDF",
    "docx": _l("Word document (DOCX)"),
}


def format_name(code: str | None) -> str:
    return FORMAT_NAMES.get(code or "", code or _("Text"))


def page_labels(pages: list[dict], first: int = 0) -> dict[int, str]:
    """Index among the shown paragraphs -> label of the PDF page that begins there (the last
    of several), when the paragraphs shown start with paragraph `first` of the text."""
    return {p["paragraph"] - first: p["label"] for p in pages if p["paragraph"] >= first}
